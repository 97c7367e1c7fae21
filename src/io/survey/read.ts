import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import type { Delimiter } from "../../core/models/mapping.js";
import { CsvSyntaxError, parseCsvChunks } from "./csv.js";
import {
  DecodeError,
  type DecodeState,
  decodeText,
  type Encoding,
  type EncodingChoice,
} from "./decode.js";
import { sniffDelimiter } from "./sniff.js";

/** What was learnt about the file while opening it. */
export interface ExportInfo {
  format: "csv" | "xlsx";
  /** CSV only. */
  encoding?: Encoding;
  /** CSV only. */
  delimiter?: Delimiter;
  /** Size in bytes when known (not for standard input). */
  totalBytes?: number;
  /** Things worth telling the user on standard error (encoding fallback, …). */
  notices: string[];
  /** XLSX only: rows hidden in the sheet (by hand or by a filter) that hold something. */
  hiddenRows?: { count: number; first: number[] };
}

/**
 * Receives each record in order. Returning `false` stops reading; returning a promise pauses
 * reading until it settles (backpressure); throwing stops reading and rejects `each`.
 */
export type RecordHandler = (cells: string[], row: number) => void | boolean | Promise<void>;

/** An opened export; `bytesRead()` feeds progress bars. Read it once, with `each`. */
export interface ExportReader {
  info: ExportInfo;
  /** Pushes every record to `onRecord`; resolves at the end of the file (or when told to stop). */
  each(onRecord: RecordHandler): Promise<void>;
  bytesRead(): number;
}

export interface OpenExportOptions {
  encoding?: EncodingChoice;
  /** Overrides delimiter sniffing. */
  delimiter?: Delimiter;
  /** Path shown in messages. */
  display?: string;
}

/** An export that cannot be read: unreadable, undecodable or not valid CSV/XLSX. */
export class ExportError extends Error {
  override name = "ExportError";
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Bytes read from the file at a time (handed on in PIECE_BYTES pieces). */
const READ_BYTES = 1024 * 1024;
/**
 * 64 KiB pieces: each becomes a string V8 allocates in its young generation. Strings over
 * 128 KiB go to the large-object space, each mapped and freed on its own: 256 KiB pieces made
 * `batch` take 1.2-1.3x the CPU (1 MiB ones also raised peak memory by ~45 MB).
 */
const PIECE_BYTES = 64 * 1024;

/**
 * The file's bytes in 64 KiB pieces of 1 MiB reads. The reads are synchronous: a stream's
 * reads each go through libuv's thread pool, waking a thread and the event loop per read. Two
 * buffers take turns, so a piece stays intact until the 16 pieces after it have been handed on
 * (the decoder keeps at most the end of the piece before, and the first 64 KiB while sniffing):
 * no memory is allocated per read.
 */
async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, "r");
  try {
    const buffers = [Buffer.allocUnsafeSlow(READ_BYTES), Buffer.allocUnsafeSlow(READ_BYTES)];
    for (let turn = 0; ; turn ^= 1) {
      const buf = buffers[turn] as Buffer;
      let n = 0;
      while (n < READ_BYTES) {
        const got = readSync(fd, buf, n, READ_BYTES - n, null);
        if (got === 0) break;
        n += got;
      }
      for (let at = 0; at < n; at += PIECE_BYTES) {
        yield buf.subarray(at, Math.min(n, at + PIECE_BYTES));
      }
      if (n < READ_BYTES) return;
      // A turn of the event loop per read lets V8's memory reducer and incremental marking run
      // (without one the peak RSS at 1,000,000 rows was 15-20 MB higher).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    closeSync(fd);
  }
}

function readHead(path: string, length = 8, position = 0): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, position);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The stream an Office file encrypted with a password keeps its real content in. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Whether an OLE compound file is a password-protected Office file (Excel encrypts a workbook
 * with a password into such a file, whatever its extension), from the first sector of its
 * directory: `read(position, length)` gives the file's bytes there.
 */
function isEncryptedOffice(
  head: Uint8Array,
  read: (position: number, length: number) => Uint8Array,
): boolean {
  if (head.length < 0x34) return false;
  const view = Buffer.from(head.buffer, head.byteOffset, head.length);
  const sectorShift = view.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return false;
  const sector = 1 << sectorShift;
  const directory = (view.readUInt32LE(0x30) + 1) * sector;
  return Buffer.from(read(directory, sector)).includes(ENCRYPTED_PACKAGE);
}

/** The refusal of an OLE compound file: a password-protected workbook or an old .xls. */
function oleError(display: string, encrypted: boolean): ExportError {
  return new ExportError(
    encrypted
      ? `${display}: expected CSV or XLSX; found a password-protected (encrypted) workbook (open it in Excel, remove the password under File → Info → Protect Workbook → Encrypt with Password, save it, and run again — or save the responses as CSV)`
      : `${display}: expected CSV or XLSX; found an Excel 97–2003 (.xls) workbook (save it as .xlsx or CSV)`,
  );
}

