import type { BrandLogo, BrandView } from "../../core/models/brand.js";
import type { Lang } from "../../core/models/languages.js";
import { fillLines, longestToken, type Measure, phrasePieces } from "../../core/text/wrap.js";
import type { EmbeddedReportFont, ReportFont } from "../../io/fonts.js";
import { type Punctuation, punctuationFor } from "./text.js";
import { COLOR, PAGE, type Palette, SIZE } from "./theme.js";

export type FontStyle = "regular" | "bold";

/** How a run of text looks. */
export interface TextStyle {
  size: number;
  style?: FontStyle;
  color?: string;
  /** Extra space between lines, in points. */
  lineGap?: number;
  align?: "left" | "right" | "center" | "justify";
  /** No line breaks after a word's hyphen (a table's header: "(person-weeks)" stays whole). */
  wholeWords?: boolean;
}

/** What of a style changes how its text breaks into lines: the key of the Writer's caches. */
function styleKey(style: TextStyle): string {
  return `${style.size}\u0000${style.style === "bold" ? "b" : ""}${style.wholeWords ? "w" : ""}`;
}

/** An entry of the table of contents and the PDF outline. */
export interface TocEntry {
  level: 1 | 2;
  title: string;
  /** 0-based page index. */
  page: number;
  destination: string;
}

type TextOptions = PDFKit.Mixins.TextOptions;

// Tells the build's pdfkit (scripts/build.mjs) that the cursor is put back after a line is drawn,
// so it need not measure the line to move the cursor past it; pdfkit from node_modules (the unit
// tests) ignores it. The same bytes either way.
const KEEP_CURSOR = { keepCursor: true };

const REGULAR = "report-regular";
const BOLD = "report-bold";

/**
 * The layout cursor over a pdfkit document: fonts, measured text, page breaks that keep headings
 * with what follows, and the bookkeeping for the contents page and the running header/footer.
 */
export class Writer {
  readonly left = PAGE.margin.left;
  readonly right = PAGE.width - PAGE.margin.right;
  readonly width = PAGE.width - PAGE.margin.left - PAGE.margin.right;
  readonly top = PAGE.margin.top;
  readonly bottom = PAGE.height - PAGE.margin.bottom;
  readonly toc: TocEntry[] = [];
  /** Extra line gap for Chinese, whose dense glyphs need more air between lines. */
  readonly bodyGap: number;
  private readonly fauxBold: boolean;
  private readonly wrapped = new Map<string, string[]>();
  private readonly longest = new Map<string, number>();
  // Widths of pieces at size 1, by font name, then by piece.
  private readonly widths = new Map<string, Map<string, number>>();
  private readonly regular: string;
  private readonly bold: string;
  private pageIndex = 0;
  /** True while the current page has nothing on it (a section heading then needs no new page). */
  blankPage = true;
  private destinations = 0;
  private outlineParent: PDFKit.PDFOutline | null = null;

  readonly punct: Punctuation;
  /** Headings, rules and chart colours: the neutral palette unless a brand sets its own. */
  palette: Palette = COLOR;
  /** The firm's branding (cover, running header and footer); none for the neutral look. */
  brand: BrandView | undefined;
  private logo: string | undefined;

  /**
   * The brand's logo as pdfkit's image source: a data URL, which pdfkit registers by its text, so
   * every page refers to one embedded copy.
   */
  logoImage(logo: BrandLogo): string {
    const mime = logo.kind === "png" ? "image/png" : "image/jpeg";
    this.logo ??= `data:${mime};base64,${Buffer.from(logo.bytes).toString("base64")}`;
    return this.logo;
  }

