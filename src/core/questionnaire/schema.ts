import { z } from "../zod.js";

/** The roadmap's phases, in the order they run. */
export const PHASES = ["rigidify", "optimise", "solidify"] as const;

/**
 * Builds every schema of the questionnaire formats: once, on first use. Building them costs
 * `validate` about an eighth of its start-up, and a valid pack never needs them: the build's
 * precompiled checks (schema-checks.ts) pass first, and zod runs only to explain a problem.
 */
function build() {
  const b1 = questionnaireBasics();
  const b2 = { ...b1, ...questionSchemas(b1) };
  const b3 = { ...b2, ...dimensionSchemas(b2) };
  const b4 = { ...b3, ...methodSchemas(b3) };
  const b5 = { ...b4, ...profileSchemas(b4) };
  const all = { ...b5, ...rootSchemas(b5) };
  return {
    languageTag: all.languageTag,
    localizedText: all.localizedText,
    identifier: all.identifier,
    pillar: all.pillar,
    severity: all.severity,
    phase: all.phase,
    crmSituation: all.crmSituation,
    condition: all.condition,
    scaleLevel: all.scaleLevel,
    role: all.role,
    question: all.question,
    risk: all.risk,
    raci: all.raci,
    effort: all.effort,
    recommendation: all.recommendation,
    dimension: all.dimension,
    readinessRule: all.readinessRule,
    judgementSentence: all.judgementSentence,
    methodology: all.methodology,
    industryProfile: all.industryProfile,
    sizeProfile: all.sizeProfile,
    profileSet: all.profileSet,
    profilesFile: all.profilesFile,
    questionnaireRoot: all.questionnaireRoot,
    includeFile: all.includeFile,
  };
}

/** A condition over scores and answers; used by risks and readiness rules. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { dimension: string; below?: number; atLeast?: number }
  | { question: string; atMost?: number; atLeast?: number }
  | { overall: { below?: number; atLeast?: number } }
  | { perceptionGap: { dimension: string; atLeast: number } }
  | { coverage: { below: number; dimension?: string } }
  | { risk: string };

/** What each builder needs: everything the builders before it made. */
type B1 = ReturnType<typeof basics>;
type B2 = B1 & ReturnType<typeof questionSchemas>;
type B3 = B2 & ReturnType<typeof dimensionSchemas>;
type B4 = B3 & ReturnType<typeof methodSchemas>;
type B5 = B4 & ReturnType<typeof profileSchemas>;

