import { assess } from "./analysis/assess.js";
import type { AssessmentInput, ScoreOptions } from "./answers/input.js";
import type { Results } from "./models/results.js";
import type { Questionnaire } from "./questionnaire/types.js";
import {
  type AssessmentScorer,
  createAssessmentScorer as createScorer,
  scoreAssessment as score,
} from "./scoring/score.js";

// The one place scoring and analysis meet: scoring computes the scores and hands them to the
// `assess` stage for risks and readiness. Scoring itself imports nothing from analysis.

/** An incremental scorer whose results carry the risks and the readiness verdict. */
export function createAssessmentScorer(questionnaire: Questionnaire): AssessmentScorer {
  return createScorer(questionnaire, assess);
}

/** Scores an assessment (docs/scoring.md), then assesses its risks and readiness. Pure. */
export function scoreAssessment(
  questionnaire: Questionnaire,
  input: AssessmentInput,
  options: ScoreOptions = {},
): Results {
  return score(questionnaire, input, options, assess);
}
