// Why a command stopped, on standard error: one line a message when piped (scripts parse them),
// laid out in the terminal's width at one, a located finding's place at the start of its line.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { envWith } from "../../src/app/env.js";
import { printFailure, printIssues, stderrLayout } from "../../src/app/print-issues.js";
import { InputError, UsageError } from "../../src/core/diagnostics/errors.js";
import { makeIssue } from "../../src/core/diagnostics/source.js";
import { displayWidth } from "../../src/core/text/width.js";
import { messageLines } from "../../src/render/terminal/messages.js";

/** What `print` writes on a stream. */
function written(print: (stream: Writable) => void): string {
  let text = "";
  const stream = new Writable({
    write: (chunk, _enc, cb) => {
      text += String(chunk);
      cb();
    },
  });
  print(stream);
  return text;
}

const misaligned = makeIssue(
  "invalid-value",
  'expected column F ("#6" in the mapping) to ask lead.bad-news; found the text of cult.hoarding in its header, "Do teams keep customer data to themselves?": the export\'s columns do not line up with the mapping (was a question added, removed or moved in the survey?). Map each column to the question it asks, or suggest a new mapping with `crm-maturity map init`',
  "my mappings/wave 1.yaml",
  { start: { line: 14, column: 3 }, end: { line: 14, column: 7 } },
);
const failure = new InputError(
  "the mapping my mappings/wave 1.yaml does not fit survey exports/wave 1.csv",
  [misaligned],
);
const PIPED = [
  `my mappings/wave 1.yaml:14:3  error  ${misaligned.message}  (invalid-value)`,
  "crm-maturity: the mapping my mappings/wave 1.yaml does not fit survey exports/wave 1.csv",
  "",
].join("\n");
const given = ["my mappings/wave 1.yaml", "survey exports/wave 1.csv"];

describe("printFailure", () => {
  it("prints each finding and the error on one line when piped, as ever", () => {
    expect(written((s) => printFailure(failure, s))).toBe(PIPED);
    const e = envWith({ stderrIsTTY: false, vars: { COLUMNS: "60" } });
    expect(stderrLayout(e, given)).toBeUndefined();
    expect(written((s) => printIssues([misaligned], s, stderrLayout(e, given)))).toBe(
      `${PIPED.split("\n")[0]}\n`,
    );
  });

  it.each([60, 80, 120])(
    "lays them out in %i columns at a terminal, the place first, no path or quoted value split",
    (width) => {
      const e = envWith({ stderrIsTTY: true, stderrColumns: width, vars: {} });
      const lines = written((s) => printFailure(failure, s, stderrLayout(e, given)))
        .trimEnd()
        .split("\n");
      expect(lines[0]).toMatch(/^my mappings\/wave 1\.yaml:14:3 {2}error {2}expected /);
      const starts = lines.filter((line) => !line.startsWith("  "));
      expect(starts.map((line) => line.slice(0, 12))).toEqual(["my mappings/", "crm-maturity"]);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      for (const piece of [...given, '"Do teams keep customer data to themselves?":'])
        expect(lines.some((line) => line.includes(piece))).toBe(true);
      expect(lines.join(" ").split(/\s+/)).toEqual(PIPED.trimEnd().split(/\s+/));
    },
  );

  it("keeps a usage error's own lines, a command on them whole", () => {
    const usage = new UsageError(
      "interview needs an interactive terminal (standard input and output must both be a TTY).\n  To score answers you already have:   crm-maturity score answers/ --lang zh-CN --format table",
    );
    expect(written((s) => printFailure(usage, s))).toBe(`crm-maturity: error: ${usage.message}\n`);
    const lines = written((s) => printFailure(usage, s, { width: 50, whole: [] }))
      .trimEnd()
      .split("\n");
    expect(lines).toEqual([
      "crm-maturity: error: interview needs an",
      "  interactive terminal (standard input and output",
      "  must both be a TTY).",
      "  To score answers you already have:",
      "crm-maturity score answers/ --lang zh-CN --format table",
    ]);
    const wide = written((s) => printFailure(usage, s, { width: 80, whole: [] })).split("\n");
    expect(wide.slice(2, 4)).toEqual([
      "  To score answers you already have:",
      "    crm-maturity score answers/ --lang zh-CN --format table",
    ]);
  });
});

describe("messageLines", () => {
  it("puts a path too wide for a line on a line of its own, unbroken", () => {
    const file = "/home/consultant/clients/huaxin retail/2026 wave 1/问卷星导出.csv";
    const text = `crm-maturity: notice: ${file} is not valid UTF-8; reading it as GB18030, the encoding Chinese Excel saves (use --encoding to choose another)`;
    expect(messageLines(text, { width: 60, whole: [file] })).toEqual([
      "crm-maturity: notice:",
      `  ${file}`,
      "  is not valid UTF-8; reading it as GB18030, the encoding",
      "  Chinese Excel saves (use --encoding to choose another)",
    ]);
  });
});