/** The shared building blocks: language tags, texts, identifiers, the enums and conditions. */
function basics() {
  /** Language tags the format accepts for localised text, e.g. `en`, `zh-CN`. */
  const languageTag = z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z][A-Za-z]{1,3})?$/, {
      message: "a language tag such as en or zh-CN",
    })
    .describe("A BCP 47 language tag such as `en` or `zh-CN`.");

  /** Text a person reads, one entry per language (`en`, `zh-CN`, …). */
  const localizedText = z
    .record(languageTag, z.string().min(1))
    .describe("Text in every language the questionnaire declares, keyed by language tag.");

  const identifier = z
    .string()
    .regex(/^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/, {
      // The words of "expected … ; found …" (zod-issues.ts), so no one has to read the pattern.
      message:
        "an id of lower-case letters and digits, starting with a letter, parts joined by '-', '_' or '.' (e.g. lead.owner)",
    })
    .describe("A stable identifier: lower-case letters, digits and `-`, `_` or `.` separators.");

  const pillar = z
    .enum(["strategy", "people", "process", "technology"])
    .describe(
      "The pillar this dimension belongs to; roadmaps order work strategy → people → process → technology.",
    );

  const severity = z.enum(["high", "medium", "low"]).describe("How serious the risk is.");

  const phase = z
    .enum(PHASES)
    .describe(
      "Roadmap phase: rigidify (adopt the benchmark process as it is), optimise (adapt it once mastered), solidify (institutionalise it).",
    );

  /** Where the client stands with CRM software; chooses between greenfield and recovery actions. */
  const crmSituation = z
    .enum(["none", "selecting", "implementing", "live"])
    .describe(
      "The client's CRM system: none yet, selecting one, implementing one, or live (in use).",
    );

  const levelNumber = z.number().describe("A maturity level on the questionnaire's scale (1–5).");
  const positiveInt = z.number().int().min(1).max(10_000);

  const condition: z.ZodType<Condition> = z.lazy(() =>
    z.union([
      z
        .strictObject({ all: z.array(condition).min(1) })
        .describe("True when every sub-condition is."),
      z
        .strictObject({ any: z.array(condition).min(1) })
        .describe("True when any sub-condition is."),
      z.strictObject({ not: condition }).describe("True when the sub-condition is false."),
      z
        .strictObject({
          dimension: identifier.describe("Dimension id."),
          below: z.number().optional().describe("True when the dimension score is below this."),
          atLeast: z
            .number()
            .optional()
            .describe("True when the dimension score is at least this."),
        })
        .describe("Compares a dimension's score; false while the dimension is inconclusive."),
      z
        .strictObject({
          question: identifier.describe("Question id."),
          atMost: z.number().optional().describe("True when the combined score is at most this."),
          atLeast: z.number().optional().describe("True when the combined score is at least this."),
        })
        .describe("Compares a question's combined score; false while it is unanswered."),
      z
        .strictObject({
          overall: z.strictObject({
            below: z.number().optional(),
            atLeast: z.number().optional(),
          }),
        })
        .describe("Compares the overall score."),
      z
        .strictObject({
          perceptionGap: z.strictObject({
            dimension: identifier,
            atLeast: z.number().describe("Executive minus front-line score."),
          }),
        })
        .describe("True when executives rate a dimension this much higher than the front line."),
      z
        .strictObject({
          coverage: z.strictObject({
            below: z.number().min(0).max(1),
            dimension: identifier.optional(),
          }),
        })
        .describe("True when coverage (answered weight ÷ applicable weight) is below this share."),
      z.strictObject({ risk: identifier }).describe("True when the named risk is triggered."),
    ]),
  );

  return {
    languageTag,
    localizedText,
    identifier,
    pillar,
    severity,
    phase,
    crmSituation,
    levelNumber,
    positiveInt,
    condition,
  };
}

/** The scale, roles, questions and risks. */
function questionSchemas({ localizedText, identifier, severity, condition }: B1) {
  const scaleLevel = z
    .strictObject({
      level: z.number().int().min(1).max(5).describe("The level number, 1 to 5."),
      name: localizedText.describe("Short name, e.g. Initial / 初始级."),
      description: localizedText.describe("What an organisation at this level looks like."),
    })
    .describe("One level of the maturity scale.");

  const role = z
    .strictObject({
      id: identifier,
      name: localizedText,
      people: localizedText
        .optional()
        .describe(
          "The role's people as a group inside a sentence (e.g. 'the managers' / '中层经理'), where a plural is meant; the name when omitted.",
        ),
      description: localizedText.optional(),
      respondent: z
        .boolean()
        .optional()
        .describe(
          "false for roles that own roadmap actions but never answer (e.g. hr, pmo); interviews do not offer them.",
        ),
      capacity: z
        .number()
        .int()
        .min(1)
        .max(20)
        .optional()
        .describe("How many roadmap actions the role can run at once (default 2)."),
    })
    .describe("A respondent or owner role, e.g. executive, manager, frontline, it.");

  const question = z
    .strictObject({
      id: identifier.describe("Unique across the questionnaire; answers refer to it."),
      type: z
        .enum(["level", "likert"])
        .describe(
          "`level`: the answer picks the anchor that matches observed practice; `likert`: agreement from 1 (strongly disagree) to 5 (strongly agree).",
        ),
      kind: z
        .enum(["fact", "experience"])
        .optional()
        .describe(
          "`fact`: a fact of the organisation (governance, documents, policies), rated against evidence by the roles who can see it; never compared between roles, and conflicting ratings are flagged for the assessor. `experience`: a statement every role answers from its own seat; perception gaps and disagreements are computed on these. Omitted everywhere: every question counts as before.",
        ),
      text: localizedText.describe("The question or statement put to the respondent."),
      help: localizedText.optional().describe("Guidance for the interviewer."),
      evidence: localizedText
        .optional()
        .describe("The evidence the interviewer should ask to see."),
      weight: z.number().default(1).describe("Relative weight inside the dimension (> 0)."),
      critical: z
        .boolean()
        .optional()
        .describe("When true, the dimension's level cannot exceed this question's level."),
      reverse: z
        .boolean()
        .optional()
        .describe("Likert only: agreement signals weakness, so the item scores 6 − answer."),
      roles: z
        .array(identifier)
        .optional()
        .describe("Roles the question is put to; all roles when omitted."),
      levels: z
        .record(z.string().regex(/^[0-9]+$/), localizedText)
        .optional()
        .describe("Level type only: the observable practice that anchors each scale level (1–5)."),
    })
    .describe("One question.");

  const risk = z
    .strictObject({
      id: identifier,
      title: localizedText,
      description: localizedText.optional().describe("Why this matters."),
      severity,
      when: condition.describe("The condition that triggers the risk."),
      mitigation: localizedText.optional().describe("What to do about it (required by validate)."),
      source: z.string().optional().describe("Where the risk comes from, e.g. a failure cause."),
    })
    .describe("A named risk raised when its condition holds.");

  return { scaleLevel, role, question, risk };
}

