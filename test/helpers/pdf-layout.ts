import { spawnSync } from "node:child_process";

/** One run of text on a page, as poppler lays it out (points from the top; size in points). */
export interface TextRun {
  text: string;
  top: number;
  bottom: number;
  left: number;
  size: number;
}

/** pdftohtml reports positions at 1.5 px per point. */
const PX = 1.5;

/** The text runs of each page of a PDF, with their font sizes (`pdftohtml -xml`). */
export function pdfPages(file: string): TextRun[][] {
  const r = spawnSync("pdftohtml", ["-xml", "-i", "-stdout", "-q", file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`pdftohtml failed: ${r.stderr}`);
  const sizes = new Map<string, number>();
  return r.stdout
    .split("<page ")
    .slice(1)
    .map((page) => {
      for (const f of page.matchAll(/<fontspec id="(\d+)" size="(\d+)"/g))
        sizes.set(f[1] ?? "", Number(f[2]) / PX);
      return [
        ...page.matchAll(
          /<text top="(\d+)" left="(\d+)" width="\d+" height="(\d+)" font="(\d+)">(.*?)<\/text>/g,
        ),
      ].map((m) => ({
        text: (m[5] ?? "")
          .replace(/<[^>]+>/g, "")
          .replace(/&amp;/g, "&")
          .replace(/&[lg]t;/g, " "),
        top: Number(m[1]) / PX,
        bottom: (Number(m[1]) + Number(m[3])) / PX,
        left: Number(m[2]) / PX,
        size: sizes.get(m[4] ?? "") ?? 0,
      }));
    });
}

/** The report's A4 page body (src/render/pdf/theme.ts): below the running header, above the footer. */
const BODY = { top: 74, bottom: 841.89 - 70, left: 58 };
/** The heading sizes of src/render/pdf/theme.ts (h1 17, h2 12.5, h3 10.5), as poppler rounds them. */
const near = (size: number, pt: number) => Math.abs(size - pt) < 0.5;
const isHeading = (t: TextRun) =>
  (near(t.size, 17) || near(t.size, 12.5) || near(t.size, 10.5)) &&
  Math.abs(t.left - BODY.left) < 2 &&
  !/^[\d.\s%–-]+$/.test(t.text);
const opensSection = (page: TextRun[] | undefined) =>
  page === undefined || body(page).some((t) => near(t.size, 17) && t.top < BODY.top + 30);
const body = (page: TextRun[]) =>
  page.filter((t) => t.top >= BODY.top - 1 && t.bottom <= BODY.bottom + 1 && t.text.trim() !== "");

/** A page filled less than this (share of the body's height) must end its section. */
const NEAR_EMPTY = 0.5;
/** A section continued onto a page must carry at least this many lines there. */
const SHORT_TAIL = 5;

/** The lines of a page's body: its runs grouped by their top, a few points apart at most. */
const lineCount = (runs: TextRun[]) => {
  const tops = [...new Set(runs.map((t) => Math.round(t.top)))].sort((a, b) => a - b);
  return tops.filter((top, i) => i === 0 || top - (tops[i - 1] ?? 0) > 3).length;
};

export interface LayoutFault {
  page: number;
  kind: "orphaned-heading" | "near-empty-page" | "short-last-page" | "split-box";
  text: string;
}

/**
 * Layout faults a reader would notice: a heading as the last line of a page; a page less than
 * half full that is followed by more of the same section (a section's last page, whose next page
 * opens a section, and the document's last page may be short), as when a chart or a table too
 * tall for the room left moves whole to the next page; a section's last page (the document's too)
 * that carries fewer than five lines of a section begun on an earlier page, as when a table's last
 * rows or a closing paragraph spill over; a box (`boxes`: each box's text) that does not stand
 * whole on one page.
 */
export function layoutFaults(pages: TextRun[][], boxes: readonly string[] = []): LayoutFault[] {
  const faults: LayoutFault[] = [];
  pages.forEach((page, i) => {
    if (i === 0) return; // the cover
    const runs = body(page);
    const lowest = Math.max(...runs.map((t) => t.bottom), BODY.top);
    const last = runs.filter((t) => t.bottom > lowest - 3);
    if (i < pages.length - 1 && last.length > 0 && last.every(isHeading))
      faults.push({
        page: i + 1,
        kind: "orphaned-heading",
        text: last.map((t) => t.text).join(" "),
      });
    const fill = (lowest - BODY.top) / (BODY.bottom - BODY.top);
    if (fill < NEAR_EMPTY && !opensSection(pages[i + 1]))
      faults.push({ page: i + 1, kind: "near-empty-page", text: runs[0]?.text ?? "" });
    else if (opensSection(pages[i + 1]) && !opensSection(page) && lineCount(runs) < SHORT_TAIL)
      faults.push({ page: i + 1, kind: "short-last-page", text: runs[0]?.text ?? "" });
  });
  // Letters and digits only: the PDF fonts may stand in other glyphs for arrows and quotes.
  const squeeze = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "");
  const texts = pages.map((p) =>
    squeeze(
      body(p)
        .map((t) => t.text)
        .join(""),
    ),
  );
  for (const box of boxes) {
    const want = squeeze(box);
    const at = texts.findIndex((t) => t.includes(want.slice(0, 8)));
    if (want !== "" && at >= 0 && !texts.some((t) => t.includes(want)))
      faults.push({ page: at + 1, kind: "split-box", text: box.slice(0, 60) });
  }
  return faults;
}

/**
 * The room left, in points, under the last line of each page that ends a section (the next page
 * opens one, or it is the last page), cover excepted: what a section can still grow by before it
 * spills onto a page of its own. Graphics are not seen, so a page ending in a chart is measured
 * from its last text (a chart's labels are text).
 */
export function sectionEndRoom(pages: TextRun[][]): { page: number; room: number }[] {
  const ends: { page: number; room: number }[] = [];
  pages.forEach((page, i) => {
    if (i === 0 || !opensSection(pages[i + 1])) return;
    const lowest = Math.max(...body(page).map((t) => t.bottom), BODY.top);
    ends.push({ page: i + 1, room: Math.round(BODY.bottom - lowest) });
  });
  return ends;
}
