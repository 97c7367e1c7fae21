import type { Results } from "../models/results.js";
import type { LocalizedText, Methodology } from "../questionnaire/schema.js";
import { type ConditionContext, evaluateCondition } from "./conditions.js";

/** What conditions see of scored results: the two-decimal figures the results hold. */
export function resultsContext(results: Results): ConditionContext {
  const triggered = new Set(results.risks.map((r) => r.id));
  return {
    dimensions: new Map(
      results.dimensions.map((d) => [
        d.id,
        { score: d.score, coverage: d.coverage, perceptionGap: d.perceptionGap?.gap ?? null },
      ]),
    ),
    questions: new Map(results.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q.score]))),
    overall: { score: results.overall.score, coverage: results.overall.coverage },
    risk: (id) => triggered.has(id),
  };
}

/**
 * The paragraphs of a pack's consulting judgement that apply to these results, each the list of
 * its sentences whose condition, verdict and CRM situation hold; paragraphs left with no sentence
 * are dropped.
 */
export function selectJudgement(
  judgement: Methodology["judgement"],
  results: Results,
): LocalizedText[][] {
  const ctx = resultsContext(results);
  const verdict = results.readiness.verdict;
  const situation = results.assessment.client.crmSituation ?? "none";
  return judgement
    .map((p) =>
      p.sentences
        .filter((s) => s.verdict === undefined || s.verdict.includes(verdict))
        .filter((s) => s.situations === undefined || s.situations.includes(situation))
        .filter((s) => s.when === undefined || evaluateCondition(s.when, ctx).holds)
        .map((s) => s.text),
    )
    .filter((sentences) => sentences.length > 0);
}
