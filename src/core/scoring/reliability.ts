import { scaleBounds } from "../answers/check.js";
import { answerScalarOf, type Respondent } from "../answers/schema.js";
import { round2OrNull } from "../math/numbers.js";
import {
  analyseAlpha,
  type GroupSums,
  oneWayIcc,
  rwgJ,
  uniformNullVariance,
  varianceOf,
} from "../math/reliability.js";
import type {
  DimensionReliability,
  Icc,
  Reliability,
  ReliabilityWarning,
} from "../models/reliability.js";
import { isForRole, type Questionnaire, respondentRoles } from "../questionnaire/types.js";
import { ANSWER_ABSENT, ANSWER_CODES, ANSWER_NA, ANSWER_UNKNOWN } from "./answer-codes.js";

/** Level of the Feldt intervals. */
export const ALPHA_CONFIDENCE = 0.95;
/** Fewer analysed questions than this raise `few-items`. */
export const MIN_ITEMS = 3;
/** Fewer complete cases than this raise `few-respondents`. */
export const MIN_RESPONDENTS = 10;
/** A question enters alpha when at least this share of the dimension's respondents rated it. */
export const ITEM_SHARE = 0.5;
/**
 * Missingness patterns are kept per dimension only up to this many questions (2^12 patterns at
 * most); a longer dimension keeps complete cases over all its questions alone.
 */
export const MAX_PATTERN_ITEMS = 12;
/**
 * A dimension whose answer vectors (states^questions per role group) fit in this many slots
 * counts vectors instead of adding cross-products row by row.
 */
const MAX_VECTOR_SLOTS = 1 << 18;
/**
 * Answer vectors are noted per dimension for this many respondents and then counted dimension
 * by dimension, so one dimension's table (up to 1 MiB) is in the cache while it is counted.
 */
const PENDING_ROWS = 2048;
/**
 * A dimension's vector counts are folded only in the blocks of this many slots (2^10: a 4 KiB
 * page) where a vector was counted: a few respondents touch few blocks, and the fold need not
 * read (and fault in) a table of up to 1 MiB to find them.
 */
const BLOCK_SHIFT = 10;

/** Sums over the respondents who rated exactly one set of a dimension's questions. */
interface Pattern {
  n: number;
  sum: Float64Array;
  /** Upper triangle (i ≤ j) of Σ xᵢxⱼ, row-major. */
  cross: Float64Array;
}

/** Per question: count, sum and sum of squares of the scores of one set of respondents. */
type ItemSums = Float64Array;

/**
 * Sums per value of one group-by column, a fixed number of them per value side by side, in one
 * array (no object or lookup per value on every row); `seen[value]` is 1 once the value had
 * some. Grown as values appear (`withValue`).
 */
interface ValueSums {
  values: Float64Array;
  seen: Uint8Array;
}

const NO_VALUES: ValueSums = { values: new Float64Array(0), seen: new Uint8Array(0) };

/** The value indexes `sums` has seen, ascending. */
function seenValues(sums: ValueSums): number[] {
  const values: number[] = [];
  sums.seen.forEach((seen, value) => {
    if (seen === 1) values.push(value);
  });
  return values;
}

/** `sums`, or a copy grown to hold value index `value` (`width` numbers per value). */
function withValue(sums: ValueSums, value: number, width: number): ValueSums {
  if (value < sums.seen.length) return sums;
  const length = Math.max(value + 1, sums.seen.length * 2);
  const grown = { values: new Float64Array(length * width), seen: new Uint8Array(length) };
  grown.values.set(sums.values);
  grown.seen.set(sums.seen);
  return grown;
}

const tri = (k: number, i: number, j: number) => i * k - (i * (i - 1)) / 2 + (j - i);

/**
 * Streams respondents' answers (compact codes, questionnaire order) into exact sufficient
 * statistics — per dimension and missingness pattern the item sums and cross-products, per
 * question and set the sums of scores and squares — and, for `batch` groups, per group value
 * the sums of respondents' dimension scores. Memory depends on the questionnaire and the
 * number of group values, never on the number of respondents.
 */
