import type { Results } from "../../core/models/results.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { escapeControlsDeep } from "../../core/text/controls.js";
import type { ScoreRenderOptions } from "../../views/score.js";
import { formatsOf, type Renderer } from "../registry.js";

/** What `score` renders: the results and the questionnaire that gives them titles. */
export interface ScoreView {
  results: Results;
  questionnaire: Questionnaire;
}

/** Renders scored results in one output format. */
export type ScoreRenderer = Renderer<ScoreView, ScoreRenderOptions>;

/** Every `score --format`, loaded on demand (the table loads chalk and cli-table3). */
export const SCORE_RENDERERS = {
  table: async (v, o) =>
    (await import("./table.js")).renderScoreTable(
      escapeControlsDeep(v.results),
      escapeControlsDeep(v.questionnaire),
      o,
    ),
  json: async (v) => (await import("../json.js")).renderJson(v.results),
  md: async (v, o) =>
    (await import("./markdown.js")).renderScoreMarkdown(
      escapeControlsDeep(v.results),
      escapeControlsDeep(v.questionnaire),
      o,
    ),
} satisfies Record<string, ScoreRenderer>;

export type ScoreFormat = keyof typeof SCORE_RENDERERS;

/** The CLI's choices: the registry's keys. */
export const SCORE_FORMATS = formatsOf(SCORE_RENDERERS);

export type { ScoreRenderOptions };
