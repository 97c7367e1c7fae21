import { InputError } from "../core/diagnostics/errors.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { loadQuestionnaire } from "./load-questionnaire.js";
import { fromPackageRoot } from "./package-root.js";

/** Absolute path of the bundled standard pack's root file . */
export const BUNDLED_QUESTIONNAIRE = fromPackageRoot(
  "questionnaires",
  "crm-maturity",
  "questionnaire.yaml",
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
