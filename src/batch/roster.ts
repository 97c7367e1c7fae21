import { compareIds } from "../core/math/numbers.js";
import { readAll, type SpillDir, writeAll } from "./spill.js";
import { writeUtf8 } from "./utf8.js";

/**
 * A record, in memory and in the temporary files: row (u32 LE), role (u8), 1 when the id is
 * ASCII (u8), the id's UTF-8 length (u16 LE), the id's bytes, zero padding to a multiple of 4 (so
 * a record's offset / 4 fits the 32-bit references of the duplicate table up to 16 GiB of ids).
 */
const HEAD = 8;
const MAX_ID_BYTES = 0xffff;
const recordSize = (len: number) => (HEAD + len + 3) & ~3;
const MAX_RECORD = recordSize(MAX_ID_BYTES);

/** Memory the roster may use, apart from the duplicate table (tests make them tiny). */
export interface RosterLimits {
  /** Records held in memory before they are sorted and written out as one run. */
  chunkBytes: number;
  /** Read buffer per run while merging the runs in id order. */
  readBytes: number;
}

const DEFAULT_LIMITS: RosterLimits = { chunkBytes: 4 << 20, readBytes: 64 << 10 };
/** Sorted records are written out through a buffer of this size. */
const STAGING = 256 << 10;

/**
 * Duplicate table: independent segments (so growing one never holds two copies of the whole),
 * each an open-addressing table of 6-byte slots, three 16-bit words side by side (so a probe
 * reads one place in memory, not two arrays): a check hash from 1 to 65,535 (0 is an empty
 * slot), which alone decides where a slot goes, so segments can grow without reading ids back;
 * and the record's position in the log / 4 + 1, low word first.
 */
const SEGMENT_BITS = 10;
const SEGMENTS = 1 << SEGMENT_BITS;
const MAX_LOAD = 0.8;
/** 16-bit words per slot: the check, then the reference's low and high words. */
const SLOT = 3;
const GROWTH = 1.35;

function fmix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The home slot of 16-bit check `h` in a segment of `capacity` slots (any capacity). */
const home = (h: number, capacity: number) => Math.floor((h * capacity) / 65536);

/** A run of records in id order: a region of a temporary file. */
interface Run {
  fd: number;
  start: number;
  end: number;
}

/**
 * The respondent ids of a batch with memory that does not grow with them, apart from about
 * 12 bytes an id for exact duplicate detection:
 *
 * - Records (id, row, role) are appended to a 4 MiB chunk. A full chunk is written to a log file
 *   in arrival order (for confirming duplicates) and, sorted by `compareIds`, as a run to a runs
 *   file; `sorted()` merges the runs. Ids that arrive in order (numbered exports) need no runs.
 * - Duplicates: a hash table of 6-byte slots (the record's position in the log and a 16-bit
 *   check), in 1,024 segments chosen by another hash: 7.5–10 bytes an id. A match is confirmed by
 *   comparing the bytes, read back from the chunk or the log, so detection is exact and the
 *   first row is known; a false match (about one insert in 5,000) costs one read.
 */
export class Roster {
  private readonly limits: RosterLimits;
  private chunk: Buffer;
  private used = 0;
  /** Offsets of the records in `chunk`. */
  private recOff: Uint32Array;
  private inChunk = 0;
  /** Bytes of the log already written (the chunk's offset in the log). */
  private flushed = 0;
  private logFd: number | undefined;
  private runsFd: number | undefined;
  private runsEnd = 0;
  private readonly runs: Run[] = [];
  private staging: Buffer | undefined;
  private readonly scratch = Buffer.allocUnsafe(MAX_RECORD);
  private maxRecord = 0;
  /** Whether every id so far came after the previous one. */
  private inOrder = true;
  /** The last id of the previous chunk, for `inOrder` across chunks. */
  private lastId: Buffer | undefined;
  private lastChunkOrder: Uint32Array | undefined;
  /** Per segment, its slots (SLOT words each). */
  private readonly slots: Uint16Array[] = [];
  private readonly fill = new Uint32Array(SEGMENTS);
  private count = 0;

