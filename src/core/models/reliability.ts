import { z } from "../zod.js";

const coefficient = (what: string) =>
  z
    .number()
    .nullable()
    .describe(`${what}, rounded to 2 decimals; null when it cannot be computed.`);

/** Warnings that make a dimension's reliability figures weak evidence. */
export const RELIABILITY_WARNINGS = ["few-items", "few-respondents", "no-variance"] as const;
export type ReliabilityWarning = (typeof RELIABILITY_WARNINGS)[number];

export const itemReliabilitySchema = z
  .strictObject({
    question: z.string(),
    mean: coefficient("Mean score over the complete cases (reversed items scored reversed)"),
    sd: coefficient("Sample standard deviation (n − 1)"),
    itemRest: coefficient("Correlation of the item with the sum of the dimension's other items"),
    alphaIfDeleted: coefficient("Cronbach's alpha of the other items"),
  })
  .describe("One question inside its dimension's reliability analysis.");

export const dimensionReliabilitySchema = z
  .strictObject({
    dimension: z.string(),
    items: z
      .array(z.string())
      .describe(
        "Questions analysed: those given a level by at least half of the dimension's respondents.",
      ),
    leftOut: z
      .array(z.string())
      .describe(
        "Questions left out of alpha because fewer than half of the respondents rated them.",
      ),
    respondents: z
      .number()
      .int()
      .describe(
        "Complete cases: respondents who gave a level to every analysed question (listwise).",
      ),
    alpha: coefficient("Cronbach's alpha"),
    lower: coefficient("Lower bound of the Feldt (1965) confidence interval"),
    upper: coefficient("Upper bound of the Feldt (1965) confidence interval"),
    itemStatistics: z.array(itemReliabilitySchema).describe("Per analysed question."),
    rwg: coefficient(
      "rwg(j) of James, Demaree & Wolf (1984) over every respondent, uniform null; each item's variance over those who rated it",
    ),
    rwgItems: z.number().int().describe("Items with at least 2 levels, entering rwg(j)."),
    warnings: z
      .array(z.enum(RELIABILITY_WARNINGS))
      .describe(
        "few-items: fewer than 3 analysed questions; few-respondents: fewer than 10 complete cases; no-variance: the total score does not vary.",
      ),
    roles: z
      .array(z.string())
      .optional()
      .describe(
        "Set when the dimension puts different questions to different roles: the role group whose alpha (most complete cases) the figures above are; see roleGroups.",
      ),
    roleGroups: z
      .array(
        z
          .strictObject({
            roles: z.array(z.string()).describe("Roles put exactly the same questions."),
            items: z.array(z.string()).describe("Questions analysed within the group."),
            respondents: z.number().int().describe("Complete cases within the group."),
            alpha: coefficient("Cronbach's alpha within the group"),
            lower: coefficient("Lower bound of the Feldt interval"),
            upper: coefficient("Upper bound of the Feldt interval"),
            warnings: z.array(z.enum(RELIABILITY_WARNINGS)),
          })
          .describe("Alpha over the questions one group of roles answers."),
      )
      .optional()
      .describe(
        "Set when the dimension puts different questions to different roles: alpha per role group, over the questions that group is asked.",
      ),
  })
  .describe("Internal consistency and agreement of one dimension.");

/** ICC(1) and ICC(2) of one dimension across the values of a --group-by column (batch only). */
export const iccSchema = z
  .strictObject({
    dimension: z.string(),
    icc1: coefficient(
      "ICC(1): share of the variance of respondents' dimension scores that lies between groups (one-way ANOVA)",
    ),
    icc2: coefficient("ICC(2): reliability of the group means"),
    groups: z.number().int().describe("Groups with a conclusive score."),
    respondents: z.number().int().describe("Respondents with a conclusive score."),
  })
  .describe("Agreement between the groups of one --group-by column on one dimension.");

/** rwg(j) per dimension id within one group, rounded to 2 decimals; null without ratings. */
export const groupRwgSchema = z
  .record(z.string(), z.number().nullable())
  .describe("rwg(j) per dimension id within this group (uniform null), rounded to 2 decimals.");

/** Reliability and agreement statistics over several respondents (docs/statistics.md). */
export const reliabilitySchema = z
  .strictObject({
    method: z
      .strictObject({
        confidence: z.number().describe("Level of the alpha intervals (0.95)."),
        minItems: z.number().int().describe("Fewer analysed questions raise few-items."),
        minRespondents: z.number().int().describe("Fewer complete cases raise few-respondents."),
        nullVariance: z
          .number()
          .describe("Variance of the uniform null distribution of rwg(j): (A² − 1)/12."),
      })
      .describe("The constants the figures were computed with."),
    dimensions: z.array(dimensionReliabilitySchema).describe("In questionnaire order."),
  })
  .describe(
    "Cronbach's alpha, item statistics and rwg(j) per dimension, over the respondents' own answers (present with at least 2 respondents).",
  );

export type Reliability = z.infer<typeof reliabilitySchema>;
export type DimensionReliability = z.infer<typeof dimensionReliabilitySchema>;
export type Icc = z.infer<typeof iccSchema>;
