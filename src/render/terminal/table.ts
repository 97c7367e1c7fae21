import Table from "cli-table3";
import { displayWidth, truncateToWidth } from "../../core/text/width.js";
import { longestToken, wrapLines } from "../../core/text/wrap.js";
import { flow, type Paint, packItems, type Span, span } from "./text.js";

/** One cell: its text, how it is painted, and a mark that a cut must keep (e.g. ` †`). */
export interface TermCell {
  text: string;
  paint?: Paint | undefined;
  keep?: string | undefined;
}

export type CellInput = string | TermCell;

/** A column: its heading, alignment, and how it gives way when the table is too wide. */
export interface TermColumn {
  head: string;
  right?: boolean;
  /** Wrapped between words, or cut with `…`; a column without `give` keeps its width. */
  give?: "wrap" | "cut";
  /**
   * The narrowest the column may become (default 16 wrapped, 12 cut); never narrower than a word
   * of a wrapped column's cells or heading, nor than a cut column's heading.
   */
  min?: number;
  /**
   * Below this width a leaner variant of the table is preferred, if one keeps the column at
   * least this wide (default: `min`): fewer columns read better than titles over three lines.
   */
  prefer?: number;
}

/** A table in one of its variants, with the column labels this variant leaves out or shortens. */
export interface TermTable {
  columns: TermColumn[];
  rows: CellInput[][];
  omitted?: string[];
}

/** Bordered grid (`grid`), or aligned columns without borders after an indent (`plain`). */
export interface TableStyle {
  kind: "grid" | "plain";
  indent?: string;
  /** Paints the headings; a plain table whose headings are all empty has no heading row. */
  head?: Paint;
  /** Grid only: a rule above this row (to set a total apart). */
  ruleBefore?: number;
}

const DEFAULT_MIN = { wrap: 16, cut: 12 } as const;

// cli-table3 colours headers red by default when @colors/colors is installed; colour is ours.
const NO_STYLE = { head: [] as string[], border: [] as string[] };

const NO_CHARS = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "",
};

const cellOf = (c: CellInput | undefined): TermCell =>
  typeof c === "string" || c === undefined ? { text: c ?? "" } : c;

const cellWidth = (c: TermCell): number =>
  Math.max(0, ...c.text.split("\n").map((line) => displayWidth(line))) + displayWidth(c.keep ?? "");

const hasHead = (t: TermTable): boolean => t.columns.some((c) => c.head !== "");

function overhead(columns: number, style: TableStyle): number {
  return style.kind === "grid"
    ? 3 * columns + 1
    : displayWidth(style.indent ?? "") + 2 * (columns - 1);
}

/**
 * Column widths within `width`, the columns that may give way narrowed one column at a time
 * down to their floors, each time the one that lengthens the table least; null when the table
 * cannot fit.
 */
function fitWidths(
  t: TermTable,
  style: TableStyle,
  width: number,
  pass: "prefer" | "min",
): number[] | null {
  const head = (c: TermColumn) => (hasHead(t) ? displayWidth(c.head) : 0);
  const natural = t.columns.map((c, i) =>
    Math.max(head(c), ...t.rows.map((r) => cellWidth(cellOf(r[i])))),
  );
  const floor = t.columns.map((c, i) => {
    if (c.give === undefined) return natural[i] ?? 0;
    const min = c.min ?? DEFAULT_MIN[c.give];
    const least = pass === "prefer" ? Math.max(min, c.prefer ?? min) : min;
    // A wrapped column never cuts a word (nor its mark off the last): stacked records read
    // better than broken words.
    const word =
      c.give === "wrap"
        ? Math.max(
            0,
            ...t.rows.map((r) => {
              const cell = cellOf(r[i]);
              return longestToken(cell.text) + displayWidth(cell.keep ?? "");
            }),
          )
        : 0;
    // A wrapped column's heading wraps with it, between its words.
    const heading = c.give === "wrap" && hasHead(t) ? longestToken(c.head) : head(c);
    return Math.min(natural[i] ?? 0, Math.max(least, heading, word));
  });
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) + overhead(widths.length, style) - width;
  if (excess > widths.reduce((n, w, i) => n + w - (floor[i] ?? 0), 0)) return null;
  // Line counts of every row's cell in column `i` at width `w`, computed once.
  const counts = new Map<string, number[]>();
  const linesAt = (i: number, w: number): number[] => {
    const key = `${i}:${w}`;
    let found = counts.get(key);
    if (!found) {
      const column = t.columns[i] ?? { head: "" };
      found = t.rows.map((r) => cellLines(cellOf(r[i]), column, w).length);
      counts.set(key, found);
    }
    return found;
  };
  const height = (at: number[]) =>
    t.rows.reduce((sum, _, r) => sum + Math.max(...at.map((w, i) => linesAt(i, w)[r] ?? 1)), 0);
  while (excess > 0) {
    // Narrow the column that adds the fewest lines to the table; of equals, the widest.
    let pick = -1;
    let best = Number.POSITIVE_INFINITY;
    widths.forEach((w, i) => {
      if (w <= (floor[i] ?? 0)) return;
      const h = height(widths.map((x, j) => (j === i ? x - 1 : x)));
      if (h < best || (h === best && w > (widths[pick] ?? 0))) {
        pick = i;
        best = h;
      }
    });
    widths[pick] = (widths[pick] ?? 0) - 1;
    excess--;
  }
  return widths;
}

