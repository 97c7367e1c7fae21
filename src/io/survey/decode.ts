import { isAscii, isUtf8 } from "node:buffer";

/**
 * What `--encoding` accepts; `auto` detects a byte-order mark, else UTF-8 with a GB18030 or
 * Windows-1252 fallback.
 */
export const ENCODING_CHOICES = ["auto", "utf-8", "gb18030", "windows-1252", "utf-16le"] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

/** The encoding actually used to read a file. */
export type Encoding = "utf-8" | "gb18030" | "windows-1252" | "utf-16le" | "utf-16be";

/** Bytes examined before deciding between UTF-8 and the fallbacks when there is no byte-order mark. */
export const SNIFF_BYTES = 64 * 1024;

/** Shared with the caller: what was decided, and notices to show on standard error. */
export interface DecodeState {
  encoding?: Encoding;
  /** Whether the encoding came from a byte-order mark. */
  bom: boolean;
  /** Bytes consumed so far, for progress reporting. */
  bytesRead: number;
  notices: string[];
}

/** Raised when the bytes cannot be decoded in the chosen encoding; the CLI reports it as invalid input. */
export class DecodeError extends Error {
  override name = "DecodeError";
  constructor(
    message: string,
    readonly byteOffset: number,
  ) {
    super(message);
  }
}

/** Detects a byte-order mark; returns the encoding and the mark's length. */
export function detectBom(head: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: "utf-8", length: 3 };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** Length of `bytes` without an incomplete UTF-8 sequence at its end (at most 3 bytes cut). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Whether `bytes` is UTF-8, allowing a sequence cut off at the end when more bytes follow. */
function looksUtf8(bytes: Uint8Array, final: boolean): boolean {
  return isUtf8(final ? bytes : bytes.subarray(0, completeUtf8Length(bytes)));
}

/** Guesses BOM-less UTF-16 from NUL bytes in ASCII-heavy text (Excel "Unicode text" always has a BOM). */
function guessUtf16(bytes: Uint8Array): Encoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return "utf-16be";
  return undefined;
}

/**
 * Whether text that is not UTF-8 is Windows-1252 (what Excel saves as "CSV" on a Western Windows:
 * a corrected rejects file, a client's re-saved export) rather than GB18030 (Chinese Excel's). In
 * GB18030 text from Excel a character is a pair of bytes whose second byte is above ASCII (the
 * GB2312 range A1–FE); Windows-1252 has single high bytes between ASCII letters (Zürich, café,
 * Don’t), which GB18030 reads as pairs with an ASCII second byte when it can read them at all.
 */
