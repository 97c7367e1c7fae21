/** Rows per chunk: chunks never move, so growing never copies what is already stored. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/** The id stored for an inconclusive score. */
export const NONE = 0xffff;
/** Distinct (score, level) pairs a measure may take before it switches to raw storage. */
const MAX_IDS = 0xfff0;

/**
 * The distinct (score, level) pairs one measure takes, each with a small id. Per-respondent
 * dimension scores are weighted means of a few integers, so there are usually few of them.
 */
export class ValueTable {
  values = new Float64Array(256);
  levels = new Uint8Array(256);
  size = 0;
  private table = new Int32Array(1024).fill(-1);

  /** Scores lie in [1, 5]: scaled to integers, values closer than 1e-7 share a hash (fine). */
  private hash(value: number, level: number): number {
    const h = Math.imul(((value * 1e7) | 0) ^ (level << 27), 0x9e3779b1);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** The id of (value, level), added when new. */
  id(value: number, level: number): number {
    const mask = this.table.length - 1;
    let slot = this.hash(value, level) & mask;
    for (;;) {
      const e = this.table[slot] as number;
      if (e === -1) break;
      if (this.values[e] === value && this.levels[e] === level) return e;
      slot = (slot + 1) & mask;
    }
    const e = this.size++;
    if (e === this.values.length) {
      const values = new Float64Array(e * 2);
      values.set(this.values);
      this.values = values;
      const levels = new Uint8Array(e * 2);
      levels.set(this.levels);
      this.levels = levels;
    }
    this.values[e] = value;
    this.levels[e] = level;
    this.table[slot] = e;
    if (this.size * 2 > this.table.length) this.rehash();
    return e;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let e = 0; e < this.size; e++) {
      let slot = this.hash(this.values[e] as number, this.levels[e] as number) & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = e;
    }
    this.table = table;
  }

  /** Ids ordered by value, then level. */
  order(): Uint32Array {
    const ids = new Uint32Array(this.size);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    return ids.sort(
      (a, b) =>
        (this.values[a] as number) - (this.values[b] as number) ||
        (this.levels[a] as number) - (this.levels[b] as number),
    );
  }
}

/**
 * One measure (the overall score or a dimension) for every respondent, exactly. While the
 * measure takes fewer than 65,520 distinct (score, level) pairs it stores a 2-byte id per
 * respondent; beyond that it switches, once, to the raw float64 score and a level byte.
 */
export class MeasureColumn {
  table: ValueTable | undefined = new ValueTable();
  private ids: Uint16Array[] = [];
  private raw: Float64Array[] = [];
  private levels: Uint8Array[] = [];
  private n = 0;

  /** Whether values are stored raw (float64) rather than as ids into `table`. */
  get isRaw(): boolean {
    return this.table === undefined;
  }

  push(value: number, level: number): void {
    const c = this.n >>> CHUNK_BITS;
    const i = this.n & MASK;
    this.n++;
    const table = this.table;
    if (table) {
      if (i === 0) this.ids.push(new Uint16Array(CHUNK));
      const id = Number.isNaN(value) ? NONE : table.id(value, level);
      (this.ids[c] as Uint16Array)[i] = id;
      if (table.size > MAX_IDS) this.toRaw();
      return;
    }
    if (i === 0) {
      this.raw.push(new Float64Array(CHUNK));
      this.levels.push(new Uint8Array(CHUNK));
    }
    (this.raw[c] as Float64Array)[i] = value;
    (this.levels[c] as Uint8Array)[i] = level;
  }

  private toRaw(): void {
    const table = this.table as ValueTable;
    for (let c = 0; c < this.ids.length; c++) {
      const ids = this.ids[c] as Uint16Array;
      const raw = new Float64Array(CHUNK);
      const levels = new Uint8Array(CHUNK);
      const count = Math.min(CHUNK, this.n - c * CHUNK);
      for (let i = 0; i < count; i++) {
        const id = ids[i] as number;
        raw[i] = id === NONE ? Number.NaN : (table.values[id] as number);
        levels[i] = id === NONE ? 0 : (table.levels[id] as number);
      }
      this.raw.push(raw);
      this.levels.push(levels);
    }
    this.ids = [];
    this.table = undefined;
  }

  /** Every respondent's id, contiguous (a temporary copy; id mode only). */
  idColumn(): Uint16Array {
    const out = new Uint16Array(this.n);
    this.ids.forEach((chunk, c) => {
      out.set(chunk.subarray(0, Math.min(CHUNK, this.n - c * CHUNK)), c * CHUNK);
    });
    return out;
  }

  /** Every respondent's raw score and level, contiguous (temporary copies; raw mode only). */
  rawColumns(): { values: Float64Array; levels: Uint8Array } {
    const values = new Float64Array(this.n);
    const levels = new Uint8Array(this.n);
    this.raw.forEach((chunk, c) => {
      const count = Math.min(CHUNK, this.n - c * CHUNK);
      values.set(chunk.subarray(0, count), c * CHUNK);
      levels.set((this.levels[c] as Uint8Array).subarray(0, count), c * CHUNK);
    });
    return { values, levels };
  }
}

/**
 * Per-respondent scores for exact statistics, kept compactly: a MeasureColumn per measure (the
 * overall score, then each dimension), the role index and a group index per `--group-by`
 * column. Typically 2 bytes a measure, 1 for the role and 2 per group column a respondent.
 */
export class ScoreStore {
  /** The overall score, then each dimension. */
  readonly columns: MeasureColumn[];
  private readonly groupCount: number;
  private roles: Uint8Array[] = [];
  private groups: Uint16Array[] = [];
  private n = 0;

  constructor(dimensions: number, groupColumns: number) {
    this.columns = Array.from({ length: dimensions + 1 }, () => new MeasureColumn());
    this.groupCount = groupColumns;
  }

  get size(): number {
    return this.n;
  }

  get measures(): number {
    return this.columns.length;
  }

  /** Appends a respondent: `overall` and `dimension` scores (NaN = inconclusive) with levels. */
  push(
    overall: number,
    overallLevel: number,
    dimension: Float64Array,
    level: Uint8Array,
    role: number,
    groups: ArrayLike<number>,
  ): void {
    const c = this.n >>> CHUNK_BITS;
    const i = this.n & MASK;
    if (i === 0) {
      this.roles.push(new Uint8Array(CHUNK));
      if (this.groupCount) this.groups.push(new Uint16Array(CHUNK * this.groupCount));
    }
    (this.columns[0] as MeasureColumn).push(overall, overallLevel);
    for (let d = 0; d < dimension.length; d++) {
      (this.columns[d + 1] as MeasureColumn).push(dimension[d] as number, level[d] as number);
    }
    (this.roles[c] as Uint8Array)[i] = role;
    if (this.groupCount) {
      const g = this.groups[c] as Uint16Array;
      for (let k = 0; k < this.groupCount; k++) g[i * this.groupCount + k] = groups[k] as number;
    }
    this.n++;
  }

  role(row: number): number {
    return (this.roles[row >>> CHUNK_BITS] as Uint8Array)[row & MASK] as number;
  }

  group(row: number, column: number): number {
    return (this.groups[row >>> CHUNK_BITS] as Uint16Array)[
      (row & MASK) * this.groupCount + column
    ] as number;
  }
}
