import { compareIds, round2 } from "../math/numbers.js";
import type {
  AssessmentSummary,
  Change,
  ChangeSignal,
  Comparison,
  ComparisonWarning,
  DimensionChange,
  KpiMove,
  PerceptionGapChange,
  ProgressStatus,
  QuestionBasis,
  QuestionChange,
  QuestionComparison,
  QuestionDiff,
  QuestionField,
  QuestionRef,
  ReadinessChange,
  ReadinessRuleRef,
  RiskChange,
  RoleMismatchWarning,
  RoleRef,
  Verdict,
} from "../models/comparison.js";
import { COMPARISON_SCHEMA_VERSION } from "../models/comparison.js";
import type { DimensionResult, Results } from "../models/results.js";
import { respondentCount } from "../models/results-facts.js";
import { profileIds } from "../questionnaire/profiles.js";
import type { Question, Role, Severity } from "../questionnaire/schema.js";
import type { Questionnaire } from "../questionnaire/types.js";
import { compareText } from "../text/compare.js";
import { OUTCOME_KPIS, outcomeDimensions } from "./outcomes.js";

/**
 * Progress between two assessments of one client: a pure function of two results (and, when
 * known, the questionnaires they were scored with). The model is plain JSON, language-neutral
 * (titles keep every language) and deterministic, so `--format json` prints it as is.
 * docs/compare.md defines every figure.
 */

// The comparison types are defined by the zod schema in ../models/comparison.ts.
export type * from "../models/comparison.js";

/** How many questions `movers` lists by default. */
export const DEFAULT_MOVERS = 10;

/** One assessment as the comparison describes it. */
export interface CompareSide {
  results: Results;
  /** The questionnaire the results were scored with (same id and version), when available. */
  questionnaire?: Questionnaire | undefined;
}

export interface CompareOptions {
  /** How many biggest movers to list (default {@link DEFAULT_MOVERS}). */
  movers?: number | undefined;
  /**
   * `--profile` was asked for but one side's questionnaire declares no profiles, so that side was
   * scored standard: the profiles differ by necessity, not by choice (`profile-unavailable`).
   */
  profileUnavailable?: boolean | undefined;
  /**
   * The assessments as answered, when `baseline` and `followup` are them scored again on the
   * roles both share (docs/compare.md, Roles): the roles, the respondent counts and the
   * perception gaps come from these; every other figure from the sides compared.
   */
  answered?: { baseline: Results; followup: Results } | undefined;
  /** Names for roles neither side's questionnaire has (a results side read without its own). */
  roles?: readonly Role[] | undefined;
}

const change = (baseline: number | null, followup: number | null): Change => ({
  baseline,
  followup,
  change: baseline === null || followup === null ? null : round2(followup - baseline),
});

/** Conclusive verdicts from worst to best; `inconclusive` has no rank (nothing to compare). */
const VERDICT_RANK: Record<Exclude<Verdict, "inconclusive">, number> = {
  "not-ready": 0,
  conditional: 1,
  ready: 2,
};
const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function dayNumber(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/** Whole days and whole calendar months from `from` to `to` (negative when `to` is earlier). */
export function intervalBetween(from: string, to: string): { days: number; months: number } {
  const days = Math.round((dayNumber(to) - dayNumber(from)) / 86_400_000);
  const [fy, fm, fd] = [from.slice(0, 4), from.slice(5, 7), from.slice(8, 10)].map(Number);
  const [ty, tm, td] = [to.slice(0, 4), to.slice(5, 7), to.slice(8, 10)].map(Number);
  let months = ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0));
  if (months > 0 && (td ?? 0) < (fd ?? 0)) months -= 1;
  else if (months < 0 && (td ?? 0) > (fd ?? 0)) months += 1;
  return { days, months };
}

/**
 * Share of the baseline gap closed: (followup − baseline) ÷ (target − baseline), clamped to
 * 0–1 and given as a whole percentage. A regression counts as 0 %, overshooting the target as
 * 100 %. Null (with the reason) when a score is inconclusive or the baseline already met the target.
 */
