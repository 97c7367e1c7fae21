// What `report` and `roadmap` say at a terminal once the file is written: in the report's
// language, naming the file by a path the user can use (relative inside the current folder,
// absolute outside it).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { envWith } from "../../src/app/env.js";
import { runReport } from "../../src/app/report.js";
import { exampleAnswers } from "../helpers/cli.js";

function capture(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write: (chunk, _enc, cb) => {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

async function run(lang: "en" | "zh-CN", output: string, cwd: string): Promise<string> {
  const stderr = capture();
  const e = envWith({ cwd, stdout: capture().stream, stderr: stderr.stream, stderrIsTTY: true });
  const code = await runReport(
    "roadmap",
    exampleAnswers("huaxin-retail"),
    { format: "md", output, lang, strategy: "small-slow" },
    e,
  );
  expect(code).toBe(0);
  return stderr.text();
}

describe("report and roadmap at a terminal", () => {
  it("say what they wrote in --lang, by a path the user can use", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "crm-report-status-"));
    expect(await run("en", "./out/roadmap.md", cwd)).toBe("crm-maturity: wrote out/roadmap.md\n");
    expect(await run("zh-CN", "out/路线图.md", cwd)).toBe("crm-maturity: 已写入 out/路线图.md\n");
    const elsewhere = path.join(mkdtempSync(path.join(tmpdir(), "crm-report-out-")), "r.md");
    const outside = path.relative(cwd, elsewhere);
    expect(outside.startsWith("..")).toBe(true);
    expect(await run("zh-CN", outside, cwd)).toBe(`crm-maturity: 已写入 ${elsewhere}\n`);
  });
});
