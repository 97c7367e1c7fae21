import { selectJudgement } from "../../../core/analysis/judgement.js";
import type { DimensionResult } from "../../../core/models/results.js";
import { CONFIDENCE_THRESHOLDS } from "../../../core/scoring/score.js";
import { forQuoting, localize } from "../../../i18n/format.js";
import { pickOrNull, type ReportContext } from "../context.js";
import type { GapItem, ReportModel, SummarySection } from "../model.js";
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

/** Questions and notes a finding quotes. */
const EVIDENCE_QUESTIONS = 2;
const NOTES_PER_QUESTION = 2;
/** Below this coverage (too little for even medium confidence) a finding says how little was answered. */
const THIN_COVERAGE = CONFIDENCE_THRESHOLDS.medium.coverage;

/**
 * Who said it: the role, and in the internal edition the name as well; anonymized, a role with one
 * respondent is not named at all.
 */
export function attribution(ctx: ReportContext, respondent: string, role: string): string {
  if (ctx.singles.has(role)) return ctx.L.respondent;
  const roleName = ctx.roleName(role);
  if (ctx.edition !== "internal" || ctx.anonymize) return roleName;
  const name = ctx.results.respondents.find((r) => r.id === respondent)?.name;
  return name ? `${name}${ctx.t.paren(roleName)}` : roleName;
}

/** The three largest gaps, each argued from its weakest answers and what was said about them. */
function findings(ctx: ReportContext, gaps: GapItem[]): SummarySection["findings"] {
  const { results, t } = ctx;
  return gaps.flatMap((g) => {
    const d = results.dimensions.find((x) => x.id === g.dimension);
    if (!d || d.score === null) return [];
    const weakest = d.questions
      .map((q, i) => ({ q, i }))
      .filter((x) => x.q.score !== null)
      .sort((a, b) => (a.q.score ?? 0) - (b.q.score ?? 0) || a.i - b.i)
      .slice(0, EVIDENCE_QUESTIONS);
    const finding = {
      title: g.title,
      score: d.score,
      target: d.target,
      level: d.level,
      thinCoverage: d.coverage !== null && d.coverage < THIN_COVERAGE ? d.coverage : null,
    };
    return [
      {
        dimension: d.id,
        title: g.title,
        sentence: t.findingSentence({ ...finding, answers: weakest.length }),
        statement: t.findingSentence({ ...finding, answers: 0 }),
        evidence: weakest.map(({ q }) => ({
          question: q.id,
          text: ctx.questionText(q.id),
          score: q.score,
          reversed: ctx.questions.get(q.id)?.reversed ?? false,
          notes: q.notes
            .filter((n) => n.note)
            .slice(0, NOTES_PER_QUESTION)
            .map((n) => ({
              by: attribution(ctx, n.respondent, n.role),
              text: forQuoting(n.note ?? ""),
            })),
        })),
      },
    ];
  });
}

/**
 * The scale's picture of the overall level, framed as the scale's general picture: it must never
 * stand as a finding over what the client's own answers and notes say.
 */
function portrait(ctx: ReportContext): string | null {
  const level = ctx.results.overall.level;
  const description = ctx.levelDescription(level);
  if (level === null || description === null) return null;
  return ctx.t.levelPortrait({ level, client: ctx.client, description });
}

/** The executive summary: overall score, readiness, top gaps and risks, calibration, judgement. */
export function buildSummary(ctx: ReportContext): ReportModel["summary"] {
  const { results, t, lang, client } = ctx;
  const gaps = topGaps(ctx);
  const argued = findings(ctx, gaps);
  return {
    title: t.section.summary,
    overall: {
      score: results.overall.score,
      level: results.overall.level,
      levelName: pickOrNull(results.overall.levelName, lang),
      levelDescription: portrait(ctx),
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
      sentence: t.readinessSentence[results.readiness.verdict](client),
      reasons: results.readiness.rules.map((r) =>
        t.readinessReason(localize(r.title, lang), pickOrNull(r.rationale, lang)),
      ),
      reasonTitles: results.readiness.rules.map((r) => localize(r.title, lang)),
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
    findingsTitle: t.findingsTitle(argued.length),
    findings: argued,
    judgement: selectJudgement(ctx.method?.judgement ?? [], results).map((sentences) =>
      sentences.map((s) => ctx.methodText(s)).join(t.sentenceJoin),
    ),
  };
}