/** A cell's lines at `width` columns, wrapped or cut as its column says, unpainted. */
function cellLines(c: TermCell, column: TermColumn, width: number): string[] {
  const keep = c.keep ?? "";
  const room = width - displayWidth(keep);
  let lines = c.text.split("\n");
  if (cellWidth(c) > width && column.give === "wrap") {
    // The mark goes after the last line, which is wrapped shorter only if it must be.
    lines = wrapLines(c.text, width);
    if (displayWidth(lines[lines.length - 1] ?? "") > room) lines = wrapLines(c.text, room);
  } else if (cellWidth(c) > width && column.give === "cut") {
    lines = [truncateToWidth(c.text, room)];
  }
  if (keep) lines[lines.length - 1] += keep;
  return lines;
}

/** A cell at `width` columns, painted line by line. */
function layCell(c: TermCell, column: TermColumn, width: number): string {
  return cellLines(c, column, width)
    .map((line) => (c.paint && line ? c.paint(line) : line))
    .join("\n");
}

/** The table at the given column widths, as lines. */
function render(t: TermTable, widths: number[], style: TableStyle): string[] {
  const paintHead = style.head ?? ((s: string) => s);
  const rows = t.rows.map((r) =>
    t.columns.map((column, i) => layCell(cellOf(r[i]), column, widths[i] ?? 0)),
  );
  const heads = t.columns.map((c, i) =>
    c.head ? layCell({ text: c.head, paint: paintHead }, c, widths[i] ?? 0) : "",
  );
  const colAligns = t.columns.map((c) => (c.right ? "right" : "left") as "right" | "left");
  if (style.kind === "plain") {
    const table = new Table({
      chars: NO_CHARS,
      colAligns,
      style: { ...NO_STYLE, "padding-left": 0, "padding-right": 2 },
    });
    table.push(...(hasHead(t) ? [heads] : []), ...rows);
    const indent = style.indent ?? "";
    return table
      .toString()
      .split("\n")
      .map((line) => `${indent}${line}`.trimEnd());
  }
  const table = new Table({ head: heads, colAligns, style: { ...NO_STYLE, compact: true } });
  table.push(...rows);
  const lines = table.toString().split("\n");
  if (style.ruleBefore !== undefined) {
    const height = (cells: string[]) => Math.max(1, ...cells.map((c) => c.split("\n").length));
    const headHeight = height(heads);
    const above = rows.slice(0, style.ruleBefore).reduce((n, r) => n + height(r), 0);
    lines.splice(2 + headHeight + above, 0, lines[1 + headHeight] ?? "");
  }
  return lines;
}

/**
 * The first variant of a table that fits in `width` columns with its wrap and cut columns at
 * least their `prefer` width, else the first that fits with them at least their `min`; null when
 * none fits.
 */
export function fitTable(
  variants: readonly TermTable[],
  width: number,
  style: TableStyle,
): { lines: string[]; variant: TermTable } | null {
  for (const pass of ["prefer", "min"] as const) {
    for (const variant of variants) {
      const widths = fitWidths(variant, style, width, pass);
      if (widths) return { lines: render(variant, widths, style), variant };
    }
  }
  return null;
}

/**
 * A table as stacked records, for widths no variant fits: each row's `title` column on a line of
 * its own, then its other cells as `Label value` items under it, empty cells left out; a blank
 * line stands for the grid's rule.
 */
export function stackTable(
  t: TermTable,
  width: number,
  opts: { indent?: string | undefined; title?: number; label?: Paint; ruleBefore?: number } = {},
): string[] {
  const indent = opts.indent ?? "";
  const title = opts.title ?? 0;
  const lines: string[] = [];
  for (const [r, row] of t.rows.entries()) {
    if (r === opts.ruleBefore) lines.push("");
    const head = cellOf(row[title]);
    lines.push(...flow([span(head.text + (head.keep ?? ""), head.paint)], width, indent));
    const items: Span[][] = [];
    t.columns.forEach((column, i) => {
      const cell = cellOf(row[i]);
      if (i === title || cell.text === "") return;
      const label = column.head ? [span(column.head, opts.label), span(" ")] : [];
      items.push([...label, span(cell.text.replaceAll("\n", " ") + (cell.keep ?? ""), cell.paint)]);
    });
    lines.push(...packItems(items, width, span(" · "), `${indent}  `));
  }
  return lines;
}

/** How {@link layTable} stacks a table no variant fits, and says what a variant left out. */
export interface LayOptions {
  /** The table to stack (default: the first variant). */
  stack?: TermTable;
  /** The column that heads each stacked record (default: the first). */
  title?: number;
  /** Paints the labels of stacked records and the note. */
  label?: Paint;
  /** The note under a variant that leaves columns out, naming them. */
  narrowed?: (left: string[]) => string;
}

/**
 * The first variant that fits in `width`, with the note naming the columns it leaves out; else
 * the stacked records of {@link stackTable}, which leave nothing out.
 */
export function layTable(
  variants: readonly TermTable[],
  width: number,
  style: TableStyle,
  opts: LayOptions = {},
): string[] {
  const fitted = fitTable(variants, width, style);
  if (fitted) {
    const left = fitted.variant.omitted ?? [];
    if (left.length === 0 || !opts.narrowed) return fitted.lines;
    return [...fitted.lines, ...flow([span(opts.narrowed(left), opts.label)], width)];
  }
  const table = opts.stack ?? variants[0];
  if (!table) return [];
  return stackTable(table, width, {
    title: opts.title,
    label: opts.label,
    indent: style.indent,
    ruleBefore: style.ruleBefore,
  });
}
