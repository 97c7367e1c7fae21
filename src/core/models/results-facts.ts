import type { Results } from "./results.js";

/*
 * What code reads off results without their schema (results.ts): respondent counts, the roster
 * entry's shape and whether questions are survey-sized. Apart from the schema because building
 * its zod objects (with the statistics' and reliability's) took 8% of a `score` run, which never
 * parses results; only the commands that may read a results file build it (src/app/load-inputs.ts).
 */

/** Whether some of these questions were read on rwg: a survey's, of 10 answers or more. */
export function surveySized(items: readonly { rwg?: number }[]): boolean {
  return items.some((i) => i.rwg !== undefined);
}

/**
 * Respondents a results file keeps in memory once read, and the most a report lists: the rest
 * are counted (`respondentsByRole`), and the full roster is `batch --respondents`'s CSV.
 */
export const LISTED_RESPONDENTS = 100;

/** How many respondents the results are about (the roster itself may be cut to a few). */
export function respondentCount(results: Pick<Results, "respondentsByRole">): number {
  let n = 0;
  for (const count of Object.values(results.respondentsByRole)) n += count;
  return n;
}

/**
 * The roster entry's shape as the results schema (results.ts) defines it, checked without zod for entries
 * that are counted but not kept (a million of them); zod explains the kept ones.
 */
export function isRosterEntry(item: unknown): boolean {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return false;
  for (const [key, value] of Object.entries(item)) {
    if (typeof value !== "string" || (key !== "id" && key !== "role" && key !== "name")) {
      return false;
    }
  }
  const entry = item as Record<string, unknown>;
  return typeof entry.id === "string" && typeof entry.role === "string";
}

const WS = "[ \\t\\n\\r]*";
/** A JSON string without escapes or control characters (every such text is one valid string). */
const PLAIN_STRING = '"[^"\\\\\\u0000-\\u001f]*"';
const member = (key: string) => `${WS}"${key}"${WS}:${WS}${PLAIN_STRING}`;

/**
 * The JSON text of a roster entry as results are written (`{ "id", "role", "name"? }` in that
 * order, strings without escapes), with the comma after it: a sticky pattern whose every match
 * is valid JSON that {@link isRosterEntry} accepts, so that a million entries are counted
 * without being parsed. Entries written otherwise are parsed.
 */
export const PLAIN_ROSTER_ENTRY = new RegExp(
  `${WS}\\{${member("id")}${WS},${member("role")}(?:${WS},${member("name")})?${WS}\\}${WS},`,
  "y",
);
