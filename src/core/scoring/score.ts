import { scaleBounds } from "../answers/check.js";
import {
  type AssessmentInput,
  RESULTS_SCHEMA_VERSION,
  type ScoreOptions,
} from "../answers/input.js";
import { type AnswerScalar, answerScalarOf, type Respondent } from "../answers/schema.js";
import { DEFAULT_HORIZON_MONTHS } from "../math/horizon.js";
import {
  atLeast,
  ceilTolerant,
  compareIds,
  floorLevel,
  greaterThan,
  mean,
  round2,
  round2OrNull,
  weightedMean,
} from "../math/numbers.js";
import { agreementBand, rwgSingle, uniformNullVariance, varianceOf } from "../math/reliability.js";
import type {
  Confidence,
  ConfidenceBasis,
  DimensionResult,
  NoteResult,
  QuestionResult,
  Results,
  ResultsProfile,
} from "../models/results.js";
import type { LocalizedText, Question } from "../questionnaire/schema.js";
import {
  type ChosenProfile,
  type ComposedDimension,
  EXECUTIVE_ROLE,
  FRONTLINE_ROLE,
  isForRole,
  type Questionnaire,
  respondentRoles,
} from "../questionnaire/types.js";
import { compareText } from "../text/compare.js";
import { ANSWER_ABSENT, ANSWER_CODES, ANSWER_NA, ANSWER_UNKNOWN } from "./answer-codes.js";
import { addMonths } from "./dates.js";
import { reliabilityOf } from "./reliability.js";
import type { DimensionView, ScoreView } from "./view.js";

/**
 * Disagreement when respondents' scores on a question differ by at least this many levels: the
 * rule for an interview's handful of people, below `SURVEY_SIZED_ANSWERS`.
 */
export const DISAGREEMENT_SPREAD = 2;
/**
 * From this many answers a question is read as a survey's: its disagreement is single-item rwg
 * below moderate agreement (`agreementBand`), not the range, which hundreds of answers almost
 * always stretch across the scale. Ten: with fewer raters rwg swings with one or two answers
 * (its dependence on group size, LeBreton & Senter 2008); docs/statistics.md explains the choice.
 */
export const SURVEY_SIZED_ANSWERS = 10;
/** Perception gaps of at least this much are flagged. */
export const PERCEPTION_GAP_FLAG = 1;

/** The least each figure must reach for a confidence (docs/scoring.md §5). */
export const CONFIDENCE_THRESHOLDS = {
  high: { coverage: 0.8, respondents: 3, roleShare: 1, agreement: 0.8 },
  medium: { coverage: 0.5, respondents: 2, roleShare: 0.5, agreement: 0.5 },
} as const;

/** The figures confidence is decided from, unrounded. */
export interface ConfidenceFigures {
  coverage: number | null;
  respondents: number;
  rolesExpected: readonly string[];
  rolesPresent: readonly string[];
  agreement: number | null;
}

type Limit = ConfidenceBasis["limitedBy"][number];

/** The figures below the thresholds of `level`. */
function shortOf(f: ConfidenceFigures, level: keyof typeof CONFIDENCE_THRESHOLDS): Limit[] {
  const t = CONFIDENCE_THRESHOLDS[level];
  const roleShare =
    f.rolesExpected.length === 0 ? 1 : f.rolesPresent.length / f.rolesExpected.length;
  const short: Limit[] = [];
  if (!atLeast(f.coverage ?? 0, t.coverage)) short.push("coverage");
  if (f.respondents < t.respondents) short.push("respondents");
  if (!atLeast(roleShare, t.roleShare)) short.push("roles");
  if (!atLeast(f.agreement ?? 0, t.agreement)) short.push("agreement");
  return short;
}

/**
 * Confidence from coverage, respondents, the roles present and agreement: high when every
 * figure reaches the high thresholds, medium when every one reaches the medium ones, else low;
 * null (inconclusive) when nothing was answered. `limitedBy` names the figures short of the next
 * level, so a report can say what would raise it.
 */
export function confidenceOf(f: ConfidenceFigures): {
  confidence: Confidence | null;
  limitedBy: Limit[];
} {
  if (f.coverage === null || f.agreement === null) return { confidence: null, limitedBy: [] };
  const high = shortOf(f, "high");
  if (high.length === 0) return { confidence: "high", limitedBy: [] };
  const medium = shortOf(f, "medium");
  return medium.length === 0
    ? { confidence: "medium", limitedBy: high }
    : { confidence: "low", limitedBy: medium };
}