export function progressToTarget(
  baseline: number | null,
  followup: number | null,
  target: number,
): { progress: number | null; status: "measured" | "baseline-at-target" | "inconclusive" } {
  if (baseline === null || followup === null) return { progress: null, status: "inconclusive" };
  // Compare on the 2-decimal scale the results use, so 3.999999 does not count as below 4.
  if (round2(target - baseline) <= 0) return { progress: null, status: "baseline-at-target" };
  const ratio = (followup - baseline) / (target - baseline);
  const clamped = Math.min(1, Math.max(0, ratio));
  return { progress: Math.round(round2(clamped * 100)), status: "measured" };
}

function summarize(side: CompareSide, answered: Results): AssessmentSummary {
  const r = side.results;
  return {
    client: r.assessment.client,
    date: r.assessment.date,
    assessor: r.assessment.assessor,
    questionnaire: r.questionnaire,
    respondents: respondentCount(answered),
    questionnaireAvailable: side.questionnaire !== undefined,
  };
}

/** The roles at least one respondent answered as, in the results' order. */
export function rolesAnswered(results: Pick<Results, "respondentsByRole">): string[] {
  return Object.entries(results.respondentsByRole)
    .filter(([, n]) => n > 0)
    .map(([id]) => id);
}

/** The roles both assessments share (in the follow-up's order) and those only one of them has. */
export interface RoleSplit {
  shared: string[];
  onlyBaseline: string[];
  onlyFollowup: string[];
}

export function splitRoles(
  baseline: Pick<Results, "respondentsByRole">,
  followup: Pick<Results, "respondentsByRole">,
): RoleSplit {
  const b = rolesAnswered(baseline);
  const f = rolesAnswered(followup);
  return {
    shared: f.filter((r) => b.includes(r)),
    onlyBaseline: b.filter((r) => !f.includes(r)),
    onlyFollowup: f.filter((r) => !b.includes(r)),
  };
}

/**
 * Roles that answered at one assessment only: what the comparison was made on, and the
 * dimensions those roles gave answers on (where the applicable questions, the role-balanced
 * scores and coverage differ for that reason alone). Null when both had the same roles.
 */
function roleMismatch(
  answered: { baseline: Results; followup: Results },
  order: readonly string[],
  comparedOn: RoleMismatchWarning["comparedOn"],
  roles: readonly Role[],
): RoleMismatchWarning | null {
  const { baseline: b, followup: f } = answered;
  const split = splitRoles(b, f);
  if (split.onlyBaseline.length === 0 && split.onlyFollowup.length === 0) return null;
  const named = new Map<string, Role>();
  for (const role of roles) if (!named.has(role.id)) named.set(role.id, role);
  const ref = (id: string, r: Results): RoleRef => {
    const role = named.get(id);
    return {
      id,
      name: role?.name ?? null,
      people: role ? (role.people ?? role.name) : null,
      respondents: r.respondentsByRole[id] ?? 0,
    };
  };
  const touched = new Set<string>();
  for (const [only, r] of [
    [split.onlyBaseline, b],
    [split.onlyFollowup, f],
  ] as const) {
    for (const d of r.dimensions) {
      if (d.confidenceBasis.rolesPresent.some((role) => only.includes(role))) touched.add(d.id);
    }
  }
  return {
    code: "role-mismatch",
    baseline: rolesAnswered(b).join(", "),
    followup: rolesAnswered(f).join(", "),
    onlyBaseline: split.onlyBaseline.map((id) => ref(id, b)),
    onlyFollowup: split.onlyFollowup.map((id) => ref(id, f)),
    shared: split.shared.map((id) => ref(id, f)),
    comparedOn,
    dimensions: order.filter((id) => touched.has(id)),
  };
}

/** The smallest noise band: a quarter level, below which no change is read as real. */
export const NOISE_BAND_FLOOR = 0.25;
/** The band when a side has no agreement figure (a single respondent): half a level. */
export const NOISE_BAND_WITHOUT_AGREEMENT = 0.5;
/** Two-sided 95 %. */
const Z95 = 1.959964;
/** Variance of a uniform answer on the five levels, (5² − 1) ÷ 12: the null of rwg(j). */
const UNIFORM_NULL_VARIANCE = 2;

