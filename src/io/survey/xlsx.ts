// Reads the first visible worksheet of an XLSX workbook as rows of cell text, streaming: yauzl opens the
// ZIP container (random access through its central directory, so the worksheet can be read after
// the shared strings whatever their order in the archive), node:zlib inflates each part, a
// streaming UTF-8 decoder keeps multi-byte characters whole across compressed chunks, and saxes
// parses the XML. Memory holds the shared strings (bounded by XLSX_LIMITS) and one chunk of rows.
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32, createInflateRaw } from "node:zlib";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";
import { type DateKind, dateKindOf, formatDateSerial } from "./xlsx-dates.js";
import {
  generalText,
  loadNumfmt,
  type NumberRenderer,
  numberFormatCode,
  numberRenderer,
} from "./xlsx-numbers.js";

/** Receives each row; see `RecordHandler` in read.ts. */
type RowHandler = (cells: string[], row: number) => void | boolean | Promise<void>;

/** What a workbook may hold before it is refused (a guard against ZIP bombs). */
export interface XlsxLimits {
  /** Decompressed bytes of the worksheet's XML. */
  sheetBytes: number;
  /** Decompressed bytes of the shared strings' XML (held in memory while the sheet is read). */
  sharedStringsBytes: number;
  /** Characters in one cell: Excel's own limit. */
  cellChars: number;
  /** Decompressed bytes of the workbook's other small parts (workbook.xml, its relationships). */
  partBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  sheetBytes: 4 * 1024 ** 3,
  sharedStringsBytes: 256 * 1024 ** 2,
  cellChars: 32_767,
  partBytes: 16 * 1024 ** 2,
};

/** The XML one event of the parser may span (characters). */
const MAX_BETWEEN_EVENTS = 1024 * 1024;

