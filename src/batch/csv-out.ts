import type { Delimiter } from "../core/models/mapping.js";
import type { AtomicOutput } from "../io/atomic-file.js";
import { writeUtf8 } from "./utf8.js";

/** A cell: text, a number (written as a number) or null (an empty cell). */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether `neutralize` guards a cell: text starting with = + - @ tab or carriage return that is
 * not a plain number, or a `'` before such text (a cell that would otherwise read as guarded).
 */
function guarded(cell: string): boolean {
  if (FORMULA_START.test(cell)) return !PLAIN_NUMBER.test(cell);
  return cell.charCodeAt(0) === 0x27 && guarded(cell.slice(1));
}

/**
 * Neutralises text a spreadsheet would run as a formula (CSV injection): a cell starting with
 * = + - @ tab or carriage return gets a leading `'`. Plain numbers such as `-2` are left alone,
 * since a spreadsheet reads them as numbers, never as formulas. A cell that already reads as
 * guarded (`'=x`) gets one more `'`, so that `unguard` gives back every cell exactly.
 */
export function neutralize(cell: string): string {
  return guarded(cell) ? `'${cell}` : cell;
}

/**
 * Undoes `neutralize`, and only it: the `'` it added is dropped, any other cell (a `'` before
 * text it would not guard, such as `'s-Hertogenbosch`) is left as it is. For a file `batch`
 * wrote (a rejects file fed back), whatever program the consultant corrected it in.
 */
