import { parseProfileRequest } from "../questionnaire/profiles.js";
import type { Question } from "../questionnaire/schema.js";
import { type Questionnaire, respondentRoles } from "../questionnaire/types.js";
import { nearest } from "../text/nearest.js";
import type { AnswersPath } from "./input.js";
import { type AnswersFile, answerScalarOf } from "./schema.js";

export type AnswerFindingCode =
  | "unknown-question"
  | "unknown-role"
  | "unknown-dimension"
  | "out-of-scale"
  | "duplicate-respondent"
  | "questionnaire-mismatch"
  | "question-not-for-role"
  | "non-respondent-role"
  | "unknown-profile";

/** A semantic finding in an answers (or targets) file, located by its YAML/JSON path. */
export interface AnswerFinding {
  path: AnswersPath;
  code: AnswerFindingCode;
  /** `question-not-for-role` is a warning (the answer still counts); everything else an error. */
  severity: "error" | "warning";
  /** Says what was expected and what was found. */
  message: string;
}

/** ` (did you mean "x"?)` when a known id is close to the one found. */
function suggest(found: string, known: Iterable<string>): string {
  const best = nearest(found, known, 3);
  return best === undefined ? "" : ` (did you mean "${best}"?)`;
}

function list(ids: readonly string[]): string {
  return ids.length > 8 ? `${ids.slice(0, 8).join(", ")}, …` : ids.join(", ");
}

/** The lowest and highest level of the questionnaire's scale (1–5 when it declares none). */
export function scaleBounds(questionnaire: Questionnaire): { lo: number; hi: number } {
  const levels = questionnaire.scale.map((s) => s.level);
  return levels.length === 0
    ? { lo: 1, hi: 5 }
    : { lo: Math.min(...levels), hi: Math.max(...levels) };
}

/** Checks per-dimension targets (from an answers file or a `--targets` file). */
export function checkTargets(
  questionnaire: Questionnaire,
  targets: Record<string, number> | undefined,
  path: AnswersPath = ["targets"],
): AnswerFinding[] {
  const findings: AnswerFinding[] = [];
  const ids = questionnaire.dimensions.map((d) => d.id);
  const { lo, hi } = scaleBounds(questionnaire);
  for (const [dimension, target] of Object.entries(targets ?? {})) {
    if (!ids.includes(dimension)) {
      findings.push({
        path: [...path, dimension],
        code: "unknown-dimension",
        severity: "error",
        message: `expected a dimension id of ${questionnaire.id} (${list(ids)}), found "${dimension}"${suggest(dimension, ids)}`,
      });
    } else if (!(target >= lo && target <= hi)) {
      findings.push({
        path: [...path, dimension],
        code: "out-of-scale",
        severity: "error",
        message: `expected a target level from ${lo} to ${hi}, found ${target}`,
      });
    }
  }
  return findings;
}

/** The assessment's questionnaire id and version, and its client's profile. */
function checkAssessment(questionnaire: Questionnaire, answers: AnswersFile): AnswerFinding[] {
  const findings: AnswerFinding[] = [];
  const declared = answers.assessment.questionnaire;
  if (declared.id !== questionnaire.id) {
    findings.push({
      path: ["assessment", "questionnaire", "id"],
      code: "questionnaire-mismatch",
      severity: "error",
      message: `expected questionnaire "${questionnaire.id}", found "${declared.id}"`,
    });
  } else if (declared.version !== questionnaire.version) {
    findings.push({
      path: ["assessment", "questionnaire", "version"],
      code: "questionnaire-mismatch",
      severity: "error",
      message: `expected ${questionnaire.id} version ${questionnaire.version}, found ${declared.version}`,
    });
  }
  const profile = answers.assessment.client.profile;
  if (profile !== undefined) {
    const request = parseProfileRequest(questionnaire, profile);
    if (!request.ok) {
      findings.push({
        path: ["assessment", "client", "profile"],
        code: "unknown-profile",
        severity: "error",
        message: request.message,
      });
    }
  }
  return findings;
}