export class ReliabilityCollector {
  private readonly lo: number;
  private readonly hi: number;
  private readonly starts: number[];
  private readonly reverse: Uint8Array;
  private readonly patterns: Map<number, Pattern>[];
  private readonly items: ItemSums;
  /** Per group column: per value, its ItemSums (3 numbers per question). */
  private readonly groupItems: ValueSums[];
  /**
   * Per group column: per value × dimension, count, compensated sum and sum of squares of
   * respondents' dimension scores − 3 (5 numbers).
   */
  private readonly groupScores: ValueSums[];
  private readonly scores: Float64Array;
  private readonly lastKey: number[];
  private readonly lastPattern: (Pattern | undefined)[];
  /** States per item: 0 (not rated) or score − lo + 1. */
  private readonly base: number;
  /** Per question × answer code: its state (255: not an integer on the scale, see `add`). */
  private readonly stateOf: Uint8Array;
  private readonly states: Uint8Array;
  /** Per question × state: respondents (rows whose codes all have a state). */
  private readonly itemCounts: Float64Array;
  /**
   * Per group column: per value × question × state, respondents (grown as values appear). 32-bit
   * like `vectors` (half the cache; `add` stops counting before 2^32 rows).
   */
  private readonly groupCounts: Uint32Array[];
  /**
   * Per dimension: per role group × answer vector, respondents; undefined when too many vectors.
   * 32-bit counts (half the cache of 64-bit ones): past 2^32 − 1 rows `add` stops counting.
   */
  private readonly vectors: (Uint32Array | undefined)[];
  /** Per dimension: 1 for each block of `vectors` where a vector was counted (empty without). */
  private readonly touched: Uint8Array[];
  /** Per dimension: the vectors of one role group (a role group's vectors start at g × this). */
  private readonly vectorsPerGroup: Float64Array;
  /** Per dimension × pending respondent: the index of their answer vector, not yet counted. */
  private readonly pending: Uint32Array;
  private pendingRows = 0;
  private readonly countStates: boolean;
  private folded = false;
  /** Per dimension: the role groups (roles put exactly the same questions), when there are several. */
  private readonly roleGroups: string[][][];
  /** Per respondent role: its group in each dimension (0 where the dimension is not split). */
  private readonly groupOfRole: Map<string, Int32Array>;
  private respondents = 0;

  /**
   * `options.countStates` (default true) counts answer states where every code is an integer on
   * the scale; false adds every row score by score (tests check that both give the same figures).
   */
  constructor(
    private readonly questionnaire: Questionnaire,
    groupColumns = 0,
    options: { countStates?: boolean } = {},
  ) {
    ({ lo: this.lo, hi: this.hi } = scaleBounds(questionnaire));
    // States are bytes (255 marks a code off the scale).
    this.countStates = (options.countStates ?? true) && this.hi - this.lo + 2 < 255;
    this.starts = [];
    let q = 0;
    for (const d of questionnaire.dimensions) {
      this.starts.push(q);
      q += d.questions.length;
    }
    this.starts.push(q);
    this.reverse = Uint8Array.from(
      questionnaire.dimensions.flatMap((d) =>
        d.questions.map((x) => (x.type === "likert" && x.reverse ? 1 : 0)),
      ),
    );
    this.patterns = questionnaire.dimensions.map(() => new Map());
    this.lastKey = questionnaire.dimensions.map(() => Number.NaN);
    this.lastPattern = questionnaire.dimensions.map(() => undefined);
    this.items = new Float64Array(q * 3);
    this.groupItems = Array.from({ length: groupColumns }, () => NO_VALUES);
    this.groupScores = Array.from({ length: groupColumns }, () => NO_VALUES);
    this.scores = new Float64Array(q);
    ({ groups: this.roleGroups, groupOf: this.groupOfRole } = roleGroupsOf(questionnaire));
    this.base = this.hi - this.lo + 2;
    this.stateOf = stateTable(q, this.lo, this.hi, this.reverse);
    this.states = new Uint8Array(q);
    this.itemCounts = new Float64Array(q * this.base);
    this.groupCounts = Array.from({ length: groupColumns }, () => new Uint32Array(0));
    this.vectors = questionnaire.dimensions.map((_, d) => {
      const k = (this.starts[d + 1] as number) - (this.starts[d] as number);
      const size = this.base ** k * Math.max(1, (this.roleGroups[d] as string[][]).length);
      return k <= MAX_PATTERN_ITEMS && size <= MAX_VECTOR_SLOTS ? new Uint32Array(size) : undefined;
    });
    this.touched = this.vectors.map((v) => new Uint8Array(v ? (v.length >>> BLOCK_SHIFT) + 1 : 0));
    this.vectorsPerGroup = Float64Array.from(
      questionnaire.dimensions,
      (_, d) => this.base ** ((this.starts[d + 1] as number) - (this.starts[d] as number)),
    );
    this.pending = new Uint32Array(
      this.vectors.some((v) => v !== undefined) ? this.vectors.length * PENDING_ROWS : 0,
    );
  }

