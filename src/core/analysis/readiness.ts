import type { LocalizedText, ReadinessRule } from "../questionnaire/schema.js";
import { type ConditionContext, evaluateCondition, type LeafFinding } from "./conditions.js";

export type ReadinessVerdict = "ready" | "conditional" | "not-ready" | "inconclusive";

/** A readiness rule that holds. */
export interface ReadinessFinding {
  id: string;
  verdict: "not-ready" | "conditional";
  title: LocalizedText;
  rationale: LocalizedText | null;
  because: LeafFinding[];
}

/** The verdict and the rules that decided it (none when ready). */
export interface Readiness {
  verdict: ReadinessVerdict;
  rules: ReadinessFinding[];
}

/**
 * `not-ready` if any not-ready rule holds, else `conditional` if any conditional rule holds, else
 * `ready`. The deciding rules are those of the verdict, in questionnaire order.
 */
export function evaluateReadiness(
  rules: readonly ReadinessRule[],
  ctx: ConditionContext,
): Readiness {
  const holding: ReadinessFinding[] = [];
  for (const rule of rules) {
    const result = evaluateCondition(rule.when, ctx);
    if (!result.holds) continue;
    holding.push({
      id: rule.id,
      verdict: rule.verdict,
      title: rule.title,
      rationale: rule.rationale ?? null,
      because: result.because,
    });
  }
  const notReady = holding.filter((r) => r.verdict === "not-ready");
  if (notReady.length > 0) return { verdict: "not-ready", rules: notReady };
  const conditional = holding.filter((r) => r.verdict === "conditional");
  if (conditional.length > 0) return { verdict: "conditional", rules: conditional };
  return { verdict: "ready", rules: [] };
}
