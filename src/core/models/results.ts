import { RESULTS_SCHEMA_VERSION } from "../answers/input.js";
import { clientProfile, statedGoal } from "../answers/schema.js";
import { questionnaireBasics } from "../questionnaire/schema.js";
import { z } from "../zod.js";

const { condition, localizedText, pillar, severity } = questionnaireBasics();

import { reliabilitySchema } from "./reliability.js";
import { statisticsSchema } from "./statistics.js";

const score = z
  .number()
  .min(1)
  .max(5)
  .nullable()
  .describe("Score on the 1–5 scale, rounded to 2 decimals; null when inconclusive (never 0).");
const level = z
  .number()
  .int()
  .min(1)
  .max(5)
  .nullable()
  .describe("Maturity level (floor of the unrounded score); null when inconclusive.");
const levelName = localizedText
  .nullable()
  .describe("The scale's name for the level in every language; null when inconclusive.");
const coverage = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe(
    "Answered weight ÷ applicable weight, rounded to 2 decimals; null when nothing is applicable.",
  );
const confidence = z
  .enum(["high", "medium", "low"])
  .nullable()
  .describe(
    "From coverage, respondents, roles present and agreement (docs/scoring.md §5, confidenceBasis); null when nothing was answered (inconclusive).",
  );
const byRole = z
  .record(z.string(), score)
  .describe("Score per respondent role (every questionnaire role and any other role present).");

// ---- Results schema version 2 (issue 11): confidence basis, inconclusive readiness ----

/** Why a confidence is what it is: the four figures of docs/scoring.md §5 and what held it down. */
export const confidenceBasisSchema = z
  .strictObject({
    respondents: z
      .number()
      .int()
      .describe("The most respondents who gave a level to any one question here."),
    rolesExpected: z
      .array(z.string())
      .describe("Answering roles the questions here are put to, in questionnaire order."),
    rolesPresent: z
      .array(z.string())
      .describe("Those of rolesExpected with at least one respondent who gave a level here."),
    agreement: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe(
        "Weighted mean over answered questions of the largest share of respondents on two adjacent levels; null when nothing is answered.",
      ),
    limitedBy: z
      .array(z.enum(["coverage", "respondents", "roles", "agreement"]))
      .describe("The figures below the next confidence's threshold; empty at high confidence."),
  })
  .describe("The figures confidence is decided from.");

/** The readiness verdicts; `inconclusive` when nothing was answered. */
export const readinessVerdictSchema = z
  .enum(["ready", "conditional", "not-ready", "inconclusive"])
  .describe(
    "not-ready / conditional when such a rule holds, ready when none does, inconclusive when no respondent gave any level (no rule is evaluated).",
  );

/** A question's kind as scored: null when the questionnaire declares no kinds. */
export const questionKindSchema = z
  .enum(["fact", "experience"])
  .nullable()
  .describe(
    "fact or experience (a question without `kind` in a questionnaire that uses kinds is an experience item); null when the questionnaire uses no kinds.",
  );

/**
 * A survey-sized question's spread (at least 10 answers; absent below): what a disagreement or a
 * fact to settle is decided on there, and what the report shows of it.
 */
const surveySpreadFields = {
  answered: z
    .number()
    .int()
    .optional()
    .describe("Answers the figures rest on; present from 10 answers (a survey-sized question)."),
  rwg: z
    .number()
    .optional()
    .describe(
      "Single-item rwg (James, Demaree & Wolf 1984), two decimals; flagged below 0.51. Present from 10 answers.",
    ),
  lowShare: z
    .number()
    .optional()
    .describe(
      "Share of the answers below the middle of the scale (levels 1–2 of 5); from 10 answers.",
    ),
  highShare: z
    .number()
    .optional()
    .describe(
      "Share of the answers above the middle of the scale (levels 4–5 of 5); from 10 answers.",
    ),
};

