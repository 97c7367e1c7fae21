// The summary `batch` prints on standard error: what to do with the rejected rows; and how its
// lines on standard error are laid out at a terminal.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runBatchCommand, summaryLines } from "../../src/app/batch.js";
import { envWith } from "../../src/app/env.js";
import type { BatchSummary } from "../../src/batch/run.js";
import { displayWidth } from "../../src/core/text/width.js";
import { messageLines } from "../../src/render/terminal/messages.js";
import { fakeTerminal, screenLines } from "../helpers/terminal.js";

const csv: BatchSummary["info"] = { format: "csv", encoding: "utf-8", delimiter: ",", notices: [] };

/** A run of 10 rows, 2 of them rejected, over the given inputs. */
function summary(inputs: string[]): BatchSummary {
  return {
    rows: { total: 10, scored: 8, excluded: 0, rejected: 2, duplicates: 0, blank: 0 },
    exclusions: [],
    careless: {
      threshold: 5,
      secondsPerItem: 2,
      timing: null,
      flagged: 0,
      excluded: 0,
      reasons: { "straight-lining": 0, "long-string": 0, "too-fast": 0 },
    },
    rejects: { "invalid-answer": 2 } as BatchSummary["rejects"],
    notForRole: 0,
    unmapped: [],
    unreported: 0,
    info: csv,
    sources: inputs.map((display) => ({ display, info: csv })),
    preset: "generic",
  };
}

describe("summaryLines", () => {
  it("gives the command that scores the corrections with the run's inputs, quoted for the shell", () => {
    const lines = summaryLines(summary(["wave 1.csv", "wave2.csv"]), {
      file: "rejects.csv",
      inputs: ["wave 1.csv", "wave2.csv"],
      map: "mapping.yaml",
    });
    expect(lines[0]).toBe(
      'crm-maturity: batch (generic; wave 1.csv: utf-8, ","-separated; wave2.csv: utf-8, ","-separated): 10 rows · 8 scored · 2 rejected (invalid-answer: 2)',
    );
    expect(lines.at(-1)).toBe(
      "crm-maturity: every rejected row is in rejects.csv: correct the rows there, then score it with the same inputs in one run, where each corrected row replaces the row it came from: crm-maturity batch 'wave 1.csv' wave2.csv rejects.csv --map mapping.yaml",
    );
  });

  it("repeats the run's options that decide how rows are read and scored", () => {
    const lines = summaryLines(summary(["export.csv"]), {
      file: "rejects.csv",
      inputs: ["export.csv"],
      map: "mapping.yaml",
      options: ["-q", "our pack.yaml", "--encoding", "gb18030", "--exclude-careless"],
    });
    expect(lines.at(-1)).toMatch(
      /: crm-maturity batch export\.csv rejects\.csv --map mapping\.yaml -q 'our pack\.yaml' --encoding gb18030 --exclude-careless$/,
    );
  });

  it("after standard input, which cannot be read again, scores the corrections alone", () => {
    const lines = summaryLines(summary(["<stdin>"]), {
      file: "rejects.csv",
      inputs: [],
      map: "mapping.yaml",
    });
    expect(lines[0]).toMatch(/^crm-maturity: batch \(generic, utf-8, ","-separated\): 10 rows/);
    expect(lines.at(-1)).toBe(
      "crm-maturity: every rejected row is in rejects.csv: correct the rows there, then score that file with the same mapping: crm-maturity batch rejects.csv --map mapping.yaml",
    );
  });
});

/**
 * Checks lines laid out in `width` columns: a hanging indent of two, no line wider than `width`
 * (but a command, which is never broken), every word of `text` kept in order, each of `whole`
 * on one line.
 */
function expectLaidOut(
  lines: string[],
  width: number,
  text: string,
  whole: readonly string[],
  command = "",
): void {
  expect(lines.length).toBeGreaterThan(1);
  expect(lines[0]).toMatch(/^\S/);
  for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S|^crm-maturity batch /);
  for (const line of lines)
    if (line.trim() !== command) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  expect(words(lines.join(" "))).toEqual(words(text + command));
  for (const piece of whole) expect(lines.some((line) => line.includes(piece))).toBe(true);
}

