import type { Results } from "../../core/models/results.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import type { ScoreRenderOptions } from "../../views/score.js";

/** Renders scored results in one output format. */
export type ScoreRenderer = (
  results: Results,
  questionnaire: Questionnaire,
  opts: ScoreRenderOptions,
) => string;

/** Every `score --format`: the CLI's choices and the renderers' keys. */
export const SCORE_FORMATS = ["table", "json", "md"] as const;

export type ScoreFormat = (typeof SCORE_FORMATS)[number];

/** The renderer of each format, loaded on demand (the table loads chalk and cli-table3). */
export const SCORE_RENDERERS: Record<ScoreFormat, () => Promise<ScoreRenderer>> = {
  table: async () => (await import("./table.js")).renderScoreTable,
  json: async () => {
    const { renderJson } = await import("../json.js");
    return (results) => renderJson(results);
  },
  md: async () => (await import("./markdown.js")).renderScoreMarkdown,
};

export type { ScoreRenderOptions };
