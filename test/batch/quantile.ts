/** Type-7 quantile of sorted numbers, rounded to 2 decimals (a naive reference for tests). */
export function quantileForTest(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return Math.round((a + (h - lo) * (b - a)) * 100) / 100;
}
