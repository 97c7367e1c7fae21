import { ceilTolerant, round2 } from "../../../core/math/numbers.js";
import type { Results } from "../../../core/models/results.js";
import { addMonths } from "../../../core/scoring/dates.js";
import { localize } from "../../../i18n/format.js";
import type { ReportContext } from "../context.js";
import type { CalibrationItem, ReportModel } from "../model.js";

/**
 * When every dimension a goal depends on reaches its target, at the questionnaire's pace (one
 * level per `monthsPerLevel` months from the assessment); null when one of them is inconclusive.
 * A dimension already at its target adds nothing.
 */
export function realisticDateFor(results: Results, dimensions: readonly string[]): string | null {
  const start = results.assessment.date;
  let realistic = start;
  for (const id of dimensions) {
    const d = results.dimensions.find((x) => x.id === id);
    if (!d || d.score === null) return null;
    const date = addMonths(
      start,
      ceilTolerant(Math.max(0, d.target - d.score) * results.monthsPerLevel),
    );
    if (date > realistic) realistic = date;
  }
  return realistic;
}

/** The goals the executives stated, each set against the capability it depends on. */
function goalsOf(ctx: ReportContext): ReportModel["summary"]["calibration"]["goals"] {
  return (ctx.results.assessment.goals ?? []).map((goal) => {
    const realisticDate = realisticDateFor(ctx.results, goal.dimensions);
    const feasible =
      realisticDate === null || goal.by === undefined ? null : realisticDate <= goal.by;
    return {
      text: goal.text,
      metric: goal.metric ?? null,
      target: goal.target ?? null,
      by: goal.by ?? null,
      dimensions: goal.dimensions,
      realisticDate,
      feasible,
      sentence: ctx.t.goalSentence({
        text: goal.text,
        metric: goal.metric ?? null,
        target: goal.target ?? null,
        by: goal.by ? ctx.dateText(goal.by) : null,
        dimensions: goal.dimensions.map((id) => ctx.dimTitle.get(id) ?? id),
        realistic: realisticDate ? ctx.dateText(realisticDate) : null,
        feasible,
      }),
    };
  });
}

/** Expectation calibration: dimensions whose target is out of reach within the horizon. */
export function buildCalibration(ctx: ReportContext): ReportModel["summary"]["calibration"] {
  const { results, t, lang, horizon, monthsPerLevel } = ctx;
  // What to expect by the end of the horizon is the roadmap's projection (the climb starts when the
  // dimension's first action does), the figure the radar and the scorecard show too.
  const atHorizon = ctx.plan.projections.at(-1)?.scores ?? {};
  const items: CalibrationItem[] = results.dimensions.flatMap((d) => {
    if (!d.expectationRisk || d.score === null || d.gap === null) return [];
    const reachable =
      atHorizon[d.id] ?? round2(Math.min(d.target, d.score + horizon / monthsPerLevel));
    const title = localize(d.title, lang);
    return [
      {
        dimension: d.id,
        title,
        score: d.score,
        target: d.target,
        gap: d.gap,
        monthsNeeded: d.expectationRisk.monthsNeeded,
        realisticDate: d.expectationRisk.realisticDate,
        realisticDateText: ctx.dateText(d.expectationRisk.realisticDate),
        reachableByHorizon: reachable,
        sentence: t.calibrationItem({
          title,
          score: d.score,
          target: d.target,
          months: d.expectationRisk.monthsNeeded,
          date: ctx.dateText(d.expectationRisk.realisticDate),
          horizon,
          reachable,
        }),
      },
    ];
  });
  return {
    title: t.section.calibration,
    horizonMonths: horizon,
    allReachable: items.length === 0,
    sentence: t.calibrationSentence({
      horizon,
      monthsPerLevel,
      outOfReach: items.length,
      total: results.dimensions.filter((d) => d.score !== null).length,
    }),
    items,
    goals: goalsOf(ctx),
    advice: ctx.method?.calibrationAdvice
      ? ctx.methodText(ctx.method.calibrationAdvice)
      : t.defaultCalibrationAdvice,
  };
}
