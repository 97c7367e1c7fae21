// The rejects file (`batch --rejects`): the export's header rows, then every rejected row whole,
// padded to the header's width, followed by the reject columns (and the cells beyond the header's
// width). The consultant corrects it and feeds it back with the same mapping: `batch` knows it by
// the reject columns in its key header row, leaves them out and undoes the formula-injection guard
// the writer added, so the rows read as they did in the export, in CSV or saved as a workbook.
import { round2 } from "../core/math/numbers.js";
import { columnLetter } from "../survey/header.js";
import type { RowProblem } from "../survey/respondent.js";
import { type CarelessCheck, SECONDS_PER_ITEM } from "./careless.js";
import { type CsvCell, type CsvWriter, unguard } from "./csv-out.js";

/** The columns a rejects file adds after the export's, named in its key header row. */
export const REJECT_COLUMNS = [
  "reject_row",
  "reject_kind",
  "reject_column",
  "reject_value",
  "reject_expected",
] as const;

/**
 * A rejected row's reject_row cell: its row number, or with several inputs in the run the input
 * and the row (`export.csv:57`), so that a correction fed back with them replaces that row.
 */
export type RejectPlace = number | string;

/** The reject_row cell of `row` of `display`, naming the file when the run reads several. */
export const rejectPlace = (row: number, display: string | undefined): RejectPlace =>
  display === undefined ? row : `${display}:${row}`;

/** Reads a reject_row cell back: the row, and the file when it names one; undefined if neither. */
export function parseRejectRow(cell: string): { file?: string; row: number } | undefined {
  const m = /^(?:(.*\S):)?(\d+)$/.exec(cell.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  return m[1] === undefined ? { row } : { file: m[1], row };
}

/** A row's cells cut or padded with empty cells to the header's width. */
const padded = (cells: readonly string[], width: number): CsvCell[] =>
  Array.from({ length: width }, (_, c) => cells[c] ?? "");

/** Writes the export's header rows, padded to `width`, with the reject columns' names in the key row. */
export function writeRejectsHeader(
  out: CsvWriter,
  header: readonly string[][],
  width: number,
  keyRow: number,
): void {
  header.forEach((cells, i) => {
    out.row([
      ...padded(cells, width),
      ...(i === keyRow - 1 ? REJECT_COLUMNS : REJECT_COLUMNS.map(() => "")),
    ]);
  });
}

/** The rejects file's line for a row: its cells padded to the header width, then the problems. */
export function rejectRow(
  cells: string[],
  row: RejectPlace,
  problems: RowProblem[],
  width: number,
): CsvCell[] {
  let end = cells.length;
  while (end > width && (cells[end - 1] ?? "").trim() === "") end--;
  const out = padded(cells, width);
  const join = (f: (p: RowProblem) => string) => problems.map(f).join(" | ");
  out.push(
    row,
    join((p) => p.kind),
    join((p) => (p.column ? p.column.key || columnLetter(p.column.index) : "")),
    join((p) => p.found ?? p.value),
    join((p) => p.expected),
    ...cells.slice(width, end),
  );
  return out;
}

/** The rejects file's line of a row left out as careless: kind `careless`, the reasons and thresholds. */
export function carelessRow(
  cells: string[],
  row: RejectPlace,
  check: CarelessCheck,
  threshold: number,
  width: number,
): CsvCell[] {
  const why = check.reasons.map((r) =>
    r === "too-fast"
      ? `at least ${SECONDS_PER_ITEM} seconds per answered question (found ${round2(check.secondsPerItem ?? 0)})`
      : r === "straight-lining"
        ? `answers that are not all the same (${threshold} or more given, all identical)`
        : `fewer than ${threshold} identical answers in a row (found ${check.longestRun})`,
  );
  const out = padded(cells, width);
  out.push(row, "careless", "", check.reasons.join(" | "), why.join(" | "));
  return out;
}

/**
 * Where the reject columns start when `keyRow` (the mapping's key header row) is a rejects
 * file's, their five names side by side (a spreadsheet may have added empty cells after them);
 * -1 for any other export.
 */
export function rejectColumnsAt(keyRow: readonly string[]): number {
  const at = keyRow.findIndex((cell) => cell.trim() === REJECT_COLUMNS[0]);
  if (at < 0) return -1;
  return REJECT_COLUMNS.every((name, k) => (keyRow[at + k] ?? "").trim() === name) ? at : -1;
}

/**
 * A row of a rejects file as it was in the export: the reject columns (at `at`) left out and
 * every cell's formula-injection guard undone (see `unguard`).
 */
export function readBackRow(cells: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (i >= at && i < at + REJECT_COLUMNS.length) continue;
    out.push(unguard(cells[i] as string));
  }
  return out;
}
