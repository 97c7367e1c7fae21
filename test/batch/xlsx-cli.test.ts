// End to end: a workbook as a client's Excel saves it is scored exactly as the same sheet saved
// as CSV (the built CLI, as in cli.test.ts).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli, runCliTraced } from "../helpers/cli.js";
import { BATCH, QUESTIONNAIRE, SURVEY, tmp } from "./helpers.js";

const Q = ["-q", QUESTIONNAIRE];

/** The CSV text of rows, every cell quoted. */
const csvText = (rows: string[][]) =>
  rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\r\n");

/** Runs batch on an export with the same outputs; returns what a comparison needs. */
function score(exportFile: string, mappingFile: string, extra: string[] = []) {
  const dir = tmp();
  const respondents = path.join(dir, "respondents.csv");
  const rejects = path.join(dir, "rejects.csv");
  const r = runCli([
    "batch",
    exportFile,
    "--map",
    mappingFile,
    ...Q,
    "--respondents",
    respondents,
    "--rejects",
    rejects,
    ...extra,
  ]);
  return {
    status: r.status,
    stdout: r.stdout,
    summary: r.stderr.replace(/\((\S+), (xlsx|utf-8, ","-separated)\)/, "($1)"),
    respondents: readFileSync(respondents, "utf8"),
    rejects: readFileSync(rejects, "utf8"),
  };
}