/** The results' confidence and its basis, rounded. */
function confidenceResult(f: ConfidenceFigures): {
  confidence: Confidence | null;
  confidenceBasis: ConfidenceBasis;
} {
  const { confidence, limitedBy } = confidenceOf(f);
  return {
    confidence,
    confidenceBasis: {
      respondents: f.respondents,
      rolesExpected: [...f.rolesExpected],
      rolesPresent: [...f.rolesPresent],
      agreement: round2OrNull(f.agreement),
      limitedBy,
    },
  };
}

interface QuestionTally {
  question: Question;
  /** Scores reversed (likert `reverse`): the score is lo + hi − answer. */
  reverse: boolean;
  /** Per role index (see `RoleRegistry`): sum and count of the role's scores. */
  sum: number[];
  n: number[];
  /** Per role index: whether the question is put to the role. */
  asked: boolean[];
  min: number;
  max: number;
  /** Respondents per score (index score − lo), for adjacent agreement and rwg. */
  hist: number[];
  /** Levels of the scale (hi − lo + 1): the options of rwg's uniform null. */
  levels: number;
  answered: number;
  na: number;
  unknown: number;
  notes: NoteResult[];
}

/** Scores respondents one at a time with memory bounded by the questionnaire (plus the roster). */
export interface AssessmentScorer {
  /** Adds one respondent; throws RangeError on a level outside the scale (check answers first). */
  add(respondent: Respondent): void;
  /**
   * Adds one respondent given as compact answer codes, one per question in questionnaire order
   * (dimensions, then their questions): ANSWER_ABSENT, a level, ANSWER_NA or ANSWER_UNKNOWN.
   * Equivalent to `add` with the same answers; the batch path for millions of rows. The
   * respondent joins the roster only when `entry` is given.
   */
  addCoded(role: string, codes: ArrayLike<number>, entry?: Results["respondents"][number]): void;
  /**
   * Adds `respondents` respondents of one role at once, given as a histogram of their answer
   * codes: `counts[q * ANSWER_CODES + code]` respondents gave `code` to question q (order as in
   * `addCoded`). Equivalent to `addCoded` for each of them (sums of small integers are exact),
   * so batch scoring can count codes per row and add them once at the end.
   */
  addCodeCounts(role: string, counts: ArrayLike<number>, respondents: number): void;
  /** Computes the results; `input.respondents` is ignored (they were added). */
  finish(input: Omit<AssessmentInput, "respondents">, options?: ScoreOptions): Results;
}

function hasOwn<T>(
  record: Record<string, T> | undefined,
  key: string,
): record is Record<string, T> {
  return record !== undefined && Object.hasOwn(record, key);
}

/** Role ids seen so far, each with a dense index into the tallies' per-role arrays. */
interface RoleRegistry {
  index: Map<string, number>;
  counts: number[];
}

/**
 * Creates an incremental scorer: `scoreAssessment` adds respondents with `add`; batch scoring
 * adds millions of rows with `addCoded` and keeps its own compact roster.
 */
/**
 * The analysis stage scoring hands its unrounded scores to: the risks that hold and the readiness
 * verdict (`core/analysis/assess.ts`). Passed in so that scoring does not depend on analysis;
 * `core/assessment.ts` wires the two together.
 */
export type AnalysisStage = (
  questionnaire: Questionnaire,
  view: ScoreView,
) => Pick<Results, "risks" | "readiness">;

