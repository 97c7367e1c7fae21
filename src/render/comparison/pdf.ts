import type { Comparison } from "../../core/analysis/comparison.js";
import { localize } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import {
  beforeAfter,
  buildCompareView,
  type CompareView,
  type ListGroup,
  type ListItem,
  type TableView,
  type Cell as ViewCell,
  wraps,
} from "../../views/comparison.js";
import { drawRadar } from "../pdf/charts.js";
import { openPdf } from "../pdf/document.js";
import { drawFrame } from "../pdf/frame.js";
import { paragraphHeight, tableWithLead } from "../pdf/sections.js";
import type { Cell } from "../pdf/table.js";
import { collectCodePoints } from "../pdf/text.js";
import { COLOR, SIZE } from "../pdf/theme.js";
import type { RenderOptions } from "./options.js";

const TREND_COLOR = { up: COLOR.improved, down: COLOR.gap, same: undefined, none: undefined };

type Writer = Awaited<ReturnType<typeof openPdf>>["w"];

const cell = (c: ViewCell, nowrap: boolean): Cell => {
  const color = c.trend ? TREND_COLOR[c.trend] : undefined;
  return {
    text: c.text,
    nowrap,
    ...(color ? { color, bold: true } : {}),
    ...(c.flag ? { flag: c.flag } : {}),
  };
};

/**
 * A table of the view. Only its wrapping columns (names, question texts) wrap: every other cell
 * (scores, "2 → 3", "82% → 100%", "No: within ±0.56") stays on one line, its column sized to fit
 * it, and the wrapping columns share what is left.
 */
function table(
  w: Writer,
  t: TableView,
  opts: { totalRow?: boolean; keepWithNext?: number } = {},
  lead: (keep: number) => void = () => {},
): void {
  const wrapping = t.columns.map(wraps);
  // What introduces the table (its heading) stays on the page its first rows go to.
  tableWithLead(
    w,
    t.columns.map((c, i) => ({
      header: c.label,
      width: wrapping[i] ? 3 : 1,
      align: c.right ? ("right" as const) : ("left" as const),
    })),
    t.rows.map((row) => row.map((c, i) => cell(c, !wrapping[i]))),
    lead,
    opts,
  );
}

/**
 * A risk, readiness rule or question: its title or text for the client, without the
 * questionnaire's id (as the deck); the id only where no text is known.
 */
const titled = (i: ListItem): string => `${i.text || i.id}${i.detail}`;

/** A list this short stands whole under its heading rather than run over a page foot. */
const SHORT_LIST = 8;

function groups(w: Writer, list: ListGroup[]): void {
  for (const g of list) {
    const lines = g.items.map(titled);
    w.minorHeading(g.heading, lines.length <= SHORT_LIST ? w.bulletsHeight(lines) : 40);
    if (lines.length > 0) w.bullets(lines);
    else if (g.none) w.paragraph(g.none);
  }
}

/**
 * The progress report (`compare --format pdf`): the same view as the table and Markdown formats
 * (src/views/comparison.ts), in the gap report's PDF look, with a radar of the follow-up (solid)
 * against the baseline (dashed). Lays out only; byte-identical for the same inputs.
 */
export async function renderPdf(comparison: Comparison, opts: RenderOptions): Promise<Uint8Array> {
  const v = buildCompareView(comparison, opts.lang);
  const f = comparison.followup;
  const m = messagesFor(opts.lang);
  const dims = comparison.dimensions.filter((d) => d.status === "matched");
  const axes = dims.map((d) => ({ id: d.id, label: localize(d.title, opts.lang) }));
  const { w, finish } = await openPdf({
    lang: opts.lang,
    brand: opts.brand,
    codePoints: collectCodePoints([
      v,
      axes,
      m.comparison.baseline,
      m.comparison.followup,
      m.report.pageNumber,
    ]),
    info: {
      title: v.heading,
      author: f.assessor,
      subject: f.client.name,
      keywords: "crm-maturity compare",
      date: f.date,
    },
  });

  drawTitle(w, v, opts);
  drawDimensions(w, v, dims, axes, opts);
  drawFindings(w, v);
  drawFrame(
    w,
    {
      header: v.heading,
      footer: v.footer,
      pageNumber: m.report.pageNumber,
    },
    0,
  );
  return finish();
}

/**
 * The heading, the brand's cover line, the two assessments side by side, the interval and the
 * notes on what the comparison rests on.
 */
