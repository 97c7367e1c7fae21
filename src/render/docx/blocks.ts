import {
  AlignmentType,
  BorderStyle,
  type FileChild,
  ImageRun,
  NoBreakHyphen,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Lang } from "../../core/models/languages.js";
import { BOLD_EM as BOLD, lineEm } from "../../core/text/width.js";
import {
  columnFit,
  EMS,
  glueDates,
  gluedDates,
  linesAtEm,
  longestWordEm,
  widenColumns,
} from "../../core/text/wrap.js";
import { xmlSafe } from "../../core/text/xml.js";
import { type ChartFontOptions, chartRasterizer } from "../charts/png.js";
import type { SvgChart } from "../charts/svg.js";
import { COLOR } from "../pdf/theme.js";
import { runLanguage, STYLE } from "./styles.js";

/**
 * Building blocks of a Word document: paragraphs in the document's named styles, bulleted lists,
 * Word tables with a repeated header row, and charts as SVG pictures with a PNG fallback. Every
 * run carries the document's language (and Chinese as its East Asian language), so Word proofs
 * each script correctly. Text is always a run's text: docx escapes it for XML, so client text
 * never becomes markup or a field code; a date in words in it is glued so that no line breaks
 * inside it (glueDates).
 */
export interface Blocks {
  readonly lang: Lang;
  run(text: string, opts?: { bold?: boolean; italics?: boolean; color?: string }): TextRun;
  /** `keepNext`: on the same page as what follows (a table's lead-in, never alone at a foot). */
  paragraph(text: string, opts?: { style?: string; bold?: boolean; keepNext?: boolean }): Paragraph;
  /** A paragraph of runs: `[label, text]` pairs make the label bold. */
  labelled(parts: readonly (readonly [string, string])[], separator: string): Paragraph;
  /** `newPage` overrides the document's rule for this heading (e.g. the first section after a cover). */
  heading(level: 1 | 2 | 3, text: string, newPage?: boolean): Paragraph;
  /** Bulleted paragraphs; `level` 1 nests them under the item before. */
  bullets(items: readonly string[], level?: 0 | 1): Paragraph[];
  numbered(items: readonly string[]): Paragraph[];
  /** A table and the space after it. */
  table(columns: readonly Column[], rows: readonly Cell[][]): FileChild[];
  /**
   * A chart with its caption; nothing when the chart has nothing to draw. At most `maxHeight`
   * pixels tall (under half a page unless given). A chart in parts (the timeline, split by rows)
   * is a picture a part, with no gap between them, the caption under the last: Word keeps each
   * picture whole and can break the page between them.
   */
  chart(
    chart: SvgChart | readonly SvgChart[] | null,
    caption: string,
    maxHeight?: number,
  ): Promise<FileChild[]>;
}

/** A table column: its header and relative width; numbers align right. */
export interface Column {
  header: string;
  width: number;
  numeric?: boolean;
}

/**
 * A table cell: text, optionally bold (totals) or in a colour (severity); `nowrap` keeps it on one
 * line, its column made wide enough for the whole text ("82% → 100%", a week span, a date); `flag`
 * is a label shown after the text, bold in the accent colour on a tint (a flagged perception gap).
 */
export type Cell =
  | string
  | { text: string; bold?: boolean; color?: string; nowrap?: boolean; flag?: string };

/** The text a cell is measured by: a flag's label comes after the text, with its padding. */
const measured = (cell: Exclude<Cell, string>): string =>
  cell.flag ? `${cell.text} \u00a0${cell.flag}\u00a0` : cell.text;

