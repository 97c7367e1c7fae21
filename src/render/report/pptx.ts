import type { BrandView } from "../../core/models/brand.js";
import { fillPlaceholders } from "../../core/text/placeholders.js";
import { BOLD_EM as BOLD, textEm } from "../../core/text/width.js";
import { xmlSafe } from "../../core/text/xml.js";
import { fmtCount } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import type { ReportModel } from "../../views/report/model.js";
import {
  balanceTimelineRows,
  hatchLines,
  holdSpan,
  linearScale,
  monthTicks,
  timelineWeeks,
  weekStep,
} from "../geometry/charts.js";
import { fmtScore, weekSpan } from "../pdf/text.js";
import { COLOR, PHASE_COLOR, SEVERITY_COLOR, VERDICT_COLOR } from "../pdf/theme.js";
import {
  BODY_W,
  besideChart,
  columnWidth,
  DeckBase,
  finishPptx,
  hex,
  MARGIN,
  newPptx,
  type Pptx,
  paragraphsHeight,
  rowsThatFit,
  type Slide,
  TABLE_W,
  TABLE_X,
  type TextRun,
  tableHeight,
} from "../pptx/deck.js";

/** The verdict panel's box on the findings slide (inches): it ends under its last line. */
const PANEL = { top: 1.4, height: 5.3 };
/** The findings' text box beside it. */
const FINDINGS = { x: 5.3, y: 2.0, w: 7.5, h: 4.7 };

/**
 * The report as a board deck (PowerPoint, 16:9): title, the verdict and three findings, the
 * maturity profile (a native radar chart), the top gaps (a native bar chart), the scores by each
 * `--group-by` column of a survey's results, the top risks, expectation calibration when a target
 * is out of reach, the roadmap on one slide and over time (its timeline, split by rows over as few slides as
 * it needs), the KPIs, and decisions and next steps. Charts are PowerPoint charts, so their data stays editable; each
 * slide's speaker notes carry the supporting detail. Lays out the model only.
 */
export async function renderPptx(report: ReportModel, brand?: BrandView): Promise<Uint8Array> {
  const pptx = newPptx();
  const deck = new Deck(pptx, report, brand);
  deck.title();
  deck.findings();
  deck.profile();
  deck.gaps();
  deck.groups();
  deck.risks();
  deck.calibration();
  deck.roadmap();
  deck.timeline();
  deck.kpis();
  deck.decisions();
  return finishPptx(pptx, report.meta.date);
}

/** The radar's plot area in the profile chart's box (7.6 × 5.7 in): a 3.9 in circle, centred. */
const RADAR_PLOT = { x: 0.243, y: 0.1, w: 0.514, h: 0.684 };

/** The calibration table's heights in inches at 13 pt: a header of two lines, then a line a row. */
export const CALIBRATION_ROWS = { header: 0.55, row: 0.33 };
/** The KPI slide's table: its text size, where the slide's body ends, the "… and 3 more" line. */
const KPI_TABLE = { fontSize: 12, bottom: 6.85, moreH: 0.35 } as const;
/**
 * The group scores' table: the dimension column at most (as wide as its names need), a group's
 * column at most (a few groups do not stretch across the slide), and the sizes tried, largest
 * first, until every row fits.
 */
const GROUP_TABLE = { dimensionW: 3.4, groupW: 1.5, fontSizes: [12, 11], smallest: 10 } as const;

/**
 * The timeline slides (inches): the rows' names in a column at the left, then the phase band, the
 * month and week scales and the rows down to `bottom` (the footer starts at 7.05). No text under
 * 10 pt, for a projector; `hatch`, the spacing of a hold's hatching.
 */
const TIMELINE = {
  labelW: 4.6,
  bandY: 1.2,
  bandH: 0.36,
  monthY: 1.6,
  weekY: 1.83,
  scaleH: 0.23,
  top: 2.1,
  bottom: 6.85,
  fontSize: 11,
  scaleSize: 10,
  rowPad: 0.08,
  barH: 0.18,
  markH: 0.26,
  hatch: 0.09,
} as const;

type Timeline = ReportModel["roadmap"]["timeline"];

/** A mark under the timeline's rows: a milestone's diamond, or the horizon's bar. */
interface TimelineMark {
  label: string;
  week: number;
  color: string;
  diamond: boolean;
}

class Deck extends DeckBase {
  private readonly L: ReportModel["labels"];

  constructor(
    pptx: Pptx,
    private readonly r: ReportModel,
    brand: BrandView | undefined,
  ) {
    super(pptx, {
      brand,
      lang: r.lang,
      title: r.meta.title,
      subject: r.meta.client.name,
      author: r.meta.assessor,
      footer: r.meta.footer,
    });
    this.L = r.labels;
  }

  title(): void {
    const r = this.r;
    const facts = r.cover.fields.map((f) => `${f.label}${this.colon}${f.value}`);
    this.cover({
      title: r.cover.title,
      subtitle: r.cover.subtitle,
      lines: r.cover.fields
        .filter((f) => f.value !== r.cover.subtitle)
        .map((f) => `${f.label}${this.colon}${f.value}`),
      // A firm's own confidentiality notice (in every slide's footer) replaces the report's.
      notice: r.cover.notice,
      notes: facts.join("\n"),
    });
  }

