import type { AssessmentMeta, Respondent } from "./schema.js";

/**
 * Bumped whenever the results JSON changes incompatibly. Here rather than beside the results
 * schema so that scoring does not build that schema.
 */
export const RESULTS_SCHEMA_VERSION = 2;

/** One assessment ready to score: metadata, target overrides and every respondent. */
export interface AssessmentInput {
  assessment: AssessmentMeta;
  /** Per-dimension target overrides from the answer files. */
  targets?: Record<string, number> | undefined;
  respondents: Respondent[];
}

/** Options that override what the assessment itself says (e.g. `--targets file`, `--horizon`). */
export interface ScoreOptions {
  /** Per-dimension targets; win over the assessment's targets and the questionnaire defaults. */
  targets?: Record<string, number> | undefined;
  /** Planning horizon in months; wins over `assessment.horizonMonths` (default 12). */
  horizonMonths?: number | undefined;
}

/** A path into an answers file, as the YAML loader resolves it to a position. */
export type AnswersPath = (string | number)[];
