// Google Forms has no import format: the survey is an Apps Script (script.google.com → New project,
// paste, run `buildForm`) that builds the form with FormApp. Each question title starts with its
// item code (`leadceoownership · …`); Google Forms exports each answer under its question's title
// and writes the chosen option's text, so the mapping keys columns by title and reads the texts.
import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import {
  ambiguousOptions,
  type ExportLayout,
  missingTexts,
  optionTextLabels,
  type SurveyItem,
  type SurveyPlan,
  type SurveyProblem,
} from "./plan.js";
import { rolesNote } from "./roles-note.js";
import type { SurveyFile } from "./types.js";

const oneLine = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

const title = (plan: SurveyPlan, item: SurveyItem, lang: Lang) =>
  `${item.code} · ${oneLine(item.text[lang])}${rolesNote(plan, item, lang)}`;

export function check(plan: SurveyPlan): SurveyProblem[] {
  return [...missingTexts(plan), ...ambiguousOptions(plan)];
}

export function files(plan: SurveyPlan): SurveyFile[] {
  const lang = plan.langs[0] as Lang;
  const js = (s: unknown) => JSON.stringify(s);
  const lines = [
    `// Builds the survey "${oneLine(plan.questionnaire.title[lang])}" in Google Forms.`,
    "// Written by `crm-maturity survey --platform google-forms`: open script.google.com, create a",
    "// project, paste this file, run buildForm and open the link it logs. Do not edit the question",
    "// titles: the mapping written beside this file finds the answers by them.",
    "function buildForm() {",
    `  var form = FormApp.create(${js(oneLine(plan.questionnaire.title[lang]))});`,
    `  form.setDescription(${js(messagesFor(lang).survey.intro)});`,
    "  form.setCollectEmail(false);",
    "  function choice(title, choices, required) {",
    "    form.addMultipleChoiceItem().setTitle(title).setChoiceValues(choices).setRequired(required);",
    "  }",
    `  choice(${js(`${plan.roleCode} · ${oneLine(plan.roleText[lang])}`)}, ${js(plan.roles.map((r) => oneLine(r.text[lang])))}, true);`,
  ];
  for (const dimension of plan.questionnaire.dimensions) {
    lines.push(
      `  form.addPageBreakItem().setTitle(${js(oneLine(dimension.title[lang] ?? dimension.id))});`,
    );
    for (const item of plan.items.filter((i) => i.dimension === dimension)) {
      lines.push(
        `  choice(${js(title(plan, item, lang))}, ${js(item.options.map((o) => oneLine(o.text[lang])))}, false);`,
      );
    }
  }
  lines.push("  Logger.log(form.getEditUrl());", "}");
  return [{ name: "google-forms.gs", data: `${lines.join("\n")}\n` }];
}

export function layout(plan: SurveyPlan): ExportLayout {
  const lang = plan.langs[0] as Lang;
  return {
    preset: "google-forms",
    roleColumn: `${plan.roleCode} · ${oneLine(plan.roleText[lang])}`,
    column: (item) => title(plan, item, lang),
    roleValues: (r) => [oneLine(r.text[lang])],
    labels: optionTextLabels(plan),
  };
}
