import { z } from "../zod.js";

/** Bumped whenever the comparison JSON changes incompatibly. */
export const COMPARISON_SCHEMA_VERSION = 1;

import { clientProfile } from "../answers/schema.js";
import { questionnaireBasics } from "../questionnaire/schema.js";

const { localizedText, pillar, severity } = questionnaireBasics();

// The comparison JSON (`compare --format json`); docs/compare.md defines every figure.

const confidence = z.enum(["high", "medium", "low"]);
const verdict = z.enum(["ready", "conditional", "not-ready", "inconclusive"]);

export const changeSchema = z
  .strictObject({
    baseline: z.number().nullable(),
    followup: z.number().nullable(),
    change: z.number().nullable(),
  })
  .describe(
    "A value at baseline and at follow-up, and follow-up minus baseline (null if either is null).",
  );

const confidenceChange = z.strictObject({
  baseline: confidence.nullable(),
  followup: confidence.nullable(),
});

export const assessmentSummarySchema = z
  .strictObject({
    client: clientProfile,
    date: z.string(),
    assessor: z.string(),
    questionnaire: z.strictObject({ id: z.string(), version: z.string() }),
    respondents: z.number().int(),
    questionnaireAvailable: z
      .boolean()
      .describe(
        "True when the questionnaire itself was available (texts, anchors and weights comparable).",
      ),
  })
  .describe("The assessment header of one side.");

/** A respondent role as the comparison names it. */
export const roleRefSchema = z
  .strictObject({
    id: z.string(),
    name: localizedText
      .nullable()
      .describe("The role's name in the questionnaire; null when no questionnaire has the role."),
    people: localizedText
      .nullable()
      .describe("The role's people as a group inside a sentence (the name when not given)."),
    respondents: z
      .number()
      .int()
      .describe("Respondents of this role at the assessment where it took part."),
  })
  .describe("A respondent role.");

const sideWarning = z
  .strictObject({
    code: z.enum(["client-mismatch", "questionnaire-mismatch", "same-date"]),
    baseline: z.string(),
    followup: z.string(),
  })
  .describe("Something the consultant should check; the comparison still went ahead.");

/** The two sides scored with different profiles (docs/compare.md, Profiles). */
export const profileWarningSchema = z
  .strictObject({
    code: z.enum(["profile-mismatch", "profile-unavailable"]),
    baseline: z
      .string()
      .describe("The baseline's profile ids joined by ',', or standard (no profile)."),
    followup: z
      .string()
      .describe("The follow-up's profile ids joined by ',', or standard (no profile)."),
    names: z
      .strictObject({ baseline: z.array(localizedText), followup: z.array(localizedText) })
      .describe("The profiles' names at each side (industry, then size); empty for standard."),
  })
  .describe(
    "The assessments were scored with different profiles (profile-unavailable: one side's questionnaire has none).",
  );

/** Roles that answered at one assessment only (docs/compare.md, Roles). */
export const roleMismatchWarningSchema = z
  .strictObject({
    code: z.literal("role-mismatch"),
    baseline: z.string().describe("The roles that answered at the baseline: ids joined by ', '."),
    followup: z.string().describe("The roles that answered at the follow-up: ids joined by ', '."),
    onlyBaseline: z.array(roleRefSchema).describe("Roles that answered at the baseline only."),
    onlyFollowup: z.array(roleRefSchema).describe("Roles that answered at the follow-up only."),
    shared: z
      .array(roleRefSchema)
      .describe("Roles that answered at both (respondents: at the follow-up)."),
    comparedOn: z
      .enum(["shared-roles", "all-respondents"])
      .describe(
        "shared-roles: both sides were scored again on the shared roles alone, so every figure compares like with like; all-respondents: a side could not be scored again (results, or no shared role), so its figures include roles the other side lacks.",
      ),
    dimensions: z
      .array(z.string())
      .describe(
        "Dimensions on which a role of one side only gave answers, in the comparison's order.",
      ),
  })
  .describe(
    "Respondent roles that answered at one assessment only: the applicable questions, the role-balanced scores and the perception gaps differ for that reason alone.",
  );

export const comparisonWarningSchema = z
  .discriminatedUnion("code", [sideWarning, profileWarningSchema, roleMismatchWarningSchema])
  .describe("Something the consultant should check; the comparison still went ahead.");

