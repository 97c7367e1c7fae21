import { compareText } from "../text/compare.js";

/**
 * Tolerance for comparisons and floors: scores are means of small integers, so a difference
 * below this is floating-point noise (e.g. 13/3 − 10/3 = 0.9999999999999996), not a real one.
 */
export const EPSILON = 1e-9;

/** a < b, beyond floating-point noise. */
export function lessThan(a: number, b: number): boolean {
  return a < b - EPSILON;
}

/** a > b, beyond floating-point noise. */
export function greaterThan(a: number, b: number): boolean {
  return a > b + EPSILON;
}

/** a ≥ b, allowing for floating-point noise. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - EPSILON;
}

/** a ≤ b, allowing for floating-point noise. */
export function atMost(a: number, b: number): boolean {
  return a <= b + EPSILON;
}

/** floor(x), allowing for floating-point noise (2.9999999999999996 floors to 3). */
export function floorLevel(x: number): number {
  return Math.floor(x + EPSILON);
}

/** ceil(x), allowing for floating-point noise (9.000000000000002 ceils to 9). */
export function ceilTolerant(x: number): number {
  return Math.ceil(x - EPSILON);
}

/**
 * Weighted mean of `[value, weight]` pairs with positive weight; null when there are none.
 * Clamped to the range of the values so rounding noise never leaves it (e.g. 5.000000000000001).
 */
export function weightedMean(pairs: Iterable<readonly [number, number]>): number | null {
  let sum = 0;
  let weights = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const [value, weight] of pairs) {
    if (!(weight > 0)) continue;
    sum += value * weight;
    weights += weight;
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  if (weights === 0) return null;
  return Math.min(hi, Math.max(lo, sum / weights));
}

/** Plain mean; null for no values. */
export function mean(values: Iterable<number>): number | null {
  const pairs: [number, number][] = [];
  for (const value of values) pairs.push([value, 1]);
  return weightedMean(pairs);
}

/** Rounds to 2 decimals, half away from zero, after absorbing floating-point noise; never −0. */
export function round2(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;
  return r === 0 ? 0 : r;
}

/** round2 that passes null through. */
export function round2OrNull(x: number | null): number | null {
  return x === null ? null : round2(x);
}

/** Compares ids so that `r2` sorts before `r10`; ties fall back to code-unit order. */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    if (x === y) continue;
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return compareText(x, y);
  }
  if (pa.length !== pb.length) return pa.length < pb.length ? -1 : 1;
  return 0;
}
