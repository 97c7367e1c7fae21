import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summaryLines } from "../../src/app/batch.js";
import {
  CarelessScreen,
  detectTiming,
  parseClock,
  parseSeconds,
} from "../../src/batch/careless.js";
import { ANSWER_NA, ANSWER_UNKNOWN } from "../../src/core/scoring/answer-codes.js";
import type { SurveyColumn } from "../../src/survey/header.js";
import { hasStackTrace, runCli } from "../helpers/cli.js";
import { LIMESURVEY_INTERFACES, ownHeading } from "../survey/limesurvey-interfaces.js";
import { QUESTIONNAIRE, runOn, tmp } from "./helpers.js";

const columns = (n: number): SurveyColumn[] =>
  Array.from({ length: n }, (_, i) => ({ index: i + 3, key: `Q${i + 1}`, text: `Q${i + 1}` }));

describe("careless-response screening", () => {
  it("flags straight-lining, long strings and runs by column order", () => {
    const screen = new CarelessScreen(columns(10), undefined);
    expect(screen.threshold).toBe(5); // max(5, half of 10)
    expect(screen.check([3, 3, 3, 3, 3, 3, 3, 3, 3, 3], []).reasons).toEqual(["straight-lining"]);
    expect(screen.check([1, 2, 4, 4, 4, 4, 4, 2, 1, 5], []).reasons).toEqual(["long-string"]);
    const ok = screen.check([1, 2, 4, 4, 4, 4, ANSWER_NA, 4, 1, 5], []);
    expect(ok).toMatchObject({ longestRun: 4, reasons: [] }); // n/a breaks the run
    // Straight-lining needs at least `threshold` levels: four identical answers are not enough.
    expect(screen.check([2, 2, 2, 2, 0, 0, 0, 0, 0, 0], []).reasons).toEqual([]);
    // Slots are read in the export's column order, not the mapping's.
    const shuffled = new CarelessScreen([...columns(10)].reverse(), undefined);
    expect(shuffled.check([5, 4, 4, 4, 4, 4, 3, 2, 1, 5], []).longestRun).toBe(5);
    // A long survey needs half its questions in one run.
    expect(new CarelessScreen(columns(48), undefined).threshold).toBe(24);
  });

  it("flags responses faster than 2 seconds per answered question", () => {
    const header = { columns: [{ index: 0, key: "Duration (in seconds)", text: "" }], width: 1 };
    const timing = detectTiming(header);
    const screen = new CarelessScreen(columns(10), timing);
    const codes = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
    expect(screen.check(codes, ["19"])).toMatchObject({
      secondsPerItem: 1.9,
      reasons: ["too-fast"],
    });
    expect(screen.check(codes, ["20"]).reasons).toEqual([]);
    expect(screen.check(codes, ["n/a"])).toMatchObject({ secondsPerItem: null, reasons: [] });
  });

  it("counts only the questions answered with a level or N/A, not unknown ones the survey may never have shown", () => {
    // 问卷星 writes −2 for a question its logic skipped and −3 for one never shown: both read as
    // unknown. Six questions answered in 13 seconds is over 2 seconds each, not 1.3 for ten.
    const header = { columns: [{ index: 0, key: "Duration (in seconds)", text: "" }], width: 1 };
    const screen = new CarelessScreen(columns(10), detectTiming(header));
    const U = ANSWER_UNKNOWN;
    const codes = [1, 2, 3, ANSWER_NA, U, U, 4, U, 5, U];
    expect(screen.check(codes, ["13"])).toMatchObject({ secondsPerItem: 13 / 6, reasons: [] });
    expect(screen.check(codes, ["11"])).toMatchObject({
      secondsPerItem: 11 / 6,
      reasons: ["too-fast"],
    });
    // Blank cells never counted either.
    expect(screen.check([1, 2, 3, 4, 5, 0, 0, 0, 0, 0], ["9"]).secondsPerItem).toBe(9 / 5);
  });

  it("finds start and end columns and reads their times", () => {
    const header = {
      columns: [
        { index: 0, key: "ID", text: "" },
        { index: 1, key: "Start time", text: "" },
        { index: 2, key: "Completion time", text: "" },
      ],
      width: 3,
    };
    expect(detectTiming(header)).toMatchObject({
      kind: "interval",
      start: { index: 1 },
      end: { index: 2 },
    });
    expect(detectTiming({ columns: [], width: 0 })).toBeUndefined();
    // LimeSurvey under full headings from a Chinese interface (开始日期, 提交的日期).
    const limesurveyZh = {
      columns: ["反馈 ID", "提交的日期", "末页", "开始日期", "上次操作日期"].map((key, index) => ({
        index,
        key,
        text: "",
      })),
      width: 5,
    };
    expect(detectTiming(limesurveyZh)).toMatchObject({
      kind: "interval",
      start: { index: 3 },
      end: { index: 1 },
    });
    // … and under every interface language it is read in (its `startdate`, `submitdate`).
    for (const lang of Object.keys(LIMESURVEY_INTERFACES)) {
      const own = ["id", "submitdate", "lastpage", "startdate", "datestamp"] as const;
      const header = {
        columns: own.map((code, index) => ({ index, key: ownHeading(lang, code), text: "" })),
        width: own.length,
      };
      expect(detectTiming(header), lang).toMatchObject({
        kind: "interval",
        start: { index: 3, key: ownHeading(lang, "startdate") },
        end: { index: 1, key: ownHeading(lang, "submitdate") },
      });
    }
    const s = (a: string, b: string) => (parseClock(b) as number) - (parseClock(a) as number);
    expect(s("2024-03-11 09:12:01", "2024-03-11 09:14:31")).toBe(150);
    expect(s("3/11/2024 11:59:30 PM", "3/12/2024 12:00:10 AM")).toBe(40);
    expect(s("2024/3/11 9:12", "2024/3/11 9:13")).toBe(60);
    expect(parseClock("yesterday")).toBeNull();
    expect(parseSeconds("95")).toBe(95);
    expect(parseSeconds("1分35秒")).toBe(95);
    expect(parseSeconds("95秒")).toBe(95);
    expect(parseSeconds("1:35")).toBe(95);
    expect(parseSeconds("")).toBeNull();
  });
});

