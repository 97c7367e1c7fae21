import {
  type PlannedAction,
  planRoadmap,
  type RoadmapStrategy,
} from "../../core/analysis/roadmap.js";
import type { AnswerValue, Respondent } from "../../core/answers/schema.js";
import { compareIds, round2 } from "../../core/math/numbers.js";
import type { DimensionResult, Results } from "../../core/models/results.js";
import type { Condition, LocalizedText } from "../../core/questionnaire/schema.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { compareText } from "../../core/text/compare.js";
import { localize } from "../../i18n/labels.js";
import { type LeafText, type ReportTexts, textsFor } from "../../i18n/report.js";
import {
  type AppendixDimensionAnswers,
  type CalibrationItem,
  type DimensionDetail,
  type GapItem,
  type KpiRow,
  type LabelValue,
  type ProfileRow,
  type QuestionBrief,
  REPORT_MODEL_VERSION,
  type ReportKind,
  type ReportLanguage,
  type ReportModel,
  type RiskItem,
  type RoadmapAction,
  type RoadmapPhaseView,
  type RoadmapReason,
  type RoadmapSection,
  type RoleCount,
  type SectionId,
  type SeverityId,
} from "./model.js";

/** What a report is built from besides the results. */
export interface BuildOptions {
  kind?: ReportKind;
  lang?: ReportLanguage;
  strategy?: RoadmapStrategy;
  /** Respondents with their answers (from answer files) for the appendix; omit for results JSON. */
  respondents?: readonly Respondent[] | undefined;
}

const REPORT_SECTIONS: SectionId[] = [
  "cover",
  "summary",
  "profile",
  "dimensions",
  "perception",
  "risks",
  "roadmap",
  "kpis",
  "appendix",
];
const ROADMAP_SECTIONS: SectionId[] = ["cover", "roadmap", "kpis"];
const SEVERITY_RANK: Record<SeverityId, number> = { high: 0, medium: 1, low: 2 };

const pickOrNull = (text: LocalizedText | null | undefined, lang: ReportLanguage) =>
  text ? localize(text, lang) : null;

