import { localize } from "../../../i18n/format.js";
import type { ReportContext } from "../context.js";
import type { CalibrationItem, ReportModel } from "../model.js";

/**
 * When every dimension a goal depends on reaches its target on the roadmap's projection (the
 * climb starts with each dimension's first action): the latest of their realistic dates. Null,
 * with the reason, when one of them is inconclusive (`unmeasured`) or has a gap the roadmap plans
 * no action on within the horizon (`unplanned`). A dimension already at its target adds nothing.
 */
export function realisticDateFor(
  ctx: Pick<ReportContext, "results" | "expectations">,
  dimensions: readonly string[],
): { date: string | null; unmeasured: string[]; unplanned: string[] } {
  let date: string | null = ctx.results.assessment.date;
  const unmeasured: string[] = [];
  const unplanned: string[] = [];
  for (const id of dimensions) {
    const d = ctx.results.dimensions.find((x) => x.id === id);
    const e = ctx.expectations.get(id);
    if (!d || d.score === null || !e) unmeasured.push(id);
    else if (e.realisticDate === null) unplanned.push(id);
    else if (date !== null && e.realisticDate > date) date = e.realisticDate;
  }
  if (unmeasured.length > 0 || unplanned.length > 0) date = null;
  return { date, unmeasured, unplanned };
}

/** The goals the executives stated, each set against the capability it depends on. */
function goalsOf(ctx: ReportContext): ReportModel["summary"]["calibration"]["goals"] {
  return (ctx.results.assessment.goals ?? []).map((goal) => {
    const { date: realisticDate, unmeasured, unplanned } = realisticDateFor(ctx, goal.dimensions);
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
        // An unmeasured dimension is the first thing to settle; the plan's gaps come after.
        unplanned: unmeasured.length > 0 ? [] : unplanned.map((id) => ctx.dimTitle.get(id) ?? id),
        feasible,
      }),
    };
  });
}

/**
 * Expectation calibration: the dimensions whose target the roadmap's projection does not reach by
 * the reassessment, which measures them (a target reached later in the horizon is still short
 * then), with the date it does and the score to expect at the reassessment (the same
 * projection, and the same score, the radar, the scorecard, the dimension sections and the roadmap
 * use: `ctx.expectations`).
 */
export function buildCalibration(ctx: ReportContext): ReportModel["summary"]["calibration"] {
  const { results, t, lang, horizon, monthsPerLevel } = ctx;
  const reassessment = ctx.dateText(ctx.weekDate(ctx.plan.reassessmentWeek));
  const items: CalibrationItem[] = results.dimensions.flatMap((d) => {
    const e = ctx.expectations.get(d.id);
    if (!e?.outOfReach || d.score === null || d.gap === null) return [];
    const title = localize(d.title, lang);
    const expected = e.atReassessment ?? d.score;
    return [
      {
        dimension: d.id,
        title,
        score: d.score,
        target: d.target,
        gap: d.gap,
        startWeek: e.startWeek,
        monthsNeeded: e.monthsNeeded,
        realisticDate: e.realisticDate,
        realisticDateText: e.realisticDate ? ctx.dateText(e.realisticDate) : ctx.L.nextCycle,
        expectedAtReassessment: expected,
        sentence: t.calibrationItem({
          title,
          score: d.score,
          target: d.target,
          start: e.startWeek === null ? null : e.startWeek + 1,
          months: e.monthsNeeded,
          date: e.realisticDate ? ctx.dateText(e.realisticDate) : null,
          horizon,
          expected,
          reassessment,
        }),
      },
    ];
  });
  return {
    title: t.section.calibration,
    horizonMonths: horizon,
    allReachable: items.length === 0,
    sentence: t.calibrationSentence({
      reassessment,
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