/** Recommendations (with their RACI and effort) and the dimension file. */
function dimensionSchemas({
  localizedText,
  identifier,
  pillar,
  phase,
  crmSituation,
  levelNumber,
  positiveInt,
  question,
  risk,
}: B2) {
  /** Who else takes part in an action; its `owner` is the Responsible role. */
  const raci = z
    .strictObject({
      accountable: identifier.describe(
        "The one role that answers for the result and signs it off (may be the owner).",
      ),
      consulted: z
        .array(identifier)
        .default([])
        .describe("Roles asked for their view before decisions (two-way)."),
      informed: z
        .array(identifier)
        .default([])
        .describe("Roles kept up to date on progress and decisions (one-way)."),
    })
    .describe("RACI beyond the owner (Responsible): Accountable, Consulted and Informed roles.");

  /** The team's working time an action takes, as a range. */
  const effort = z
    .strictObject({
      low: z.number().positive().max(10_000).describe("Person-weeks in a favourable case."),
      high: z
        .number()
        .positive()
        .max(10_000)
        .describe("Person-weeks in an unfavourable case (≥ low)."),
    })
    .describe(
      "Effort in person-weeks (working time of everyone involved); the duration is `weeks`.",
    );

  const recommendation = z
    .strictObject({
      id: identifier,
      dimension: identifier
        .optional()
        .describe("The dimension it improves; defaults to the dimension that declares it."),
      phase,
      appliesBelow: levelNumber.describe("Applies while the dimension's level is below this."),
      title: localizedText,
      description: localizedText.optional(),
      actions: z.array(localizedText).min(1).describe("Concrete steps."),
      owner: identifier.describe("The role that owns the work."),
      weeks: positiveInt.describe("Expected duration in weeks."),
      raci: raci.optional(),
      effort: effort.optional(),
      kpis: z
        .array(localizedText)
        .default([])
        .describe("How progress is measured (validate warns when empty)."),
      dependsOn: z
        .array(identifier)
        .default([])
        .describe("Recommendations that must finish first."),
      mitigates: z.array(identifier).default([]).describe("Risks this recommendation mitigates."),
      training: z
        .boolean()
        .optional()
        .describe("Trains people: every rollout of the same or a later phase waits for it."),
      rollout: z
        .boolean()
        .optional()
        .describe(
          "Takes a practice or system live across units: small-and-slow pilots it in one unit before the staged rollout.",
        ),
      situations: z
        .array(crmSituation)
        .min(1)
        .optional()
        .describe("The client CRM situations it applies in; every situation when omitted."),
    })
    .describe("An action placed in a roadmap phase.");

  const dimension = z
    .strictObject({
      id: identifier,
      title: localizedText,
      description: localizedText.optional(),
      pillar,
      weight: z.number().describe("Relative weight in the overall score (> 0)."),
      target: levelNumber.describe("Default target level; clients may override it."),
      questions: z.array(question).min(1),
      risks: z.array(risk).default([]),
      recommendations: z.array(recommendation).default([]),
    })
    .describe("An area of capability, usually one file under `dimensions/`.");

  return { raci, effort, recommendation, dimension };
}