/**
 * The variance of one side's dimension score as a mean over its respondents: the mean item
 * variance s̄² recovered from rwg(j) over J items (inverting James, Demaree & Wolf's formula),
 * divided by the respondents. The mean of a respondent's items varies no more than its items, so
 * this overstates the noise rather than understating it. Null without an agreement figure.
 */
export function scoreVariance(
  rwg: number | null | undefined,
  items: number,
  respondents: number,
): number | null {
  if (rwg === null || rwg === undefined || items < 1 || respondents < 2) return null;
  const r = Math.min(1, Math.max(0, rwg));
  const x = r === 0 ? 0 : r / (items * (1 - r) + r);
  return (UNIFORM_NULL_VARIANCE * (1 - x)) / respondents;
}

/**
 * Real change or noise: the band is 1.96 standard errors of the difference of the two scores
 * (never below {@link NOISE_BAND_FLOOR}); when a side has no agreement figure it is
 * {@link NOISE_BAND_WITHOUT_AGREEMENT}. A change at least as large as the band is a gain or loss.
 */
export function changeSignal(
  change: number | null,
  baselineVariance: number | null,
  followupVariance: number | null,
): ChangeSignal {
  const known = baselineVariance !== null && followupVariance !== null;
  const basis = known ? "agreement" : "no-agreement";
  if (change === null) return { band: null, basis, signal: "inconclusive" };
  const band = known
    ? Math.max(NOISE_BAND_FLOOR, round2(Z95 * Math.sqrt(baselineVariance + followupVariance)))
    : NOISE_BAND_WITHOUT_AGREEMENT;
  const signal = Math.abs(change) + 1e-9 < band ? "within-noise" : change > 0 ? "gain" : "loss";
  return { band, basis, signal };
}

function sideVariance(results: Results, d: DimensionResult | undefined): number | null {
  if (!d) return null;
  const rel = results.reliability?.dimensions.find((x) => x.dimension === d.id);
  return scoreVariance(rel?.rwg, rel?.rwgItems ?? 0, d.confidenceBasis.respondents);
}

function compareDimension(
  b: DimensionResult | undefined,
  f: DimensionResult | undefined,
  questionsChanged: boolean,
  variances: { baseline: number | null; followup: number | null },
): DimensionChange {
  const main = f ?? b;
  if (!main) throw new RangeError("compareDimension needs at least one side");
  let progress: number | null = null;
  let progressStatus: ProgressStatus;
  if (!b) progressStatus = "added";
  else if (!f) progressStatus = "removed";
  else {
    const p = progressToTarget(b.score, f.score, f.target);
    progress = p.progress;
    progressStatus = p.status;
  }
  return {
    id: main.id,
    title: main.title,
    pillar: main.pillar,
    status: b && f ? "matched" : b ? "removed" : "added",
    score: change(b?.score ?? null, f?.score ?? null),
    noise: changeSignal(
      change(b?.score ?? null, f?.score ?? null).change,
      variances.baseline,
      variances.followup,
    ),
    weight: change(b?.weight ?? null, f?.weight ?? null),
    level: change(b?.level ?? null, f?.level ?? null),
    coverage: change(b?.coverage ?? null, f?.coverage ?? null),
    confidence: { baseline: b?.confidence ?? null, followup: f?.confidence ?? null },
    target: { baseline: b?.target ?? null, followup: f?.target ?? null },
    progress,
    progressStatus,
    questionsChanged,
  };
}

/**
 * Whether the dimensions on both sides weigh differently in the overall score at the follow-up:
 * their shares of the matched dimensions' total weight differ. Weights all scaled alike change
 * no share, so they change nothing.
 */
