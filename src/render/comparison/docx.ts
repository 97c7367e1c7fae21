import type { FileChild } from "docx";
import type { Comparison } from "../../core/analysis/comparison.js";
import { localize } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import {
  beforeAfter,
  buildCompareView,
  type ListGroup,
  type ListItem,
  type TableView,
  type Cell as ViewCell,
  wraps,
} from "../../views/comparison.js";
import { radarSvg } from "../charts/svg.js";
import { type Cell, makeBlocks } from "../docx/blocks.js";
import { writeDocx } from "../docx/document.js";
import { STYLE } from "../docx/styles.js";
import { COLOR, paletteOf } from "../pdf/theme.js";
import type { RenderOptions } from "./options.js";

/**
 * The progress report (`compare --format docx`) as a Word document: the same view as the table
 * and Markdown formats (src/views/comparison.ts), in the report's Word styles, with a radar of the
 * baseline against the follow-up. Lays out only.
 */
export async function renderDocx(comparison: Comparison, opts: RenderOptions): Promise<Uint8Array> {
  const v = buildCompareView(comparison, opts.lang);
  const b = makeBlocks(opts.lang, {
    sectionsOnNewPage: false,
    fonts: { brandFontPath: opts.brand?.pdfFont, cwd: opts.cwd },
  });
  const trendColor = { up: COLOR.improved, down: COLOR.gap, same: undefined, none: undefined };
  const cell = (c: ViewCell, nowrap: boolean): Cell => {
    const color = c.trend ? trendColor[c.trend] : undefined;
    return {
      text: c.text,
      nowrap,
      ...(color ? { color } : {}),
      ...(c.flag ? { flag: c.flag } : {}),
    };
  };
  // As in the PDF, figures keep to one line and names wrap; in Word's larger type the verdicts'
  // phrases ("No: within ±0.56", "fell below target") may wrap too: kept on one line, the nine
  // columns of the dimension table asked for more than the page and were all squeezed, breaking
  // words ("Baselin-e") and figures ("100% → / 100%"). What room is left goes to the names and
  // the real-change phrases; the progress column, mostly a percentage, takes a figure's share.
  const signal = messagesFor(opts.lang).comparison.signal.column;
  const table = (t: TableView): FileChild[] => {
    const wrapping = t.columns.map((c) => wraps(c) || c.role === "signal");
    return b.table(
      t.columns.map((c) => ({
        header: c.label,
        width: wraps(c) || c.label === signal ? 3 : 1,
        numeric: c.right,
      })),
      t.rows.map((row) => row.map((c, i) => cell(c, !wrapping[i]))),
    );
  };
  // A risk, readiness rule or question: its title or text for the client, without the
  // questionnaire's id (as the deck); the id only where no text is known.
  const titled = (i: ListItem): string => `${i.text || i.id}${i.detail}`;
  const groups = (list: ListGroup[]): FileChild[] =>
    list.flatMap((g) => [
      b.heading(2, g.heading),
      ...(g.items.length > 0
        ? b.bullets(g.items.map(titled))
        : g.none
          ? [b.paragraph(g.none)]
          : []),
    ]);

  const baseline = messagesFor(opts.lang).comparison.baseline;
  const followup = messagesFor(opts.lang).comparison.followup;
  const dims = comparison.dimensions.filter((d) => d.status === "matched");
  const radar = radarSvg(
    {
      title: v.labels.dimensions,
      min: 0,
      max: 5,
      axes: dims.map((d) => ({ id: d.id, label: localize(d.title, opts.lang) })),
      series: [
        { key: "current", label: followup, values: dims.map((d) => d.score.followup) },
        { key: "target", label: baseline, values: dims.map((d) => d.score.baseline) },
      ],
    },
    { inconclusive: "—", current: followup, target: baseline, gap: "", weeks: "" },
    beforeAfter,
    paletteOf(opts.brand),
  );

  const body: FileChild[] = [
    b.paragraph(v.heading, { style: STYLE.title }),
    ...table(v.header),
    b.paragraph(`${v.interval.label}${v.colon}${v.interval.value}`),
    // What the figures rest on comes before them.
    ...(v.warnings.length > 0 ? [b.heading(1, v.labels.warnings), ...b.bullets(v.warnings)] : []),
    b.heading(1, v.labels.dimensions),
    ...(await b.chart(radar, `${baseline} → ${followup}`)),
    ...table(v.dimensions),
  ];
  for (const note of [v.dimensionsFootnote, v.overallFootnote]) {
    if (note) body.push(b.paragraph(note, { style: STYLE.small }));
  }
  // Lead-ins stay with what they introduce, never alone at a page foot.
  if (v.kpis) {
    body.push(b.heading(1, v.labels.kpis), b.paragraph(v.kpisIntro, { keepNext: true }));
    body.push(...table(v.kpis));
  }
  body.push(b.heading(1, v.labels.readiness), b.paragraph(v.readiness.paragraph));
  for (const side of v.readiness.sides)
    body.push(
      b.paragraph(side.heading, { bold: true, keepNext: true }),
      ...b.bullets(side.rules.map(titled)),
    );
  body.push(b.heading(1, v.labels.risks), ...groups(v.risks));
  body.push(b.heading(1, v.labels.perception));
  body.push(...(v.perception ? table(v.perception) : [b.paragraph(v.perceptionNone)]));
  body.push(b.heading(1, v.labels.questionnaire), b.paragraph(v.questionnaire.intro));
  body.push(...groups(v.questionnaire.groups));
  if (v.questionnaire.none) body.push(b.paragraph(v.questionnaire.none));
  if (v.showMovers) {
    body.push(b.heading(1, v.labels.movers));
    body.push(...(v.moversByText ? table(v.moversByText) : [b.paragraph(v.moversNone)]));
    if (v.moversFootnote) body.push(b.paragraph(v.moversFootnote, { style: STYLE.small }));
  }
  body.push(b.heading(1, v.labels.method), ...b.bullets(v.method));

  const f = comparison.followup;
  return writeDocx({
    lang: opts.lang,
    title: v.heading,
    subject: f.client.name,
    creator: f.assessor,
    keywords: "crm-maturity compare",
    date: f.date,
    header: v.heading,
    footer: v.footer,
    pageNumber: messagesFor(opts.lang).report.pageNumber,
    cover: [],
    contents: null,
    body,
    brand: opts.brand,
  });
}
