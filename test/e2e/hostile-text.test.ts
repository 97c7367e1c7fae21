import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type DecodeState, decodeText } from "../../src/io/survey/decode.js";
import { decodeUtf8 } from "../../src/io/yaml.js";
import { ganttChart, mermaidText } from "../../src/render/report/markdown.js";
import { loadTemplates } from "../../src/render/templates.js";
import { hasStackTrace, REPO, runCli } from "../helpers/cli.js";
import { acmeReport } from "../helpers/report.js";

// Issue 10, item 13 and the smaller items: no raw control character from any input text reaches
// a terminal or a Markdown file, and the small hostile inputs get located, readable messages.

const ESC = "\u001b";
const EVIL = `${ESC}]0;PWNED\u0007${ESC}[2J${ESC}[31mAcme`;
// Any C0/C1 control but line feed and tab.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** An answers file whose every free text carries terminal escapes. */
function hostileFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-hostile-"));
  const source = readFileSync(path.join(REPO, "examples/acme-manufacturing/answers/01-ceo.yaml"));
  const text = source
    .toString("utf8")
    .replace(/^( {4}name: ).*$/m, `$1"${EVIL.replaceAll(ESC, "\\e").replace("\u0007", "\\a")}"`)
    .replace(/^( {2}assessor: ).*$/m, '$1"\\e[2JMallory"')
    .replace(/^( {4}industry: ).*$/m, '$1"Steel\\e[8m hidden"')
    .replace(/^( {4}size: ).*$/m, '$1"\\x9b2J big"');
  writeFileSync(path.join(dir, "a.yaml"), text);
  writeFileSync(
    path.join(dir, "b.yaml"),
    // Another client name, so that compare warns about it on standard error.
    text
      .replace(/^( {2}date: ).*$/m, "$12026-09-30")
      .replace(/^( {2}- id: )(\S+)/m, "$1$2-b")
      .replace("PWNED", "PWNED-2"),
  );
  return dir;
}

describe("no raw control character reaches a terminal or a Markdown file", () => {
  it("escapes client, assessor, industry and size in score, compare, report and roadmap", () => {
    const dir = hostileFolder();
    expect(readFileSync(path.join(dir, "a.yaml"), "utf8")).toContain('"\\e]0;PWNED');
    const runs = [
      ["score", "a.yaml"],
      ["score", "a.yaml", "--format", "md"],
      ["compare", "a.yaml", "b.yaml"],
      ["compare", "a.yaml", "b.yaml", "--format", "md"],
      ["report", "a.yaml", "-o", "r.md"],
      ["roadmap", "a.yaml", "--format", "md"],
    ];
    for (const args of runs) {
      const r = runCli(args, { cwd: dir });
      expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(RAW_CONTROL.test(r.stdout), args.join(" ")).toBe(false);
      expect(RAW_CONTROL.test(r.stderr), args.join(" ")).toBe(false);
    }
    const md = readFileSync(path.join(dir, "r.md"), "utf8");
    expect(RAW_CONTROL.test(md)).toBe(false);
    expect(md).toContain("\\\\u001b\\]0;PWNED");
  });
});

describe("small hostile inputs get located, readable messages", () => {
  it("refuses an answer keyed __proto__ at its key instead of dropping it", () => {
    const dir = hostileFolder();
    const file = path.join(dir, "a.yaml");
    const text = readFileSync(file, "utf8").replace(/^( {4}answers:\n)/m, "$1      __proto__: 3\n");
    writeFileSync(file, text);
    const line = text.split("\n").findIndex((l) => l.includes("__proto__")) + 1;
    const r = runCli(["score", "a.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`a.yaml:${line}:7  error  expected a question or field name`);
  });

  it("says what a date should look like, without a regular expression", () => {
    const dir = hostileFolder();
    const file = path.join(dir, "a.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^( {2}date: ).*$/m, "$12025-13-45"));
    const r = runCli(["score", "a.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'to be a calendar date as YYYY-MM-DD (e.g. 2025-03-31); found the text "2025-13-45"',
    );
    expect(r.stderr).not.toMatch(/\\d|\(\?:/);
  });

  it("refuses --horizon 0x10 as a usage error", () => {
    const r = runCli([
      "score",
      "examples/acme-manufacturing/answers/01-ceo.yaml",
      "--horizon",
      "0x10",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--horizon expects whole months from 1 to 120; found "0x10"');
  });

  it("keeps a Gantt task named `section …` a task, and drops Mermaid math", () => {
    const report = acmeReport();
    const first = report.roadmap.actions[0];
    if (!first) throw new Error("the fixture has no roadmap action");
    const hostile = {
      ...report,
      roadmap: {
        ...report.roadmap,
        actions: [{ ...first, title: "section Evil" }, ...report.roadmap.actions.slice(1)],
      },
    };
    const lines = ganttChart(hostile).split("\n");
    expect(lines.filter((l) => /^ {2}section /.test(l))).toHaveLength(
      new Set(report.roadmap.actions.map((a) => a.phase)).size + 1,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}· section Evil :a1, /));
    expect(mermaidText("$$\\sqrt{x}$$ cost")).toBe("sqrt x cost");
  });

  it("locates a template's runtime error at its line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-tpl-"));
    cpSync(path.join(REPO, "templates"), dir, { recursive: true });
    writeFileSync(path.join(dir, "compare.md.hbs"), "# Title\n\nSee {{nofield}}\n");
    const templates = await loadTemplates({ dir, cwd: dir });
    let issues: { start: { line: number } }[] = [];
    try {
      templates.render("compare", {}, {});
    } catch (err) {
      issues = (err as { issues: typeof issues }).issues;
    }
    expect(issues[0]?.start.line).toBe(3);
  });
});

describe("encoding messages give the right byte", () => {
  async function decodeError(bytes: Uint8Array, choice: "auto" | "gb18030" | "utf-16le") {
    const state: DecodeState = { bytesRead: 0, notices: [] } as unknown as DecodeState;
    try {
      const source = (async function* () {
        yield bytes;
      })();
      for await (const _ of decodeText(source, choice, state, "x.csv")) {
        // drain
      }
    } catch (err) {
      return (err as Error).message;
    }
    return "";
  }

  it("names the byte of an invalid sequence in a chosen encoding", async () => {
    const bytes = Buffer.concat([Buffer.from("id,name,score,ok\n"), Buffer.from([0xff, 0x0a])]);
    expect(bytes[16]).toBe(0x0a);
    expect(
      await decodeError(Buffer.concat([bytes.subarray(0, 16), Buffer.from([0xff])]), "gb18030"),
    ).toContain("at byte 17");
  });

  it("says that a UTF-8 byte-order mark was followed by other text", async () => {
    const gb = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GB18030
    const message = await decodeError(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a,b\n"), gb]),
      "auto",
    );
    expect(message).toContain("at byte 8");
    expect(message).toContain("byte-order mark");
    expect(message).not.toContain("the start of the file was valid UTF-8");
  });

  it("recognises a UTF-16BE byte-order mark in a YAML file", () => {
    const result = decodeUtf8(Buffer.from([0xfe, 0xff, 0x00, 0x69]), "a.yaml");
    expect(result).toMatchObject({ issue: { message: expect.stringContaining("UTF-16") } });
  });

  it("never prints a stack trace for a hostile CSV encoding", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-enc-"));
    mkdirSync(path.join(dir, "x"));
    writeFileSync(path.join(dir, "e.csv"), Buffer.from([0xfe, 0xff, 0xd8, 0x00, 0x0a]));
    const r = runCli(["map", "init", "e.csv"], { cwd: dir });
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
