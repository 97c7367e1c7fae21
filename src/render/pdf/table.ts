import { type CellNeed, columnFit, widenColumns } from "../../core/text/wrap.js";
import { COLOR, SIZE } from "./theme.js";
import type { TextStyle, Writer } from "./writer.js";

/** A table column: header text, relative width, alignment. */
export interface Column {
  header: string;
  /** Relative width; columns share the table width in proportion. */
  width: number;
  align?: "left" | "right" | "center";
}

/** A cell: plain text, or text with emphasis, a status chip or a muted second paragraph. */
export type Cell =
  | string
  | {
      text: string;
      bold?: boolean;
      color?: string;
      /** Draw the text white on a rounded chip of this colour (severity, verdict). */
      chip?: string;
      /** A smaller, muted paragraph under the text (descriptions, reasons). */
      sub?: string;
      /** Kept on one line: the column is made wide enough for the whole text ("82% → 100%"). */
      nowrap?: boolean;
      /**
       * A flag after the text, on its line: a small pennant drawn in the accent colour, then this
       * label (a flagged perception gap). The font has no flag glyph, so it is drawn.
       */
      flag?: string;
    };

export interface TableOptions {
  size?: number;
  /** Style the last row as a total (bold, rule above, no zebra). */
  totalRow?: boolean;
  /**
   * Points of what follows the table that must share a page with its last rows (a closing
   * heading and note): when they do not fit below the last rows, up to `KEEP_LAST_ROWS` of them
   * move to the next page with it, instead of it standing alone on a page of its own.
   */
  keepWithNext?: number;
  /**
   * Whether a short table may run on over the page foot rather than move whole: by default when
   * it starts in the page's upper half; tableWithLead decides it before its lead is drawn.
   */
  mayRunOn?: boolean;
}

interface CellBox {
  text: string;
  sub: string;
  style: TextStyle;
  subStyle: TextStyle;
  chip: string | null;
  flag: string | null;
}

const PAD_X = 5;
const PAD_Y = 3.6;
/** A flag's pennant: its width, and the space before it and after it (before the label). */
const FLAG_W = 5.2;
const FLAG_GAP = 3;
const SUB_GAP = 2;
const KEEP_TOGETHER = 300;
/** The rows a table's end carries onto the next page with what it is kept with. */
const KEEP_LAST_ROWS = 3;

export interface TableLayout {
  widths: number[];
  headStyle: TextStyle;
  /** Each column's header style: its words whole where the column holds them (see headerStyle). */
  headStyles: TextStyle[];
  headH: number;
  boxes: CellBox[][];
  heights: number[];
  rowHeight: (row: CellBox[]) => number;
  size: number;
}

// Measures a table once: column widths, the header height, each row's cells and height.
export function layoutTable(
  w: Writer,
  columns: readonly Column[],
  rows: readonly Cell[][],
  opts: TableOptions,
): TableLayout {
  const size = opts.size ?? SIZE.table;
  const lineGap = w.bodyGap * 0.6;
  const headStyle: TextStyle = { size, style: "bold", color: w.palette.accent, lineGap };
  const boxes = rows.map((row, r) =>
    columns.map((c, i): CellBox => {
      const cell = row[i] ?? "";
      const isTotal = opts.totalRow === true && r === rows.length - 1;
      const spec = typeof cell === "string" ? { text: cell } : cell;
      const bold = spec.bold === true || isTotal;
      return {
        text: spec.text,
        sub: "sub" in spec && spec.sub ? spec.sub : "",
        style: {
          size,
          style: bold || spec.chip ? "bold" : "regular",
          color: spec.chip ? COLOR.white : (spec.color ?? COLOR.ink),
          lineGap,
          align: c.align ?? "left",
        },
        subStyle: { size: size - 0.8, color: COLOR.muted, lineGap, align: c.align ?? "left" },
        chip: spec.chip ?? null,
        flag: "flag" in spec && spec.flag ? spec.flag : null,
      };
    }),
  );
  const cellHeight = (box: CellBox, width: number): number => {
    const inner = width - 2 * PAD_X;
    let h = box.text === "" ? 0 : w.measure(box.text, box.chip ? inner - 6 : inner, box.style);
    if (box.chip) h += 2;
    if (box.sub !== "") h += SUB_GAP + w.measure(box.sub, inner, box.subStyle);
    return h;
  };
  const heightAt = (ws: readonly number[]) => (row: CellBox[]) =>
    Math.max(w.lineHeight({ size }), ...row.map((b, i) => cellHeight(b, ws[i] ?? 0))) + 2 * PAD_Y;
  const headAt = (ws: readonly number[]) =>
    Math.max(
      ...columns.map((c, i) => {
        const inner = (ws[i] ?? 0) - 2 * PAD_X;
        return w.measure(c.header, inner, headerStyle(w, c.header, inner, headStyle));
      }),
    ) +
    2 * PAD_Y;
  // A column gives another room only where the table, its header included, grows no taller.
  const tall = (ws: readonly number[]) =>
    headAt(ws) + boxes.map(heightAt(ws)).reduce((a, b) => a + b, 0);
  const keeps = (after: readonly number[], before: readonly number[]) =>
    tall(after) <= tall(before);
  const widths = columnWidths(w, columns, rows, size, headStyle, keeps);
  const rowHeight = heightAt(widths);
  const headH = headAt(widths);
  const headStyles = columns.map((c, i) =>
    headerStyle(w, c.header, (widths[i] ?? 0) - 2 * PAD_X, headStyle),
  );
  return {
    widths,
    headStyle,
    headStyles,
    headH,
    boxes,
    heights: boxes.map(rowHeight),
    rowHeight,
    size,
  };
}

