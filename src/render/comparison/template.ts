import { readFileSync } from "node:fs";
import { fromPackageRoot } from "../../io/package-root.js";

// src/render/templates.ts (template loading with `--template dir` overrides) knows only the
// report and roadmap documents; until it learns "compare", this loads the one bundled template.
/** The bundled compare template. */
export const COMPARE_TEMPLATE = fromPackageRoot("templates", "compare.md.hbs");

/** A compiled template: data in, Markdown out. */
export type CompiledTemplate = (data: unknown) => string;

/** Compiles the bundled compare template; Handlebars is imported only when Markdown is asked for. */
export async function loadCompareTemplate(file = COMPARE_TEMPLATE): Promise<CompiledTemplate> {
  const { default: Handlebars } = await import("handlebars");
  const source = readFileSync(file, "utf8");
  // The view escapes for Markdown itself; Handlebars' HTML escaping would garble it. Strict mode
  // turns a misspelt field into an error instead of a silently empty section.
  const compiled = Handlebars.create().compile(source, { noEscape: true, strict: true });
  return (data) => compiled(data);
}
