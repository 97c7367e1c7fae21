import type { LocalizedText, Severity } from "../questionnaire/schema.js";
import type { ResolvedRisk } from "../questionnaire/types.js";
import {
  type ConditionContext,
  type ConditionResult,
  evaluateCondition,
  type ScoreView,
} from "./conditions.js";

/** One risk's outcome. */
export interface RiskEvaluation extends ConditionResult {
  id: string;
  title: LocalizedText;
  severity: Severity;
  mitigation: LocalizedText | null;
  /** The dimension that declares the risk; null for questionnaire-wide risks. */
  dimension: string | null;
}

/** Evaluation of every risk, in questionnaire order, plus a lookup for `{ risk: id }` leaves. */
export interface RiskOutcome {
  evaluations: RiskEvaluation[];
  /** Context for further conditions (e.g. readiness) that may refer to risks. */
  context: ConditionContext;
}

/**
 * Evaluates every risk. `{ risk: id }` leaves are resolved on demand (dependency order); a
 * reference back into a risk still being evaluated (a cycle) or to an unknown id is false.
 */
export function evaluateRisks(risks: readonly ResolvedRisk[], view: ScoreView): RiskOutcome {
  const byId = new Map<string, ResolvedRisk>();
  for (const risk of risks) if (!byId.has(risk.id)) byId.set(risk.id, risk);
  const done = new Map<string, ConditionResult>();
  const inProgress = new Set<string>();

  const context: ConditionContext = {
    ...view,
    risk: (id) => {
      const result = resolve(id);
      return result === null ? null : result.holds;
    },
  };

  function resolve(id: string): ConditionResult | null {
    const cached = done.get(id);
    if (cached) return cached;
    const risk = byId.get(id);
    if (!risk || inProgress.has(id)) return null;
    inProgress.add(id);
    const result = evaluateCondition(risk.when, context);
    inProgress.delete(id);
    done.set(id, result);
    return result;
  }

  const evaluations = risks.map((risk): RiskEvaluation => {
    const result = resolve(risk.id) ?? { holds: false, because: [] };
    return {
      id: risk.id,
      title: risk.title,
      severity: risk.severity,
      mitigation: risk.mitigation ?? null,
      dimension: risk.dimension ?? null,
      holds: result.holds,
      because: result.because,
    };
  });
  return { evaluations, context };
}
