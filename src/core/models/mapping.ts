import { assessmentMeta, targetMap } from "../answers/schema.js";
import { questionnaireBasics } from "../questionnaire/schema.js";
import { z } from "../zod.js";

const { identifier } = questionnaireBasics();

/** The survey tools whose export layout we know. */
export const PRESET_IDS = [
  "qualtrics",
  "surveymonkey",
  "google-forms",
  "microsoft-forms",
  "wjx",
  "limesurvey",
  "generic",
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** Field delimiters survey exports use. */
export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Survey tools with a known export layout. */
export const presetId = z
  .enum(PRESET_IDS)
  .describe(
    "The survey tool that wrote the export; it sets the header rows, metadata columns and extra answer labels.",
  );

/** A row number among the header rows above the first response (1-based). */
const headerRow = z.number().int().min(1).max(20);

/** A column of the export: its header text in the key header row, or `#N` (1-based). */
export const columnRef = z
  .string()
  .min(1)
  .describe(
    "A column of the export: its header text in the key header row (matched ignoring case and extra spaces), or `#N` for the N-th column counting from 1.",
  );

/** What an answer label means. */
export const answerValue = z
  .union([
    z.number().int().min(1).max(5).describe("A level or agreement on the 1–5 scale."),
    z
      .enum(["na", "unknown", "omit"])
      .describe(
        "`na`: not applicable (leaves every denominator); `unknown`: applicable but unanswered (lowers coverage); `omit`: treat the cell as empty.",
      ),
  ])
  .describe("The answer a label stands for: 1–5, `na`, `unknown` or `omit`.");

const labelMap = z
  .record(z.string().min(1), answerValue)
  .describe(
    "Answer labels (as the export writes them; compared ignoring case, width and extra spaces) → value.",
  );

/** A rule that leaves matching rows out of scoring (counted and reported, never an error). */
export const exclusionRule = z
  .strictObject({
    column: columnRef,
    equals: z
      .array(z.string())
      .min(1)
      .optional()
      .describe("Excluded when the cell is one of these (ignoring case, width and extra spaces)."),
    notEquals: z
      .array(z.string())
      .min(1)
      .optional()
      .describe("Excluded when the cell is none of these."),
    matches: z
      .string()
      .min(1)
      .optional()
      .describe("Excluded when the cell matches this regular expression (case-insensitive)."),
    empty: z
      .boolean()
      .optional()
      .describe("`true`: excluded when the cell is empty; `false`: excluded when it is not."),
    reason: z.string().optional().describe("Shown in the summary, e.g. `unfinished response`."),
  })
  .describe(
    "Rows where every condition given holds are excluded, e.g. unfinished or test responses.",
  );

const questionColumn = z
  .union([
    identifier.describe("The question id the column answers."),
    z
      .strictObject({
        question: identifier.describe("The question id the column answers."),
        labels: labelMap
          .optional()
          .describe("Labels for this column only; they win over the others."),
      })
      .describe("A question id with labels specific to this column."),
  ])
  .describe("The question a column answers.");

/** The mapping from a survey export's columns to a questionnaire's respondents and answers. */
export const mappingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    assessment: assessmentMeta.describe(
      "The engagement, as in an answers file: client, date, assessor, questionnaire id and version.",
    ),
    targets: targetMap.optional(),
    preset: presetId.default("generic"),
    headerRows: headerRow
      .optional()
      .describe(
        "Rows above the first response; defaults to the preset's (Qualtrics 3, SurveyMonkey 2, others 1).",
      ),
    keyRow: headerRow
      .optional()
      .describe(
        "Which header row (1-based) names the columns used below; defaults to the preset's (1).",
      ),
    delimiter: z
      .enum(DELIMITERS)
      .optional()
      .describe("CSV field delimiter; sniffed from the file when omitted."),
    respondent: z
      .strictObject({
        id: columnRef
          .optional()
          .describe(
            "The column holding a unique respondent id; the row number is used when omitted.",
          ),
        role: z
          .strictObject({
            column: columnRef
              .optional()
              .describe(
                "The column holding the respondent's role; omit it to give everyone `default`.",
              ),
            values: z
              .record(z.string().min(1), identifier)
              .default({})
              .describe(
                "Role cell text → role id. Role ids and role names from the questionnaire (in every language) match without being listed.",
              ),
            default: identifier
              .optional()
              .describe(
                "The role for rows whose role cell is empty (or for every row without `column`).",
              ),
          })
          .describe("How to find each respondent's role."),
      })
      .describe("Who answered each row."),
    groupBy: z
      .array(columnRef)
      .default([])
      .describe(
        "Columns to break statistics down by (e.g. department, region); `--group-by` overrides.",
      ),
    exclude: z.array(exclusionRule).default([]).describe("Rows to leave out of scoring."),
    questions: z
      .record(columnRef, questionColumn)
      .describe("Each question column → the question id it answers."),
    labels: labelMap.default({}).describe("Extra answer labels for every question column."),
    builtinLabels: z
      .boolean()
      .default(true)
      .describe(
        "Whether the common English and Chinese labels (Strongly agree / 非常同意 → 5 … N/A / 不适用 → na, (跳过) → unknown) apply.",
      ),
    blank: z
      .enum(["omit", "unknown"])
      .default("omit")
      .describe(
        "What an empty question cell means: `omit` leaves the question out of the respondent's answers; `unknown` counts it as applicable but unanswered.",
      ),
  })
  .describe("How to read a survey export as assessment answers (`crm-maturity batch --map`).");

export type Mapping = z.infer<typeof mappingSchema>;
export type AnswerValue = z.infer<typeof answerValue>;
export type ExclusionRule = z.infer<typeof exclusionRule>;
export type ColumnRef = z.infer<typeof columnRef>;