describe("batch on workbooks", () => {
  it("counts the empty rows a workbook leaves out, as its CSV does (no respondent taken for a header row)", async () => {
    // A title row and an empty row above the header, and a mapping by position (as the 问卷星
    // mapping `survey` writes): the empty row is absent from the XML, and the first response was
    // read as the third header row and silently left out.
    const source = path.join(SURVEY, "generic-crlf");
    const rows = parse(readFileSync(path.join(source, "export.csv")), {
      relax_column_count: true,
    }) as string[][];
    const header = rows[0] as string[];
    let mapping = readFileSync(path.join(source, "mapping.yaml"), "utf8").replace(
      "headerRows: 1",
      "headerRows: 3\nkeyRow: 3",
    );
    header.forEach((name, i) => {
      if (name) mapping = mapping.replaceAll(`${name}:`, `"#${i + 1}":`);
    });
    mapping = mapping
      .replace("id: Respondent ID", 'id: "#1"')
      .replace("column: 角色", 'column: "#2"');
    expect(mapping).toContain('"#12": data.integration');
    const dir = tmp();
    const mappingFile = path.join(dir, "mapping.yaml");
    writeFileSync(mappingFile, mapping);
    const csv = path.join(dir, "export.csv");
    writeFileSync(csv, csvText([["Acme survey export, March 2024"], [], ...rows]));
    const xlsx = path.join(dir, "export.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Responses");
    ws.getRow(1).getCell(1).value = "Acme survey export, March 2024";
    rows.forEach((r, i) => {
      ws.getRow(i + 3).values = r;
    });
    await wb.xlsx.writeFile(xlsx);

    const fromCsv = score(csv, mappingFile);
    expect(fromCsv.summary).toBe("crm-maturity: batch (generic): 8 rows · 8 scored\n");
    const fromXlsx = score(xlsx, mappingFile);
    expect(fromXlsx.status).toBe(0);
    expect(fromXlsx.summary).toBe(fromCsv.summary);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(fromXlsx.respondents).toBe(fromCsv.respondents);
    expect(fromXlsx.respondents).toMatch(/^\uFEFFrespondent,row,[^\n]*\nG1,4,executive,/);
  });

  it.each([
    ["1900", false],
    ["1904", true],
  ])(
    "reads date and time cells (%s date system) as text, so a response's time is screened as in its CSV",
    async (_, date1904) => {
      // Microsoft Forms' workbook holds Start time and Completion time as dates. Read as day
      // numbers they gave no response time: nobody was 'too fast', and --exclude-careless kept
      // the 10-second response its CSV leaves out.
      const source = path.join(SURVEY, "microsoft-forms");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(source, "export.xlsx"));
      const rows: string[][] = [];
      (wb.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        rows.push(
          Array.from({ length: 15 }, (_, i) => (values[i] == null ? "" : String(values[i]))),
        );
      });
      // Respondent 5 (row 6) finished 10 seconds after starting.
      expect(rows[5]?.slice(0, 3)).toEqual(["5", "3/5/24 9:12:44", "3/5/24 9:21:03"]);
      (rows[5] as string[])[2] = "3/5/24 9:12:54";
      const out = new ExcelJS.Workbook();
      if (date1904) out.properties.date1904 = true;
      const ws = out.addWorksheet("Form1");
      rows.forEach((cells, r) => {
        const row = ws.getRow(r + 1);
        row.values = cells.map((c) => {
          const t = /^(\d+)\/(\d+)\/(\d+) (\d+):(\d+):(\d+)$/.exec(c)?.slice(1).map(Number);
          if (t) {
            const [month = 1, day, year = 0, hour, minute, second] = t;
            return new Date(Date.UTC(2000 + year, month - 1, day, hour, minute, second));
          }
          return /^\d+$/.test(c) ? Number(c) : c;
        });
        for (const c of [2, 3]) if (r > 0) row.getCell(c).numFmt = "m/d/yy h:mm:ss";
      });
      const dir = tmp();
      const xlsx = path.join(dir, "export.xlsx");
      await out.xlsx.writeFile(xlsx);
      const csv = path.join(dir, "export.csv");
      writeFileSync(csv, csvText(rows));
      const mappingFile = path.join(source, "mapping.yaml");

      const fromCsv = score(csv, mappingFile, ["--exclude-careless"]);
      expect(fromCsv.summary).toMatch(
        /^crm-maturity: batch \(microsoft-forms\): 8 rows · 7 scored/,
      );
      expect(fromCsv.respondents).toMatch(/\n1,2,executive,[^\n]*,\d+\.\d+,\r?\n/);
      const fromXlsx = score(xlsx, mappingFile, ["--exclude-careless"]);
      expect(fromXlsx.status).toBe(0);
      expect(fromXlsx.summary).toBe(fromCsv.summary);
      expect(fromXlsx.stdout).toBe(fromCsv.stdout);
      expect(fromXlsx.respondents).toBe(fromCsv.respondents);
      // The rejects file holds the row whole, its times as the workbook's text gives them.
      expect(fromXlsx.rejects).toContain("\n5,2024-03-05 09:12:44,2024-03-05 09:12:54,");
      expect(fromXlsx.rejects).toMatch(/,6,careless,,too-fast,[^\n]*\n$/);
    },
  );

  it("reads ids and answers as their cells show them, like the sheet's CSV, never rounding an answer", async () => {
    // Respondent ids typed as numbers and formatted `000` show as 001 in Excel and in its CSV;
    // read raw they were 1, so the respondents CSV and the roster did not match the client's ids.
    // An answer of 3.5 shown as 4 under `0` is read as 3.5 and rejected, never scored as level 4.
    const header = readFileSync(path.join(BATCH, "bad-rows/export.csv"), "utf8")
      .split("\r\n")[0]
      ?.split(",") as string[];
    const answers = [
      [1, "executive", "Sales", 4, 5, 4, 5, null, 4, 3, 4, null, "complete"],
      [2, "manager", "Service", 3, 3.5, 3, 3, 3, 3, 3, 3, null, "complete"],
      [12, "frontline", "Sales", 2, 3, 2, 2, 4, 2, 1, 2, null, "complete"],
    ];
    const dir = tmp();
    const xlsx = path.join(dir, "export.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Responses");
    ws.addRow(header);
    for (const r of answers) {
      const row = ws.addRow(r);
      row.getCell(1).numFmt = "000";
      for (let c = 4; c <= 12; c++) row.getCell(c).numFmt = "0";
    }
    await wb.xlsx.writeFile(xlsx);
    const csv = path.join(dir, "export.csv");
    const shown = (v: unknown, c: number) =>
      v === null ? "" : c === 0 ? String(v).padStart(3, "0") : String(v);
    writeFileSync(csv, csvText([header, ...answers.map((r) => r.map(shown))]));
    const mappingFile = path.join(BATCH, "bad-rows/mapping.yaml");

    const fromXlsx = score(xlsx, mappingFile);
    expect(fromXlsx.status).toBe(0);
    expect(fromXlsx.summary).toContain(
      'row 3, "lead.programme-lead" (column E): expected a level 1–5 or an answer label such as "Strongly agree", "非常同意" or "N/A"; found "3.5"',
    );
    expect(fromXlsx.respondents).toMatch(/\n001,2,executive,Sales,[^\n]*\n012,4,frontline,Sales,/);
    expect(JSON.parse(fromXlsx.stdout).respondents.map((r: { id: string }) => r.id)).toEqual([
      "001",
      "012",
    ]);
    expect(fromXlsx.rejects).toMatch(/\n002,manager,Service,3,3\.5,[^\n]*,3,invalid-answer,/);
    const fromCsv = score(csv, mappingFile);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(fromXlsx.respondents).toBe(fromCsv.respondents);
    expect(fromXlsx.rejects).toBe(fromCsv.rejects);
  });

  it("loads numfmt only for a workbook whose styles format numbers, never for a CSV", async () => {
    const loaded = (file: string) =>
      runCliTraced(["batch", file, "--map", path.join(BATCH, "bad-rows/mapping.yaml"), ...Q])
        .loaded;
    const dir = tmp();
    const rows = [
      ["respondent", "role", "department", "lead.ceo-ownership"],
      [1, "executive", "Sales", 4],
    ];
    const plain = path.join(dir, "plain.xlsx");
    const formatted = path.join(dir, "formatted.xlsx");
    for (const file of [plain, formatted]) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Responses");
      for (const r of rows) ws.addRow(r);
      if (file === formatted) ws.getCell("A2").numFmt = "000";
      await wb.xlsx.writeFile(file);
    }
    expect(loaded(formatted)).toContain("numfmt");
    expect(loaded(plain)).toContain("saxes");
    expect(loaded(plain)).not.toContain("numfmt");
    const csv = loaded(path.join(BATCH, "bad-rows/export.csv"));
    for (const name of ["numfmt", "saxes", "yauzl"]) expect(csv).not.toContain(name);
  });

  it("says a password-protected workbook is encrypted, not an old .xls (exit 1)", () => {
    // Excel encrypts a workbook saved with a password into an OLE file, as an .xls is: it was
    // refused as "an Excel 97–2003 (.xls) workbook (save it as .xlsx …)", which it is not, and
    // saving it again as .xlsx keeps the password.
    // Made with Excel's encryption (ECMA-376 agile, password 123456) and by LibreOffice (.xls).
    const dir = path.join(BATCH, "workbooks");
    const mappingFile = path.join(SURVEY, "generic-crlf", "mapping.yaml");
    const encrypted = path.join(dir, "password-protected.xlsx");
    for (const [args, input] of [
      [["batch", encrypted, "--map", mappingFile, ...Q], undefined],
      [["map", "init", encrypted, ...Q], undefined],
      [["batch", "-", "--map", mappingFile, ...Q], readFileSync(encrypted)],
    ] as const) {
      const r = runCli([...args], input ? { input } : {});
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(
        /(password-protected\.xlsx|<stdin>): expected CSV or XLSX; found a password-protected \(encrypted\) workbook \(open it in Excel, remove the password/,
      );
    }
    const old = runCli(["batch", path.join(dir, "old-format.xls"), "--map", mappingFile, ...Q]);
    expect(old.status).toBe(1);
    expect(old.stderr).toMatch(
      /old-format\.xls: expected CSV or XLSX; found an Excel 97–2003 \(\.xls\) workbook/,
    );
  });

  it("reads the first visible sheet and names the sheets it does not read", async () => {
    // A hidden sheet first (a pivot's data, a lookup list) was read instead of the responses the
    // client sees first; with the responses on a later sheet, nothing said which sheet was read.
    const source = path.join(SURVEY, "generic-crlf");
    const rows = parse(readFileSync(path.join(source, "export.csv")), {
      relax_column_count: true,
    }) as string[][];
    const mappingFile = path.join(source, "mapping.yaml");
    const dir = tmp();
    const hidden = path.join(dir, "hidden-first.xlsx");
    let wb = new ExcelJS.Workbook();
    wb.addWorksheet("Lists", { state: "hidden" }).addRow(["高层管理者", "中层经理"]);
    let ws = wb.addWorksheet("数据");
    for (const r of rows) ws.addRow(r);
    await wb.xlsx.writeFile(hidden);
    const fromCsv = score(path.join(source, "export.csv"), mappingFile);
    const fromXlsx = score(hidden, mappingFile);
    expect(fromXlsx.status).toBe(0);
    expect(fromXlsx.summary).toBe(
      `crm-maturity: notice: ${hidden}: read its first visible sheet, "数据"; not read: "Lists" (hidden) (to score another sheet, move it first or save it as CSV)\n${fromCsv.summary}`,
    );
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(fromXlsx.respondents).toBe(fromCsv.respondents);

    const later = path.join(dir, "responses-second.xlsx");
    wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRow(["The responses are on the next sheet"]);
    ws = wb.addWorksheet("数据");
    for (const r of rows) ws.addRow(r);
    await wb.xlsx.writeFile(later);
    for (const args of [
      ["batch", later, "--map", mappingFile, ...Q],
      ["map", "init", later, ...Q],
    ]) {
      const r = runCli(args);
      expect(r.stderr).toContain(
        `crm-maturity: notice: ${later}: read its first visible sheet, "说明"; not read: "数据" (to score another sheet, move it first or save it as CSV)\n`,
      );
    }
  });

  it("map init counts the empty rows above a header, and batch says when a header row is empty", async () => {
    // Since empty rows count as in a CSV, a workbook whose header is on row 2 needs headerRows 2:
    // map init writes it; a mapping without it is refused saying that row 1 is empty.
    const source = path.join(SURVEY, "generic-crlf");
    const rows = parse(readFileSync(path.join(source, "export.csv")), {
      relax_column_count: true,
    }) as string[][];
    const dir = tmp();
    const xlsx = path.join(dir, "export.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Responses");
    rows.forEach((r, i) => {
      ws.getRow(i + 2).values = r;
    });
    await wb.xlsx.writeFile(xlsx);
    const refused = runCli(["batch", xlsx, "--map", path.join(source, "mapping.yaml"), ...Q]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      'error  expected a column named "Respondent ID" in header row 1 of the export; found none (row 1 is empty: if the header is lower down, set headerRows and keyRow to its row number)',
    );
    const mappingFile = path.join(dir, "mapping.yaml");
    const init = runCli(["map", "init", xlsx, ...Q, "-o", mappingFile]);
    expect(init.status).toBe(0);
    expect(init.stderr).toBe(
      `crm-maturity: map init (generic): 9 of 9 questions matched to columns; 1 column left as TODO; wrote ${mappingFile}\n`,
    );
    const mapping = readFileSync(mappingFile, "utf8");
    expect(mapping).toContain(
      "headerRows: 2  # the header is row 2; the empty rows above it count\nkeyRow: 2\n",
    );
    expect(mapping).toContain("  id: Respondent ID\n");
    const fromXlsx = score(xlsx, mappingFile);
    expect(fromXlsx.status).toBe(0);
    expect(fromXlsx.summary).toContain("crm-maturity: batch (generic): 8 rows · 8 scored\n");
    expect(fromXlsx.respondents).toMatch(/\nG1,3,executive,4\.11,/);
  });

  it("says which rows were hidden or filtered out in the workbook, and that they were read", async () => {
    // A client filters out test responses in Excel and sends the workbook: the filtered rows
    // are hidden, not deleted, and are scored as in the sheet's CSV; the summary says so.
    const source = path.join(SURVEY, "generic-crlf");
    const rows = parse(readFileSync(path.join(source, "export.csv")), {
      relax_column_count: true,
    }) as string[][];
    const dir = tmp();
    const xlsx = path.join(dir, "filtered.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Responses");
    for (const r of rows) ws.addRow(r);
    for (const n of [3, 5, 6, 7, 8, 9]) ws.getRow(n).hidden = true;
    await wb.xlsx.writeFile(xlsx);
    const mappingFile = path.join(source, "mapping.yaml");
    const fromCsv = score(path.join(source, "export.csv"), mappingFile);
    const fromXlsx = score(xlsx, mappingFile);
    expect(fromXlsx.status).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(fromXlsx.summary).toBe(
      `${fromCsv.summary}crm-maturity: 6 rows hidden in the workbook (rows 3, 5, 6, 7, 8, …) were read like the others: hiding or filtering rows in Excel does not leave them out (delete them, or exclude them with a rule in the mapping)\n`,
    );
    ws.getRow(5).hidden = false;
    for (const n of [6, 7, 8, 9]) ws.getRow(n).hidden = false;
    await wb.xlsx.writeFile(xlsx);
    expect(score(xlsx, mappingFile).summary).toContain(
      "crm-maturity: 1 row hidden in the workbook (row 3) was read like the others: hiding or filtering rows in Excel does not leave it out (delete it, or exclude it with a rule in the mapping)\n",
    );
  });
});
