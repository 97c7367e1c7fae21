import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/cli.js";

/** A named pipe with a reader attached; `read()` resolves to what was written into it. */
function fifo(): { file: string; read: () => Promise<string> } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "crm-fifo-")), "out");
  expect(spawnSync("mkfifo", [file]).status).toBe(0);
  const reader = spawn("cat", [file]);
  let text = "";
  reader.stdout.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return { file, read: () => new Promise((resolve) => reader.on("close", () => resolve(text))) };
}

// `-o /dev/null` or `-o /dev/stdout` must write into the device, not rename a file over it.
describe("outputs that are devices or pipes are written into, not replaced", () => {
  it("-o of a one-shot writer (validate)", async () => {
    const out = fifo();
    const r = runCli(["validate", "questionnaires/", "--format", "json", "-o", out.file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(await out.read()).issues).toEqual([]);
    expect(statSync(out.file).isFIFO()).toBe(true);
  });

  it("--respondents of a streaming writer (batch)", async () => {
    const out = fifo();
    const survey = path.join(REPO, "test/fixtures/survey/qualtrics");
    const r = runCli([
      "batch",
      path.join(survey, "export.csv"),
      "--map",
      path.join(survey, "mapping.yaml"),
      "-q",
      path.join(REPO, "test/fixtures/batch/questionnaire/questionnaire.yaml"),
      "--respondents",
      out.file,
      "-o",
      "-",
    ]);
    expect(r.status).toBe(0);
    const lines = (await out.read()).trim().split("\n");
    expect(lines).toHaveLength(9); // a header and the 8 scored respondents
    expect(statSync(out.file).isFIFO()).toBe(true);
  });
});
