// Writes the CSV export as an XLSX workbook (shared strings, as Excel saves), for the XLSX figure
// of bench/batch.bench.mjs. exceljs's streaming writer keeps memory flat.
//   node bench/batch/to-xlsx.mjs <export.csv> <export.xlsx>
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";

export async function csvToXlsx(csv, xlsx) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const ws = wb.addWorksheet("Responses");
  for await (const row of createReadStream(csv).pipe(parse({ relax_column_count: true }))) {
    // Numbers as numbers, as a spreadsheet holds them.
    ws.addRow(row.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c))).commit();
  }
  ws.commit();
  await wb.commit();
}

if (import.meta.url === `file://${process.argv[1]}`)
  await csvToXlsx(process.argv[2], process.argv[3]);