const hex = (color: string): string => color.replace(/^#/, "").toUpperCase();

/** Content width of an A4 page with the document's margins, in pixels (for pictures). */
const CONTENT_PX = 605;
/** Under half the text height of an A4 page, so a chart can share its page with its text. */
const CHART_MAX_PX = 380;

/**
 * The height, in a picture's own pixels, of a picture `width` pixels wide that shows at most
 * CHART_MAX_PX tall once scaled to the text width (what a chart split into parts may take).
 */
export function chartPartHeight(width: number): number {
  return Math.floor(CHART_MAX_PX * Math.max(1, width / CONTENT_PX));
}

/**
 * Tables at most this tall (twips: half the text height of the A4 page of document.ts, 14287)
 * stay on one page: a phase table's header and first row at the foot of one page and its other
 * three rows on the next read as two tables. A taller one would leave most of a page empty when
 * it moved whole: it runs on, its header row repeated on the next page.
 */
export const KEEP_TOGETHER_TWIPS = 7140;
/** A line of table text (8.5 pt, single spacing) in twips, as Word and LibreOffice set it. */
const TABLE_LINE = 205;
/** A row's cell margins (40 above and below, styles.ts) and its paragraph's spacing (20 + 20). */
const ROW_PADDING = 120;
/** A cell's left and right margins (styles.ts). */
const CELL_MARGINS = 160;

type CellParagraph = (
  cell: Cell,
  header: boolean,
  numeric: boolean,
  keepNext: boolean,
) => Paragraph;

/**
 * A Word table with its header row repeated on each page and rows that never split; one at most
 * half a page tall (KEEP_TOGETHER_TWIPS) keeps every row with the next, which is how Word keeps a
 * table on one page.
 */
function wordTable(
  columns: Parameters<Blocks["table"]>[0],
  rows: Parameters<Blocks["table"]>[1],
  cellParagraph: CellParagraph,
): ReturnType<Blocks["table"]> {
  const widths = columnWidths(columns, rows);
  const together = tableHeight(columns, rows, widths) <= KEEP_TOGETHER_TWIPS;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: hex(COLOR.headerFill) },
          children: [
            cellParagraph(
              headerCell(c).text,
              true,
              c.numeric === true,
              together && rows.length > 0,
            ),
          ],
        }),
    ),
  });
  const body = rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: columns.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              children: [
                cellParagraph(
                  row[i] ?? "",
                  false,
                  c.numeric === true,
                  together && r < rows.length - 1,
                ),
              ],
            }),
        ),
      }),
  );
  const table = new Table({
    style: STYLE.table,
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: hex(COLOR.rule) },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(COLOR.rule) },
      left: { style: BorderStyle.NONE, size: 0, color: "auto" },
      right: { style: BorderStyle.NONE, size: 0, color: "auto" },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: hex(COLOR.rule) },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: "auto" },
    },
    rows: [header, ...body],
  });
  return [table, new Paragraph({ style: STYLE.spacer })];
}

/** A list's last two items stay together, as in the PDF: none is left alone on a new page. */
const lastTwo = (i: number, items: readonly string[]) =>
  i === items.length - 2 ? { keepNext: true } : {};