/** A question whose answers lie apart: a disagreement or a fact to settle. */
const spreadFields = {
  dimension: z.string(),
  question: z.string(),
  spread: z.number(),
  min: z.number(),
  max: z.number(),
  ...surveySpreadFields,
};

/** A fact rated apart: the assessor settles it with evidence. */
export const factConflictSchema = z
  .strictObject(spreadFields)
  .describe(
    "A fact question whose respondents' ratings lie apart: at least 2 levels between the lowest and highest with fewer than 10 answers, single-item rwg below 0.51 from 10 answers.",
  );

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** A version-1 dimension's or overall confidence basis, from what version 1 recorded. */
function basisFromV1(questions: unknown[], byRole: unknown): ConfidenceBasis {
  const roles = isObject(byRole) ? Object.keys(byRole) : [];
  let respondents = 0;
  for (const q of questions) {
    if (isObject(q) && typeof q.answered === "number") {
      respondents = Math.max(respondents, q.answered);
    }
  }
  return {
    respondents,
    rolesExpected: roles,
    rolesPresent: roles.filter((r) => isObject(byRole) && byRole[r] !== null),
    agreement: null,
    limitedBy: [],
  };
}

/**
 * Reads a version-1 results file (from before question kinds and the confidence basis) as version
 * 2, so a baseline scored months ago still compares and reports: questions get `kind: null` and
 * `factConflict: false`, there are no fact conflicts, and the confidence keeps the value version 1
 * gave it, with the basis it can still show (respondents and roles; agreement null). Anything
 * else is returned unchanged for the schema to judge.
 */
export function upgradeResults(value: unknown): unknown {
  if (!isObject(value) || value.schemaVersion !== 1) return value;
  const dimensions = Array.isArray(value.dimensions) ? value.dimensions : [];
  const allQuestions: unknown[] = [];
  const upgraded = dimensions.map((d) => {
    if (!isObject(d)) return d;
    const questions = Array.isArray(d.questions) ? d.questions : [];
    allQuestions.push(...questions);
    return {
      ...d,
      confidenceBasis: basisFromV1(questions, d.byRole),
      questions: questions.map((q) =>
        isObject(q) ? { ...q, kind: null, factConflict: false } : q,
      ),
    };
  });
  const counts = isObject(value.respondentsByRole) ? value.respondentsByRole : {};
  const present = Object.fromEntries(
    Object.entries(counts).map(([role, n]) => [role, typeof n === "number" && n > 0 ? n : null]),
  );
  const overall = isObject(value.overall)
    ? { ...value.overall, confidenceBasis: basisFromV1(allQuestions, present) }
    : value.overall;
  return { ...value, schemaVersion: 2, overall, dimensions: upgraded, factConflicts: [] };
}

// ---- end of version 2 additions ----

export const noteSchema = z
  .strictObject({
    respondent: z.string().describe("Respondent id."),
    role: z.string().describe("The respondent's role."),
    note: z.string().optional(),
    evidence: z.string().optional(),
  })
  .describe("A note or evidence recorded with an answer.");

export const questionResultSchema = z
  .strictObject({
    id: z.string(),
    score: score.describe(
      "Combined score: mean over roles present of each role's mean (reversed items scored 6 − answer).",
    ),
    byRole,
    spread: z
      .number()
      .nullable()
      .describe("Highest minus lowest respondent score; null when unanswered."),
    rwg: z
      .number()
      .optional()
      .describe(
        "Single-item rwg of the answers (1 − s² ÷ σ²_EU, truncated at 0), two decimals; present from 10 answers.",
      ),
    disagreement: z
      .boolean()
      .describe(
        "True on a question that is not a fact when its answers lie apart: a spread of at least 2 levels with fewer than 10 answers, rwg below 0.51 from 10.",
      ),
    kind: questionKindSchema,
    factConflict: z
      .boolean()
      .describe("True when the question is a fact and its ratings lie apart (as `disagreement`)."),
    applicable: z
      .boolean()
      .describe("False when nobody was asked or every respondent asked said `na`."),
    answered: z.number().int().describe("Respondents who gave a level."),
    na: z.number().int().describe("Respondents who said `na`."),
    unknown: z
      .number()
      .int()
      .describe("Respondents asked who said `unknown` or left the question out."),
    notes: z.array(noteSchema).describe("Notes and evidence, ordered by respondent id."),
  })
  .describe("One question's result.");

