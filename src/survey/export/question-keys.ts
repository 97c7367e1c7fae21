// The question numbers a respondent reads in place of item codes: the paper form and Google Forms
// title each question `Q12 · wording`, never with its item code. The paper data-entry template's
// column joins the number, which the person keying the forms looks for, to the item code, so a
// mapping written for another version of the questionnaire (its questions renumbered) finds no
// column rather than reading one question's answers as another's.
import type { Lang } from "../../core/models/languages.js";
import { numberedTitle, questionNumber } from "../question-numbers.js";
import type { SurveyItem, SurveyPlan } from "./plan.js";
import { rolesNote } from "./roles-note.js";

/** The number of each item as the form prints it (`Q1`, `Q2`, … in the form's order). */
export function questionNumbers(plan: SurveyPlan): Map<SurveyItem, string> {
  return new Map(plan.items.map((item, i) => [item, questionNumber(i + 1)]));
}

/**
 * The title of each item as a respondent reads it: its number, its wording (passed through
 * `wording`, e.g. to keep it on one line) and the roles it is put to when not everyone.
 */
export function questionTitles(
  plan: SurveyPlan,
  lang: Lang,
  wording: (text: string) => string = (text) => text,
): Map<SurveyItem, string> {
  const numbers = questionNumbers(plan);
  return new Map(
    plan.items.map((item) => [
      item,
      numberedTitle(
        numbers.get(item) as string,
        `${wording(item.text[lang] ?? "")}${rolesNote(plan, item, lang)}`,
      ),
    ]),
  );
}

/** The data-entry template's column of each item: its number, then its item code (`Q12 leadceoownership`). */
export function entryColumns(plan: SurveyPlan): Map<SurveyItem, string> {
  const numbers = questionNumbers(plan);
  return new Map(plan.items.map((item) => [item, `${numbers.get(item)} ${item.code}`]));
}