/** The Word building blocks in one language: runs, paragraphs, headings, lists, tables, charts. */
export function makeBlocks(
  lang: Lang,
  opts: {
    sectionsOnNewPage: boolean;
    /** The font settings the charts' PNG fallbacks find their font by (as the PDF's). */
    fonts?: ChartFontOptions;
  } = { sectionsOnNewPage: true },
): Blocks {
  let lists = 0;
  const toPng = chartRasterizer(opts.fonts);
  const language = runLanguage(lang);
  // A date in words is glued (glueDates): Word fills lines itself and would break inside one.
  // Word's own non-breaking hyphen (w:noBreakHyphen) where the text has U+2011 (see headerCell).
  const run: Blocks["run"] = (text, opts = {}) => {
    const [first = "", ...rest] = glueDates(xmlSafe(text)).split(NO_BREAK_HYPHEN);
    return new TextRun({
      ...(rest.length > 0
        ? { children: [first, ...rest.flatMap((part) => [new NoBreakHyphen(), part])] }
        : { text: first }),
      language,
      ...(opts.bold ? { bold: true } : {}),
      ...(opts.italics ? { italics: true } : {}),
      ...(opts.color ? { color: hex(opts.color) } : {}),
    });
  };
  const paragraph: Blocks["paragraph"] = (text, opts = {}) =>
    new Paragraph({
      style: opts.style ?? STYLE.normal,
      ...(opts.keepNext ? { keepNext: true } : {}),
      children: [run(text, { bold: opts.bold ?? false })],
    });
  // A flag's label: bold in the accent colour on its tint, a space of padding either side.
  const flagRun = (label: string): TextRun =>
    new TextRun({
      text: xmlSafe(`\u00a0${label}\u00a0`),
      language,
      bold: true,
      color: hex(COLOR.accent),
      shading: { type: ShadingType.CLEAR, color: "auto", fill: hex(COLOR.accentSoft) },
    });
  const cellParagraph: CellParagraph = (cell, header, numeric, keepNext) => {
    const text = typeof cell === "string" ? cell : cell.text;
    const bold = header || (typeof cell !== "string" && cell.bold === true);
    const color = typeof cell !== "string" ? cell.color : undefined;
    const flag = typeof cell !== "string" ? cell.flag : undefined;
    return new Paragraph({
      style: STYLE.tableText,
      alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
      ...(keepNext ? { keepNext: true } : {}),
      children: [
        run(text, { bold, ...(color ? { color } : {}) }),
        ...(flag ? [run(" "), flagRun(flag)] : []),
      ],
    });
  };
  return {
    lang,
    run,
    paragraph,
    labelled(parts, separator) {
      const children: ParagraphChild[] = [];
      parts.forEach(([label, text], i) => {
        if (i > 0) children.push(run("  ·  "));
        children.push(run(`${label}${separator}`, { bold: true }), run(text));
      });
      return new Paragraph({ style: STYLE.normal, children });
    },
    heading(level, text, newPage) {
      const style = level === 1 ? STYLE.h1 : level === 2 ? STYLE.h2 : STYLE.h3;
      // Sections of a long document start on a new page, as in the PDF.
      const pageBreakBefore = newPage ?? (level === 1 && opts.sectionsOnNewPage);
      // Kept with what follows (a picture, a table's lead-in) as the paragraph's own setting
      // too, not only its style's: never alone at the foot of a page, whatever the style says.
      return new Paragraph({
        style,
        pageBreakBefore,
        keepNext: true,
        keepLines: true,
        children: [run(text)],
      });
    },
    bullets(items, level = 0) {
      // docx gives bulleted paragraphs the List Paragraph style itself.
      return items.map(
        (item, i) =>
          new Paragraph({ bullet: { level }, ...lastTwo(i, items), children: [run(item)] }),
      );
    },
    numbered(items) {
      // Each list is its own instance of the numbering, so it starts again at 1.
      lists++;
      const instance = lists;
      return items.map(
        (item, i) =>
          new Paragraph({
            style: STYLE.list,
            numbering: { reference: NUMBERED, level: 0, instance },
            ...lastTwo(i, items),
            children: [run(item)],
          }),
      );
    },
    table(columns, rows) {
      return wordTable(columns, rows, cellParagraph);
    },
    async chart(chart, caption, maxHeight = CHART_MAX_PX) {
      const parts: readonly SvgChart[] = chart === null ? [] : "svg" in chart ? [chart] : chart;
      if (parts.length === 0) return [];
      const pictures: FileChild[] = [];
      for (const [k, part] of parts.entries())
        pictures.push(chartPicture(part, await toPng(part), caption, maxHeight, k, parts.length));
      return [...pictures, new Paragraph({ style: STYLE.caption, children: [run(caption)] })];
    },
  };
}

/**
 * Part `k` of a chart in `count` parts as a figure paragraph: the SVG picture with its PNG
 * fallback, scaled to the text width and at most `maxHeight` pixels tall. Only the last part keeps
 * with the caption: the page may break between the parts. The parts of one chart follow each
 * other without a gap (single line spacing, no space before the second and later) so that on
 * one page they read as one picture.
 */
function chartPicture(
  part: SvgChart,
  png: Uint8Array,
  caption: string,
  maxHeight: number,
  k: number,
  count: number,
): Paragraph {
  const scale = Math.min(1, CONTENT_PX / part.width, maxHeight / part.height);
  const picture = new ImageRun({
    type: "svg",
    data: new TextEncoder().encode(part.svg),
    transformation: {
      width: Math.round(part.width * scale),
      height: Math.round(part.height * scale),
    },
    fallback: { type: "png", data: png },
    altText: { name: xmlSafe(caption), title: xmlSafe(caption), description: xmlSafe(caption) },
  });
  const joined =
    count > 1
      ? { spacing: { line: 240, lineRule: "auto" as const, ...(k === 0 ? {} : { before: 0 }) } }
      : {};
  return new Paragraph({
    style: STYLE.figure,
    keepNext: k === count - 1,
    ...joined,
    children: [picture],
  });
}

const NO_BREAK_HYPHEN = "\u2011";

/**
 * A column's header as its cell shows it, bold: read at a glance, so a hyphenated word in it is
 * held whole ("Effort / (person-weeks)", not "Effort / (person- / weeks)", as in the PDF) —
 * measured as one word (a non-breaking hyphen is no break for `segments`) and set with Word's
 * non-breaking hyphen (`run`).
 */
function headerCell(c: Column): { text: string; bold: true } {
  return { text: c.header.replace(/(?<=\p{L})-(?=\p{L})/gu, NO_BREAK_HYPHEN), bold: true };
}

/** Text width of the page in twentieths of a point (A4 less 2 cm margins). */
const CONTENT_TWIPS = 9638;