/** `YYYY-MM-DD` plus whole days, in UTC so the result never depends on the machine's zone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
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
  const kind = options.kind ?? "report";
  const lang = options.lang ?? "en";
  const t = textsFor(lang);
  const L = t.labels;
  const roadmap = planRoadmap(results, questionnaire, { strategy: options.strategy });

  const questions = new Map<string, { text: string; critical: boolean; dimension: string }>();
  for (const d of questionnaire.dimensions) {
    for (const q of d.questions) {
      questions.set(q.id, {
        text: localize(q.text, lang),
        critical: q.critical === true,
        dimension: d.id,
      });
    }
  }
  const dimTitle = new Map(results.dimensions.map((d) => [d.id, localize(d.title, lang)]));
  const dimDescription = new Map(
    questionnaire.dimensions.map((d) => [d.id, pickOrNull(d.description, lang)]),
  );
  const roleNames = new Map(questionnaire.roles.map((r) => [r.id, localize(r.name, lang)]));
  const roleName = (id: string) => roleNames.get(id) ?? id;
  const riskDefs = new Map(questionnaire.risks.map((r) => [r.id, r]));
  const riskTitle = (id: string) => {
    const found = results.risks.find((r) => r.id === id);
    return found ? localize(found.title, lang) : localize(riskDefs.get(id)?.title, lang) || id;
  };
  const questionText = (id: string) => questions.get(id)?.text ?? id;
  const levelDescription = (level: number | null) =>
    level === null
      ? null
      : pickOrNull(questionnaire.scale.find((s) => s.level === level)?.description, lang);
  const confidenceName = (c: keyof typeof t.confidence | null) =>
    c === null ? null : t.confidence[c];
  const dateText = (iso: string) => t.dateText(iso);

  const client = results.assessment.client.name;
  const horizon = results.horizonMonths;
  const { monthsPerLevel } = results;
  const roles: RoleCount[] = Object.entries(results.respondentsByRole)
    .filter(([, n]) => n > 0)
    .map(([role, count]) => ({ role, name: roleName(role), count }));
  const strategy = roadmap.strategy;

  // ---- meta and cover
  const meta: ReportModel["meta"] = {
    title: t.title(kind),
    client: {
      name: client,
      industry: results.assessment.client.industry ?? null,
      size: results.assessment.client.size ?? null,
    },
    date: results.assessment.date,
    dateText: dateText(results.assessment.date),
    assessor: results.assessment.assessor,
    questionnaire: {
      id: results.questionnaire.id,
      version: results.questionnaire.version,
      title: localize(questionnaire.title, lang),
    },
    horizonMonths: horizon,
    monthsPerLevel,
    strategy,
    strategyName: t.strategyName[strategy],
    source: options.respondents ? "answers" : "results",
    respondentCount: results.respondents.length,
    roles,
    header: t.cover.header(client, kind),
    footer: t.footer(dateText(results.assessment.date)),
    pageNumber: t.pageNumber,
  };
  const fields: LabelValue[] = [{ label: L.client, value: client }];
  if (meta.client.industry) fields.push({ label: L.industry, value: meta.client.industry });
  if (meta.client.size) fields.push({ label: L.size, value: meta.client.size });
  fields.push(
    { label: L.date, value: meta.dateText },
    { label: L.assessor, value: meta.assessor },
    {
      label: L.questionnaire,
      value: `${meta.questionnaire.title}${t.paren(`${meta.questionnaire.id} ${meta.questionnaire.version}`)}`,
    },
    {
      label: L.respondents,
      value:
        roles.length > 0
          ? `${meta.respondentCount}${t.paren(roles.map((r) => `${r.name} ${r.count}`).join(t.sep))}`
          : String(meta.respondentCount),
    },
    { label: L.horizon, value: `${horizon} ${L.monthsUnit}` },
    { label: L.strategy, value: meta.strategyName },
  );
  const cover: ReportModel["cover"] = {
    title: meta.title,
    subtitle: client,
    fields,
    notice: t.cover.notice(client),
  };

  // ---- roadmap (needed by dimensions, risks and KPIs)
  const roadmapSection = buildRoadmapSection(results, roadmap.actions, roadmap, t, {
    lang,
    dimTitle,
    roleName,
    riskTitle,
    titleOf: (id) =>
      localize(questionnaire.recommendations.find((r) => r.id === id)?.title, lang) || id,
  });

  // ---- executive summary
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
  const topGaps = [...gapItems].sort((a, b) => b.gap - a.gap).slice(0, 3);
  const sortedRisks = results.risks
    .map((r, i) => ({ r, i }))
    .sort((a, b) => SEVERITY_RANK[a.r.severity] - SEVERITY_RANK[b.r.severity] || a.i - b.i)
    .map(({ r }) => r);
  const calibrationItems: CalibrationItem[] = results.dimensions.flatMap((d) => {
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
        realisticDateText: dateText(d.expectationRisk.realisticDate),
        reachableByHorizon: reachable,
        sentence: t.calibrationItem({
          title,
          score: d.score,
          target: d.target,
          months: d.expectationRisk.monthsNeeded,
          date: dateText(d.expectationRisk.realisticDate),
          horizon,
          reachable,
        }),
      },
    ];
  });
  const leadershipDim = results.dimensions.find((d) => d.id === "leadership" && d.score !== null);
  const summary: ReportModel["summary"] = {
    title: t.section.summary,
    overall: {
      score: results.overall.score,
      level: results.overall.level,
      levelName: pickOrNull(results.overall.levelName, lang),
      levelDescription: levelDescription(results.overall.level),
      coverage: results.overall.coverage,
      confidence: results.overall.confidence,
      confidenceName: confidenceName(results.overall.confidence),
      sentence: t.overallSentence({
        client,
        score: results.overall.score,
        level: results.overall.level,
        levelName: pickOrNull(results.overall.levelName, lang),
        coverage: results.overall.coverage,
        confidence: confidenceName(results.overall.confidence),
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
    topGaps,
    topGapsSentence: t.topGapsSentence(
      topGaps.length,
      results.dimensions.filter((d) => d.score !== null).length,
    ),
    topRisks: sortedRisks.slice(0, 3).map((r) => ({
      id: r.id,
      title: localize(r.title, lang),
      severity: r.severity,
      severityName: t.severity[r.severity],
    })),
    topRisksSentence: t.topRisksSentence({
      total: results.risks.length,
      high: results.risks.filter((r) => r.severity === "high").length,
    }),
    calibration: {
      title: t.section.calibration,
      horizonMonths: horizon,
      allReachable: calibrationItems.length === 0,
      sentence: t.calibrationSentence({
        horizon,
        monthsPerLevel,
        outOfReach: calibrationItems.length,
        total: results.dimensions.filter((d) => d.score !== null).length,
      }),
      items: calibrationItems,
      advice: t.calibrationAdvice,
    },
    judgementTitle: L.judgement,
    judgement: t.judgement({
      verdict: results.readiness.verdict,
      leadership:
        leadershipDim && leadershipDim.score !== null
          ? { title: localize(leadershipDim.title, lang), score: leadershipDim.score }
          : null,
    }),
  };

  // ---- profile
  // The figures every view of a dimension shows, in the report's language.
  const figuresOf = (d: (typeof results.dimensions)[number]) => ({
    pillar: d.pillar,
    pillarName: t.pillar[d.pillar],
    weight: d.weight,
    score: d.score,
    level: d.level,
    levelName: pickOrNull(d.levelName, lang),
    target: d.target,
    gap: d.gap,
    coverage: d.coverage,
    confidence: d.confidence,
    confidenceName: confidenceName(d.confidence),
  });
  const rows: ProfileRow[] = results.dimensions.map((d) => ({
    dimension: d.id,
    title: localize(d.title, lang),
    ...figuresOf(d),
  }));
  const dimOrder = new Map(results.dimensions.map((d, i) => [d.id, i]));
  const profile: ReportModel["profile"] = {
    title: t.section.profile,
    intro: t.profileIntro,
    radar: {
      title: L.radarTitle,
      min: 0,
      max: Math.max(5, ...questionnaire.scale.map((s) => s.level)),
      axes: rows.map((r) => ({ id: r.dimension, label: r.title })),
      series: [
        { key: "current", label: L.current, values: rows.map((r) => r.score) },
        { key: "target", label: L.target, values: rows.map((r) => r.target) },
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
      confidenceName: confidenceName(results.overall.confidence),
    },
  };

  // ---- dimensions
  const items: DimensionDetail[] = results.dimensions.map((d) => {
    const title = localize(d.title, lang);
    const briefs: QuestionBrief[] = d.questions.map((q) => ({
      id: q.id,
      text: questionText(q.id),
      score: q.score,
      spread: q.spread,
      answered: q.answered,
      disagreement: q.disagreement,
      critical: questions.get(q.id)?.critical ?? false,
    }));
    const answered = briefs
      .map((b, i) => ({ b, i }))
      .filter((x): x is { b: QuestionBrief & { score: number }; i: number } => x.b.score !== null);
    const k = Math.min(3, Math.floor(answered.length / 2));
    const strongest = [...answered]
      .sort((a, b) => b.b.score - a.b.score || a.i - b.i)
      .slice(0, k)
      .map((x) => x.b);
    const weakest = [...answered]
      .sort((a, b) => a.b.score - b.b.score || a.i - b.i)
      .slice(0, k)
      .map((x) => x.b);
    const figures = figuresOf(d);
    return {
      id: d.id,
      title,
      description: dimDescription.get(d.id) ?? null,
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
      expectation: d.expectationRisk
        ? {
            monthsNeeded: d.expectationRisk.monthsNeeded,
            realisticDate: d.expectationRisk.realisticDate,
            sentence: t.expectationSentence({
              months: d.expectationRisk.monthsNeeded,
              date: dateText(d.expectationRisk.realisticDate),
              horizon,
            }),
          }
        : null,
      perceptionGap: d.perceptionGap
        ? { ...d.perceptionGap, sentence: t.perceptionSentence(d.perceptionGap) }
        : null,
      strongest,
      weakest,
      questions: briefs,
      notes: d.questions.flatMap((q) =>
        q.notes.map((n) => ({
          question: q.id,
          questionText: questionText(q.id),
          respondent: n.respondent,
          role: n.role,
          roleName: roleName(n.role),
          note: n.note ?? null,
          evidence: n.evidence ?? null,
        })),
      ),
      risks: results.risks.filter((r) => r.dimension === d.id).map((r) => r.id),
      actions: roadmapSection.actions.filter((a) => a.dimension === d.id).map((a) => a.id),
    };
  });

  // ---- perception
  const perception: ReportModel["perception"] = {
    title: t.section.perception,
    applicable: roles.length >= 2,
    intro: t.perceptionIntro(roles.length >= 2),
    byRole: {
      roles,
      rows: results.dimensions.map((d) => ({
        dimension: d.id,
        title: localize(d.title, lang),
        scores: roles.map((r) => d.byRole[r.role] ?? null),
      })),
    },
    gaps: results.perceptionGaps.map((g) => ({
      ...g,
      title: dimTitle.get(g.dimension) ?? g.dimension,
      sentence: t.perceptionGapSentence({ ...g, title: dimTitle.get(g.dimension) ?? g.dimension }),
    })),
    disagreements: results.disagreements.map((g) => ({
      ...g,
      dimensionTitle: dimTitle.get(g.dimension) ?? g.dimension,
      questionText: questionText(g.question),
    })),
  };

  // ---- risks
  const counts: Record<SeverityId, number> = { high: 0, medium: 0, low: 0 };
  for (const r of results.risks) counts[r.severity]++;
  const leafText = (finding: {
    condition: Condition;
    holds: boolean;
    value: number | boolean | null;
    text: string;
  }): string => {
    const c = finding.condition;
    // Findings are leaves by contract; a composite (hand-edited results file) keeps its own text.
    if ("all" in c || "any" in c || "not" in c) return finding.text;
    const value = typeof finding.value === "number" ? finding.value : null;
    const base = { holds: finding.holds };
    let leaf: LeafText;
    if ("dimension" in c) {
      leaf = { ...base, kind: "dimension", name: dimTitle.get(c.dimension) ?? c.dimension, value };
      if (c.below !== undefined) leaf.below = c.below;
      if (c.atLeast !== undefined) leaf.atLeast = c.atLeast;
    } else if ("question" in c) {
      leaf = { ...base, kind: "question", name: questionText(c.question), value };
      if (c.atMost !== undefined) leaf.atMost = c.atMost;
      if (c.atLeast !== undefined) leaf.atLeast = c.atLeast;
    } else if ("overall" in c) {
      leaf = { ...base, kind: "overall", value };
      if (c.overall.below !== undefined) leaf.below = c.overall.below;
      if (c.overall.atLeast !== undefined) leaf.atLeast = c.overall.atLeast;
    } else if ("perceptionGap" in c) {
      leaf = {
        ...base,
        kind: "perceptionGap",
        name: dimTitle.get(c.perceptionGap.dimension) ?? c.perceptionGap.dimension,
        value,
        atLeast: c.perceptionGap.atLeast,
      };
    } else if ("coverage" in c) {
      const dim = c.coverage.dimension;
      leaf = {
        ...base,
        kind: "coverage",
        name: dim === undefined ? null : (dimTitle.get(dim) ?? dim),
        value,
        below: c.coverage.below,
      };
    } else {
      leaf = { ...base, kind: "risk", name: riskTitle(c.risk) };
    }
    return t.leaf(leaf);
  };
  const riskItems: RiskItem[] = sortedRisks.map((r) => ({
    id: r.id,
    title: localize(r.title, lang),
    description: pickOrNull(riskDefs.get(r.id)?.description, lang),
    severity: r.severity,
    severityName: t.severity[r.severity],
    dimension: r.dimension,
    dimensionTitle: r.dimension === null ? null : (dimTitle.get(r.dimension) ?? r.dimension),
    mitigation: pickOrNull(r.mitigation, lang),
    because: r.because.map(leafText),
    mitigatedBy: roadmap.actions
      .filter((a) => a.recommendation.mitigates.includes(r.id))
      .map((a) => a.recommendation.id),
  }));
  const risks: ReportModel["risks"] = {
    title: t.section.risks,
    intro: t.risksIntro(counts),
    counts,
    items: riskItems,
  };

  // ---- KPI scorecard
  const kpiRows: KpiRow[] = t.standardKpis.map((k) => ({
    ...k,
    phase: null,
    phaseName: null,
    owner: null,
    ownerName: null,
    source: "standard",
    sourceName: t.kpiSource.standard,
    actions: [],
  }));
  const planKpis = new Map<string, KpiRow>();
  for (const a of roadmapSection.actions) {
    for (const kpi of a.kpis) {
      const existing = planKpis.get(kpi);
      if (existing) {
        existing.actions.push(a.id);
        continue;
      }
      planKpis.set(kpi, {
        kpi,
        measure: t.planKpiMeasure(a.title),
        frequency: t.planKpiFrequency,
        phase: a.phase,
        phaseName: a.phaseName,
        owner: a.owner,
        ownerName: a.ownerName,
        source: "plan",
        sourceName: t.kpiSource.plan,
        actions: [a.id],
      });
    }
  }
  const kpis: ReportModel["kpis"] = {
    title: t.section.kpis,
    intro: t.kpiIntro,
    principles: t.kpiPrinciples,
    rows: [...kpiRows, ...planKpis.values()],
  };

  // ---- appendix
  const respondents = options.respondents;
  const appendixAnswers: AppendixDimensionAnswers[] = respondents
    ? buildAppendixAnswers(questionnaire, respondents, lang, t, roleName)
    : [];
  const appendix: ReportModel["appendix"] = {
    title: t.section.appendix,
    method: {
      title: t.section.method,
      paragraphs: t.methodParagraphs({ monthsPerLevel, horizon }),
    },
    scale: {
      title: t.section.scale,
      levels: questionnaire.scale.map((s) => ({
        level: s.level,
        name: localize(s.name, lang),
        description: localize(s.description, lang),
      })),
    },
    coverage: {
      title: t.section.coverage,
      intro: t.coverageIntro,
      rows: results.dimensions.map((d) => ({
        dimension: d.id,
        title: localize(d.title, lang),
        answeredWeight: d.answeredWeight,
        applicableWeight: d.applicableWeight,
        coverage: d.coverage,
        confidence: d.confidence,
        confidenceName: confidenceName(d.confidence),
      })),
      overall: {
        coverage: results.overall.coverage,
        confidence: results.overall.confidence,
        confidenceName: confidenceName(results.overall.confidence),
      },
    },
    respondents: {
      title: t.section.respondents,
      items: results.respondents.map((r) => ({
        id: r.id,
        name: r.name ?? null,
        role: r.role,
        roleName: roleName(r.role),
      })),
    },
    answers: {
      title: t.section.answers,
      included: respondents !== undefined,
      note: respondents !== undefined ? t.answersIncluded : t.answersNotIncluded,
      dimensions: appendixAnswers,
    },
  };

  const sections = (kind === "report" ? REPORT_SECTIONS : ROADMAP_SECTIONS).filter(
    (s) => s !== "perception" || perception.applicable,
  );

  return {
    schemaVersion: REPORT_MODEL_VERSION,
    kind,
    lang,
    sections,
    labels: L,
    meta,
    cover,
    summary,
    profile,
    dimensions: { title: t.section.dimensions, intro: t.dimensionsIntro, items },
    perception,
    risks,
    roadmap: roadmapSection,
    kpis,
    appendix,
  };
}

interface RoadmapContext {
  lang: ReportLanguage;
  dimTitle: Map<string, string>;
  roleName: (id: string) => string;
  riskTitle: (id: string) => string;
  titleOf: (id: string) => string;
}

function buildRoadmapSection(
  results: Results,
  planned: PlannedAction[],
  plan: ReturnType<typeof planRoadmap>,
  t: ReportTexts,
  ctx: RoadmapContext,
): RoadmapSection {
  const { lang } = ctx;
  const start = results.assessment.date;
  const weekDate = (week: number) => addDays(start, week * 7);
  // The last day of a span of weeks (inclusive), so a table never shows the next span's start.
  const lastDay = (from: number, to: number) =>
    to > from ? addDays(start, to * 7 - 1) : weekDate(from);
  const dims = new Map(results.dimensions.map((d) => [d.id, d]));

  const actions: RoadmapAction[] = planned.map((a) => {
    const rec = a.recommendation;
    const reasons: RoadmapReason[] = a.reasons.map((r) => {
      if (r.kind === "gap") {
        return {
          kind: "gap",
          ref: r.dimension,
          text: t.reasonGap({
            dimension: ctx.dimTitle.get(r.dimension) ?? r.dimension,
            level: r.level,
            appliesBelow: r.appliesBelow,
            gap: r.gap,
          }),
        };
      }
      if (r.kind === "risk") {
        return { kind: "risk", ref: r.risk, text: t.reasonRisk(ctx.riskTitle(r.risk)) };
      }
      return { kind: "dependency", ref: r.of, text: t.reasonDependency(ctx.titleOf(r.of)) };
    });
    const texts = reasons.filter((r) => r.kind === "gap").map((r) => r.text);
    const risksFor = a.reasons.flatMap((r) => (r.kind === "risk" ? [ctx.riskTitle(r.risk)] : []));
    if (risksFor.length > 0) texts.push(t.reasonRisks(risksFor));
    const needed = a.reasons.flatMap((r) => (r.kind === "dependency" ? [ctx.titleOf(r.of)] : []));
    if (needed.length > 0) texts.push(t.reasonDependencies(needed));
    if (a.pushedBy !== null) {
      texts.push(t.reasonPushed({ phase: t.phase[a.phase], action: ctx.titleOf(a.pushedBy) }));
    }
    return {
      id: rec.id,
      title: localize(rec.title, lang),
      description: rec.description ? localize(rec.description, lang) : null,
      phase: a.phase,
      phaseName: t.phase[a.phase],
      dimension: rec.dimension,
      dimensionTitle: ctx.dimTitle.get(rec.dimension) ?? rec.dimension,
      pillar: a.pillar,
      pillarName: t.pillar[a.pillar],
      owner: rec.owner,
      ownerName: ctx.roleName(rec.owner),
      weeks: rec.weeks,
      startWeek: a.startWeek,
      endWeek: a.endWeek,
      startDate: weekDate(a.startWeek),
      endDate: lastDay(a.startWeek, a.endWeek),
      lane: a.lane,
      priority: a.priority,
      steps: rec.actions.map((s) => localize(s, lang)),
      kpis: rec.kpis.map((k) => localize(k, lang)),
      dependsOn: rec.dependsOn.filter((d) => planned.some((p) => p.recommendation.id === d)),
      reasons,
      reasonText: lang === "en" ? texts.join(" ") : texts.join(""),
    };
  });
  const byId = new Map(actions.map((a) => [a.id, a]));

  const phases: RoadmapPhaseView[] = plan.phases.map((p) => {
    const members = p.actions.map((id) => byId.get(id)).filter((a) => a !== undefined);
    const owners: RoleCount[] = [];
    for (const a of members) {
      const o = owners.find((x) => x.role === a.owner);
      if (o) o.count++;
      else owners.push({ role: a.owner, name: a.ownerName, count: 1 });
    }
    const kpis: string[] = [];
    for (const a of members) for (const k of a.kpis) if (!kpis.includes(k)) kpis.push(k);
    const touched: { title: string; target: number; interim: number }[] = [];
    const seen = new Set<string>();
    for (const a of members) {
      if (seen.has(a.dimension)) continue;
      seen.add(a.dimension);
      const d = dims.get(a.dimension);
      if (!d || d.level === null || d.gap === null || d.gap <= 0) continue;
      touched.push({
        title: a.dimensionTitle,
        target: d.target,
        interim: Math.min(d.target, d.level + 1),
      });
    }
    return {
      phase: p.phase,
      name: t.phase[p.phase],
      goal: t.phaseGoal[p.phase],
      startWeek: p.startWeek,
      endWeek: p.endWeek,
      startDate: weekDate(p.startWeek),
      endDate: lastDay(p.startWeek, p.endWeek),
      actions: p.actions,
      owners,
      kpis,
      exitCriteria:
        members.length === 0
          ? [t.noActionsInPhase]
          : t.exitCriteria(p.phase, { dimensions: touched, weeks: p.endWeek - p.startWeek }),
    };
  });

  const milestoneDate = weekDate(plan.reassessmentWeek);
  const outOfReach = results.dimensions
    .filter((d) => d.expectationRisk !== null)
    .map((d) => ctx.dimTitle.get(d.id) ?? d.id);
  const horizon = results.horizonMonths;
  return {
    title: t.section.roadmap,
    intro: t.roadmapIntro,
    strategy: plan.strategy,
    strategyName: t.strategyName[plan.strategy],
    strategySentence: t.strategySentence[plan.strategy],
    startDate: start,
    startDateText: t.dateText(start),
    totalWeeks: plan.totalWeeks,
    phases,
    actions,
    milestone: {
      label: t.milestoneLabel,
      week: plan.reassessmentWeek,
      date: milestoneDate,
      dateText: t.dateText(milestoneDate),
      sentence: t.milestoneSentence({
        week: plan.reassessmentWeek + 1,
        date: t.dateText(milestoneDate),
      }),
    },
    cycle: t.cycle,
    calibration:
      actions.length === 0
        ? ""
        : t.planCalibration({
            weeks: plan.totalWeeks,
            months: Math.round((plan.totalWeeks * 12) / 52),
            end: t.dateText(weekDate(plan.totalWeeks)),
            horizon,
            outOfReach,
          }),
    empty: actions.length === 0 ? t.emptyRoadmap : null,
    timeline: {
      title: t.labels.timelineTitle,
      totalWeeks: plan.reassessmentWeek,
      startDate: start,
      phases: phases.map((p) => ({
        phase: p.phase,
        label: p.name,
        startWeek: p.startWeek,
        endWeek: p.endWeek,
      })),
      bars: actions.map((a) => ({
        id: a.id,
        label: a.title,
        phase: a.phase,
        lane: a.lane,
        startWeek: a.startWeek,
        endWeek: a.endWeek,
      })),
      milestones: [{ label: t.milestoneLabel, week: plan.reassessmentWeek }],
    },
  };
}

function answerParts(value: AnswerValue): {
  value: number | "na" | "unknown";
  note: string | null;
  evidence: string | null;
} {
  if (typeof value === "object") {
    return { value: value.value, note: value.note ?? null, evidence: value.evidence ?? null };
  }
  return { value, note: null, evidence: null };
}

function buildAppendixAnswers(
  questionnaire: Questionnaire,
  respondents: readonly Respondent[],
  lang: ReportLanguage,
  t: ReportTexts,
  roleName: (id: string) => string,
): AppendixDimensionAnswers[] {
  const ordered = [...respondents].sort(
    (a, b) =>
      compareIds(a.id, b.id) ||
      compareIds(a.role, b.role) ||
      compareText(a.name ?? "", b.name ?? ""),
  );
  const all = questionnaire.dimensions.map((d) => ({
    dimension: d.id,
    title: localize(d.title, lang),
    questions: d.questions.map((q) => ({
      id: q.id,
      text: localize(q.text, lang),
      answers: ordered.flatMap((r) => {
        if (!Object.hasOwn(r.answers, q.id)) return [];
        const raw = r.answers[q.id];
        if (raw === undefined) return [];
        const parts = answerParts(raw);
        return [
          {
            respondent: r.id,
            role: r.role,
            roleName: roleName(r.role),
            value: parts.value,
            valueText:
              parts.value === "na"
                ? t.answerValue.na
                : parts.value === "unknown"
                  ? t.answerValue.unknown
                  : String(parts.value),
            note: parts.note,
            evidence: parts.evidence,
          },
        ];
      }),
    })),
  }));
  // Only what was answered: a question nobody was asked would be an empty table row.
  return all
    .map((d) => ({ ...d, questions: d.questions.filter((q) => q.answers.length > 0) }))
    .filter((d) => d.questions.length > 0);
}
