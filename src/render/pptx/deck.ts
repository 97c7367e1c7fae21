import { createRequire } from "node:module";
import { type BrandLogo, type BrandView, brandFooter } from "../../core/models/brand.js";
import type { Lang } from "../../core/models/languages.js";
import { BOLD_EM as BOLD } from "../../core/text/width.js";
import { linesAtEm, longestWordEm } from "../../core/text/wrap.js";
import { xmlSafe } from "../../core/text/xml.js";
import { messagesFor } from "../../i18n/index.js";
import { normalizePackage } from "../ooxml/package.js";
import { punctuationFor } from "../pdf/text.js";
import { COLOR, type Palette, paletteOf } from "../pdf/theme.js";

/**
 * What every PowerPoint deck shares: a 16:9 master with the accent bar, the footer and the slide
 * number; titled slides with speaker notes; text, bullets and tables in the deck's font and
 * language (client text made XML-safe). Documents build their slides on top of it.
 */

/**
 * A new, empty presentation. pptxgenjs numbers charts with a counter of its module, so a second
 * deck in one process would name its charts chart3, chart4…: each deck gets the module afresh
 * (its dependencies stay cached), which keeps the output byte-identical however many are made.
 */
export function newPptx(): Pptx {
  const require = createRequire(import.meta.url);
  const id = require.resolve("pptxgenjs");
  delete require.cache[id];
  // CommonJS: `module.exports = PptxGenJS`.
  const PptxGenJS = require(id) as PptxConstructor;
  return new PptxGenJS();
}

/** The presentation's bytes, byte-identical for the same content (dated `isoDate`). */
export async function finishPptx(pptx: Pptx, isoDate: string): Promise<Uint8Array> {
  // Stored, not deflated: normalizePackage compresses the package it rebuilds.
  const bytes = (await pptx.write({ outputType: "uint8array", compression: false })) as Uint8Array;
  return normalizePackage(bytes, isoDate);
}

export type PptxConstructor = typeof import("pptxgenjs").default;
export type Pptx = InstanceType<PptxConstructor>;
export type Slide = ReturnType<Pptx["addSlide"]>;
export type TextRun = { text: string; options?: Record<string, unknown> };

/** A logo as pptxgenjs takes embedded images: a base64 data URL (never a path or a URL). */
function logoData(logo: BrandLogo): string {
  const mime = logo.kind === "png" ? "image/png" : "image/jpeg";
  return `${mime};base64,${Buffer.from(logo.bytes).toString("base64")}`;
}