  findings(): void {
    const { r, L } = this;
    const s = r.summary;
    // The slide's title states the verdict; the findings come from the client's own answers.
    const slide = this.slide(`${L.readiness}${this.colon}${s.readiness.verdictName}`, [
      s.overall.sentence,
      s.overall.levelDescription ?? "",
      s.readiness.sentence,
      ...s.readiness.reasons,
      ...s.findings.flatMap((f) => [
        f.sentence,
        ...f.evidence.flatMap((e) => [
          `• ${e.text} · ${fmtScore(e.score, L.inconclusive)}`,
          ...e.notes.map((n) => `  “${n.text}” · ${n.by}`),
        ]),
      ]),
      ...s.judgement,
    ]);
    this.verdictPanel(slide);
    this.findingsPanel(slide);
  }

  /**
   * The left panel: the verdict, the overall score and its level, the readiness sentence and the
   * conditions (or the capability to build first) it announces "below", by their titles; their
   * reasoning is in the notes. Each text has room for what it holds: a verdict of two lines
   * ("Ready with conditions") no longer runs into the label under it. The panel ends under its
   * last line, so no empty box stands beside the findings.
   */
  private verdictPanel(slide: ReturnType<DeckBase["slide"]>): void {
    const { r, L } = this;
    const s = r.summary;
    const x = MARGIN + 0.25;
    const w = 3.7;
    // At most four conditions by title (the notes argue each), then how many more.
    const bullets = this.shortList(s.readiness.reasonTitles, 4, { bold: true, paraSpaceAfter: 3 });
    const textH = paragraphsHeight([
      { text: s.readiness.sentence, fontSize: 11, width: w, after: 6 },
      ...bullets.map((b) => ({
        text: b.text,
        fontSize: 11,
        width: w - 0.35,
        bold: true,
        after: 3,
      })),
    ]);
    const textTop = 3.7;
    const bottom = Math.min(PANEL.top + PANEL.height, textTop + textH + 0.3);
    slide.addShape("rect", {
      x: MARGIN,
      y: PANEL.top,
      w: 4.2,
      h: bottom - PANEL.top,
      fill: { color: hex(COLOR.accentSoft) },
      line: { color: hex(COLOR.accentSoft) },
    });
    const label = (text: string, y: number) =>
      this.text(slide, text, { x, y, w, h: 0.3, fontSize: 12, color: COLOR.muted });
    label(L.readiness, 1.55);
    this.text(slide, s.readiness.verdictName, {
      x,
      y: 1.85,
      w,
      h: 0.85,
      fontSize: 22,
      bold: true,
      color: VERDICT_COLOR[s.readiness.verdict],
    });
    label(L.overall, 2.75);
    // The score and its level on one line, each in its own size, so neither wraps into the other.
    const level =
      s.overall.level === null
        ? ""
        : `   ${L.level} ${s.overall.level}${s.overall.levelName ? ` · ${s.overall.levelName}` : ""}`;
    this.text(
      slide,
      [
        { text: fmtScore(s.overall.score, L.inconclusive), options: { fontSize: 24 } },
        ...(level ? [{ text: level, options: { fontSize: 13 } }] : []),
      ],
      { x, y: 3.05, w, h: 0.5, bold: true, color: this.palette.accent, valign: "middle" },
    );
    this.text(
      slide,
      [
        {
          text: s.readiness.sentence,
          options: { breakLine: bullets.length > 0, paraSpaceAfter: 6 },
        },
        ...bullets,
      ],
      { x, y: textTop, w, h: bottom - 0.1 - textTop, fontSize: 11, color: COLOR.ink },
    );
  }

  /**
   * The right panel: each finding with the weakest answers behind it, as many as fit (every one
   * the report gives, else the weakest alone; the notes hold them all). The finding is stated
   * without the report's lead-in ("The answers behind this finding:"), which would miscount them.
   */
  private findingsPanel(slide: ReturnType<DeckBase["slide"]>): void {
    const { r, L } = this;
    const s = r.summary;
    const answer = (e: (typeof s.findings)[number]["evidence"][number]) =>
      `${e.text} · ${fmtScore(e.score, L.inconclusive)}`;
    const listed = (perFinding: number) =>
      s.findings.length > 0
        ? s.findings.slice(0, 3).map((f) => ({
            text: f.statement,
            evidence: f.evidence.slice(0, perFinding).map(answer),
          }))
        : s.topGaps.slice(0, 3).map((g) => ({ text: g.sentence, evidence: [] as string[] }));
    const height = (items: ReturnType<typeof listed>) =>
      paragraphsHeight(
        items.flatMap((f) => [
          {
            text: f.text,
            fontSize: 16,
            width: FINDINGS.w - 0.5,
            after: f.evidence.length ? 2 : 12,
          },
          ...f.evidence.map((e, j) => ({
            text: e,
            fontSize: 12,
            width: FINDINGS.w - 0.5,
            after: j === f.evidence.length - 1 ? 12 : 2,
          })),
        ]),
      );
    const all = listed(Number.POSITIVE_INFINITY);
    const three = height(all) <= FINDINGS.h ? all : listed(1);
    this.text(slide, s.findings.length > 0 ? s.findingsTitle : L.topGaps, {
      x: FINDINGS.x,
      y: PANEL.top,
      w: FINDINGS.w,
      h: 0.5,
      fontSize: 16,
      bold: true,
      color: this.palette.accent,
    });
    this.text(
      slide,
      three.flatMap((f, i) => [
        {
          text: f.text,
          options: {
            bullet: { type: "number" },
            breakLine: true,
            paraSpaceAfter: f.evidence.length > 0 ? 2 : 12,
          },
        },
        ...f.evidence.map((e, j) => ({
          text: e,
          options: {
            indentLevel: 1,
            fontSize: 12,
            color: COLOR.muted,
            breakLine: i < three.length - 1 || j < f.evidence.length - 1,
            paraSpaceAfter: j === f.evidence.length - 1 ? 12 : 2,
          },
        })),
      ]),
      { x: FINDINGS.x, y: FINDINGS.y, w: FINDINGS.w, h: FINDINGS.h, fontSize: 16 },
    );
  }