  /**
   * Adds one respondent. `groups[g]` is the index of the respondent's value in group-by column
   * g; `dimensionScores[d]` their own score on dimension d (NaN when inconclusive), needed only
   * with groups. `role` is the respondent's role id: in a dimension that puts different questions
   * to different roles, alpha is computed within each role group (docs/statistics.md).
   */
  add(
    codes: ArrayLike<number>,
    groups?: ArrayLike<number>,
    dimensionScores?: ArrayLike<number>,
    role?: string,
  ): void {
    this.respondents++;
    if (this.folded) throw new Error("ReliabilityCollector: add after finish");
    const roleGroup = role === undefined ? undefined : this.groupOfRole.get(role);
    const count = this.countStates && this.respondents < 0xffffffff;
    if (count && this.toStates(codes)) this.countRespondent(roleGroup, groups);
    else this.addScores(codes, roleGroup, groups);
    if (!groups || !dimensionScores) return;
    const D = this.patterns.length;
    for (let g = 0; g < this.groupScores.length; g++) {
      const value = groups[g] as number;
      const sums = withValue(this.groupScores[g] as ValueSums, value, D * 5);
      this.groupScores[g] = sums;
      sums.seen[value] = 1;
      const values = sums.values;
      for (let d = 0, at = value * D * 5; d < D; d++, at += 5) {
        const x = dimensionScores[d] as number;
        if (Number.isNaN(x)) continue;
        addScore(values, at, x - 3);
      }
    }
  }

  /**
   * Reads a respondent's codes into states; false when one is not an integer on the scale
   * (then the row is added as scores). Counting states gives the same integer sums as adding
   * the scores row by row, whatever the order.
   */
  private toStates(codes: ArrayLike<number>): boolean {
    const states = this.states;
    const table = this.stateOf;
    for (let q = 0; q < states.length; q++) {
      const code = codes[q] ?? ANSWER_ABSENT;
      const state =
        code >= 0 && code < ANSWER_CODES && code % 1 === 0
          ? (table[q * ANSWER_CODES + code] as number)
          : 255;
      if (state === 255) return false;
      states[q] = state;
    }
    return true;
  }

  /** Counts the states of `this.states`: per question, per group value, per answer vector. */
  private countRespondent(roleGroup: Int32Array | undefined, groups?: ArrayLike<number>): void {
    const states = this.states;
    const B = this.base;
    const counts = this.itemCounts;
    for (let q = 0, at = 0; q < states.length; q++, at += B) {
      const i = at + (states[q] as number);
      counts[i] = (counts[i] as number) + 1;
    }
    let scored = false;
    const pending = this.pending;
    const row = this.pendingRows;
    let noted = false;
    for (let d = 0; d < this.vectors.length; d++) {
      const start = this.starts[d] as number;
      const end = this.starts[d + 1] as number;
      if (!this.vectors[d]) {
        if (!scored) this.scoresFromStates();
        scored = true;
        this.addPattern(d, this.scores, roleGroup ? (roleGroup[d] as number) : 0);
        continue;
      }
      let index = 0;
      for (let q = end - 1; q >= start; q--) index = index * B + (states[q] as number);
      if (roleGroup) index += (roleGroup[d] as number) * (this.vectorsPerGroup[d] as number);
      pending[d * PENDING_ROWS + row] = index;
      noted = true;
    }
    if (noted && ++this.pendingRows === PENDING_ROWS) this.countPending();
    if (!groups) return;
    const stride = states.length * B;
    for (let g = 0; g < this.groupCounts.length; g++) {
      const value = groups[g] as number;
      let table = this.groupCounts[g] as Uint32Array;
      if ((value + 1) * stride > table.length) {
        const grown = new Uint32Array(Math.max((value + 1) * stride, table.length * 2));
        grown.set(table);
        table = grown;
        this.groupCounts[g] = grown;
      }
      this.seenValue(g, value);
      for (let q = 0, at = value * stride; q < states.length; q++, at += B) {
        const i = at + (states[q] as number);
        table[i] = (table[i] as number) + 1;
      }
    }
  }

