import type { DimensionResult } from "../../../core/models/results.js";
import { localize } from "../../../i18n/format.js";
import { dimensionFigures, type ReportContext } from "../context.js";
import type { DimensionDetail, QuestionBrief, ReportModel, RoadmapSection } from "../model.js";
import { attribution } from "./summary.js";

/**
 * Up to three strongest and three weakest answered questions, never the same question in both and
 * never a tie across the two lists: a question scoring the same as one on the other side is in
 * neither (with every question equal, both lists are empty).
 */
export function strongestAndWeakest(briefs: QuestionBrief[]) {
  const answered = briefs
    .map((b, i) => ({ b, i }))
    .filter((x): x is { b: QuestionBrief & { score: number }; i: number } => x.b.score !== null);
  const k = Math.min(3, Math.floor(answered.length / 2));
  const ascending = [...answered].sort((a, b) => a.b.score - b.b.score || a.i - b.i);
  const low = ascending.slice(0, k);
  const high = ascending.slice(ascending.length - k).reverse();
  const lowMax = Math.max(...low.map((x) => x.b.score));
  const highMin = Math.min(...high.map((x) => x.b.score));
  return {
    strongest: high.filter((x) => x.b.score > lowMax).map((x) => x.b),
    weakest: low.filter((x) => x.b.score < highMin).map((x) => x.b),
  };
}

/** When the target is not reached by the reassessment: the roadmap's realistic date for it. */
function expectationOf(ctx: ReportContext, id: string): DimensionDetail["expectation"] {
  const e = ctx.expectations.get(id);
  if (!e?.outOfReach || e.atReassessment === null) return null;
  return {
    startWeek: e.startWeek,
    monthsNeeded: e.monthsNeeded,
    realisticDate: e.realisticDate,
    sentence: ctx.t.expectationSentence({
      start: e.startWeek === null ? null : e.startWeek + 1,
      months: e.monthsNeeded,
      date: e.realisticDate ? ctx.dateText(e.realisticDate) : null,
      horizon: ctx.horizon,
      expected: e.atReassessment,
      reassessment: ctx.dateText(ctx.weekDate(ctx.plan.reassessmentWeek)),
    }),
  };
}

function buildDimensionDetail(
  ctx: ReportContext,
  d: DimensionResult,
  roadmap: RoadmapSection,
): DimensionDetail {
  const { t, questionText } = ctx;
  const title = localize(d.title, ctx.lang);
  const briefs: QuestionBrief[] = d.questions.map((q) => ({
    id: q.id,
    text: questionText(q.id),
    score: q.score,
    spread: q.spread,
    answered: q.answered,
    disagreement: q.disagreement,
    critical: ctx.questions.get(q.id)?.critical ?? false,
    reversed: ctx.questions.get(q.id)?.reversed ?? false,
  }));
  const { strongest, weakest } = strongestAndWeakest(briefs);
  const figures = dimensionFigures(ctx, d);
  return {
    id: d.id,
    title,
    description: ctx.dimDescription.get(d.id) ?? null,
    ...figures,
    summary: t.dimensionSummary({ title, ...figures, confidence: figures.confidenceName }),
    cappedBy:
      d.cappedBy && d.level !== null
        ? {
            question: d.cappedBy.question,
            questionText: questionText(d.cappedBy.question),
            score: d.cappedBy.score,
            sentence: t.cappedSentence({
              question: questionText(d.cappedBy.question),
              level: d.level,
              score: d.cappedBy.score,
            }),
          }
        : null,
    expectation: expectationOf(ctx, d.id),
    perceptionGap:
      d.perceptionGap && !ctx.singles.has("executive") && !ctx.singles.has("frontline")
        ? {
            ...d.perceptionGap,
            sentence: t.perceptionSentence({
              ...d.perceptionGap,
              onExperience: d.questions.some((q) => q.kind !== null),
            }),
          }
        : null,
    strongest,
    weakest,
    questions: briefs,
    notes: d.questions.flatMap((q) =>
      q.notes.map((n) => ({
        question: q.id,
        questionText: questionText(q.id),
        respondent: ctx.anonymize ? attribution(ctx, n.respondent, n.role) : n.respondent,
        role: n.role,
        roleName: ctx.singles.has(n.role) ? ctx.L.respondent : ctx.roleName(n.role),
        by: attribution(ctx, n.respondent, n.role),
        note: n.note ?? null,
        evidence: n.evidence ?? null,
      })),
    ),
    risks: ctx.results.risks.filter((r) => r.dimension === d.id).map((r) => r.id),
    actions: roadmap.actions.filter((a) => a.dimension === d.id).map((a) => a.id),
  };
}

/** One detail page per dimension, linked to its risks and to the roadmap's actions. */
export function buildDimensions(
  ctx: ReportContext,
  roadmap: RoadmapSection,
): ReportModel["dimensions"] {
  const items = ctx.results.dimensions.map((d) => buildDimensionDetail(ctx, d, roadmap));
  return {
    title: ctx.t.section.dimensions,
    // A survey's results hold no notes: the intro promises them only where there are some.
    intro: ctx.t.dimensionsIntro({ notes: items.some((i) => i.notes.length > 0) }),
    items,
  };
}