export function looksWindows1252(bytes: Uint8Array): boolean {
  let pairs = 0;
  let asciiSecond = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) return true; // never a GB18030 first byte
    const next = bytes[i + 1];
    if (next === undefined) break;
    if (next >= 0x30 && next <= 0x39) {
      i += 3; // a four-byte GB18030 sequence
      continue;
    }
    if (next < 0x40 || next === 0x7f || next === 0xff) return true; // never a second byte
    pairs++;
    if (next < 0x80) asciiSecond++;
    i++;
  }
  return asciiSecond * 2 > pairs;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function concat(chunks: Uint8Array[]): Buffer {
  return chunks.length === 1 ? asBuffer(chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/**
 * Turns a stream of bytes in any supported encoding into text (without a byte-order mark), in
 * pieces that end on whole characters. UTF-8 input is checked with a strict validity check and
 * each ASCII piece (the common case) read as Latin-1, which gives the same string about twice as
 * fast as UTF-8; other encodings go through a streaming `TextDecoder`, whose text is used as is.
 */
export async function* decodeText(
  source: AsyncIterable<Uint8Array>,
  choice: EncodingChoice,
  state: DecodeState,
  display: string,
): AsyncGenerator<string> {
  const it = source[Symbol.asyncIterator]();
  try {
    yield* decodeFrom(it, choice, state, display);
  } finally {
    // Stopping early (map init reads a sample) closes the file.
    await it.return?.();
  }
}

/**
 * Where in `chunk` decoding first fails: bytes are fed one at a time to a fresh decoder, so the
 * failing byte is found exactly (a sequence cut by the chunk's end fails only when `final`).
 */
function firstBadByte(encoding: Encoding, chunk: Uint8Array, final: boolean): number {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let start = 0; // the first byte of the character being decoded
  for (let i = 0; i < chunk.length; i++) {
    try {
      if (decoder.decode(chunk.subarray(i, i + 1), { stream: true }) !== "") start = i + 1;
    } catch {
      return start;
    }
  }
  return final ? start : chunk.length;
}

/**
 * The encoding to read a file in, from `--encoding` or, for `auto`, from its first bytes (`head`,
 * the whole file when `done`) and byte-order mark; a notice says when it was guessed or overruled.
 * A UTF-8 byte-order mark on UTF-8 text is followed over `--encoding`: a rejects file `batch`
 * wrote, fed back with the export that needed `--encoding` (a mark on text that is not UTF-8 is
 * the mistake `--encoding` is there to overrule).
 */
function chooseEncoding(
  head: Uint8Array,
  done: boolean,
  choice: EncodingChoice,
  bom: Encoding | undefined,
  notices: string[],
  display: string,
): Encoding {
  if (choice !== "auto") {
    if (bom === "utf-8" && choice !== "utf-8" && looksUtf8(head.subarray(3), done)) {
      notices.push(
        `${display} starts with a UTF-8 byte-order mark and its text is UTF-8; reading it as UTF-8, not as --encoding ${choice}`,
      );
      return "utf-8";
    }
    if (bom && bom !== choice) {
      notices.push(
        `${display} starts with a ${bom.toUpperCase()} byte-order mark but --encoding ${choice} was given; following --encoding`,
      );
    }
    return choice;
  }
  if (bom) return bom;
  // NUL bytes are valid UTF-8 but never appear in CSV text: check for UTF-16 first.
  const utf16 = guessUtf16(head);
  if (utf16) {
    notices.push(
      `${display} has no byte-order mark but looks like ${utf16.toUpperCase()}; reading it as ${utf16.toUpperCase()} (use --encoding to choose another)`,
    );
    return utf16;
  }
  if (looksUtf8(head, done)) return "utf-8";
  if (looksWindows1252(head)) {
    notices.push(
      `${display} is not valid UTF-8; reading it as Windows-1252, the encoding Excel saves "CSV" in on a Western Windows (use --encoding to choose another)`,
    );
    return "windows-1252";
  }
  notices.push(
    `${display} is not valid UTF-8; reading it as GB18030, the encoding Chinese Excel saves (use --encoding to choose another)`,
  );
  return "gb18030";
}

async function* decodeFrom(
  it: AsyncIterator<Uint8Array>,
  choice: EncodingChoice,
  state: DecodeState,
  display: string,
): AsyncGenerator<string> {
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  // Gather enough bytes to see a byte-order mark and to judge UTF-8 validity (for `auto`, and for
  // a UTF-8 mark under another --encoding).
  const want = choice === "utf-8" ? 4 : SNIFF_BYTES;
  while (headLength < want) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  let first = concat(head);
  state.bytesRead = first.length;
  const bom = detectBom(first);
  const encoding = chooseEncoding(first, done, choice, bom?.encoding, state.notices, display);
  state.encoding = encoding;
  state.bom = bom?.encoding === encoding;
  if (state.bom && bom) first = first.subarray(bom.length);

  // Byte positions in messages count from the start of the file, byte-order mark included.
  const skipped = state.bom && bom ? bom.length : 0;
  if (encoding === "utf-8") {
    let offset = skipped; // bytes of the file already validated
    let carry: Uint8Array = new Uint8Array(0);
    const check = (chunk: Uint8Array, final: boolean): string => {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : asBuffer(chunk);
      const cut = final ? bytes.length : completeUtf8Length(bytes);
      const body = bytes.subarray(0, cut);
      if (!isUtf8(body)) {
        const lenient = new TextDecoder().decode(body);
        const bad = Buffer.byteLength(lenient.slice(0, lenient.indexOf("\uFFFD")));
        const why = state.bom
          ? "the file starts with a UTF-8 byte-order mark, but its text is not UTF-8"
          : choice === "auto"
            ? "the start of the file was valid UTF-8"
            : "--encoding utf-8 was given";
        throw new DecodeError(
          `${display}: expected UTF-8 text; found an invalid byte sequence at byte ${offset + bad + 1} (${why}; if the file was saved as CSV by Chinese Excel, rerun with --encoding gb18030, by Excel on a Western Windows with --encoding windows-1252)`,
          offset + bad,
        );
      }
      offset += cut;
      carry = bytes.subarray(cut);
      return isAscii(body) ? body.toString("latin1") : body.toString("utf8");
    };
    if (first.length) yield check(first, done);
    while (!done) {
      const next = await it.next();
      if (next.done) break;
      state.bytesRead += next.value.length;
      const out = check(next.value, false);
      if (out.length) yield out;
    }
    if (carry.length) yield check(new Uint8Array(0), true);
    return;
  }

  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let offset = skipped;
  const decode = (chunk: Uint8Array, final: boolean): string => {
    try {
      const text = decoder.decode(chunk, { stream: !final });
      offset += chunk.length;
      return text;
    } catch {
      const at = offset + firstBadByte(encoding, chunk, final);
      throw new DecodeError(
        `${display}: expected ${encoding.toUpperCase()} text; found an invalid byte sequence at byte ${at + 1} (use --encoding to choose the file's encoding)`,
        at,
      );
    }
  };
  if (first.length) yield decode(first, false);
  while (!done) {
    const next = await it.next();
    if (next.done) break;
    state.bytesRead += next.value.length;
    const out = decode(next.value, false);
    if (out.length) yield out;
  }
  const tail = decode(new Uint8Array(0), true);
  if (tail.length) yield tail;
}
