// Paper, for workshops: a data-entry CSV template (one row per returned form: respondent number,
// role code, then the ticked option code of each item) that `batch` reads with the mapping
// written beside it, and the printable form with tick boxes (paper-pdf.ts).
import { stringify } from "csv-stringify/sync";
import {
  DK_CODE,
  type ExportLayout,
  missingTexts,
  NA_CODE,
  type SurveyPlan,
  type SurveyProblem,
} from "./plan.js";
import type { SurveyFile } from "./types.js";

export const RESPONDENT_COLUMN = "respondent";
export const ROLE_COLUMN = "role";

export function check(plan: SurveyPlan): SurveyProblem[] {
  return missingTexts(plan);
}

export async function files(plan: SurveyPlan): Promise<SurveyFile[]> {
  const header = [RESPONDENT_COLUMN, ROLE_COLUMN, ...plan.items.map((i) => i.code)];
  // pdfkit is loaded only for the paper form.
  const { renderPaperForm } = await import("./paper-pdf.js");
  return [
    { name: "paper-form.pdf", data: await renderPaperForm(plan) },
    { name: "paper-data-entry.csv", data: stringify([header], { record_delimiter: "\n" }) },
  ];
}

export function layout(_plan: SurveyPlan): ExportLayout {
  return {
    preset: "generic",
    idColumn: RESPONDENT_COLUMN,
    roleColumn: ROLE_COLUMN,
    column: (item) => item.code,
    roleValues: (r) => [r.code],
    labels: { [NA_CODE]: "na", [DK_CODE]: "unknown" },
  };
}