export const progressStatusSchema = z
  .enum(["measured", "baseline-at-target", "inconclusive", "added", "removed"])
  .describe(
    "Why progress is (or is not) a number: measured; baseline-at-target (no gap to close); inconclusive (a score is null); added / removed (in one questionnaire only).",
  );

/** Whether a dimension's score change is larger than the measurement's noise (docs/compare.md). */
export const changeSignalSchema = z
  .strictObject({
    band: z
      .number()
      .nullable()
      .describe(
        "Half-width of the noise band in score points: a change this large or larger is real; null when a score is inconclusive.",
      ),
    basis: z
      .enum(["agreement", "no-agreement"])
      .describe(
        "agreement: from both sides' rwg(j) and respondents; no-agreement: a side has no agreement figure (one respondent), so the fixed band applies.",
      ),
    signal: z
      .enum(["gain", "loss", "within-noise", "inconclusive"])
      .describe("gain or loss: real change; within-noise: smaller than the band."),
  })
  .describe("Real change or measurement noise.");

export const dimensionChangeSchema = z.strictObject({
  id: z.string(),
  title: localizedText,
  pillar,
  status: z.enum(["matched", "added", "removed"]),
  score: changeSchema,
  /** The score change judged against the measurement's noise. */
  noise: changeSignalSchema,
  weight: changeSchema.describe(
    "The dimension's weight in the overall score at each side (null where it does not exist).",
  ),
  level: changeSchema,
  coverage: changeSchema.describe("Coverage as a 0–1 share; the change is in share points."),
  confidence: confidenceChange,
  target: z
    .strictObject({ baseline: z.number().nullable(), followup: z.number().nullable() })
    .describe("Targets in force at each assessment; progress is measured against the follow-up's."),
  progress: z
    .number()
    .nullable()
    .describe(
      "Share of the baseline gap closed, as a whole percentage clamped to 0–100; null unless measured.",
    ),
  progressStatus: progressStatusSchema,
  questionsChanged: z
    .boolean()
    .describe(
      "True when a question of this dimension was added, removed, moved or changed between versions.",
    ),
});

/** An outcome KPI of the baseline's scorecard and how it moved. */
export const kpiMoveSchema = z
  .strictObject({
    dimension: z.string(),
    title: localizedText,
    score: changeSchema,
    noise: changeSignalSchema,
    target: z.number().nullable().describe("The follow-up's target for the dimension."),
  })
  .describe(
    "The baseline's outcome KPIs (its largest weighted gaps, as the report's scorecard chose them) at both assessments.",
  );

export const overallChangeSchema = z.strictObject({
  score: changeSchema,
  level: changeSchema,
  coverage: changeSchema,
  confidence: confidenceChange,
  weightsChanged: z
    .boolean()
    .describe(
      "True when the dimensions on both sides carry other shares of the overall score at the follow-up (their weights changed, not merely all scaled alike): part of the overall change comes from the re-weighting.",
    ),
});

export const riskChangeSchema = z.strictObject({
  id: z.string(),
  title: localizedText,
  severity: z
    .strictObject({ baseline: severity.nullable(), followup: severity.nullable() })
    .describe("Severity at each side (null where the risk was not triggered)."),
  dimension: z.string().nullable(),
  rule: z
    .enum(["not-in-followup-questionnaire", "not-in-baseline-questionnaire"])
    .nullable()
    .describe(
      "Set when a resolved risk's rule is gone from the follow-up questionnaire or a new risk's rule was not in the baseline's; null when the rule exists on both sides or a questionnaire is unavailable.",
    ),
});

export const readinessRuleRefSchema = z.strictObject({
  id: z.string(),
  verdict: z.enum(["not-ready", "conditional"]),
  title: localizedText,
});

export const readinessChangeSchema = z.strictObject({
  baseline: verdict,
  followup: verdict,
  direction: z
    .enum(["improved", "worsened", "unchanged", "not-comparable"])
    .describe("not-comparable when either verdict is inconclusive."),
  baselineRules: z.array(readinessRuleRefSchema).describe("The rules that decided each verdict."),
  followupRules: z.array(readinessRuleRefSchema),
});

export const perceptionGapChangeSchema = z.strictObject({
  dimension: z.string(),
  title: localizedText,
  gap: changeSchema.describe(
    "Executive minus front-line score at each side; null when not measured.",
  ),
  flagged: z.strictObject({ baseline: z.boolean(), followup: z.boolean() }),
});

