import type { Questionnaire } from "../../questionnaire/types.js";
import type { Results } from "../results.js";
import { renderScoreJson } from "./json.js";
import { renderScoreMarkdown } from "./markdown.js";
import type { ScoreRenderOptions } from "./shared.js";
import { renderScoreTable } from "./table.js";

/** Renders scored results in one output format. */
export type ScoreRenderer = (
  results: Results,
  questionnaire: Questionnaire,
  opts: ScoreRenderOptions,
) => string;

/** Every `score --format`; the CLI's choices are its keys. */
export const SCORE_RENDERERS = {
  table: renderScoreTable,
  json: (results) => renderScoreJson(results),
  markdown: renderScoreMarkdown,
} satisfies Record<string, ScoreRenderer>;

export type ScoreFormat = keyof typeof SCORE_RENDERERS;

export const SCORE_FORMATS = Object.keys(SCORE_RENDERERS) as ScoreFormat[];

export type { ScoreRenderOptions };
