import { questionnaireBasics } from "../questionnaire/schema.js";
import { z } from "../zod.js";

const { crmSituation, identifier } = questionnaireBasics();

/**
 * A bare answer: a level on the questionnaire's scale, `na` or `unknown`.
 * The schema accepts any integer so the semantic check can report `out-of-scale` against the
 * questionnaire's own scale; the JSON Schema still tells editors the range (1–5).
 */
export const answerScalar = z
  .union([
    z.number().int().meta({
      minimum: 1,
      maximum: 5,
      description: "The level or agreement on the questionnaire's scale, 1 to 5.",
    }),
    z.literal("na").describe("Not applicable: takes the question out of every denominator."),
    z
      .literal("unknown")
      .describe("The respondent does not know: applicable but unanswered (lowers coverage)."),
  ])
  .describe("1 to 5, `na` (not applicable) or `unknown`.");

/** The object form of an answer, carrying a note and the evidence seen. */
export const answerEntry = z
  .strictObject({
    value: answerScalar,
    note: z.string().optional().describe("The interviewer's note."),
    evidence: z.string().optional().describe("Evidence seen or referred to (document, report, …)."),
  })
  .describe("An answer with an optional note and evidence.");

export const answerValue = z
  .union([answerScalar, answerEntry])
  .describe("An answer: 1 to 5, `na`, `unknown`, or `{ value, note?, evidence? }`.");

export const respondent = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .describe("Unique among the assessment's respondents (across merged answer files)."),
    name: z.string().optional().describe("The respondent's name, if it may be recorded."),
    role: identifier.describe("One of the questionnaire's role ids, e.g. executive or frontline."),
    answers: z
      .record(z.string(), answerValue)
      .default({})
      .describe("Answers keyed by question id."),
  })
  .describe("One person who answered the questionnaire.");

export const clientProfile = z
  .strictObject({
    name: z.string().min(1).describe("The client's name."),
    industry: z.string().optional().describe("The client's industry, e.g. Manufacturing."),
    size: z.string().optional().describe("The client's size as free text, e.g. 500-1000."),
    employees: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        "The client's headcount; chooses the questionnaire's size band (else the largest number in `size`).",
      ),
    profile: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The questionnaire profile to score with, e.g. `b2c-retail` or `b2c-retail,enterprise`; `standard` for none. Chosen from `industry` and the headcount when omitted; `--profile` wins.",
      ),
    crmSituation: crmSituation
      .optional()
      .describe("The client's CRM system today; `none` when omitted. Chooses the roadmap's path."),
  })
  .describe("The client being assessed.");

export const targetMap = z
  .record(
    identifier,
    z.number().meta({ minimum: 1, maximum: 5, description: "Target level (1 to 5)." }),
  )
  .describe("Target level per dimension id; overrides the questionnaire's default targets.");

export const assessmentMeta = z
  .strictObject({
    client: clientProfile,
    date: z.iso.date().describe("The assessment date, YYYY-MM-DD."),
    assessor: z.string().min(1).describe("Who ran the assessment."),
    questionnaire: z
      .strictObject({
        id: identifier.describe("The questionnaire id the answers were given to."),
        version: z.string().min(1).describe("The questionnaire version, e.g. 1.0.0."),
      })
      .describe("The questionnaire (id and version) the answers belong to."),
    horizonMonths: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Planning horizon in months for expectation risk; 12 when omitted."),
  })
  .describe("Metadata of one client engagement.");

/** A goal the client's executives stated, to be set against the capability it depends on. */
export const statedGoal = z
  .strictObject({
    text: z.string().min(1).describe("The goal in the executive's words, e.g. 98% satisfaction."),
    metric: z
      .string()
      .min(1)
      .optional()
      .describe("How the goal is measured, e.g. customer satisfaction (CSAT survey)."),
    target: z.string().min(1).optional().describe("The value the executive named, e.g. 98%."),
    by: z.iso.date().optional().describe("The date the executive expects it by, YYYY-MM-DD."),
    dimensions: z
      .array(identifier)
      .min(1)
      .describe("The dimensions whose capability the goal depends on."),
  })
  .describe("A goal an executive stated in the interview.");

/** An answers file (YAML or JSON). */
export const answersFile = z
  .strictObject({
    $schema: z.string().optional(),
    assessment: assessmentMeta,
    targets: targetMap.optional(),
    goals: z
      .array(statedGoal)
      .optional()
      .describe("Goals the executives stated; the report sets each against measured capability."),
    respondents: z.array(respondent).default([]).describe("The people who answered."),
  })
  .describe("Answers to a CRM capability maturity questionnaire.");

/** A targets file for `--targets file`: per-dimension target overrides. */
export const targetsFile = z
  .strictObject({
    $schema: z.string().optional(),
    targets: targetMap,
  })
  .describe("Per-dimension target levels for a client.");

export type AnswerScalar = z.infer<typeof answerScalar>;
export type AnswerEntry = z.infer<typeof answerEntry>;
export type AnswerValue = z.infer<typeof answerValue>;

/** The value of an answer, whether bare or with a note. */
export const answerScalarOf = (answer: AnswerValue): AnswerScalar =>
  typeof answer === "object" ? answer.value : answer;
export type Respondent = z.infer<typeof respondent>;
export type ClientProfile = z.infer<typeof clientProfile>;
export type AssessmentMeta = z.infer<typeof assessmentMeta>;
export type AnswersFile = z.infer<typeof answersFile>;
export type TargetsFile = z.infer<typeof targetsFile>;
export type StatedGoal = z.infer<typeof statedGoal>;