/** Twentieths of a point an em takes in a table: 8.5 pt text (the Table Text style and the headers). */
const TABLE_EM = 170;
/** A cell's left and right margins (80 each, styles.ts) and some slack. */
const CELL_PADDING = 200;
/**
 * Column widths in twentieths of a point: shares of the text width by each column's relative
 * width, but never narrower than the longest word of its header in bold or of any of its cells
 * (`rows`), measured as the widest common substitute face sets them (longestWordEm), so that text
 * wraps between words (and after a hyphen, and between Chinese characters), never inside one
 * ("Technol-ogy", "programm-e") in Word, LibreOffice or WPS; a short Chinese term or phrase
 * stays whole ("每次阶段评审", not "每次阶段 / 评审"; "目标", not "目 / 标"), as in the PDF. A
 * header's whole width would let long headers such as "Effort (person-weeks)" squeeze the text
 * column of a wide table to a letter a line.
 */
export function columnWidths(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[] = [],
): number[] {
  const least = phrasesGiveWay(
    leastWidths(columns, rows, true),
    leastWidths(columns, rows, false),
    columns.map((c) => c.width),
  );
  // A table whose words cannot all fit shares the shortfall out evenly, crushing no column.
  const total = least.reduce((a, b) => a + b, 0);
  if (total >= CONTENT_TWIPS) return least.map((w) => Math.floor((w * CONTENT_TWIPS) / total));
  const fixed = new Set<number>();
  for (;;) {
    const room = CONTENT_TWIPS - [...fixed].reduce((sum, i) => sum + (least[i] ?? 0), 0);
    const share = columns.reduce((sum, c, i) => (fixed.has(i) ? sum : sum + c.width), 0);
    const widths = columns.map((c, i) =>
      fixed.has(i) ? (least[i] ?? 0) : Math.floor((c.width / share) * room),
    );
    const narrow = widths.findIndex((w, i) => !fixed.has(i) && w < (least[i] ?? 0));
    if (narrow < 0 || fixed.size === columns.length - 1)
      return piecesWhole(widths, least, columns, rows);
    fixed.add(narrow);
  }
}

/**
 * How much more text a line of Word or LibreOffice may hold than the widest substitute face sets
 * (EMS): Calibri is narrower, and LibreOffice sets a full-width bracket at a line's start or end
 * half as wide ("工作量（人" fitted a column measured for four characters and a half).
 */
const LOOSE = 1.15;

/**
 * The width (ems) at which `text` breaks inside none of its whole pieces (see columnFit), however
 * tightly the reader's face sets it: at least `em`, with lines up to LOOSE times as full.
 */
function wholeFit(text: string, em: number): number {
  const kept = gluedDates(text);
  let fit = em;
  for (let tries = 0; tries < 4; tries++) {
    const loose = columnFit(text, EMS, fit * LOOSE, kept);
    const next = Math.max(
      columnFit(text, EMS, fit, kept),
      loose > fit * LOOSE ? loose / LOOSE : fit,
    );
    if (next <= fit) break;
    fit = next;
  }
  return fit;
}

/**
 * The widths, each column widened where Word, filling a cell's lines as they come, would break
 * inside a piece the column holds whole (a date, a header's unit: "工作量（人 / 周）", "2026年4月 /
 * 8日", see columnFit): to hold the line up to that piece's end, the room taken from the column
 * with the most to spare (widenColumns, as in the PDF). Then, where Word moves a glued date to the
 * next line whole and that costs a line (gluedDateRoom), as in the PDF only where the table grows
 * no taller for it, the columns widened before keeping their room.
 */
function piecesWhole(
  widths: number[],
  least: readonly number[],
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): number[] {
  const needs = (room: (text: string, em: number) => number) =>
    columns.map((c, i) => {
      const cells = rows.map((row) => row[i] ?? "");
      return [headerCell(c), ...cells].flatMap((cell) => {
        if (typeof cell !== "string" && "nowrap" in cell && cell.nowrap) return [];
        const text = typeof cell === "string" ? cell : cell.text;
        const scale = TABLE_EM * (typeof cell !== "string" && cell.bold ? BOLD : 1);
        return [
          (width: number) => {
            const em = (width - CELL_MARGINS) / scale;
            const wanted = room(text, em);
            return wanted <= em ? width : Math.ceil(wanted * scale) + CELL_PADDING;
          },
        ];
      });
    });
  const whole = widenColumns(widths, least, needs(wholeFit));
  const floors = whole.map((w, i) => (w > (widths[i] ?? 0) ? w : (least[i] ?? 0)));
  const height = (w: readonly number[]) => tableHeight(columns, rows, w);
  return widenColumns(
    whole,
    floors,
    needs(gluedDateRoom),
    (after, before) => height(after) <= height(before),
  );
}

