// Google Forms has no import format: the survey is an Apps Script (script.google.com → New project,
// paste, run `buildForm`) that builds the form with FormApp. Each question is titled as on the
// paper form, its number then its wording (`Q12 · How does …`, question-keys.ts), never its item
// code; the role question by its wording alone. Google Forms exports each answer under its
// question's title and writes the chosen option's text, so the mapping keys columns by title (a
// title whose wording was edited in the form is still found by its number, survey/respondent.ts)
// and reads the texts.
import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import {
  ambiguousOptions,
  type ExportLayout,
  missingTexts,
  optionTextLabels,
  type SurveyPlan,
  type SurveyProblem,
} from "./plan.js";
import { questionTitles } from "./question-keys.js";
import type { SurveyFile } from "./types.js";

const oneLine = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** The titles the form shows, which are the response sheet's column headers. */
const titles = (plan: SurveyPlan, lang: Lang) => questionTitles(plan, lang, oneLine);
const roleTitle = (plan: SurveyPlan, lang: Lang) => oneLine(plan.roleText[lang]);

export function check(plan: SurveyPlan): SurveyProblem[] {
  return [...missingTexts(plan), ...ambiguousOptions(plan)];
}

export function files(plan: SurveyPlan): SurveyFile[] {
  const lang = plan.langs[0] as Lang;
  const js = (s: unknown) => JSON.stringify(s);
  const lines = [
    `// Builds the survey "${oneLine(plan.questionnaire.title[lang])}" in Google Forms.`,
    "// Written by `crm-maturity survey --platform google-forms`: open script.google.com, create a",
    "// project, paste this file, run buildForm and open the link it logs. Keep the number at the",
    "// start of each question's title (Q12 · ...) and the role question's title: the mapping written",
    "// beside this file finds the answers by them.",
    "function buildForm() {",
    `  var form = FormApp.create(${js(oneLine(plan.questionnaire.title[lang]))});`,
    `  form.setDescription(${js(messagesFor(lang).survey.intro)});`,
    "  form.setCollectEmail(false);",
    "  function choice(title, choices, required) {",
    "    form.addMultipleChoiceItem().setTitle(title).setChoiceValues(choices).setRequired(required);",
    "  }",
    `  choice(${js(roleTitle(plan, lang))}, ${js(plan.roles.map((r) => oneLine(r.text[lang])))}, true);`,
  ];
  const shown = titles(plan, lang);
  for (const dimension of plan.questionnaire.dimensions) {
    lines.push(
      `  form.addPageBreakItem().setTitle(${js(oneLine(dimension.title[lang] ?? dimension.id))});`,
    );
    for (const item of plan.items.filter((i) => i.dimension === dimension)) {
      lines.push(
        `  choice(${js(shown.get(item))}, ${js(item.options.map((o) => oneLine(o.text[lang])))}, false);`,
      );
    }
  }
  lines.push("  Logger.log(form.getEditUrl());", "}");
  return [{ name: "google-forms.gs", data: `${lines.join("\n")}\n` }];
}

export function layout(plan: SurveyPlan): ExportLayout {
  const lang = plan.langs[0] as Lang;
  const shown = titles(plan, lang);
  return {
    preset: "google-forms",
    roleColumn: roleTitle(plan, lang),
    column: (item) => shown.get(item) as string,
    roleValues: (r) => [oneLine(r.text[lang])],
    labels: optionTextLabels(plan),
  };
}
