// End to end: a workbook as a client's Excel saves it is scored exactly as the same sheet saved
// as CSV (the built CLI, as in cli.test.ts).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { QUESTIONNAIRE, SURVEY, tmp } from "./helpers.js";

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
});
