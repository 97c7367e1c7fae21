// Qualtrics, in two formats. The Advanced Format TXT import (Survey → Tools → Import/Export →
// Import Survey): one block per dimension, each question a single-answer multiple choice whose
// `[[ID:…]]` is the item code, which Qualtrics keeps as the question's export tag (the first
// header row of its CSV export). Or the survey file (.qsf, qualtrics-qsf.ts), which also carries
// the translations. Either way choices are numbered in order, so "numeric values" exports 1–5, then
// 6 for "does not apply" and 7 for "don't know"; roles are numbered the same way.
import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import { PRESETS } from "../presets.js";
import {
  type ExportLayout,
  lineProblems,
  missingTexts,
  optionTextLabels,
  type SurveyFormat,
  type SurveyItem,
  type SurveyPlan,
  type SurveyProblem,
} from "./plan.js";
import { rolesNote } from "./roles-note.js";
import type { SurveyFile } from "./types.js";

export function check(plan: SurveyPlan, format: SurveyFormat = "txt"): SurveyProblem[] {
  // The QSF is JSON: any text goes; the TXT is line-based with [[…]] markup.
  return format === "qsf"
    ? missingTexts(plan)
    : [...missingTexts(plan), ...lineProblems(plan, /\[\[/)];
}

const oneLine = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** The question text as shown, with the roles it is put to when not everyone. */
export const shownText = (plan: SurveyPlan, item: SurveyItem, lang: Lang) =>
  `${oneLine(item.text[lang])}${rolesNote(plan, item, lang)}`;

export async function files(plan: SurveyPlan, format: SurveyFormat = "txt"): Promise<SurveyFile[]> {
  if (format === "qsf") {
    const { renderQsf } = await import("./qualtrics-qsf.js");
    return [{ name: "qualtrics-survey.qsf", data: renderQsf(plan) }];
  }
  const lang = plan.langs[0] as Lang;
  const out: string[] = ["[[AdvancedFormat]]", ""];
  const question = (id: string, text: string, choices: string[]) => {
    out.push("[[Question:MC:SingleAnswer:Vertical]]", `[[ID:${id}]]`, text, "[[Choices]]");
    for (const c of choices) out.push(oneLine(c));
    out.push("");
  };
  out.push(`[[Block:${oneLine(plan.roleText[lang])}]]`, "");
  out.push("[[Question:DB]]", "[[ID:INTRO]]", messagesFor(lang).survey.intro, "");
  question(
    plan.roleCode,
    oneLine(plan.roleText[lang]),
    plan.roles.map((r) => r.text[lang] ?? r.role),
  );
  for (const dimension of plan.questionnaire.dimensions) {
    out.push(`[[Block:${oneLine(dimension.title[lang] ?? dimension.id)}]]`, "");
    for (const item of plan.items.filter((i) => i.dimension === dimension)) {
      question(
        item.code,
        shownText(plan, item, lang),
        item.options.map((o) => o.text[lang] ?? o.code),
      );
    }
  }
  return [{ name: "qualtrics-survey.txt", data: `${out.join("\n")}\n` }];
}

export function layout(plan: SurveyPlan): ExportLayout {
  return {
    preset: "qualtrics",
    idColumn: "ResponseId",
    roleColumn: plan.roleCode,
    column: (item) => item.code,
    roleValues: (r) => [String(plan.roles.indexOf(r) + 1)],
    exclude: PRESETS.qualtrics.exclude,
    labels: { "6": "na", "7": "unknown", ...optionTextLabels(plan) },
  };
}
