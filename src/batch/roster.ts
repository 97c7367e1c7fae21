import { compareIds } from "../scoring/numbers.js";

const ARENA_BITS = 20;
const ARENA = 1 << ARENA_BITS;
const ENTRY_BITS = 16;
const ENTRIES = 1 << ENTRY_BITS;
const MASK = ENTRIES - 1;

/**
 * The respondent ids of a batch, stored compactly: UTF-8 bytes in 1 MiB arenas, per id its
 * position, length, row and role in fixed-size chunks (nothing is ever copied to grow), and an
 * open-addressing hash table of entry numbers. Exact (bytes are compared on every hash hit), so
 * duplicates are found without keeping a million JavaScript strings alive: about 11 bytes plus
 * the id's length per respondent, and the table.
 */
export class Roster {
  private arenas: Buffer[] = [Buffer.allocUnsafe(ARENA)];
  private used = 0;
  private pos: Uint32Array[] = [];
  private len: Uint16Array[] = [];
  private rows: Uint32Array[] = [];
  private roles: Uint8Array[] = [];
  private table = new Int32Array(1 << 16).fill(-1);
  /** The top byte of each slot's hash, so most probes skip comparing bytes. */
  private fingerprints = new Uint8Array(1 << 16);
  private count = 0;

  /** Number of ids added. */
  get size(): number {
    return this.count;
  }

  private posOf(e: number): number {
    return (this.pos[e >>> ENTRY_BITS] as Uint32Array)[e & MASK] as number;
  }

  private lenOf(e: number): number {
    return (this.len[e >>> ENTRY_BITS] as Uint16Array)[e & MASK] as number;
  }

