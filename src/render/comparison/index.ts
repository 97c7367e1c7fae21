import type { Comparison } from "../../core/analysis/comparison.js";
import { escapeControlsDeep } from "../../core/text/controls.js";
import { formatsOf, type Renderer } from "../registry.js";
import type { RenderOptions } from "./options.js";

/** Lays a comparison out as text; never writes. */
export type CompareRenderer = Renderer<Comparison, RenderOptions>;

// Each entry imports its module on first use so that `--help` and other commands never load
// cli-table3, chalk or Handlebars.
/** Every `compare --format`; the CLI takes its choices from these keys. */
export const COMPARE_RENDERERS = {
  table: async (c, o) => (await import("./table.js")).renderTable(escapeControlsDeep(c), o),
  md: async (c, o) => (await import("./markdown.js")).renderMarkdown(escapeControlsDeep(c), o),
  pdf: async (c, o) => (await import("./pdf.js")).renderPdf(escapeControlsDeep(c), o),
  docx: async (c, o) => (await import("./docx.js")).renderDocx(escapeControlsDeep(c), o),
  pptx: async (c, o) => (await import("./pptx.js")).renderPptx(escapeControlsDeep(c), o),
  json: async (c) => (await import("../json.js")).renderJson(c),
} satisfies Record<string, CompareRenderer>;

export type CompareFormat = keyof typeof COMPARE_RENDERERS;

/** The format names, in registry order (the first is the default). */
export const COMPARE_FORMATS = formatsOf(COMPARE_RENDERERS);

export const DEFAULT_COMPARE_FORMAT: CompareFormat = "table";
