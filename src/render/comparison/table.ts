import { Chalk, type ChalkInstance } from "chalk";
import type { Comparison } from "../../core/analysis/comparison.js";
import { truncateToWidth } from "../../core/text/width.js";
import { messagesFor } from "../../i18n/index.js";
import {
  buildCompareView,
  type Cell,
  type Column,
  type CompareView,
  cellText,
  type ListGroup,
  type ListItem,
  type TableView,
  type Trend,
} from "../../views/comparison.js";
import { layTable, type TermColumn, type TermTable } from "../terminal/table.js";
import { flow, type Paint, span } from "../terminal/text.js";
import type { RenderOptions } from "./options.js";

/** Longest question text shown in the movers table, in terminal columns. */
const MAX_TEXT_WIDTH = 40;

/** How each kind of column gives way in a narrow terminal (see `TermColumn`). */
const GIVE = {
  title: { give: "wrap", min: 16, prefer: 24 },
  // Verdicts wrap only where no leaner table keeps them whole: wrapped, they lengthen every row.
  signal: { give: "wrap", min: 10, prefer: Number.POSITIVE_INFINITY },
  wrap: { give: "wrap", min: 12 },
  cut: { give: "cut", min: 12 },
} as const;

const DAGGER = " †";

function painter(chalk: ChalkInstance, trend: Trend | undefined): Paint | undefined {
  if (trend === "up") return chalk.green;
  if (trend === "down") return chalk.red;
  if (trend === "same") return chalk.dim;
  return undefined;
}

/** A line-up of paragraphs, each wrapped to the width with a hanging indent. */
class Lines {
  readonly out: string[] = [];
  constructor(
    readonly chalk: ChalkInstance,
    readonly width: number,
    readonly v: CompareView,
  ) {}

  text(text: string, first = "", rest = first): this {
    this.out.push(...flow(text, this.width, first, rest));
    return this;
  }

  heading(text: string): this {
    this.out.push(...flow([span(text, this.chalk.bold)], this.width));
    return this;
  }

  blank(): this {
    this.out.push("");
    return this;
  }

  /** `• id  text (detail)`, wrapped under the id. */
  item(i: ListItem, mark: string): this {
    const text = `${i.id}${i.text ? `  ${i.text}` : ""}${i.detail}`;
    this.out.push(...flow(text, this.width, `    ${mark} `, "      "));
    return this;
  }

  groups(list: ListGroup[]): this {
    for (const g of list) {
      this.out.push(...flow([span(g.heading, painter(this.chalk, g.trend))], this.width, "  "));
      for (const i of g.items) this.item(i, g.mark);
      if (g.items.length === 0 && g.none) this.out.push(...flow(g.none, this.width, "    "));
    }
    return this;
  }

  /**
   * A table of the view: every column when it fits, else without its droppable columns one by
   * one (`Column.drop`), its names and sentences wrapped or cut; else stacked records; with a
   * line naming what was left out.
   */
  grid(view: TableView, text: "wrap" | "cut" = "wrap"): this {
    const drops = [...new Set(view.columns.flatMap((c) => (c.drop ? [c.drop] : [])))].sort(
      (a, b) => a - b,
    );
    const variants = [0, ...drops].map((upTo) => this.variant(view, text, upTo));
    const { narrowed } = messagesFor(this.v.lang).common;
    const style = { kind: "grid", head: this.chalk.bold } as const;
    this.out.push(...layTable(variants, this.width, style, { label: this.chalk.dim, narrowed }));
    return this;
  }

  /** The view without the columns whose `drop` is at most `upTo`. */
  private variant(view: TableView, text: "wrap" | "cut", upTo: number): TermTable {
    const kept = view.columns.flatMap((c, i) => (c.drop && c.drop <= upTo ? [] : [{ c, i }]));
    const columnOf = (c: Column): TermColumn => {
      const base = { head: c.label, right: c.right };
      if (c.role === "title" || c.role === "signal") return { ...base, ...GIVE[c.role] };
      return c.role === "text" ? { ...base, ...GIVE[text] } : base;
    };
    return {
      columns: kept.map(({ c }) => columnOf(c)),
      rows: view.rows.map((row) => {
        // The † marker must survive a cut or a wrap, and moves to the row's first cell when its
        // column is left out: it is what the footnote refers to.
        const marked = (i: number) =>
          (view.columns[i]?.role === "text" || view.columns[i]?.role === "title") &&
          (row[i]?.text.endsWith(DAGGER) ?? false);
        const lost = view.columns.some((_, i) => marked(i) && !kept.some((k) => k.i === i));
        return kept.map(({ c, i }, n) => {
          const cell: Cell = row[i] ?? { text: "" };
          let body = marked(i) ? cell.text.slice(0, -DAGGER.length) : cellText(cell);
          if (text === "cut" && c.role === "text") {
            body = truncateToWidth(body, MAX_TEXT_WIDTH - DAGGER.length);
          }
          const keep = marked(i) || (lost && n === 0) ? DAGGER : "";
          return { text: body, keep, paint: painter(this.chalk, cell.trend) };
        });
      }),
      omitted: view.columns.flatMap((c) => (c.drop && c.drop <= upTo ? [c.label] : [])),
    };
  }
}

function readiness(l: Lines): void {
  const { v, chalk } = l;
  l.out.push(
    ...flow(
      [
        span(v.labels.readiness, chalk.bold),
        span(v.colon),
        span(v.readiness.line, painter(chalk, v.readiness.trend)),
      ],
      l.width,
    ),
  );
  for (const side of v.readiness.sides) {
    l.text(side.heading, "  ", "    ");
    for (const r of side.rules) l.item(r, "•");
  }
}

/**
 * Terminal tables (cli-table3) in `opts.width` columns (CJK characters count two); colour only
 * when `opts.color`.
 */
export function renderTable(comparison: Comparison, opts: RenderOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const v = buildCompareView(comparison, opts.lang);
  const l = new Lines(chalk, opts.width, v);
  l.heading(v.heading).blank().grid(v.header);
  l.text(`${v.interval.label}${v.colon}${v.interval.value}`).blank();
  // What the figures rest on comes before them.
  if (v.warnings.length) {
    l.heading(v.labels.warnings);
    for (const w of v.warnings)
      l.out.push(...flow([span("!", chalk.yellow), span(` ${w}`)], l.width, "  ", "    "));
    l.blank();
  }

  l.heading(v.labels.dimensions).grid(v.dimensions);
  if (v.dimensionsFootnote) l.text(v.dimensionsFootnote);
  if (v.overallFootnote) l.text(v.overallFootnote);
  l.blank();

  if (v.kpis) l.heading(v.labels.kpis).text(v.kpisIntro).grid(v.kpis).blank();

  readiness(l);
  l.blank().heading(v.labels.risks).groups(v.risks).blank();

  l.heading(v.labels.perception);
  if (v.perception) l.grid(v.perception);
  else l.text(v.perceptionNone, "  ");
  l.blank();

  l.heading(v.labels.questionnaire)
    .text(v.questionnaire.intro, "  ")
    .groups(v.questionnaire.groups);
  if (v.questionnaire.none) l.text(v.questionnaire.none, "  ");
  l.blank();

  if (v.showMovers) {
    l.heading(v.labels.movers);
    if (v.movers) l.grid(v.movers, "cut");
    else l.text(v.moversNone, "  ");
    if (v.moversFootnote) l.text(v.moversFootnote);
    l.blank();
  }

  l.heading(v.labels.method);
  for (const m of v.method) l.text(m, "  ");
  return `${l.out.join("\n")}\n`;
}