  constructor(
    private readonly spill: SpillDir,
    limits: Partial<RosterLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    // A chunk holds at least one record of the longest id the decoder lets through (200
    // characters, 800 bytes); longer ids get a chunk of their own.
    this.chunk = Buffer.allocUnsafe(Math.max(this.limits.chunkBytes, recordSize(800)));
    this.recOff = new Uint32Array(1 << 14);
    for (let s = 0; s < SEGMENTS; s++) this.slots.push(new Uint16Array(8 * SLOT));
  }

  /** Number of ids added. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds an id (at most 65,535 UTF-8 bytes; the decoder rejects more than 200 characters) with
   * its row and role index. Returns -1 when new, else the row where the id was first seen (the
   * id is then not added again).
   */
  add(id: string, row: number, role: number): number {
    if (id.length * 3 > MAX_ID_BYTES && Buffer.byteLength(id) > MAX_ID_BYTES) {
      throw new RangeError(`a respondent id of ${Buffer.byteLength(id)} bytes is too long`);
    }
    if (id.length * 3 + HEAD + 3 > this.chunk.length - this.used) {
      const need = recordSize(Math.min(MAX_ID_BYTES, id.length * 3));
      this.flushChunk(need);
    }
    const buf = this.chunk;
    const start = this.used;
    const at = start + HEAD;
    const len = writeUtf8(buf, id, at);
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c ^ len;
    let bits = 0;
    for (let i = at; i < at + len; i++) {
      const c = buf[i] as number;
      bits |= c;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    const segment = fmix(h1) >>> (32 - SEGMENT_BITS);
    const check = fmix(h2) >>> 16 || 1;
    const slots = this.slots[segment] as Uint16Array;
    const capacity = slots.length / SLOT;
    let i = home(check, capacity) * SLOT;
    for (;;) {
      const c = slots[i] as number;
      if (c === 0) break;
      if (c === check) {
        const ref = (slots[i + 1] as number) + (slots[i + 2] as number) * 0x10000;
        const first = this.firstRow(ref, buf, at, len);
        if (first >= 0) return first;
      }
      i += SLOT;
      if (i === slots.length) i = 0;
    }
    const offset = this.flushed + start;
    if (offset / 4 + 1 > 0xffffffff) throw new RangeError("more than 16 GiB of respondent ids");
    // The record's head and padding byte by byte (Buffer's methods check their arguments).
    buf[start] = row & 0xff;
    buf[start + 1] = (row >>> 8) & 0xff;
    buf[start + 2] = (row >>> 16) & 0xff;
    buf[start + 3] = row >>> 24;
    buf[start + 4] = role;
    buf[start + 5] = bits < 0x80 ? 1 : 0;
    buf[start + 6] = len & 0xff;
    buf[start + 7] = len >>> 8;
    const size = recordSize(len);
    for (let i = at + len; i < start + size; i++) buf[i] = 0;
    if (this.inOrder) this.inOrder = this.follows(at, len, bits < 0x80);
    const ref = offset / 4 + 1;
    slots[i] = check;
    slots[i + 1] = ref & 0xffff;
    slots[i + 2] = ref >>> 16;
    this.fill[segment] = (this.fill[segment] as number) + 1;
    if ((this.fill[segment] as number) > capacity * MAX_LOAD) this.grow(segment);
    if (this.inChunk === this.recOff.length) {
      const more = new Uint32Array(this.recOff.length * 2);
      more.set(this.recOff);
      this.recOff = more;
    }
    this.recOff[this.inChunk++] = start;
    this.used = start + size;
    if (size > this.maxRecord) this.maxRecord = size;
    this.count++;
    return -1;
  }

  /** Whether the id at `at` comes after the previous id (or is the first). */
  private follows(at: number, len: number, ascii: boolean): boolean {
    const buf = this.chunk;
    if (this.inChunk > 0) {
      const p = this.recOff[this.inChunk - 1] as number;
      const plen = buf.readUInt16LE(p + 6);
      const both = ascii && buf[p + 5] === 1;
      return compareIdBytes(buf, p + HEAD, p + HEAD + plen, buf, at, at + len, both) < 0;
    }
    const last = this.lastId;
    return !last || compareIdBytes(last, 0, last.length, buf, at, at + len) < 0;
  }

  /** The row of the record at `ref` if its id equals buf[at, at + len), else -1. */
  private firstRow(ref: number, buf: Buffer, at: number, len: number): number {
    const offset = (ref - 1) * 4;
    let other: Buffer;
    let p: number;
    if (offset >= this.flushed) {
      other = this.chunk;
      p = offset - this.flushed;
    } else {
      other = this.scratch;
      p = 0;
      // A shorter record may end the log: it differs anyway.
      readAll(this.logFd as number, other, Math.min(HEAD + len, this.flushed - offset), offset);
      if (this.flushed - offset < HEAD + len) return -1;
    }
    if (other.readUInt16LE(p + 6) !== len) return -1;
    for (let i = 0; i < len; i++) if (other[p + HEAD + i] !== buf[at + i]) return -1;
    return other.readUInt32LE(p);
  }

  /** Grows one segment (its capacity need not be a power of two). */
  private grow(segment: number): void {
    const old = this.slots[segment] as Uint16Array;
    const capacity = Math.ceil((old.length / SLOT) * GROWTH);
    const slots = new Uint16Array(capacity * SLOT);
    for (let j = 0; j < old.length; j += SLOT) {
      const check = old[j] as number;
      if (check === 0) continue;
      let i = home(check, capacity) * SLOT;
      while (slots[i] !== 0) {
        i += SLOT;
        if (i === slots.length) i = 0;
      }
      slots[i] = check;
      slots[i + 1] = old[j + 1] as number;
      slots[i + 2] = old[j + 2] as number;
    }
    this.slots[segment] = slots;
  }

  /** Writes the chunk to the log (and, sorted, as a run) and empties it for `need` bytes. */
  private flushChunk(need: number): void {
    const used = this.used;
    if (used > 0) {
      if (this.logFd === undefined) this.logFd = this.spill.open("roster-log");
      writeAll(this.logFd, this.chunk.subarray(0, used), this.flushed);
      if (this.inOrder) {
        // Everything so far is in order: the log itself is the first run.
        const first = this.runs[0];
        if (first) first.end = this.flushed + used;
        else this.runs.push({ fd: this.logFd, start: 0, end: used });
      } else {
        const order = this.chunkOrder();
        if (this.runsFd === undefined) this.runsFd = this.spill.open("roster-runs");
        const fd = this.runsFd;
        const start = this.runsEnd;
        this.staging ??= Buffer.allocUnsafe(Math.max(STAGING, MAX_RECORD));
        const out = this.staging;
        let p = 0;
        for (let i = 0; i < order.length; i++) {
          const off = this.recOff[order[i] as number] as number;
          const size = recordSize(this.chunk.readUInt16LE(off + 6));
          if (p + size > out.length) {
            writeAll(fd, out.subarray(0, p), this.runsEnd);
            this.runsEnd += p;
            p = 0;
          }
          this.chunk.copy(out, p, off, off + size);
          p += size;
        }
        writeAll(fd, out.subarray(0, p), this.runsEnd);
        this.runsEnd += p;
        this.runs.push({ fd, start, end: this.runsEnd });
      }
      const last = this.recOff[this.inChunk - 1] as number;
      const lastLen = this.chunk.readUInt16LE(last + 6);
      this.lastId = Buffer.from(this.chunk.subarray(last + HEAD, last + HEAD + lastLen));
      this.flushed += used;
    }
    this.used = 0;
    this.inChunk = 0;
    if (need > this.chunk.length) this.chunk = Buffer.allocUnsafe(need);
  }

  /** Indexes into `recOff` of the chunk's records, ordered by id as `compareIds` orders them. */
  private chunkOrder(): Uint32Array {
    return sortRecords(this.chunk, this.recOff, this.inChunk);
  }

  /**
   * A cursor over every id in the order of the results model (`compareIds`), merging the runs
   * on disk with the chunk still in memory. May be taken more than once; add no ids after it.
   */
  sorted(): RosterCursor {
    if (!this.lastChunkOrder || this.lastChunkOrder.length !== this.inChunk) {
      this.lastChunkOrder = this.inOrder
        ? Uint32Array.from({ length: this.inChunk }, (_, i) => i)
        : this.chunkOrder();
    }
    const readBytes = Math.max(this.limits.readBytes, this.maxRecord, HEAD);
    const sources: Source[] = this.runs.map((r) => new RunSource(r, readBytes));
    if (this.inChunk > 0) {
      sources.push(new ChunkSource(this.chunk, this.recOff, this.lastChunkOrder));
    }
    return new RosterCursor(sources);
  }
}

/** Where the merge reads records from: the current record is buf[pos, …). */
interface Source {
  buf: Buffer;
  pos: number;
  /** Moves to the next record; false at the end. */
  advance(): boolean;
}

class ChunkSource implements Source {
  pos = 0;
  private i = -1;
  constructor(
    readonly buf: Buffer,
    private readonly recOff: Uint32Array,
    private readonly order: Uint32Array,
  ) {}