  /** Counts the pending answer vectors, one dimension at a time. */
  private countPending(): void {
    const rows = this.pendingRows;
    const pending = this.pending;
    for (let d = 0; d < this.vectors.length; d++) {
      const vectors = this.vectors[d];
      if (!vectors) continue;
      const touched = this.touched[d] as Uint8Array;
      for (let i = d * PENDING_ROWS, end = i + rows; i < end; i++) {
        const index = pending[i] as number;
        vectors[index] = (vectors[index] as number) + 1;
        touched[index >>> BLOCK_SHIFT] = 1;
      }
    }
    this.pendingRows = 0;
  }

  /**
   * Marks group value `value` of column `g` as seen (its item sums exist, maybe all zero);
   * returns where they start.
   */
  private seenValue(g: number, value: number): number {
    const items = withValue(this.groupItems[g] as ValueSums, value, this.scores.length * 3);
    this.groupItems[g] = items;
    items.seen[value] = 1;
    return value * this.scores.length * 3;
  }

  /** `this.scores` from `this.states` (NaN where not rated). */
  private scoresFromStates(): void {
    const scores = this.scores;
    for (let q = 0; q < scores.length; q++) {
      const state = this.states[q] as number;
      scores[q] = state === 0 ? Number.NaN : this.lo + state - 1;
    }
  }

  /** Adds a respondent whose codes are not all integers on the scale, score by score. */
  private addScores(
    codes: ArrayLike<number>,
    roleGroup: Int32Array | undefined,
    groups?: ArrayLike<number>,
  ): void {
    const scores = this.scores;
    for (let q = 0; q < scores.length; q++) {
      const code = codes[q] ?? ANSWER_ABSENT;
      const level = code === ANSWER_ABSENT || code === ANSWER_NA || code === ANSWER_UNKNOWN;
      scores[q] = level ? Number.NaN : this.reverse[q] ? this.lo + this.hi - code : code;
    }
    addItems(this.items, 0, scores);
    for (let d = 0; d < this.patterns.length; d++) {
      this.addPattern(d, scores, roleGroup ? (roleGroup[d] as number) : 0);
    }
    if (!groups) return;
    for (let g = 0; g < this.groupItems.length; g++) {
      const value = groups[g] as number;
      const at = this.seenValue(g, value);
      addItems((this.groupItems[g] as ValueSums).values, at, scores);
    }
  }

  /**
   * Turns the counts into the sums `addScores` keeps (once, before the figures are read): the
   * scores are integers, so the sums are exact and equal to adding them row by row.
   */
  private fold(): void {
    if (this.folded) return;
    this.countPending();
    this.folded = true;
    const q = this.scores.length;
    foldItems(this.itemCounts, this.items, q, this.base, this.lo);
    this.groupCounts.forEach((table, g) => {
      const items = this.groupItems[g] as ValueSums;
      for (const value of seenValues(items)) {
        const at = value * q * this.base;
        if (at < table.length) {
          const sums = items.values.subarray(value * q * 3, (value + 1) * q * 3);
          foldItems(table.subarray(at, at + q * this.base), sums, q, this.base, this.lo);
        }
      }
    });
    this.vectors.forEach((vectors, d) => {
      if (vectors) this.foldVectors(d, vectors, this.touched[d] as Uint8Array);
    });
  }