/**
 * A header is read at a glance: where its column holds its longest word whole, none of its words
 * breaks at a hyphen ("Effort / (person-weeks)", not "Effort / (person- / weeks)").
 */
function headerStyle(w: Writer, header: string, inner: number, style: TextStyle): TextStyle {
  const whole: TextStyle = { ...style, wholeWords: true };
  return w.longestWord(header, whole) <= inner ? whole : style;
}

/**
 * True while the cursor is in the upper half of the page body: a table (and what leads into it)
 * moved whole to the next page from there would leave this page less than half full, so a short
 * table there runs on instead, its header repeated, as a taller one always does.
 */
export function inUpperHalf(w: Writer): boolean {
  // The cursor stands up to a few lines' spacing below the last text (a table's 8 points after
  // it, a heading's space above): measured from the cursor, the half reaches a little further.
  return w.y - w.top < (w.bottom - w.top) * 0.55;
}

/**
 * The height a heading or lead-in before this table should keep with it: the whole table when
 * it is short enough to be kept together (and the page is past its upper half), else its header
 * and first rows.
 */
export function tableKeep({ headH, heights }: TableLayout, mayRunOn = false): number {
  const total = headH + heights.reduce((a, b) => a + b, 0);
  if (total <= KEEP_TOGETHER && !mayRunOn) return total + 8;
  return headH + heights.slice(0, 3).reduce((a, b) => a + b, 0);
}

/**
 * Draws a table at the cursor: shaded header, zebra rows, wrapped cells. A row that does not fit
 * moves whole to the next page and the header is repeated there; only a row taller than a page is
 * split, and then line by line.
 */