/** The method of one roadmap phase: its goal, exit criteria and hold. */
function phaseMethodSchema(localizedText: B3["localizedText"]) {
  return z
    .strictObject({
      goal: localizedText.describe("What the phase sets out to achieve, shown under its heading."),
      exitCriteria: z
        .array(localizedText)
        .default([])
        .describe(
          "When the phase is complete. `{dimensions}` lists the dimensions the phase improves; a criterion that uses it is left out when there are none.",
        ),
      holdWeeks: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe(
          "Weeks the practice must run stably after the phase's last rollout before the phase closes: the roadmap ends the phase that long after it (so the next phase starts later) and the report dates the hold among the exit criteria. No hold when omitted.",
        ),
      holdCriterion: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe(
          "The exit criterion the hold belongs to (1 for the first): the report dates the hold right after it. When omitted, the dated hold follows the phase's own criteria.",
        ),
    })
    .describe("The method of one roadmap phase.");
}

/** Readiness rules, judgement sentences and the consulting method. */
function methodSchemas({ localizedText, identifier, crmSituation, condition }: B3) {
  const readinessRule = z
    .strictObject({
      id: identifier,
      verdict: z
        .enum(["not-ready", "conditional"])
        .describe("The verdict when the rule holds; with no rule holding the verdict is `ready`."),
      title: localizedText,
      when: condition,
      rationale: localizedText.optional().describe("Why the rule decides readiness."),
      firstPhase: z
        .array(identifier)
        .optional()
        .describe(
          "Recommendations the roadmap must start in its first phase while the rule holds (with what they depend on).",
        ),
    })
    .describe("A rule that lowers the readiness verdict when its condition holds.");

  const verdict = z.enum(["ready", "conditional", "not-ready", "inconclusive"]);

  /** One sentence of the consulting judgement, kept when its condition and verdict hold. */
  const judgementSentence = z
    .strictObject({
      text: localizedText.describe(
        "The sentence. `{title:<dimension>}`, `{score:<dimension>}` and `{level:<dimension>}` insert a dimension's title, score and level.",
      ),
      when: condition
        .optional()
        .describe("Keep the sentence only when this condition holds on the scores."),
      verdict: z
        .array(verdict)
        .min(1)
        .optional()
        .describe("Keep the sentence only when the readiness verdict is one of these."),
      situations: z
        .array(crmSituation)
        .min(1)
        .optional()
        .describe(
          "Keep the sentence only in these client CRM situations (`none` when not stated).",
        ),
    })
    .describe("A sentence of the consulting judgement.");

  const phaseMethod = phaseMethodSchema(localizedText);

  const standardKpi = z
    .strictObject({
      name: localizedText.describe("The KPI's name."),
      measure: localizedText.describe("What is counted, and how."),
      frequency: localizedText.describe("How often it is measured."),
      owner: identifier.optional().describe("The role that owns the measure."),
    })
    .describe("A KPI every client's scorecard starts from.");

  /**
   * The consulting method a pack brings with it: the words of its reports that are judgement rather
   * than arithmetic. A questionnaire without one gets neutral wording.
   */
  const methodology = z
    .strictObject({
      titles: z
        .strictObject({ report: localizedText, roadmap: localizedText })
        .optional()
        .describe("Document titles; default to the questionnaire's title."),
      judgement: z
        .array(
          z
            .strictObject({ sentences: z.array(judgementSentence).min(1) })
            .describe("One paragraph: the sentences that apply, joined."),
        )
        .default([])
        .describe("The consulting judgement closing the executive summary, one paragraph each."),
      method: z
        .array(localizedText)
        .default([])
        .describe("Paragraphs the method appendix adds after the scoring rules."),
      calibrationAdvice: localizedText
        .optional()
        .describe("Advice closing the expectation calibration."),
      roadmap: z
        .strictObject({
          intro: z
            .array(localizedText)
            .default([])
            .describe("Paragraphs opening the roadmap, before the rules that order its actions."),
          cycle: localizedText
            .optional()
            .describe("The paragraph after the reassessment: how the cycle continues."),
          phases: z
            .strictObject({ rigidify: phaseMethod, optimise: phaseMethod, solidify: phaseMethod })
            .optional(),
        })
        .default({ intro: [] }),
      kpis: z
        .strictObject({
          intro: localizedText.optional().describe("The paragraph opening the KPI scorecard."),
          principles: z.array(localizedText).default([]),
          standard: z.array(standardKpi).default([]),
        })
        .default({ principles: [], standard: [] }),
    })
    .describe("The consulting method: titles, judgement, phase goals and exit criteria, KPIs.");

  return { readinessRule, verdict, judgementSentence, phaseMethod, standardKpi, methodology };
}