export function overallWeightsChanged(dimensions: readonly DimensionChange[]): boolean {
  const matched = dimensions.flatMap((d) =>
    d.weight.baseline !== null && d.weight.followup !== null
      ? [{ b: d.weight.baseline, f: d.weight.followup }]
      : [],
  );
  const totalB = matched.reduce((sum, w) => sum + w.b, 0);
  const totalF = matched.reduce((sum, w) => sum + w.f, 0);
  if (totalB <= 0 || totalF <= 0) return false;
  return matched.some((w) => Math.abs(w.b / totalB - w.f / totalF) > 1e-9);
}

/** The baseline's outcome KPIs, read from the dimension changes (same scores, same noise). */
function kpiMoves(b: Results, dimensions: readonly DimensionChange[]): KpiMove[] {
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  return outcomeDimensions(b, OUTCOME_KPIS).flatMap((o) => {
    const d = byId.get(o.id);
    if (d?.status !== "matched") return [];
    return [
      {
        dimension: d.id,
        title: d.title,
        score: d.score,
        noise: d.noise,
        target: d.target.followup,
      },
    ];
  });
}

function compareRisks(baseline: CompareSide, followup: CompareSide): Comparison["risks"] {
  const before = new Map(baseline.results.risks.map((r) => [r.id, r]));
  const after = new Map(followup.results.risks.map((r) => [r.id, r]));
  const inQuestionnaire = (side: CompareSide, id: string): boolean | null =>
    side.questionnaire ? side.questionnaire.risks.some((r) => r.id === id) : null;
  const resolved: RiskChange[] = [];
  const added: RiskChange[] = [];
  const persisting: RiskChange[] = [];
  for (const [id, r] of before) {
    const f = after.get(id);
    const entry: RiskChange = {
      id,
      title: f?.title ?? r.title,
      severity: { baseline: r.severity, followup: f?.severity ?? null },
      dimension: f?.dimension ?? r.dimension,
      rule: !f && inQuestionnaire(followup, id) === false ? "not-in-followup-questionnaire" : null,
    };
    (f ? persisting : resolved).push(entry);
  }
  for (const [id, r] of after) {
    if (before.has(id)) continue;
    added.push({
      id,
      title: r.title,
      severity: { baseline: null, followup: r.severity },
      dimension: r.dimension,
      rule: inQuestionnaire(baseline, id) === false ? "not-in-baseline-questionnaire" : null,
    });
  }
  const severityOf = (r: RiskChange) =>
    SEVERITY_RANK[r.severity.followup ?? r.severity.baseline ?? "low"];
  const order = (a: RiskChange, b: RiskChange) =>
    severityOf(a) - severityOf(b) || compareIds(a.id, b.id);
  return {
    resolved: resolved.sort(order),
    new: added.sort(order),
    persisting: persisting.sort(order),
  };
}

function compareReadiness(b: Results, f: Results): ReadinessChange {
  const bv = b.readiness.verdict;
  const fv = f.readiness.verdict;
  const rank =
    bv === "inconclusive" || fv === "inconclusive" ? null : VERDICT_RANK[fv] - VERDICT_RANK[bv];
  const refs = (r: Results): ReadinessRuleRef[] =>
    r.readiness.rules.map((rule) => ({ id: rule.id, verdict: rule.verdict, title: rule.title }));
  return {
    baseline: b.readiness.verdict,
    followup: f.readiness.verdict,
    direction:
      rank === null
        ? "not-comparable"
        : rank > 0
          ? "improved"
          : rank < 0
            ? "worsened"
            : "unchanged",
    baselineRules: refs(b),
    followupRules: refs(f),
  };
}

function comparePerceptionGaps(
  dimensions: readonly string[],
  b: Map<string, DimensionResult>,
  f: Map<string, DimensionResult>,
): PerceptionGapChange[] {
  const out: PerceptionGapChange[] = [];
  for (const id of dimensions) {
    const pb = b.get(id)?.perceptionGap ?? null;
    const pf = f.get(id)?.perceptionGap ?? null;
    if (!pb && !pf) continue;
    const title = f.get(id)?.title ?? b.get(id)?.title;
    if (!title) continue;
    out.push({
      dimension: id,
      title,
      gap: change(pb ? round2(pb.gap) : null, pf ? round2(pf.gap) : null),
      flagged: { baseline: pb?.flagged ?? false, followup: pf?.flagged ?? false },
    });
  }
  return out;
}