export const questionFieldSchema = z
  .enum(["text", "anchors", "type", "weight", "reverse", "critical", "kind", "roles", "dimension"])
  .describe("What changed in a question's definition between the two questionnaire versions.");

export const questionRefSchema = z.strictObject({
  id: z.string(),
  dimension: z.string(),
  text: localizedText
    .nullable()
    .describe(
      "Question text, from whichever questionnaire has the question; null when unavailable.",
    ),
});

export const questionDiffSchema = questionRefSchema.extend({
  fields: z.array(questionFieldSchema),
});

export const questionChangeSchema = questionRefSchema.extend({
  score: changeSchema,
  definitionChanged: z
    .boolean()
    .describe(
      "True when the question's definition changed, so its scores are not strictly comparable.",
    ),
});

export const questionBasisSchema = z
  .enum(["questionnaires", "same-version", "ids-only"])
  .describe(
    "How question differences were found: both questionnaires compared; same id and version on both sides; or ids only (a questionnaire was unavailable).",
  );

export const questionComparisonSchema = z.strictObject({
  basis: questionBasisSchema,
  added: z.array(questionRefSchema),
  removed: z.array(questionRefSchema),
  changed: z.array(questionDiffSchema),
  matched: z
    .array(questionChangeSchema)
    .describe("Questions on both sides, in follow-up order, with their combined scores."),
  movers: z
    .array(questionChangeSchema)
    .describe("The matched questions that moved most: largest absolute change first, then id."),
});

/** The comparison model (`compare --format json`). */
export const comparisonSchema = z
  .strictObject({
    schemaVersion: z.literal(COMPARISON_SCHEMA_VERSION),
    baseline: assessmentSummarySchema,
    followup: assessmentSummarySchema,
    interval: z
      .strictObject({ days: z.number().int(), months: z.number().int() })
      .describe("Calendar time between the assessments."),
    warnings: z.array(comparisonWarningSchema),
    overall: overallChangeSchema,
    dimensions: z.array(dimensionChangeSchema),
    kpis: z
      .array(kpiMoveSchema)
      .describe("The baseline's outcome KPIs and how they moved, largest weighted gap first."),
    risks: z.strictObject({
      resolved: z.array(riskChangeSchema),
      new: z.array(riskChangeSchema),
      persisting: z.array(riskChangeSchema),
    }),
    readiness: readinessChangeSchema,
    perceptionGaps: z.array(perceptionGapChangeSchema),
    questions: questionComparisonSchema,
  })
  .describe("Progress between two assessments of one client (`compare --format json`).");

export type Comparison = z.infer<typeof comparisonSchema>;
export type Change = z.infer<typeof changeSchema>;
export type ChangeSignal = z.infer<typeof changeSignalSchema>;
export type KpiMove = z.infer<typeof kpiMoveSchema>;
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;
export type ComparisonWarning = z.infer<typeof comparisonWarningSchema>;
export type RoleMismatchWarning = z.infer<typeof roleMismatchWarningSchema>;
export type ProfileWarning = z.infer<typeof profileWarningSchema>;
export type RoleRef = z.infer<typeof roleRefSchema>;
export type ComparisonWarningCode = ComparisonWarning["code"];
export type ProgressStatus = z.infer<typeof progressStatusSchema>;
export type DimensionChange = z.infer<typeof dimensionChangeSchema>;
export type OverallChange = z.infer<typeof overallChangeSchema>;
export type RiskChange = z.infer<typeof riskChangeSchema>;
export type Verdict = z.infer<typeof verdict>;
export type ReadinessRuleRef = z.infer<typeof readinessRuleRefSchema>;
export type ReadinessChange = z.infer<typeof readinessChangeSchema>;
export type PerceptionGapChange = z.infer<typeof perceptionGapChangeSchema>;
export type QuestionField = z.infer<typeof questionFieldSchema>;
export type QuestionRef = z.infer<typeof questionRefSchema>;
export type QuestionDiff = z.infer<typeof questionDiffSchema>;
export type QuestionChange = z.infer<typeof questionChangeSchema>;
export type QuestionBasis = z.infer<typeof questionBasisSchema>;
export type QuestionComparison = z.infer<typeof questionComparisonSchema>;
