import {
  AlignmentType,
  Document,
  FileChild,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from "docx";
import type { BrandLogo, BrandView } from "../../core/models/brand.js";
import type { Lang } from "../../core/models/languages.js";
import { xmlSafe } from "../../core/text/xml.js";
import { normalizePackage, type ZipEntries } from "../ooxml/package.js";
import { NUMBERED } from "./blocks.js";
import { documentStyles, el, runLanguage, STYLE, tableStyle } from "./styles.js";

/** What a Word document is made of: its facts, a cover, a contents list and the body. */
export interface DocxDocument {
  lang: Lang;
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  /** ISO date: the document properties' date and every zip entry's timestamp. */
  date: string;
  /** Running header and footer text (not on the cover). */
  header: string;
  footer: string;
  /** Page number pattern with {page} and {pages} placeholders. */
  pageNumber: string;
  /** Cover page blocks; none for a document without a cover. */
  cover: FileChild[];
  /** The contents list: its title and the headings it shows until Word updates the field. */
  contents: { title: string; entries: { title: string; level: number }[] } | null;
  body: FileChild[];
  /** The firm's branding (styles, logo, cover line, footer); none for the neutral look. */
  brand?: BrandView | undefined;
}

// A4 in twentieths of a point, with 2 cm side margins.
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1304, bottom: 1247, left: 1134, right: 1134, header: 567, footer: 567 },
};
const RIGHT_TAB = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;

/**
 * The table of contents: a TOC field over Heading 1–2 that Word refreshes when the document opens
 * (settings ask it to update fields), showing the section headings until then. docx's own
 * TableOfContents puts the field's begin, instruction and separator in one run, which LibreOffice
 * prints as text; here each is its own run, as Word writes them. The field XML is static.
 */
class ContentsField extends FileChild {
  constructor(
    entries: readonly { title: string; level: number }[],
    language: { value: string; eastAsia: string },
  ) {
    super("w:sdt");
    this.addChildElement(
      el(
        "w:sdtPr",
        undefined,
        el(
          "w:docPartObj",
          undefined,
          el("w:docPartGallery", { "w:val": "Table of Contents" }),
          el("w:docPartUnique"),
        ),
      ),
    );
    const content = el("w:sdtContent");
    const fieldChar = (type: string) =>
      el(
        "w:r",
        undefined,
        el(
          "w:fldChar",
          type === "begin"
            ? { "w:fldCharType": type, "w:dirty": "true" }
            : { "w:fldCharType": type },
        ),
      );
    entries.forEach((entry, i) => {
      const paragraph = new Paragraph({
        style: entry.level <= 1 ? STYLE.toc1 : STYLE.toc2,
        tabStops: [{ type: TabStopType.RIGHT, position: RIGHT_TAB, leader: "dot" }],
      });
      if (i === 0) {
        paragraph.addChildElement(fieldChar("begin"));
        paragraph.addChildElement(
          el(
            "w:r",
            undefined,
            el("w:instrText", { "xml:space": "preserve" }, ' TOC \\o "1-2" \\h \\z \\u '),
          ),
        );
        paragraph.addChildElement(fieldChar("separate"));
      }
      paragraph.addChildElement(new TextRun({ text: xmlSafe(entry.title), language }));
      content.push(paragraph);
    });
    const end = new Paragraph({});
    end.addChildElement(fieldChar("end"));
    content.push(end);
    this.addChildElement(content);
  }
}

/** A logo as a picture `height` pixels high, its width in proportion. */
function logoRun(logo: BrandLogo, height: number, name: string): ImageRun {
  const width = Math.max(1, Math.round((logo.width * height) / logo.height));
  return new ImageRun({
    type: logo.kind,
    data: logo.bytes,
    transformation: { width, height },
    altText: { name: xmlSafe(name), title: xmlSafe(name), description: xmlSafe(name) },
  });
}

/**
 * A branded cover: the logo and the cover line above the title, the firm and its
 * confidentiality notice below the cover's own blocks. A document without a cover (the progress
 * report) opens with the logo and the cover line; its footer carries the rest.
 */
