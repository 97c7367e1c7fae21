import { round2 } from "../../../core/math/numbers.js";
import { localize } from "../../../i18n/format.js";
import type { ReportContext } from "../context.js";
import type { CalibrationItem, ReportModel } from "../model.js";

/** Expectation calibration: dimensions whose target is out of reach within the horizon. */
export function buildCalibration(ctx: ReportContext): ReportModel["summary"]["calibration"] {
  const { results, t, lang, horizon, monthsPerLevel } = ctx;
  const items: CalibrationItem[] = results.dimensions.flatMap((d) => {
    if (!d.expectationRisk || d.score === null || d.gap === null) return [];
    const reachable = round2(Math.min(d.target, d.score + horizon / monthsPerLevel));
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
    advice: ctx.method?.calibrationAdvice
      ? ctx.methodText(ctx.method.calibrationAdvice)
      : t.defaultCalibrationAdvice,
  };
}