export function drawTable(
  w: Writer,
  columns: readonly Column[],
  rows: readonly Cell[][],
  opts: TableOptions = {},
  layout: TableLayout = layoutTable(w, columns, rows, opts),
): void {
  const { widths, headStyles, headH, boxes, heights, rowHeight, size } = layout;
  const xs: number[] = [];
  let acc = w.left;
  for (const width of widths) {
    xs.push(acc);
    acc += width;
  }

  const drawHeader = (): void => {
    const y = w.y;
    const h = headH;
    w.doc.save();
    w.doc.rect(w.left, y, w.width, h).fill(COLOR.headerFill);
    w.doc.restore();
    columns.forEach((c, i) => {
      w.draw(c.header, (xs[i] ?? 0) + PAD_X, y + PAD_Y, (widths[i] ?? 0) - 2 * PAD_X, {
        ...(headStyles[i] ?? layout.headStyle),
        align: c.align ?? "left",
      });
    });
    w.rule(y + h, w.palette.accent, 0.8);
    w.y = y + h;
  };

  const tableHeight = headH + heights.reduce((a, b) => a + b, 0);
  // A short table moves whole to the next page, and a longer one starts there too when fewer
  // than three of its rows would fit below the cursor.
  let fitting = 0;
  for (let used = headH; fitting < heights.length; fitting++) {
    used += heights[fitting] ?? 0;
    if (used > w.remaining()) break;
  }
  const fitsFreshPage = tableHeight <= w.bottom - w.top;
  const fewFit = fitting < Math.min(3, heights.length);
  // A short table in a page's upper half runs on rather than leave the page near-empty, when
  // three of its rows fit here; its last rows then go on together.
  const runsOn = tableHeight > w.remaining() && !fewFit && (opts.mayRunOn ?? inUpperHalf(w));
  if (
    tableHeight > w.remaining() &&
    ((tableHeight <= KEEP_TOGETHER && !runsOn) || (fewFit && (fitsFreshPage || fitting === 0)))
  ) {
    w.newPage();
  }
  // Never a header alone at a page bottom: it needs its first row (or three lines of a row that
  // is taller than a page and will be split anyway).
  const pageRoom = w.bottom - w.top - headH;
  const firstRow = heights[0] ?? 0;
  w.ensure(headH + (firstRow <= pageRoom ? firstRow : w.lineHeight({ size }) * 3 + 2 * PAD_Y));
  drawHeader();

  const keepWithNext = opts.keepWithNext ?? (runsOn && tableHeight <= KEEP_TOGETHER ? 1 : 0);
  const keptFrom = lastRowsKept(heights, keepWithNext, pageRoom);
  boxes.forEach((row, r) => {
    const isTotal = opts.totalRow === true && r === rows.length - 1;
    const fillColor = isTotal ? COLOR.accentSoft : r % 2 === 1 ? COLOR.zebra : null;
    let h = heights[r] ?? rowHeight(row);
    if (h <= pageRoom) {
      const kept = r === keptFrom ? heights.slice(r).reduce((a, b) => a + b, 0) : 0;
      if (w.y + h > w.bottom || w.y + kept + keepWithNext > w.bottom) {
        w.newPage();
        drawHeader();
      }
      drawRow(w, row, xs, widths, w.y, h, fillColor);
      if (isTotal) w.rule(w.y, w.palette.accent, 0.8);
      w.y += h;
      w.rule(w.y, COLOR.rule, 0.4);
      return;
    }
    // A row taller than a page: fill what is left of this page, continue on the next ones.
    let pending = row;
    while (pending.some((b) => b.text !== "" || b.sub !== "")) {
      if (w.bottom - w.y < w.lineHeight({ size }) * 3 + 2 * PAD_Y) {
        w.newPage();
        drawHeader();
      }
      const room = w.bottom - w.y - 2 * PAD_Y;
      const parts = pending.map((b, i) => splitCell(w, b, (widths[i] ?? 0) - 2 * PAD_X, room));
      const head = parts.map((p) => p[0]);
      h = rowHeight(head);
      drawRow(w, head, xs, widths, w.y, Math.min(h, w.bottom - w.y), fillColor);
      w.y += Math.min(h, w.bottom - w.y);
      w.rule(w.y, COLOR.rule, 0.4);
      pending = parts.map((p) => p[1]);
      if (pending.some((b) => b.text !== "" || b.sub !== "")) {
        w.newPage();
        drawHeader();
      }
    }
  });
  w.y += 8;
  w.doc.x = w.left;
}

/**
 * The row from which a table's end moves to the next page together with what must follow it
 * (`keepWithNext` points), or -1: the last `KEEP_LAST_ROWS` rows, one at least staying behind with
 * the header, when they and what follows fit on a page.
 */
function lastRowsKept(heights: readonly number[], keepWithNext: number, pageRoom: number): number {
  if (keepWithNext <= 0 || heights.length < 2) return -1;
  const from = heights.length - Math.min(KEEP_LAST_ROWS, heights.length - 1);
  const kept = heights.slice(from).reduce((a, b) => a + b, 0);
  return kept + keepWithNext <= pageRoom ? from : -1;
}

