import { z } from "../zod.js";
import { groupRwgSchema, iccSchema } from "./reliability.js";

const stat = (what: string) =>
  z.number().nullable().describe(`${what}, rounded to 2 decimals; null when n is 0.`);

/** Distribution of one measure (a dimension or the overall score) over a set of respondents. */
export const summaryStatisticsSchema = z
  .strictObject({
    n: z.number().int().describe("Respondents with a conclusive score."),
    mean: stat("Mean"),
    sd: z
      .number()
      .nullable()
      .describe("Sample standard deviation (n − 1), rounded to 2 decimals; null when n < 2."),
    min: stat("Lowest score"),
    q1: stat(
      "First quartile (linear interpolation between order statistics, as Excel QUARTILE.INC)",
    ),
    median: stat("Median"),
    q3: stat("Third quartile (linear interpolation, as Excel QUARTILE.INC)"),
    max: stat("Highest score"),
    levels: z
      .record(z.string().regex(/^[1-5]$/), z.number().int())
      .describe(
        "Respondents per level 1–5 (each respondent's own level: floor of the score, capped by critical questions).",
      ),
  })
  .describe("Statistics of one measure over a set of respondents, each scored on their own.");

/** Statistics of the overall score and of every dimension over one set of respondents. */
export const breakdownSchema = z
  .strictObject({
    respondents: z.number().int().describe("Respondents in the set."),
    overall: summaryStatisticsSchema,
    dimensions: z
      .record(z.string(), summaryStatisticsSchema)
      .describe("Per dimension id, in questionnaire order."),
  })
  .describe("Statistics over one set of respondents.");

/** What `batch` adds to the results: the distribution of per-respondent scores. */
export const statisticsSchema = z
  .strictObject({
    rows: z
      .strictObject({
        total: z.number().int().describe("Data rows read (header rows not counted)."),
        scored: z.number().int(),
        excluded: z.number().int().describe("Rows left out by the mapping's exclusion rules."),
        rejected: z.number().int().describe("Bad rows, duplicates included (see --rejects)."),
        duplicates: z.number().int().describe("Rows whose respondent id was seen before."),
        blank: z.number().int().describe("Rows with every cell empty."),
        replaced: z
          .number()
          .int()
          .optional()
          .describe(
            "Runs over several inputs only: rows replaced by a correction in a rejects file read in the same run.",
          ),
      })
      .describe("What became of the export's rows."),
    exclusions: z
      .array(z.strictObject({ reason: z.string(), rows: z.number().int() }))
      .describe("Rows excluded per rule, in mapping order."),
    careless: z
      .strictObject({
        threshold: z
          .number()
          .int()
          .describe(
            "Answers in one run (long-string) or all alike (straight-lining) that flag a row: max(5, half the question columns).",
          ),
        secondsPerItem: z
          .number()
          .describe("Too fast below this many seconds per answered question."),
        timing: z
          .array(z.string())
          .nullable()
          .describe(
            "The duration column, or the start and end columns, used; null when the export has none.",
          ),
        flagged: z.number().int().describe("Scored or excluded rows with at least one reason."),
        excluded: z.number().int().describe("Flagged rows left out (--exclude-careless)."),
        reasons: z
          .record(z.enum(["straight-lining", "long-string", "too-fast"]), z.number().int())
          .describe(
            "Rows flagged per reason (straight-lining and long-string exclude each other).",
          ),
      })
      .describe("Careless-response screening of the rows that would be scored."),
    all: breakdownSchema.describe("Every scored respondent."),
    byRole: z.record(z.string(), breakdownSchema).describe("Per role with respondents."),
    groups: z
      .array(
        z.strictObject({
          column: z.string().describe("The --group-by column."),
          values: z
            .array(
              breakdownSchema.extend({
                value: z.string().describe("The cell value."),
                rwg: groupRwgSchema,
              }),
            )
            .describe("One entry per distinct value, ordered by value."),
          icc: z
            .array(iccSchema)
            .describe("ICC(1)/ICC(2) per dimension across this column's values (Bliese 2000)."),
        }),
      )
      .describe("Per --group-by column and value."),
  })
  .describe(
    "Batch statistics: each respondent is scored alone, then n, mean, sd, quartiles and the level distribution are taken over respondents.",
  );

export type SummaryStatistics = z.infer<typeof summaryStatisticsSchema>;
export type Breakdown = z.infer<typeof breakdownSchema>;
export type Statistics = z.infer<typeof statisticsSchema>;