describe("batch's lines on standard error at a terminal", () => {
  const problem =
    'survey exports/wave 1.csv: row 12, "Q4_1" (column U): expected a level 1–5 or an answer label such as "Strongly agree", "非常同意" or "N/A"; found "Maybe" (give the label a value under `labels` in the mapping)  (invalid-answer)';
  const quoted = ['"Q4_1"', '"Strongly agree",', '"非常同意"', '"N/A";', '"Maybe"', "`labels`"];

  it.each([60, 80, 120])(
    "wrap a problem at %i columns with a hanging indent, no path or quoted value split",
    (width) => {
      const lines = messageLines(problem, { width, whole: ["survey exports/wave 1.csv"] });
      expectLaidOut(lines, width, problem, ["survey exports/wave 1.csv:", ...quoted]);
    },
  );

  it.each([60, 80, 120])(
    "wrap the summary at %i columns, the command to feed the rejects back whole on its own line",
    (width) => {
      const inputs = ["wave 1.csv", "wave2.csv"];
      const rejects = { file: "rejects.csv", inputs, map: "mapping.yaml" };
      const piped = summaryLines(summary(inputs), rejects);
      const lines = summaryLines(summary(inputs), rejects, {
        width,
        whole: [...inputs, "mapping.yaml", "rejects.csv"],
      });
      const command = "crm-maturity batch 'wave 1.csv' wave2.csv rejects.csv --map mapping.yaml";
      // The command alone on the last line, indented only when it fits (else the terminal folds it).
      expect(lines.at(-1)).toBe(displayWidth(command) + 2 <= width ? `  ${command}` : command);
      expect(lines.at(-2)).toMatch(/ from:$/);
      const first = lines.findIndex((line, i) => i > 0 && !line.startsWith("  "));
      expectLaidOut(lines.slice(0, first), width, piped[0] as string, [
        "wave 1.csv:",
        '","-separated;',
      ]);
      expectLaidOut(
        lines.slice(first),
        width,
        (piped[1] as string).replace(command, ""),
        [],
        command,
      );
    },
  );

  const fixture = path.resolve(import.meta.dirname, "../fixtures/batch");

  /** The lines batch shows on standard error, a terminal 60 columns wide or a pipe. */
  async function stderrOf(tty: boolean, map = "bad-rows/mapping.yaml"): Promise<string[]> {
    const stderr = fakeTerminal(60);
    const e = envWith({
      cwd: fixture,
      stdout: new Writable({ write: (_c, _e, cb) => cb() }),
      stderr,
      stderrIsTTY: tty,
      stderrColumns: tty ? 60 : undefined,
      vars: {},
    });
    const opts = {
      map,
      questionnaire: "questionnaire/questionnaire.yaml",
      output: path.join(mkdtempSync(path.join(tmpdir(), "crm-batch-wrap-")), "out.json"),
    };
    expect(await runBatchCommand(["bad-rows/export.csv"], opts, e)).toBe(0);
    return tty ? screenLines(stderr.written()) : stderr.written().trimEnd().split("\n");
  }

  it("lay out the problems and the summary in the terminal's width, and leave pipes one line a message", async () => {
    const piped = await stderrOf(false);
    const tty = await stderrOf(true);
    expect(piped[0]).toMatch(
      /^bad-rows\/export\.csv: row 3, "lead.programme-lead" \(column E\): .* \(invalid-answer\)$/,
    );
    expect(tty.length).toBeGreaterThan(piped.length);
    for (const line of tty) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    // Each message starts a line, in the same order; its continuation lines hang under it.
    const starts = (lines: string[]) => lines.map((line) => line.slice(0, line.indexOf(" ", 20)));
    expect(starts(tty.filter((line) => !line.startsWith("  ")))).toEqual(starts(piped));
    expect(tty.join(" ").split(/\s+/)).toEqual(piped.join(" ").split(/\s+/));
  });

  it("lay out the mapping's warnings in the terminal's width, the place first and whole", async () => {
    // A mapping outside the working folder is shown by its absolute path, wider than the terminal.
    const dir = mkdtempSync(path.join(tmpdir(), "crm-batch-warn-"));
    const map = path.join(dir, "mapping with placeholders.yaml");
    const mapping = readFileSync(path.join(fixture, "bad-rows/mapping.yaml"), "utf8")
      .replace("name: Acme Manufacturing", "name: TODO client name")
      .replace("assessor: Test Consultant", "assessor: TODO your name");
    writeFileSync(map, mapping);
    const piped = await stderrOf(false, map);
    const tty = await stderrOf(true, map);
    const place = /^\/\S+ with placeholders\.yaml:\d+:\d+/;
    const warnings = piped.filter((line) => line.startsWith(`${map}:`));
    expect(warnings).toHaveLength(2);
    for (const line of warnings) expect(line).toMatch(/placeholders\.yaml:\d+:\d+ {2}warning {2}/);
    // The place, too wide to share a line, on a line of its own, unbroken; the warning hangs below.
    const laid = tty.flatMap((line, i) => (line.startsWith(`${map}:`) ? [i] : []));
    expect(laid.map((i) => tty[i])).toEqual(warnings.map((line) => place.exec(line)?.[0]));
    for (const i of laid) expect(tty[i + 1]).toMatch(/^ {2}warning {2}expected /);
    for (const line of tty)
      if (!place.test(line)) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(tty.join(" ").split(/\s+/)).toEqual(piped.join(" ").split(/\s+/));
  });
});
