import { fQuantile } from "./f-distribution.js";

/**
 * Sufficient statistics of k items over n respondents (complete cases): the item sums and the
 * sums of cross-products Σ xᵢxⱼ (row-major k × k, symmetric). Memory is k², not n.
 */
export interface ItemMoments {
  n: number;
  sum: ArrayLike<number>;
  /** cross[i * k + j] = Σ over respondents of xᵢ · xⱼ. */
  cross: ArrayLike<number>;
}

/** Cronbach's alpha of a set of items, with its interval and per-item figures. */
export interface AlphaAnalysis {
  /** Null with fewer than 2 items or 2 respondents, or when the total score does not vary. */
  alpha: number | null;
  /** Feldt (1965) interval at the requested confidence; null with alpha. */
  lower: number | null;
  upper: number | null;
  items: ItemAnalysis[];
}

/** One item's figures inside its scale. */
export interface ItemAnalysis {
  mean: number | null;
  /** Sample standard deviation (n − 1). */
  sd: number | null;
  /** Pearson correlation of the item with the sum of the other items (corrected item–total). */
  itemRest: number | null;
  /** Alpha of the other items; null when fewer than 2 would remain. */
  alphaIfDeleted: number | null;
}

/**
 * n·Σxᵢxⱼ − Σxᵢ·Σxⱼ for every pair: n(n − 1) times the sample covariance. Computed in BigInt
 * when the sums are safe integers (answers are small integers), so the figures are exact
 * whatever the number of respondents and whatever order they came in.
 */
export function scaledCovariances(m: ItemMoments): Float64Array {
  const k = m.sum.length;
  const out = new Float64Array(k * k);
  const exact =
    Number.isSafeInteger(m.n) &&
    Array.from(m.sum).every(Number.isSafeInteger) &&
    Array.from(m.cross).every(Number.isSafeInteger);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const si = m.sum[i] as number;
      const sj = m.sum[j] as number;
      const c = m.cross[i * k + j] as number;
      const d = exact
        ? Number(BigInt(m.n) * BigInt(c) - BigInt(si) * BigInt(sj))
        : m.n * c - si * sj;
      out[i * k + j] = d;
      out[j * k + i] = d;
    }
  }
  return out;
}

/** Alpha from a (scaled) covariance matrix restricted to `items`; null when undefined. */
function alphaOf(cov: Float64Array, k: number, items: readonly number[]): number | null {
  const m = items.length;
  if (m < 2) return null;
  let diagonal = 0;
  let total = 0;
  for (const i of items) {
    diagonal += cov[i * k + i] as number;
    for (const j of items) total += cov[i * k + j] as number;
  }
  if (!(total > 0)) return null;
  return (m / (m - 1)) * (1 - diagonal / total);
}

/**
 * Feldt's (1965) confidence interval for coefficient alpha from n respondents and k items:
 * [1 − (1 − α)·F(1 − γ/2), 1 − (1 − α)·F(γ/2)] with F on n − 1 and (n − 1)(k − 1) degrees of
 * freedom (Feldt, Woodruff & Salih 1987, formulas 6 and 7).
 */
export function feldtInterval(
  alpha: number,
  n: number,
  k: number,
  confidence = 0.95,
): { lower: number; upper: number } | null {
  if (n < 2 || k < 2) return null;
  const tail = (1 - confidence) / 2;
  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  return {
    lower: 1 - (1 - alpha) * fQuantile(1 - tail, df1, df2),
    upper: 1 - (1 - alpha) * fQuantile(tail, df1, df2),
  };
}

/**
 * Cronbach's (1951) alpha = k/(k − 1) · (1 − Σ var(xᵢ) / var(Σ xᵢ)), its Feldt interval, and
 * per item the corrected item–total (item–rest) correlation and alpha if the item is deleted.
 */
export function analyseAlpha(m: ItemMoments, confidence = 0.95): AlphaAnalysis {
  const k = m.sum.length;
  const cov = scaledCovariances(m);
  const all = Array.from({ length: k }, (_, i) => i);
  const alpha = m.n >= 2 ? alphaOf(cov, k, all) : null;
  const interval = alpha === null ? null : feldtInterval(alpha, m.n, k, confidence);
  const items = all.map((i): ItemAnalysis => {
    const rest = all.filter((j) => j !== i);
    const variance = cov[i * k + i] as number;
    let covRest = 0;
    let varRest = 0;
    for (const j of rest) {
      covRest += cov[i * k + j] as number;
      for (const l of rest) varRest += cov[j * k + l] as number;
    }
    const enough = m.n >= 2;
    return {
      mean: m.n > 0 ? (m.sum[i] as number) / m.n : null,
      sd: enough ? Math.sqrt(Math.max(0, variance) / (m.n * (m.n - 1))) : null,
      itemRest:
        enough && rest.length > 0 && variance > 0 && varRest > 0
          ? clamp(covRest / Math.sqrt(variance * varRest), -1, 1)
          : null,
      alphaIfDeleted: enough ? alphaOf(cov, k, rest) : null,
    };
  });
  return {
    alpha,
    lower: interval?.lower ?? null,
    upper: interval === null ? null : Math.min(1, interval.upper),
    items,
  };
}