  /**
   * Adds dimension `d`'s answer-vector counts to its missingness patterns, in the order of the
   * vectors (the blocks no vector was counted in are skipped).
   */
  private foldVectors(d: number, vectors: Uint32Array, touched: Uint8Array): void {
    const B = this.base;
    const k = (this.starts[d + 1] as number) - (this.starts[d] as number);
    const per = B ** k;
    const patterns = this.patterns[d] as Map<number, Pattern>;
    const x = new Float64Array(k);
    for (let index = 0; index < vectors.length; index++) {
      if (touched[index >>> BLOCK_SHIFT] === 0) {
        index |= (1 << BLOCK_SHIFT) - 1;
        continue;
      }
      const c = vectors[index] as number;
      if (c === 0) continue;
      let rest = index % per;
      let mask = 0;
      for (let i = 0; i < k; i++) {
        const state = rest % B;
        rest = (rest - state) / B;
        x[i] = state === 0 ? Number.NaN : this.lo + state - 1;
        if (state !== 0) mask |= 1 << i;
      }
      if (mask === 0) continue;
      const key = Math.floor(index / per) * 2 ** MAX_PATTERN_ITEMS + mask;
      let p = patterns.get(key);
      if (!p) {
        p = { n: 0, sum: new Float64Array(k), cross: new Float64Array((k * (k + 1)) / 2) };
        patterns.set(key, p);
      }
      p.n += c;
      for (let i = 0; i < k; i++) {
        const xi = x[i] as number;
        if (Number.isNaN(xi)) continue;
        p.sum[i] = (p.sum[i] as number) + c * xi;
        let at = tri(k, i, i);
        for (let j = i; j < k; j++, at++) {
          const y = x[j] as number;
          if (Number.isNaN(y)) continue;
          p.cross[at] = (p.cross[at] as number) + c * xi * y;
        }
      }
    }
  }

  private addPattern(d: number, scores: Float64Array, group: number): void {
    const start = this.starts[d] as number;
    const k = (this.starts[d + 1] as number) - start;
    let mask = 0;
    let complete = true;
    for (let i = 0; i < k; i++) {
      if (Number.isNaN(scores[start + i] as number)) complete = false;
      else if (k <= MAX_PATTERN_ITEMS) mask |= 1 << i;
    }
    if (k > MAX_PATTERN_ITEMS && !complete) return;
    if (mask === 0 && k <= MAX_PATTERN_ITEMS) return;
    // One key space per role group: group g's patterns are g·2^12 + mask (−1 − g when too long).
    const key = k > MAX_PATTERN_ITEMS ? -1 - group : group * 2 ** MAX_PATTERN_ITEMS + mask;
    // Most rows repeat the previous row's pattern (usually: everything answered).
    let p = this.lastKey[d] === key ? this.lastPattern[d] : undefined;
    if (!p) {
      const patterns = this.patterns[d] as Map<number, Pattern>;
      p = patterns.get(key);
      if (!p) {
        p = { n: 0, sum: new Float64Array(k), cross: new Float64Array((k * (k + 1)) / 2) };
        patterns.set(key, p);
      }
      this.lastKey[d] = key;
      this.lastPattern[d] = p;
    }
    p.n++;
    for (let i = 0; i < k; i++) {
      const x = scores[start + i] as number;
      if (Number.isNaN(x)) continue;
      p.sum[i] = (p.sum[i] as number) + x;
      // Row i of the upper triangle is contiguous: (i, i), (i, i + 1), …
      let at = tri(k, i, i);
      for (let j = i; j < k; j++, at++) {
        const y = scores[start + j] as number;
        if (Number.isNaN(y)) continue;
        p.cross[at] = (p.cross[at] as number) + x * y;
      }
    }
  }

  /** The statistics, or undefined with fewer than 2 respondents. */
  finish(): Reliability | undefined {
    this.fold();
    if (this.respondents < 2) return undefined;
    const nullVariance = this.nullVariance();
    return {
      method: {
        confidence: ALPHA_CONFIDENCE,
        minItems: MIN_ITEMS,
        minRespondents: MIN_RESPONDENTS,
        nullVariance,
      },
      dimensions: this.questionnaire.dimensions.map((dim, d) =>
        this.dimension(
          d,
          dim.questions.map((q) => q.id),
          nullVariance,
        ),
      ),
    };
  }