interface QuestionInfo {
  dimension: string;
  question?: Question;
}

function questionsOf(side: CompareSide): Map<string, QuestionInfo> {
  const map = new Map<string, QuestionInfo>();
  if (side.questionnaire) {
    for (const d of side.questionnaire.dimensions) {
      for (const q of d.questions) map.set(q.id, { dimension: d.id, question: q });
    }
  } else {
    for (const d of side.results.dimensions) {
      for (const q of d.questions) map.set(q.id, { dimension: d.id });
    }
  }
  return map;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// Key order must not make two equal texts look different.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      compareText(a, b),
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** The fields whose change makes a question's scores not strictly comparable. */
export function questionDifferences(a: Question, b: Question): QuestionField[] {
  const fields: QuestionField[] = [];
  if (!sameJson(a.text, b.text)) fields.push("text");
  if (!sameJson(a.levels ?? null, b.levels ?? null)) fields.push("anchors");
  if (a.type !== b.type) fields.push("type");
  if (a.weight !== b.weight) fields.push("weight");
  if ((a.reverse ?? false) !== (b.reverse ?? false)) fields.push("reverse");
  if ((a.critical ?? false) !== (b.critical ?? false)) fields.push("critical");
  // A question becoming a fact changes who it is put to and whether it feeds perception gaps.
  if ((a.kind ?? null) !== (b.kind ?? null)) fields.push("kind");
  const roles = (q: Question) => (q.roles ? [...q.roles].sort() : null);
  if (!sameJson(roles(a), roles(b))) fields.push("roles");
  return fields;
}

function compareQuestions(
  baseline: CompareSide,
  followup: CompareSide,
  movers: number,
): QuestionComparison {
  const bq = questionsOf(baseline);
  const fq = questionsOf(followup);
  const bothKnown = baseline.questionnaire !== undefined && followup.questionnaire !== undefined;
  const sameVersion =
    baseline.results.questionnaire.id === followup.results.questionnaire.id &&
    baseline.results.questionnaire.version === followup.results.questionnaire.version;
  const basis: QuestionBasis = bothKnown
    ? "questionnaires"
    : sameVersion
      ? "same-version"
      : "ids-only";

  const scores = (r: Results) =>
    new Map(r.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q.score] as const)));
  const bScores = scores(baseline.results);
  const fScores = scores(followup.results);

  const added: QuestionRef[] = [];
  const removed: QuestionRef[] = [];
  const changed: QuestionDiff[] = [];
  const matched: QuestionChange[] = [];
  for (const [id, f] of fq) {
    const b = bq.get(id);
    const text = f.question?.text ?? b?.question?.text ?? null;
    if (!b) {
      added.push({ id, dimension: f.dimension, text });
      continue;
    }
    const fields: QuestionField[] =
      f.question && b.question ? questionDifferences(b.question, f.question) : [];
    if (b.dimension !== f.dimension) fields.push("dimension");
    if (fields.length) changed.push({ id, dimension: f.dimension, text, fields });
    matched.push({
      id,
      dimension: f.dimension,
      text,
      score: change(bScores.get(id) ?? null, fScores.get(id) ?? null),
      definitionChanged: fields.length > 0,
    });
  }
  for (const [id, b] of bq) {
    if (!fq.has(id)) removed.push({ id, dimension: b.dimension, text: b.question?.text ?? null });
  }
  const ranked = matched
    .filter((q) => q.score.change !== null && q.score.change !== 0)
    .sort(
      (x, y) =>
        Math.abs(y.score.change ?? 0) - Math.abs(x.score.change ?? 0) || compareIds(x.id, y.id),
    );
  return { basis, added, removed, changed, matched, movers: ranked.slice(0, movers) };
}

/**
 * Compares a baseline and a follow-up assessment. Pure and deterministic. Questions and
 * dimensions are matched by id; dimensions are listed in follow-up order, then any the follow-up
 * questionnaire dropped. The caller decides what to do about dates out of order.
 */
