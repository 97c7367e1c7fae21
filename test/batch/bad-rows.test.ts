import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { materializeResults, StrictRejectError } from "../../src/batch/run.js";
import { BATCH, questionnaire, runOn, tmp } from "./helpers.js";

const EXPORT = path.join(BATCH, "bad-rows/export.csv");
const MAPPING = path.join(BATCH, "bad-rows/mapping.yaml");

describe("bad rows", () => {
  it("reject an id longer than 200 characters as invalid-id, without echoing it", async () => {
    const header = readFileSync(EXPORT, "utf8").split("\r\n")[0];
    const file = path.join(tmp(), "export.csv");
    writeFileSync(
      file,
      [
        header,
        `${"x".repeat(201)},executive,Sales,4,5,4,5,,4,3,4,,complete`,
        `${"y".repeat(200)},manager,Sales,3,3,3,3,3,3,3,3,,complete`,
        "",
      ].join("\r\n"),
    );
    const { outcome, lines, rejects } = await runOn(file, MAPPING);
    expect(outcome.summary.rows).toMatchObject({ total: 2, scored: 1, rejected: 1 });
    expect(outcome.summary.rejects["invalid-id"]).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /: row 2, "respondent" \(column A\): expected a respondent id of at most 200 characters; found 201 characters \(is the mapping's respondent id the right column\?\) {2}\(invalid-id\)$/,
    );
    const table = parse(rejects.slice(1), { relax_column_count: true }) as string[][];
    expect(table[1]?.slice(13, 17)).toEqual(["2", "invalid-id", "respondent", "201 characters"]);
  });

  it("reject a decimal answer rather than read its first digit as a level", async () => {
    // "3.5" matched the leading scale number of "3. Agree" and was scored as level 3.
    const header = readFileSync(EXPORT, "utf8").split("\r\n")[0];
    const file = path.join(tmp(), "export.csv");
    writeFileSync(
      file,
      [
        header,
        "r01,manager,Sales,3.5,3,3,3,3,3,3,3,,complete",
        "r02,manager,Sales,3,4.25,3,3,3,3,3,3,,complete",
        "r03,manager,Sales,3,3,2.50,3,3,3,3,3,,complete",
        "r04,manager,Sales,5.0,5. Strongly agree,4=同意,1 (Strongly disagree),3.,3,3,3,,complete",
        "",
      ].join("\r\n"),
    );
    const { outcome, lines } = await runOn(file, MAPPING);
    expect(outcome.summary.rows).toMatchObject({ total: 4, scored: 1, rejected: 3 });
    expect(lines.map((l) => /found ("[^"]*")/.exec(l)?.[1])).toEqual(['"3.5"', '"4.25"', '"2.50"']);
    expect(lines[0]).toContain("(the scale is 1–5; give other codes a value under `labels`");
    expect(materializeResults(outcome).respondents.map((r) => r.id)).toEqual(["r04"]);
  });

  it("say so when rows are joined because the file mixes line ends, and read rows whose own line ends differ", async () => {
    const header = readFileSync(EXPORT, "utf8").split("\r\n")[0];
    const dir = tmp();
    const a = "r01,executive,Sales,4,5,4,5,,4,3,4,,complete";
    const b = "r02,manager,Sales,3,3,3,3,3,3,3,3,,complete";
    // CRLF first: the rows after it end in LF only, and read as one row (as csv-parse reads them).
    const crlfFirst = path.join(dir, "crlf-first.csv");
    writeFileSync(crlfFirst, `${header}\r\n${a}\n${b}\n`);
    const joined = await runOn(crlfFirst, MAPPING);
    expect(joined.outcome.summary.rows).toMatchObject({ total: 1, scored: 0, rejected: 1 });
    expect(joined.lines[0]).toMatch(
      /row 2, column N: expected nothing beyond the header's 13 columns; found "manager" \(does the file mix line ends, CRLF and LF\? Save it again with one kind\) {2}\(extra-cells\)$/,
    );
    // LF first: a row ending in CRLF keeps a carriage return in its last cell, which is trimmed.
    const lfFirst = path.join(dir, "lf-first.csv");
    writeFileSync(lfFirst, `${header}\n${a}\r\n${b}\n`);
    const read = await runOn(lfFirst, MAPPING);
    expect(read.outcome.summary.rows).toMatchObject({ total: 2, scored: 2 });
  });

  it("reject a role that never answers (respondent: false), as an answers file does", async () => {
    const q = questionnaire();
    const withHr = {
      ...q,
      roles: [...q.roles, { id: "hr", name: { en: "HR", "zh-CN": "人力资源" }, respondent: false }],
    };
    const header = readFileSync(EXPORT, "utf8").split("\r\n")[0];
    const file = path.join(tmp(), "export.csv");
    writeFileSync(
      file,
      [
        header,
        "r01,executive,Sales,4,5,4,5,,4,3,4,,complete",
        "r02,人力资源,Sales,2,2,2,2,2,2,2,2,,complete",
        "",
      ].join("\r\n"),
    );
    const { outcome, lines } = await runOn(file, MAPPING, { questionnaire: withHr });
    expect(outcome.summary.rows).toMatchObject({ total: 2, scored: 1, rejected: 1 });
    expect(lines[0]).toMatch(
      /: row 3, "role" \(column B\): expected a role \(executive, manager, frontline, it\); found "人力资源" \(a role the questionnaire marks `respondent: false`, which never answers\) {2}\(unknown-role\)$/,
    );
    expect(materializeResults(outcome).respondents.map((r) => r.role)).toEqual(["executive"]);
  });

  it("never stop the run: each is reported, written whole to the rejects file and counted", async () => {
    const { outcome, lines, rejects } = await runOn(EXPORT, MAPPING);
    const s = outcome.summary;
    expect(s.rows).toEqual({
      total: 16,
      scored: 5,
      excluded: 1,
      rejected: 9,
      duplicates: 1,
      blank: 1,
    });
    expect(s.exclusions).toEqual([{ reason: "test response", rows: 1 }]);
    expect(Object.fromEntries(Object.entries(s.rejects).filter(([, n]) => n > 0))).toEqual({
      "invalid-answer": 2,
      "missing-role": 1,
      "unknown-role": 1,
      "missing-id": 1,
      "duplicate-id": 1,
      "truncated-row": 1,
      "extra-cells": 1,
      "no-answers": 1,
    });
    const display = "test/fixtures/batch/bad-rows/export.csv";
    expect(lines).toEqual([
      `${display}: row 3, "lead.programme-lead" (column E): expected a level 1–5 or an answer label such as "Strongly agree", "非常同意" or "N/A"; found "Maybe" (give the label a value under \`labels\` in the mapping)  (invalid-answer)`,
      `${display}: row 4, "role" (column B): expected a role; found nothing (set respondent.role.default for rows without one)  (missing-role)`,
      `${display}: row 5, "role" (column B): expected a role (executive, manager, frontline, it); found "Intern" (if it is one of those roles, give it under respondent.role.values in the mapping)  (unknown-role)`,
      `${display}: row 6, "respondent" (column A): expected a respondent id; found nothing  (missing-id)`,
      `${display}: row 7, "respondent" (column A): expected a respondent id not used before (first used in row 2); found "r01"  (duplicate-id)`,
      `${display}: row 8: expected 13 columns as in the header; found 5  (truncated-row)`,
      `${display}: row 9, column N: expected nothing beyond the header's 13 columns; found "EXTRA" (is a field with a delimiter missing its quotes?)  (extra-cells)`,
      `${display}: row 10: expected at least one answered question; found nothing (leave such rows out with a rule under exclude)  (no-answers)`,
      `${display}: row 11, "cult.cross-department" (column I): expected a level 1–5 or an answer label such as "Strongly agree", "非常同意" or "N/A"; found "7" (the scale is 1–5; give other codes a value under \`labels\` in the mapping)  (invalid-answer)`,
    ]);

    expect(rejects.startsWith("\uFEFF")).toBe(true);
    const table = parse(rejects.slice(1), { relax_column_count: true }) as string[][];
    expect(table[0]?.slice(13)).toEqual([
      "reject_row",
      "reject_kind",
      "reject_column",
      "reject_value",
      "reject_expected",
    ]);
    expect(table.map((r) => [r[13], r[14], r[15], r[16]])).toEqual([
      ["reject_row", "reject_kind", "reject_column", "reject_value"],
      ["3", "invalid-answer", "lead.programme-lead", "Maybe"],
      ["4", "missing-role", "role", ""],
      ["5", "unknown-role", "role", "Intern"],
      ["6", "missing-id", "respondent", ""],
      ["7", "duplicate-id", "respondent", "r01"],
      ["8", "truncated-row", "", "5"],
      ["9", "extra-cells", "N", "EXTRA"],
      ["10", "no-answers", "", ""],
      ["11", "invalid-answer", "cult.cross-department", "7"],
    ]);
    // The original cells, whole: the overflow cell follows the reject columns.
    expect(table[1]?.slice(0, 13)).toEqual(
      "r02,frontline,Sales,2,Maybe,2,2,5,2,1,2,,complete".split(","),
    );
    expect(table[7]?.at(-1)).toBe("EXTRA");
  });

  it("stop at the first one under --strict, with nothing scored", async () => {
    await expect(runOn(EXPORT, MAPPING, { strict: true })).rejects.toThrow(StrictRejectError);
    await expect(runOn(EXPORT, MAPPING, { strict: true })).rejects.toThrow(
      /row 3 was rejected and --strict is set; nothing was written/,
    );
  });

  it("are printed up to a limit; the rest are counted (and all go to the rejects file)", async () => {
    const { outcome, lines, rejects } = await runOn(EXPORT, MAPPING, { maxReported: 2 });
    expect(lines).toHaveLength(2);
    expect(outcome.summary.unreported).toBe(7);
    expect(parse(rejects.slice(1), { relax_column_count: true })).toHaveLength(10);
  });

  it("leave the good rows scored, with their statistics by group", async () => {
    const { outcome } = await runOn(EXPORT, MAPPING);
    const ids = materializeResults(outcome).respondents.map((r) => r.id);
    expect(ids).toEqual(["-r09", "@r13", "r01", "r10", "r12"]);
    const groups = outcome.results.statistics?.groups[0];
    expect(groups?.column).toBe("department");
    expect(groups?.values.map((v) => [v.value, v.respondents])).toEqual([
      ["+Service", 1],
      ['=HYPERLINK("http://example.com/x","click")', 1],
      ["IT", 1],
      ["Sales", 1],
      ["Service", 1],
    ]);
  });
});