  private nullVariance(): number {
    return uniformNullVariance(this.hi - this.lo + 1);
  }

  /**
   * Agreement for group-by column `g`: ICC(1)/ICC(2) per dimension across its values, and
   * rwg(j) per dimension within each value (indexed as in `add`; values never seen get none).
   */
  groupAgreement(g: number): { icc: Icc[]; rwg: Map<number, Record<string, number | null>> } {
    this.fold();
    const dims = this.questionnaire.dimensions;
    const nullVariance = this.nullVariance();
    const scores = this.groupScores[g] ?? NO_VALUES;
    const items = this.groupItems[g] ?? NO_VALUES;
    const indices = seenValues(items);
    const icc = dims.map((dim, d): Icc => {
      const sums: GroupSums[] = [];
      for (const index of indices) {
        if (scores.seen[index] !== 1) continue;
        const s = scores.values;
        const at = (index * dims.length + d) * 5;
        sums.push({
          n: s[at] as number,
          sum: (s[at + 1] as number) + (s[at + 2] as number),
          sumSquares: (s[at + 3] as number) + (s[at + 4] as number),
        });
      }
      const r = oneWayIcc(sums);
      return {
        dimension: dim.id,
        icc1: round2OrNull(r.icc1),
        icc2: round2OrNull(r.icc2),
        groups: r.groups,
        respondents: r.respondents,
      };
    });
    const rwg = new Map<number, Record<string, number | null>>();
    for (const index of indices) {
      const width = this.scores.length * 3;
      const sums = items.values.subarray(index * width, (index + 1) * width);
      const byDimension: Record<string, number | null> = {};
      dims.forEach((dim, d) => {
        byDimension[dim.id] = round2OrNull(this.rwg(sums, d, nullVariance).rwg);
      });
      rwg.set(index, byDimension);
    }
    return { icc, rwg };
  }

  private rwg(items: ItemSums, d: number, nullVariance: number): { rwg: number | null; j: number } {
    const variances: number[] = [];
    for (let q = this.starts[d] as number; q < (this.starts[d + 1] as number); q++) {
      const v = varianceOf(
        items[q * 3] as number,
        items[q * 3 + 1] as number,
        items[q * 3 + 2] as number,
      );
      if (v !== null) variances.push(v);
    }
    return { rwg: rwgJ(variances, nullVariance), j: variances.length };
  }

  private dimension(d: number, ids: string[], nullVariance: number): DimensionReliability {
    const patterns = this.patterns[d] as Map<number, Pattern>;
    const groups = this.roleGroups[d] as string[][];
    const { rwg, j } = this.rwg(this.items, d, nullVariance);
    const dimension = (this.questionnaire.dimensions[d] as { id: string }).id;
    // The key order of the results JSON: the alpha figures, then agreement, then warnings.
    const result = ({ warnings, ...alpha }: ReturnType<typeof this.alphaOf>) => ({
      dimension,
      ...alpha,
      rwg: round2OrNull(rwg),
      rwgItems: j,
      warnings,
    });
    if (groups.length <= 1) return result(this.alphaOf(ids, [...patterns]));
    // Groups nobody answered in are left out.
    const byGroup = groups.flatMap((roles, g) => {
      const own = [...patterns].filter(([key]) => groupOfKey(key) === g);
      return own.length > 0 ? [{ roles, ...this.alphaOf(ids, own) }] : [];
    });
    if (byGroup.length === 0) return result(this.alphaOf(ids, []));
    // The figures the dimension is read by: the group with the most complete cases, then items.
    let headline = byGroup[0] as (typeof byGroup)[number];
    for (const g of byGroup) {
      if (
        g.respondents > headline.respondents ||
        (g.respondents === headline.respondents && g.items.length > headline.items.length)
      ) {
        headline = g;
      }
    }
    const { roles, ...figures } = headline;
    return {
      ...result(figures),
      roles,
      roleGroups: byGroup.map((g) => ({
        roles: g.roles,
        items: g.items,
        respondents: g.respondents,
        alpha: g.alpha,
        lower: g.lower,
        upper: g.upper,
        warnings: g.warnings,
      })),
    };
  }