// Column widths follow the relative widths, but never cut a header word, a cell's word or a short
// value (a number, a level, a chip, a short Chinese term or verdict) in two: narrow columns take
// what they need from the wide text columns. What may not be cut is the core text model's
// (longestToken, in the PDF's fonts), as in the Word tables; and a column whose cell would take
// more lines than its whole pieces need (a date, a short Chinese value, see columnFit; a header's
// hyphenated word, see headerStyle) is widened by Word's rule (widenColumns), where the table grows
// no taller for it (`keeps`).
function columnWidths(
  w: Writer,
  columns: readonly Column[],
  rows: readonly Cell[][],
  size: number,
  headStyle: TextStyle,
  keeps: (after: readonly number[], before: readonly number[]) => boolean,
): number[] {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const base = columns.map((c) => (c.width / total) * w.width);
  const mins = columns.map((c, i) => {
    let min = w.longestWord(c.header, headStyle);
    for (const row of rows) {
      const cell = row[i];
      if (cell === undefined) continue;
      const spec = typeof cell === "string" ? { text: cell } : cell;
      const nowrap = "nowrap" in spec && spec.nowrap === true;
      const style = cellStyle(spec, size);
      const extra = "chip" in spec && spec.chip ? 8 : 0;
      min = Math.max(
        min,
        (nowrap ? w.widthOf(spec.text, style) : w.longestWord(spec.text, style)) + extra,
      );
      if ("flag" in spec && spec.flag) {
        min = Math.max(min, w.widthOf(spec.text, style) + flagWidth(w, spec.flag, style));
      }
    }
    return min + 2 * PAD_X + 1;
  });
  const minTotal = mins.reduce((a, b) => a + b, 0);
  if (minTotal >= w.width) return mins.map((m) => (m / minTotal) * w.width);
  const widths = base.map((b, i) => Math.max(b, mins[i] ?? 0));
  const excess = widths.reduce((a, b) => a + b, 0) - w.width;
  if (excess > 0) {
    const slack = widths.map((width, i) => Math.max(0, width - (mins[i] ?? 0)));
    const slackTotal = slack.reduce((a, b) => a + b, 0);
    for (let i = 0; i < widths.length; i++) {
      widths[i] = (widths[i] ?? 0) - (excess * (slack[i] ?? 0)) / slackTotal;
    }
  }
  const needs = columns.map((c, i) => [
    wholeNeed(w, c.header, { ...headStyle, wholeWords: true }, headStyle),
    ...rows.flatMap((row) => {
      const spec = typeof row[i] === "string" ? { text: row[i] } : (row[i] ?? { text: "" });
      if (spec.nowrap || spec.chip || spec.flag) return [];
      return [wholeNeed(w, spec.text, cellStyle(spec, size))];
    }),
  ]);
  return widenColumns(widths, mins, needs, keeps);
}

// The style a cell's text is measured in: bold for emphasis and chips.
function cellStyle(spec: Exclude<Cell, string>, size: number): TextStyle {
  return { size, style: spec.bold || spec.chip ? "bold" : "regular" };
}

/**
 * What a column needs for a cell's text set in `style`: where its lines would break inside a piece
 * it keeps whole (see columnFit; the PDF's lines move such a piece to the next line whole
 * instead), or inside a word `style` keeps whole (a header's, see headerStyle), the width that
 * holds the line up to that piece's end, when that saves a line over the text set now (in
 * `narrow` where the column cannot hold its words whole).
 */
function wholeNeed(w: Writer, text: string, style: TextStyle, narrow = style): CellNeed {
  const clean = w.clean(text);
  const measure = w.textMeasure(style);
  const word = w.longestWord(text, style);
  return (width) => {
    const inner = width - 2 * PAD_X;
    if (clean.trim() === "") return width;
    const fit = columnFit(clean, measure, Math.max(inner, word));
    if (fit <= inner) return width;
    const wider = Math.ceil(fit + 1) + 2 * PAD_X;
    const now = w.lines(text, inner, word <= inner ? style : narrow).length;
    return w.lines(text, wider - 2 * PAD_X, style).length < now ? wider : width;
  };
}