function drawTitle(w: Writer, v: CompareView, opts: RenderOptions): void {
  w.draw(v.heading, w.left, w.y, w.width, {
    size: SIZE.h1,
    style: "bold",
    color: w.palette.accent,
  });
  w.y += w.measure(v.heading, w.width, { size: SIZE.h1, style: "bold" }) + 10;
  if (opts.brand?.coverLine) {
    const style = {
      size: 10,
      style: "bold" as const,
      color: opts.brand.colors?.accent ?? w.palette.accent,
    };
    w.draw(opts.brand.coverLine, w.left, w.y, w.width, style);
    w.y += w.measure(opts.brand.coverLine, w.width, style) + 8;
  }
  table(w, v.header);
  w.paragraph(`${v.interval.label}${w.punct.colon}${v.interval.value}`, { style: "bold" });
  // What the figures rest on comes before them.
  if (v.warnings.length > 0) {
    w.subheading(v.labels.warnings, { toc: true });
    w.bullets(v.warnings);
  }
}

/** Scores by dimension (the radar and the table) and the KPIs moved. */
function drawDimensions(
  w: Writer,
  v: CompareView,
  dims: Comparison["dimensions"],
  axes: { id: string; label: string }[],
  opts: RenderOptions,
): void {
  const baseline = messagesFor(opts.lang).comparison.baseline;
  const followup = messagesFor(opts.lang).comparison.followup;
  w.subheading(v.labels.dimensions, { toc: true, keep: 300 });
  drawRadar(
    w,
    {
      title: `${baseline} → ${followup}`,
      min: 0,
      max: 5,
      axes,
      series: [
        { key: "current", label: followup, values: dims.map((d) => d.score.followup) },
        { key: "target", label: baseline, values: dims.map((d) => d.score.baseline) },
      ],
    },
    { inconclusive: "—", current: followup, target: baseline, gap: "", weeks: "" },
    undefined,
    beforeAfter,
  );
  table(w, v.dimensions, { totalRow: true });
  for (const note of [v.dimensionsFootnote, v.overallFootnote]) {
    if (note) w.paragraph(note, { size: SIZE.small, color: COLOR.muted });
  }
  if (v.kpis) {
    table(w, v.kpis, {}, (keep) => {
      w.subheading(v.labels.kpis, {
        toc: true,
        keep: paragraphHeight(w, v.kpisIntro) + keep + 6,
      });
      w.paragraph(v.kpisIntro);
    });
  }
}

/** Readiness, risks, perception gaps, questionnaire changes, movers, warnings and the method. */
function drawFindings(w: Writer, v: CompareView): void {
  w.subheading(v.labels.readiness, { toc: true });
  w.paragraph(v.readiness.paragraph);
  for (const side of v.readiness.sides) {
    w.paragraph(side.heading, { style: "bold" });
    w.bullets(side.rules.map(titled));
  }
  w.subheading(v.labels.risks, { toc: true });
  groups(w, v.risks);
  // The heading keeps the table's first rows (or all of a short one) with it; the 6 points the
  // heading adds above itself below text are not in its own reckoning (Writer.subheading).
  const heading = (label: string) => (keep: number) =>
    w.subheading(label, { toc: true, keep: Math.max(keep + 6, 60) });
  if (v.perception) table(w, v.perception, {}, heading(v.labels.perception));
  else {
    heading(v.labels.perception)(0);
    w.paragraph(v.perceptionNone);
  }
  w.subheading(v.labels.questionnaire, { toc: true });
  w.paragraph(v.questionnaire.intro);
  groups(w, v.questionnaire.groups);
  if (v.questionnaire.none) w.paragraph(v.questionnaire.none);
  // The method closes the report: short, it takes the movers' last rows (and their footnote) to
  // its page rather than stand there alone.
  const method = w.subheadingHeight(v.labels.method) + w.bulletsHeight(v.method);
  const footnote = v.moversFootnote
    ? w.measure(v.moversFootnote, w.width, { size: SIZE.small, lineGap: w.bodyGap }) + 5
    : 0;
  const closing = method < (w.bottom - w.top) / 3 ? method + footnote : 0;
  if (v.showMovers) {
    if (v.moversByText)
      table(w, v.moversByText, { keepWithNext: closing }, heading(v.labels.movers));
    else {
      heading(v.labels.movers)(0);
      w.paragraph(v.moversNone);
    }
    if (v.moversFootnote) w.paragraph(v.moversFootnote, { size: SIZE.small, color: COLOR.muted });
  }
  // The heading keeps the list whole when it is short, else its first lines.
  const list = method - w.subheadingHeight(v.labels.method);
  w.subheading(v.labels.method, { toc: true, keep: closing > 0 ? list : 60 });
  w.bullets(v.method);
}