/** What a part's parse reacts to. */
interface Handlers {
  open?: (tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;

/** A workbook that cannot be read; the message is complete and located. */
export class XlsxError extends Error {
  override name = "XlsxError";
}

/**
 * A cell's text from its type and raw value: shared strings looked up, booleans as TRUE/FALSE,
 * inline strings unescaped, numbers as Excel's General shows them, errors and dates as written.
 * Undefined for a shared string the workbook does not have.
 */
function cellText(type: string, raw: string, shared: readonly string[]): string | undefined {
  switch (type) {
    case "s":
      return raw.trim() === "" ? "" : shared[Number(raw)];
    case "b":
      return raw === "1" ? "TRUE" : raw === "0" ? "FALSE" : raw;
    case "inlineStr":
    case "str":
      return unescapeOoxml(raw);
    case "n": {
      const n = Number(raw);
      return raw.trim() === "" ? "" : Number.isFinite(n) ? generalText(n) : raw;
    }
    default: // e (errors such as #N/A) and d (ISO dates) as written
      return raw;
  }
}

/** Thrown by the row handler: passed through unchanged. */
class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/** Hands one row to the handler; false when it says to stop. */
async function deliverRow(onRow: RowHandler, cells: string[], n: number): Promise<boolean> {
  try {
    const r = onRow(cells, n);
    if (r === false) return false;
    if (r !== undefined && r !== true) await r;
    return true;
  } catch (err) {
    throw new HandlerFailure(err);
  }
}

const formatBytes = (n: number) =>
  n >= 1024 ** 3
    ? `${+(n / 1024 ** 3).toFixed(1)} GiB`
    : n >= 1024 ** 2
      ? `${+(n / 1024 ** 2).toFixed(1)} MiB`
      : `${+(n / 1024).toFixed(1)} KiB`;

export interface ReadXlsxOptions {
  /** Path shown in messages. */
  display: string;
  limits?: Partial<XlsxLimits>;
  /** Called with the number of compressed bytes read, for progress. */
  onBytes?: (n: number) => void;
  /** Called with the number of each hidden row that holds something (it is read all the same). */
  onHiddenRow?: (row: number) => void;
  /** Called, in a workbook of several worksheets, with the one read and the others. */
  onSheets?: (read: string, others: { name: string; hidden: boolean }[]) => void;
}

/** Reads the first visible worksheet of the workbook at `file` (a path) or in `stdin` bytes. */
export async function readXlsx(
  source: { file: string } | { stream: AsyncIterable<Uint8Array> },
  opts: ReadXlsxOptions,
  onRow: RowHandler,
): Promise<void> {
  let spoolDir: string | undefined;
  let file: string;
  if ("file" in source) file = source.file;
  else {
    // The central directory is at the end of a ZIP: standard input is spooled to a file first.
    spoolDir = mkdtempSync(path.join(tmpdir(), "crm-maturity-xlsx-"));
    file = path.join(spoolDir, "stdin.xlsx");
    await pipeline(Readable.from(source.stream), createWriteStream(file));
  }
  try {
    const book = new Workbook(file, opts);
    await book.read(onRow);
  } catch (err) {
    if (err instanceof HandlerFailure) throw err.error;
    throw err;
  } finally {
    if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
  }
}

/** A library's error as a sentence of ours: what is wrong with the file, never its raw text. */
function describeZipError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const msg = String(e?.message ?? err);
  if (typeof e?.code === "string" && e.code.startsWith("Z_"))
    return "its compressed data is damaged";
  if (/end of central directory|central directory|signature/i.test(msg))
    return "a damaged or incomplete ZIP archive (its table of contents cannot be read)";
  if (/encrypted/i.test(msg)) return "an encrypted ZIP archive";
  if (/compression method|unsupported/i.test(msg))
    return "a ZIP archive compressed with a method Excel does not use";
  if (/too many|overlap|exceeds|out of range|eof|truncated|invalid/i.test(msg))
    return "a damaged or incomplete ZIP archive";
  return "a damaged or incomplete ZIP archive";
}

/** Decodes OOXML's `_xHHHH_` escapes (a carriage return is stored as `_x000D_`). */
const unescapeOoxml = (s: string) =>
  s.includes("_x")
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;

/** `B12` → column index 1 (0-based), or -1. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (n > MAX_COLUMNS) return MAX_COLUMNS;
  }
  return i === 0 ? -1 : n - 1;
}

/** The attribute whose name, without its namespace prefix, is `local`. */
function attr(attrs: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) {
    if (k === local || k.endsWith(`:${local}`)) return v;
  }
  return undefined;
}