  profile(): void {
    const { r, L } = this;
    const p = r.profile;
    const slide = this.slide(p.title, [
      p.intro,
      ...p.rows.map(
        (row) =>
          `${row.title}${this.colon}${fmtScore(row.score, L.inconclusive)} / ${row.target ?? "—"}${this.paren(row.levelName ?? L.inconclusive)}`,
      ),
    ]);
    const labels = p.radar.axes.map((a) => xmlSafe(a.label));
    const data = p.radar.series.map((series) => ({
      name: xmlSafe(series.label),
      labels,
      values: series.values.map((v) => v ?? 0),
    }));
    slide.addChart(this.pptx.ChartType.radar, data, {
      x: MARGIN,
      y: 1.2,
      w: 7.6,
      h: 5.7,
      radarStyle: "standard",
      // The radar itself (the inner plot area) set to most of the chart's height: left to lay it
      // out, PowerPoint and LibreOffice shrank it to a third of the box around the long axis names.
      layout: RADAR_PLOT,
      chartColors: p.radar.series.map((series) =>
        hex(series.key === "current" ? this.palette.current : COLOR[series.key]),
      ),
      lineSize: 2,
      valAxisMinVal: 0,
      valAxisMaxVal: p.radar.max,
      valAxisMajorUnit: 1,
      catAxisLabelFontSize: 11,
      catAxisLabelFontFace: this.font,
      valAxisLabelFontSize: 9,
      showLegend: true,
      legendPos: "b",
      legendFontSize: 11,
      legendFontFace: this.font,
      lang: this.lang,
      showTitle: false,
    });
    this.table(
      slide,
      [L.dimension, L.score, L.target],
      [
        ...p.rows.map((row) => [
          row.title,
          fmtScore(row.score, L.inconclusive),
          row.target === null ? "—" : String(row.target),
        ]),
        [
          { text: p.overall.title, bold: true },
          { text: fmtScore(p.overall.score, L.inconclusive), bold: true },
          "",
        ],
      ],
      {
        ...besideChart([2.8, 0.8, 0.8]),
        y: 1.3,
        fontSize: 11,
        right: [false, true, true],
      },
    );
  }

  gaps(): void {
    const { r, L } = this;
    // A bar chart draws its first category at the bottom: reversed, the largest gap is on top.
    const bars = [...r.profile.gapBars.bars].reverse();
    const c = r.summary.calibration;
    const slide = this.slide(L.topGaps, [
      r.summary.topGapsSentence,
      ...r.summary.topGaps.map((g) => g.sentence),
      c.sentence,
      c.advice,
    ]);
    const labels = bars.map((b) => xmlSafe(b.label));
    slide.addChart(
      this.pptx.ChartType.bar,
      [
        { name: xmlSafe(L.current), labels, values: bars.map((b) => b.current ?? 0) },
        { name: xmlSafe(L.target), labels, values: bars.map((b) => b.target) },
      ],
      {
        x: MARGIN,
        y: 1.2,
        w: 7.8,
        h: 5.7,
        barDir: "bar",
        barGrouping: "clustered",
        chartColors: [hex(this.palette.current), hex(COLOR.target)],
        valAxisMinVal: 0,
        valAxisMaxVal: r.profile.gapBars.max,
        valAxisMajorUnit: 1,
        catAxisLabelFontSize: 11,
        catAxisLabelFontFace: this.font,
        showValue: true,
        dataLabelFormatCode: "0.00",
        dataLabelFontSize: 9,
        showLegend: true,
        legendPos: "b",
        legendFontFace: this.font,
        lang: this.lang,
      },
    );
    this.text(slide, r.summary.topGapsSentence, {
      x: 8.6,
      y: 1.3,
      w: 4.2,
      h: 0.8,
      fontSize: 13,
      color: COLOR.muted,
    });
    this.text(
      slide,
      this.bullets(
        r.summary.topGaps.map((g) => g.sentence),
        { paraSpaceAfter: 12 },
      ),
      {
        x: 8.6,
        y: 2.2,
        w: 4.2,
        h: 4.6,
        fontSize: 15,
      },
    );
  }

