// Loads the compare fixture: a small client assessed in January (questionnaire 1.0.0) and again
// six months later (1.1.0: one question added, one removed, one with reworded anchors).
import path from "node:path";
import type { CompareSide } from "../../src/core/analysis/comparison.js";
import { scoreAssessment } from "../../src/core/assessment.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { loadAnswerFiles } from "../../src/io/load-answers.js";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/compare");
export const V1 = path.join(FIXTURES, "questionnaire-v1/questionnaire.yaml");
export const V2 = path.join(FIXTURES, "questionnaire-v2/questionnaire.yaml");
export const BASELINE = path.join(FIXTURES, "lotus/baseline.yaml");
export const FOLLOWUP = path.join(FIXTURES, "lotus/followup.yaml");

function scored(answers: string, questionnaireFile: string): CompareSide {
  const questionnaire = resolveQuestionnaire(questionnaireFile, FIXTURES);
  const { input, issues } = loadAnswerFiles([answers], questionnaire, { cwd: FIXTURES });
  if (!input) throw new Error(`fixture ${answers} is invalid: ${JSON.stringify(issues)}`);
  return { results: scoreAssessment(questionnaire, input), questionnaire };
}

/** Both sides of the Lotus fixture, scored with their own questionnaire versions. */
export async function loadLotus(): Promise<{ baseline: CompareSide; followup: CompareSide }> {
  return { baseline: scored(BASELINE, V1), followup: scored(FOLLOWUP, V2) };
}