/**
 * Where Word moves a date in Latin letters to the next line whole (see gluedDates) and that costs
 * a line ("2.14 (assessment / of / 16 March 2026)"), the width (ems) that holds the line before
 * up to the date's end; else `em`.
 */
function gluedDateRoom(text: string, em: number): number {
  if (gluedDates(text).length === 0) return em;
  const held = columnFit(text, EMS, em);
  return held > em && linesAtEm(text, held) < linesAtEm(text, em) ? held : em;
}

/**
 * A cell's Chinese phrase kept whole is a wish; a word, a figure on one line or a header's term a
 * need. Where the wishes (`wish`) do not all fit the page, the columns the table gives least room
 * (`weights`, the columns' relative widths) give way first, the widest phrase first among them: a
 * verdict or a name in a wide column stays whole while a narrow column's note wraps. A phrase that
 * gives way wraps to two even lines rather than leave its last character alone on a line ("误差 /
 * 内"). Where not even the needs fit, they alone count.
 */
function phrasesGiveWay(
  wish: readonly number[],
  need: readonly number[],
  weights: readonly number[],
): number[] {
  const sum = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0);
  // Half a phrase's characters (rounded up) a line.
  const half = (w: number) =>
    Math.ceil((w - CELL_PADDING) / TABLE_EM / 2 - 1e-9) * TABLE_EM + CELL_PADDING;
  let widths = [...wish];
  if (sum(widths) <= CONTENT_TWIPS) return widths;
  for (const weight of [...new Set(weights)].sort((a, b) => a - b)) {
    const at = widths;
    const fitted = (cap: number) =>
      at.map((w, i) => (weights[i] === weight ? Math.max(need[i] ?? 0, Math.min(w, cap)) : w));
    if (sum(fitted(0)) > CONTENT_TWIPS) {
      widths = fitted(0);
      continue;
    }
    let lo = 0;
    let hi = Math.max(...wish);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (sum(fitted(mid)) <= CONTENT_TWIPS) lo = mid;
      else hi = mid - 1;
    }
    return fitted(lo).map((w, i) =>
      w < (at[i] ?? 0) ? Math.max(need[i] ?? 0, Math.min(w, half(at[i] ?? 0))) : w,
    );
  }
  return widths;
}

/**
 * Each column's least width (see columnWidths): its header's longest word or short Chinese term
 * in bold (see longestWordEm), each cell's, its short Chinese phrase whole or not (`phrases`), and
 * a cell kept on one line whole.
 */
function leastWidths(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  phrases: boolean,
): number[] {
  return columns.map((c, i) =>
    // A freak word (a long identifier) may break rather than crush the other columns.
    Math.ceil(
      Math.min(
        CONTENT_TWIPS * 0.3,
        Math.max(
          longestWordEm(headerCell(c).text) * TABLE_EM * BOLD,
          ...rows.map((row) => {
            const cell = row[i] ?? "";
            if (typeof cell === "string") return longestWordEm(cell, phrases) * TABLE_EM;
            const em = cell.nowrap
              ? lineEm(measured(cell))
              : longestWordEm(measured(cell), phrases);
            return em * TABLE_EM * (cell.bold || cell.flag ? BOLD : 1);
          }),
        ) + CELL_PADDING,
      ),
    ),
  );
}

/**
 * About how tall a table is set, in twips: each row as tall as its cell of most lines, the text
 * wrapped between words in its column (`widths`, by default columnWidths) with the letter widths
 * columnWidths measures by; a cell kept on one line (`nowrap`) takes one.
 */
export function tableHeight(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  widths: readonly number[] = columnWidths(columns, rows),
): number {
  const rowHeight = (cells: readonly Cell[]): number => {
    const lines = cells.map((cell, i) => {
      if (typeof cell !== "string" && cell.nowrap) return 1;
      const text = typeof cell === "string" ? cell : cell.text;
      const bold = typeof cell !== "string" && cell.bold === true;
      const em = ((widths[i] ?? 0) - CELL_MARGINS) / TABLE_EM / (bold ? BOLD : 1);
      return linesAtEm(text, Math.max(em, 1));
    });
    return Math.max(1, ...lines) * TABLE_LINE + ROW_PADDING;
  };
  const header = rowHeight(columns.map(headerCell));
  return rows.reduce((sum, row) => sum + rowHeight(row), header);
}

/** The numbering definition of numbered lists (declared in document.ts). */
export const NUMBERED = "numbered";
