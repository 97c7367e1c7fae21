import type { BrandView } from "../../core/models/brand.js";
import type { ReportModel, SectionId } from "../../views/report/model.js";
import { openPdf } from "../pdf/document.js";
import { drawContents, drawCover, drawFrame } from "../pdf/frame.js";
import { drawAppendix, drawKpis, drawRoadmap } from "../pdf/plan.js";
import {
  drawDecisions,
  drawDimensions,
  drawPerception,
  drawProfile,
  drawRisks,
  drawSummary,
} from "../pdf/sections.js";
import { collectCodePoints } from "../pdf/text.js";
import type { Writer } from "../pdf/writer.js";

/** Options of the PDF renderer. */
export interface PdfOptions {
  /** `--font FILE`: a .ttf/.otf/.ttc used for all text (needed for Chinese unless one is found). */
  fontPath?: string;
  /** Resolves a relative `--font`. */
  cwd?: string;
  /** Environment variables (`CRM_MATURITY_FONT`, font folders). */
  env?: NodeJS.ProcessEnv;
  /** The firm's branding; none for the neutral look. */
  brand?: BrandView;
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
  const { w, finish, guard } = await openPdf({
    lang: report.lang,
    codePoints: collectCodePoints(report),
    fontPath: opts.fontPath,
    brand: opts.brand,
    cwd: opts.cwd,
    env: opts.env,
    info: {
      title: report.meta.title,
      author: report.meta.assessor,
      subject: report.meta.client.name,
      keywords: `${report.meta.questionnaire.id} ${report.meta.questionnaire.version}`,
      date: report.meta.date,
    },
  });
  return guard(async () => {
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
    drawFrame(w, report.meta, hasCover ? 1 : 0);
    return finish();
  });
}
