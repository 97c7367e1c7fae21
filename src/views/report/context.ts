import { planRoadmap, projectionAt, type RoadmapStrategy } from "../../core/analysis/roadmap.js";
import type { Respondent } from "../../core/answers/schema.js";
import { ceilTolerant, greaterThan } from "../../core/math/numbers.js";
import type { DimensionResult, Results, RiskResult } from "../../core/models/results.js";
import type { LocalizedText, Methodology } from "../../core/questionnaire/schema.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { addMonths } from "../../core/scoring/dates.js";
import { fillPlaceholders } from "../../core/text/placeholders.js";
import { clientPossessive, fmtScore, localize } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import type { ReportMessages } from "../../i18n/messages.js";
import type { Edition, ReportKind, ReportLanguage, RoleCount, SeverityId } from "./model.js";

/** What a report is built from besides the results. */
export interface BuildOptions {
  kind?: ReportKind;
  lang?: ReportLanguage;
  strategy?: RoadmapStrategy;
  /** `full` by default; `board` is short, `internal` names who said what. */
  edition?: Edition;
  /** Roles only: no names, no breakdown that would single out one respondent. */
  anonymize?: boolean;
  /** Respondents with their answers (from answer files) for the appendix; omit for results JSON. */
  respondents?: readonly Respondent[] | undefined;
}

type ConfidenceKey = keyof ReportMessages["confidence"];

/**
 * What the roadmap expects of one dimension, dated: the plan's outlook (`DimensionOutlook` in
 * src/core/analysis/roadmap.ts) on the report's calendar. Calibration, the dimension sections, the
 * roadmap's and the decisions' sentences all read it, so they never name different dates.
 */
export interface DimensionExpectation {
  /** The week (0-based) its first planned action starts; null when this cycle plans none on it. */
  startWeek: number | null;
  /** The week its projection reaches the target; null when inconclusive or unplanned. */
  targetWeek: number | null;
  /** Whole months from the assessment until `targetWeek` (rounded up); null when it is null. */
  monthsNeeded: number | null;
  /** The assessment date plus `monthsNeeded` months; null when that is null. */
  realisticDate: string | null;
  /**
   * It has a gap the plan does not close by the reassessment, the day it is measured (a target
   * reached later in the horizon is still short then, as `atReassessment` shows).
   */
  outOfReach: boolean;
  /**
   * Its projected score at the reassessment, which measures it: the one score the report expects
   * of it (the scorecard's target, the radar's projection, the calibration's expected score); null
   * when inconclusive.
   */
  atReassessment: number | null;
}

/** Everything the section builders share: inputs, texts in one language, lookups and the plan. */
export interface ReportContext {
  results: Results;
  questionnaire: Questionnaire;
  kind: ReportKind;
  edition: Edition;
  anonymize: boolean;
  lang: ReportLanguage;
  t: ReportMessages;
  L: ReportMessages["labels"];
  plan: ReturnType<typeof planRoadmap>;
  respondents: readonly Respondent[] | undefined;
  client: string;
  horizon: number;
  monthsPerLevel: number;
  roles: RoleCount[];
  /** Anonymized reports hide what would single out one person: roles with one respondent. */
  singles: ReadonlySet<string>;
  sortedRisks: RiskResult[];
  questions: Map<string, { text: string; critical: boolean; reversed: boolean; dimension: string }>;
  dimTitle: Map<string, string>;
  dimDescription: Map<string, string | null>;
  riskDefs: Map<string, Questionnaire["risks"][number]>;
  roleName: (id: string) => string;
  /** The role's people as a group inside a sentence ("the managers"), where a plural is meant. */
  rolePeople: (id: string) => string;
  riskTitle: (id: string) => string;
  questionText: (id: string) => string;
  recommendationTitle: (id: string) => string;
  readinessTitle: (id: string) => string;
  levelDescription: (level: number | null) => string | null;
  confidenceName: (c: ConfidenceKey | null) => string | null;
  dateText: (iso: string) => string;
  /** The first day of a 0-based plan week (`YYYY-MM-DD`): week 0 is the assessment date. */
  weekDate: (week: number) => string;
  /** Per dimension id, what the roadmap expects of it. */
  expectations: Map<string, DimensionExpectation>;
  /** The questionnaire's consulting method; absent when it brings none. */
  method: Methodology | undefined;
  /**
   * A text of the method in the report's language, with `{client}` (the client's name),
   * `{title:<dimension>}`, `{score:<dimension>}`, `{level:<dimension>}` and any `vars` filled in.
   */
  methodText: (text: LocalizedText, vars?: Record<string, string>) => string;
}

/** The values a method text may insert about each dimension. */
function dimensionVars(results: Results, lang: ReportLanguage, inconclusive: string) {
  const vars: Record<string, string> = {};
  for (const d of results.dimensions) {
    vars[`title:${d.id}`] = localize(d.title, lang);
    vars[`score:${d.id}`] = d.score === null ? inconclusive : fmtScore(d.score);
    vars[`level:${d.id}`] = d.level === null ? inconclusive : String(d.level);
  }
  return vars;
}

