import path from "node:path";
import { loadReportInputs, type ReportInputs } from "../../src/app/load-inputs.js";
import type { RoadmapStrategy } from "../../src/core/analysis/roadmap.js";
import type { Questionnaire } from "../../src/core/questionnaire/types.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { buildReport } from "../../src/views/report/build.js";
import type { ReportKind, ReportLanguage, ReportModel } from "../../src/views/report/model.js";
import { goldenIn } from "./golden.js";

export const FIXTURES = path.join(import.meta.dirname, "../fixtures/report");
export const ACME = path.join(FIXTURES, "acme");
export const ACME_ANSWERS = [
  "answers/executives.yaml",
  "answers/frontline.yaml",
  "answers/it.yaml",
  "answers/managers.yaml",
];

let bundled: Questionnaire | undefined;
/** The bundled standard pack, loaded once. */
export function standardPack(): Questionnaire {
  bundled ??= resolveQuestionnaire();
  return bundled;
}

/** Loads report inputs from a fixture folder; fails the test on any error issue. */
export function loadInputs(
  dir: string,
  files: string[],
  opts: { targets?: Record<string, number>; horizonMonths?: number } = {},
): ReportInputs {
  const { value, issues } = loadReportInputs(files, standardPack(), { cwd: dir, ...opts });
  if (!value) throw new Error(`fixture failed to load: ${JSON.stringify(issues, null, 2)}`);
  return value;
}

/** The report model of the fixture client. */
export function acmeReport(
  opts: { lang?: ReportLanguage; kind?: ReportKind; strategy?: RoadmapStrategy } = {},
): ReportModel {
  const inputs = loadInputs(ACME, ACME_ANSWERS);
  return buildReport(inputs.results, standardPack(), { ...opts, respondents: inputs.respondents });
}

/** Compares with a golden file under test/golden/report/. */
export const expectGolden = goldenIn("report");
