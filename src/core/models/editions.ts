/**
 * Editions of the gap report: `board` (what a board reads in one sitting, about eight pages),
 * `full` (every section; the default) and `internal` (adds who said what, for the consulting
 * team). Kept free of zod: the command line's start-up imports it.
 */
export const EDITIONS = ["board", "full", "internal"] as const;
export type Edition = (typeof EDITIONS)[number];