/** Resolves a relationship target against the folder of the part that declares it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(base), target));
}

class Workbook {
  private readonly limits: XlsxLimits;
  private readonly display: string;
  private zip: yauzl.ZipFile | undefined;
  private entries = new Map<string, yauzl.Entry>();
  private shared: string[] = [];
  /**
   * How each cell style (`s`) shows numbers when not as General: the date kind of a date or time
   * format, or the renderer of another number format (xlsx-numbers.ts).
   */
  private numberStyles: (DateKind | NumberRenderer | undefined)[] = [];
  /** The workbook counts days from 1904 (Excel for Mac's old default), not 1900. */
  private date1904 = false;

  constructor(
    private readonly file: string,
    private readonly opts: ReadXlsxOptions,
  ) {
    this.limits = { ...XLSX_LIMITS, ...opts.limits };
    this.display = opts.display;
  }

  private fail(detail: string): never {
    throw new XlsxError(`${this.display}: expected a readable XLSX workbook; found ${detail}`);
  }

  async read(onRow: RowHandler): Promise<void> {
    try {
      this.zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.open(
          this.file,
          { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
          (err, zip) => (err || !zip ? reject(err) : resolve(zip)),
        ),
      );
      await this.listEntries();
    } catch (err) {
      if (err instanceof XlsxError) throw err;
      this.fail(describeZipError(err));
    }
    try {
      const { sheet, sharedStrings, styles } = await this.locateParts();
      if (sharedStrings) await this.readSharedStrings(sharedStrings);
      if (styles) await this.readNumberStyles(styles);
      await this.readSheet(sheet, onRow);
    } finally {
      this.zip?.close();
    }
  }

  private listEntries(): Promise<void> {
    const zip = this.zip as yauzl.ZipFile;
    return new Promise((resolve, reject) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        this.entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", reject);
      zip.readEntry();
    });
  }

  /** The decompressed bytes of one part, checked against its size and CRC-32, as text chunks. */
  private async *partText(name: string, limit: number, what: string): AsyncGenerator<string> {
    const entry = this.entries.get(name);
    if (!entry) this.fail(`no ${name} in the archive (is it an Excel workbook?)`);
    if (entry.isEncrypted()) this.fail(`an encrypted part (${name})`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      this.fail(`${name} compressed with a method Excel does not use`);
    if (entry.uncompressedSize > limit) this.tooLarge(name, what, limit);
    const zip = this.zip as yauzl.ZipFile;
    let raw: Readable;
    try {
      raw = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, { decompress: false }, (err, s) =>
          err || !s ? reject(err) : resolve(s),
        ),
      );
    } catch (err) {
      this.fail(`${describeZipError(err)} at ${name}`);
    }
    const onBytes = this.opts.onBytes;
    const counting = new Transform({
      transform(chunk: Buffer, _enc, done) {
        onBytes?.(chunk.length);
        done(null, chunk);
      },
    });
    const inflated: Readable =
      entry.compressionMethod === 8
        ? raw.pipe(counting).pipe(createInflateRaw())
        : raw.pipe(counting);
    raw.on("error", (err) => inflated.destroy(err));
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let size = 0;
    let crc = 0;
    try {
      for await (const chunk of inflated as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) this.tooLarge(name, what, limit);
        crc = crc32(chunk, crc);
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          this.fail(`text that is not valid UTF-8 in ${name} (near byte ${size - chunk.length})`);
        }
        if (text) yield text;
      }
      try {
        const rest = decoder.decode();
        if (rest) yield rest;
      } catch {
        this.fail(`text that is not valid UTF-8 at the end of ${name}`);
      }
    } catch (err) {
      if (err instanceof XlsxError || err instanceof HandlerFailure) throw err;
      this.fail(`${describeZipError(err)} (in ${name})`);
    } finally {
      raw.destroy();
      inflated.destroy();
    }
    if (size !== entry.uncompressedSize || crc !== entry.crc32)
      this.fail(`a damaged workbook: ${name} does not match its checksum`);
  }

  private tooLarge(name: string, what: string, limit: number): never {
    this.fail(
      `${what} (${name}) larger than the ${formatBytes(limit)} this tool reads uncompressed; save the responses as CSV, or split them into several files`,
    );
  }

  /** Parses one part with saxes; `setup` installs the handlers, `after` runs after every chunk. */
  private async parse(
    name: string,
    limit: number,
    what: string,
    setup: (p: Handlers) => void,
    after?: () => Promise<boolean>,
  ): Promise<void> {
    const parser = new SaxesParser<{ xmlns: false; position: true }>({
      xmlns: false,
      position: true,
    });
    let xmlError: Error | undefined;
    parser.on("error", (err) => {
      xmlError ??= err;
    });
    // XML between two events is held by the parser: a text or a tag longer than this is refused
    // (a cell holds at most 32,767 characters, at most 6 bytes each as an entity).
    let sinceEvent = 0;
    const handlers: Handlers = {};
    setup(handlers);
    parser.on("opentag", (tag) => {
      sinceEvent = 0;
      handlers.open?.(tag);
    });
    parser.on("closetag", (tag) => {
      sinceEvent = 0;
      handlers.close?.(tag.name);
    });
    parser.on("text", (text) => {
      sinceEvent = 0;
      handlers.text?.(text);
    });
    parser.on("cdata", (text) => {
      sinceEvent = 0;
      handlers.text?.(text);
    });
    // A damaged part usually shows as bad XML or bad content before its checksum can be
    // compared at the end: on such an error the rest is inflated (not parsed), so that the
    // checksum's verdict, when it fails, is the one reported.
    let contentError: XlsxError | undefined;
    const step = async (text?: string) => {
      try {
        if (text === undefined) parser.close();
        else {
          parser.write(text);
          sinceEvent += text.length;
          if (sinceEvent > MAX_BETWEEN_EVENTS)
            this.fail(
              `XML text or a tag in ${name} longer than ${MAX_BETWEEN_EVENTS / 1024 / 1024} MiB (near line ${parser.line})`,
            );
        }
        if (xmlError) this.xmlFail(name, parser, xmlError);
        return after ? await after() : true;
      } catch (err) {
        if (!(err instanceof XlsxError)) throw err;
        contentError = err;
        return true;
      }
    };
    for await (const text of this.partText(name, limit, what)) {
      if (contentError) continue;
      if (!(await step(text))) return;
    }
    if (!contentError) await step();
    if (contentError) throw contentError;
  }

  private xmlFail(name: string, p: { line: number; column: number }, err: Error): never {
    // saxes writes "line:column: message"; the position is given in our own words.
    const first = (err.message.split("\n")[0] ?? "")
      .replace(/^\d+:\d+:\s*/, "")
      .replace(/[.:]\s*$/, "");
    this.fail(
      `malformed XML (${first.toLowerCase()}) in ${name} at line ${p.line}, column ${p.column}`,
    );
  }

  /** Reads a small part whole, as a list of elements with their attributes. */
  private async elements(name: string): Promise<{ name: string; attrs: Record<string, string> }[]> {
    const out: { name: string; attrs: Record<string, string> }[] = [];
    await this.parse(name, this.limits.partBytes, "a workbook part", (p) => {
      p.open = (tag) => {
        out.push({ name: tag.name, attrs: tag.attributes });
      };
    });
    return out;
  }

  private async locateParts(): Promise<{ sheet: string; sharedStrings?: string; styles?: string }> {
    const workbook = "xl/workbook.xml";
    const rels = "xl/_rels/workbook.xml.rels";
    const targets = new Map<string, { type: string; target: string }>();
    if (this.entries.has(rels)) {
      for (const el of await this.elements(rels)) {
        if (!el.name.endsWith("Relationship")) continue;
        const id = attr(el.attrs, "Id");
        const target = attr(el.attrs, "Target");
        if (id && target)
          targets.set(id, {
            type: attr(el.attrs, "Type") ?? "",
            target: resolvePart(workbook, target),
          });
      }
    }
    const book = await this.elements(workbook);
    const props = book.find((el) => el.name === "workbookPr" || el.name.endsWith(":workbookPr"));
    const date1904 = props ? attr(props.attrs, "date1904") : undefined;
    this.date1904 = date1904 === "1" || date1904 === "true";
    // The sheets in the workbook's order; charts and dialogs hold no cells.
    const sheets = book
      .filter((el) => el.name === "sheet" || el.name.endsWith(":sheet"))
      .map((el) => ({
        name: attr(el.attrs, "name") ?? "",
        hidden: /hidden/i.test(attr(el.attrs, "state") ?? ""),
        part: targets.get(attr(el.attrs, "id") ?? ""),
      }))
      .filter((sh) => !sh.part || /\/worksheet$/.test(sh.part.type));
    // The first sheet the client sees: a hidden one before it is not what they mean.
    const chosen = sheets.find((sh) => !sh.hidden) ?? sheets[0];
    let sheet = chosen?.part?.target;
    if (!sheet || !this.entries.has(sheet)) {
      // Without usable relationships, the conventional name of the first sheet.
      sheet = "xl/worksheets/sheet1.xml";
    }
    if (chosen && sheets.length > 1) {
      this.opts.onSheets?.(
        chosen.name,
        sheets.filter((sh) => sh !== chosen).map(({ name, hidden }) => ({ name, hidden })),
      );
    }
    if (!this.entries.has(sheet)) this.fail("a workbook without a worksheet");
    let sharedStrings = [...targets.values()].find((t) =>
      t.type.endsWith("/sharedStrings"),
    )?.target;
    if (!sharedStrings && this.entries.has("xl/sharedStrings.xml"))
      sharedStrings = "xl/sharedStrings.xml";
    let styles = [...targets.values()].find((t) => t.type.endsWith("/styles"))?.target;
    if (!styles && this.entries.has("xl/styles.xml")) styles = "xl/styles.xml";
    return {
      sheet,
      ...(sharedStrings && this.entries.has(sharedStrings) ? { sharedStrings } : {}),
      ...(styles && this.entries.has(styles) ? { styles } : {}),
    };
  }

  /** Reads how each cell style shows numbers (as dates or times, or through another format). */
  private async readNumberStyles(name: string): Promise<void> {
    const codes = new Map<number, string>();
    const formats: number[] = [];
    let inCellXfs = false;
    await this.parse(name, this.limits.sharedStringsBytes, "the styles", (p) => {
      p.open = (tag) => {
        const a = tag.attributes;
        if (tag.name === "numFmt") codes.set(Number(a.numFmtId), a.formatCode ?? "");
        else if (tag.name === "cellXfs") inCellXfs = true;
        else if (tag.name === "xf" && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
      };
      p.close = (tagName) => {
        if (tagName === "cellXfs") inCellXfs = false;
      };
    });
    const kinds = formats.map((id) => dateKindOf(id, codes.get(id)));
    const shown = formats.map((id, s) =>
      kinds[s] ? undefined : numberFormatCode(id, codes.get(id)),
    );
    // numfmt is loaded only when some style shows numbers through a format of its own.
    const numfmt = shown.some((code) => code !== undefined) ? await loadNumfmt() : undefined;
    const renderers = new Map<string, NumberRenderer | undefined>();
    this.numberStyles = formats.map((_, s) => {
      const code = shown[s];
      if (code === undefined || !numfmt) return kinds[s];
      if (!renderers.has(code)) renderers.set(code, numberRenderer(numfmt, code));
      return renderers.get(code);
    });
  }

  private cellTooLong(where: string): never {
    this.fail(
      `${where} holding more than ${this.limits.cellChars.toLocaleString("en")} characters (Excel's limit for a cell)`,
    );
  }

  private async readSharedStrings(name: string): Promise<void> {
    const max = this.limits.cellChars;
    let inSi = false;
    let inT = false;
    let phonetic = 0;
    let text = "";
    await this.parse(name, this.limits.sharedStringsBytes, "shared strings", (p) => {
      p.open = (tag) => {
        if (tag.name === "si") {
          inSi = true;
          text = "";
        } else if (tag.name === "rPh") phonetic++;
        else if (tag.name === "t" && inSi && !phonetic) inT = true;
      };
      p.close = (tagName) => {
        if (tagName === "si") {
          this.shared.push(unescapeOoxml(text));
          inSi = false;
        } else if (tagName === "rPh") phonetic--;
        else if (tagName === "t") inT = false;
      };
      p.text = (piece) => {
        if (!inT) return;
        if (text.length + piece.length > max) {
          this.cellTooLong(`shared string ${this.shared.length} in ${name}`);
        }
        text += piece;
      };
    });
  }

  /**
   * A cell's text (a number as its style's format shows it: a date or time as that date or time,
   * a code formatted `000` as 007); `unsaved` for a formula without its result. `where` names the
   * cell for a refusal.
   */
  private cellValue(
    type: string,
    style: number,
    value: string,
    unsaved: boolean,
    where: () => string,
  ): string {
    if (unsaved)
      this.fail(
        `${where()} holding a formula whose result was never saved (the workbook was written by a program and not yet calculated): open it in Excel or LibreOffice and save it, or save the responses as CSV`,
      );
    const shown = type === "n" ? this.numberStyles[style] : undefined;
    if (shown && value.trim() !== "") {
      const n = Number(value);
      if (typeof shown === "function") {
        if (Number.isFinite(n)) return shown(n);
      } else {
        const date = formatDateSerial(n, shown, this.date1904);
        if (date !== undefined) return date;
      }
    }
    const text = cellText(type, value, this.shared);
    if (text === undefined)
      this.fail(
        `${where()} referring to shared string ${value.trim()}, which the workbook does not have (it has ${this.shared.length})`,
      );
    return text;
  }

  private async readSheet(name: string, onRow: RowHandler): Promise<void> {
    const max = this.limits.cellChars;
    const ready: [string[], number][] = [];
    let rowNumber = 0;
    let cells: string[] = [];
    let col = -1;
    let type = "";
    let style = 0;
    let ref = "";
    let value = "";
    let collecting = false;
    let inIs = false;
    let unsaved = false; // a formula without its result (never calculated) is refused
    let hiddenRow = false;
    let phonetic = 0;
    let stopped = false;
    let delivered = 0;
    const deliver = (rowCells: string[], n: number) => deliverRow(onRow, rowCells, n);
    const where = () => (ref ? `cell ${ref}` : `row ${rowNumber}, column ${col + 1}`);
    await this.parse(
      name,
      this.limits.sheetBytes,
      "a worksheet",
      (p) => {
        p.open = (tag) => {
          const a = tag.attributes;
          switch (tag.name) {
            case "row": {
              const r = Number(a.r);
              rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
              hiddenRow = a.hidden === "1" || a.hidden === "true";
              cells = [];
              col = -1;
              break;
            }
            case "c": {
              ref = a.r ?? "";
              const c = ref ? columnOf(ref) : col + 1;
              col = c < 0 ? col + 1 : c;
              if (col >= MAX_COLUMNS)
                this.fail(`a cell beyond Excel's last column XFD (${where()} in ${name})`);
              type = a.t ?? "n";
              style = a.s ? Number(a.s) : 0;
              value = "";
              unsaved = false;
              break;
            }
            case "f":
              unsaved = true;
              break;
            case "v":
              collecting = true;
              unsaved = false;
              break;
            case "is":
              inIs = true;
              unsaved = false;
              break;
            case "rPh":
              phonetic++;
              break;
            case "t":
              if (inIs && !phonetic) collecting = true;
              break;
          }
        };
        p.close = (tagName) => {
          switch (tagName) {
            case "v":
            case "t":
              collecting = false;
              break;
            case "is":
              inIs = false;
              break;
            case "rPh":
              phonetic--;
              break;
            case "c": {
              const text = this.cellValue(type, style, value, unsaved, where);
              while (cells.length < col) cells.push("");
              cells[col] = text;
              ref = "";
              break;
            }
            case "row":
              if (hiddenRow && cells.some((c) => c !== "")) this.opts.onHiddenRow?.(rowNumber);
              ready.push([cells, rowNumber]);
              cells = [];
              break;
          }
        };
        p.text = (text) => {
          if (!collecting) return;
          if (value.length + text.length > max) this.cellTooLong(`${where()} of ${name}`);
          value += text;
        };
      },
      async () => {
        // Rows parsed from one chunk go to the handler before the next chunk is read.
        for (const [rowCells, n] of ready.splice(0)) {
          // The XML leaves empty rows out; a CSV export of the sheet holds them as empty lines,
          // which count as header rows and as blank rows: the handler gets them here too, so
          // that `headerRows` and positional mappings read a workbook as they read its CSV.
          for (let gap = delivered + 1; gap < n && !stopped; gap++) {
            if (!(await deliver([], gap))) stopped = true;
          }
          if (stopped) break;
          if (!(await deliver(rowCells, n))) stopped = true;
          delivered = n;
        }
        return !stopped;
      },
    );
  }
}