export const conditionFindingSchema = z
  .strictObject({
    condition: condition.describe("The leaf condition."),
    holds: z.boolean(),
    value: z
      .union([z.number(), z.boolean()])
      .nullable()
      .describe(
        "The value the leaf looked at (scores rounded to 2 decimals); null when inconclusive.",
      ),
    text: z.string().describe("A short English explanation."),
  })
  .describe("A leaf condition that decided the outcome.");

export const perceptionGapSchema = z
  .strictObject({
    executive: z.number().describe("Executive-role dimension score."),
    frontline: z.number().describe("Front-line-role dimension score."),
    gap: z.number().describe("Executive minus front-line."),
    flagged: z.boolean().describe("True when the gap is at least 1.0 (the 'good news only' bias)."),
  })
  .describe("Executive versus front-line view of a dimension.");

export const dimensionResultSchema = z
  .strictObject({
    id: z.string(),
    title: localizedText,
    pillar,
    weight: z.number(),
    score: score.describe(
      "Weighted mean of the answered questions' combined scores; null when none is answered.",
    ),
    level,
    levelName,
    cappedBy: z
      .strictObject({
        question: z.string().describe("The critical question that capped the level."),
        score: z.number().describe("Its combined score."),
      })
      .nullable()
      .describe("Set when a critical question's level is below floor(score)."),
    answeredWeight: z.number().describe("Weight of the answered questions."),
    applicableWeight: z.number().describe("Weight of the applicable questions."),
    coverage,
    confidence,
    confidenceBasis: confidenceBasisSchema,
    byRole,
    target: z.number().describe("Override from --targets or the answers file, else the default."),
    gap: z.number().nullable().describe("max(0, target − score); null when inconclusive."),
    expectationRisk: z
      .strictObject({
        monthsNeeded: z
          .number()
          .int()
          .describe(
            "ceil((target − score) × monthsPerLevel), counted from the assessment date as if work on this dimension started then.",
          ),
        realisticDate: z.iso
          .date()
          .describe(
            "Assessment date + monthsNeeded months; ignores the roadmap's sequencing (the report dates targets by the roadmap's projection, which can be later).",
          ),
      })
      .nullable()
      .describe(
        "Set when target − score > horizonMonths ÷ monthsPerLevel: a simple pacing from the assessment date, not the roadmap's projection, so the report can find more targets out of reach, with later dates.",
      ),
    perceptionGap: perceptionGapSchema
      .nullable()
      .describe(
        "Null unless both executive and front-line respondents answered; with question kinds, computed on the experience questions both answered.",
      ),
    questions: z.array(questionResultSchema).describe("In questionnaire order."),
  })
  .describe("One dimension's result.");

export const riskResultSchema = z
  .strictObject({
    id: z.string(),
    title: localizedText,
    severity,
    mitigation: localizedText.nullable(),
    dimension: z.string().nullable().describe("Declaring dimension; null for questionnaire-wide."),
    because: z.array(conditionFindingSchema).describe("The leaves that made the condition true."),
  })
  .describe("A triggered risk.");

export const readinessRuleResultSchema = z
  .strictObject({
    id: z.string(),
    verdict: z.enum(["not-ready", "conditional"]),
    title: localizedText,
    rationale: localizedText.nullable(),
    because: z.array(conditionFindingSchema),
  })
  .describe("A readiness rule that holds and decided the verdict.");