/** Reads the first chunk of a stream and returns it with an iterable over the whole stream. */
async function peek(
  stream: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const it = stream[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  async function* all() {
    if (head.length) yield head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { head, all: all() };
}

/** The ExportError for a file that cannot be opened or read (an ExportError passes through). */
function unreadable(err: unknown, display: string): ExportError {
  if (err instanceof ExportError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  return new ExportError(
    `${display}: expected a readable CSV or XLSX file; found ${code === "ENOENT" ? "no such file" : `an unreadable file (${code ?? String(err)})`}`,
  );
}

/** Opens a CSV or XLSX export (`-` reads standard input) for streaming. */
export async function openExport(
  input: string,
  opts: OpenExportOptions = {},
): Promise<ExportReader> {
  const display = opts.display ?? (input === "-" ? "<stdin>" : input);
  let totalBytes: number | undefined;
  let source: AsyncIterable<Uint8Array>;
  let head: Uint8Array;
  let counted = 0;
  // Standard input, and a named pipe such as the shell's `<(iconv …)`, are read as streams.
  let piped = input === "-";
  let size = 0;
  if (!piped) {
    try {
      const st = statSync(input);
      if (st.isDirectory()) throw new ExportError(`${display}: expected a file; found a folder`);
      piped = st.isFIFO();
      size = st.size;
    } catch (err) {
      throw unreadable(err, display);
    }
  }
  if (piped) {
    const peeked = await peek(input === "-" ? process.stdin : createReadStream(input));
    head = peeked.head;
    source = peeked.all;
  } else {
    try {
      totalBytes = size;
      head = readHead(input);
    } catch (err) {
      throw unreadable(err, display);
    }
    // Opened when read: a workbook is read by its own path (random access).
    source = readChunks(input);
  }
  if (startsWith(head, OLE_MAGIC)) {
    // A file is read from its directory's sector; from a pipe, only what its first chunk holds.
    const first = head;
    const encrypted = piped
      ? isEncryptedOffice(first, (at, n) => first.subarray(at, at + n))
      : isEncryptedOffice(readHead(input, 512), (at, n) => readHead(input, n, at));
    throw oleError(display, encrypted);
  }
  const info: ExportInfo = { format: "csv", notices: [], ...(totalBytes ? { totalBytes } : {}) };
  if (startsWith(head, ZIP_MAGIC)) {
    info.format = "xlsx";
    return {
      info,
      each: async (onRecord) => {
        // yauzl and sax are loaded only when a workbook is actually given.
        const { readXlsx, XlsxError } = await import("./xlsx.js");
        try {
          await readXlsx(
            piped ? { stream: source } : { file: input },
            {
              display,
              onBytes: (n) => (counted += n),
              onHiddenRow: (row) => {
                info.hiddenRows ??= { count: 0, first: [] };
                if (info.hiddenRows.count++ < 5) info.hiddenRows.first.push(row);
              },
              onSheets: (read, others) =>
                info.notices.push(
                  `${display}: read its first visible sheet, ${JSON.stringify(read)}; not read: ${others.map((o) => `${JSON.stringify(o.name)}${o.hidden ? " (hidden)" : ""}`).join(", ")} (to score another sheet, move it first or save it as CSV)`,
                ),
            },
            onRecord,
          );
        } catch (err) {
          throw err instanceof XlsxError ? new ExportError(err.message) : err;
        }
      },
      bytesRead: () => counted,
    };
  }
  const state: DecodeState = { bom: false, bytesRead: 0, notices: info.notices };
  return {
    info,
    each: (onRecord) => readCsv(source, opts, state, info, display, onRecord),
    bytesRead: () => state.bytesRead,
  };
}

async function readCsv(
  source: AsyncIterable<Uint8Array>,
  opts: OpenExportOptions,
  state: DecodeState,
  info: ExportInfo,
  display: string,
  onRecord: RecordHandler,
): Promise<void> {
  const decoded = decodeText(source, opts.encoding ?? "auto", state, display);
  let first: IteratorResult<string>;
  try {
    first = await decoded.next();
  } catch (err) {
    throw err instanceof DecodeError ? new ExportError(err.message) : err;
  }
  info.encoding = state.encoding;
  const headText = first.done ? "" : first.value;
  const delimiter = opts.delimiter ?? sniffDelimiter(headText);
  info.delimiter = delimiter;
  async function* text() {
    if (!first.done) yield headText;
    yield* decoded;
  }
  try {
    await parseCsvChunks(text(), delimiter, onRecord);
  } catch (err) {
    if (err instanceof DecodeError) throw new ExportError(err.message);
    if (err instanceof CsvSyntaxError) {
      const line = err.line === undefined ? "" : `:${err.line}`;
      throw new ExportError(`${display}${line}: expected valid CSV; found ${err.message}`);
    }
    throw err;
  }
}
