/**
 * Any model (results, report, comparison) as indented JSON with a final newline; key order is
 * the model's construction order. The one JSON renderer of `score`, `report`, `roadmap` and
 * `compare`.
 */
export function renderJson(model: unknown): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