/** The versioned results of scoring one assessment (`score --format json`). */
const profileRef = z
  .strictObject({ id: z.string(), name: localizedText })
  .describe("A profile of the questionnaire, by id and name.");

/** The questionnaire profile the answers were scored with. */
export const resultsProfileSchema = z
  .strictObject({
    industry: profileRef.optional().describe("The industry profile, when one applies."),
    size: profileRef.optional().describe("The size band, when one applies."),
    chosenBy: z
      .enum(["option", "answers"])
      .describe("`option`: --profile; `answers`: the client's profile, industry or size."),
  })
  .describe(
    "The questionnaire profile (industry and size band) that shaped weights, targets, questions and pace; absent for the standard weights.",
  );

export type ResultsProfile = z.infer<typeof resultsProfileSchema>;

export const resultsSchema = z
  .strictObject({
    schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
    assessment: z
      .strictObject({
        client: clientProfile,
        date: z.iso.date(),
        assessor: z.string(),
        goals: z
          .array(statedGoal)
          .optional()
          .describe("Goals the executives stated, from the answers files."),
      })
      .describe("The engagement."),
    questionnaire: z
      .strictObject({ id: z.string(), version: z.string() })
      .describe("The questionnaire the answers were scored with."),
    horizonMonths: z.number().describe("Planning horizon used for expectation risk."),
    monthsPerLevel: z.number().describe("The questionnaire's pace: months to climb one level."),
    profile: resultsProfileSchema.optional(),
    respondents: z
      .array(z.strictObject({ id: z.string(), role: z.string(), name: z.string().optional() }))
      .describe("Every respondent, ordered by id."),
    respondentsByRole: z
      .record(z.string(), z.number().int())
      .describe("Respondent count per role (every questionnaire role, then any other)."),
    overall: z.strictObject({
      score: score.describe("Dimension-weighted mean over conclusive dimensions."),
      level,
      levelName,
      coverage: coverage.describe("Dimension-weighted mean of the dimensions' coverage."),
      confidence,
      confidenceBasis: confidenceBasisSchema,
    }),
    dimensions: z.array(dimensionResultSchema).describe("In questionnaire order."),
    perceptionGaps: z
      .array(
        z.strictObject({
          dimension: z.string(),
          executive: z.number(),
          frontline: z.number(),
          gap: z.number(),
        }),
      )
      .describe("Flagged perception gaps only, in questionnaire order."),
    disagreements: z
      .array(z.strictObject(spreadFields))
      .describe(
        "Questions (not facts) whose respondents disagree, in questionnaire order: at least 2 levels between the lowest and highest answer with fewer than 10 answers; from 10 answers (a survey), single-item rwg below 0.51 (less than moderate agreement, LeBreton & Senter 2008).",
      ),
    factConflicts: z
      .array(factConflictSchema)
      .describe(
        "Facts rated at least 2 levels apart, for the assessor to settle; in questionnaire order.",
      ),
    risks: z.array(riskResultSchema).describe("Triggered risks, in questionnaire order."),
    readiness: z.strictObject({
      verdict: readinessVerdictSchema,
      rules: z.array(readinessRuleResultSchema).describe("The rules that decided the verdict."),
    }),
    reliability: reliabilitySchema
      .optional()
      .describe("With at least 2 respondents: internal consistency and agreement per dimension."),
    statistics: statisticsSchema
      .optional()
      .describe("Written by `batch` only: distributions of per-respondent scores."),
  })
  .describe("Results of a CRM capability maturity assessment.");

export type Results = z.infer<typeof resultsSchema>;
export type DimensionResult = z.infer<typeof dimensionResultSchema>;
export type QuestionResult = z.infer<typeof questionResultSchema>;
export type RiskResult = z.infer<typeof riskResultSchema>;
export type NoteResult = z.infer<typeof noteSchema>;
export type Confidence = NonNullable<z.infer<typeof confidence>>;
export type ConfidenceBasis = z.infer<typeof confidenceBasisSchema>;