export const hex = (color: string): string => color.replace(/^#/, "").toUpperCase();
export const W = 13.333;
export const MARGIN = 0.55;
export const BODY_W = W - 2 * MARGIN;
/** A text box's inset on the left and right (PowerPoint's default, which the deck keeps). */
const TEXT_INSET = 0.1;
/**
 * A full-width table's left edge and width: its rules line up with the text of the boxes above
 * and below it (which starts TEXT_INSET inside MARGIN), not with the boxes' invisible edges.
 */
export const TABLE_X = MARGIN + TEXT_INSET;
export const TABLE_W = BODY_W - 2 * TEXT_INSET;
/** A table of columns `colW` (inches) beside a chart, ending at the text's right edge. */
export function besideChart(colW: number[]): { x: number; w: number; colW: number[] } {
  const w = colW.reduce((a, b) => a + b, 0);
  return { x: TABLE_X + TABLE_W - w, w, colW };
}
export const MASTER = "CRM_MATURITY";
/** A table cell's margin on each side, in inches. */
const CELL_MARGIN = 0.05;
/** A table line's height in ems: PowerPoint sets Calibri and Microsoft YaHei about 1.2–1.3. */
const TABLE_LINE_EM = 1.3;

/** The lines `text` takes in a table cell `width` inches wide, at `fontSize` points. */
function cellLines(text: string, width: number, fontSize: number, bold: boolean): number {
  return linesAtEm(
    text,
    Math.max(1, ((width - 2 * CELL_MARGIN) * 72) / fontSize / (bold ? BOLD : 1)),
  );
}

/** A table row's height in inches, its cells' lines counted as rowsThatFit counts them. */
function tableRowHeight(
  cells: readonly string[],
  colW: readonly number[],
  fontSize: number,
  bold: boolean,
): number {
  const lines = cells.map((text, i) => cellLines(text, colW[i] ?? 0, fontSize, bold));
  return (Math.max(1, ...lines) * fontSize * TABLE_LINE_EM) / 72 + 2 * CELL_MARGIN;
}

/**
 * About how tall, in inches, a table (DeckBase.table) is with its header and `rows`, its columns
 * `colW` inches wide at `fontSize` points: each cell's lines counted with the letter widths Word's
 * tables are measured by (linesAtEm), wider than Calibri's, so an estimate that errs towards more.
 */
export function tableHeight(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  colW: readonly number[],
  fontSize: number,
): number {
  return rows.reduce(
    (sum, row) => sum + tableRowHeight(row, colW, fontSize, false),
    tableRowHeight(header, colW, fontSize, true),
  );
}

/**
 * How many of a table's `rows` fit with its header in `height` inches, its columns `colW` inches
 * wide at `fontSize` points (see tableHeight): all of them when they do, else as many as leave
 * `reserve` inches below (for "… and 3 more"). An estimate that errs towards fewer rows.
 */
export function rowsThatFit(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  colW: readonly number[],
  fontSize: number,
  height: number,
  reserve: number,
): number {
  if (tableHeight(header, rows, colW, fontSize) <= height) return rows.length;
  let used = tableRowHeight(header, colW, fontSize, true);
  let count = 0;
  for (const row of rows) {
    const h = tableRowHeight(row, colW, fontSize, false);
    if (used + h > height - reserve) break;
    used += h;
    count++;
  }
  return count;
}

/**
 * The narrowest width, in inches, at which a table column's `texts` (its header `bold`) take no
 * more lines than at `max` inches, at `fontSize` points, and never narrower than a word
 * (longestWordEm): a column of short names (Chinese ones) no wider than they need.
 */
export function columnWidth(
  texts: readonly string[],
  header: string,
  fontSize: number,
  max: number,
): number {
  const cells = [...texts.map((text) => ({ text, bold: false })), { text: header, bold: true }];
  const inches = (em: number, bold: boolean) => (em * fontSize * (bold ? BOLD : 1)) / 72;
  const lines = (w: number) =>
    cells.reduce((sum, c) => sum + cellLines(c.text, w, fontSize, c.bold), 0);
  const floor =
    Math.max(...cells.map((c) => inches(longestWordEm(c.text), c.bold))) + 2 * CELL_MARGIN;
  const most = lines(max);
  // In steps of a twentieth of an inch, from the widest word up.
  for (let w = Math.ceil(floor * 20) / 20; w < max; w += 0.05) if (lines(w) <= most) return w;
  return max;
}

/** A paragraph of a text box, for estimating the box's height (`paragraphsHeight`). */
export interface ParagraphBox {
  text: string;
  fontSize: number;
  /** The width its lines wrap in, in inches (the box's, less any indent). */
  width: number;
  bold?: boolean;
  /** Space after it, in points. */
  after?: number;
}

/** A text line's height in ems, as PowerPoint sets a paragraph at single spacing. */
const TEXT_LINE_EM = 1.2;

/**
 * About how tall, in inches, paragraphs set in a text box are: their lines counted with the letter
 * widths Word's tables are measured by (linesAtEm), wider than Calibri's, so an estimate that errs
 * towards more lines.
 */
export function paragraphsHeight(paragraphs: readonly ParagraphBox[]): number {
  return paragraphs.reduce((sum, p) => {
    const lines = linesAtEm(p.text, Math.max(1, (p.width * 72) / p.fontSize / (p.bold ? BOLD : 1)));
    return sum + (lines * p.fontSize * TEXT_LINE_EM + (p.after ?? 0)) / 72;
  }, 0);
}

/** A table cell of a slide: text in a colour, bold, or followed by a flag's label. */
export interface DeckCell {
  text: string;
  color?: string;
  bold?: boolean;
  flag?: string | undefined;
}

export class DeckBase {
  protected readonly font: string;
  protected readonly headFont: string;
  /** Headings, the slide bar and the current-state series: neutral unless a brand sets them. */
  protected readonly palette: Palette;
  protected readonly brand: BrandView | undefined;
  protected readonly lang: string;
  protected readonly colon: string;
  protected readonly paren: (text: string) => string;
  protected readonly sep: string;

  constructor(
    protected readonly pptx: Pptx,
    facts: {
      lang: Lang;
      title: string;
      subject: string;
      author: string;
      footer: string;
      brand?: BrandView | undefined;
    },
  ) {
    const common = messagesFor(facts.lang).common;
    const brand = facts.brand;
    this.brand = brand;
    this.palette = paletteOf(brand);
    this.font = brand?.bodyFont ? common.officeFontWithBrand(brand.bodyFont) : common.officeFont;
    this.headFont = brand?.headingFont ? common.officeFontWithBrand(brand.headingFont) : this.font;
    this.lang = common.officeLanguage;
    const p = punctuationFor(facts.lang);
    this.colon = p.colon;
    this.paren = (text) => `${p.open}${text}${p.close}`;
    this.sep = p.list;
    pptx.layout = "LAYOUT_WIDE";
    pptx.author = xmlSafe(facts.author);
    pptx.company = xmlSafe(brand?.firm || facts.author);
    pptx.subject = xmlSafe(facts.subject);
    pptx.title = xmlSafe(facts.title);
    pptx.theme = { headFontFace: this.headFont, bodyFontFace: this.font };
    const footer = brand ? brandFooter(brand, facts.footer) : facts.footer;
    const logo = brand?.logo;
    const logoH = 0.32;
    const logoW = logo ? Math.min(1.6, (logo.width * logoH) / logo.height) : 0;
    pptx.defineSlideMaster({
      title: MASTER,
      background: { color: "FFFFFF" },
      objects: [
        { rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: hex(this.palette.accent) } } },
        {
          text: {
            text: xmlSafe(footer),
            options: this.opts({
              x: MARGIN,
              y: 7.05,
              w: logo ? W - 2 * MARGIN - 0.8 - logoW - 0.2 : 9,
              h: 0.3,
              fontSize: 9,
              color: COLOR.muted,
            }),
          },
        },
        ...(logo
          ? [
              {
                image: {
                  x: W - MARGIN - 0.8 - logoW,
                  y: 7.04,
                  w: logoW,
                  h: (logoW * logo.height) / logo.width,
                  data: logoData(logo),
                  altText: xmlSafe(brand.firm),
                },
              },
            ]
          : []),
      ],
      slideNumber: {
        x: W - MARGIN - 0.6,
        y: 7.05,
        w: 0.6,
        h: 0.3,
        fontSize: 9,
        color: hex(COLOR.muted),
      },
    });
  }

  /** Text options with the deck's font and language; colours as #rrggbb are converted. */
  protected opts(o: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { fontFace: this.font, lang: this.lang, ...o };
    if (typeof out.color === "string") out.color = hex(out.color);
    return out;
  }

  /**
   * The firm on a title slide: its logo at the top left with the firm's name beside it, and its
   * cover line beneath; nothing without a brand.
   */
  protected brandTitle(slide: Slide, top = 0.4): void {
    const brand = this.brand;
    if (!brand) return;
    const h = 0.8;
    let nameX = MARGIN;
    if (brand.logo) {
      const w = Math.min(3.2, (brand.logo.width * h) / brand.logo.height);
      slide.addImage({
        data: logoData(brand.logo),
        x: MARGIN,
        y: top,
        w,
        h: (w * brand.logo.height) / brand.logo.width,
        altText: xmlSafe(brand.firm),
      });
      nameX += w + 0.2;
    }
    this.text(slide, brand.firm, {
      x: nameX,
      y: top,
      w: MARGIN + BODY_W - nameX,
      h,
      fontSize: 14,
      bold: true,
      color: this.palette.accent,
      valign: "middle",
    });
    if (brand.coverLine) {
      this.text(slide, brand.coverLine, {
        x: MARGIN,
        y: top + 0.9,
        w: BODY_W,
        h: 0.4,
        fontSize: 14,
        bold: true,
        color: brand.colors?.accent ?? this.palette.accent,
      });
    }
  }

  /**
   * A deck's title slide, one layout for every deck: the firm (with a brand), the title large,
   * the client beneath, up to six lines of facts, and the notice near the foot (unless the firm's
   * own confidentiality notice stands in every footer). The facts go to the speaker notes too.
   */
  protected cover(c: {
    title: string;
    subtitle: string;
    lines: readonly string[];
    notice?: string | undefined;
    notes: string;
  }): Slide {
    const slide = this.pptx.addSlide({ masterName: MASTER });
    this.brandTitle(slide);
    this.text(slide, c.title, {
      x: MARGIN,
      y: 1.7,
      w: BODY_W,
      h: 1.3,
      fontSize: 36,
      bold: true,
      color: this.palette.accent,
      valign: "bottom",
    });
    this.text(slide, c.subtitle, {
      x: MARGIN,
      y: 3.1,
      w: BODY_W,
      h: 0.6,
      fontSize: 22,
      color: COLOR.muted,
    });
    const lines = c.lines.slice(0, 6);
    this.text(
      slide,
      lines.map((text, i) => ({
        text,
        options: { breakLine: i < lines.length - 1, fontSize: 13 },
      })),
      { x: MARGIN, y: 4.0, w: BODY_W, h: 1.8, color: COLOR.ink },
    );
    if (c.notice && !this.brand?.confidentiality) {
      this.text(slide, c.notice, {
        x: MARGIN,
        y: 6.3,
        w: BODY_W,
        h: 0.4,
        fontSize: 10,
        color: COLOR.muted,
      });
    }
    slide.addNotes(xmlSafe(c.notes));
    return slide;
  }

  protected slide(title: string, notes: string[]): Slide {
    const slide = this.pptx.addSlide({ masterName: MASTER });
    slide.addText(
      xmlSafe(title),
      this.opts({
        x: MARGIN,
        y: 0.35,
        w: BODY_W,
        h: 0.75,
        fontSize: 26,
        bold: true,
        color: this.palette.accent,
        valign: "middle",
      }),
    );
    const text = notes.filter((n) => n.trim() !== "").join("\n\n");
    if (text) slide.addNotes(xmlSafe(text));
    return slide;
  }

  protected text(slide: Slide, text: string | TextRun[], o: Record<string, unknown>): void {
    const content =
      typeof text === "string"
        ? xmlSafe(text)
        : text.map((t) => ({ text: xmlSafe(t.text), options: this.opts(t.options ?? {}) }));
    slide.addText(content, this.opts({ valign: "top", fontSize: 14, color: COLOR.ink, ...o }));
  }

  protected bullets(items: readonly string[], o: Record<string, unknown> = {}): TextRun[] {
    return items.map((item, i) => ({
      text: item,
      options: { bullet: true, breakLine: i < items.length - 1, paraSpaceAfter: 6, ...o },
    }));
  }

  /**
   * A table; a cell's `flag` is a label after its text, bold in the accent colour on a tint.
   * `right` marks the columns of figures, right-aligned with their headers (default: none).
   */
  protected table(
    slide: Slide,
    header: readonly string[],
    rows: readonly (string | DeckCell)[][],
    o: { x: number; y: number; w: number; colW: number[]; fontSize?: number; right?: boolean[] },
  ): void {
    const cell = (c: string | DeckCell, head: boolean, i: number) => {
      const text = typeof c === "string" ? c : c.text;
      const color = typeof c === "string" ? undefined : c.color;
      // Every run of a cell carries its alignment: pptxgenjs starts a new paragraph (a new line)
      // at a run whose paragraph options differ from the one before.
      const align = o.right?.[i] ? { align: "right" } : {};
      const options = this.opts({
        bold: head || (typeof c !== "string" && c.bold === true),
        color: color ?? COLOR.ink,
        ...(head ? { fill: { color: hex(COLOR.headerFill) } } : {}),
        ...align,
      });
      if (typeof c === "string" || !c.flag) return { text: xmlSafe(text), options };
      const flag = {
        text: xmlSafe(`\u00a0${c.flag}\u00a0`),
        options: this.opts({
          bold: true,
          color: this.palette.accent,
          highlight: hex(COLOR.accentSoft),
          ...align,
        }),
      };
      return { text: [{ text: `${xmlSafe(text)} `, options }, flag], options };
    };
    slide.addTable(
      [
        header.map((h, i) => cell(h, true, i)),
        ...rows.map((row) => row.map((c, i) => cell(c, false, i))),
      ],
      {
        x: o.x,
        y: o.y,
        w: o.w,
        colW: o.colW,
        fontSize: o.fontSize ?? 12,
        fontFace: this.font,
        valign: "middle",
        border: { type: "solid", pt: 0.5, color: hex(COLOR.rule) },
        margin: CELL_MARGIN,
      },
    );
  }
}