/** Variance of the uniform ("rectangular") null distribution over A response options: (A² − 1)/12. */
export function uniformNullVariance(options: number): number {
  return (options * options - 1) / 12;
}

/**
 * Sample variance (n − 1) from a count, a sum and a sum of squares; null below 2. With integer
 * sums, n·Σx² − (Σx)² is computed exactly: in doubles while both products stay below 2^53 (a
 * rounded product at or below that bound was exact), in BigInt beyond.
 */
export function varianceOf(n: number, sum: number, sumSquares: number): number | null {
  if (n < 2) return null;
  const a = n * sumSquares;
  const b = sum * sum;
  const integers =
    Number.isSafeInteger(n) && Number.isSafeInteger(sum) && Number.isSafeInteger(sumSquares);
  const scaled =
    !integers || (a <= Number.MAX_SAFE_INTEGER && b <= Number.MAX_SAFE_INTEGER)
      ? a - b
      : Number(BigInt(n) * BigInt(sumSquares) - BigInt(sum) * BigInt(sum));
  return Math.max(0, scaled) / (n * (n - 1));
}

/**
 * James, Demaree & Wolf's (1984) rwg(j) for J items: with s̄² the mean of the items' observed
 * variances and σ² the null variance, J(1 − s̄²/σ²) / (J(1 − s̄²/σ²) + s̄²/σ²). An observed
 * variance at or above the null's gives 0 (their truncation); null without items.
 */
export function rwgJ(itemVariances: readonly number[], nullVariance: number): number | null {
  const j = itemVariances.length;
  if (j === 0 || !(nullVariance > 0)) return null;
  const meanVariance = itemVariances.reduce((a, b) => a + b, 0) / j;
  const ratio = meanVariance / nullVariance;
  if (ratio >= 1) return 0;
  const agreement = j * (1 - ratio);
  return agreement / (agreement + ratio);
}

/**
 * Single-item rwg (James, Demaree & Wolf 1984, eq. 1): 1 − s² ÷ σ²_EU, with s² the item's
 * observed variance; rwg(j) with J = 1, so the same truncation at 0 applies.
 */
export function rwgSingle(variance: number, nullVariance: number): number | null {
  return rwgJ([variance], nullVariance);
}

/** How far respondents agree: LeBreton & Senter's (2008) Table 3 bands of rwg and rwg(j). */
export type AgreementBand = "strong" | "moderate" | "weak" | "none";

/** The least rwg of each band (LeBreton & Senter 2008, Table 3); below `weak`: hardly any agreement. */
export const AGREEMENT_BANDS = { strong: 0.71, moderate: 0.51, weak: 0.31 } as const;

/** The band of an rwg or rwg(j) figure, read on the figure as reported (two decimals). */
export function agreementBand(rwg: number | null): AgreementBand | null {
  if (rwg === null) return null;
  if (rwg >= AGREEMENT_BANDS.strong) return "strong";
  if (rwg >= AGREEMENT_BANDS.moderate) return "moderate";
  if (rwg >= AGREEMENT_BANDS.weak) return "weak";
  return "none";
}

/** One group's count, sum and sum of squares of a measure. */
export interface GroupSums {
  n: number;
  sum: number;
  sumSquares: number;
}

/** ICC(1) and ICC(2) of a one-way random-effects ANOVA of a measure across groups. */
export interface IccResult {
  icc1: number | null;
  icc2: number | null;
  /** Groups with at least one respondent. */
  groups: number;
  respondents: number;
  msb: number | null;
  msw: number | null;
}

/**
 * ICC(1) = (MSB − MSW) / (MSB + (k − 1)·MSW) and ICC(2) = (MSB − MSW) / MSB (Bliese 2000), with
 * k the mean group size N/G as in Bliese's `multilevel::ICC1`. Null with fewer than 2 groups,
 * no within-group degrees of freedom, or no between-group variance.
 */
export function oneWayIcc(groups: readonly GroupSums[]): IccResult {
  const present = groups.filter((g) => g.n > 0);
  const g = present.length;
  let n = 0;
  let sum = 0;
  for (const x of present) {
    n += x.n;
    sum += x.sum;
  }
  const none = { icc1: null, icc2: null, groups: g, respondents: n, msb: null, msw: null };
  if (g < 2 || n - g < 1) return none;
  const grand = sum / n;
  let ssb = 0;
  let ssw = 0;
  for (const x of present) {
    const m = x.sum / x.n;
    ssb += x.n * (m - grand) * (m - grand);
    ssw += Math.max(0, x.sumSquares - x.sum * m);
  }
  const msb = ssb / (g - 1);
  const msw = ssw / (n - g);
  if (!(msb > 0)) return { ...none, msb, msw };
  const k = n / g;
  return {
    icc1: (msb - msw) / (msb + (k - 1) * msw),
    icc2: (msb - msw) / msb,
    groups: g,
    respondents: n,
    msb,
    msw,
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
