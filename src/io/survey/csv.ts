import { createRequire } from "node:module";
import { Readable } from "node:stream";
import type { CsvError } from "csv-parse";
import Papa from "papaparse";
import type { Delimiter } from "../../core/models/mapping.js";

/** What the CSV reader hands each record to; see `RecordHandler` in `read.ts`. */
export type CsvRecordHandler = (cells: string[], row: number) => void | boolean | Promise<void>;

/** Text that is not valid CSV: what was found, and the line csv-parse stopped at. */
export class CsvSyntaxError extends Error {
  override name = "CsvSyntaxError";
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/** csv-parse, loaded the first time an export needs it (PapaParse reads most alone). */
let csvParse: typeof import("csv-parse") | undefined;
const loadCsvParse = () => {
  csvParse ??= createRequire(import.meta.url)("csv-parse") as typeof import("csv-parse");
  return csvParse;
};

/** A record longer than this (in characters) is handed to csv-parse, which reads it in linear time. */
const MAX_PAPA_CARRY = 8 * 1024 * 1024;

/** Whitespace (as `trim` sees it) between a quote and a delimiter or line end: PapaParse drops it, csv-parse keeps it. */
function spacedQuote(delimiter: string, newline: string): RegExp {
  const esc = (s: string) =>
    s.replace(/[\t\n\r]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
  return new RegExp(`"\\s+(?:${esc(delimiter)}|${esc(newline)})`);
}

/**
 * The record delimiter csv-parse discovers: the first `\r\n`, `\n` or `\r` outside a quoted field.
 * A quote opens a quoted field only at the start of a field; inside one, `""` is a quote and a lone
 * `"` closes it. Undefined when `text` (not the whole file unless `final`) holds no line end yet.
 */
export function discoverRecordDelimiter(
  text: string,
  delimiter: string,
  final: boolean,
): "\n" | "\r" | "\r\n" | undefined {
  let quoting = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoting) {
      if (c !== '"') continue;
      if (text[i + 1] === '"') i++;
      else if (i + 1 === text.length && !final) return undefined;
      else quoting = false;
      continue;
    }
    if (c === "\r") {
      if (i + 1 === text.length && !final) return undefined;
      return text[i + 1] === "\n" ? "\r\n" : "\r";
    }
    if (c === "\n") return "\n";
    if (c === '"' && fieldStart) quoting = true;
    fieldStart = c === delimiter;
  }
  return final ? "\n" : undefined;
}

/** Counts `\r` and `\n` in `text` before `end` (csv-parse counts a line at each). */
function countLineBreaks(text: string, end: number): number {
  let n = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < end; at = text.indexOf("\n", at + 1)) n++;
  for (let at = text.indexOf("\r"); at !== -1 && at < end; at = text.indexOf("\r", at + 1)) n++;
  return n;
}

/**
 * Parses CSV text chunks into records, exactly as csv-parse does with `relax_column_count`,
 * `relax_quotes` and without skipping empty lines, at PapaParse's speed.
 *
 * PapaParse reads each chunk (with the partial record left over from the one before). Where it
 * could read a chunk differently from csv-parse — a quote it finds malformed, a quote followed by
 * whitespace and a delimiter or line end (PapaParse drops the whitespace), a record larger than
 * 8 MiB — that chunk and the rest of the file go to csv-parse instead, so the records and errors
 * are csv-parse's. `test/io/survey/csv.test.ts` holds the two to the same output.
 */
export async function parseCsvChunks(
  chunks: AsyncIterator<string>,
  delimiter: Delimiter,
  onRecord: CsvRecordHandler,
): Promise<void> {
  try {
    await parseChunks(chunks, delimiter, onRecord);
  } finally {
    // Closes the file when a handler stops or throws before the end.
    await chunks.return?.();
  }
}