  advance(): boolean {
    if (++this.i >= this.order.length) return false;
    this.pos = this.recOff[this.order[this.i] as number] as number;
    return true;
  }
}

class RunSource implements Source {
  readonly buf: Buffer;
  pos = 0;
  private end = 0;
  private next: number;
  private started = false;

  constructor(
    private readonly run: Run,
    readBytes: number,
  ) {
    this.buf = Buffer.allocUnsafe(readBytes);
    this.next = run.start;
  }

  /** Ensures `bytes` bytes from `pos` are in the buffer (reading more of the run if needed). */
  private ensure(bytes: number): boolean {
    if (this.end - this.pos >= bytes) return true;
    const keep = this.end - this.pos;
    this.buf.copy(this.buf, 0, this.pos, this.end);
    this.pos = 0;
    this.end = keep;
    const length = Math.min(this.buf.length - keep, this.run.end - this.next);
    if (length > 0) {
      readAll(this.run.fd, this.buf.subarray(keep), length, this.next);
      this.next += length;
      this.end += length;
    }
    return this.end - this.pos >= bytes;
  }

  advance(): boolean {
    if (this.started) this.pos += recordSize(this.buf.readUInt16LE(this.pos + 6));
    this.started = true;
    if (!this.ensure(HEAD)) return false;
    return this.ensure(recordSize(this.buf.readUInt16LE(this.pos + 6)));
  }
}

const compareSources = (a: Source, b: Source) => {
  const ba = a.buf;
  const bb = b.buf;
  const pa = a.pos;
  const pb = b.pos;
  const la = (ba[pa + 6] as number) | ((ba[pa + 7] as number) << 8);
  const lb = (bb[pb + 6] as number) | ((bb[pb + 7] as number) << 8);
  const ascii = ba[pa + 5] === 1 && bb[pb + 5] === 1;
  return compareIdBytes(ba, pa + HEAD, pa + HEAD + la, bb, pb + HEAD, pb + HEAD + lb, ascii);
};

/** Steps through the roster in id order: after `next()` returns true, `id` and `role` are set. */
export class RosterCursor {
  role = 0;
  /** A binary min-heap of the sources that still have records. */
  private heap: Source[] = [];
  private started = false;