  constructor(
    readonly doc: PDFKit.PDFDocument,
    font: ReportFont,
    readonly clean: (text: string) => string,
    lang: Lang,
    cjk: boolean,
  ) {
    this.punct = punctuationFor(lang);
    this.bodyGap = cjk ? 3.2 : 2;
    if (font.kind === "standard") {
      // Selected by their own names: pdfkit re-parses a standard font on every switch when it
      // is registered under an alias (its font cache then misses).
      this.regular = "Helvetica";
      this.bold = "Helvetica-Bold";
      this.fauxBold = false;
    } else {
      doc.registerFont(REGULAR, asFontSource(font.regular));
      // Without a bold face, bold text is the regular face stroked: one name, so pdfkit's font
      // cache hits (a second name for the same face makes it reopen the font on every switch).
      if (font.bold) doc.registerFont(BOLD, asFontSource(font.bold));
      this.regular = REGULAR;
      this.bold = font.bold ? BOLD : REGULAR;
      this.fauxBold = font.bold === null;
    }
    doc.on("pageAdded", () => {
      this.pageIndex += 1;
    });
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  /** Space left on the page below the cursor. */
  remaining(): number {
    return this.bottom - this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.blankPage = true;
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /**
   * Applies a style and returns the text options that go with it (faux bold, line gap, align).
   * Colours are set only for drawing: each colour change is an operator in the page content.
   */
  use(style: TextStyle, drawing = true): TextOptions {
    const bold = style.style === "bold";
    this.doc.font(bold ? this.bold : this.regular).fontSize(style.size);
    const options: TextOptions = { lineGap: style.lineGap ?? 0 };
    if (style.align) options.align = style.align;
    if (drawing) {
      const color = style.color ?? COLOR.ink;
      this.doc.fillColor(color);
      if (bold && this.fauxBold) {
        // No bold face in the font: stroke the outlines in the text colour to thicken them.
        this.doc.lineWidth(style.size * 0.045).strokeColor(color);
        options.fill = true;
        options.stroke = true;
      }
    }
    return options;
  }

  /** The lines `text` wraps to within `width` (memoised: wrapping is most of the work). */
  lines(text: string, width: number, style: TextStyle): string[] {
    const key = `${width}\u0000${styleKey(style)}\u0000${text}`;
    let lines = this.wrapped.get(key);
    if (!lines) {
      const clean = this.clean(text);
      const measure = this.textMeasure(style);
      // A piece wider than the line breaks as other text does ("CRM / 项目办公室").
      const whole = phrasePieces(clean).filter((p) => (measure.phrase?.(p) ?? 0) <= width);
      const spans = fillLines(clean, measure, width, width, whole);
      lines = spans.map(([start, end]) => clean.slice(start, end));
      this.wrapped.set(key, lines);
    }
    return lines;
  }

  /**
   * The widest piece of `text` that a line never breaks inside, set in `style` (longestToken with
   * textMeasure; memoised: a table asks for each cell's when it sizes its columns and again when
   * it widens them).
   */
  longestWord(text: string, style: TextStyle): number {
    const key = `${styleKey(style)}\u0000${text}`;
    let width = this.longest.get(key);
    if (width === undefined) {
      width = longestToken(this.clean(text), this.textMeasure(style));
      this.longest.set(key, width);
    }
    return width;
  }

  /**
   * How wide (clean) text is set in a style, for the core text model: what `lines` fills lines
   * by (a short Chinese value broken only where its column may break it, see phrasePieces; no
   * Chinese character alone on a paragraph's last line), and what a table's column needs to keep
   * its words and short Chinese values whole (longestToken). A phrase is measured on one line as
   * set, kerning and all.
   */
  textMeasure(style: TextStyle): Measure {
    return {
      width: (s: string) => this.pieceWidth(style, s),
      hyphens: style.wholeWords !== true,
      phrase: (s: string) => this.widthOf(s, style),
      noLoneChar: true,
    };
  }

  // Width of a piece of text in a style's font (widths scale with the size, so they are kept at
  // size 1); pieces recur across the document (words, single ideographs).
  private pieceWidth(style: TextStyle, piece: string): number {
    const font = style.style === "bold" ? this.bold : this.regular;
    let ofFont = this.widths.get(font);
    if (ofFont === undefined) {
      ofFont = new Map();
      this.widths.set(font, ofFont);
    }
    let unit = ofFont.get(piece);
    if (unit === undefined) {
      this.use(style, false);
      unit = this.doc.widthOfString(piece) / style.size;
      ofFont.set(piece, unit);
    }
    return unit * style.size;
  }

  /** Height of `text` wrapped to `width`. */
  measure(text: string, width: number, style: TextStyle): number {
    if (text === "") return 0;
    return this.lines(text, width, style).length * this.lineHeight(style);
  }

  /** Width of `text` on one line. */
  widthOf(text: string, style: TextStyle): number {
    this.use(style, false);
    return this.doc.widthOfString(this.clean(text));
  }

  /** Line height of a style (one line of text with its gap). */
  lineHeight(style: TextStyle): number {
    this.use(style, false);
    return this.doc.currentLineHeight(true) + (style.lineGap ?? 0);
  }

  /** Draws wrapped text at a fixed position, never breaking the page; returns its height. */
  draw(text: string, x: number, y: number, width: number, style: TextStyle): number {
    if (text === "") return 0;
    const lines = this.lines(text, width, style);
    const lh = this.lineHeight(style);
    lines.forEach((line, i) => {
      this.drawOne(line, x, y + i * lh, width, style);
    });
    return lines.length * lh;
  }

  /** Draws one line, cut with an ellipsis when wider than `width`. */
  drawLine(text: string, x: number, y: number, width: number, style: TextStyle): void {
    this.use(style, false);
    let line = this.clean(text).replace(/\s*\n\s*/g, " ");
    if (this.doc.widthOfString(line) > width) {
      const ellipsis = this.clean("\u2026");
      const chars = [...line];
      let lo = 0;
      let hi = chars.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const candidate = `${chars.slice(0, mid).join("").trimEnd()}${ellipsis}`;
        if (this.doc.widthOfString(candidate) <= width) lo = mid;
        else hi = mid - 1;
      }
      line = `${chars.slice(0, lo).join("").trimEnd()}${ellipsis}`;
    }
    this.drawOne(line, x, y, width, style);
  }

  // Draws one already-wrapped line with its alignment; the cursor does not move.
  private drawOne(line: string, x: number, y: number, width: number, style: TextStyle): void {
    if (line === "") return;
    const options = this.use(style);
    const aligned = style.align === "right" || style.align === "center";
    const free = aligned ? width - this.doc.widthOfString(line) : 0;
    const dx = style.align === "right" ? free : style.align === "center" ? free / 2 : 0;
    const { x: keepX, y: keepY } = this.doc;
    this.doc.text(line, x + Math.max(0, dx), y, {
      lineBreak: false,
      ...KEEP_CURSOR,
      ...(options.stroke ? { fill: true, stroke: true } : {}),
    });
    this.doc.x = keepX;
    this.doc.y = keepY;
  }

  /**
   * Flows text at the cursor, continuing on the next page as needed. Keeps at least two lines
   * together at a page bottom (or the whole text plus `keep` points when `keep` is given).
   */
  private flow(
    text: string,
    x: number,
    width: number,
    style: TextStyle,
    keep?: number,
    first?: (y: number) => void,
  ): void {
    const lines = this.lines(text, width, style);
    const lh = this.lineHeight(style);
    this.ensure(keep !== undefined ? lines.length * lh + keep : Math.min(lines.length, 2) * lh);
    first?.(this.doc.y);
    lines.forEach((line, i) => {
      // No single line left behind on a page, nor a single one carried over.
      const left = lines.length - i;
      if (
        this.doc.y + lh > this.bottom ||
        (left === 2 && i > 0 && this.doc.y + 2 * lh > this.bottom)
      ) {
        this.newPage();
      }
      this.drawOne(line, x, this.doc.y, width, style);
      this.doc.y += lh;
    });
    this.blankPage = false;
  }

  /** A flowing paragraph at the cursor; long paragraphs continue on the next page. */
  paragraph(
    text: string,
    style: Partial<TextStyle> = {},
    opts: { indent?: number; after?: number; keep?: number } = {},
  ): void {
    const full: TextStyle = { size: SIZE.body, lineGap: this.bodyGap, ...style };
    const indent = opts.indent ?? 0;
    this.flow(text, this.left + indent, this.width - indent, full, opts.keep);
    this.doc.x = this.left;
    this.doc.y += opts.after ?? 5;
  }

  /** The height `bullets` takes for these items, to keep a short list whole under its heading. */
  bulletsHeight(items: readonly string[], style: Partial<TextStyle> = {}): number {
    const full: TextStyle = { size: SIZE.body, lineGap: this.bodyGap, ...style };
    return items.reduce((h, item) => h + this.measure(item, this.width - 12, full) + 3, 2);
  }

  /**
   * A bulleted list; each item keeps at least two of its lines together, and the last two items
   * stay together, so a list never carries its last item alone onto a new page.
   */
  bullets(
    items: readonly string[],
    style: Partial<TextStyle> = {},
    bulletColor: string = this.palette.accent,
  ): void {
    const full: TextStyle = { size: SIZE.body, lineGap: this.bodyGap, ...style };
    const indent = 12;
    for (const [i, item] of items.entries()) {
      if (i > 0 && i === items.length - 2) {
        const tail = items
          .slice(i)
          .reduce((h, t) => h + this.measure(t, this.width - indent, full) + 3, 0);
        // A tail taller than a third of the page may split: each item still keeps two lines.
        if (tail < (this.bottom - this.top) / 3) this.ensure(tail);
      }
      this.flow(item, this.left + indent, this.width - indent, full, undefined, (y) => {
        this.doc.save();
        this.doc.circle(this.left + 3.5, bulletY(y, full.size), 1.6).fill(bulletColor);
        this.doc.restore();
      });
      this.doc.y += 3;
    }
    this.doc.x = this.left;
    this.doc.y += 2;
  }

  /** A compact bulleted list in two columns, filled row by row; rows never split across pages. */
  bulletColumns(
    items: readonly string[],
    style: Partial<TextStyle> = {},
    bulletColor: string = this.palette.accent,
  ): void {
    const full: TextStyle = { size: SIZE.small, lineGap: this.bodyGap * 0.6, ...style };
    const gap = 16;
    const colWidth = (this.width - gap) / 2;
    const textWidth = colWidth - 10;
    for (let i = 0; i < items.length; i += 2) {
      const pair = items.slice(i, i + 2);
      const h = Math.max(...pair.map((t) => this.measure(t, textWidth, full)));
      this.ensure(h + 3);
      const y = this.doc.y;
      pair.forEach((text, k) => {
        const x = this.left + k * (colWidth + gap);
        this.doc.save();
        this.doc.circle(x + 3, bulletY(y, full.size), 1.3).fill(bulletColor);
        this.doc.restore();
        this.draw(text, x + 10, y, textWidth, full);
      });
      this.doc.y = y + h + 3;
    }
    this.doc.y += 3;
  }

  /** A horizontal rule across the text width at `y`. */
  rule(y: number, color: string, width: number): void {
    this.doc.save();
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.right, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
    this.doc.restore();
  }

  /**
   * A section heading (level 1) on a fresh page, with its number, a rule, a bookmark and an entry
   * in the contents.
   */
  sectionHeading(number: number, title: string): void {
    if (!this.blankPage || this.doc.y > this.top + 1) this.newPage();
    this.blankPage = false;
    const y = this.doc.y;
    const num = String(number);
    const numStyle: TextStyle = { size: SIZE.h1, style: "bold", color: this.palette.accent };
    const numWidth = this.widthOf(num, numStyle) + 10;
    this.draw(num, this.left, y, numWidth, numStyle);
    const h = this.draw(title, this.left + numWidth, y, this.width - numWidth, numStyle);
    const ruleY = y + h + 5;
    this.rule(ruleY, this.palette.accent, 1.2);
    this.doc.x = this.left;
    this.doc.y = ruleY + 14;
    this.mark(1, `${num}  ${title}`);
  }

  /** The height a level-2 heading takes below text: its lines and the space around them. */
  subheadingHeight(title: string): number {
    return this.measure(title, this.width, this.subheadingStyle()) + 11;
  }

  private subheadingStyle(): TextStyle {
    return { size: SIZE.h2, style: "bold", color: this.palette.accent };
  }

  /** A level-2 heading kept together with at least `keep` points of what follows. */
  subheading(title: string, opts: { keep?: number; toc?: boolean } = {}): void {
    const style = this.subheadingStyle();
    const h = this.measure(title, this.width, style);
    this.ensure(h + 8 + (opts.keep ?? 60));
    if (this.doc.y > this.top + 1) this.doc.y += 6;
    const y = this.doc.y;
    this.draw(title, this.left, y, this.width, style);
    this.doc.x = this.left;
    this.doc.y = y + h + 5;
    if (opts.toc) this.mark(2, title);
  }

  /** A level-3 heading (small, ink-coloured) kept with `keep` points of what follows. */
  minorHeading(title: string, keep = 40): void {
    const style: TextStyle = { size: SIZE.h3, style: "bold", color: COLOR.ink };
    const h = this.measure(title, this.width, style);
    // The space above it counts too: without it, "keep" points were 3 short.
    this.ensure(3 + h + 4 + keep);
    if (this.doc.y > this.top + 1) this.doc.y += 3;
    const y = this.doc.y;
    this.draw(title, this.left, y, this.width, style);
    this.doc.x = this.left;
    this.doc.y = y + h + 4;
  }

  /** Vertical space that does not run past the page bottom. */
  space(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  private mark(level: 1 | 2, title: string): void {
    const destination = `s${++this.destinations}`;
    this.doc.addNamedDestination(destination, "XYZ", null, PAGE.height - this.doc.y + 40, null);
    this.toc.push({ level, title, page: this.pageIndex, destination });
    const root = this.doc.outline;
    if (level === 1) {
      this.outlineParent = root.addItem(this.clean(title));
    } else {
      (this.outlineParent ?? root).addItem(this.clean(title));
    }
  }
}

/** Vertical centre of a bullet for a line of text whose top is at `y`. */
export function bulletY(y: number, size: number): number {
  // Between the x-height centre of Latin text and the centre of CJK glyphs, for both scripts.
  return y + size * 0.47;
}

// pdfkit 0.20 takes parsed fontkit faces, which spares it a second parse of a large .ttc; its
// type declarations predate that and only list file paths and bytes.
function asFontSource(font: EmbeddedReportFont["regular"]): PDFKit.Mixins.PDFFontSource {
  return font as unknown as PDFKit.Mixins.PDFFontSource;
}
