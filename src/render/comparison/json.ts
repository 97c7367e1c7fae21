import type { Comparison } from "../../core/analysis/comparison.js";

/** The comparison model as indented JSON; language-neutral (titles keep every language). */
export function renderJson(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}