  constructor(private readonly sources: Source[]) {}

  next(): boolean {
    const heap = this.heap;
    if (!this.started) {
      this.started = true;
      for (const s of this.sources) if (s.advance()) this.push(s);
    } else {
      const top = heap[0] as Source;
      if (top.advance()) this.siftDown(0);
      else {
        const last = heap.pop() as Source;
        if (heap.length) {
          heap[0] = last;
          this.siftDown(0);
        }
      }
    }
    const s = heap[0];
    if (!s) return false;
    this.role = s.buf[s.pos + 4] as number;
    return true;
  }

  /** The current record's id. */
  get id(): string {
    const s = this.heap[0] as Source;
    return s.buf.toString("utf8", s.pos + HEAD, s.pos + HEAD + s.buf.readUInt16LE(s.pos + 6));
  }

  /**
   * Copies the current id's UTF-8 bytes to `target` at `at` when JSON writes them between quotes
   * unchanged (no quote, backslash or control character; the bytes are valid UTF-8 as stored)
   * and returns their length, else returns -1 (having copied some of them). `target` must have
   * 65,535 bytes free at `at`. Byte by byte: ids are short, and Buffer#copy costs more per call.
   */
  copyPlainId(target: Buffer, at: number): number {
    const s = this.heap[0] as Source;
    const buf = s.buf;
    const start = s.pos + HEAD;
    const len = buf.readUInt16LE(s.pos + 6);
    for (let i = 0; i < len; i++) {
      const c = buf[start + i] as number;
      if (c < 0x20 || c === 0x22 || c === 0x5c) return -1;
      target[at + i] = c;
    }
    return len;
  }