export function createAssessmentScorer(
  questionnaire: Questionnaire,
  analyse: AnalysisStage,
): AssessmentScorer {
  const { lo, hi } = scaleBounds(questionnaire);
  const registry: RoleRegistry = { index: new Map(), counts: [] };
  const tallies: QuestionTally[][] = questionnaire.dimensions.map((d) =>
    d.questions.map((q) => emptyTally(q, hi - lo + 1)),
  );
  const flat = tallies.flat();
  const roster: Results["respondents"] = [];

  function roleIndex(role: string): number {
    let r = registry.index.get(role);
    if (r === undefined) {
      r = registry.counts.length;
      registry.index.set(role, r);
      registry.counts.push(0);
      for (const t of flat) {
        t.sum.push(0);
        t.n.push(0);
        t.asked.push(isForRole(t.question, role));
      }
    }
    return r;
  }
  // Declared roles first, so their indices are stable and match the questionnaire's order.
  for (const role of questionnaire.roles) roleIndex(role.id);

  function tallyValue(
    tally: QuestionTally,
    r: number,
    value: AnswerScalar | undefined,
    respondentId: string,
  ): void {
    if (value === "na") {
      tally.na++;
      return;
    }
    if (value === undefined || value === "unknown") {
      tally.unknown++;
      return;
    }
    if (!Number.isInteger(value) || value < lo || value > hi) {
      throw new RangeError(
        `respondent ${respondentId}, question ${tally.question.id}: expected an integer ${lo}–${hi}, found ${value}`,
      );
    }
    const score = tally.reverse ? lo + hi - value : value;
    tally.sum[r] = (tally.sum[r] as number) + score;
    tally.n[r] = (tally.n[r] as number) + 1;
    tally.hist[score - lo] = (tally.hist[score - lo] ?? 0) + 1;
    tally.answered++;
    if (score < tally.min) tally.min = score;
    if (score > tally.max) tally.max = score;
  }

  function record(tally: QuestionTally, r: number, respondent: Respondent): void {
    const { question } = tally;
    const raw = hasOwn(respondent.answers, question.id)
      ? respondent.answers[question.id]
      : undefined;
    const value = raw === undefined ? undefined : answerScalarOf(raw);
    // A level given to a question not put to the role still counts (check-answers warns);
    // `unknown`, `na` or nothing from a role never asked means "not asked", as in batch.
    const notAsked = !tally.asked[r] && typeof value !== "number";
    if (typeof raw === "object" && (raw.note !== undefined || raw.evidence !== undefined)) {
      const note: NoteResult = { respondent: respondent.id, role: respondent.role };
      if (raw.note !== undefined) note.note = raw.note;
      if (raw.evidence !== undefined) note.evidence = raw.evidence;
      tally.notes.push(note);
    }
    if (!notAsked) tallyValue(tally, r, value, respondent.id);
  }

  return {
    add(respondent) {
      const entry: Results["respondents"][number] = { id: respondent.id, role: respondent.role };
      if (respondent.name !== undefined) entry.name = respondent.name;
      roster.push(entry);
      const r = roleIndex(respondent.role);
      registry.counts[r] = (registry.counts[r] as number) + 1;
      for (const tally of flat) record(tally, r, respondent);
    },
    addCoded(role, codes, entry) {
      if (entry) roster.push(entry);
      const r = roleIndex(role);
      registry.counts[r] = (registry.counts[r] as number) + 1;
      const id = entry?.id ?? "(batch)";
      for (let i = 0; i < flat.length; i++) {
        const tally = flat[i] as QuestionTally;
        const code = codes[i] ?? ANSWER_ABSENT;
        if (code === ANSWER_ABSENT || code === ANSWER_NA || code === ANSWER_UNKNOWN) {
          // Off-role: not asked, whatever the code (as in `add`).
          if (!tally.asked[r]) continue;
          if (code === ANSWER_NA) tally.na++;
          else tally.unknown++;
        } else tallyValue(tally, r, code, id);
      }
    },
    addCodeCounts(role, counts, respondents) {
      const r = roleIndex(role);
      registry.counts[r] = (registry.counts[r] as number) + respondents;
      for (let i = 0; i < flat.length; i++) {
        tallyCodeCounts(flat[i] as QuestionTally, r, counts, i * ANSWER_CODES, lo, hi);
      }
    },
    finish(input, options = {}) {
      return buildResults(questionnaire, tallies, roster, registry, input, options, analyse);
    },
  };
}

/** A question's tally before any respondent is added. */
function emptyTally(question: Question, levels: number): QuestionTally {
  return {
    question,
    reverse: question.type === "likert" && question.reverse === true,
    sum: [],
    n: [],
    asked: [],
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    hist: [],
    levels,
    answered: 0,
    na: 0,
    unknown: 0,
    notes: [],
  };
}

