import { isUtf8 } from "node:buffer";

/** A top-level array of which only the first `keep` items are kept; the rest are checked, then dropped. */
export interface JsonTrim {
  key: string;
  keep: number;
  /** A cheap check of every item; the index of the first that fails is reported. */
  check(item: unknown): boolean;
  /**
   * A sticky pattern for an item's usual JSON text with the comma after it, every match of which
   * is valid JSON that `check` accepts: items past the kept ones that it matches are counted
   * without being parsed. Anything else is parsed with JSON.parse.
   */
  plainItem?: RegExp;
}

/** What trimming did: the array's full length and the first item that failed the check. */
export interface TrimmedArray {
  total: number;
  firstBad?: number;
}

const WHITESPACE = /[ \t\n\r]*/y;
const COMMA = 0x2c;
const CLOSE = 0x5d;
/** Cut points tried, one item at a time, when a whole chunk's items do not parse together. */
const MAX_CUTS = 64;

/**
 * Walks the items of one JSON array, given as text in chunks starting just after its "[": the
 * items are parsed with JSON.parse on slices that end at a "}" (a slice only parses when it ends
 * where an item ends, so a "}" inside a string never cuts one), or matched by `trim.plainItem`.
 * `push` answers with `held`, the length of the text at the end of the chunk not taken yet (an
 * item not complete: the caller hands it again at the start of the next chunk), or `after`, the
 * text after the "]" once the array has ended; false when the text is not what this scan
 * handles (any syntax error, items that are not objects): the caller then parses the file
 * another way, which reports the error where it is.
 */
export class ArrayScan {
  readonly kept: unknown[] = [];
  total = 0;
  firstBad: number | undefined;
  private afterItem = false;
  /** Set once the text's items did not parse as one slice: the rest of it goes item by item. */
  private oneByOne = false;

  constructor(private readonly trim: JsonTrim) {}

  push(text: string): { held: number } | { after: string } | false {
    this.oneByOne = false;
    let pos = 0;
    for (;;) {
      pos = this.skipPlain(text, pos);
      WHITESPACE.lastIndex = pos;
      WHITESPACE.test(text);
      pos = WHITESPACE.lastIndex;
      if (pos >= text.length) return { held: 0 };
      const c = text.charCodeAt(pos);
      if (this.afterItem || c === CLOSE) {
        if (c === COMMA && this.afterItem) {
          this.afterItem = false;
          pos++;
          continue;
        }
        // "]" ends the array after an item, or at once when it is empty ("[ ]", not "[1, ]").
        if (c !== CLOSE || (!this.afterItem && this.total > 0)) return false;
        return { after: text.slice(pos + 1) };
      }
      const next = this.parseItems(text, pos);
      if (next === false) return false;
      if (next === undefined) return { held: text.length - pos };
      pos = next;
      this.afterItem = true;
    }
  }

  /** Counts the plain items (and their commas) from `pos` once the kept ones are in. */
  private skipPlain(text: string, pos: number): number {
    const plain = this.trim.plainItem;
    if (!plain || this.afterItem || this.total < this.trim.keep) return pos;
    let at = pos;
    plain.lastIndex = at;
    while (plain.test(text)) {
      at = plain.lastIndex;
      this.total++;
    }
    return at;
  }

  /**
   * Parses the items from `pos` up to the last "}" of the text, or when that does not parse (as
   * when the array ends inside the text) the one item up to the first "}" that does; returns
   * where they end, undefined when no item is complete yet, false when none of the cuts parses.
   */
  private parseItems(text: string, pos: number): number | undefined | false {
    const last = text.lastIndexOf("}");
    if (last < pos) return undefined;
    // The kept items are parsed one by one, so that the items after them can be matched.
    if (!this.oneByOne && (this.total >= this.trim.keep || !this.trim.plainItem)) {
      const parsed = parseSlice(text, pos, last);
      if (parsed) return this.take(parsed, last);
      this.oneByOne = true;
    }
    let cut = text.indexOf("}", pos);
    for (let tries = 0; cut !== -1 && cut <= last && tries < MAX_CUTS; tries++) {
      const items = parseSlice(text, pos, cut);
      if (items) return this.take(items, cut);
      cut = text.indexOf("}", cut + 1);
    }
    return cut === -1 ? undefined : false;
  }

  private take(items: unknown[], cut: number): number {
    for (const item of items) {
      if (this.firstBad === undefined && !this.trim.check(item)) this.firstBad = this.total;
      if (this.total < this.trim.keep) this.kept.push(item);
      this.total++;
    }
    return cut + 1;
  }
}

/** The items of `text[from..cut]` (ending at a "}") as a JSON array, or undefined. */
function parseSlice(text: string, from: number, cut: number): unknown[] | undefined {
  try {
    return JSON.parse(`[${text.slice(from, cut + 1)}]`) as unknown[];
  } catch {
    return undefined;
  }
}

/**
 * The text of a chunk of UTF-8, strictly (Node's isUtf8 and toString, several times faster than
 * a fatal TextDecoder), and how many of its bytes it is: unless `last`, a character cut at the
 * end of the chunk is left for the next one. Throws on bytes that are not UTF-8.
 */
export function decodeChunk(chunk: Uint8Array, last: boolean): { text: string; bytes: number } {
  const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const end = last ? buf.length : completeUpTo(buf);
  const whole = buf.subarray(0, end);
  if (!isUtf8(whole)) throw new Error("expected UTF-8");
  return { text: whole.toString("utf8"), bytes: end };
}

/** The length of `buf` without a last character whose bytes are not all there yet. */
function completeUpTo(buf: Buffer): number {
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 4); i--) {
    const b = buf[i] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + length > buf.length ? i : buf.length;
  }
  // Only continuation bytes: invalid, which isUtf8 reports.
  return buf.length;
}
