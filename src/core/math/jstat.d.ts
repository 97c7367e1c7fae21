// jstat ships no type declarations; this covers the one function the statistics use.
declare module "jstat" {
  const jStat: {
    centralF: {
      /** Quantile of the central F distribution: the x with P(F ≤ x) = p. */
      inv(p: number, df1: number, df2: number): number;
    };
  };
  export default jStat;
}
