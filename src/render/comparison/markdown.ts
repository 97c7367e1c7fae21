import type { Comparison } from "../../core/analysis/comparison.js";
import { escapeInlineMarkdown } from "../../core/text/markdown.js";
import { messagesFor } from "../../i18n/index.js";
import {
  buildCompareView,
  type Cell,
  cellText,
  type ListGroup,
  type ListItem,
  type TableView,
} from "../../views/comparison.js";
import { loadTemplates } from "../templates.js";
import type { RenderOptions } from "./options.js";

// Identifiers match /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/, so a code span shows them safely.
const code = (id: string): string => `\`${id.replace(/`/g, "")}\``;

function cell(c: Cell): string {
  return c.code ? code(c.text) : escapeInlineMarkdown(cellText(c));
}

interface MdTable {
  header: string;
  separator: string;
  rows: string[];
}

function table(view: TableView): MdTable {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return {
    header: line(view.columns.map((c) => escapeInlineMarkdown(c.label) || " ")),
    separator: `|${view.columns.map((c) => (c.right ? " ---: " : " --- ")).join("|")}|`,
    rows: view.rows.map((row) => line(row.map(cell))),
  };
}

/**
 * A risk, readiness rule or question: its title or text for the client, without the
 * questionnaire's id (as the PDF); the id, as a code span, only where no text is known.
 */
function titled(i: ListItem): string {
  return `${i.text ? escapeInlineMarkdown(i.text) : code(i.id)}${escapeInlineMarkdown(i.detail)}`;
}

function group(g: ListGroup): {
  heading: string;
  count: number;
  items: string[];
  none: string | null;
} {
  return {
    heading: escapeInlineMarkdown(g.heading),
    count: g.count,
    items: g.items.map(titled),
    none: g.none === null ? null : escapeInlineMarkdown(g.none),
  };
}

/** The data the Markdown template receives: every string is already safe Markdown. */
export function buildMarkdownView(comparison: Comparison, opts: RenderOptions) {
  const v = buildCompareView(comparison, opts.lang);
  const e = escapeInlineMarkdown;
  return {
    lang: v.lang,
    heading: e(v.heading),
    header: table(v.header),
    interval: `${e(v.interval.label)}${v.colon}${e(v.interval.value)}`,
    labels: Object.fromEntries(Object.entries(v.labels).map(([k, s]) => [k, e(s)])),
    dimensions: table(v.dimensions),
    dimensionsFootnote: v.dimensionsFootnote === null ? null : e(v.dimensionsFootnote),
    overallFootnote: v.overallFootnote === null ? null : e(v.overallFootnote),
    kpis: v.kpis ? table(v.kpis) : null,
    kpisIntro: e(v.kpisIntro),
    readiness: {
      line: e(v.readiness.paragraph),
      sides: v.readiness.sides.map((s) => ({ heading: e(s.heading), rules: s.rules.map(titled) })),
    },
    risks: v.risks.map(group),
    // Templates written before the groups said what their emptiness means still read this.
    risksNone: e(messagesFor(opts.lang).comparison.risks.none),
    perception: v.perception ? table(v.perception) : null,
    perceptionNone: e(v.perceptionNone),
    questionnaire: {
      intro: e(v.questionnaire.intro),
      groups: v.questionnaire.groups.map(group),
      none: v.questionnaire.none === null ? null : e(v.questionnaire.none),
    },
    showMovers: v.showMovers,
    movers: v.moversByText ? table(v.moversByText) : null,
    moversFootnote: v.moversFootnote === null ? null : e(v.moversFootnote),
    moversNone: e(v.moversNone),
    warnings: v.warnings.map(e),
    method: v.method.map(e),
  };
}

/**
 * Markdown through `compare.md.hbs`, bundled or from `--template <dir>` (the loader imports
 * Handlebars only here).
 */
export async function renderMarkdown(comparison: Comparison, opts: RenderOptions): Promise<string> {
  const templates = await loadTemplates({ dir: opts.templateDir, cwd: opts.cwd ?? process.cwd() });
  // Blank-line runs left by empty sections collapse, so the output is stable and tidy.
  const text = templates
    .render("compare", buildMarkdownView(comparison, opts), {})
    .replace(/\n{3,}/g, "\n\n");
  return `${text.trimEnd()}\n`;
}