export function compareAssessments(
  baseline: CompareSide,
  followup: CompareSide,
  options: CompareOptions = {},
): Comparison {
  const b = baseline.results;
  const f = followup.results;
  const answered = options.answered ?? { baseline: b, followup: f };
  const warnings: ComparisonWarning[] = [];
  if (b.assessment.client.name.trim() !== f.assessment.client.name.trim()) {
    warnings.push({
      code: "client-mismatch",
      baseline: b.assessment.client.name,
      followup: f.assessment.client.name,
    });
  }
  if (b.questionnaire.id !== f.questionnaire.id) {
    warnings.push({
      code: "questionnaire-mismatch",
      baseline: b.questionnaire.id,
      followup: f.questionnaire.id,
    });
  }
  const bp = profileIds(b.profile);
  const fp = profileIds(f.profile);
  if (bp !== fp) {
    const code = options.profileUnavailable ? "profile-unavailable" : "profile-mismatch";
    const names = (r: Results) =>
      [r.profile?.industry?.name, r.profile?.size?.name].filter((n) => n !== undefined);
    warnings.push({
      code,
      baseline: bp,
      followup: fp,
      names: { baseline: names(b), followup: names(f) },
    });
  }

  const questions = compareQuestions(baseline, followup, options.movers ?? DEFAULT_MOVERS);
  const touched = new Set<string>();
  for (const q of [...questions.added, ...questions.removed, ...questions.changed]) {
    touched.add(q.dimension);
  }
  // A question that moved touches the dimension it left as well as the one it joined.
  const baselineQuestions = questionsOf(baseline);
  for (const q of questions.changed) {
    if (q.fields.includes("dimension")) {
      const from = baselineQuestions.get(q.id)?.dimension;
      if (from) touched.add(from);
    }
  }

  const bDims = new Map(b.dimensions.map((d) => [d.id, d]));
  const fDims = new Map(f.dimensions.map((d) => [d.id, d]));
  const order = [
    ...f.dimensions.map((d) => d.id),
    ...b.dimensions.map((d) => d.id).filter((id) => !fDims.has(id)),
  ];
  const roles = roleMismatch(
    answered,
    order,
    options.answered ? "shared-roles" : "all-respondents",
    [
      ...(followup.questionnaire?.roles ?? []),
      ...(baseline.questionnaire?.roles ?? []),
      ...(options.roles ?? []),
    ],
  );
  if (roles) warnings.push(roles);
  if (b.assessment.date === f.assessment.date) {
    warnings.push({ code: "same-date", baseline: b.assessment.date, followup: f.assessment.date });
  }
  const dimensions = order.map((id) =>
    compareDimension(bDims.get(id), fDims.get(id), touched.has(id), {
      baseline: sideVariance(b, bDims.get(id)),
      followup: sideVariance(f, fDims.get(id)),
    }),
  );

  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    baseline: summarize(baseline, answered.baseline),
    followup: summarize(followup, answered.followup),
    interval: intervalBetween(b.assessment.date, f.assessment.date),
    warnings,
    overall: {
      score: change(b.overall.score, f.overall.score),
      level: change(b.overall.level, f.overall.level),
      coverage: change(b.overall.coverage, f.overall.coverage),
      confidence: { baseline: b.overall.confidence, followup: f.overall.confidence },
      weightsChanged: overallWeightsChanged(dimensions),
    },
    dimensions,
    // The KPIs the baseline's report set, from everyone who answered it.
    kpis: kpiMoves(answered.baseline, dimensions),
    risks: compareRisks(baseline, followup),
    readiness: compareReadiness(b, f),
    // Executive minus front line, as each assessment measured it: leaving out a role both did
    // not answer as changes neither side's gap, or leaves nothing to compare.
    perceptionGaps: comparePerceptionGaps(
      order,
      new Map(answered.baseline.dimensions.map((d) => [d.id, d])),
      new Map(answered.followup.dimensions.map((d) => [d.id, d])),
    ),
    questions,
  };
}