describe("careless screening properties", () => {
  it("time parsers never throw on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const seconds = parseSeconds(text);
        const clock = parseClock(text);
        expect(seconds === null || Number.isFinite(seconds)).toBe(true);
        expect(clock === null || Number.isFinite(clock)).toBe(true);
      }),
    );
  });

  it("the longest run never exceeds the levels given, and straight-lining excludes long-string", () => {
    const screen = new CarelessScreen(columns(12), undefined);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 12, maxLength: 12 }),
        (codes) => {
          const check = screen.check(codes, []);
          const levels = codes.filter((c) => c >= 1 && c <= 5);
          expect(check.longestRun).toBeLessThanOrEqual(levels.length);
          expect(check.reasons.filter((r) => r !== "too-fast").length).toBeLessThanOrEqual(1);
          if (levels.length >= screen.threshold && new Set(levels).size === 1) {
            expect(check.reasons).toEqual(["straight-lining"]);
          }
        },
      ),
    );
  });
});

/** A generic export: three careless rows (straight-line, too fast, long string) and three careful ones. */
function writeExport(): { exportFile: string; mappingFile: string } {
  const dir = tmp();
  const q = [
    "lead.ceo-ownership",
    "lead.programme-lead",
    "lead.bad-news",
    "cult.shared-values",
    "cult.hoarding",
    "cult.cross-department",
    "data.owner",
    "data.complete",
    "data.integration",
  ];
  const rows = [
    ["ResponseId", "Role", "Dept", "Duration", ...q],
    ["r1", "manager", "Sales", "300", "3", "3", "3", "3", "3", "3", "3", "3", "3"],
    ["r2", "manager", "Sales", "9", "1", "2", "3", "4", "5", "1", "2", "3", "4"],
    ["r3", "frontline", "Service", "250", "1", "4", "4", "4", "4", "4", "2", "1", "5"],
    ["r4", "frontline", "Service", "240", "2", "3", "2", "4", "2", "3", "1", "2", "3"],
    ["r5", "executive", "Sales", "260", "4", "5", "4", "3", "2", "4", "5", "3", "4"],
    ["r6", "it", "Service", "270", "3", "2", "3", "2", "4", "3", "2", "3", "2"],
  ];
  const exportFile = path.join(dir, "export.csv");
  writeFileSync(exportFile, `${rows.map((r) => r.join(",")).join("\n")}\n`);
  const mappingFile = path.join(dir, "mapping.yaml");
  writeFileSync(
    mappingFile,
    [
      "assessment:",
      "  client: { name: Acme }",
      "  date: 2024-03-31",
      "  assessor: Test",
      "  questionnaire: { id: batch-test, version: 1.0.0 }",
      "preset: generic",
      "respondent: { id: ResponseId, role: { column: Role } }",
      "groupBy: [Dept]",
      "questions:",
      ...q.map((id) => `  ${JSON.stringify(id)}: ${id}`),
    ].join("\n"),
  );
  return { exportFile, mappingFile };
}