export function unguard(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && guarded(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Bytes queued before they are handed to the output. */
const FLUSH_AT = 64 * 1024;

const NEEDS_QUOTES = /[",\n\r]/;

/** `String(k / 100)` for k = 0…1000: the scores, levels and coverages the respondents CSV writes. */
const HUNDREDTHS = Array.from({ length: 1001 }, (_, k) => String(k / 100));
/** The same texts as bytes, one after another: k's are HUNDREDTH_BYTES[HUNDREDTH_AT[k], HUNDREDTH_AT[k + 1]). */
const HUNDREDTH_BYTES = Buffer.from(HUNDREDTHS.join(""), "latin1");
const HUNDREDTH_AT = new Uint16Array(HUNDREDTHS.length + 1);
HUNDREDTHS.forEach((t, k) => {
  HUNDREDTH_AT[k + 1] = (HUNDREDTH_AT[k] as number) + t.length;
});
/** Bytes `numberCell` may queue: a comma and the longest whole number it writes itself (2^53). */
const NUMBER_CELL_BYTES = 1 + 16;

/** k when n is k hundredths with k in 0…1000 (so `String(n)` is HUNDREDTHS[k]), else -1. */
function hundredth(n: number): number {
  const k = Math.round(n * 100);
  return k >= 0 && k <= 1000 && k / 100 === n && !Object.is(n, -0) ? k : -1;
}

/** `String(n)`, from the table when n is a hundredth between 0 and 10 (the same text, cheaper). */
export function numberText(n: number): string {
  const k = hundredth(n);
  return k >= 0 ? (HUNDREDTHS[k] as string) : String(n);
}

/**
 * One CSV line (with its `\n`), byte for byte what csv-stringify writes with its defaults: a text
 * cell holding a comma, a quote or a line break is quoted (quotes doubled), a number is
 * `String(n)`, null is empty. Text cells are neutralised first. Another delimiter separates the
 * cells (a cell holding it is quoted too).
 */
export function csvLine(cells: readonly CsvCell[], delimiter: Delimiter = ","): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += delimiter;
    const cell = cells[i];
    if (typeof cell === "number") line += numberText(cell);
    else if (typeof cell === "string") line += textCell(cell, delimiter);
  }
  return `${line}\n`;
}

/** A text cell as `csvLine` writes it: neutralised, then quoted where needed. */
export function textCell(cell: string, delimiter: Delimiter = ","): string {
  if (cell === "") return "";
  const text = neutralize(cell);
  return NEEDS_QUOTES.test(text) || (delimiter !== "," && text.includes(delimiter))
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * Streams CSV rows to a file (atomically, see AtomicOutput) or to standard output. UTF-8 with a
 * byte-order mark, so spreadsheet programs read Chinese text correctly; text cells are
 * neutralised against formula injection; numbers stay numbers. Rows are queued as UTF-8 bytes in
 * one reused buffer (a million rows built as strings cost more to encode than to build).
 * `delimiter` separates the cells of `row()` (the rejects file takes the export's, see
 * `separateWith`); lines written cell by cell (`cell()`, `numberCell()`) are comma-separated.
 */
export class CsvWriter {
  private buf = Buffer.allocUnsafe(2 * FLUSH_AT);
  private used = 0;
  private drain: Promise<void> | undefined;

  constructor(
    readonly out: AtomicOutput,
    private delimiter: Delimiter = ",",
  ) {
    this.text("\uFEFF");
  }

  /** Separates the cells of the rows queued from now on with `delimiter` (call it before the first row). */
  separateWith(delimiter: Delimiter): void {
    this.delimiter = delimiter;
  }

  private send(chunk: string | Uint8Array): void {
    const full = this.out.write(chunk);
    if (full && !this.drain) {
      this.drain = full.then(() => {
        this.drain = undefined;
      });
    }
  }

  private flush(): void {
    if (this.used === 0) return;
    const chunk = Buffer.from(this.buf.subarray(0, this.used));
    this.used = 0;
    this.send(chunk);
  }

  /** Queues a row; await `ready()` now and then so that a slow disk holds the reader back. */
  row(cells: readonly CsvCell[]): void {
    this.text(csvLine(cells, this.delimiter));
    if (this.used >= FLUSH_AT) this.flush();
  }

  /**
   * Queues text already in `csvLine`'s form (cells from `textCell` and `numberText`): a line is
   * written as its first cell, `cell()` for each further cell, and `endLine()`.
   */
  text(text: string): void {
    if (this.used + 3 * text.length > this.buf.length) {
      this.flush();
      if (3 * text.length > this.buf.length) {
        this.send(text);
        return;
      }
    }
    this.used += writeUtf8(this.buf, text, this.used);
  }

  /** Queues a comma and a further cell of the line (see `text()`). */
  cell(text: string): void {
    if (this.used + 1 + 3 * text.length > this.buf.length) {
      this.text(",");
      this.text(text);
      return;
    }
    this.buf[this.used++] = 0x2c;
    this.used += writeUtf8(this.buf, text, this.used);
  }

  /**
   * Queues a comma and `numberText(n)`: the hundredths from 0 to 10 and positive whole numbers as
   * bytes, without making a string (a million respondents' lines hold 20 million such cells).
   */
  numberCell(n: number): void {
    if (this.used + NUMBER_CELL_BYTES > this.buf.length) this.flush();
    const buf = this.buf;
    const k = hundredth(n);
    if (k >= 0) {
      buf[this.used++] = 0x2c;
      const end = HUNDREDTH_AT[k + 1] as number;
      for (let i = HUNDREDTH_AT[k] as number; i < end; i++) {
        buf[this.used++] = HUNDREDTH_BYTES[i] as number;
      }
      return;
    }
    if (!Number.isSafeInteger(n) || n <= 0) {
      this.cell(numberText(n));
      return;
    }
    buf[this.used++] = 0x2c;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let rest = n;
    for (let i = this.used + digits - 1; i >= this.used; i--) {
      buf[i] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.used += digits;
  }

  /** Ends a line begun with `text()`. */
  endLine(): void {
    this.text("\n");
    if (this.used >= FLUSH_AT) this.flush();
  }

  /** A promise while the output is full (backpressure), else undefined. */
  ready(): Promise<void> | undefined {
    return this.drain;
  }

  /** Writes what is queued; the file is moved into place by the output's commit. */
  async end(): Promise<void> {
    this.flush();
    await this.drain;
  }

  /** Drops the output; an existing file at the target is left as it was. */
  abort(): void {
    this.out.abort();
  }
}
