import { round2 } from "../core/math/numbers.js";
import type { Breakdown, SummaryStatistics } from "../core/models/statistics.js";
import { readAll, type SpillDir, writeAll } from "./spill.js";

/** Memory the statistics may use (tests make them tiny to exercise the disk paths). */
export interface StatisticsLimits {
  /** Respondents per block of the score file (one block is held in memory). */
  blockRows: number;
  /** Scores gathered in memory at once while finding quantiles. */
  collectValues: number;
  /** Ranges narrowed down by sub-bucket counts in one pass (5 KiB each); others wait a pass. */
  subProbes: number;
}

const DEFAULT_LIMITS: StatisticsLimits = {
  blockRows: 1 << 14,
  collectValues: 1 << 19,
  subProbes: 2048,
};

/**
 * Fine buckets of a score: 1/256 wide over [1, 5]. The set of all respondents and each role's
 * set count scores per fine bucket; group values (up to 1,000 per column) per 16 fine buckets.
 * Small enough to stay in the processor's cache while rows stream. A group value's quartiles are
 * found by gathering its scores anyway when it has few (`MERGED_PROBE`), so finer group buckets
 * only cost memory and time: with 1,000 values, 1/64-wide buckets made `--group-by` 23% dearer
 * than a 6-value column, 1/16-wide 17% (bench/batch.bench.mjs, 100k rows).
 */
const FINE = 1024;
const GROUP_SHIFT = 4;
/** Sub-buckets when a bucket still holds too many scores to gather. */
const SUB = 256;
/** Levels are 1–5; index 0 counts nothing (inconclusive scores are not counted). */
const LEVEL_SLOTS = 6;
/** Scores lie in [1, 5]: sums of score − 3 lose less to rounding than sums of scores. */
const SHIFT = 3;

/** The fine bucket of score `v`: non-decreasing in `v`, which is all the selection relies on. */
function fineBucket(v: number): number {
  const f = Math.floor((v - 1) * 256);
  return f < 0 ? 0 : f >= FINE ? FINE - 1 : f;
}

function grown<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  a: T,
  length: number,
  fill = 0,
): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** Below this many scores, sorting in place here beats the call into V8's typed-array sort. */
const SMALL_SORT = 32;

/**
 * Sorts values[start, end) ascending in place. Most probes of a run with many group values
 * gather a few dozen scores: thousands of calls of `Float64Array#sort` cost more than the
 * sorting.
 */