function drawRow(
  w: Writer,
  row: readonly CellBox[],
  xs: readonly number[],
  widths: readonly number[],
  y: number,
  h: number,
  fillColor: string | null,
): void {
  if (fillColor) {
    w.doc.save();
    w.doc.rect(w.left, y, w.width, h).fill(fillColor);
    w.doc.restore();
  }
  row.forEach((box, i) => {
    const x = (xs[i] ?? 0) + PAD_X;
    const width = (widths[i] ?? 0) - 2 * PAD_X;
    let cy = y + PAD_Y;
    if (box.chip && box.text !== "") {
      const tw = Math.min(w.widthOf(box.text, box.style) + 8, width);
      const th = w.measure(box.text, tw - 6, box.style) + 2;
      const cx =
        box.style.align === "right"
          ? x + width - tw
          : box.style.align === "center"
            ? x + (width - tw) / 2
            : x;
      w.doc.save();
      w.doc.roundedRect(cx, cy - 0.5, tw, th, 2.5).fill(box.chip);
      w.doc.restore();
      w.draw(box.text, cx + 3, cy + 0.8, tw - 6, { ...box.style, align: "center" });
      cy += th + SUB_GAP;
    } else if (box.flag && box.text !== "") {
      drawFlagged(w, box, box.flag, x, cy, width);
      cy += w.lineHeight(box.style) + SUB_GAP;
    } else if (box.text !== "") {
      cy += w.draw(box.text, x, cy, width, box.style) + SUB_GAP;
    }
    if (box.sub !== "") w.draw(box.sub, x, cy, width, box.subStyle);
  });
}

/** The width a flag adds after a cell's text: gap, pennant, gap, label. */
function flagWidth(w: Writer, label: string, style: TextStyle): number {
  return FLAG_GAP + FLAG_W + FLAG_GAP + w.widthOf(label, { ...style, style: "bold" });
}

/**
 * A flagged figure on one line: the text, a pennant on a staff drawn in the accent colour (the
 * font has no ⚑), then the label in that colour; aligned as a whole within `width`.
 */
function drawFlagged(
  w: Writer,
  box: CellBox,
  label: string,
  x: number,
  y: number,
  width: number,
): void {
  const textW = w.widthOf(box.text, box.style);
  const total = textW + flagWidth(w, label, box.style);
  const align = box.style.align ?? "left";
  const sx =
    align === "right" ? x + width - total : align === "center" ? x + (width - total) / 2 : x;
  w.draw(box.text, sx, y, textW + 1, { ...box.style, align: "left" });
  const size = box.style.size;
  // The staff spans the cap height; the pennant flies from its top half.
  const top = y + size * 0.16;
  const foot = y + size * 0.92;
  const px = sx + textW + FLAG_GAP;
  const color = w.palette.accent;
  w.doc.save();
  w.doc
    .lineWidth(0.7)
    .moveTo(px + 0.35, top)
    .lineTo(px + 0.35, foot)
    .stroke(color);
  w.doc
    .moveTo(px + 0.7, top)
    .lineTo(px + FLAG_W, top + (foot - top) * 0.27)
    .lineTo(px + 0.7, top + (foot - top) * 0.54)
    .closePath()
    .fill(color);
  w.doc.restore();
  const lx = px + FLAG_W + FLAG_GAP;
  w.draw(label, lx, y, x + width - lx + 1, { ...box.style, style: "bold", color, align: "left" });
}

// Splits a cell so that the first part fits `room` points: whole lines only, broken at a space
// when there is one near the cut (Latin text) and anywhere otherwise (Chinese text).
function splitCell(w: Writer, box: CellBox, width: number, room: number): [CellBox, CellBox] {
  const fits = (text: string, style: TextStyle): boolean => w.measure(text, width, style) <= room;
  const empty = { ...box, text: "", sub: "" };
  const textHeight = box.text === "" ? 0 : w.measure(box.text, width, box.style);
  if (textHeight + (box.sub ? SUB_GAP + w.measure(box.sub, width, box.subStyle) : 0) <= room) {
    return [box, empty];
  }
  if (textHeight <= room) {
    const [a, b] = cut(
      box.sub,
      (t) => textHeight + SUB_GAP + w.measure(t, width, box.subStyle) <= room,
    );
    return [
      { ...box, sub: a },
      { ...empty, sub: b, subStyle: box.subStyle, style: box.style },
    ];
  }
  const [a, b] = cut(box.text, (t) => fits(t, box.style));
  return [
    { ...box, text: a, sub: "" },
    { ...box, text: b, chip: null, flag: null },
  ];
}

function cut(text: string, fits: (t: string) => boolean): [string, string] {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  let at = lo;
  const space = text.lastIndexOf(" ", at);
  if (space > at - 30 && space > 0) at = space;
  if (at <= 0) at = Math.max(1, lo);
  return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
}
