import type { Question } from "../core/questionnaire/schema.js";
import {
  type ComposedDimension,
  isForRole,
  type Questionnaire,
} from "../core/questionnaire/types.js";

/** One question as it is put to a respondent, with its place in the interview. */
export interface PlannedQuestion {
  question: Question;
  dimension: ComposedDimension;
  /** 0-based among the dimensions that have a question for the role. */
  dimensionIndex: number;
  dimensionCount: number;
  /** 0-based among the questions put to the role. */
  index: number;
  total: number;
}

/** The questions put to `role`, in questionnaire order, with their progress numbers. */
export function planInterview(questionnaire: Questionnaire, role: string): PlannedQuestion[] {
  const groups = questionnaire.dimensions
    .map((dimension) => ({
      dimension,
      questions: dimension.questions.filter((q) => isForRole(q, role)),
    }))
    .filter((g) => g.questions.length > 0);
  const total = groups.reduce((n, g) => n + g.questions.length, 0);
  const plan: PlannedQuestion[] = [];
  groups.forEach((g, dimensionIndex) => {
    for (const question of g.questions) {
      plan.push({
        question,
        dimension: g.dimension,
        dimensionIndex,
        dimensionCount: groups.length,
        index: plan.length,
        total,
      });
    }
  });
  return plan;
}

/** Every question id of the questionnaire mapped to its position, for ordering answers. */
export function questionOrder(questionnaire: Questionnaire): Map<string, number> {
  const order = new Map<string, number>();
  for (const dimension of questionnaire.dimensions) {
    for (const question of dimension.questions) {
      if (!order.has(question.id)) order.set(question.id, order.size);
    }
  }
  return order;
}