  /**
   * A slide per `--group-by` column of a survey's results (none from interviews): each group's
   * mean scores by dimension and overall as the report's table gives them, figures right-aligned,
   * in the largest size at which every row fits (else the dimensions that fit and the overall, the
   * notes holding the others). The intro is in the notes; why groups are left out, under the table.
   */
  groups(): void {
    const { r, L } = this;
    for (const g of r.perception.byGroup) {
      const header = [
        L.dimension,
        ...g.values.map((v) => `${v.name}${this.paren(fmtCount(v.count))}`),
      ];
      const cells = (row: (typeof g.rows)[number]) => [
        row.title,
        ...row.scores.map((s) => fmtScore(s, L.inconclusive)),
      ];
      const n = g.values.length;
      // The dimensions' column as wide as their names need (short ones in Chinese), at most 3.4 in.
      const dimensionW = columnWidth(
        g.rows.map((row) => row.title),
        L.dimension,
        GROUP_TABLE.fontSizes[0],
        GROUP_TABLE.dimensionW,
      );
      const groupW = Math.min(GROUP_TABLE.groupW, (TABLE_W - dimensionW) / n);
      const table = {
        x: TABLE_X,
        y: 1.3,
        w: dimensionW + n * groupW,
        colW: [dimensionW, ...g.values.map(() => groupW)],
        right: [false, ...g.values.map(() => true)],
      };
      const moreH = g.more ? paragraphsHeight([{ text: g.more, fontSize: 11, width: BODY_W }]) : 0;
      const height = KPI_TABLE.bottom - table.y - (moreH ? moreH + 0.15 : 0);
      const fitting = (size: number) =>
        rowsThatFit(header, g.rows.map(cells), table.colW, size, height, 0);
      const fontSize =
        GROUP_TABLE.fontSizes.find((size) => fitting(size) === g.rows.length) ??
        GROUP_TABLE.smallest;
      // The overall row stays whatever the dimensions above it leave out.
      const dims = g.rows.filter((row) => row.dimension !== "overall");
      const overall = g.rows.filter((row) => row.dimension === "overall");
      const room = Math.max(0, fitting(fontSize) - overall.length);
      const kept = room >= dims.length ? g.rows : [...dims.slice(0, room), ...overall];
      const left = dims
        .slice(room)
        .map(
          (row) =>
            `${row.title}${this.colon}${row.scores
              .map((s, i) => `${g.values[i]?.name ?? ""} ${fmtScore(s, L.inconclusive)}`)
              .join(this.sep)}`,
        );
      const slide = this.slide(g.title, [g.intro, g.more ?? "", ...left]);
      this.table(
        slide,
        header,
        kept.map((row) =>
          row.dimension === "overall"
            ? cells(row).map((text) => ({ text, bold: true }))
            : cells(row),
        ),
        { ...table, fontSize },
      );
      if (!g.more) continue;
      const tableH = tableHeight(header, kept.map(cells), table.colW, fontSize);
      this.noteUnder(slide, g.more, table.y + tableH, moreH + 0.05, 11);
    }
  }

  /**
   * A muted note under a table that ends at `tableEnd` inches (as tableHeight estimates it):
   * right under a short table, not at the foot of the slide; `h` inches tall, ending by the foot.
   */
  private noteUnder(slide: Slide, text: string, tableEnd: number, h: number, fontSize: number) {
    this.text(slide, text, {
      x: MARGIN,
      y: Math.min(tableEnd + 0.1, KPI_TABLE.bottom - h),
      w: BODY_W,
      h,
      fontSize,
      color: COLOR.muted,
    });
  }

  risks(): void {
    const { r, L } = this;
    const items = r.summary.topRisks.flatMap((brief) =>
      r.risks.items.filter((x) => x.id === brief.id),
    );
    const slide = this.slide(L.topRisks, [
      r.summary.topRisksSentence,
      ...items.map((x) => `${x.title}${this.colon}${x.because.join(" ")}`),
      r.risks.intro,
    ]);
    this.text(slide, r.summary.topRisksSentence, {
      x: MARGIN,
      y: 1.25,
      w: BODY_W,
      h: 0.5,
      fontSize: 15,
      color: COLOR.muted,
    });
    if (items.length === 0) return;
    this.table(
      slide,
      [L.severity, L.risk, L.mitigation],
      items.map((x) => [
        { text: x.severityName, bold: true, color: SEVERITY_COLOR[x.severity] },
        { text: x.title, bold: true },
        x.mitigation ?? "—",
      ]),
      { x: TABLE_X, y: 1.9, w: TABLE_W, colW: [1.4, 3.8, TABLE_W - 5.2], fontSize: 13 },
    );
  }

  calibration(): void {
    const { r, L } = this;
    const c = r.summary.calibration;
    if (c.items.length === 0) return;
    const slide = this.slide(c.title, [c.sentence, ...c.items.map((i) => i.sentence), c.advice]);
    this.text(slide, c.sentence, {
      x: MARGIN,
      y: 1.25,
      w: BODY_W,
      h: 0.8,
      fontSize: 15,
      color: COLOR.muted,
    });
    // Every target out of reach (a short horizon) fills the slide: at most nine rows (the notes
    // hold every one), and the advice follows the table instead of lying under it.
    const MAX = 9;
    const items = c.items.slice(0, MAX);
    this.table(
      slide,
      [L.dimension, L.score, L.target, L.realisticDate, L.expectedAtReassessment],
      items.map((i) => [
        i.title,
        fmtScore(i.score, L.inconclusive),
        String(i.target),
        i.realisticDateText,
        fmtScore(i.expectedAtReassessment, L.inconclusive),
      ]),
      {
        x: TABLE_X,
        y: 2.2,
        w: TABLE_W,
        colW: [4.6, 1.1, 1.1, 2.8, TABLE_W - 9.6],
        fontSize: 13,
        right: [false, true, true, false, true],
      },
    );
    const y = Math.min(
      2.2 + CALIBRATION_ROWS.header + items.length * CALIBRATION_ROWS.row + 0.3,
      5.9,
    );
    this.text(slide, c.advice, { x: MARGIN, y, w: BODY_W, h: 6.85 - y, fontSize: 14 });
  }