  private hash(buf: Buffer, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      h ^= buf[i] as number;
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  private same(e: number, buf: Buffer, start: number, length: number): boolean {
    if (this.lenOf(e) !== length) return false;
    const p = this.posOf(e);
    const other = this.arenas[p >>> ARENA_BITS] as Buffer;
    const at = p & (ARENA - 1);
    for (let i = 0; i < length; i++) if (other[at + i] !== buf[start + i]) return false;
    return true;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const fingerprints = new Uint8Array(table.length);
    const mask = table.length - 1;
    for (let e = 0; e < this.count; e++) {
      const p = this.posOf(e);
      const at = p & (ARENA - 1);
      const h = this.hash(this.arenas[p >>> ARENA_BITS] as Buffer, at, at + this.lenOf(e));
      let slot = h & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = e;
      fingerprints[slot] = h >>> 24;
    }
    this.table = table;
    this.fingerprints = fingerprints;
  }

  /**
   * Adds an id (at most 65,535 UTF-8 bytes; the decoder rejects longer than 200 characters) with its row and role index. Returns -1 when
   * new, else the row where the id was first seen (the id is then not added again).
   */
  add(id: string, row: number, role: number): number {
    let arena = this.arenas[this.arenas.length - 1] as Buffer;
    if (this.used + id.length * 3 > ARENA) {
      arena = Buffer.allocUnsafe(ARENA);
      this.arenas.push(arena);
      this.used = 0;
    }
    const start = this.used;
    const length = arena.write(id, start, "utf8");
    const mask = this.table.length - 1;
    const h = this.hash(arena, start, start + length);
    const fingerprint = h >>> 24;
    let slot = h & mask;
    for (;;) {
      const e = this.table[slot] as number;
      if (e === -1) break;
      if (this.fingerprints[slot] === fingerprint && this.same(e, arena, start, length)) {
        return (this.rows[e >>> ENTRY_BITS] as Uint32Array)[e & MASK] as number;
      }
      slot = (slot + 1) & mask;
    }
    const e = this.count++;
    const c = e >>> ENTRY_BITS;
    if (c === this.pos.length) {
      this.pos.push(new Uint32Array(ENTRIES));
      this.len.push(new Uint16Array(ENTRIES));
      this.rows.push(new Uint32Array(ENTRIES));
      this.roles.push(new Uint8Array(ENTRIES));
    }
    (this.pos[c] as Uint32Array)[e & MASK] = ((this.arenas.length - 1) << ARENA_BITS) | start;
    (this.len[c] as Uint16Array)[e & MASK] = length;
    (this.rows[c] as Uint32Array)[e & MASK] = row;
    (this.roles[c] as Uint8Array)[e & MASK] = role;
    this.used = start + length;
    this.table[slot] = e;
    this.fingerprints[slot] = fingerprint;
    if (this.count * 8 > this.table.length * 5) this.rehash();
    return -1;
  }

  /** The id of entry `e` (in insertion order). */
  id(e: number): string {
    const p = this.posOf(e);
    const at = p & (ARENA - 1);
    return (this.arenas[p >>> ARENA_BITS] as Buffer).toString("utf8", at, at + this.lenOf(e));
  }

  /** The role index of entry `e`. */
  role(e: number): number {
    return (this.roles[e >>> ENTRY_BITS] as Uint8Array)[e & MASK] as number;
  }

  /** The row of entry `e`. */
  row(e: number): number {
    return (this.rows[e >>> ENTRY_BITS] as Uint32Array)[e & MASK] as number;
  }

  private bytesOf(e: number): [Buffer, number, number] {
    const p = this.posOf(e);
    const at = p & (ARENA - 1);
    return [this.arenas[p >>> ARENA_BITS] as Buffer, at, at + this.lenOf(e)];
  }

  /** compareIds on two entries (allocation-free for ASCII ids). */
  private compare(a: number, b: number, ascii: Uint8Array): number {
    if (!ascii[a] || !ascii[b]) return compareIds(this.id(a), this.id(b));
    const pa = this.posOf(a);
    const pb = this.posOf(b);
    const a0 = pa & (ARENA - 1);
    const b0 = pb & (ARENA - 1);
    return compareIdBytes(
      this.arenas[pa >>> ARENA_BITS] as Buffer,
      a0,
      a0 + this.lenOf(a),
      this.arenas[pb >>> ARENA_BITS] as Buffer,
      b0,
      b0 + this.lenOf(b),
      true,
    );
  }

  /**
   * Entry numbers ordered by id as `compareIds` orders them (the order of the results model).
   * Most of the work is a native numeric sort of packed keys (a prefix of each id that orders
   * consistently with compareIds, and the entry number); only ids whose keys tie are compared
   * in full.
   */
  sortedEntries(): Uint32Array {
    const n = this.count;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (n < 2) return order;
    const ascii = new Uint8Array(n);
    for (let e = 0; e < n; e++) {
      const [buf, at, end] = this.bytesOf(e);
      let plain = 1;
      for (let i = at; i < end; i++) {
        if ((buf[i] as number) >= 0x80) {
          plain = 0;
          break;
        }
      }
      ascii[e] = plain;
    }
    // Exports numbered in order (wjx, Forms, SurveyMonkey) need no sort at all.
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = this.compare(i - 1, i, ascii) <= 0;
    if (sorted) return order;

    // A prefix every id shares (ASCII, not ending in a digit) does not change the order.
    const [buf0, s0, e0] = this.bytesOf(0);
    let common = e0 - s0;
    for (let e = 1; e < n && common > 0; e++) {
      const [buf, at, end] = this.bytesOf(e);
      let k = 0;
      while (k < common && at + k < end && buf[at + k] === buf0[s0 + k]) k++;
      common = k;
    }
    while (
      common > 0 &&
      (isDigit(buf0[s0 + common - 1] as number) || (buf0[s0 + common - 1] as number) >= 0x80)
    ) {
      common--;
    }
    for (let k = 0; k < common; k++) {
      if ((buf0[s0 + k] as number) >= 0x80) common = 0;
    }
    // Key: up to `chars` bytes of the leading non-digit run after the prefix, 7 bits each,
    // padded with 0 (or 127 after a non-ASCII byte, which sorts after ASCII); then the entry.
    const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
    const scale = 2 ** indexBits;
    const chars = Math.min(6, Math.floor((53 - indexBits) / 7));
    const keys = new Float64Array(n);
    for (let e = 0; e < n; e++) {
      const [buf, at, end] = this.bytesOf(e);
      let key = 0;
      let k = 0;
      let pad = 0;
      for (; k < chars && at + common + k < end; k++) {
        const c = buf[at + common + k] as number;
        if (isDigit(c)) break;
        if (c >= 0x80) {
          pad = 127;
          break;
        }
        key = key * 128 + c;
      }
      for (; k < chars; k++) key = key * 128 + pad;
      keys[e] = key * scale + e;
    }
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = (keys[i] as number) % scale;
    // Ids whose keys tie: compare in full.
    const compare = (a: number, b: number) => this.compare(a, b, ascii);
    for (let i = 0; i < n; ) {
      const key = Math.floor((keys[i] as number) / scale);
      let j = i + 1;
      while (j < n && Math.floor((keys[j] as number) / scale) === key) j++;
      if (j - i > 1) order.subarray(i, j).sort(compare);
      i = j;
    }
    return order;
  }
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
