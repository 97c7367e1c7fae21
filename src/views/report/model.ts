/**
 * The report model: everything a renderer needs to lay out a gap report or a roadmap, with every
 * label and generated sentence already resolved to the chosen language. Renderers format numbers
 * (decimals, percentages) and lay out; they never compute, translate or decide what to say.
 *
 * Conventions:
 * - Scores are on the 1–5 scale rounded to 2 decimals; `null` means inconclusive (never 0).
 * - Shares (coverage) are 0–1 numbers; renderers show them as percentages.
 * - Dates are ISO `YYYY-MM-DD` strings, with a `…Text` sibling already localised for display.
 * - Weeks in the roadmap are 0-based offsets from the plan start (the assessment date), the end
 *   exclusive: an action with `startWeek: 0, endWeek: 4` runs in weeks 1–4. `startDate` is its
 *   first day and `endDate` its last day (inclusive).
 * - Client-supplied text (names, notes, evidence) is raw; each renderer escapes it for its format.
 * - The model is plain JSON (no functions, no undefined) so the `json` format can print it as is.
 *
 * The types are inferred from the zod schema in src/core/models/report.ts (published as
 * schema/report.schema.json); this module stays free of zod because CLI start-up imports it.
 */

import type { ReportModel } from "../../core/models/report.js";

export type * from "../../core/models/report.js";

/** Bumped when the model changes incompatibly (it is what `--format json` prints). */
export const REPORT_MODEL_VERSION: ReportModel["schemaVersion"] = 2;