  roadmap(): void {
    const { r, L } = this;
    const m = r.roadmap;
    const notes = [m.gloss, m.strategySentence, m.calibration];
    for (const phase of m.phases) {
      const actions = m.actions.filter((a) => a.phase === phase.phase);
      notes.push(
        `${phase.name}${this.colon}${phase.goal}`,
        ...actions.map(
          (a) =>
            `• ${a.title}${this.paren(
              [a.ownerName, `${a.weeks} ${L.weeksUnit}`, a.effort?.text, a.raci.text]
                .filter(Boolean)
                .join(this.sep),
            )}`,
        ),
      );
    }
    if (m.effort) notes.push(m.effort.text);
    notes.push(m.milestone.sentence, m.cycle);
    const slide = this.slide(m.title, notes);
    if (m.empty) {
      this.text(slide, m.empty, { x: MARGIN, y: 1.4, w: BODY_W, h: 1, fontSize: 16 });
      return;
    }
    const gap = 0.25;
    const colW = (BODY_W - gap * (m.phases.length - 1)) / Math.max(1, m.phases.length);
    m.phases.forEach((phase, i) => {
      this.phaseColumn(slide, phase, MARGIN + i * (colW + gap), colW);
    });
    this.text(slide, `◆ ${m.milestone.label}${this.colon}${m.milestone.dateText}`, {
      x: MARGIN,
      y: 6.45,
      w: BODY_W,
      h: 0.45,
      fontSize: 13,
      bold: true,
      color: this.palette.accent,
    });
  }

  /**
   * The roadmap over time, after the roadmap slide, as the PDF and Word draw it (the shared chart
   * geometry): a band per phase over its weeks (a hold hatched), the months and the weeks, a row
   * per action (a workstream in the board edition) with its name at the left and a bar over its
   * weeks in its phase's colour, the gate and the reassessment as diamonds on dashed lines and the
   * end of the horizon as a solid line. Native shapes and text, which the client can edit. The rows
   * go over as few slides as they need, spread evenly (never a slide of a row or two), each with
   * the band and the scales; each slide's notes list its rows with their weeks.
   */
  timeline(): void {
    const chart = this.r.roadmap.timeline;
    if (chart.bars.length === 0) return;
    const total = timelineWeeks(chart);
    const x0 = MARGIN + TIMELINE.labelW + 0.15;
    const xOf = linearScale(x0, MARGIN + BODY_W - 0.05 - x0, total);
    const rows = chart.bars.map((bar) => ({
      bar,
      h:
        paragraphsHeight([
          { text: bar.label, fontSize: TIMELINE.fontSize, width: TIMELINE.labelW },
        ]) + TIMELINE.rowPad,
    }));
    const marks = this.timelineMarks();
    const tail = 0.12 + marks.length * TIMELINE.markH;
    const parts = balanceTimelineRows(
      rows.map((row) => row.h),
      TIMELINE.bottom - TIMELINE.top,
      tail,
    );
    parts.forEach(([from, to], k) => {
      const part = rows.slice(from, to);
      const last = k === parts.length - 1;
      const title =
        parts.length > 1 ? `${chart.title}${this.paren(`${k + 1}/${parts.length}`)}` : chart.title;
      const slide = this.slide(
        title,
        this.timelineNotes(
          part.map((row) => row.bar),
          k === 0,
          last,
        ),
      );
      const bottom = part.reduce((y: number, row) => y + row.h, TIMELINE.top);
      this.timelineHead(slide, xOf, total, bottom);
      for (const m of marks) {
        slide.addShape("line", {
          x: xOf(m.week),
          y: TIMELINE.top,
          w: 0,
          h: bottom - TIMELINE.top + (last ? 0.1 : 0),
          line: {
            color: hex(m.color),
            width: m.diamond ? 1.25 : 1.75,
            ...(m.diamond ? { dashType: "dash" } : {}),
          },
        });
      }
      let y: number = TIMELINE.top;
      for (const { bar, h } of part) {
        this.text(slide, bar.label, {
          x: MARGIN,
          y,
          w: TIMELINE.labelW,
          h,
          fontSize: TIMELINE.fontSize,
          valign: "middle",
          margin: 0,
        });
        const x1 = xOf(bar.startWeek);
        const x2 = Math.max(xOf(bar.endWeek), x1 + 0.05);
        const barY = y + h / 2 - TIMELINE.barH / 2;
        this.box(
          slide,
          x1 + 0.01,
          barY,
          x2 - x1 - 0.02,
          TIMELINE.barH,
          PHASE_COLOR[bar.phase].fill,
        );
        y += h;
      }
      if (last) this.timelineFoot(slide, marks, xOf, bottom);
    });
  }

