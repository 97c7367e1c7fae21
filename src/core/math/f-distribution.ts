import jStat from "jstat";

/**
 * Quantile of the central F distribution with `df1` and `df2` degrees of freedom: the x with
 * P(F ≤ x) = p (jstat's inverse regularised incomplete beta; within 1e-7 relative of R's `qf`).
 */
export function fQuantile(p: number, df1: number, df2: number): number {
  if (!(p > 0 && p < 1) || !(df1 > 0) || !(df2 > 0)) {
    throw new RangeError(
      `fQuantile: expected 0 < p < 1 and positive df; found ${p}, ${df1}, ${df2}`,
    );
  }
  return jStat.centralF.inv(p, df1, df2);
}
