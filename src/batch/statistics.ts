import { round2 } from "../scoring/numbers.js";
import type { Breakdown, SummaryStatistics } from "./statistics-schema.js";
import { NONE, type ScoreStore } from "./store.js";

/**
 * Summarises a distribution given as non-decreasing `values` with their `counts` (1 each when
 * omitted) and a histogram of levels (index 1–5). Quartiles interpolate linearly between order
 * statistics (Hyndman–Fan type 7, as Excel QUARTILE.INC and numpy's default); the standard
 * deviation is the sample one (n − 1).
 */
export function summarizeCounts(
  values: ArrayLike<number>,
  counts: ArrayLike<number> | undefined,
  levelHistogram: ArrayLike<number>,
  length = values.length,
): SummaryStatistics {
  const levels: Record<string, number> = {};
  for (let l = 1; l <= 5; l++) levels[String(l)] = levelHistogram[l] ?? 0;
  const count = (i: number) => (counts ? (counts[i] as number) : 1);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const c = count(i);
    n += c;
    sum += (values[i] as number) * c;
  }
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
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < length; i++) {
    const d = (values[i] as number) - mean;
    ss += d * d * count(i);
  }
  // The k-th smallest value (0-based), walking the cumulative counts.
  const nth = (k: number): number => {
    if (!counts) return values[k] as number;
    let seen = 0;
    for (let i = 0; i < length; i++) {
      seen += counts[i] as number;
      if (k < seen) return values[i] as number;
    }
    return values[length - 1] as number;
  };
  const quantile = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = nth(lo);
    return h === lo ? a : a + (h - lo) * (nth(lo + 1) - a);
  };
  return {
    n,
    mean: round2(mean),
    sd: n < 2 ? null : round2(Math.sqrt(ss / (n - 1))),
    min: round2(nth(0)),
    q1: round2(quantile(0.25)),
    median: round2(quantile(0.5)),
    q3: round2(quantile(0.75)),
    max: round2(nth(n - 1)),
    levels,
  };
}

/** Groups store rows by a key (counting sort): `rows` ordered by key, `offsets[k]` its start. */
export function partition(
  size: number,
  keys: number,
  keyOf: (row: number) => number,
): { rows: Uint32Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(keys + 1);
  for (let r = 0; r < size; r++) {
    const k = keyOf(r);
    offsets[k + 1] = (offsets[k + 1] as number) + 1;
  }
  for (let k = 0; k < keys; k++)
    offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const next = offsets.slice(0, keys);
  const rows = new Uint32Array(size);
  for (let r = 0; r < size; r++) {
    const k = keyOf(r);
    rows[next[k] as number] = r;
    next[k] = (next[k] as number) + 1;
  }
  return { rows, offsets };
}

/**
 * Statistics of every measure for each part of a partition of the store's rows (or for all
 * rows, as one part, without a partition). Exact: each part's histogram over the measure's
 * distinct values is built and walked in value order.
 */
export function breakdowns(
  store: ScoreStore,
  dimensionIds: readonly string[],
  parts?: { rows: Uint32Array; offsets: Uint32Array },
): Breakdown[] {
  const partCount = parts ? parts.offsets.length - 1 : 1;
  const bounds = (p: number): [number, number] =>
    parts ? [parts.offsets[p] as number, parts.offsets[p + 1] as number] : [0, store.size];
  const rows = parts?.rows;
  const levelHistogram = new Float64Array(6);
  const perMeasure: SummaryStatistics[][] = store.columns.map((column) => {
    const list: SummaryStatistics[] = [];
    const table = column.table;
    if (!table) {
      // Raw scores: gather each part's values, sort them, summarise.
      const all = column.rawColumns();
      const values = new Float64Array(parts ? Math.max(0, ...partSizes(parts)) : store.size);
      for (let p = 0; p < partCount; p++) {
        const [from, to] = bounds(p);
        let t = 0;
        levelHistogram.fill(0);
        for (let i = from; i < to; i++) {
          const row = rows ? (rows[i] as number) : i;
          const v = all.values[row] as number;
          if (Number.isNaN(v)) continue;
          values[t++] = v;
          const l = all.levels[row] as number;
          levelHistogram[l] = (levelHistogram[l] as number) + 1;
        }
        list.push(summarizeCounts(values.subarray(0, t).sort(), undefined, levelHistogram, t));
      }
      return list;
    }
    // Value ids: count each part's ids, then walk the distinct values in order.
    const k = table.size;
    const order = table.order();
    const rank = new Uint32Array(k);
    for (let r = 0; r < k; r++) rank[order[r] as number] = r;
    const hist = new Uint32Array(k);
    const touched = new Uint32Array(k);
    const values = new Float64Array(k);
    const counts = new Float64Array(k);
    const ids = column.idColumn();
    for (let p = 0; p < partCount; p++) {
      const [from, to] = bounds(p);
      let t = 0;
      for (let i = from; i < to; i++) {
        const id = ids[rows ? (rows[i] as number) : i] as number;
        if (id === NONE) continue;
        if ((hist[id] as number) === 0) touched[t++] = rank[id] as number;
        hist[id] = (hist[id] as number) + 1;
      }
      const ranks = touched.subarray(0, t).sort();
      levelHistogram.fill(0);
      for (let j = 0; j < t; j++) {
        const id = order[ranks[j] as number] as number;
        values[j] = table.values[id] as number;
        counts[j] = hist[id] as number;
        const l = table.levels[id] as number;
        levelHistogram[l] = (levelHistogram[l] as number) + (hist[id] as number);
        hist[id] = 0;
      }
      list.push(summarizeCounts(values, counts, levelHistogram, t));
    }
    return list;
  });
  return Array.from({ length: partCount }, (_, p) => {
    const [from, to] = bounds(p);
    const dimensions: Record<string, SummaryStatistics> = {};
    dimensionIds.forEach((id, d) => {
      dimensions[id] = perMeasure[d + 1]?.[p] as SummaryStatistics;
    });
    return { respondents: to - from, overall: perMeasure[0]?.[p] as SummaryStatistics, dimensions };
  });
}

function partSizes(parts: { offsets: Uint32Array }): number[] {
  const sizes: number[] = [];
  for (let p = 0; p + 1 < parts.offsets.length; p++) {
    sizes.push((parts.offsets[p + 1] as number) - (parts.offsets[p] as number));
  }
  return sizes;
}
