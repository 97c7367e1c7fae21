import { ImportedXmlComponent, type IStylesOptions } from "docx";
import type { BrandView } from "../../core/models/brand.js";
import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import { COLOR } from "../pdf/theme.js";

/**
 * The Word styles of every document: Title, Heading 1–3, Normal, Caption and a table style are
 * real named styles, so a consultant restyles the whole document from Word's style pane. Sizes
 * are in half-points, spacing in twentieths of a point. Latin text uses Calibri and Chinese text
 * Microsoft YaHei (Word substitutes a CJK font where it is missing; LibreOffice does too).
 */
export const STYLE = {
  normal: "Normal",
  title: "Title",
  subtitle: "Subtitle",
  h1: "Heading1",
  h2: "Heading2",
  h3: "Heading3",
  caption: "Caption",
  list: "ListParagraph",
  table: "ReportTable",
  tableText: "TableText",
  figure: "Figure",
  quote: "Quote",
  small: "Small",
  spacer: "TableSpacer",
  toc1: "TOC1",
  toc2: "TOC2",
} as const;

/** Fonts: Latin, East Asian. */
export const FONTS = { latin: "Calibri", eastAsia: "Microsoft YaHei" } as const;

/**
 * The languages every run of a document carries: its Latin-script words' (a Chinese document's
 * are English, so a line never wraps inside one) and Chinese for East Asian text.
 */
export function runLanguage(lang: Lang): { value: string; eastAsia: string } {
  return { value: messagesFor(lang).common.officeLatinLanguage, eastAsia: "zh-CN" };
}

const hex = (color: string): string => color.replace(/^#/, "").toUpperCase();
const fontOf = (latin: string) => ({
  ascii: latin,
  hAnsi: latin,
  cs: latin,
  eastAsia: FONTS.eastAsia,
});

/**
 * The document's style sheet. A brand sets the heading colour and the Latin fonts of headings and
 * body (Chinese text keeps the CJK font); without one, the neutral look.
 */
export function documentStyles(brand?: BrandView): IStylesOptions {
  const font = fontOf(brand?.bodyFont ?? FONTS.latin);
  const headFont = fontOf(brand?.headingFont ?? FONTS.latin);
  const accent = brand?.colors?.primary ?? COLOR.accent;
  const heading = (size: number, before: number, color: string) => ({
    run: { font: headFont, size, bold: true, color: hex(color) },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font, size: 20, color: hex(COLOR.ink) },
        paragraph: { spacing: { after: 120, line: 276, lineRule: "auto" } },
      },
      title: {
        run: { font: headFont, size: 52, bold: true, color: hex(accent) },
        paragraph: { spacing: { before: 2400, after: 240, line: 240, lineRule: "auto" } },
      },
      heading1: {
        ...heading(32, 360, accent),
        paragraph: { ...heading(32, 0, accent).paragraph, outlineLevel: 0 },
      },
      heading2: {
        ...heading(26, 280, accent),
        paragraph: { ...heading(26, 280, accent).paragraph, outlineLevel: 1 },
      },
      heading3: {
        ...heading(22, 200, COLOR.ink),
        paragraph: { ...heading(22, 200, COLOR.ink).paragraph, outlineLevel: 2 },
      },
      listParagraph: { run: { font, size: 20 }, paragraph: { spacing: { after: 60 } } },
    },
    paragraphStyles: [
      {
        id: STYLE.normal,
        name: "Normal",
        quickFormat: true,
        run: { font, size: 20, color: hex(COLOR.ink) },
        paragraph: { spacing: { after: 120, line: 276, lineRule: "auto" } },
      },
      {
        id: STYLE.subtitle,
        name: "Subtitle",
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: { size: 28, color: hex(COLOR.muted) },
        paragraph: { spacing: { after: 480 } },
      },
      {
        id: STYLE.caption,
        name: "Caption",
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: { size: 17, italics: true, color: hex(COLOR.muted) },
        paragraph: { spacing: { before: 60, after: 240 } },
      },
      {
        id: STYLE.tableText,
        name: "Table Text",
        basedOn: STYLE.normal,
        quickFormat: true,
        run: { size: 17 },
        paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: "auto" } },
      },
      {
        id: STYLE.figure,
        name: "Figure",
        basedOn: STYLE.normal,
        next: STYLE.caption,
        paragraph: { spacing: { before: 120, after: 0 }, keepNext: true },
      },
      {
        id: STYLE.quote,
        name: "Quote",
        basedOn: STYLE.normal,
        next: STYLE.normal,
        quickFormat: true,
        run: { italics: true, color: hex(COLOR.muted) },
        paragraph: { indent: { left: 400 } },
      },
      {
        id: STYLE.spacer,
        name: "Table Spacer",
        basedOn: STYLE.normal,
        next: STYLE.normal,
        run: { size: 8 },
        paragraph: { spacing: { before: 0, after: 120, line: 240, lineRule: "auto" } },
      },
      {
        id: STYLE.toc1,
        name: "toc 1",
        basedOn: STYLE.normal,
        next: STYLE.normal,
        run: { bold: true },
        paragraph: { spacing: { before: 120, after: 60 } },
      },
      {
        id: STYLE.toc2,
        name: "toc 2",
        basedOn: STYLE.normal,
        next: STYLE.normal,
        paragraph: { indent: { left: 240 }, spacing: { after: 40 } },
      },
      {
        id: STYLE.small,
        name: "Small",
        basedOn: STYLE.normal,
        run: { size: 16, color: hex(COLOR.muted) },
      },
    ],
  };
}

/** An XML element from docx's own components (for what docx has no API for). */
export function el(
  name: string,
  attributes?: Record<string, string>,
  ...children: (ImportedXmlComponent | string)[]
): ImportedXmlComponent {
  const element = new ImportedXmlComponent(name, attributes);
  for (const child of children) element.push(child);
  return element;
}

/**
 * The table style "Report Table": a light rule between rows, a shaded bold header row, no
 * vertical lines. docx has no table-style API, so it is built from elements and added to the
 * style sheet after the document is made (docx's `importedStyles` would replace its default
 * Title and Heading styles).
 */
export function tableStyle(): ImportedXmlComponent {
  const rule = { "w:val": "single", "w:sz": "4", "w:space": "0", "w:color": hex(COLOR.rule) };
  const margin = (side: string, w: string) => el(`w:${side}`, { "w:w": w, "w:type": "dxa" });
  return el(
    "w:style",
    { "w:type": "table", "w:styleId": STYLE.table },
    el("w:name", { "w:val": "Report Table" }),
    el("w:basedOn", { "w:val": "TableNormal" }),
    el("w:uiPriority", { "w:val": "40" }),
    el("w:qFormat"),
    el("w:pPr", undefined, el("w:spacing", { "w:before": "0", "w:after": "0" })),
    el("w:rPr", undefined, el("w:sz", { "w:val": "17" })),
    el(
      "w:tblPr",
      undefined,
      el("w:tblBorders", undefined, el("w:top", rule), el("w:bottom", rule), el("w:insideH", rule)),
      el(
        "w:tblCellMar",
        undefined,
        margin("top", "40"),
        margin("left", "80"),
        margin("bottom", "40"),
        margin("right", "80"),
      ),
    ),
    el(
      "w:tblStylePr",
      { "w:type": "firstRow" },
      el("w:rPr", undefined, el("w:b")),
      el(
        "w:tcPr",
        undefined,
        el("w:shd", { "w:val": "clear", "w:color": "auto", "w:fill": hex(COLOR.headerFill) }),
      ),
    ),
  );
}
