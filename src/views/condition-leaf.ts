import type { Condition } from "../core/questionnaire/schema.js";
import type { LeafText } from "../i18n/messages.js";

/** A leaf finding of a risk or readiness condition, as the results hold it. */
export interface LeafFinding {
  condition: Condition;
  holds: boolean;
  value: number | boolean | null;
}

/** How a view names what a condition refers to, in its language. */
export interface LeafNames {
  dimension: (id: string) => string;
  question: (id: string) => string;
  risk: (id: string) => string;
}

/**
 * A finding with the names a sentence needs resolved, for `messages.common.leaf`; null for a
 * composite condition (findings are leaves by contract, but a hand-edited results file may not be).
 */
export function leafText(finding: LeafFinding, names: LeafNames): LeafText | null {
  const c = finding.condition;
  if ("all" in c || "any" in c || "not" in c) return null;
  const value = typeof finding.value === "number" ? finding.value : null;
  const base = { holds: finding.holds };
  let leaf: LeafText;
  if ("dimension" in c) {
    leaf = { ...base, kind: "dimension", name: names.dimension(c.dimension), value };
    if (c.below !== undefined) leaf.below = c.below;
    if (c.atLeast !== undefined) leaf.atLeast = c.atLeast;
  } else if ("question" in c) {
    leaf = { ...base, kind: "question", name: names.question(c.question), value };
    if (c.atMost !== undefined) leaf.atMost = c.atMost;
    if (c.atLeast !== undefined) leaf.atLeast = c.atLeast;
  } else if ("overall" in c) {
    leaf = { ...base, kind: "overall", value };
    if (c.overall.below !== undefined) leaf.below = c.overall.below;
    if (c.overall.atLeast !== undefined) leaf.atLeast = c.overall.atLeast;
  } else if ("perceptionGap" in c) {
    leaf = {
      ...base,
      kind: "perceptionGap",
      name: names.dimension(c.perceptionGap.dimension),
      value,
      atLeast: c.perceptionGap.atLeast,
    };
  } else if ("coverage" in c) {
    const dim = c.coverage.dimension;
    leaf = {
      ...base,
      kind: "coverage",
      name: dim === undefined ? null : names.dimension(dim),
      value,
      below: c.coverage.below,
    };
  } else {
    leaf = { ...base, kind: "risk", name: names.risk(c.risk) };
  }
  return leaf;
}