async function parseChunks(
  chunks: AsyncIterator<string>,
  delimiter: Delimiter,
  onRecord: CsvRecordHandler,
): Promise<void> {
  let row = 0;
  let carry = "";
  let lineBreaks = 0;
  let newline: "\n" | "\r" | "\r\n" | undefined;
  let parser: InstanceType<typeof Papa.Parser> | undefined;
  let guard: RegExp | undefined;
  for (;;) {
    const next = await chunks.next();
    const done = next.done === true;
    let text = done ? carry : carry + next.value;
    if (!newline) {
      newline = discoverRecordDelimiter(text, delimiter, done);
      if (!newline) {
        if (text.length > MAX_PAPA_CARRY) {
          return csvParseRest(text, chunks, delimiter, undefined, row, lineBreaks, onRecord);
        }
        carry = text;
        continue;
      }
      parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
      guard = spacedQuote(delimiter, newline);
    }
    // The complete records first; at the end of the file, then the last one (if any text is left),
    // so that a final line end does not make an empty record.
    for (const last of done ? [false, true] : [false]) {
      if (last && text === "") return;
      const result = (parser as InstanceType<typeof Papa.Parser>).parse(text, 0, !last);
      if (
        result.errors.length > 0 ||
        text.length - result.meta.cursor > MAX_PAPA_CARRY ||
        (text.includes('"') && (guard as RegExp).test(text))
      ) {
        return csvParseRest(text, chunks, delimiter, newline, row, lineBreaks, onRecord);
      }
      for (const cells of result.data) {
        const r = onRecord(cells, ++row);
        if (r === false) return;
        if (r !== undefined && r !== true) await r;
      }
      // csv-parse steps over the `\n` of a `\r\n` that ends a record without counting it.
      lineBreaks +=
        countLineBreaks(text, result.meta.cursor) - (newline === "\r\n" ? result.data.length : 0);
      text = text.slice(result.meta.cursor);
    }
    if (done) return;
    carry = text;
  }
}

/** csv-parse from `text` (which starts a record) to the end of the file, numbering rows on from `row`. */
async function csvParseRest(
  text: string,
  chunks: AsyncIterator<string>,
  delimiter: Delimiter,
  newline: string | undefined,
  startRow: number,
  lineBreaks: number,
  onRecord: CsvRecordHandler,
): Promise<void> {
  async function* rest() {
    if (text) yield text;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const { CsvError, parse } = loadCsvParse();
  const parser = parse({
    delimiter,
    ...(newline ? { record_delimiter: newline } : {}),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const input = Readable.from(rest(), { objectMode: false });
  // Records are pushed from 'data' events (no promise per record); a handler's promise pauses
  // the parser, which holds the chunks back through pipe().
  await new Promise<void>((resolve, reject) => {
    let row = startRow;
    let settled = false;
    const stop = () => {
      input.unpipe(parser);
      input.destroy();
      parser.destroy();
    };
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      stop();
      if (err instanceof CsvError) {
        const line = typeof err.lines === "number" ? err.lines + lineBreaks : undefined;
        reject(new CsvSyntaxError(describeCsvError(err), line));
      } else reject(err);
    };
    parser.on("data", (cells: string[]) => {
      if (settled) return;
      let r: ReturnType<CsvRecordHandler>;
      try {
        r = onRecord(cells, ++row);
      } catch (err) {
        fail(err);
        return;
      }
      if (r === false) {
        settled = true;
        stop();
        resolve();
      } else if (r !== undefined && r !== true) {
        parser.pause();
        r.then(() => {
          if (!settled) parser.resume();
        }, fail);
      }
    });
    parser.on("end", () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    parser.on("error", fail);
    input.on("error", fail);
    input.pipe(parser);
  });
}

function describeCsvError(err: CsvError): string {
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'a quoted field that is never closed (a missing closing ")';
    case "CSV_INVALID_CLOSING_QUOTE":
      return "text right after the closing quote of a quoted field";
    default:
      return err.message.replace(/\s*at line \d+.*$/s, "");
  }
}
