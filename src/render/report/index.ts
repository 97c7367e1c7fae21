import type { ReportModel } from "../../views/report/model.js";
import { renderJson } from "../json.js";
import { formatsOf, type Renderer } from "../registry.js";
import type { RenderOptions } from "./options.js";

/** Lays out a report model in one format; never computes or translates. */
export type ReportRenderer = Renderer<ReportModel, RenderOptions>;

/** Every output format, each in its own module; heavy ones are imported only when used. */
export const RENDERERS = {
  md: async (report, opts) => (await import("./markdown.js")).renderMarkdown(report, opts),
  pdf: async (report, opts) => {
    const { renderPdf } = await import("./pdf.js");
    return renderPdf(report, {
      ...(opts.fontPath !== undefined ? { fontPath: opts.fontPath } : {}),
      ...(opts.brand !== undefined ? { brand: opts.brand } : {}),
      ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
      ...(opts.vars !== undefined ? { env: opts.vars } : {}),
    });
  },
  docx: async (report, opts) =>
    (await import("./docx.js")).renderDocx(report, opts.brand, {
      fontPath: opts.fontPath,
      cwd: opts.cwd,
      env: opts.vars,
    }),
  pptx: async (report, opts) => (await import("./pptx.js")).renderPptx(report, opts.brand),
  json: (report) => renderJson(report),
} satisfies Record<string, ReportRenderer>;

export type Format = keyof typeof RENDERERS;

/** `--format` choices, in the order help lists them. */
export const FORMATS = formatsOf(RENDERERS);

/** Formats whose output is binary (never printed to a terminal). */
export const BINARY_FORMATS: ReadonlySet<Format> = new Set<Format>(["pdf", "docx", "pptx"]);