/** Adds one question's histogram of answer codes (starting at `base` in `counts`) for role `r`. */
function tallyCodeCounts(
  tally: QuestionTally,
  r: number,
  counts: ArrayLike<number>,
  base: number,
  lo: number,
  hi: number,
): void {
  if (tally.asked[r]) {
    tally.unknown += (counts[base + ANSWER_ABSENT] ?? 0) + (counts[base + ANSWER_UNKNOWN] ?? 0);
    tally.na += counts[base + ANSWER_NA] ?? 0;
  }
  for (let value = 1; value < ANSWER_NA; value++) {
    const c = counts[base + value] ?? 0;
    if (c === 0) continue;
    if (value < lo || value > hi) {
      throw new RangeError(
        `question ${tally.question.id}: expected an integer ${lo}–${hi}, found ${value}`,
      );
    }
    const score = tally.reverse ? lo + hi - value : value;
    tally.sum[r] = (tally.sum[r] as number) + score * c;
    tally.n[r] = (tally.n[r] as number) + c;
    tally.hist[score - lo] = (tally.hist[score - lo] ?? 0) + c;
    tally.answered += c;
    if (score < tally.min) tally.min = score;
    if (score > tally.max) tally.max = score;
  }
}

/**
 * A dimension's gap to its target and, when closing it takes longer than the horizon at the
 * pace of `monthsPerLevel`, the expectation risk (docs/scoring.md, rule 6). Shared with report/roadmap,
 * which re-targets saved results.
 */
export function targetFigures(
  score: number | null,
  target: number,
  horizonMonths: number,
  monthsPerLevel: number,
  assessmentDate: string,
): Pick<DimensionResult, "gap" | "expectationRisk"> {
  if (score === null) return { gap: null, expectationRisk: null };
  const diff = target - score;
  const monthsNeeded = greaterThan(diff, horizonMonths / monthsPerLevel)
    ? ceilTolerant(diff * monthsPerLevel)
    : null;
  return {
    gap: round2(Math.max(0, diff)),
    expectationRisk:
      monthsNeeded === null
        ? null
        : { monthsNeeded, realisticDate: addMonths(assessmentDate, monthsNeeded) },
  };
}

/**
 * Scores an assessment exactly as docs/scoring.md describes. Pure; respondent order does not
 * matter. Answers must have passed `checkAnswersAgainst` (out-of-scale levels throw RangeError).
 */
export function scoreAssessment(
  questionnaire: Questionnaire,
  input: AssessmentInput,
  options: ScoreOptions,
  analyse: AnalysisStage,
): Results {
  const scorer = createAssessmentScorer(questionnaire, analyse);
  for (const respondent of input.respondents) scorer.add(respondent);
  const results = scorer.finish(input, options);
  const reliability = reliabilityOf(questionnaire, input.respondents);
  if (reliability) results.reliability = reliability;
  return results;
}

/** How a question takes part in comparisons between respondents (docs/scoring.md §7). */
type Kind = "fact" | "experience" | null;

/** A question's kind: as declared; `experience` when undeclared in a questionnaire that uses kinds. */
function kindOf(question: Question, usesKinds: boolean): Kind {
  return question.kind ?? (usesKinds ? "experience" : null);
}

/** True when any question of the questionnaire declares a kind. */
export function usesQuestionKinds(questionnaire: Questionnaire): boolean {
  return questionnaire.dimensions.some((d) => d.questions.some((q) => q.kind !== undefined));
}

interface QuestionScore {
  kind: Kind;
  tally: QuestionTally;
  combined: number | null;
  byRole: Map<string, number | null>;
}

interface DimensionScore {
  dimension: ComposedDimension;
  questions: QuestionScore[];
  score: number | null;
  level: number | null;
  cappedBy: { question: string; score: number } | null;
  answeredWeight: number;
  applicableWeight: number;
  coverage: number | null;
  byRole: Map<string, number | null>;
  target: number;
  perceptionGap: number | null;
  executive: number | null;
  frontline: number | null;
  figures: ConfidenceFigures;
}

function scoreQuestion(
  tally: QuestionTally,
  roles: readonly string[],
  registry: RoleRegistry,
  usesKinds: boolean,
): QuestionScore {
  const byRole = new Map<string, number | null>();
  for (const role of roles) {
    const r = registry.index.get(role);
    const n = r === undefined ? 0 : (tally.n[r] ?? 0);
    byRole.set(role, n > 0 ? (tally.sum[r as number] as number) / n : null);
  }
  const present = [...byRole.values()].filter((v): v is number => v !== null);
  return { kind: kindOf(tally.question, usesKinds), tally, combined: mean(present), byRole };
}

