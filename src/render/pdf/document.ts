import { InputError } from "../../core/diagnostics/errors.js";
import { type BrandView, brandStrings } from "../../core/models/brand.js";
import type { Lang } from "../../core/models/languages.js";
import { openFontFacts } from "../../io/font-facts.js";
import { damagedFont, FONT_ENV, isCjk, resolveReportFont } from "../../io/fonts.js";
import { loadPdfLibraries } from "../../io/pdf-libraries.js";
import { documentStamp } from "../ooxml/package.js";
import { withPlainLayout } from "./plain-layout.js";
import { collectCodePoints, makeCleaner } from "./text.js";
import { PAGE, paletteOf } from "./theme.js";
import { Writer } from "./writer.js";

/** What a PDF says about itself. */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** ISO date: the document's creation and modification date (so output is reproducible). */
  date: string;
}

/**
 * An A4 PDF being laid out: the pdfkit document behind a Writer, with a font that can show every
 * code point given (`fontPath`, then `CRM_MATURITY_FONT`, then Helvetica or a discovered system
 * font; an InputError when none can). `finish` ends it and returns its bytes. The document dates
 * come from `info.date`, so the same content gives byte-identical output.
 */
export async function openPdf(opts: {
  lang: Lang;
  codePoints: Set<number>;
  fontPath?: string | undefined;
  /** The firm's branding: its palette, logo and footer; its PDF font when `fontPath` is not given. */
  brand?: BrandView | undefined;
  /** Resolves a relative `fontPath`. */
  cwd?: string | undefined;
  /** Environment variables (`CRM_MATURITY_FONT`, font folders). */
  env?: NodeJS.ProcessEnv | undefined;
  info: PdfInfo;
}): Promise<{
  w: Writer;
  finish: () => Promise<Uint8Array>;
  /** Runs the drawing; a font that fails while glyphs are laid out or embedded is one message. */
  guard: (draw: () => Promise<Uint8Array>) => Promise<Uint8Array>;
}> {
  const { info } = opts;
  const codePoints = new Set(opts.codePoints);
  for (const cp of collectCodePoints(brandStrings(opts.brand))) codePoints.add(cp);
  const font = await resolveReportFont({
    codePoints,
    fontPath: opts.fontPath,
    brandFontPath: opts.brand?.pdfFont,
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.env !== undefined ? { env: opts.env } : {}),
  });
  const { PDFDocument } = await loadPdfLibraries();
  const date = documentStamp(info.date);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margin,
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    lang: opts.lang,
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: "crm-maturity",
      Producer: "crm-maturity (pdfkit)",
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const hasCjk = [...codePoints].some(isCjk);
  // What fontkit decodes slowly, cached per face (src/io/font-facts.ts); saved when the PDF is done.
  const facts =
    font.kind === "embedded"
      ? {
          regular: openFontFacts(font.file, font.regular.postscriptName, opts.env),
          bold:
            font.bold && font.boldFile
              ? openFontFacts(font.boldFile, font.bold.postscriptName, opts.env)
              : null,
        }
      : null;
  const layoutFont =
    font.kind === "embedded"
      ? {
          ...font,
          regular: withPlainLayout(font.regular, codePoints, facts?.regular),
          bold: font.bold ? withPlainLayout(font.bold, codePoints, facts?.bold) : null,
        }
      : font;
  const w = new Writer(doc, layoutFont, makeCleaner(font.coverage), opts.lang, hasCjk);
  if (opts.brand) {
    w.brand = opts.brand;
    w.palette = paletteOf(opts.brand);
  }
  const finish = async (): Promise<Uint8Array> => {
    doc.end();
    await done;
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    facts?.regular?.save();
    facts?.bold?.save();
    return out;
  };
  const guard = async (draw: () => Promise<Uint8Array>): Promise<Uint8Array> => {
    try {
      return await draw();
    } catch (err) {
      // A font that parsed may still fail when its tables are read to lay out or embed glyphs.
      if (font.kind !== "embedded" || err instanceof InputError) throw err;
      const what =
        font.source === "option"
          ? "--font"
          : font.source === "brand"
            ? "the brand's fonts.pdf"
            : font.source === "env"
              ? FONT_ENV
              : "font";
      throw damagedFont(what, font.file);
    }
  };
  return { w, finish, guard };
}