describe("batch careless screening", () => {
  it("reports flagged rows per respondent and in the summary, and keeps them by default", async () => {
    const { exportFile, mappingFile } = writeExport();
    const { outcome, respondents } = await runOn(exportFile, mappingFile);
    const stats = outcome.results.statistics;
    expect(stats?.rows.scored).toBe(6);
    expect(stats?.careless).toEqual({
      threshold: 5,
      secondsPerItem: 2,
      timing: ["Duration"],
      flagged: 3,
      excluded: 0,
      reasons: { "straight-lining": 1, "long-string": 1, "too-fast": 1 },
    });
    const table = parse(respondents.slice(1), { columns: true }) as Record<string, string>[];
    expect(table.map((r) => [r.respondent, r.longest_run, r.seconds_per_item, r.careless])).toEqual(
      [
        ["r1", "9", "33.33", "straight-lining"],
        ["r2", "1", "1", "too-fast"],
        ["r3", "5", "27.78", "long-string"],
        ["r4", "1", "26.67", ""],
        ["r5", "1", "28.89", ""],
        ["r6", "1", "30", ""],
      ],
    );
    expect(summaryLines(outcome.summary)[0]).toContain(
      "3 flagged as careless (straight-lining: 1, long-string: 1, too-fast: 1; kept, see --exclude-careless)",
    );
    const one = { ...outcome.summary.rows, total: 1, scored: 1 };
    expect(summaryLines({ ...outcome.summary, rows: one })[0]).toMatch(/: 1 row · 1 scored/);
  });

  it("with --exclude-careless leaves them out, each in the rejects file with its reason", async () => {
    const { exportFile, mappingFile } = writeExport();
    const { outcome, rejects } = await runOn(exportFile, mappingFile, { excludeCareless: true });
    const stats = outcome.results.statistics;
    expect(stats?.rows).toMatchObject({ total: 6, scored: 3, excluded: 3, rejected: 0 });
    expect(stats?.careless).toMatchObject({ flagged: 3, excluded: 3 });
    expect(stats?.exclusions).toEqual([
      { reason: "careless response (straight-lining)", rows: 1 },
      { reason: "careless response (long-string)", rows: 1 },
      { reason: "careless response (too-fast)", rows: 1 },
    ]);
    const lines = parse(rejects.slice(1), { relax_column_count: true }) as string[][];
    const tail = lines.slice(1).map((r) => r.slice(13));
    expect(tail).toEqual([
      [
        "2",
        "careless",
        "",
        "straight-lining",
        "answers that are not all the same (5 or more given, all identical)",
      ],
      ["3", "careless", "", "too-fast", "at least 2 seconds per answered question (found 1)"],
      ["4", "careless", "", "long-string", "fewer than 5 identical answers in a row (found 5)"],
    ]);
    expect(summaryLines(outcome.summary)[0]).toContain(
      "3 excluded (careless response (straight-lining): 1; careless response (long-string): 1; careless response (too-fast): 1)",
    );
  });
});

describe("crm-maturity batch --exclude-careless", () => {
  it("exits 0, says what it left out, and writes each row to the rejects file", () => {
    const { exportFile, mappingFile } = writeExport();
    const dir = path.dirname(exportFile);
    const r = runCli([
      "batch",
      exportFile,
      "--map",
      mappingFile,
      "-q",
      QUESTIONNAIRE,
      "--exclude-careless",
      "--rejects",
      path.join(dir, "rejects.csv"),
      "-o",
      path.join(dir, "results.json"),
    ]);
    expect(r.status).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain(
      "6 rows · 3 scored · 3 excluded (careless response (straight-lining): 1;",
    );
    const rejects = parse(readFileSync(path.join(dir, "rejects.csv"), "utf8").slice(1), {
      relax_column_count: true,
    }) as string[][];
    expect(rejects.slice(1).map((row) => [row[0], row[14]])).toEqual([
      ["r1", "careless"],
      ["r2", "careless"],
      ["r3", "careless"],
    ]);
  });
});
