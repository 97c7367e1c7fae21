import { round2 } from "../../../core/math/numbers.js";
import { localize } from "../../../i18n/format.js";
import { dimensionFigures, pickOrNull, type ReportContext } from "../context.js";
import type { ProfileRow, ReportModel } from "../model.js";

/** The maturity profile: radar, gap bars and the per-dimension table with an overall row. */
export function buildProfile(ctx: ReportContext): ReportModel["profile"] {
  const { results, questionnaire, t, L, lang } = ctx;
  const rows: ProfileRow[] = results.dimensions.map((d) => ({
    dimension: d.id,
    title: localize(d.title, lang),
    ...dimensionFigures(ctx, d),
  }));
  const dimOrder = new Map(results.dimensions.map((d, i) => [d.id, i]));
  // An inconclusive dimension has no point on the radar: its axis is left out, never drawn at 0.
  const scored = rows.filter((r) => r.score !== null);
  const projected = scored.map((r) => ctx.expectations.get(r.dimension)?.atReassessment ?? r.score);
  const moves = ctx.plan.actions.length > 0 && projected.some((v, i) => v !== scored[i]?.score);
  const RADAR_MIN_AXES = 3;
  return {
    title: t.section.profile,
    intro: t.profileIntro({ radar: scored.length >= RADAR_MIN_AXES, projected: moves }),
    radar: {
      title: L.radarTitle,
      min: 0,
      max: Math.max(5, ...questionnaire.scale.map((s) => s.level)),
      axes: scored.map((r) => ({ id: r.dimension, label: r.title })),
      series: [
        { key: "current", label: L.current, values: scored.map((r) => r.score) },
        ...(moves
          ? [{ key: "projected" as const, label: L.expectedAtReassessment, values: projected }]
          : []),
        { key: "target", label: L.target, values: scored.map((r) => r.target) },
      ],
    },
    gapBars: {
      title: L.gapBarsTitle,
      max: Math.max(5, ...questionnaire.scale.map((s) => s.level)),
      bars: [...rows]
        .sort(
          (a, b) =>
            (b.gap ?? -1) - (a.gap ?? -1) ||
            (dimOrder.get(a.dimension) ?? 0) - (dimOrder.get(b.dimension) ?? 0),
        )
        .map((r) => ({
          dimension: r.dimension,
          label: r.title,
          current: r.score,
          target: r.target ?? 0,
          gap: r.gap,
        })),
    },
    rows,
    overall: {
      dimension: "overall",
      title: L.overall,
      pillar: null,
      pillarName: null,
      weight: round2(results.dimensions.reduce((s, d) => s + d.weight, 0)),
      score: results.overall.score,
      level: results.overall.level,
      levelName: pickOrNull(results.overall.levelName, lang),
      target: null,
      gap: null,
      coverage: results.overall.coverage,
      confidence: results.overall.confidence,
      confidenceName: ctx.confidenceName(results.overall.confidence),
    },
  };
}
