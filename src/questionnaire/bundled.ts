import { fileURLToPath } from "node:url";
import { InputError } from "../errors.js";
import { loadQuestionnaire } from "./load.js";
import type { Questionnaire } from "./types.js";

/** Absolute path of the bundled standard pack's root file (works from src/ and dist/). */
export const BUNDLED_QUESTIONNAIRE = fileURLToPath(
  new URL("../../questionnaires/crm-maturity/questionnaire.yaml", import.meta.url),
);

/**
 * Loads the questionnaire named by `-q`, or the bundled pack; throws an InputError carrying the
 * located issues when it does not validate, so every command reports it the same way.
 */
export function resolveQuestionnaire(file?: string, cwd = process.cwd()): Questionnaire {
  const { questionnaire, issues } = loadQuestionnaire(file ?? BUNDLED_QUESTIONNAIRE, cwd);
  if (!questionnaire) {
    throw new InputError(
      `the questionnaire ${file ?? "(bundled)"} is invalid; run \`crm-maturity validate\` on it`,
      issues.filter((i) => i.severity === "error"),
    );
  }
  return questionnaire;
}