  private push(s: Source): void {
    const heap = this.heap;
    heap.push(s);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareSources(heap[parent] as Source, s) <= 0) break;
      heap[i] = heap[parent] as Source;
      i = parent;
    }
    heap[i] = s;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const s = heap[i] as Source;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && compareSources(heap[child + 1] as Source, heap[child] as Source) < 0) {
        child++;
      }
      if (compareSources(heap[child] as Source, s) >= 0) break;
      heap[i] = heap[child] as Source;
      i = child;
    }
    heap[i] = s;
  }
}

/**
 * Indexes 0…count−1 into `recOff` ordered by the records' ids as `compareIds` orders them. Most
 * of the work is a native numeric sort of packed keys (a prefix of each id that orders
 * consistently with compareIds, and the index); only ids whose keys tie are compared in full.
 */
function sortRecords(buf: Buffer, recOff: Uint32Array, count: number): Uint32Array {
  const n = count;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const ascii = new Uint8Array(n);
  for (let e = 0; e < n; e++) {
    const off = recOff[e] as number;
    starts[e] = off + HEAD;
    ends[e] = off + HEAD + buf.readUInt16LE(off + 6);
    ascii[e] = buf[off + 5] as number;
  }
  const compare = (a: number, b: number) =>
    compareIdBytes(
      buf,
      starts[a] as number,
      ends[a] as number,
      buf,
      starts[b] as number,
      ends[b] as number,
      ascii[a] === 1 && ascii[b] === 1,
    );

  // A prefix every id shares (ASCII, not ending in a digit) does not change the order.
  const s0 = starts[0] as number;
  let common = (ends[0] as number) - s0;
  for (let e = 1; e < n && common > 0; e++) {
    const at = starts[e] as number;
    const stop = ends[e] as number;
    let k = 0;
    while (k < common && at + k < stop && buf[at + k] === buf[s0 + k]) k++;
    common = k;
  }
  while (
    common > 0 &&
    (isDigit(buf[s0 + common - 1] as number) || (buf[s0 + common - 1] as number) >= 0x80)
  ) {
    common--;
  }
  for (let k = 0; k < common; k++) {
    if ((buf[s0 + k] as number) >= 0x80) common = 0;
  }
  // Key: the id after the prefix as symbols that order as compareIds does, packed into the bits
  // left beside the index and padded with 0 (ids whose keys tie are compared in full):
  // 0 the end, 1 a digit run, 2–119 an ASCII character, 127 a non-ASCII one (then stop). A digit
  // run is followed by its count of significant digits (4 bits; 15 = "15 or more", then stop)
  // and those digits (4 bits each); a run with a leading zero stops the key, since runs of equal
  // value are then ordered by their text.
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  const scale = 2 ** indexBits;
  const budget = 53 - indexBits;
  const keys = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    let at = (starts[e] as number) + common;
    const stop = ends[e] as number;
    let key = 0;
    let left = budget;
    symbols: while (at < stop && left >= 7) {
      const c = buf[at] as number;
      if (c >= 0x80) {
        key = key * 128 + 127;
        left -= 7;
        break;
      }
      if (!isDigit(c)) {
        key = key * 128 + (c < 0x30 ? c + 2 : c - 8);
        left -= 7;
        at++;
        continue;
      }
      key = key * 128 + 1;
      left -= 7;
      let end = at;
      while (end < stop && isDigit(buf[end] as number)) end++;
      let significant = at;
      while (significant < end && buf[significant] === 0x30) significant++;
      const count = end - significant;
      if (left < 4) break;
      key = key * 16 + Math.min(count, 15);
      left -= 4;
      if (count >= 15) break;
      for (let i = significant; i < end; i++) {
        if (left < 4) break symbols;
        key = key * 16 + ((buf[i] as number) - 0x30);
        left -= 4;
      }
      if (significant > at) break;
      at = end;
    }
    keys[e] = key * 2 ** left * scale + e;
  }
  keys.sort();
  for (let i = 0; i < n; i++) order[i] = (keys[i] as number) % scale;
  // Ids whose keys tie: compare in full.
  for (let i = 0; i < n; ) {
    const key = Math.floor((keys[i] as number) / scale);
    let j = i + 1;
    while (j < n && Math.floor((keys[j] as number) / scale) === key) j++;
    if (j - i > 1) order.subarray(i, j).sort(compare);
    i = j;
  }
  return order;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function digitsValue(buf: Uint8Array, start: number, end: number): number {
  if (end - start > 15) return Number(String.fromCharCode(...buf.subarray(start, end)));
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + ((buf[i] as number) - 0x30);
  return n;
}

