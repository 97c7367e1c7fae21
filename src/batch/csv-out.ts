import type { AtomicOutput } from "../io/atomic-file.js";

/** A cell: text, a number (written as a number) or null (an empty cell). */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Neutralises text a spreadsheet would run as a formula (CSV injection): a cell starting with
 * = + - @ tab or carriage return gets a leading `'`. Plain numbers such as `-2` are left alone,
 * since a spreadsheet reads them as numbers, never as formulas.
 */
export function neutralize(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Text queued before it is handed to the output (in characters). */
const FLUSH_AT = 64 * 1024;

const NEEDS_QUOTES = /[",\n\r]/;

/** `String(k / 100)` for k = 0…1000: the scores, levels and coverages the respondents CSV writes. */
const HUNDREDTHS = Array.from({ length: 1001 }, (_, k) => String(k / 100));

/** `String(n)`, from the table when n is a hundredth between 0 and 10 (the same text, cheaper). */
export function numberText(n: number): string {
  const k = Math.round(n * 100);
  return k >= 0 && k <= 1000 && k / 100 === n && !Object.is(n, -0)
    ? (HUNDREDTHS[k] as string)
    : String(n);
}

/**
 * One CSV line (with its `\n`), byte for byte what csv-stringify writes with its defaults: a text
 * cell holding a comma, a quote or a line break is quoted (quotes doubled), a number is
 * `String(n)`, null is empty. Text cells are neutralised first.
 */
export function csvLine(cells: readonly CsvCell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ",";
    const cell = cells[i];
    if (typeof cell === "number") line += numberText(cell);
    else if (typeof cell === "string") line += textCell(cell);
  }
  return `${line}\n`;
}

/** A text cell as `csvLine` writes it: neutralised, then quoted where needed. */
export function textCell(cell: string): string {
  if (cell === "") return "";
  const text = neutralize(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Streams CSV rows to a file (atomically, see AtomicOutput) or to standard output. UTF-8 with a
 * byte-order mark, so spreadsheet programs read Chinese text correctly; text cells are
 * neutralised against formula injection; numbers stay numbers.
 */
export class CsvWriter {
  private pending = "";
  private drain: Promise<void> | undefined;

  constructor(readonly out: AtomicOutput) {
    this.send("\uFEFF");
  }

  private send(text: string): void {
    const full = this.out.write(text);
    if (full && !this.drain) {
      this.drain = full.then(() => {
        this.drain = undefined;
      });
    }
  }

  private flush(): void {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = "";
    this.send(text);
  }

  /** Queues a row; await `ready()` now and then so that a slow disk holds the reader back. */
  row(cells: readonly CsvCell[]): void {
    this.pending += csvLine(cells);
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  /** Queues a line already in `csvLine`'s form (cells from `textCell` and `numberText`, `\n`). */
  line(text: string): void {
    this.pending += text;
    if (this.pending.length >= FLUSH_AT) this.flush();
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