/** Industry profiles, size bands and the profiles file. */
function profileSchemas({ localizedText, identifier, levelNumber }: B4) {
  const profileName = localizedText.describe("The profile's name, as outputs show it.");
  const profileWhy = localizedText.describe(
    "Why the profile adjusts what it does, in a consultant's words (shown in the report's method).",
  );

  /** An industry profile: the weights, targets, questions and pace that suit one kind of business. */
  const industryProfile = z
    .strictObject({
      id: identifier,
      name: profileName,
      description: profileWhy,
      match: z
        .array(z.string().min(1))
        .default([])
        .describe(
          "Words that choose this profile when the answers' `client.industry` contains one (case-insensitive).",
        ),
      dimensions: z
        .record(
          identifier,
          z
            .strictObject({
              weight: z
                .number()
                .optional()
                .describe("The dimension's weight under this profile (> 0)."),
              target: levelNumber
                .optional()
                .describe("The default target level under this profile."),
            })
            .describe("What the profile changes for one dimension."),
        )
        .default({})
        .describe("Per dimension id: its weight and default target under this profile."),
      questions: z
        .record(
          identifier,
          z
            .strictObject({
              weight: z.number().describe("The question's weight under this profile (> 0)."),
            })
            .describe("What the profile changes for one question."),
        )
        .default({})
        .describe("Per question id: its weight under this profile."),
      exclude: z
        .array(identifier)
        .default([])
        .describe("Questions that do not apply to this kind of business: not asked, not scored."),
      pace: z
        .strictObject({
          monthsPerLevel: z
            .number()
            .positive()
            .describe(
              "Months a dimension realistically needs to climb one level in this industry.",
            ),
        })
        .optional(),
    })
    .describe("An industry profile.");

  /** A size band: how much slower or faster change travels through a company of this size. */
  const sizeProfile = z
    .strictObject({
      id: identifier,
      name: profileName,
      description: profileWhy,
      employees: z
        .strictObject({
          min: z.number().int().min(1).describe("Fewest employees in the band."),
          max: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe("Most employees in the band; open when omitted."),
        })
        .describe("The headcount the band covers; bands must not overlap."),
      pace: z
        .strictObject({
          factor: z
            .number()
            .positive()
            .describe(
              "Multiplies the months per level and every recommendation's weeks (roadmap phase lengths).",
            ),
        })
        .describe("How the band changes the pace."),
    })
    .describe("A company size band.");

  /** Industry profiles and size bands; the client's industry and size (or `--profile`) choose one of each. */
  const profileSet = z
    .strictObject({
      industries: z.array(industryProfile).default([]),
      sizes: z.array(sizeProfile).default([]),
    })
    .describe("Industry profiles and size bands that adjust weights, targets, questions and pace.");

  /** A file that declares profiles, included from the root. */
  const profilesFile = z.strictObject({
    $schema: z.string().optional(),
    profiles: profileSet,
  });

  return { profileName, profileWhy, industryProfile, sizeProfile, profileSet, profilesFile };
}