  /** The timeline's milestones, each with its date, then the end of the horizon. */
  private timelineMarks(): TimelineMark[] {
    const m = this.r.roadmap;
    const dated = [m.gate, m.milestone].filter((x) => x !== null);
    return [
      ...m.timeline.milestones.map((x) => {
        const date = dated.find((d) => d.week === x.week && d.label === x.label)?.dateText;
        return {
          label: date ? `${x.label}${this.colon}${date}` : x.label,
          week: x.week,
          color: this.palette.accent,
          diamond: true,
        };
      }),
      {
        label: m.timeline.horizonLabel,
        week: m.timeline.horizonWeek,
        color: COLOR.gap,
        diamond: false,
      },
    ];
  }

  /**
   * A timeline slide's phase bands (a hold's weeks hatched, the name on the weeks before the hold
   * when they have room for it), its month and week scales, and behind the rows down to `bottom`
   * each phase's shade (hatched over its hold) and a white line a step of the week scale.
   */
  private timelineHead(slide: Slide, xOf: (week: number) => number, total: number, bottom: number) {
    const chart = this.r.roadmap.timeline;
    const { bandY, bandH, top } = TIMELINE;
    for (const phase of chart.phases) {
      const x1 = xOf(phase.startWeek);
      const full = xOf(phase.endWeek) - x1 - 0.02;
      if (full <= 0) continue;
      const color = PHASE_COLOR[phase.phase];
      this.box(slide, x1, bandY, full, bandH, color.fill);
      this.box(slide, x1, top, full, bottom - top, color.soft);
      const held = holdSpan(phase, xOf, 0.02);
      if (held) {
        this.hatch(slide, held[0], bandY, held[1], bandY + bandH, COLOR.white, 1);
        this.hatch(slide, held[0], top, held[1], bottom, color.hatch, 0.75);
      }
      const w = held && held[0] - x1 > 0.8 ? held[0] - x1 : full;
      if ((textEm(phase.label) * BOLD * TIMELINE.fontSize) / 72 + 0.1 <= w)
        this.text(slide, phase.label, {
          x: x1,
          y: bandY,
          w,
          h: bandH,
          fontSize: TIMELINE.fontSize,
          bold: true,
          color: COLOR.white,
          align: "center",
          valign: "middle",
          margin: 0,
        });
    }
    const step = weekStep(total);
    for (let week = 0; week <= total; week += step) {
      slide.addShape("line", {
        x: xOf(week),
        y: top,
        w: 0,
        h: bottom - top,
        line: { color: hex(COLOR.white), width: 0.75 },
      });
    }
    this.timelineScales(slide, xOf, total, step);
  }

  /**
   * The months (from each one's first day, with the year at the first and at each January; every
   * second or third month when they do not all fit) and the weeks elapsed every `step`, as the PDF
   * counts them.
   */
  private timelineScales(slide: Slide, xOf: (week: number) => number, total: number, step: number) {
    const chart = this.r.roadmap.timeline;
    const { monthY, weekY, scaleH, scaleSize } = TIMELINE;
    const common = messagesFor(this.r.lang).common;
    const right = MARGIN + BODY_W;
    const emW = (text: string) => (textEm(text) * scaleSize) / 72 + 0.06;
    const months = monthTicks(chart.startDate, total);
    const monthW = xOf(52 / 12) - xOf(0);
    const widest = Math.max(0, ...months.map((t) => emW(common.monthTick(t.iso, true))));
    const every = [1, 2, 3, 6].find((n) => n * monthW >= widest) ?? 12;
    let year = "";
    months.forEach((t, i) => {
      if (i % every !== 0) return;
      const x = xOf(t.week);
      const label = common.monthTick(t.iso, t.iso.slice(0, 4) !== year);
      if (x + emW(label) > right) return;
      year = t.iso.slice(0, 4);
      slide.addShape("line", {
        x,
        y: monthY + 0.03,
        w: 0,
        h: scaleH - 0.06,
        line: { color: hex(COLOR.faint), width: 0.75 },
      });
      this.text(slide, label, {
        x: x + 0.04,
        y: monthY,
        w: Math.min(every * monthW, right - x) - 0.04,
        h: scaleH,
        fontSize: scaleSize,
        color: COLOR.muted,
        valign: "middle",
        margin: 0,
      });
    });
    this.text(slide, this.L.weeks, {
      x: MARGIN,
      y: weekY,
      w: TIMELINE.labelW,
      h: scaleH,
      fontSize: scaleSize,
      color: COLOR.muted,
      valign: "middle",
      margin: 0,
    });
    for (let week = step; week <= total; week += step) {
      this.text(slide, String(week), {
        x: xOf(week) - 0.25,
        y: weekY,
        w: 0.5,
        h: scaleH,
        fontSize: scaleSize,
        color: COLOR.muted,
        align: "center",
        valign: "middle",
        margin: 0,
      });
    }
  }