/** `YYYY-MM-DD` plus whole days, in UTC so the result never depends on the machine's zone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The roadmap's outlook per dimension, dated from the assessment. */
function expectationsOf(
  results: Results,
  plan: ReturnType<typeof planRoadmap>,
): Map<string, DimensionExpectation> {
  const atReassessment = projectionAt(plan, "reassessment");
  const out = new Map<string, DimensionExpectation>();
  results.dimensions.forEach((d, i) => {
    const o = plan.outlook[i];
    const targetWeek = o?.targetWeek ?? null;
    const monthsNeeded = targetWeek === null ? null : ceilTolerant((targetWeek * 12) / 52);
    out.set(d.id, {
      startWeek: o?.startWeek ?? null,
      targetWeek,
      monthsNeeded,
      // Whole months after the assessment, as the months-needed figure beside it says.
      realisticDate:
        monthsNeeded === null ? null : addMonths(results.assessment.date, monthsNeeded),
      outOfReach:
        d.score !== null &&
        d.gap !== null &&
        greaterThan(d.gap, 0) &&
        (targetWeek === null || targetWeek > plan.reassessmentWeek),
      atReassessment: atReassessment[d.id] ?? d.score,
    });
  });
  return out;
}

const SEVERITY_RANK: Record<SeverityId, number> = { high: 0, medium: 1, low: 2 };

/** Localizes optional text, keeping absence as null. */
export const pickOrNull = (text: LocalizedText | null | undefined, lang: ReportLanguage) =>
  text ? localize(text, lang) : null;

/** Builds the shared context once per report: language texts, lookups and the planned roadmap. */
export function buildContext(
  results: Results,
  questionnaire: Questionnaire,
  options: BuildOptions,
): ReportContext {
  const lang = options.lang ?? "en";
  const t = messagesFor(lang).report;
  const plan = planRoadmap(results, questionnaire, { strategy: options.strategy });
  const weekDate = (week: number) => addDays(results.assessment.date, week * 7);

  const questions: ReportContext["questions"] = new Map();
  for (const d of questionnaire.dimensions) {
    for (const q of d.questions) {
      questions.set(q.id, {
        text: localize(q.text, lang),
        critical: q.critical === true,
        reversed: q.reverse === true,
        dimension: d.id,
      });
    }
  }
  const vars = {
    ...dimensionVars(results, lang, t.labels.inconclusive),
    client: results.assessment.client.name,
  };
  const roleNames = new Map(questionnaire.roles.map((r) => [r.id, localize(r.name, lang)]));
  const roleName = (id: string) => roleNames.get(id) ?? id;
  const rolePeople = new Map(
    questionnaire.roles.map((r) => [r.id, localize(r.people ?? r.name, lang)]),
  );
  const riskDefs = new Map(questionnaire.risks.map((r) => [r.id, r]));
  const riskTitle = (id: string) => {
    const found = results.risks.find((r) => r.id === id);
    return found ? localize(found.title, lang) : localize(riskDefs.get(id)?.title, lang) || id;
  };
  const roles: RoleCount[] = Object.entries(results.respondentsByRole)
    .filter(([, n]) => n > 0)
    .map(([role, count]) => ({ role, name: roleName(role), count }));
  const sortedRisks = results.risks
    .map((r, i) => ({ r, i }))
    .sort((a, b) => SEVERITY_RANK[a.r.severity] - SEVERITY_RANK[b.r.severity] || a.i - b.i)
    .map(({ r }) => r);

  return {
    results,
    questionnaire,
    kind: options.kind ?? "report",
    edition: options.edition ?? "full",
    anonymize: options.anonymize ?? false,
    lang,
    t,
    L: t.labels,
    plan,
    respondents: options.respondents,
    client: results.assessment.client.name,
    horizon: results.horizonMonths,
    monthsPerLevel: results.monthsPerLevel,
    roles,
    singles: new Set(
      options.anonymize ? roles.filter((r) => r.count === 1).map((r) => r.role) : [],
    ),
    sortedRisks,
    questions,
    dimTitle: new Map(results.dimensions.map((d) => [d.id, localize(d.title, lang)])),
    dimDescription: new Map(
      questionnaire.dimensions.map((d) => [d.id, pickOrNull(d.description, lang)]),
    ),
    riskDefs,
    roleName,
    rolePeople: (id: string) => rolePeople.get(id) ?? roleName(id),
    riskTitle,
    questionText: (id) => questions.get(id)?.text ?? id,
    recommendationTitle: (id) =>
      localize(questionnaire.recommendations.find((r) => r.id === id)?.title, lang) || id,
    readinessTitle: (id) =>
      localize(questionnaire.readiness.find((r) => r.id === id)?.title, lang) || id,
    levelDescription: (level) =>
      level === null
        ? null
        : pickOrNull(questionnaire.scale.find((s) => s.level === level)?.description, lang),
    confidenceName: (c) => (c === null ? null : t.confidence[c]),
    dateText: (iso) => t.dateText(iso),
    weekDate,
    expectations: expectationsOf(results, plan),
    method: questionnaire.methodology,
    methodText: (text, extra = {}) =>
      fillPlaceholders(clientPossessive(localize(text, lang), vars.client), { ...vars, ...extra }),
  };
}

/** The figures every view of a dimension shows, in the report's language. */
export function dimensionFigures(ctx: ReportContext, d: DimensionResult) {
  return {
    pillar: d.pillar,
    pillarName: ctx.t.pillar[d.pillar],
    weight: d.weight,
    score: d.score,
    level: d.level,
    levelName: pickOrNull(d.levelName, ctx.lang),
    target: d.target,
    gap: d.gap,
    coverage: d.coverage,
    confidence: d.confidence,
    confidenceName: ctx.confidenceName(d.confidence),
  };
}
