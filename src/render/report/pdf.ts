import { isCjk, resolveReportFont } from "../../io/fonts.js";
import type { ReportModel, SectionId } from "../../views/report/model.js";
import { drawContents, drawCover, drawFrame } from "../pdf/frame.js";
import { withPlainLayout } from "../pdf/plain-layout.js";
import { drawAppendix, drawKpis, drawRoadmap } from "../pdf/plan.js";
import {
  drawDecisions,
  drawDimensions,
  drawPerception,
  drawProfile,
  drawRisks,
  drawSummary,
} from "../pdf/sections.js";
import { collectCodePoints, makeCleaner } from "../pdf/text.js";
import { PAGE } from "../pdf/theme.js";
import { Writer } from "../pdf/writer.js";

/** Options of the PDF renderer. */
export interface PdfOptions {
  /** `--font FILE`: a .ttf/.otf/.ttc used for all text (needed for Chinese unless one is found). */
  fontPath?: string;
}

const SECTIONS: Record<
  Exclude<SectionId, "cover">,
  (w: Writer, r: ReportModel, n: number) => void
> = {
  summary: drawSummary,
  profile: drawProfile,
  dimensions: drawDimensions,
  perception: drawPerception,
  risks: drawRisks,
  roadmap: drawRoadmap,
  kpis: drawKpis,
  decisions: drawDecisions,
  appendix: drawAppendix,
};

/**
 * Renders the report as an A4 PDF with vector charts. The font comes from `opts.fontPath`, then
 * `CRM_MATURITY_FONT`, then Helvetica (Latin-1 text) or a discovered system font (Chinese text);
 * without one that can show every character it throws an `InputError`. The same model gives
 * byte-identical output: the document dates come from the assessment date.
 */
export async function renderPdf(report: ReportModel, opts: PdfOptions): Promise<Uint8Array> {
  const codePoints = collectCodePoints(report);
  const font = await resolveReportFont({ codePoints, fontPath: opts.fontPath });
  const { default: PDFDocument } = await import("pdfkit");

  const date = documentDate(report.meta.date);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margin,
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    lang: report.lang,
    displayTitle: true,
    info: {
      Title: report.meta.title,
      Author: report.meta.assessor,
      Subject: report.meta.client.name,
      Keywords: `${report.meta.questionnaire.id} ${report.meta.questionnaire.version}`,
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
  const layoutFont =
    font.kind === "embedded"
      ? {
          ...font,
          regular: withPlainLayout(font.regular, codePoints),
          bold: font.bold ? withPlainLayout(font.bold, codePoints) : null,
        }
      : font;
  const w = new Writer(doc, layoutFont, makeCleaner(font.coverage), report.lang, hasCjk);
  const sections = report.sections.filter((s): s is Exclude<SectionId, "cover"> => s !== "cover");
  const hasCover = report.sections.includes("cover");
  if (hasCover) drawCover(w, report);
  // The contents page is reserved now and filled in once the sections know their pages.
  // The board edition is short enough to need none.
  const contentsPage = hasCover && sections.length >= 3 && report.edition !== "board" ? 1 : null;
  if (contentsPage !== null) {
    w.newPage();
    w.blankPage = false;
  }
  sections.forEach((id, i) => {
    SECTIONS[id](w, report, i + 1);
  });
  if (contentsPage !== null) drawContents(w, report, contentsPage);
  drawFrame(w, report, hasCover ? 1 : 0);
  doc.end();
  await done;

  const size = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// The assessment date at noon UTC: stable across machines and time zones.
function documentDate(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return new Date(Date.UTC(2000, 0, 1, 12));
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}
