import { SECTION_IDS } from "../../core/models/report-sections.js";
import type { Results } from "../../core/models/results.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { type BuildOptions, buildContext } from "./context.js";
import { REPORT_MODEL_VERSION, type ReportModel, type SectionId } from "./model.js";
import { buildAppendix } from "./sections/appendix.js";
import { buildCover, buildMeta } from "./sections/cover.js";
import { buildDecisions } from "./sections/decisions.js";
import { buildDimensions } from "./sections/dimensions.js";
import { buildKpis } from "./sections/kpis.js";
import { buildPerception } from "./sections/perception.js";
import { buildProfile } from "./sections/profile.js";
import { buildRisks } from "./sections/risks.js";
import { buildRoadmapSection } from "./sections/roadmap.js";
import { buildSummary } from "./sections/summary.js";

export type { BuildOptions } from "./context.js";
export { addDays } from "./context.js";

const REPORT_SECTIONS: SectionId[] = [...SECTION_IDS];
/** The board edition: what a board reads in one sitting, about eight pages. */
const BOARD_SECTIONS: SectionId[] = [
  "cover",
  "summary",
  "profile",
  "risks",
  "roadmap",
  "kpis",
  "decisions",
];
const ROADMAP_SECTIONS: SectionId[] = ["cover", "roadmap", "kpis"];
/** What the board edition keeps of the longer lists. */
const BOARD_RISKS = 5;
/** The risks the full edition argues one by one; the rest go into a compact table. */
const ARGUED_RISKS = 5;

/**
 * The full edition's appendix: method, scale, coverage, statistics and respondents; the
 * answer-by-answer record (the dimensions section quotes what matters) stays with the internal edition.
 */
function concise(
  appendix: ReportModel["appendix"],
  t: ReturnType<typeof buildContext>["t"],
): ReportModel["appendix"] {
  if (!appendix.answers.included) return appendix;
  return {
    ...appendix,
    answers: {
      ...appendix.answers,
      included: false,
      note: t.answersInWorkingPapers,
      dimensions: [],
    },
  };
}

function sectionsOf(ctx: ReturnType<typeof buildContext>): SectionId[] {
  if (ctx.kind === "roadmap") return ROADMAP_SECTIONS;
  return ctx.edition === "board" ? BOARD_SECTIONS : REPORT_SECTIONS;
}

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
  const sections = sectionsOf(ctx).filter((s) => s !== "perception" || perception.applicable);
  const board = ctx.edition === "board";
  const risks = buildRisks(ctx);
  const kpis = buildKpis(ctx, roadmap);
  return {
    schemaVersion: REPORT_MODEL_VERSION,
    kind: ctx.kind,
    edition: ctx.edition,
    anonymized: ctx.anonymize,
    lang: ctx.lang,
    sections,
    labels: ctx.L,
    meta,
    cover: buildCover(ctx, meta),
    summary: buildSummary(ctx),
    profile: buildProfile(ctx),
    dimensions: buildDimensions(ctx, roadmap),
    perception,
    // The board reads each risk and what is done about it; the reasoning stays in the full edition.
    risks: board
      ? {
          ...risks,
          items: risks.items
            .slice(0, BOARD_RISKS)
            .map((r) => ({ ...r, description: null, because: [] })),
        }
      : ctx.edition === "full"
        ? // The management team reads the top risks argued and the rest in a compact table.
          {
            ...risks,
            items: risks.items.slice(0, ARGUED_RISKS),
            others: {
              ...risks.others,
              intro: ctx.t.otherRisksIntro(risks.items.length - ARGUED_RISKS),
              items: risks.items.slice(ARGUED_RISKS),
            },
          }
        : risks,
    // The board reads how many actions wait for the next cycle (the calibration sentence); the
    // list with each reason stays in the full edition.
    roadmap: board ? { ...roadmap, backlog: { ...roadmap.backlog, items: [] } } : roadmap,
    // The board runs the programme by the scorecard; the full list stays in the full edition.
    kpis: board ? { ...kpis, rows: [] } : kpis,
    decisions: buildDecisions(ctx, roadmap),
    appendix: ctx.edition === "full" ? concise(buildAppendix(ctx), ctx.t) : buildAppendix(ctx),
  };
}
