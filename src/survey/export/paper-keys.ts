// What the paper form shows a respondent for data entry, and what the data-entry template heads
// its columns with. The respondent sees each question's number (`Q12`), never its item code; the
// template's column joins the number, which the person keying the forms looks for, to the item
// code, so a mapping written for another version of the questionnaire (its questions renumbered)
// finds no column rather than reading one question's answers as another's.
import type { SurveyItem, SurveyPlan } from "./plan.js";

/** The number of each item as the form prints it (`Q1`, `Q2`, … in the form's order). */
export function questionNumbers(plan: SurveyPlan): Map<SurveyItem, string> {
  return new Map(plan.items.map((item, i) => [item, `Q${i + 1}`]));
}

/** The data-entry template's column of each item: its number, then its item code (`Q12 leadceoownership`). */
export function entryColumns(plan: SurveyPlan): Map<SurveyItem, string> {
  const numbers = questionNumbers(plan);
  return new Map(plan.items.map((item) => [item, `${numbers.get(item)} ${item.code}`]));
}