  /** Alpha over the given missingness patterns of one dimension (one role group, or all). */
  private alphaOf(
    ids: string[],
    patterns: Array<[number, Pattern]>,
  ): Omit<DimensionReliability, "dimension" | "rwg" | "rwgItems" | "roles" | "roleGroups"> {
    const k = ids.length;
    const maskOf = (key: number) => key & (2 ** MAX_PATTERN_ITEMS - 1);
    // Which questions enter alpha: those rated by at least ITEM_SHARE of the dimension's raters.
    let selected: number[];
    if (k > MAX_PATTERN_ITEMS) selected = ids.map((_, i) => i);
    else {
      let raters = 0;
      const rated = new Array<number>(k).fill(0);
      for (const [key, p] of patterns) {
        const mask = maskOf(key);
        raters += p.n;
        for (let i = 0; i < k; i++) if (mask & (1 << i)) rated[i] = (rated[i] as number) + p.n;
      }
      selected = ids
        .map((_, i) => i)
        .filter((i) => raters > 0 && (rated[i] as number) >= ITEM_SHARE * raters);
    }
    const m = selected.length;
    let n = 0;
    const sum = new Array<number>(m).fill(0);
    const cross = new Array<number>(m * m).fill(0);
    let need = 0;
    for (const i of selected) need |= 1 << i;
    // Complete cases: the patterns that rated every selected question (their sums over the
    // selected questions are then complete; sums of integers, so the order does not matter).
    for (const [key, p] of patterns) {
      if (k <= MAX_PATTERN_ITEMS && (maskOf(key) & need) !== need) continue;
      n += p.n;
      for (let a = 0; a < m; a++) {
        const i = selected[a] as number;
        sum[a] = (sum[a] as number) + (p.sum[i] as number);
        for (let b = 0; b < m; b++) {
          const j = selected[b] as number;
          const at = tri(k, Math.min(i, j), Math.max(i, j));
          cross[a * m + b] = (cross[a * m + b] as number) + (p.cross[at] as number);
        }
      }
    }
    const analysis = analyseAlpha({ n, sum, cross }, ALPHA_CONFIDENCE);
    const warnings: ReliabilityWarning[] = [];
    if (m < MIN_ITEMS) warnings.push("few-items");
    if (n < MIN_RESPONDENTS) warnings.push("few-respondents");
    if (m >= 2 && n >= 2 && analysis.alpha === null) warnings.push("no-variance");
    return {
      items: selected.map((i) => ids[i] as string),
      leftOut: ids.filter((_, i) => !selected.includes(i)),
      respondents: n,
      alpha: round2OrNull(analysis.alpha),
      lower: round2OrNull(analysis.lower),
      upper: round2OrNull(analysis.upper),
      itemStatistics: analysis.items.map((item, a) => ({
        question: ids[selected[a] as number] as string,
        mean: round2OrNull(item.mean),
        sd: round2OrNull(item.sd),
        itemRest: round2OrNull(item.itemRest),
        alphaIfDeleted: round2OrNull(item.alphaIfDeleted),
      })),
      warnings,
    };
  }
}

/** The role group a pattern key belongs to (see `addPattern`). */
const groupOfKey = (key: number): number =>
  key < 0 ? -1 - key : Math.floor(key / 2 ** MAX_PATTERN_ITEMS);

/**
 * Per dimension, the respondent roles grouped by the exact set of its questions put to them
 * (roles put none are left out); a dimension with one group keeps one analysis. Per role, its
 * group index in each dimension.
 */
function roleGroupsOf(questionnaire: Questionnaire): {
  groups: string[][][];
  groupOf: Map<string, Int32Array>;
} {
  const roles = respondentRoles(questionnaire).map((r) => r.id);
  const groupOf = new Map(
    roles.map((r) => [r, new Int32Array(questionnaire.dimensions.length)] as const),
  );
  const groups = questionnaire.dimensions.map((dim, d) => {
    const bySet = new Map<string, string[]>();
    for (const role of roles) {
      const set = dim.questions
        .map((q, i) => (isForRole(q, role) ? i : -1))
        .filter((i) => i >= 0)
        .join(",");
      if (set === "") continue;
      const members = bySet.get(set);
      if (members) members.push(role);
      else bySet.set(set, [role]);
    }
    const list = [...bySet.values()];
    list.forEach((members, g) => {
      for (const role of members) (groupOf.get(role) as Int32Array)[d] = list.length > 1 ? g : 0;
    });
    return list;
  });
  return { groups, groupOf };
}

