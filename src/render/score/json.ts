import type { Results } from "../../core/models/results.js";

/** The results model as pretty-printed JSON (the format `report`, `roadmap` and `compare` read). */
export function renderScoreJson(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
