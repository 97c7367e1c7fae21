/**
 * Compact answer codes, for scoring coded answers without objects (batch's hot path): 1–5 are
 * levels on the scale.
 */
export const ANSWER_ABSENT = 0;
export const ANSWER_NA = 6;
export const ANSWER_UNKNOWN = 7;
/** Distinct answer codes (the stride of `addCodeCounts` histograms). */
export const ANSWER_CODES = 8;