function brandedCover(
  cover: readonly FileChild[],
  brand: BrandView,
  language: { value: string; eastAsia: string },
): FileChild[] {
  const color = (brand.colors?.primary ?? "#1f3a5f").replace(/^#/, "").toUpperCase();
  const top: FileChild[] = [];
  if (brand.logo) {
    top.push(
      new Paragraph({ spacing: { after: 240 }, children: [logoRun(brand.logo, 64, brand.firm)] }),
    );
  }
  if (brand.coverLine) {
    top.push(
      new Paragraph({
        style: STYLE.small,
        children: [new TextRun({ text: xmlSafe(brand.coverLine), bold: true, color, language })],
      }),
    );
  }
  const bottom: FileChild[] = [
    new Paragraph({
      spacing: { before: 480 },
      children: [new TextRun({ text: xmlSafe(brand.firm), bold: true, color, language })],
    }),
  ];
  if (brand.confidentiality) {
    bottom.push(
      new Paragraph({
        style: STYLE.small,
        children: [new TextRun({ text: xmlSafe(brand.confidentiality), bold: true, language })],
      }),
    );
  }
  return cover.length > 0 ? [...top, ...cover, ...bottom] : top;
}

/**
 * Packs a document as DOCX bytes: one A4 section (the cover page without running header and
 * footer), a table-of-contents field Word fills in on opening, and fixed document properties and
 * zip timestamps, so the same input gives byte-identical output.
 */
export async function writeDocx(doc: DocxDocument): Promise<Uint8Array> {
  const language = runLanguage(doc.lang);
  const small = { size: 16, color: "5F6B7A", language };
  const pageRuns = doc.pageNumber.split(/(\{page\}|\{pages\})/).flatMap((part) => {
    if (part === "") return [];
    if (part === "{page}") return [new TextRun({ ...small, children: [PageNumber.CURRENT] })];
    if (part === "{pages}") return [new TextRun({ ...small, children: [PageNumber.TOTAL_PAGES] })];
    return [new TextRun({ ...small, text: xmlSafe(part) })];
  });
  const brand = doc.brand;
  const header = new Header({
    children: [
      brand?.logo
        ? new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: RIGHT_TAB }],
            children: [
              logoRun(brand.logo, 22, brand.firm),
              new TextRun({ ...small, children: ["\t"] }),
              new TextRun({ ...small, text: xmlSafe(doc.header) }),
            ],
          })
        : new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ ...small, text: xmlSafe(doc.header) })],
          }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: RIGHT_TAB }],
        children: [
          new TextRun({ ...small, text: xmlSafe(brand?.footer ?? doc.footer) }),
          new TextRun({ ...small, children: ["\t"] }),
          ...pageRuns,
        ],
      }),
      ...(brand?.confidentiality
        ? [
            new Paragraph({
              children: [
                new TextRun({ ...small, bold: true, text: xmlSafe(brand.confidentiality) }),
              ],
            }),
          ]
        : []),
    ],
  });
  const empty = (): Header => new Header({ children: [new Paragraph({})] });
  const emptyFooter = (): Footer => new Footer({ children: [new Paragraph({})] });
  const hasCover = doc.cover.length > 0;

  const front: FileChild[] = brand ? brandedCover(doc.cover, brand, language) : [...doc.cover];
  if (doc.contents) {
    front.push(
      new Paragraph({
        style: STYLE.title,
        pageBreakBefore: hasCover,
        spacing: { before: 0, after: 240 },
        children: [new TextRun({ text: xmlSafe(doc.contents.title), language, size: 36 })],
      }),
      new ContentsField(doc.contents.entries, language),
    );
  }

  const document = new Document({
    title: xmlSafe(doc.title),
    subject: xmlSafe(doc.subject),
    creator: xmlSafe(doc.creator),
    lastModifiedBy: xmlSafe(doc.creator),
    keywords: xmlSafe(doc.keywords),
    revision: 1,
    styles: documentStyles(brand),
    features: { updateFields: true },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 400, hanging: 300 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: PAGE, titlePage: hasCover },
        headers: hasCover ? { default: header, first: empty() } : { default: header },
        footers: hasCover ? { default: footer, first: emptyFooter() } : { default: footer },
        children: [...front, ...doc.body],
      },
    ],
  });
  document.Styles.addChildElement(tableStyle());
  return normalizePackage(await compileDocx(document), doc.date);
}

/**
 * The document's zip before it is generated. Packer.toBuffer would deflate it, only for
 * normalizePackage to inflate and deflate it again; the compiler behind Packer (docx is pinned)
 * gives the entries themselves. Falls back to Packer's bytes if a docx release moves it.
 */
function compileDocx(document: Document): ZipEntries | Promise<Uint8Array> {
  const { compiler } = Packer as unknown as {
    compiler?: { compile?: (file: Document, prettify: undefined, overrides: []) => ZipEntries };
  };
  if (typeof compiler?.compile !== "function") {
    return Packer.toBuffer(document).then((b) => new Uint8Array(b));
  }
  return compiler.compile(document, undefined, []);
}
