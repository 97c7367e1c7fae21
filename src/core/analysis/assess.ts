import { round2 } from "../math/numbers.js";
import type { Results } from "../models/results.js";
import type { Questionnaire } from "../questionnaire/types.js";
import type { LeafFinding, ScoreView } from "./conditions.js";
import { evaluateReadiness } from "./readiness.js";
import { evaluateRisks } from "./risks.js";

/** Findings as results report them: measured values to two decimals. */
function roundFindings(findings: LeafFinding[]): LeafFinding[] {
  return findings.map((f) => (typeof f.value === "number" ? { ...f, value: round2(f.value) } : f));
}

/**
 * The analysis stage run on the unrounded scores: the risks that hold and the readiness verdict,
 * each with the findings that decided it. With no answered question anywhere the verdict is
 * `inconclusive` (and every risk leaf is false, so no risk holds).
 */
export function assess(
  questionnaire: Questionnaire,
  view: ScoreView,
): Pick<Results, "risks" | "readiness"> {
  const riskOutcome = evaluateRisks(questionnaire.risks, view);
  // Nothing answered: no verdict can be argued, least of all "ready" (docs/scoring.md §8).
  const readiness =
    view.overall.score === null
      ? { verdict: "inconclusive" as const, rules: [] }
      : evaluateReadiness(questionnaire.readiness, riskOutcome.context);
  return {
    risks: riskOutcome.evaluations
      .filter((r) => r.holds)
      .map((r) => ({
        id: r.id,
        title: r.title,
        severity: r.severity,
        mitigation: r.mitigation,
        dimension: r.dimension,
        because: roundFindings(r.because),
      })),
    readiness: {
      verdict: readiness.verdict,
      rules: readiness.rules.map((r) => ({ ...r, because: roundFindings(r.because) })),
    },
  };
}