  /**
   * Under the last slide's rows: the legend of the holds under the rows' names (when a phase has
   * one), and a line each for the milestones' diamonds and the horizon's bar, named beside them.
   */
  private timelineFoot(
    slide: Slide,
    marks: readonly TimelineMark[],
    xOf: (week: number) => number,
    bottom: number,
  ) {
    const chart = this.r.roadmap.timeline;
    const y0 = bottom + 0.12;
    const held = chart.phases.find((p) => holdSpan(p, xOf, 0.02) !== null);
    if (held) {
      this.box(slide, MARGIN, y0 + 0.05, 0.32, 0.16, PHASE_COLOR[held.phase].fill);
      this.hatch(slide, MARGIN, y0 + 0.05, MARGIN + 0.32, y0 + 0.21, COLOR.white, 1);
      this.text(slide, chart.holdLabel, {
        x: MARGIN + 0.42,
        y: y0,
        w: TIMELINE.labelW - 0.42,
        h: TIMELINE.markH,
        fontSize: TIMELINE.scaleSize,
        color: COLOR.muted,
        valign: "middle",
        margin: 0,
      });
    }
    marks.forEach((m, i) => {
      const x = xOf(m.week);
      const cy = y0 + (i + 0.5) * TIMELINE.markH;
      const color = { color: hex(m.color) };
      if (m.diamond)
        slide.addShape("diamond", {
          x: x - 0.09,
          y: cy - 0.09,
          w: 0.18,
          h: 0.18,
          fill: color,
          line: color,
        });
      else this.box(slide, x - 0.012, cy - 0.1, 0.024, 0.2, m.color);
      const w = (textEm(m.label) * BOLD * TIMELINE.fontSize) / 72 + 0.1;
      const after = x + 0.15 + w <= MARGIN + BODY_W;
      this.text(slide, m.label, {
        x: after ? x + 0.15 : x - 0.15 - w,
        y: cy - TIMELINE.markH / 2,
        w,
        h: TIMELINE.markH,
        fontSize: TIMELINE.fontSize,
        bold: true,
        color: m.color,
        align: after ? "left" : "right",
        valign: "middle",
        margin: 0,
      });
    });
  }

  /**
   * A timeline slide's notes: on the first, the phase names in plain words; its rows by phase (the
   * phase's dates, each row's weeks, then the phase's hold); on the last, the gate and the
   * reassessment.
   */
  private timelineNotes(bars: Timeline["bars"], first: boolean, last: boolean): string[] {
    const { r, L } = this;
    const m = r.roadmap;
    const byPhase = m.phases.map((phase) => {
      const mine = bars.filter((b) => b.phase === phase.phase);
      if (mine.length === 0) return "";
      const hold = m.timeline.phases.find((p) => p.phase === phase.phase)?.hold;
      return [
        `${phase.name}${this.colon}${phase.startDateText} – ${phase.endDateText}`,
        ...mine.map((b) => `• ${b.label}${this.paren(weekSpan(L, b.startWeek, b.endWeek))}`),
        ...(hold
          ? [`${m.timeline.holdLabel}${this.paren(weekSpan(L, hold.startWeek, hold.endWeek))}`]
          : []),
      ].join("\n");
    });
    return [
      first ? m.gloss : "",
      ...byPhase,
      ...(last ? [m.gate?.sentence ?? "", m.milestone.sentence] : []),
    ];
  }

  /** A filled rectangle, its outline in the same colour. */
  private box(slide: Slide, x: number, y: number, w: number, h: number, color: string): void {
    slide.addShape("rect", {
      x,
      y,
      w,
      h,
      fill: { color: hex(color) },
      line: { color: hex(color) },
    });
  }

  /** Hatches the rectangle from (x1, y1) to (x2, y2) with lines of `color` rising to the right. */
  private hatch(
    slide: Slide,
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    color: string,
    width: number,
  ): void {
    for (const [[ax, ay], [bx, by]] of hatchLines(x1, y1, x2, y2, TIMELINE.hatch)) {
      slide.addShape("line", {
        x: ax,
        y: by,
        w: bx - ax,
        h: ay - by,
        flipV: true,
        line: { color: hex(color), width },
      });
    }
  }

  /**
   * Bullets for at most `max` items, then how many more ("… and 11 more", muted, no bullet): the
   * notes hold the rest.
   */
  private shortList(items: readonly string[], max: number, o: Record<string, unknown>): TextRun[] {
    const runs = this.bullets(items.slice(0, max), o);
    if (items.length <= max) return runs;
    const last = runs.at(-1);
    if (last) last.options = { ...last.options, breakLine: true };
    const more = fillPlaceholders(this.L.morePattern, { count: items.length - max });
    return [...runs, { text: more, options: { ...o, bold: false, color: COLOR.muted } }];
  }