/**
 * Per question × answer code, the state counted for it: 0 for no rating (absent, N/A, unknown),
 * score − lo + 1 for a code on the scale (reversed where the question is), 255 otherwise.
 */
function stateTable(questions: number, lo: number, hi: number, reverse: Uint8Array): Uint8Array {
  const table = new Uint8Array(questions * ANSWER_CODES).fill(255);
  for (let q = 0; q < questions; q++) {
    for (let code = 0; code < ANSWER_CODES; code++) {
      const at = q * ANSWER_CODES + code;
      if (code === ANSWER_ABSENT || code === ANSWER_NA || code === ANSWER_UNKNOWN) table[at] = 0;
      else if (code >= lo && code <= hi) {
        table[at] = (reverse[q] ? lo + hi - code : code) - lo + 1;
      }
    }
  }
  return table;
}

/** Adds per-question state counts to count, sum and sum of squares (exact: integer scores). */
function foldItems(
  counts: Float64Array | Uint32Array,
  sums: ItemSums,
  questions: number,
  base: number,
  lo: number,
): void {
  for (let q = 0; q < questions; q++) {
    for (let state = 1; state < base; state++) {
      const c = counts[q * base + state] as number;
      if (c === 0) continue;
      const x = lo + state - 1;
      sums[q * 3] = (sums[q * 3] as number) + c;
      sums[q * 3 + 1] = (sums[q * 3 + 1] as number) + c * x;
      sums[q * 3 + 2] = (sums[q * 3 + 2] as number) + c * x * x;
    }
  }
}

/** Adds a respondent's scores (NaN = not rated) to per-question count, sum and sum of squares. */
function addItems(sums: ItemSums, at: number, scores: Float64Array): void {
  for (let q = 0, i = at; q < scores.length; q++, i += 3) {
    const x = scores[q] as number;
    if (Number.isNaN(x)) continue;
    sums[i] = (sums[i] as number) + 1;
    sums[i + 1] = (sums[i + 1] as number) + x;
    sums[i + 2] = (sums[i + 2] as number) + x * x;
  }
}

/** Neumaier-compensated count, sum (+ compensation) and sum of squares (+ compensation) at `at`. */
function addScore(s: Float64Array, at: number, x: number): void {
  s[at] = (s[at] as number) + 1;
  neumaier(s, at + 1, x);
  neumaier(s, at + 3, x * x);
}

function neumaier(s: Float64Array, at: number, x: number): void {
  const sum = s[at] as number;
  const t = sum + x;
  s[at + 1] = (s[at + 1] as number) + (Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum);
  s[at] = t;
}

/** Compact codes of one respondent from an answers file (questionnaire order), as batch reads them. */
export function respondentCodes(questionnaire: Questionnaire, respondent: Respondent): number[] {
  return questionnaire.dimensions.flatMap((d) =>
    d.questions.map((q) => {
      const raw = Object.hasOwn(respondent.answers, q.id) ? respondent.answers[q.id] : undefined;
      if (raw === undefined) return ANSWER_ABSENT;
      const value = answerScalarOf(raw);
      if (value === "na") return ANSWER_NA;
      if (value === "unknown") return ANSWER_UNKNOWN;
      return value;
    }),
  );
}

/** Reliability statistics of an assessment's respondents (`score`, `report`); undefined below 2. */
export function reliabilityOf(
  questionnaire: Questionnaire,
  respondents: readonly Respondent[],
): Reliability | undefined {
  if (respondents.length < 2) return undefined;
  const collector = new ReliabilityCollector(questionnaire);
  for (const r of respondents) {
    collector.add(respondentCodes(questionnaire, r), undefined, undefined, r.role);
  }
  return collector.finish();
}
