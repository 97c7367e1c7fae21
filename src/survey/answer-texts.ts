import type { AnswerValue } from "../core/models/mapping.js";
import { ANSWER_ABSENT, ANSWER_NA, ANSWER_UNKNOWN } from "../core/scoring/answer-codes.js";

/** Converts a mapping value to its compact answer code (`omit` leaves the question out). */
export function answerCode(value: AnswerValue): number {
  if (typeof value === "number") return value;
  return value === "na" ? ANSWER_NA : value === "unknown" ? ANSWER_UNKNOWN : ANSWER_ABSENT;
}

/**
 * Normalises a label for comparison: Unicode NFKC (full-width brackets and digits become
 * ASCII), curly quotes straightened, case folded, runs of white space collapsed, trimmed.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * The common English and Chinese answer labels (Simplified, then the Traditional forms that differ),
 * built in unless the mapping turns them off.
 */
export const BUILTIN_LABELS: ReadonlyArray<readonly [AnswerValue, readonly string[]]> = [
  [
    5,
    [
      "Strongly agree",
      "Completely agree",
      "Totally agree",
      "Agree strongly",
      "非常同意",
      "完全同意",
      "非常赞同",
      "非常符合",
      "完全符合",
      "非常贊同",
    ],
  ],
  [
    4,
    [
      "Agree",
      "Somewhat agree",
      "Mostly agree",
      "同意",
      "比较同意",
      "基本同意",
      "赞同",
      "符合",
      "比较符合",
      "比較同意",
      "贊同",
      "比較符合",
    ],
  ],
  [
    3,
    [
      "Neither agree nor disagree",
      "Neither agree or disagree",
      "Neutral",
      "一般",
      "中立",
      "既不同意也不反对",
      "不同意也不反对",
      "既不同意也不反對",
      "不同意也不反對",
      // Taiwan's usual middle answer ("非常同意、同意、普通、不同意、非常不同意").
      "普通",
    ],
  ],
  [
    2,
    [
      "Disagree",
      "Somewhat disagree",
      "Mostly disagree",
      "不同意",
      "比较不同意",
      "不太同意",
      "不赞同",
      "不符合",
      "比较不符合",
      "不太符合",
      "比較不同意",
      "不贊同",
      "比較不符合",
    ],
  ],
  [
    1,
    [
      "Strongly disagree",
      "Completely disagree",
      "Totally disagree",
      "Disagree strongly",
      "非常不同意",
      "完全不同意",
      "非常不赞同",
      "非常不符合",
      "完全不符合",
      "非常不贊同",
    ],
  ],
  [
    "na",
    [
      "N/A",
      "NA",
      "Not applicable",
      "Does not apply",
      // The option `crm-maturity survey` writes, so a survey structure file's code for it resolves.
      "Does not apply to our company",
      "不适用",
      "不涉及",
      "不适用于本公司",
      // Not 不適用 alone: LimeSurvey's zh-Hant-TW interface writes it for its own "No answer"
      // (see LIMESURVEY_NO_ANSWER in presets.ts), so a row with it is rejected until the mapping
      // says which it is.
      "不適用於本公司",
    ],
  ],
  [
    "unknown",
    [
      "Don't know",
      "Do not know",
      "I don't know",
      "Dont know",
      "Unknown",
      "Not sure",
      "Unsure",
      "Skipped",
      "不知道",
      "不清楚",
      "不确定",
      "说不清",
      "(跳过)",
      "(空)",
      "不確定",
      "說不清",
      "(跳過)",
    ],
  ],
];

/** The built-in labels as a lookup from normalised label to value. */
export function builtinLabelMap(): Map<string, AnswerValue> {
  const map = new Map<string, AnswerValue>();
  for (const [value, labels] of BUILTIN_LABELS) {
    for (const l of labels) map.set(normalizeLabel(l), value);
  }
  return map;
}

// A scale number, then a separator: - – — = : . 、 ) or a space or a bracket; a point followed by
// a digit is a decimal (3.5 is no level, never level 3). (Regexes are written with \u escapes:
// scripts/build.mjs keeps the bundle ASCII.)
const LEADING_NUMBER = /^([1-5])(?:\s*(?:[-\u2013\u2014=:\u3001)]|\.(?!\d))|\s+|\s*\()/;

/**
 * Reads a scale number written in front of a label, as exports with "choice text and value"
 * do: `5 - Strongly agree`, `4=同意`, `1 (Strongly disagree)`.
 */
export function leadingScaleNumber(normalized: string): number | undefined {
  const m = LEADING_NUMBER.exec(normalized);
  return m ? Number(m[1]) : undefined;
}
