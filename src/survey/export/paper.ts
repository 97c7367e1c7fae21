// Paper, for workshops: a data-entry CSV template (one row per returned form: respondent number,
// role code, then the ticked option code of each item) that `batch` reads with the mapping
// written beside it. The printable form itself is drawn by the PDF writer.
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

export function files(plan: SurveyPlan): SurveyFile[] {
  const header = [RESPONDENT_COLUMN, ROLE_COLUMN, ...plan.items.map((i) => i.code)];
  return [{ name: "paper-data-entry.csv", data: stringify([header], { record_delimiter: "\n" }) }];
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
