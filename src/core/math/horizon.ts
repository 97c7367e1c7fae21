import { ceilTolerant } from "./numbers.js";

/** The planning horizon used when an assessment does not give one. */
export const DEFAULT_HORIZON_MONTHS = 12;

/** Weeks in a planning horizon of whole months (52 weeks a year), rounded up. */
export function horizonWeeks(months: number): number {
  return ceilTolerant((months * 52) / 12);
}
