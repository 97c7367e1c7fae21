import { selectJudgement } from "../../../core/analysis/judgement.js";
import type { DimensionResult } from "../../../core/models/results.js";
import { localize } from "../../../i18n/labels.js";
import { pickOrNull, type ReportContext } from "../context.js";
import type { GapItem, ReportModel } from "../model.js";
import { buildCalibration } from "./calibration.js";

function topGaps(ctx: ReportContext): GapItem[] {
  const { results, t, lang } = ctx;
  const gapItems: GapItem[] = results.dimensions
    .filter((d): d is DimensionResult & { gap: number } => d.gap !== null && d.gap > 0)
    .map((d) => ({
      dimension: d.id,
      title: localize(d.title, lang),
      score: d.score,
      target: d.target,
      gap: d.gap,
      sentence: t.gapSentence({
        title: localize(d.title, lang),
        score: d.score,
        target: d.target,
        gap: d.gap,
      }),
    }));
  return [...gapItems].sort((a, b) => b.gap - a.gap).slice(0, 3);
}

/** The executive summary: overall score, readiness, top gaps and risks, calibration, judgement. */
export function buildSummary(ctx: ReportContext): ReportModel["summary"] {
  const { results, t, lang, client } = ctx;
  const gaps = topGaps(ctx);
  return {
    title: t.section.summary,
    overall: {
      score: results.overall.score,
      level: results.overall.level,
      levelName: pickOrNull(results.overall.levelName, lang),
      levelDescription: ctx.levelDescription(results.overall.level),
      coverage: results.overall.coverage,
      confidence: results.overall.confidence,
      confidenceName: ctx.confidenceName(results.overall.confidence),
      sentence: t.overallSentence({
        client,
        score: results.overall.score,
        level: results.overall.level,
        levelName: pickOrNull(results.overall.levelName, lang),
        coverage: results.overall.coverage,
        confidence: ctx.confidenceName(results.overall.confidence),
        respondents: results.overall.confidenceBasis.respondents,
        rolesPresent: results.overall.confidenceBasis.rolesPresent.length,
        rolesExpected: results.overall.confidenceBasis.rolesExpected.length,
      }),
    },
    readiness: {
      verdict: results.readiness.verdict,
      verdictName: t.verdict[results.readiness.verdict],
      sentence: t.readinessSentence[results.readiness.verdict],
      reasons: results.readiness.rules.map((r) =>
        t.readinessReason(localize(r.title, lang), pickOrNull(r.rationale, lang)),
      ),
    },
    topGaps: gaps,
    topGapsSentence: t.topGapsSentence(
      gaps.length,
      results.dimensions.filter((d) => d.score !== null).length,
    ),
    topRisks: ctx.sortedRisks.slice(0, 3).map((r) => ({
      id: r.id,
      title: localize(r.title, lang),
      severity: r.severity,
      severityName: t.severity[r.severity],
    })),
    topRisksSentence: t.topRisksSentence({
      total: results.risks.length,
      high: results.risks.filter((r) => r.severity === "high").length,
    }),
    calibration: buildCalibration(ctx),
    judgementTitle: ctx.L.judgement,
    judgement: selectJudgement(ctx.method?.judgement ?? [], results).map((sentences) =>
      sentences.map((s) => ctx.methodText(s)).join(t.sentenceJoin),
    ),
  };
}
