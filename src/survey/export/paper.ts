// Paper, for workshops: a data-entry CSV template (one row per returned form: respondent number,
// role code, then the ticked option code of each question, in columns headed by the question's
// number and item code, question-keys.ts) that `batch` reads with the mapping written beside it, and
// the printable form with tick boxes: a PDF (paper-pdf.ts) or a Word document to edit before
// printing (paper-docx.ts), both numbering the questions Q1, Q2, … with the same option codes.
import { stringify } from "csv-stringify/sync";
import {
  DK_CODE,
  type ExportLayout,
  missingTexts,
  NA_CODE,
  type SurveyFormat,
  type SurveyPlan,
  type SurveyProblem,
} from "./plan.js";
import { entryColumns } from "./question-keys.js";
import type { SurveyFile } from "./types.js";

export const RESPONDENT_COLUMN = "respondent";
export const ROLE_COLUMN = "role";

export function check(plan: SurveyPlan): SurveyProblem[] {
  return missingTexts(plan);
}

export async function files(plan: SurveyPlan, format: SurveyFormat = "pdf"): Promise<SurveyFile[]> {
  const columns = entryColumns(plan);
  const header = [RESPONDENT_COLUMN, ROLE_COLUMN, ...plan.items.map((i) => columns.get(i))];
  // pdfkit and docx are loaded only for the paper form that needs them.
  const form =
    format === "docx"
      ? {
          name: "paper-form.docx",
          data: await (await import("./paper-docx.js")).renderPaperFormDocx(plan),
        }
      : {
          name: "paper-form.pdf",
          data: await (await import("./paper-pdf.js")).renderPaperForm(plan),
        };
  return [
    form,
    { name: "paper-data-entry.csv", data: stringify([header], { record_delimiter: "\n" }) },
  ];
}

export function layout(plan: SurveyPlan): ExportLayout {
  const columns = entryColumns(plan);
  return {
    preset: "generic",
    idColumn: RESPONDENT_COLUMN,
    roleColumn: ROLE_COLUMN,
    column: (item) => columns.get(item) as string,
    roleValues: (r) => [r.code],
    labels: { [NA_CODE]: "na", [DK_CODE]: "unknown" },
  };
}
