import { COMPARE_RENDERERS } from "./comparison/index.js";
import { RENDERERS as REPORT_RENDERERS } from "./report/index.js";
import { SCORE_RENDERERS } from "./score/index.js";

/**
 * Every document's renderers, keyed by (document, format): `RENDERERS_BY_DOCUMENT.compare.md`.
 * Each entry has the one Renderer shape of ./registry.ts; `report` and `roadmap` share one
 * registry (the roadmap is a report model with one section). `validate`'s formatters render
 * diagnostics, not a document, and keep their own registry in ./diagnostics.
 */
export const RENDERERS_BY_DOCUMENT = {
  score: SCORE_RENDERERS,
  report: REPORT_RENDERERS,
  roadmap: REPORT_RENDERERS,
  compare: COMPARE_RENDERERS,
} as const;

export type DocumentName = keyof typeof RENDERERS_BY_DOCUMENT;