function scoreDimension(
  dimension: ComposedDimension,
  tallies: QuestionTally[],
  roles: readonly string[],
  answering: readonly string[],
  registry: RoleRegistry,
  target: number,
  usesKinds: boolean,
): DimensionScore {
  const questions = tallies.map((t) => scoreQuestion(t, roles, registry, usesKinds));
  const answered = questions.filter(
    (q): q is QuestionScore & { combined: number } => q.combined !== null,
  );
  const score = weightedMean(answered.map((q) => [q.combined, q.tally.question.weight] as const));

  let level: number | null = null;
  let cappedBy: DimensionScore["cappedBy"] = null;
  if (score !== null) {
    level = floorLevel(score);
    for (const q of answered) {
      if (q.tally.question.critical !== true) continue;
      const cap = floorLevel(q.combined);
      if (cap < level) {
        level = cap;
        cappedBy = { question: q.tally.question.id, score: q.combined };
      }
    }
  }

  let answeredWeight = 0;
  let applicableWeight = 0;
  for (const q of questions) {
    const weight = Math.max(0, q.tally.question.weight);
    if (q.tally.answered + q.tally.unknown > 0) applicableWeight += weight;
    if (q.combined !== null) answeredWeight += weight;
  }
  const coverage = applicableWeight > 0 ? answeredWeight / applicableWeight : null;

  const byRole = new Map<string, number | null>();
  for (const role of roles) {
    const pairs: [number, number][] = [];
    for (const q of questions) {
      const s = q.byRole.get(role);
      if (s !== undefined && s !== null) pairs.push([s, q.tally.question.weight]);
    }
    byRole.set(role, weightedMean(pairs));
  }
  const { executive, frontline } = usesKinds
    ? pairedViews(questions)
    : {
        executive: byRole.get(EXECUTIVE_ROLE) ?? null,
        frontline: byRole.get(FRONTLINE_ROLE) ?? null,
      };
  const perceptionGap = executive !== null && frontline !== null ? executive - frontline : null;

  return {
    figures: confidenceFigures(questions, answering, registry, coverage),
    dimension,
    questions,
    score,
    level,
    cappedBy,
    answeredWeight,
    applicableWeight,
    coverage,
    byRole,
    target,
    perceptionGap,
    executive,
    frontline,
  };
}

/**
 * The executive and front-line views of a dimension over the experience questions both roles
 * answered (weighted means of their per-role scores): facts are not compared, and a question only
 * one side answered says nothing about the gap between them.
 */
function pairedViews(questions: readonly QuestionScore[]): {
  executive: number | null;
  frontline: number | null;
} {
  const exec: [number, number][] = [];
  const front: [number, number][] = [];
  for (const q of questions) {
    if (q.kind === "fact") continue;
    const e = q.byRole.get(EXECUTIVE_ROLE);
    const f = q.byRole.get(FRONTLINE_ROLE);
    if (e === undefined || e === null || f === undefined || f === null) continue;
    exec.push([e, q.tally.question.weight]);
    front.push([f, q.tally.question.weight]);
  }
  return { executive: weightedMean(exec), frontline: weightedMean(front) };
}

/** A dimension's figures for confidence: respondents, roles expected and present, agreement. */
function confidenceFigures(
  questions: readonly QuestionScore[],
  answering: readonly string[],
  registry: RoleRegistry,
  coverage: number | null,
): ConfidenceFigures {
  let respondents = 0;
  let answeredWeight = 0;
  let agreedWeight = 0;
  const expected = new Set<string>();
  const present = new Set<string>();
  for (const q of questions) {
    const { tally } = q;
    respondents = Math.max(respondents, tally.answered);
    for (const role of answering) {
      if (isForRole(tally.question, role)) expected.add(role);
      const r = registry.index.get(role);
      if (r !== undefined && (tally.n[r] ?? 0) > 0) present.add(role);
    }
    if (tally.answered > 0) {
      const weight = Math.max(0, tally.question.weight);
      answeredWeight += weight;
      agreedWeight += weight * adjacentAgreement(tally);
    }
  }
  const rolesExpected = answering.filter((r) => expected.has(r));
  return {
    coverage,
    respondents,
    rolesExpected,
    rolesPresent: rolesExpected.filter((r) => present.has(r)),
    agreement: answeredWeight > 0 ? agreedWeight / answeredWeight : null,
  };
}