function sortScores(values: Float64Array, start: number, end: number): void {
  if (end - start >= SMALL_SORT) {
    values.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const v = values[i] as number;
    let j = i - 1;
    while (j >= start && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = v;
  }
}

/**
 * A probe takes in the ranks of later buckets while it gathers at most this many scores: a
 * group value's few scores are gathered once for all its quartiles, not bucket by bucket.
 */
const MERGED_PROBE = 256;

/** Ranks one set × measure may need: two for each quartile. */
const MAX_RANKS = 6;

/**
 * Writes into `out` the ranks whose scores the quartiles of n scores need (min and max are kept
 * anyway), ascending and distinct, and returns how many. The candidates never decrease: for
 * n ≥ 5 the quartiles are at least one rank apart, and n < 5 was checked by hand.
 */
function quartileRanks(n: number, out: Float64Array): number {
  let count = 0;
  for (let p = 0.25; p < 1; p += 0.25) {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    for (let r = lo; r <= (h === lo ? lo : lo + 1); r++) {
      if (r > 0 && r < n - 1 && (count === 0 || out[count - 1] !== r)) out[count++] = r;
    }
  }
  return count;
}

/** Counts score `v` (within the probe's range) in the probe's sub-buckets. */
function gather(p: Probe, v: number): void {
  const sub = p.sub as NonNullable<Probe["sub"]>;
  const x = Math.floor((v - p.lo) * sub.scale);
  const b = x >= SUB ? SUB - 1 : x;
  sub.counts[b] = (sub.counts[b] as number) + 1;
  if (v < (sub.min[b] as number)) sub.min[b] = v;
  if (v > (sub.max[b] as number)) sub.max[b] = v;
}

/** A rank range still to be pinned down: the set's scores in [lo, hi] and the ranks among them. */
interface Probe {
  /** set × measures + measure */
  k: number;
  lo: number;
  hi: number;
  count: number;
  /**
   * Ranks wanted within [lo, hi] (0-based), and where the score at each goes in the order
   * statistics (`orderStatistics`).
   */
  local: number[];
  slots: number[];
  /** Whether this pass gathers the probe's scores (else it counts them in sub-buckets). */
  gathers?: boolean;
  sub?: { counts: Uint32Array; min: Float64Array; max: Float64Array; scale: number };
}

/**
 * Statistics of per-respondent scores (the overall score and each dimension) for every set —
 * all respondents, each role, each value of each `--group-by` column — exactly, in memory that
 * does not grow with the respondents.
 *
 * While rows stream, each role and group value keeps per measure its count, compensated sums of
 * the scores and their squares (less 3), minimum, maximum, level counts and a histogram over
 * fine buckets (the set of all respondents is the sum of the roles'); each measure keeps the
 * lowest and highest score of each fine bucket. Every respondent's scores are also appended to a
 * temporary file in blocks. The quartiles need the exact scores at up to six ranks: a rank falls
 * in a bucket; if that bucket holds a single distinct score (usual for dimension scores) it is
 * known, otherwise passes over the file gather the set's scores in that bucket, together with
 * the buckets of its other ranks while they hold few scores (or, when too many, count them in
 * sub-buckets and narrow down in the next pass). The quartiles then interpolate between the same
 * order statistics as a sort of every score would give.
 */
export class StatisticsCollector {
  private readonly limits: StatisticsLimits;
  private readonly m: number;
  private readonly roles: number;
  private readonly groupCount: number;
  /** Set id of each group column's value index (−1 until seen). */
  private readonly groupSets: Int32Array[];
  private setCount: number;
  private capacity: number;
  private setShift: Uint8Array;
  private respondents: Float64Array;
  // Per set × measure:
  private n: Float64Array;
  private sum: Float64Array;
  private sumC: Float64Array;
  private sq: Float64Array;
  private sqC: Float64Array;
  private min: Float64Array;
  private max: Float64Array;
  private levels: Float64Array;
  /** Histograms of every set × measure, one after another; `histAt[k]` is where k's starts. */
  private hist = new Uint32Array(0);
  private histAt: Int32Array;
  private histEnd = 0;
  // Per measure × fine bucket:
  private readonly bucketMin: Float64Array;
  private readonly bucketMax: Float64Array;
  // The block being filled, and the blocks on disk.
  private readonly blockValues: Float64Array[];
  /**
   * The block's scores and levels row by row (a row's measures side by side, so adding rows in
   * group order reads one or two cache lines a row); kept in memory only.
   */
  private readonly blockRowValues: Float64Array;
  private readonly blockLevels: Uint8Array;
  private readonly blockRoles: Uint8Array;
  private readonly blockGroups: Uint16Array[];
  private blockFill = 0;
  private readonly blocks: { offset: number; count: number }[] = [];
  /** Counting sort of the block's rows by group value (`addGroups`). */
  private groupStarts = new Int32Array(0);
  private readonly groupOrder: Int32Array;
  private groupsAdded = false;
  /** Scratch for `quartileRanks` (`orderStatistics`, `summary`). */
  private readonly ranks = new Float64Array(MAX_RANKS);
  private fd: number | undefined;
  private fileEnd = 0;

  /**
   * `measures`: the overall score then each dimension; `roles`: role count; `groupColumns`:
   * `--group-by` columns, whose value indexes (< 65,536) `add` receives.
   */
  constructor(
    measures: number,
    roles: number,
    groupColumns: number,
    private readonly spill: SpillDir,
    limits: Partial<StatisticsLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.m = measures;
    this.roles = roles;
    this.groupCount = groupColumns;
    this.groupSets = Array.from({ length: groupColumns }, () => new Int32Array(0));
    this.setCount = 1 + roles;
    this.capacity = Math.max(4, this.setCount);
    const k = this.capacity * measures;
    this.setShift = new Uint8Array(this.capacity);
    this.respondents = new Float64Array(this.capacity);
    this.n = new Float64Array(k);
    this.sum = new Float64Array(k);
    this.sumC = new Float64Array(k);
    this.sq = new Float64Array(k);
    this.sqC = new Float64Array(k);
    this.min = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
    this.max = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    this.levels = new Float64Array(k * LEVEL_SLOTS);
    this.histAt = new Int32Array(k);
    for (let s = 0; s < this.setCount; s++) this.addHistograms(s, FINE);
    this.bucketMin = new Float64Array(measures * FINE).fill(Number.POSITIVE_INFINITY);
    this.bucketMax = new Float64Array(measures * FINE).fill(Number.NEGATIVE_INFINITY);
    const rows = this.limits.blockRows;
    this.blockValues = Array.from({ length: measures }, () => new Float64Array(rows));
    this.blockRowValues = new Float64Array(measures * rows);
    this.blockLevels = new Uint8Array(measures * rows);
    this.groupOrder = new Int32Array(groupColumns > 0 ? rows : 0);
    this.blockRoles = new Uint8Array(rows);
    this.blockGroups = Array.from({ length: groupColumns }, () => new Uint16Array(rows));
  }

  /** The set of value `index` of group column `g`, created on first sight. */
  private groupSet(g: number, index: number): number {
    let ids = this.groupSets[g] as Int32Array;
    if (index >= ids.length) {
      ids = grown(ids, Math.max(16, index + 1, ids.length * 2), -1);
      this.groupSets[g] = ids;
    }
    const known = ids[index] as number;
    if (known >= 0) return known;
    const s = this.setCount++;
    if (s >= this.capacity) this.growSets(this.capacity * 2);
    this.setShift[s] = GROUP_SHIFT;
    this.addHistograms(s, FINE >>> GROUP_SHIFT);
    ids[index] = s;
    return s;
  }

  /** Room for set `s`'s histograms of `buckets` buckets each. */
  private addHistograms(s: number, buckets: number): void {
    const end = this.histEnd + this.m * buckets;
    if (end > this.hist.length) this.hist = grown(this.hist, Math.max(end, this.hist.length * 2));
    for (let m = 0; m < this.m; m++) this.histAt[s * this.m + m] = this.histEnd + m * buckets;
    this.histEnd = end;
  }

  private growSets(capacity: number): void {
    const k = capacity * this.m;
    this.setShift = grown(this.setShift, capacity);
    this.respondents = grown(this.respondents, capacity);
    this.n = grown(this.n, k);
    this.sum = grown(this.sum, k);
    this.sumC = grown(this.sumC, k);
    this.sq = grown(this.sq, k);
    this.sqC = grown(this.sqC, k);
    this.min = grown(this.min, k, Number.POSITIVE_INFINITY);
    this.max = grown(this.max, k, Number.NEGATIVE_INFINITY);
    this.levels = grown(this.levels, k * LEVEL_SLOTS);
    this.histAt = grown(this.histAt, k);
    this.capacity = capacity;
  }

  /**
   * Adds a respondent: `values[m]` the score of measure m (NaN when inconclusive), `levels[m]`
   * its level (1–5), the role index and each group column's value index. The respondent's role
   * set is updated at once; its group values' sets when the block is complete (`addGroups`).
   */
  add(values: Float64Array, levels: Uint8Array, role: number, groups: ArrayLike<number>): void {
    const M = this.m;
    const respondents = this.respondents;
    respondents[0] = (respondents[0] as number) + 1;
    respondents[1 + role] = (respondents[1 + role] as number) + 1;
    // Group sets are numbered as values first appear (the order `finish` lists them in).
    for (let g = 0; g < this.groupCount; g++) this.groupSet(g, groups[g] as number);

    const i = this.blockFill;
    const rows = this.limits.blockRows;
    const { blockLevels, blockRowValues } = this;
    for (let m = 0; m < M; m++) {
      (this.blockValues[m] as Float64Array)[i] = values[m] as number;
      blockRowValues[i * M + m] = values[m] as number;
      blockLevels[i * M + m] = levels[m] as number;
    }
    this.blockRoles[i] = role;
    for (let g = 0; g < this.groupCount; g++) {
      (this.blockGroups[g] as Uint16Array)[i] = groups[g] as number;
    }

    const { bucketMin, bucketMax } = this;
    for (let m = 0; m < M; m++) {
      const v = values[m] as number;
      if (Number.isNaN(v)) continue; // inconclusive
      const b = m * FINE + fineBucket(v);
      if (v < (bucketMin[b] as number)) bucketMin[b] = v;
      if (v > (bucketMax[b] as number)) bucketMax[b] = v;
    }
    // "All" (set 0) is the sum of the roles' sets, added up in `finish`.
    this.addRow(1 + role, i);
    if (++this.blockFill === rows) {
      this.addGroups(rows);
      this.flushBlock();
    }
  }

  /**
   * Adds the block's first `count` rows to their group values' sets, value by value (rows of one
   * value in arrival order, so every sum is the same as adding them row by row): a set's
   * accumulators and histograms stay in the cache while its rows are added, where 1,000 values
   * taken in arrival order would miss it on nearly every row.
   */
  private addGroups(count: number): void {
    for (let g = 0; g < this.groupCount; g++) {
      const ids = this.groupSets[g] as Int32Array;
      const column = this.blockGroups[g] as Uint16Array;
      let starts = this.groupStarts;
      if (starts.length < ids.length + 1) {
        starts = new Int32Array(ids.length + 1);
        this.groupStarts = starts;
      } else starts.fill(0, 0, ids.length + 1);
      for (let i = 0; i < count; i++) {
        const v = (column[i] as number) + 1;
        starts[v] = (starts[v] as number) + 1;
      }
      for (let v = 1; v <= ids.length; v++) {
        starts[v] = (starts[v] as number) + (starts[v - 1] as number);
      }
      const order = this.groupOrder;
      for (let i = 0; i < count; i++) {
        const v = column[i] as number;
        order[starts[v] as number] = i;
        starts[v] = (starts[v] as number) + 1;
      }
      const respondents = this.respondents;
      for (let j = 0; j < count; j++) {
        const i = order[j] as number;
        const s = ids[column[i] as number] as number;
        respondents[s] = (respondents[s] as number) + 1;
        this.addRow(s, i);
      }
    }
  }

  /** Adds row `i` of the block being filled to set `s`'s accumulators and histograms. */
  private addRow(s: number, i: number): void {
    const M = this.m;
    const { n, sum, sumC, sq, sqC, min, max, hist, histAt, blockRowValues, blockLevels } = this;
    const lv = this.levels;
    const bits = this.setShift[s] as number;
    for (let m = 0, k = s * M; m < M; m++, k++) {
      const v = blockRowValues[i * M + m] as number;
      if (Number.isNaN(v)) continue;
      n[k] = (n[k] as number) + 1;
      // Neumaier-compensated sums of v − 3 and its square: mean and sd are exact to the last
      // bits whatever the order rows come in.
      const d = v - SHIFT;
      const s1 = sum[k] as number;
      let t = s1 + d;
      sumC[k] = (sumC[k] as number) + (Math.abs(s1) >= Math.abs(d) ? s1 - t + d : d - t + s1);
      sum[k] = t;
      const d2 = d * d;
      const s2 = sq[k] as number;
      t = s2 + d2;
      sqC[k] = (sqC[k] as number) + (s2 >= d2 ? s2 - t + d2 : d2 - t + s2);
      sq[k] = t;
      if (v < (min[k] as number)) min[k] = v;
      if (v > (max[k] as number)) max[k] = v;
      const l = k * LEVEL_SLOTS + (blockLevels[i * M + m] as number);
      lv[l] = (lv[l] as number) + 1;
      const hb = (histAt[k] as number) + (fineBucket(v) >>> bits);
      hist[hb] = (hist[hb] as number) + 1;
    }
  }

  /** Appends the block to the score file: each measure's column, then roles, then groups. */
  private flushBlock(): void {
    const count = this.blockFill;
    if (count === 0) return;
    if (this.fd === undefined) this.fd = this.spill.open("scores");
    const offset = this.fileEnd;
    let at = offset;
    for (const column of this.blockValues) {
      writeAll(this.fd, column.subarray(0, count), at);
      at += count * 8;
    }
    writeAll(this.fd, this.blockRoles.subarray(0, count), at);
    at += count;
    for (const column of this.blockGroups) {
      writeAll(this.fd, column.subarray(0, count), at);
      at += count * 2;
    }
    this.blocks.push({ offset, count });
    this.fileEnd = at;
    this.blockFill = 0;
  }

  /** Calls `visit` for each block (on disk, then in memory) with the columns asked for. */
  private eachBlock(
    measures: readonly number[],
    withGroups: boolean,
    visit: (
      count: number,
      values: Float64Array[],
      roles: Uint8Array,
      groups: Uint16Array[],
    ) => void,
  ): void {
    const rows = this.limits.blockRows;
    const M = this.m;
    if (this.blocks.length) {
      const values: Float64Array[] = [];
      for (const m of measures) values[m] = new Float64Array(rows);
      const roles = new Uint8Array(rows);
      const groups = withGroups
        ? Array.from({ length: this.groupCount }, () => new Uint16Array(rows))
        : [];
      const fd = this.fd as number;
      for (const { offset, count } of this.blocks) {
        for (const m of measures)
          readAll(fd, values[m] as Float64Array, count * 8, offset + m * count * 8);
        const rolesAt = offset + M * count * 8;
        readAll(fd, roles, count, rolesAt);
        groups.forEach((column, g) => {
          readAll(fd, column, count * 2, rolesAt + count + g * count * 2);
        });
        visit(count, values, roles, groups);
      }
    }
    if (this.blockFill > 0) {
      visit(this.blockFill, this.blockValues, this.blockRoles, this.blockGroups);
    }
  }

  /** The breakdowns: all, each role (undefined without respondents), each group value. */
  finish(dimensionIds: readonly string[]): {
    all: Breakdown;
    byRole: (Breakdown | undefined)[];
    groups: Breakdown[][];
  } {
    const M = this.m;
    if (!this.groupsAdded) this.addGroups(this.blockFill);
    this.groupsAdded = true;
    this.sumRoles();
    const known = this.orderStatistics();
    const breakdown = (s: number): Breakdown => {
      const summary = (m: number) => this.summary(s * M + m, known);
      const dimensions: Record<string, SummaryStatistics> = {};
      dimensionIds.forEach((id, d) => {
        dimensions[id] = summary(d + 1);
      });
      return { respondents: this.respondents[s] as number, overall: summary(0), dimensions };
    };
    const byRole: (Breakdown | undefined)[] = [];
    for (let r = 0; r < this.roles; r++) {
      byRole.push((this.respondents[1 + r] as number) > 0 ? breakdown(1 + r) : undefined);
    }
    const groups = this.groupSets.map((ids) => {
      const list: Breakdown[] = [];
      for (let i = 0; i < ids.length && (ids[i] as number) >= 0; i++) {
        list.push(breakdown(ids[i] as number));
      }
      return list;
    });
    return { all: breakdown(0), byRole, groups };
  }

  /** Fills set 0 (all respondents) from the roles' sets: every respondent has one role. */
  private sumRoles(): void {
    const M = this.m;
    const fineBuckets = FINE >>> (this.setShift[0] as number);
    for (let m = 0; m < M; m++) {
      let n = 0;
      let sum = 0;
      let sumC = 0;
      let sq = 0;
      let sqC = 0;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      const all = this.histAt[m] as number;
      this.hist.fill(0, all, all + fineBuckets);
      for (let l = 0; l < LEVEL_SLOTS; l++) this.levels[m * LEVEL_SLOTS + l] = 0;
      for (let r = 0; r < this.roles; r++) {
        const k = (1 + r) * M + m;
        n += this.n[k] as number;
        sum += this.sum[k] as number;
        sumC += this.sumC[k] as number;
        sq += this.sq[k] as number;
        sqC += this.sqC[k] as number;
        min = Math.min(min, this.min[k] as number);
        max = Math.max(max, this.max[k] as number);
        const at = this.histAt[k] as number;
        for (let b = 0; b < fineBuckets; b++) {
          this.hist[all + b] = (this.hist[all + b] as number) + (this.hist[at + b] as number);
        }
        for (let l = 0; l < LEVEL_SLOTS; l++) {
          const i = m * LEVEL_SLOTS + l;
          this.levels[i] =
            (this.levels[i] as number) + (this.levels[k * LEVEL_SLOTS + l] as number);
        }
      }
      this.n[m] = n;
      this.sum[m] = sum;
      this.sumC[m] = sumC;
      this.sq[m] = sq;
      this.sqC[m] = sqC;
      this.min[m] = min;
      this.max[m] = max;
    }
  }

  /**
   * For each set × measure k, the exact scores at the ranks its quartiles need: the score at the
   * j-th of `quartileRanks` is at k × MAX_RANKS + j.
   */
  private orderStatistics(): Float64Array {
    const M = this.m;
    const known = new Float64Array(this.setCount * M * MAX_RANKS);
    const ranks = this.ranks;
    const hist = this.hist;
    let probes: Probe[] = [];
    for (let s = 0; s < this.setCount; s++) {
      const shift = this.setShift[s] as number;
      for (let m = 0; m < M; m++) {
        const k = s * M + m;
        const count = quartileRanks(this.n[k] as number, ranks);
        if (count === 0) continue;
        let bucket = this.histAt[k] as number;
        const base = bucket;
        let before = 0;
        let probe: Probe | undefined;
        let probeBefore = 0;
        for (let j = 0; j < count; j++) {
          const rank = ranks[j] as number;
          while (before + (hist[bucket] as number) <= rank) before += hist[bucket++] as number;
          const first = (bucket - base) << shift;
          let lo = Number.POSITIVE_INFINITY;
          let hi = Number.NEGATIVE_INFINITY;
          for (let f = first; f < first + (1 << shift); f++) {
            lo = Math.min(lo, this.bucketMin[m * FINE + f] as number);
            hi = Math.max(hi, this.bucketMax[m * FINE + f] as number);
          }
          if (lo === hi) {
            known[k * MAX_RANKS + j] = lo;
            continue;
          }
          // A rank in the probe's bucket, or in a later one while the scores from the probe's
          // first bucket to this one stay few, joins the probe (its range then reaches this
          // bucket's highest score); otherwise it starts a probe of its own bucket.
          const through = before + (hist[bucket] as number);
          if (probe && (probe.lo === lo || through - probeBefore <= MERGED_PROBE)) {
            probe.hi = hi;
            probe.count = through - probeBefore;
          } else {
            probe = { k, lo, hi, count: hist[bucket] as number, local: [], slots: [] };
            probeBefore = before;
            probes.push(probe);
          }
          probe.local.push(rank - probeBefore);
          probe.slots.push(k * MAX_RANKS + j);
        }
      }
    }
    while (probes.length) probes = this.pass(probes, known);
    return known;
  }

  /**
   * The active probes by set × measure, flat: probes of k are at [first[k], first[k + 1]), with
   * their ranges in typed arrays, so the loop over every row reads no object until a match.
   */
  private probeIndex(active: Probe[]): {
    first: Int32Array;
    slots: Probe[];
    los: Float64Array;
    his: Float64Array;
    wanted: Uint8Array;
    measures: number[];
    withGroups: boolean;
  } {
    const M = this.m;
    const first = new Int32Array(this.setCount * M + 1);
    const measureUsed = new Uint8Array(M);
    // Per measure × fine bucket: whether some probe's range reaches into it (most scores of the
    // sets of all respondents and the roles are in none, and are passed over at once).
    const wanted = new Uint8Array(M * FINE);
    let withGroups = false;
    for (const p of active) {
      first[p.k + 1] = (first[p.k + 1] as number) + 1;
      measureUsed[p.k % M] = 1;
      const row = (p.k % M) * FINE;
      wanted.fill(1, row + fineBucket(p.lo), row + fineBucket(p.hi) + 1);
      // Sets after "all" and the roles are group values.
      if (Math.floor(p.k / M) > this.roles) withGroups = true;
    }
    for (let k = 0; k + 1 < first.length; k++) {
      first[k + 1] = (first[k + 1] as number) + (first[k] as number);
    }
    const at = first.slice(0, -1);
    const slots: Probe[] = new Array(active.length);
    const los = new Float64Array(active.length);
    const his = new Float64Array(active.length);
    for (const p of active) {
      const x = at[p.k] as number;
      at[p.k] = x + 1;
      slots[x] = p;
      los[x] = p.lo;
      his[x] = p.hi;
    }
    const measures: number[] = [];
    measureUsed.forEach((used, m) => {
      if (used) measures.push(m);
    });
    return { first, slots, los, his, wanted, measures, withGroups };
  }

  /**
   * One pass over the score file for `probes`: writes the scores it pins down into `known` and
   * returns the probes that need another pass.
   */
  private pass(probes: Probe[], known: Float64Array): Probe[] {
    const M = this.m;
    let budget = this.limits.collectValues;
    let subs = 0;
    const waiting: Probe[] = [];
    const active: Probe[] = [];
    // Smallest first, so the most probes gather their scores (no need when all of them can).
    const total = probes.reduce((sum, p) => sum + p.count, 0);
    const order = total <= budget ? probes : [...probes].sort((a, b) => a.count - b.count);
    for (const p of order) {
      if (p.count <= budget) {
        budget -= p.count;
        p.gathers = true;
      } else if (subs++ >= this.limits.subProbes) {
        waiting.push(p);
        continue;
      } else {
        p.sub = {
          counts: new Uint32Array(SUB),
          min: new Float64Array(SUB).fill(Number.POSITIVE_INFINITY),
          max: new Float64Array(SUB).fill(Number.NEGATIVE_INFINITY),
          scale: SUB / (p.hi - p.lo),
        };
      }
      active.push(p);
    }
    const { first, slots, los, his, wanted, measures, withGroups } = this.probeIndex(active);
    // The scores the value probes gather, one after another in one pool (in slot order): the
    // position of slot x's next score is at[x] (−1 for a probe that counts sub-buckets
    // instead), and its scores end at ends[x].
    const ends = new Int32Array(slots.length);
    const at = new Int32Array(slots.length);
    let used = 0;
    slots.forEach((p, x) => {
      at[x] = p.gathers ? used : -1;
      used += p.gathers ? p.count : 0;
      ends[x] = used;
    });
    const pool = new Float64Array(used);
    const sets = new Int32Array(2 + (withGroups ? this.groupCount : 0));
    const setsIn = sets.length;
    this.eachBlock(measures, withGroups, (count, values, roles, groups) => {
      for (let i = 0; i < count; i++) {
        sets[0] = 0;
        sets[1] = 1 + (roles[i] as number);
        for (let g = 2; g < setsIn; g++) {
          sets[g] = (this.groupSets[g - 2] as Int32Array)[
            (groups[g - 2] as Uint16Array)[i] as number
          ] as number;
        }
        for (let mi = 0; mi < measures.length; mi++) {
          const m = measures[mi] as number;
          const v = (values[m] as Float64Array)[i] as number;
          if (Number.isNaN(v) || wanted[m * FINE + fineBucket(v)] === 0) continue;
          for (let j = 0; j < setsIn; j++) {
            const k = (sets[j] as number) * M + m;
            const end = first[k + 1] as number;
            for (let x = first[k] as number; x < end; x++) {
              if (v < (los[x] as number) || v > (his[x] as number)) continue;
              const w = at[x] as number;
              if (w >= 0) {
                pool[w] = v;
                at[x] = w + 1;
              } else gather(slots[x] as Probe, v);
            }
          }
        }
      }
    });
    const next: Probe[] = waiting;
    for (let x = 0; x < slots.length; x++) {
      const p = slots[x] as Probe;
      if (p.gathers) {
        const start = (ends[x] as number) - p.count;
        if (at[x] !== ends[x]) throw new Error("score file does not match the statistics");
        sortScores(pool, start, ends[x] as number);
        for (let i = 0; i < p.local.length; i++) {
          known[p.slots[i] as number] = pool[start + (p.local[i] as number)] as number;
        }
        continue;
      }
      const sub = p.sub as NonNullable<Probe["sub"]>;
      let bucket = 0;
      let before = 0;
      let child: Probe | undefined;
      p.local.forEach((r, i) => {
        while (before + (sub.counts[bucket] as number) <= r)
          before += sub.counts[bucket++] as number;
        const lo = sub.min[bucket] as number;
        const hi = sub.max[bucket] as number;
        const slot = p.slots[i] as number;
        if (lo === hi) {
          known[slot] = lo;
          return;
        }
        if (!child || child.lo !== lo) {
          child = {
            k: p.k,
            lo,
            hi,
            count: sub.counts[bucket] as number,
            local: [],
            slots: [],
          };
          next.push(child);
        }
        child.local.push(r - before);
        child.slots.push(slot);
      });
    }
    return next;
  }

  /** The summary of set × measure `k`, given the scores at the ranks its quartiles need. */
  private summary(k: number, known: Float64Array): SummaryStatistics {
    const lv = this.levels;
    const l = k * LEVEL_SLOTS;
    const levels = {
      "1": lv[l + 1] as number,
      "2": lv[l + 2] as number,
      "3": lv[l + 3] as number,
      "4": lv[l + 4] as number,
      "5": lv[l + 5] as number,
    };
    const n = this.n[k] as number;
    if (n === 0) {
      return {
        n,
        mean: null,
        sd: null,
        min: null,
        q1: null,
        median: null,
        q3: null,
        max: null,
        levels,
      };
    }
    const count = quartileRanks(n, this.ranks);
    const d = (this.sum[k] as number) + (this.sumC[k] as number);
    const mean = SHIFT + d / n;
    const ss = Math.max(0, (this.sq[k] as number) + (this.sqC[k] as number) - (d * d) / n);
    return {
      n,
      mean: round2(mean),
      sd: n < 2 ? null : round2(Math.sqrt(ss / (n - 1))),
      min: round2(this.min[k] as number),
      q1: round2(this.quantile(k, n, count, known, 0.25)),
      median: round2(this.quantile(k, n, count, known, 0.5)),
      q3: round2(this.quantile(k, n, count, known, 0.75)),
      max: round2(this.max[k] as number),
      levels,
    };
  }

  /**
   * Quantile p of set × measure k's n scores, interpolated between order statistics (as Excel's
   * QUARTILE.INC); `this.ranks` holds the `count` ranks `known` has scores for.
   */
  private quantile(k: number, n: number, count: number, known: Float64Array, p: number): number {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = this.orderStatistic(k, n, count, known, lo);
    return h === lo ? a : a + (h - lo) * (this.orderStatistic(k, n, count, known, lo + 1) - a);
  }

  /** The score at `rank` of set × measure k's n scores (min and max are kept anyway). */
  private orderStatistic(
    k: number,
    n: number,
    count: number,
    known: Float64Array,
    rank: number,
  ): number {
    if (rank === 0) return this.min[k] as number;
    if (rank === n - 1) return this.max[k] as number;
    for (let j = 0; j < count; j++) {
      if (this.ranks[j] === rank) return known[k * MAX_RANKS + j] as number;
    }
    throw new Error(`rank ${rank} of ${n} was not looked up`);
  }
}