/**
 * Semantic checks of an answers file against the questionnaire it is scored with: questionnaire
 * id/version, targets, duplicate respondent ids, unknown roles and questions, levels off the
 * scale, and answers to questions not put to the respondent's role (warning). Pure.
 */
export function checkAnswersAgainst(
  questionnaire: Questionnaire,
  answers: AnswersFile,
): AnswerFinding[] {
  const findings = checkAssessment(questionnaire, answers);
  findings.push(...checkTargets(questionnaire, answers.targets));
  const dimensionIds = questionnaire.dimensions.map((d) => d.id);
  answers.goals?.forEach((goal, i) => {
    goal.dimensions.forEach((dimension, j) => {
      if (dimensionIds.includes(dimension)) return;
      findings.push({
        path: ["goals", i, "dimensions", j],
        code: "unknown-dimension",
        severity: "error",
        message: `expected a dimension id of ${questionnaire.id} (${list(dimensionIds)}), found "${dimension}"${suggest(dimension, dimensionIds)}`,
      });
    });
  });

  const roles = questionnaire.roles.map((r) => r.id);
  const answering = respondentRoles(questionnaire).map((r) => r.id);
  const questions = new Map<string, Question>();
  for (const dimension of questionnaire.dimensions) {
    for (const question of dimension.questions) {
      if (!questions.has(question.id)) questions.set(question.id, question);
    }
  }
  const { lo, hi } = scaleBounds(questionnaire);
  const seen = new Map<string, number>();

  answers.respondents.forEach((respondent, index) => {
    const base: AnswersPath = ["respondents", index];
    const first = seen.get(respondent.id);
    if (first === undefined) seen.set(respondent.id, index);
    else {
      findings.push({
        path: [...base, "id"],
        code: "duplicate-respondent",
        severity: "error",
        message: `expected a unique respondent id, found "${respondent.id}" again (first at respondents[${first}])`,
      });
    }
    const knownRole = roles.includes(respondent.role);
    if (knownRole && !answering.includes(respondent.role)) {
      findings.push({
        path: [...base, "role"],
        code: "non-respondent-role",
        severity: "error",
        message: `expected a role that answers (${list(answering)}); found "${respondent.role}", which the questionnaire marks \`respondent: false\` (it owns roadmap actions but never answers)`,
      });
    }
    if (!knownRole) {
      findings.push({
        path: [...base, "role"],
        code: "unknown-role",
        severity: "error",
        message: `expected one of the roles ${list(roles)}, found "${respondent.role}"${suggest(respondent.role, roles)}`,
      });
    }
    for (const [questionId, answer] of Object.entries(respondent.answers)) {
      const path: AnswersPath = [...base, "answers", questionId];
      const question = questions.get(questionId);
      if (!question) {
        findings.push({
          path,
          code: "unknown-question",
          severity: "error",
          message: `expected a question id of ${questionnaire.id} ${questionnaire.version}, found "${questionId}"${suggest(questionId, questions.keys())}`,
        });
        continue;
      }
      const value = answerScalarOf(answer);
      if (typeof value === "number" && !(Number.isInteger(value) && value >= lo && value <= hi)) {
        findings.push({
          path: typeof answer === "object" ? [...path, "value"] : path,
          code: "out-of-scale",
          severity: "error",
          message: `expected an integer from ${lo} to ${hi}, \`na\` or \`unknown\`, found ${value}`,
        });
      }
      if (knownRole && question.roles !== undefined && !question.roles.includes(respondent.role)) {
        // A level still counts; `unknown` or `na` from someone never asked means "not asked".
        const counts = typeof value === "number";
        findings.push({
          path,
          code: "question-not-for-role",
          severity: "warning",
          message: `question ${questionId} is put to ${list(question.roles)}, found an answer from a ${respondent.role} (${counts ? "it still counts" : `\`${value}\` from a role not asked is ignored`})`,
        });
      }
    }
  });
  return findings;
}
