import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Comparison } from "../../core/analysis/comparison.js";
import { truncateToWidth } from "../../core/text/width.js";
import {
  buildCompareView,
  type Cell,
  type ListGroup,
  type ListItem,
  type TableView,
  type Trend,
} from "../../views/comparison.js";
import type { RenderOptions } from "./options.js";

/** Longest question text shown in the movers table, in terminal columns. */
const MAX_TEXT_WIDTH = 40;

function paint(chalk: ChalkInstance, text: string, trend: Trend | undefined): string {
  if (trend === "up") return chalk.green(text);
  if (trend === "down") return chalk.red(text);
  if (trend === "same") return chalk.dim(text);
  return text;
}

function grid(chalk: ChalkInstance, view: TableView, truncate?: number): string {
  const table = new Table({
    head: view.columns.map((c) => chalk.bold(c.label)),
    colAligns: view.columns.map((c) => (c.right ? "right" : "left")),
    // cli-table3 colours headers and borders itself unless told not to.
    style: { head: [], border: [], compact: true },
  });
  for (const row of view.rows) {
    table.push(
      row.map((cell: Cell, i) => {
        let text = cell.text;
        if (truncate !== undefined && i === 1) {
          // The † marker must survive the cut: it is what the footnote refers to.
          const mark = text.endsWith(" †") ? " †" : "";
          text =
            truncateToWidth(text.slice(0, text.length - mark.length), truncate - mark.length) +
            mark;
        }
        return paint(chalk, text, cell.trend);
      }),
    );
  }
  return table.toString();
}

function item(i: ListItem, mark: string): string {
  return `    ${mark} ${i.id}${i.text ? `  ${i.text}` : ""}${i.detail}`;
}

function groups(chalk: ChalkInstance, list: ListGroup[]): string[] {
  const lines: string[] = [];
  for (const g of list) {
    lines.push(`  ${paint(chalk, g.heading, g.trend)}`);
    for (const i of g.items) lines.push(item(i, g.mark));
  }
  return lines;
}

/** Terminal tables (cli-table3); colour only when `opts.color`. */
export function renderTable(comparison: Comparison, opts: RenderOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const v = buildCompareView(comparison, opts.lang);
  const heading = (text: string) => chalk.bold(text);
  const out: string[] = [];
  out.push(heading(v.heading), "");
  out.push(grid(chalk, v.header));
  out.push(`${v.interval.label}${v.colon}${v.interval.value}`, "");
  // What the figures rest on comes before them.
  if (v.warnings.length) {
    out.push(heading(v.labels.warnings));
    for (const w of v.warnings) out.push(`  ${chalk.yellow("!")} ${w}`);
    out.push("");
  }

  out.push(heading(v.labels.dimensions));
  out.push(grid(chalk, v.dimensions));
  if (v.dimensionsFootnote) out.push(v.dimensionsFootnote);
  if (v.overallFootnote) out.push(v.overallFootnote);
  out.push("");

  if (v.kpis) {
    out.push(heading(v.labels.kpis), v.kpisIntro);
    out.push(grid(chalk, v.kpis), "");
  }

  const readiness = paint(chalk, v.readiness.line, v.readiness.trend);
  out.push(`${heading(v.labels.readiness)}${v.colon}${readiness}`);
  for (const side of v.readiness.sides) {
    out.push(`  ${side.heading}`);
    for (const r of side.rules) out.push(item(r, "•"));
  }
  out.push("");

  out.push(heading(v.labels.risks));
  out.push(...groups(chalk, v.risks));
  out.push("");

  out.push(heading(v.labels.perception));
  out.push(v.perception ? grid(chalk, v.perception) : `  ${v.perceptionNone}`);
  out.push("");

  out.push(heading(v.labels.questionnaire));
  out.push(`  ${v.questionnaire.intro}`);
  out.push(...groups(chalk, v.questionnaire.groups));
  if (v.questionnaire.none) out.push(`  ${v.questionnaire.none}`);
  out.push("");

  if (v.showMovers) {
    out.push(heading(v.labels.movers));
    out.push(v.movers ? grid(chalk, v.movers, MAX_TEXT_WIDTH) : `  ${v.moversNone}`);
    if (v.moversFootnote) out.push(v.moversFootnote);
    out.push("");
  }

  out.push(heading(v.labels.method));
  for (const m of v.method) out.push(`  ${m}`);
  return `${out.join("\n")}\n`;
}
