/*
 * The report's sections, apart from the report model's schema (report.ts): building a report needs
 * the list, and only `schema report` needs the schema, whose zod objects take a few per cent of a
 * Markdown report's run to build.
 */

/** Every section of the gap report, in document order. */
export const SECTION_IDS = [
  "cover",
  "summary",
  "profile",
  "dimensions",
  "perception",
  "risks",
  "roadmap",
  "kpis",
  "decisions",
  "appendix",
] as const;