  /**
   * One phase of the roadmap slide: its name, its dates and effort (a line each, so the effort
   * never wraps into the actions), and its first actions with how many more the notes hold. A
   * phase with nothing inside the horizon gives, muted, its goal and what waits for the next
   * cycle instead of standing empty.
   */
  private phaseColumn(
    slide: ReturnType<DeckBase["slide"]>,
    phase: ReportModel["roadmap"]["phases"][number],
    x: number,
    w: number,
  ): void {
    const { r, L } = this;
    const m = r.roadmap;
    const color = PHASE_COLOR[phase.phase];
    const MAX = 7;
    slide.addShape("rect", {
      x,
      y: 1.25,
      w,
      h: 0.55,
      fill: { color: hex(color.fill) },
      line: { color: hex(color.fill) },
    });
    this.text(slide, phase.name, {
      x: x + 0.1,
      y: 1.25,
      w: w - 0.2,
      h: 0.55,
      fontSize: 16,
      bold: true,
      color: COLOR.white,
      valign: "middle",
    });
    slide.addShape("rect", {
      x,
      y: 1.8,
      w,
      h: 4.55,
      fill: { color: hex(color.soft) },
      line: { color: hex(color.soft) },
    });
    const scheduled = phase.actions.length > 0;
    // A phase with no action inside the horizon starts in the next cycle: no dates.
    const when = scheduled
      ? [
          `${phase.startDateText} – ${phase.endDateText}`,
          phase.effort ? `${phase.effort.range} ${L.effortUnit}` : "",
        ]
      : [L.nextCycle];
    this.text(slide, when.filter(Boolean).join("\n"), {
      x: x + 0.1,
      y: 1.85,
      w: w - 0.2,
      h: 0.5,
      fontSize: 11,
      color: COLOR.muted,
    });
    const titles = scheduled
      ? phase.actions.flatMap((id) => m.actions.filter((a) => a.id === id)).map((a) => a.title)
      : m.backlog.items.filter((b) => b.phase === phase.phase).map((b) => b.title);
    // The goal takes the room of two actions.
    const list = this.shortList(titles, scheduled ? MAX : MAX - 2, { paraSpaceAfter: 4 });
    // An empty phase says what it is for, then what waits for it (the board edition has no
    // backlog): never a blank column.
    const goal = { text: phase.goal, options: { breakLine: list.length > 0, paraSpaceAfter: 8 } };
    this.text(slide, scheduled ? list : [goal, ...list], {
      x: x + 0.1,
      y: 2.4,
      w: w - 0.2,
      h: 3.9,
      fontSize: 11,
      ...(scheduled ? {} : { color: COLOR.muted }),
    });
  }

  kpis(): void {
    const { r, L } = this;
    const k = r.kpis;
    const card = k.scorecard;
    const rows = card.map((row) => [row.kpi, row.ownerName, row.baseline, row.target, row.cadence]);
    // As many KPIs as fit the slide at 12 pt with a line for how many more; the notes hold those.
    // The frequency column wide enough for "Interim check and reassessment" in two lines.
    const table = { x: TABLE_X, y: 1.3, w: TABLE_W, colW: [3.4, 1.4, 2.6, 2.8, TABLE_W - 10.2] };
    const header = [L.kpi, L.owner, L.baseline, L.target, L.frequency];
    const shown = rowsThatFit(
      header,
      rows,
      table.colW,
      KPI_TABLE.fontSize,
      KPI_TABLE.bottom - table.y,
      KPI_TABLE.moreH,
    );
    const slide = this.slide(k.title, [
      k.intro,
      ...k.principles,
      ...card.slice(shown).map((row) => `${row.kpi}${this.colon}${row.baseline} → ${row.target}`),
    ]);
    if (card.length === 0) {
      // No KPI table in this edition: the intro and the principles carry the slide.
      this.text(slide, k.intro, {
        x: MARGIN,
        y: 1.3,
        w: BODY_W,
        h: 1,
        fontSize: 15,
        color: COLOR.muted,
      });
      this.text(slide, this.bullets(k.principles, { paraSpaceAfter: 8 }), {
        x: MARGIN,
        y: 2.4,
        w: BODY_W,
        h: 4.4,
        fontSize: 15,
      });
      return;
    }
    // The scorecard the programme is run by; the rest of it goes into the notes.
    this.table(slide, header, rows.slice(0, shown), { ...table, fontSize: KPI_TABLE.fontSize });
    if (shown < card.length) {
      const tableH = tableHeight(header, rows.slice(0, shown), table.colW, KPI_TABLE.fontSize);
      this.noteUnder(
        slide,
        fillPlaceholders(L.morePattern, { count: card.length - shown }),
        table.y + tableH,
        KPI_TABLE.moreH - 0.05,
        KPI_TABLE.fontSize,
      );
    }
  }

  decisions(): void {
    const d = this.r.decisions;
    const m = this.r.roadmap;
    const slide = this.slide(d.title, [
      d.intro,
      ...d.items.map((i) => `${i.title}${this.colon}${i.sentence}`),
      m.milestone.sentence,
      m.cycle,
    ]);
    const half = (BODY_W - 0.4) / 2;
    this.text(slide, d.intro, {
      x: MARGIN,
      y: 1.3,
      w: half,
      h: 0.9,
      fontSize: 13,
      color: COLOR.muted,
    });
    this.text(
      slide,
      d.items.map((item, i) => ({
        text: item.title,
        options: {
          bullet: { type: "number" },
          bold: true,
          breakLine: i < d.items.length - 1,
          paraSpaceAfter: 10,
        },
      })),
      { x: MARGIN, y: 2.3, w: half, h: 4.5, fontSize: 15 },
    );
    const x = MARGIN + half + 0.4;
    this.text(slide, d.nextStepsTitle, {
      x,
      y: 1.3,
      w: half,
      h: 0.5,
      fontSize: 18,
      bold: true,
      color: this.palette.accent,
    });
    const steps = d.nextSteps.map(
      (step) => `${step.title}${this.paren(`${step.ownerName}${this.sep}${step.start}`)}`,
    );
    this.text(slide, this.bullets([...steps, m.milestone.sentence], { paraSpaceAfter: 10 }), {
      x,
      y: 1.9,
      w: half,
      h: 4.9,
      fontSize: 13,
    });
  }
}
