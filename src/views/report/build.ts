import { SECTION_IDS } from "../../core/models/report.js";
import type { Results } from "../../core/models/results.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { type BuildOptions, buildContext } from "./context.js";
import { REPORT_MODEL_VERSION, type ReportModel, type SectionId } from "./model.js";
import { buildAppendix } from "./sections/appendix.js";
import { buildCover, buildMeta } from "./sections/cover.js";
import { buildDimensions } from "./sections/dimensions.js";
import { buildKpis } from "./sections/kpis.js";
import { buildPerception } from "./sections/perception.js";
import { buildProfile } from "./sections/profile.js";
import { buildRisks } from "./sections/risks.js";
import { buildRoadmapSection } from "./sections/roadmap.js";
import { buildSummary } from "./sections/summary.js";

export type { BuildOptions } from "./context.js";
export { addDays } from "./sections/roadmap.js";

const REPORT_SECTIONS: SectionId[] = [...SECTION_IDS];
const ROADMAP_SECTIONS: SectionId[] = ["cover", "roadmap", "kpis"];

/**
 * Builds the report model from scored results: everything a renderer lays out, worded in one
 * language. Pure and deterministic (the only dates are the assessment's and those derived from it).
 */
export function buildReport(
  results: Results,
  questionnaire: Questionnaire,
  options: BuildOptions = {},
): ReportModel {
  const ctx = buildContext(results, questionnaire, options);
  const meta = buildMeta(ctx);
  const roadmap = buildRoadmapSection(ctx);
  const perception = buildPerception(ctx);
  const sections = (ctx.kind === "report" ? REPORT_SECTIONS : ROADMAP_SECTIONS).filter(
    (s) => s !== "perception" || perception.applicable,
  );
  return {
    schemaVersion: REPORT_MODEL_VERSION,
    kind: ctx.kind,
    lang: ctx.lang,
    sections,
    labels: ctx.L,
    meta,
    cover: buildCover(ctx, meta),
    summary: buildSummary(ctx),
    profile: buildProfile(ctx),
    dimensions: buildDimensions(ctx, roadmap),
    perception,
    risks: buildRisks(ctx),
    roadmap,
    kpis: buildKpis(ctx, roadmap),
    appendix: buildAppendix(ctx),
  };
}