/**
 * `compareIds` on two UTF-8 byte ranges without allocating: runs of digits compare by value,
 * other runs by code unit, as `compareIds` splits on `/(\d+)/`. Non-ASCII ids fall back to
 * `compareIds` itself (UTF-8 byte order and UTF-16 code-unit order can differ); `ascii: true`
 * says both are known to be ASCII.
 */
export function compareIdBytes(
  bufA: Uint8Array,
  a0: number,
  a1: number,
  bufB: Uint8Array,
  b0: number,
  b1: number,
  ascii = false,
): number {
  if (!ascii) {
    const decode = () =>
      compareIds(
        Buffer.from(bufA.buffer, bufA.byteOffset + a0, a1 - a0).toString("utf8"),
        Buffer.from(bufB.buffer, bufB.byteOffset + b0, b1 - b0).toString("utf8"),
      );
    for (let i = a0; i < a1; i++) if ((bufA[i] as number) >= 0x80) return decode();
    for (let j = b0; j < b1; j++) if ((bufB[j] as number) >= 0x80) return decode();
  }
  // Fast path: the first differing byte decides when neither is a digit (the runs before it
  // are identical, and it falls inside a non-digit run of both ids).
  const common = Math.min(a1 - a0, b1 - b0);
  let p = 0;
  while (p < common && bufA[a0 + p] === bufB[b0 + p]) p++;
  if (p === common && a1 - a0 === b1 - b0) return 0;
  if (p < common) {
    const x = bufA[a0 + p] as number;
    const y = bufB[b0 + p] as number;
    if (!isDigit(x) && !isDigit(y)) return x < y ? -1 : 1;
  }
  let i = a0;
  let j = b0;
  for (let part = 0; ; part++) {
    const digits = (part & 1) === 1;
    let ie = i;
    while (ie < a1 && isDigit(bufA[ie] as number) === digits) ie++;
    let je = j;
    while (je < b1 && isDigit(bufB[je] as number) === digits) je++;
    const la = ie - i;
    const lb = je - j;
    let equal = la === lb;
    for (let k = 0; equal && k < la; k++) equal = bufA[i + k] === bufB[j + k];
    if (!equal) {
      if (digits) {
        const d = digitsValue(bufA, i, ie) - digitsValue(bufB, j, je);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      const n = Math.min(la, lb);
      for (let k = 0; k < n; k++) {
        const x = bufA[i + k] as number;
        const y = bufB[j + k] as number;
        if (x !== y) return x < y ? -1 : 1;
      }
      return la < lb ? -1 : 1;
    }
    // A non-digit run that reaches the end is a string's last part.
    if (!digits) {
      const aDone = ie === a1;
      const bDone = je === b1;
      if (aDone || bDone) return aDone && bDone ? 0 : aDone ? -1 : 1;
    }
    i = ie;
    j = je;
  }
}