/** The questionnaire root and the include-only file. */
function rootSchemas({
  languageTag,
  localizedText,
  identifier,
  scaleLevel,
  role,
  risk,
  dimension,
  readinessRule,
  methodology,
  profileSet,
}: B5) {
  const includeList = z
    .array(z.string().min(1))
    .describe("Files to compose, relative to this file; they must stay inside the root's folder.");

  /** The root file of a questionnaire. */
  const questionnaireRoot = z
    .strictObject({
      $schema: z.string().optional(),
      id: identifier,
      version: z
        .string()
        .regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/)
        .describe("Semantic version of the questionnaire, e.g. 1.0.0."),
      languages: z.array(languageTag).min(1).describe("Every text must exist in each of these."),
      title: localizedText,
      description: localizedText.optional(),
      scale: z.array(scaleLevel).describe("Exactly the levels 1 to 5, in order."),
      roles: z.array(role).min(1),
      pace: z
        .strictObject({
          monthsPerLevel: z
            .number()
            .positive()
            .describe("How many months a dimension realistically needs to climb one level."),
        })
        .default({ monthsPerLevel: 9 })
        .describe(
          "How fast capability can realistically grow, in months per level; used to flag targets out of reach.",
        ),
      include: includeList.default([]),
      dimensions: z.array(dimension).default([]).describe("Dimensions declared inline."),
      risks: z.array(risk).default([]).describe("Risks that span dimensions."),
      readiness: z.array(readinessRule).default([]),
      methodology: methodology
        .optional()
        .describe("The consulting method of the pack; neutral wording when omitted."),
      profiles: profileSet
        .optional()
        .describe("Industry profiles and size bands declared inline (or in an included file)."),
    })
    .describe("A CRM capability maturity questionnaire.");

  /** A file that only lists other files to include. */
  const includeFile = z.strictObject({ $schema: z.string().optional(), include: includeList });

  return { includeList, questionnaireRoot, includeFile };
}

/** The questionnaire formats' schemas, built on first use. */
export type QuestionnaireSchemas = ReturnType<typeof build>;

let built: QuestionnaireSchemas | undefined;
let builtBasics: ReturnType<typeof basics> | undefined;

/**
 * The schemas other formats share (identifiers, texts, pillars, conditions…), built on the first
 * call without the rest: answer files, mappings and results need only these.
 */
export function questionnaireBasics(): ReturnType<typeof basics> {
  builtBasics ??= basics();
  return builtBasics;
}

/** The questionnaire formats' schemas (built on the first call, then shared). */
export function questionnaireSchemas(): QuestionnaireSchemas {
  built ??= build();
  return built;
}

export type LocalizedText = z.infer<QuestionnaireSchemas["localizedText"]>;
export type Pillar = z.infer<QuestionnaireSchemas["pillar"]>;
export type Severity = z.infer<QuestionnaireSchemas["severity"]>;
export type Phase = z.infer<QuestionnaireSchemas["phase"]>;
export type CrmSituation = z.infer<QuestionnaireSchemas["crmSituation"]>;
export type ScaleLevel = z.infer<QuestionnaireSchemas["scaleLevel"]>;
export type Role = z.infer<QuestionnaireSchemas["role"]>;
export type Question = z.infer<QuestionnaireSchemas["question"]>;
export type Risk = z.infer<QuestionnaireSchemas["risk"]>;
export type Recommendation = z.infer<QuestionnaireSchemas["recommendation"]>;
export type Raci = z.infer<QuestionnaireSchemas["raci"]>;
export type Effort = z.infer<QuestionnaireSchemas["effort"]>;
export type Dimension = z.infer<QuestionnaireSchemas["dimension"]>;
export type ReadinessRule = z.infer<QuestionnaireSchemas["readinessRule"]>;
export type Methodology = z.infer<QuestionnaireSchemas["methodology"]>;
export type JudgementSentence = z.infer<QuestionnaireSchemas["judgementSentence"]>;
export type QuestionnaireRoot = z.infer<QuestionnaireSchemas["questionnaireRoot"]>;
export type IndustryProfile = z.infer<QuestionnaireSchemas["industryProfile"]>;
export type SizeProfile = z.infer<QuestionnaireSchemas["sizeProfile"]>;
export type ProfileSet = z.infer<QuestionnaireSchemas["profileSet"]>;