/**
 * The largest share of a question's respondents whose scores lie on two adjacent levels (percent
 * adjacent agreement): 1 when everyone is within one level of each other.
 */
function adjacentAgreement(tally: QuestionTally): number {
  let best = 0;
  for (let i = 0; i < tally.hist.length; i++) {
    best = Math.max(best, (tally.hist[i] ?? 0) + (tally.hist[i + 1] ?? 0));
  }
  return tally.answered > 0 ? best / tally.answered : 1;
}

/** The overall figures: the most respondents on any question, roles over every dimension, agreement weighted by dimension. */
function overallFigures(
  scored: readonly DimensionScore[],
  answering: readonly string[],
  coverage: number | null,
): ConfidenceFigures {
  const expected = new Set(scored.flatMap((d) => d.figures.rolesExpected));
  const present = new Set(scored.flatMap((d) => d.figures.rolesPresent));
  const rolesExpected = answering.filter((r) => expected.has(r));
  return {
    coverage,
    respondents: Math.max(0, ...scored.map((d) => d.figures.respondents)),
    rolesExpected,
    rolesPresent: rolesExpected.filter((r) => present.has(r)),
    agreement: weightedMean(
      scored.flatMap((d) =>
        d.figures.agreement === null ? [] : [[d.figures.agreement, d.dimension.weight] as const],
      ),
    ),
  };
}

function roundMap(map: Map<string, number | null>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [key, value] of map) out[key] = round2OrNull(value);
  return out;
}

function compareNotes(a: NoteResult, b: NoteResult): number {
  return (
    compareIds(a.respondent, b.respondent) ||
    compareIds(a.role, b.role) ||
    compareText(a.note ?? "", b.note ?? "") ||
    compareText(a.evidence ?? "", b.evidence ?? "")
  );
}

/** How a survey-sized question's answers spread: its rwg and the shares at either end of the scale. */
interface SurveySpread {
  answered: number;
  /** Single-item rwg, two decimals. */
  rwg: number;
  /** Shares of the answers below and above the middle of the scale, two decimals. */
  lowShare: number;
  highShare: number;
}

/**
 * A question's spread: whether its answers lie apart, and for a survey-sized question (at least
 * `SURVEY_SIZED_ANSWERS` answers) its rwg and end shares. Apart means, below that size, at least
 * `DISAGREEMENT_SPREAD` levels between the lowest and highest answer (the interview rule); from it,
 * single-item rwg in LeBreton & Senter's weak band or below (under 0.51).
 */
function spreadOf(tally: QuestionTally): { apart: boolean; survey: SurveySpread | null } {
  if (tally.answered === 0) return { apart: false, survey: null };
  if (tally.answered < SURVEY_SIZED_ANSWERS) {
    return { apart: tally.max - tally.min >= DISAGREEMENT_SPREAD, survey: null };
  }
  let sum = 0;
  let sumSquares = 0;
  let low = 0;
  let high = 0;
  const middle = (tally.levels - 1) / 2;
  tally.hist.forEach((count = 0, i) => {
    sum += count * i;
    sumSquares += count * i * i;
    if (i < middle) low += count;
    if (i > middle) high += count;
  });
  const variance = varianceOf(tally.answered, sum, sumSquares) ?? 0;
  const rwg = round2OrNull(rwgSingle(variance, uniformNullVariance(tally.levels))) ?? 0;
  const band = agreementBand(rwg);
  return {
    apart: band === "weak" || band === "none",
    survey: {
      answered: tally.answered,
      rwg,
      lowShare: round2(low / tally.answered),
      highShare: round2(high / tally.answered),
    },
  };
}

function questionResult(q: QuestionScore): QuestionResult {
  const { tally } = q;
  const spread = tally.answered > 0 ? tally.max - tally.min : null;
  const { apart, survey } = spreadOf(tally);
  return {
    id: tally.question.id,
    score: round2OrNull(q.combined),
    byRole: roundMap(q.byRole),
    spread,
    ...(survey ? { rwg: survey.rwg } : {}),
    disagreement: apart && q.kind !== "fact",
    kind: q.kind,
    factConflict: apart && q.kind === "fact",
    applicable: tally.answered + tally.unknown > 0,
    answered: tally.answered,
    na: tally.na,
    unknown: tally.unknown,
    notes: [...tally.notes].sort(compareNotes),
  };
}

