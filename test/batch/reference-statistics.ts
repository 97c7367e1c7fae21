// The statistics as the batch code computed them before they streamed: every score kept, sorted,
// summed in order. The tests hold the streaming collector to exactly these numbers.

import { round2 } from "../../src/core/math/numbers.js";
import type { SummaryStatistics } from "../../src/core/models/statistics.js";

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
