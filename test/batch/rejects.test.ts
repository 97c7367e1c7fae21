// The rejects file's round trip: batch writes the rejected rows (cells guarded against formula
// injection), the consultant corrects them in a text editor or a spreadsheet and feeds the file
// back with the same mapping, and the rows read as they did in the export.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvWriter, neutralize, unguard } from "../../src/batch/csv-out.js";
import {
  parseRejectRow,
  readBackRow,
  rejectColumnsAt,
  rejectPlace,
} from "../../src/batch/rejects.js";
import { materializeResults } from "../../src/batch/run.js";
import { AtomicOutput, commitAll } from "../../src/io/atomic-file.js";
import { openExport } from "../../src/io/survey/read.js";
import { runCli } from "../helpers/cli.js";
import { BATCH, QUESTIONNAIRE, REPO, recorder, runOn, tmp, withoutRowCounts } from "./helpers.js";

describe("unguard", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["-r09", "'-r09"],
    ["@r13", "'@r13"],
    ["-", "'-"],
    ["\tAgree", "'\tAgree"],
    // Cells that would read as guarded get one more quote, so reading back is exact.
    ["'=x", "''=x"],
    ["''-x", "'''-x"],
    // Left alone both ways.
    ["'s-Hertogenbosch", "'s-Hertogenbosch"],
    ["'-2", "'-2"],
    ["-2", "-2"],
    ["'", "'"],
    ["", ""],
  ])("%j is written %j and read back", (cell, written) => {
    expect(neutralize(cell)).toBe(written);
    expect(unguard(written)).toBe(cell);
  });

  it("gives back every cell the writer guarded, and only the quote it added", () => {
    const cell = fc
      .array(fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "1", ".", "a", "中", " "), {
        maxLength: 6,
      })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(cell, (c) => {
        expect(unguard(neutralize(c))).toBe(c);
        // A cell the writer leaves alone is read as it is.
        if (neutralize(c) === c) expect(unguard(c)).toBe(c);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("rejectColumnsAt and readBackRow", () => {
  it("find the reject columns in the key row and leave them out of every row", () => {
    const key = [
      "id",
      "Q1",
      "reject_row",
      "reject_kind",
      "reject_column",
      "reject_value",
      "reject_expected",
      "",
    ];
    expect(rejectColumnsAt(key)).toBe(2);
    expect(rejectColumnsAt(["id", "Q1", "reject_row"])).toBe(-1);
    expect(rejectColumnsAt(["id", "Q1"])).toBe(-1);
    expect(readBackRow(["'-r1", "4", "3", "invalid-answer", "Q1", "x", "y", "EXTRA"], 2)).toEqual([
      "-r1",
      "4",
      "EXTRA",
    ]);
    expect(readBackRow(["r1"], 2)).toEqual(["r1"]);
  });
});

const MAPPING = path.join(BATCH, "bad-rows/mapping.yaml");
const HEADER = (readFileSync(path.join(BATCH, "bad-rows/export.csv"), "utf8").split("\r\n")[0] ??
  "") as string;

/** An export whose rejected rows hold cells the writer guards: ids, a department, a "-" answer. */
const EXPORT_ROWS = [
  "r01,executive,Sales,4,5,4,5,,4,3,4,,complete",
  '-r20,frontline,"=HYPERLINK(""http://example.com/x"",""click"")",2,Maybe,2,2,5,2,1,2,,complete',
  "@r21,manager,+Service,3,4,3,3,3,7,2,3,,complete",
  "'=r22,manager,Sales,3,-,3,3,3,3,Sometimes,3,,complete",
  "r23,frontline,-Ops,2,2,2,3,4,2,1,2,,complete",
];
/** The same rows as the consultant corrects them: Maybe → 3, 7 → 4, Sometimes → 2. */
const CORRECTED_ROWS = [
  '-r20,frontline,"=HYPERLINK(""http://example.com/x"",""click"")",2,3,2,2,5,2,1,2,,complete',
  "@r21,manager,+Service,3,4,3,3,3,4,2,3,,complete",
  "'=r22,manager,Sales,3,-,3,3,3,3,2,3,,complete",
];

/** A mapping that reads "-" as "don't know", with the bad-rows fixture's columns. */
function mappingFile(dir: string): string {
  const file = path.join(dir, "mapping.yaml");
  writeFileSync(file, `${readFileSync(MAPPING, "utf8")}labels: { "-": unknown }\n`);
  return file;
}

/** Corrects the rejects file as a consultant does in a text editor: the bad answers only. */
function correct(rejects: string): string {
  return rejects
    .replace(",Maybe,", ",3,")
    .replace(",3,3,7,2,", ",3,3,4,2,")
    .replace(",Sometimes,", ",2,");
}

describe("a rejects file fed back", () => {
  it("reads its rows as in the export: reject columns left out, guards removed, scores right", async () => {
    const dir = tmp();
    const map = mappingFile(dir);
    const exportFile = path.join(dir, "export.csv");
    writeFileSync(exportFile, [HEADER, ...EXPORT_ROWS, ""].join("\r\n"));
    const first = await runOn(exportFile, map);
    expect(first.outcome.summary.rows).toMatchObject({ total: 5, scored: 2, rejected: 3 });
    // The premise: the writer guarded the ids, the department and the "-" answer.
    const lines = first.rejects.slice(1).split("\n");
    expect(lines[1]).toMatch(/^'-r20,frontline,"'=HYPERLINK\(/);
    expect(lines[2]).toMatch(/^'@r21,manager,'\+Service,/);
    expect(lines[3]).toMatch(/^''=r22,manager,Sales,3,'-,3,/);

    const rejectsFile = path.join(dir, "rejects-corrected.csv");
    writeFileSync(rejectsFile, correct(first.rejects));
    const again = await runOn(rejectsFile, map);
    expect(again.outcome.summary.rows).toMatchObject({ total: 3, scored: 3, rejected: 0 });
    // No problem: only the notice that the file was read as a rejects file.
    expect(again.lines).toEqual([
      expect.stringMatching(
        /^crm-maturity: notice: \S*rejects-corrected\.csv is a rejects file written by batch: its reject_ columns are left out, and the ' that guarded cells against spreadsheet formulas is removed$/,
      ),
    ]);

    // The same as scoring the corrected rows as an export of their own.
    const fixedFile = path.join(dir, "fixed.csv");
    writeFileSync(fixedFile, [HEADER, ...CORRECTED_ROWS, ""].join("\r\n"));
    const fixed = await runOn(fixedFile, map);
    expect(materializeResults(again.outcome)).toEqual(materializeResults(fixed.outcome));
    expect(materializeResults(again.outcome).respondents.map((r) => r.id)).toEqual([
      "'=r22",
      "-r20",
      "@r21",
    ]);
    expect(again.respondents).toBe(fixed.respondents);
    expect(again.outcome.results.statistics?.groups[0]?.values.map((v) => v.value)).toEqual([
      "+Service",
      '=HYPERLINK("http://example.com/x","click")',
      "Sales",
    ]);
  });

  it("reads the same when saved by Excel: CRLF, a cell retyped without its quote, or as a workbook", async () => {
    const dir = tmp();
    const map = mappingFile(dir);
    const exportFile = path.join(dir, "export.csv");
    writeFileSync(exportFile, [HEADER, ...EXPORT_ROWS, ""].join("\r\n"));
    const first = await runOn(exportFile, map);
    const fixedFile = path.join(dir, "fixed.csv");
    writeFileSync(fixedFile, [HEADER, ...CORRECTED_ROWS, ""].join("\r\n"));
    const expected = materializeResults((await runOn(fixedFile, map)).outcome);

    // Excel keeps the quotes it opened as text, writes CRLF, and drops the quote of a cell the
    // consultant retypes (Excel then keeps it as text by itself).
    const excelCsv = path.join(dir, "rejects-excel.csv");
    writeFileSync(
      excelCsv,
      correct(first.rejects).replace("'+Service", "+Service").replaceAll("\n", "\r\n"),
    );
    const fromCsv = await runOn(excelCsv, map);
    expect(fromCsv.outcome.summary.rows).toMatchObject({ scored: 3, rejected: 0 });
    expect(materializeResults(fromCsv.outcome)).toEqual(expected);

    // Saved as a workbook: the quotes are text in the cells, numbers are numbers.
    const table = parse(correct(first.rejects).slice(1), {
      relax_column_count: true,
    }) as string[][];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("rejects-corrected");
    for (const r of table) ws.addRow(r.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
    const xlsx = path.join(dir, "rejects-corrected.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const fromXlsx = await runOn(xlsx, map);
    expect(fromXlsx.outcome.summary.rows).toMatchObject({ scored: 3, rejected: 0 });
    expect(materializeResults(fromXlsx.outcome)).toEqual(expected);
  });

  it("writes rows still wrong to a new rejects file laid out as the first, with one set of reject columns", async () => {
    const dir = tmp();
    const map = mappingFile(dir);
    const exportFile = path.join(dir, "export.csv");
    writeFileSync(exportFile, [HEADER, ...EXPORT_ROWS, ""].join("\r\n"));
    const first = await runOn(exportFile, map);
    const rejectsFile = path.join(dir, "rejects.csv");
    // Only one row corrected: the other two are rejected again.
    writeFileSync(rejectsFile, first.rejects.replace(",Maybe,", ",3,"));
    const second = await runOn(rejectsFile, map);
    expect(second.outcome.summary.rows).toMatchObject({ total: 3, scored: 1, rejected: 2 });
    const [head, ...rest] = second.rejects.split("\n");
    expect(head).toBe(first.rejects.split("\n")[0]);
    // The same rows as the first time, guarded the same way; reject_row counts in the file fed back.
    const firstRows = first.rejects.split("\n").slice(2);
    expect(rest.map((l) => l.replace(/,\d+,(invalid-answer)/, ",N,$1"))).toEqual(
      firstRows.map((l) => l.replace(/,\d+,(invalid-answer)/, ",N,$1")),
    );
  });
});

describe("a rejects file corrected in Excel and fed back (the built CLI)", () => {
  /** Runs batch; returns the exit code, standard error and the results JSON's text. */
  function batch(input: string, map: string, rejects?: string) {
    const r = runCli([
      "batch",
      input,
      "--map",
      map,
      "-q",
      QUESTIONNAIRE,
      ...(rejects ? ["--rejects", rejects] : []),
    ]);
    return r;
  }

  it.each([
    ["CSV UTF-8 (a byte-order mark, CRLF)", "utf-8"],
    ['"CSV (Comma delimited)" on a Western Windows (Windows-1252, no mark, CRLF)', "windows-1252"],
    ['"Unicode Text" (UTF-16LE with a mark, tab-separated)', "utf-16le"],
  ] as const)("saved as %s, scores the rows as the corrected export", (_, encoding) => {
    const dir = tmp();
    const map = mappingFile(dir);
    const rows = [HEADER, ...EXPORT_ROWS.map((r) => r.replace(",Sales,3,-,", ",Zürich,3,-,"))];
    const exportFile = path.join(dir, "export.csv");
    writeFileSync(exportFile, `${rows.join("\n")}\n`);
    const rejectsFile = path.join(dir, "rejects.csv");
    const first = batch(exportFile, map, rejectsFile);
    expect(first.status).toBe(0);
    const corrected = correct(readFileSync(rejectsFile, "utf8"));
    expect(corrected).toContain("''=r22,manager,Zürich,3,'-,");

    // The file as Excel saves it: every cell as Excel keeps it (the quotes too), its line ends
    // and its encoding.
    const table = parse(corrected, { bom: true, relax_column_count: true }) as string[][];
    const text = stringify(table, {
      delimiter: encoding === "utf-16le" ? "\t" : ",",
      record_delimiter: "\r\n",
    });
    const saved = path.join(dir, "rejects-saved.csv");
    writeFileSync(
      saved,
      encoding === "utf-8"
        ? `\uFEFF${text}`
        : encoding === "utf-16le"
          ? Buffer.from(`\uFEFF${text}`, "utf16le")
          : Buffer.from(text, "latin1"),
    );
    const again = batch(saved, map);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain("is a rejects file written by batch");
    expect(again.stderr).toMatch(/: 3 rows · 3 scored\n$/);

    const fixedFile = path.join(dir, "fixed.csv");
    const fixedRows = CORRECTED_ROWS.map((r) => r.replace(",Sales,3,-,", ",Zürich,3,-,"));
    writeFileSync(fixedFile, `${[HEADER, ...fixedRows].join("\n")}\n`);
    const fixed = batch(fixedFile, map);
    expect(fixed.status).toBe(0);
    expect(again.stdout).toBe(fixed.stdout);
    expect(
      JSON.parse(again.stdout).statistics.groups[0].values.map((v: { value: string }) => v.value),
    ).toContain("Zürich");
  });
  it.each([
    ["the mapping sets it", 'delimiter: ";"\n'],
    ["it is sniffed from the export", ""],
  ])(
    "written with the export's delimiter when %s, so Excel and the same mapping read it back",
    (_, line) => {
      // A mapping with `delimiter: ";"` read the comma-separated rejects file as one column and
      // refused it ("expected a column named …"); a sniffed `;` export got a comma-separated rejects
      // file, which Excel set to `;` (German, French) opens as one column.
      const dir = tmp();
      const map = path.join(dir, "mapping.yaml");
      writeFileSync(map, `${readFileSync(mappingFile(dir), "utf8")}${line}`);
      const semi = (line: string) =>
        (parse(line)[0] as string[])
          .map((c: string) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
          .join(";");
      const exportFile = path.join(dir, "export.csv");
      writeFileSync(exportFile, `${[HEADER, ...EXPORT_ROWS].map(semi).join("\r\n")}\r\n`);
      const rejectsFile = path.join(dir, "rejects.csv");
      expect(batch(exportFile, map, rejectsFile).status).toBe(0);
      const written = readFileSync(rejectsFile, "utf8");
      expect(written.split("\n")[0]).toMatch(
        /^\uFEFFrespondent;role;department;.*;reject_row;reject_kind;/,
      );
      const corrected = path.join(dir, "rejects-corrected.csv");
      writeFileSync(
        corrected,
        written
          .replace(";Maybe;", ";3;")
          .replace(";3;3;7;2;", ";3;3;4;2;")
          .replace(";Sometimes;", ";2;"),
      );
      const again = batch(corrected, map);
      expect(again.status).toBe(0);
      expect(again.stderr).toMatch(/: 3 rows · 3 scored\n$/);
      const fixedFile = path.join(dir, "fixed.csv");
      writeFileSync(fixedFile, `${[HEADER, ...CORRECTED_ROWS].map(semi).join("\r\n")}\r\n`);
      expect(again.stdout).toBe(batch(fixedFile, map).stdout);
    },
  );
  it("prints the command that scores the corrections with the export, and that command replaces the rows", () => {
    const dir = tmp();
    mappingFile(dir); // mapping.yaml in dir
    writeFileSync(path.join(dir, "export.csv"), `${[HEADER, ...EXPORT_ROWS].join("\n")}\n`);
    const run = (args: string[]) => runCli([...args, "-q", QUESTIONNAIRE], { cwd: dir });
    const first = run(["batch", "export.csv", "--map", "mapping.yaml", "--rejects", "rejects.csv"]);
    expect(first.status).toBe(0);
    const printed = /: (crm-maturity batch .*)\n$/.exec(first.stderr)?.[1];
    // With the run's questionnaire: the command is complete as printed.
    expect(printed).toBe(
      `crm-maturity batch export.csv rejects.csv --map mapping.yaml -q ${QUESTIONNAIRE}`,
    );
    writeFileSync(
      path.join(dir, "rejects.csv"),
      correct(readFileSync(path.join(dir, "rejects.csv"), "utf8")),
    );
    const again = runCli((printed as string).split(" ").slice(1), { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stderr).toContain(
      '(generic; export.csv: utf-8, ","-separated; rejects.csv: utf-8, ","-separated): 8 rows · 5 scored · 3 replaced by corrections',
    );
    writeFileSync(
      path.join(dir, "fixed.csv"),
      `${[HEADER, EXPORT_ROWS[0], EXPORT_ROWS[4], ...CORRECTED_ROWS].join("\n")}\n`,
    );
    const fixed = run(["batch", "fixed.csv", "--map", "mapping.yaml"]);
    const withoutRows = (text: string) => {
      const json = JSON.parse(text);
      delete json.statistics.rows;
      return json;
    };
    expect(withoutRows(again.stdout)).toEqual(withoutRows(fixed.stdout));
    expect(JSON.parse(again.stdout).statistics.rows).toMatchObject({ total: 8, replaced: 3 });
    // The corrections' own file cannot be the next rejects file: it is an input of the run.
    const before = readFileSync(path.join(dir, "rejects.csv"));
    const onto = run([...(printed as string).split(" ").slice(1), "--rejects", "rejects.csv"]);
    expect(onto.status).toBe(1);
    expect(onto.stderr).toMatch(/--rejects rejects\.csv.*input/);
    expect(readFileSync(path.join(dir, "rejects.csv"))).toEqual(before);
  });
  it("written with commas when the export was tab-separated (Excel opens a tab-separated .csv as one column)", () => {
    const dir = tmp();
    const map = mappingFile(dir);
    const tabbed = (line: string) => (parse(line)[0] as string[]).join("\t");
    const exportFile = path.join(dir, "export.csv");
    writeFileSync(exportFile, `${[HEADER, ...EXPORT_ROWS].map(tabbed).join("\r\n")}\r\n`);
    const rejectsFile = path.join(dir, "rejects.csv");
    expect(batch(exportFile, map, rejectsFile).status).toBe(0);
    const written = readFileSync(rejectsFile, "utf8");
    expect(written.split("\n")[0]).toMatch(
      /^\uFEFFrespondent,role,department,.*,reject_row,reject_kind,/,
    );
    expect(written).not.toContain("\t");
  });
});

describe("rejectPlace and parseRejectRow", () => {
  it("read back the row, and the file of a run over several inputs", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((f) => f.trim() === f && !/[\r\n]/.test(f)),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (file, row) => {
          expect(parseRejectRow(String(rejectPlace(row, file)))).toEqual({ file, row });
          expect(parseRejectRow(String(rejectPlace(row, undefined)))).toEqual({ row });
        },
      ),
    );
    expect(parseRejectRow("C:\\survey\\export.csv:57")).toEqual({
      file: "C:\\survey\\export.csv",
      row: 57,
    });
    expect(parseRejectRow(" 12 ")).toEqual({ row: 12 });
    for (const cell of ["", "row 3", "3.5", "export.csv:", ":3"]) {
      expect(parseRejectRow(cell)).toBeUndefined();
    }
  });
});

describe("corrections scored with the export in one run", () => {
  /** The export, its first rejects file (from batch) and that file corrected. */
  async function firstRound(dir: string, map: string) {
    const exportFile = path.join(dir, "export.csv");
    writeFileSync(exportFile, [HEADER, ...EXPORT_ROWS, ""].join("\r\n"));
    const first = await runOn(exportFile, map);
    const corrected = path.join(dir, "corrected.csv");
    writeFileSync(corrected, correct(first.rejects));
    return { exportFile, first, corrected };
  }

  it("replaces each rejected row by its correction: the same results as the export with its rows corrected", async () => {
    const dir = tmp();
    const map = mappingFile(dir);
    const { exportFile, corrected } = await firstRound(dir, map);
    const both = await runOn([exportFile, corrected], map);
    expect(both.outcome.summary.rows).toEqual({
      total: 8,
      scored: 5,
      excluded: 0,
      rejected: 0,
      duplicates: 0,
      blank: 0,
      replaced: 3,
    });
    expect(both.rejects.split("\n").filter(Boolean)).toHaveLength(1);
    // The export's good rows, then the corrected ones: the order the run reads them in.
    const fixedFile = path.join(dir, "fixed.csv");
    writeFileSync(
      fixedFile,
      [HEADER, EXPORT_ROWS[0], EXPORT_ROWS[4], ...CORRECTED_ROWS, ""].join("\r\n"),
    );
    const fixed = await runOn(fixedFile, map);
    expect(withoutRowCounts(both.outcome)).toEqual(withoutRowCounts(fixed.outcome));
    // The respondents CSV says which file and row each respondent came from.
    const lines = both.respondents.replace(/^\uFEFF/, "").split("\n");
    expect(lines[0]).toMatch(/^respondent,row,file,role,/);
    expect(lines[1]).toMatch(/^r01,2,\S*export\.csv,executive,/);
    expect(lines[3]).toMatch(/^'-r20,2,\S*corrected\.csv,frontline,/);
  });

  it("names the file of each row in a second rejects file, and a second round replaces rows of the first corrections", async () => {
    const dir = tmp();
    const map = mappingFile(dir);
    const { exportFile, first } = await firstRound(dir, map);
    // Only one of the three rows corrected.
    const partly = path.join(dir, "partly.csv");
    writeFileSync(partly, first.rejects.replace(",Maybe,", ",3,"));
    const second = await runOn([exportFile, partly], map);
    expect(second.outcome.summary.rows).toMatchObject({ total: 8, scored: 3, replaced: 3 });
    expect(second.rejects.split("\n").slice(1).filter(Boolean)).toEqual([
      expect.stringMatching(/,\S*partly\.csv:3,invalid-answer,cult\.cross-department,7,/),
      expect.stringMatching(/,\S*partly\.csv:4,invalid-answer,data\.owner,Sometimes,/),
    ]);
    // The second rejects file corrected and scored with both: every row in, each once.
    const rest = path.join(dir, "rest.csv");
    writeFileSync(
      rest,
      second.rejects.replace(",3,3,7,2,", ",3,3,4,2,").replace(",Sometimes,", ",2,"),
    );
    const third = await runOn([exportFile, partly, rest], map);
    expect(third.outcome.summary.rows).toMatchObject({ scored: 5, rejected: 0, replaced: 5 });
    expect(materializeResults(third.outcome).respondents.map((r) => r.id)).toEqual([
      "'=r22",
      "-r20",
      "@r21",
      "r01",
      "r23",
    ]);
  });

  it("refuses a correction that belongs to another export, naming both rows", async () => {
    const dir = tmp();
    const map = mappingFile(dir);
    const { corrected } = await firstRound(dir, map);
    const other = path.join(dir, "other.csv");
    writeFileSync(
      other,
      [HEADER, ...EXPORT_ROWS.map((r) => r.replace("@r21,", "r99,")), ""].join("\r\n"),
    );
    await expect(runOn([other, corrected], map)).rejects.toThrow(
      `${path.relative(REPO, corrected)} row 3 corrects ${path.relative(REPO, other)} row 4, but the respondent ids differ ("r99" there, "@r21" in the correction), and a correction keeps the id of the row it replaces unless that row was rejected for its id: the rejects file seems to come from another export`,
    );
    // A row the export does not have.
    const short = path.join(dir, "short.csv");
    writeFileSync(short, [HEADER, ...EXPORT_ROWS.slice(0, 2), ""].join("\r\n"));
    await expect(runOn([short, corrected], map)).rejects.toThrow(
      `${path.relative(REPO, corrected)} row 3 (and 1 more) corrects ${path.relative(REPO, short)} row 4, which ${path.relative(REPO, short)} does not have (its last row is 3)`,
    );
  });

  it("without an id column, refuses a correction of a row that has no problem", async () => {
    const dir = tmp();
    const map = path.join(dir, "no-id.yaml");
    writeFileSync(
      map,
      readFileSync(mappingFile(dir), "utf8").replace(
        "respondent:\n  id: respondent\n",
        "respondent:\n",
      ),
    );
    const { exportFile, corrected } = await firstRound(dir, map);
    expect((await runOn([exportFile, corrected], map)).outcome.summary.rows).toMatchObject({
      scored: 5,
      replaced: 3,
    });
    // The export with its bad rows already corrected: nothing left for the corrections to replace.
    const fixedFile = path.join(dir, "fixed.csv");
    writeFileSync(fixedFile, [HEADER, EXPORT_ROWS[0], ...CORRECTED_ROWS, ""].join("\r\n"));
    await expect(runOn([fixedFile, corrected], map)).rejects.toThrow(
      /corrected\.csv row 2 corrects \S*fixed\.csv row 3, but that row has no problem in this run/,
    );
  });

  it("refuses inputs with other columns, and bare row numbers when the run reads two exports", async () => {
    const dir = tmp();
    const map = mappingFile(dir);
    const { exportFile, corrected } = await firstRound(dir, map);
    const reordered = path.join(dir, "reordered.csv");
    const swap = (line: string) => line.replace(/^([^,]*),([^,]*),/, "$2,$1,");
    writeFileSync(reordered, [HEADER, ...EXPORT_ROWS].map(swap).join("\r\n"));
    const progress = recorder();
    await expect(runOn([exportFile, reordered], map, { progress })).rejects.toThrow(
      `${path.relative(REPO, reordered)}: expected the columns of ${path.relative(REPO, exportFile)}, since one run scores its inputs as one export; found column A headed "role" where ${path.relative(REPO, exportFile)} has "respondent"`,
    );
    expect(progress.lines).toEqual([]); // refused before any row is read
    const wave2 = path.join(dir, "wave2.csv");
    writeFileSync(wave2, [HEADER, "r30,manager,Sales,3,3,3,3,3,3,3,3,,complete", ""].join("\n"));
    await expect(runOn([exportFile, wave2, corrected], map)).rejects.toThrow(
      /corrected\.csv: its reject_row column gives row numbers without the file they came from, and this run reads 2 exports/,
    );
    // Two exports of one survey, scored as one; a respondent in both is a duplicate, located.
    writeFileSync(wave2, [HEADER, "r01,manager,Sales,3,3,3,3,3,3,3,3,,complete", ""].join("\n"));
    const waves = await runOn([exportFile, wave2], map);
    expect(waves.outcome.summary.rows).toMatchObject({ total: 6, scored: 2, rejected: 4 });
    expect(waves.lines).toContain(
      `${path.relative(REPO, wave2)}: row 2, "respondent" (column A): expected a respondent id not used before (first used in ${path.relative(REPO, exportFile)} row 2); found "r01"  (duplicate-id)`,
    );
    expect(waves.rejects).toMatch(/,\S*wave2\.csv:2,duplicate-id,respondent,r01,/);
  });
});

describe("the CSVs batch writes, read back by batch's reader", () => {
  it("give back every cell: quotes, delimiters, line breaks, Chinese text and the guards undone", async () => {
    const cell = fc
      .array(
        fc.constantFrom(
          "a",
          "中",
          "😀",
          ",",
          ";",
          '"',
          "\n",
          "\r\n",
          " ",
          "=",
          "+",
          "-",
          "@",
          "'",
          "1",
          "\t",
        ),
        { maxLength: 6 },
      )
      .map((cs) => cs.join(""));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        async (body) => {
          // A header row that names the columns, as the respondents and rejects CSVs have.
          const rows = [["respondent", "group", "note"], ...body];
          const file = path.join(tmp(), "out.csv");
          const output = new AtomicOutput(file, { stdout: process.stdout });
          const writer = new CsvWriter(output);
          for (const r of rows) writer.row(r);
          await writer.end();
          commitAll([output]);
          const reader = await openExport(file);
          const read: string[][] = [];
          await reader.each((cells) => {
            read.push(cells.map(unguard));
          });
          expect(reader.info.encoding).toBe("utf-8");
          expect(read).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});