/** Roles with respondents, counted; and every role to report: the declared ones, then the rest by id. */
function respondingRoles(
  questionnaire: Questionnaire,
  registry: RoleRegistry,
): { roleCounts: Map<string, number>; roles: string[] } {
  const roleCounts = new Map<string, number>();
  for (const [role, r] of registry.index) {
    const count = registry.counts[r] ?? 0;
    if (count > 0) roleCounts.set(role, count);
  }
  const declared = questionnaire.roles.map((r) => r.id);
  const extra = [...roleCounts.keys()].filter((r) => !declared.includes(r)).sort(compareIds);
  return { roleCounts, roles: [...declared, ...extra] };
}

/** A dimension's target: from the options, else the input, else the questionnaire. */
function targetOf(
  dimension: ComposedDimension,
  input: Omit<AssessmentInput, "respondents">,
  options: ScoreOptions,
): number {
  return hasOwn(options.targets, dimension.id)
    ? (options.targets[dimension.id] ?? dimension.target)
    : hasOwn(input.targets, dimension.id)
      ? (input.targets[dimension.id] ?? dimension.target)
      : dimension.target;
}

/** The unrounded scores the risk and readiness rules are evaluated against (first id wins). */
function scoreViewOf(
  scored: DimensionScore[],
  overallScore: number | null,
  overallCoverage: number | null,
): ScoreView {
  const dimensionViews = new Map<string, DimensionView>();
  const questionViews = new Map<string, number | null>();
  for (const d of scored) {
    if (!dimensionViews.has(d.dimension.id)) {
      dimensionViews.set(d.dimension.id, {
        score: d.score,
        coverage: d.coverage,
        perceptionGap: d.perceptionGap,
      });
    }
    for (const q of d.questions) {
      if (!questionViews.has(q.tally.question.id))
        questionViews.set(q.tally.question.id, q.combined);
    }
  }
  return {
    dimensions: dimensionViews,
    questions: questionViews,
    overall: { score: overallScore, coverage: overallCoverage },
  };
}

/** Rounds a scored dimension into its results entry, with its gap, risk and perception gap. */
function dimensionResult(
  d: DimensionScore,
  levelName: (level: number | null) => LocalizedText | null,
  horizonMonths: number,
  monthsPerLevel: number,
  assessmentDate: string,
): DimensionResult {
  return {
    id: d.dimension.id,
    title: d.dimension.title,
    pillar: d.dimension.pillar,
    weight: d.dimension.weight,
    score: round2OrNull(d.score),
    level: d.level,
    levelName: levelName(d.level),
    cappedBy: d.cappedBy && { question: d.cappedBy.question, score: round2(d.cappedBy.score) },
    answeredWeight: round2(d.answeredWeight),
    applicableWeight: round2(d.applicableWeight),
    coverage: round2OrNull(d.coverage),
    ...confidenceResult(d.figures),
    byRole: roundMap(d.byRole),
    target: d.target,
    ...targetFigures(d.score, d.target, horizonMonths, monthsPerLevel, assessmentDate),
    perceptionGap:
      d.perceptionGap === null || d.executive === null || d.frontline === null
        ? null
        : {
            executive: round2(d.executive),
            frontline: round2(d.frontline),
            gap: round2(d.perceptionGap),
            flagged: atLeast(d.perceptionGap, PERCEPTION_GAP_FLAG),
          },
    questions: d.questions.map(questionResult),
  };
}

/** Orders the roster by id, then role, then name. */
function compareRespondents(
  a: Results["respondents"][number],
  b: Results["respondents"][number],
): number {
  return (
    compareIds(a.id, b.id) || compareIds(a.role, b.role) || compareText(a.name ?? "", b.name ?? "")
  );
}

/** The flagged perception gaps, one per dimension. */
function flaggedPerceptionGaps(dimensions: DimensionResult[]): Results["perceptionGaps"] {
  return dimensions.flatMap((d) =>
    d.perceptionGap?.flagged
      ? [
          {
            dimension: d.id,
            executive: d.perceptionGap.executive,
            frontline: d.perceptionGap.frontline,
            gap: d.perceptionGap.gap,
          },
        ]
      : [],
  );
}

