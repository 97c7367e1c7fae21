import type { ReportModel } from "../../views/report/model.js";

/** The report model as pretty-printed JSON (stable key order: the model's construction order). */
export function renderJson(report: ReportModel): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
