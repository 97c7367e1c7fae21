import type { DimensionResult, Results } from "../models/results.js";

/** How many outcome KPIs the report's scorecard carries and `compare` follows. */
export const OUTCOME_KPIS = 3;

/**
 * The outcome KPIs of an assessment: the conclusive dimensions with a gap to target, largest
 * weighted gap (gap × weight) first. The report's KPI scorecard measures these at reassessment,
 * and `compare` shows how they moved; one rule for both.
 */
export function outcomeDimensions(results: Results, count: number): DimensionResult[] {
  return results.dimensions
    .filter((d) => d.score !== null && d.gap !== null && d.gap > 0)
    .sort((a, b) => (b.gap ?? 0) * b.weight - (a.gap ?? 0) * a.weight)
    .slice(0, count);
}