/**
 * The answered questions whose answers lie apart (`spreadOf`): the disagreements (questions that
 * are not facts), or, with `facts`, the facts to settle.
 */
function disagreementsOf(scored: DimensionScore[], facts = false): Results["disagreements"] {
  return scored.flatMap((d) =>
    d.questions
      .filter((q) => (q.kind === "fact") === facts)
      .flatMap((q) => {
        const { apart, survey } = spreadOf(q.tally);
        if (!apart) return [];
        return {
          dimension: d.dimension.id,
          question: q.tally.question.id,
          spread: q.tally.max - q.tally.min,
          min: q.tally.min,
          max: q.tally.max,
          ...survey,
        };
      }),
  );
}

/** Turns the tallies into results: scores, levels, coverage and gaps, then the analysis stage (risks, readiness). */
function buildResults(
  questionnaire: Questionnaire,
  tallies: QuestionTally[][],
  roster: Results["respondents"],
  registry: RoleRegistry,
  input: Omit<AssessmentInput, "respondents">,
  options: ScoreOptions,
  analyse: AnalysisStage,
): Results {
  const { roleCounts, roles } = respondingRoles(questionnaire, registry);
  const horizonMonths =
    options.horizonMonths ?? input.assessment.horizonMonths ?? DEFAULT_HORIZON_MONTHS;
  const { monthsPerLevel } = questionnaire.pace;
  const levelName = (level: number | null): LocalizedText | null =>
    level === null ? null : (questionnaire.scale.find((s) => s.level === level)?.name ?? null);

  const answering = respondentRoles(questionnaire).map((r) => r.id);
  const usesKinds = usesQuestionKinds(questionnaire);
  const scored = questionnaire.dimensions.map((dimension, i) => {
    const target = targetOf(dimension, input, options);
    return scoreDimension(
      dimension,
      tallies[i] ?? [],
      roles,
      answering,
      registry,
      target,
      usesKinds,
    );
  });

  const overallScore = weightedMean(
    scored.flatMap((d) => (d.score === null ? [] : [[d.score, d.dimension.weight] as const])),
  );
  const overallCoverage = weightedMean(
    scored.flatMap((d) => (d.coverage === null ? [] : [[d.coverage, d.dimension.weight] as const])),
  );
  const overallLevel = overallScore === null ? null : floorLevel(overallScore);

  const { risks, readiness } = analyse(
    questionnaire,
    scoreViewOf(scored, overallScore, overallCoverage),
  );

  const dimensions = scored.map((d) =>
    dimensionResult(d, levelName, horizonMonths, monthsPerLevel, input.assessment.date),
  );

  const respondentsByRole: Record<string, number> = {};
  for (const role of roles) respondentsByRole[role] = roleCounts.get(role) ?? 0;

  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    assessment: {
      client: input.assessment.client,
      date: input.assessment.date,
      assessor: input.assessment.assessor,
      ...(input.goals && input.goals.length > 0 ? { goals: input.goals } : {}),
    },
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    horizonMonths,
    monthsPerLevel,
    ...(questionnaire.profile ? { profile: profileResult(questionnaire.profile) } : {}),
    respondents: [...roster].sort(compareRespondents),
    respondentsByRole,
    overall: {
      score: round2OrNull(overallScore),
      level: overallLevel,
      levelName: levelName(overallLevel),
      coverage: round2OrNull(overallCoverage),
      ...confidenceResult(overallFigures(scored, answering, overallCoverage)),
    },
    dimensions,
    perceptionGaps: flaggedPerceptionGaps(dimensions),
    disagreements: disagreementsOf(scored),
    factConflicts: disagreementsOf(scored, true),
    risks,
    readiness,
  };
}

/** The profile as results name it: ids and names, and how it was chosen. */
export function profileResult(chosen: ChosenProfile): ResultsProfile {
  const ref = (p: { id: string; name: LocalizedText }) => ({ id: p.id, name: p.name });
  return {
    ...(chosen.industry ? { industry: ref(chosen.industry) } : {}),
    ...(chosen.size ? { size: ref(chosen.size) } : {}),
    chosenBy: chosen.chosenBy,
  };
}
