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
import { readBackRow, rejectColumnsAt } from "../../src/batch/rejects.js";
import { materializeResults } from "../../src/batch/run.js";
import { AtomicOutput, commitAll } from "../../src/io/atomic-file.js";
import { openExport } from "../../src/io/survey/read.js";
import { runCli } from "../helpers/cli.js";
import { BATCH, QUESTIONNAIRE, runOn, tmp } from "./helpers.js";

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
