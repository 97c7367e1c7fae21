import type { GapBarChart, RadarChart, TimelineChart } from "../../views/report/model.js";
import {
  barLayout,
  hatchLines,
  holdSpan,
  keepLastRows,
  linearScale,
  type RadarFrame,
  radarAngle,
  radarRings,
  radarSeries,
  radarSpokes,
  splitTimelineRows,
  timelineWeeks,
  weekStep,
} from "../geometry/charts.js";
import { fmtLevel, fmtScore } from "./text.js";
import { COLOR, HOLD_HATCH, PHASE_COLOR, SIZE } from "./theme.js";
import type { TextStyle, Writer } from "./writer.js";

/** Labels the charts print besides the model's own chart data. */
export interface ChartLabels {
  inconclusive: string;
  current: string;
  target: string;
  gap: string;
  weeks: string;
}

const LABEL: TextStyle = { size: SIZE.caption, color: COLOR.ink };
const FAINT: TextStyle = { size: SIZE.caption - 0.5, color: COLOR.faint };

/**
 * Radar of current vs target: one axis per dimension, a ring per level, each axis labelled with
 * the dimension and its values ("current / target" unless `valueText` says otherwise).
 * Inconclusive axes are left out of the shape. `radius` in points (112 by default).
 */
export function drawRadar(
  w: Writer,
  chart: RadarChart,
  labels: ChartLabels,
  radius = 112,
  valueText: (current: number | null, target: number | null) => string = (cur, tgt) =>
    `${fmtScore(cur, labels.inconclusive)} / ${fmtLevel(tgt, labels.inconclusive)}`,
): void {
  const n = chart.axes.length;
  if (n < 3) return;
  const labelRoom = 34;
  const height = 2 * (radius + labelRoom) + 44;
  w.ensure(height + 24);
  caption(w, chart.title);
  const cx = w.left + w.width / 2;
  const cy = w.y + labelRoom + radius + 4;
  const max = chart.max;
  const frame: RadarFrame = { cx, cy, radius, max, count: n };
  const doc = w.doc;

  doc.save();
  const rings = radarRings(frame, chart.min);
  for (const ring of rings) {
    polygon(w, ring.points);
    doc
      .lineWidth(ring.level === max ? 0.8 : 0.5)
      .strokeColor(ring.level === max ? COLOR.faint : COLOR.grid)
      .stroke();
  }
  for (const [x, y] of radarSpokes(frame)) {
    doc.moveTo(cx, cy).lineTo(x, y).lineWidth(0.5).strokeColor(COLOR.grid).stroke();
  }
  doc.restore();
  for (const ring of rings) {
    const [x, y] = ring.points[0] ?? [cx, cy];
    w.draw(String(ring.level), x + 2, y - 8, 12, FAINT);
  }

  const target = chart.series.find((s) => s.key === "target");
  const current = chart.series.find((s) => s.key === "current");
  const projected = chart.series.find((s) => s.key === "projected");
  if (target) {
    const pts = radarSeries(frame, target.values);
    doc.save();
    polygon(w, pts);
    doc.fillOpacity(0.06).fill(COLOR.target);
    doc.restore();
    doc.save();
    polygon(w, pts);
    doc.dash(3.5, { space: 2.5 }).lineWidth(1.3).strokeColor(COLOR.target).stroke();
    doc.undash();
    doc.restore();
  }
  if (projected) {
    const pts = radarSeries(frame, projected.values);
    doc.save();
    polygon(w, pts);
    doc.lineWidth(1.2).strokeColor(COLOR.projected).stroke();
    doc.restore();
  }
  if (current) {
    const pts = radarSeries(frame, current.values);
    if (pts.length >= 2) {
      doc.save();
      polygon(w, pts);
      doc.fillOpacity(0.16).fill(w.palette.current);
      doc.restore();
      doc.save();
      polygon(w, pts);
      doc.lineWidth(1.6).strokeColor(w.palette.current).stroke();
      doc.restore();
    }
    doc.save();
    for (const [x, y] of pts) doc.circle(x, y, 2.1).fill(w.palette.current);
    doc.restore();
  }

  let labelsBottom = cy + radius;
  chart.axes.forEach((axis, i) => {
    const a = radarAngle(i, n);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const lx = cx + (radius + 9) * cos;
    const ly = cy + (radius + 9) * sin;
    const cur = current?.values[i] ?? null;
    const tgt = target?.values[i] ?? null;
    const value = valueText(cur, tgt);
    const width = 112;
    const style: TextStyle = { ...LABEL, style: "bold", lineGap: 0.5 };
    const h = w.measure(axis.label, width, style) + w.lineHeight(FAINT);
    const align = cos > 0.25 ? "left" : cos < -0.25 ? "right" : "center";
    const x = align === "left" ? lx : align === "right" ? lx - width : lx - width / 2;
    const y = sin < -0.5 ? ly - h : sin > 0.5 ? ly : ly - h / 2;
    const th = w.draw(axis.label, x, y, width, { ...style, align });
    const vh = w.draw(value, x, y + th, width, { ...FAINT, color: COLOR.muted, align });
    labelsBottom = Math.max(labelsBottom, y + th + vh);
  });

  w.y = labelsBottom + 8;
  legend(w, [
    { label: current?.label ?? labels.current, kind: "area", color: w.palette.current },
    ...(projected
      ? [{ label: projected.label, kind: "line" as const, color: COLOR.projected }]
      : []),
    { label: target?.label ?? labels.target, kind: "dash", color: COLOR.target },
  ]);
}

/** Horizontal bars per dimension: current score, the gap up to the target, the target mark. */
export function drawGapBars(w: Writer, chart: GapBarChart, labels: ChartLabels): void {
  if (chart.bars.length === 0) return;
  const labelWidth = 150;
  // Three number columns, widened when an inconclusive mark (a word) has to fit.
  const hasNull = chart.bars.some((b) => b.current === null || b.gap === null);
  const numberStyle: TextStyle = { size: SIZE.small };
  const colMin = hasNull
    ? w.widthOf(labels.inconclusive, { ...numberStyle, style: "bold" }) + 4
    : 0;
  const numbersWidth = 3 * Math.max(36, colMin);
  const barX = w.left + labelWidth + 8;
  const barWidth = w.width - labelWidth - numbersWidth - 20;
  const rowH = 19;
  const max = chart.max;
  const { xOf, numX, colW } = barLayout({ barX, barWidth, numbersWidth, max });
  const headerH = 16;

  w.ensure(headerH + rowH * Math.min(chart.bars.length, 4) + 30);
  caption(w, chart.title);

  const header = (): void => {
    const y = w.y;
    for (let v = 0; v <= max; v++)
      w.draw(String(v), xOf(v) - 6, y + 2, 12, { ...FAINT, align: "center" });
    [labels.current, labels.target, labels.gap].forEach((text, k) => {
      w.drawLine(text, numX + k * colW, y + 2, colW - 2, {
        ...FAINT,
        color: COLOR.muted,
        align: "right",
      });
    });
    w.y = y + headerH;
  };
  header();

  let top = w.y;
  const gridDown = (from: number, to: number): void => {
    w.doc.save();
    for (let v = 0; v <= max; v++) {
      w.doc.moveTo(xOf(v), from).lineTo(xOf(v), to).lineWidth(0.4).strokeColor(COLOR.grid).stroke();
    }
    w.doc.restore();
  };

  chart.bars.forEach((bar, index) => {
    const labelStyle: TextStyle = { ...LABEL, lineGap: 0.3 };
    const lh = w.measure(bar.label, labelWidth, labelStyle);
    const h = Math.max(rowH, lh + 6);
    if (w.y + h > w.bottom) {
      gridDown(top, w.y);
      w.newPage();
      header();
      top = w.y;
    }
    const y = w.y;
    if (index % 2 === 1) {
      w.doc.save();
      w.doc.rect(w.left, y, w.width, h).fill(COLOR.zebra);
      w.doc.restore();
    }
    w.draw(bar.label, w.left, y + (h - lh) / 2, labelWidth, labelStyle);
    const mid = y + h / 2;
    const doc = w.doc;
    doc.save();
    if (bar.current !== null) {
      doc.rect(barX, mid - 4, xOf(bar.current) - barX, 8).fill(w.palette.current);
      if (bar.target > bar.current) {
        doc
          .rect(xOf(bar.current), mid - 4, xOf(bar.target) - xOf(bar.current), 8)
          .fill(COLOR.gapSoft);
        doc
          .rect(xOf(bar.current), mid - 4, xOf(bar.target) - xOf(bar.current), 8)
          .lineWidth(0.5)
          .strokeColor(COLOR.gap)
          .stroke();
      }
    }
    doc
      .moveTo(xOf(bar.target), mid - 7)
      .lineTo(xOf(bar.target), mid + 7)
      .lineWidth(1.6)
      .strokeColor(COLOR.target)
      .stroke();
    doc.restore();
    const numbers = [
      fmtScore(bar.current, labels.inconclusive),
      fmtLevel(bar.target, labels.inconclusive),
      bar.gap === null ? labels.inconclusive : bar.gap.toFixed(2),
    ];
    numbers.forEach((text, k) => {
      w.draw(text, numX + k * colW, mid - 4.5, colW - 2, {
        size: SIZE.small,
        style: k === 2 ? "bold" : "regular",
        color: k === 2 ? COLOR.gap : COLOR.ink,
        align: "right",
      });
    });
    w.y = y + h;
  });
  gridDown(top, w.y);
  w.y += 6;
  legend(w, [
    { label: labels.current, kind: "box", color: w.palette.current },
    { label: labels.gap, kind: "gap", color: COLOR.gap },
    { label: labels.target, kind: "tick", color: COLOR.target },
  ]);
}

/** Where the timeline's weeks fall across the page, and the rows' shared measures. */
interface TimelineGeometry {
  total: number;
  labelWidth: number;
  xOf: (week: number) => number;
  step: number;
}

/**
 * `leadRows`: the rows that must fit under the caption and scale before the chart starts a page;
 * `lastRows`: the rows a continued timeline's last page carries at least.
 */
const TIMELINE = {
  bandH: 15,
  scaleH: 13,
  minRowH: 14,
  labelWidth: 168,
  leadRows: 4,
  lastRows: 4,
} as const;
const BAR_LABEL: TextStyle = { ...LABEL, size: SIZE.caption, lineGap: 0 };

function timelineGeometry(w: Writer, chart: TimelineChart): TimelineGeometry {
  const total = timelineWeeks(chart);
  const x0 = w.left + TIMELINE.labelWidth + 8;
  const span = w.right - x0 - 4;
  return {
    total,
    labelWidth: TIMELINE.labelWidth,
    xOf: linearScale(x0, span, total),
    step: weekStep(total),
  };
}

/** Hatches the rectangle from (x1, y1) to (x2, y2) with lines of `color`. */
function hatch(
  w: Writer,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  color: string,
  width: number,
) {
  const doc = w.doc;
  doc.save();
  for (const [[ax, ay], [bx, by]] of hatchLines(x1, y1, x2, y2, HOLD_HATCH.step))
    doc.moveTo(ax, ay).lineTo(bx, by);
  doc.lineWidth(width).strokeColor(color).stroke();
  doc.restore();
}

/**
 * The phase bands (a hold's weeks hatched, the name centred on the weeks before it when they have
 * room) and the week scale, repeated on every page the timeline covers.
 */
function timelineHeader(w: Writer, chart: TimelineChart, g: TimelineGeometry, weeks: string) {
  const y = w.y;
  for (const phase of chart.phases) {
    const x1 = g.xOf(phase.startWeek);
    const full = g.xOf(phase.endWeek);
    w.doc.save();
    w.doc
      .rect(x1, y, Math.max(0, full - x1 - 1), TIMELINE.bandH)
      .fill(PHASE_COLOR[phase.phase].fill);
    w.doc.restore();
    const held = holdSpan(phase, g.xOf, 1);
    if (held) hatch(w, held[0], y, held[1], y + TIMELINE.bandH, COLOR.white, HOLD_HATCH.bandWidth);
    const x2 = held && held[0] - x1 > 40 ? held[0] : full;
    if (x2 - x1 > 14) {
      w.drawLine(phase.label, x1 + 3, y + 3.5, x2 - x1 - 6, {
        size: SIZE.caption,
        style: "bold",
        color: COLOR.white,
        align: "center",
      });
    }
  }
  const sy = y + TIMELINE.bandH + 2;
  w.drawLine(weeks, w.left, sy + 1, g.labelWidth, { ...FAINT, color: COLOR.muted });
  // Ticks mark elapsed weeks at week boundaries.
  for (let week = g.step; week <= g.total; week += g.step) {
    w.draw(String(week), g.xOf(week) - 15, sy + 1, 30, { ...FAINT, align: "center" });
  }
  w.y = sy + TIMELINE.scaleH;
}

/** Phase shading, week grid, milestone lines and the horizon line behind one page of rows. */
function timelineBackground(
  w: Writer,
  chart: TimelineChart,
  g: TimelineGeometry,
  from: number,
  to: number,
) {
  const doc = w.doc;
  doc.save();
  for (const phase of chart.phases) {
    const x1 = g.xOf(phase.startWeek);
    const x2 = g.xOf(phase.endWeek);
    doc.rect(x1, from, Math.max(0, x2 - x1 - 1), to - from).fill(PHASE_COLOR[phase.phase].soft);
  }
  doc.restore();
  for (const phase of chart.phases) {
    const held = holdSpan(phase, g.xOf, 1);
    if (held)
      hatch(w, held[0], from, held[1], to, PHASE_COLOR[phase.phase].hatch, HOLD_HATCH.width);
  }
  doc.save();
  for (let week = 0; week <= g.total; week += g.step) {
    doc.moveTo(g.xOf(week), from).lineTo(g.xOf(week), to).lineWidth(0.3);
    doc.strokeColor(COLOR.white).stroke();
  }
  doc.restore();
  for (const m of chart.milestones) {
    doc.save();
    doc.moveTo(g.xOf(m.week), from).lineTo(g.xOf(m.week), to).dash(2, { space: 2 });
    doc.lineWidth(0.8).strokeColor(w.palette.accent).stroke();
    doc.undash();
    doc.restore();
  }
  doc.save();
  doc.moveTo(g.xOf(chart.horizonWeek), from).lineTo(g.xOf(chart.horizonWeek), to);
  doc.lineWidth(1.4).strokeColor(COLOR.gap).stroke();
  doc.restore();
}

/**
 * The diamonds and names of the milestones, and the horizon's name, under the last row; beside
 * them, under the rows' names, the legend of the holds when a phase has one.
 */
function timelineMilestones(w: Writer, chart: TimelineChart, g: TimelineGeometry) {
  const marks = [
    ...chart.milestones.map((m) => ({ ...m, color: w.palette.accent, diamond: true })),
    { label: chart.horizonLabel, week: chart.horizonWeek, color: COLOR.gap, diamond: false },
  ];
  const held = chart.phases.find((p) => holdSpan(p, g.xOf, 1) !== null);
  if (held) {
    const y = w.y + 2;
    w.doc.save();
    w.doc.rect(w.left, y, 16, 8).fill(PHASE_COLOR[held.phase].fill);
    w.doc.restore();
    hatch(w, w.left, y, w.left + 16, y + 8, COLOR.white, HOLD_HATCH.bandWidth);
    w.drawLine(chart.holdLabel, w.left + 20, y, g.labelWidth - 20, {
      size: SIZE.caption,
      color: COLOR.muted,
    });
  }
  for (const m of marks) {
    const x = g.xOf(m.week);
    const y = w.y + 6;
    w.doc.save();
    if (m.diamond) w.doc.polygon([x, y - 5], [x + 5, y], [x, y + 5], [x - 5, y]).fill(m.color);
    else w.doc.rect(x - 0.7, y - 5, 1.4, 10).fill(m.color);
    w.doc.restore();
    const style: TextStyle = { size: SIZE.caption, style: "bold", color: m.color };
    const tw = Math.min(w.widthOf(m.label, style) + 2, w.width / 2);
    const lx = x + 8 + tw > w.right ? x - 8 - tw : x + 8;
    w.drawLine(m.label, lx, y - 4, tw, style);
    w.y = y + 10;
  }
}

/**
 * The roadmap as a Gantt-like timeline: a band per phase, a bar per action over its weeks (in the
 * phase's colour) beside its full name, the gate and reassessment as diamonds on dashed lines and
 * the end of the horizon as a solid line. The chart starts under the section's opening and
 * continues on the next page by rows, with the phase bands and the scale repeated.
 */
export function drawTimeline(w: Writer, chart: TimelineChart, labels: ChartLabels): void {
  const g = timelineGeometry(w, chart);
  const rows = chart.bars.map((bar) => ({
    bar,
    h: Math.max(TIMELINE.minRowH, w.measure(bar.label, g.labelWidth, BAR_LABEL) + 4),
  }));
  const milestoneRoom = 12 * (chart.milestones.length + 1) + 10;
  const headerH = TIMELINE.bandH + TIMELINE.scaleH + 2;
  // The chart starts under what precedes it and continues on the next page by rows: it needs
  // room for its caption, the scale and a few rows (all of them, with the milestones, when short).
  const leadRows = rows.slice(0, TIMELINE.leadRows).reduce((sum, r) => sum + r.h, 0);
  const lastRoom = rows.length <= TIMELINE.leadRows ? milestoneRoom : 0;
  w.ensure(30 + headerH + leadRows + lastRoom);
  caption(w, chart.title);
  timelineHeader(w, chart, g, labels.weeks);
  const heights = rows.map((r) => r.h);
  const pageRoom = w.bottom - w.top - headerH;
  // A continued timeline's last page carries a few rows, not one or two under the scale.
  const parts = keepLastRows(
    splitTimelineRows(heights, w.bottom - w.y, pageRoom, milestoneRoom),
    heights,
    TIMELINE.lastRows,
    pageRoom,
    milestoneRoom,
  );
  parts.forEach(([from, to], k) => {
    if (k > 0) {
      w.newPage();
      timelineHeader(w, chart, g, labels.weeks);
    }
    // Rows are drawn over their page's background.
    const top = w.y;
    const bottom = top + rows.slice(from, to).reduce((sum, r) => sum + r.h, 0);
    timelineBackground(w, chart, g, top, bottom);
    for (const { bar, h } of rows.slice(from, to)) {
      const y = w.y;
      w.draw(bar.label, w.left, y + 2, g.labelWidth, BAR_LABEL);
      const x1 = g.xOf(bar.startWeek);
      const x2 = Math.max(g.xOf(bar.endWeek), x1 + 2);
      w.doc.save();
      w.doc
        .roundedRect(x1 + 0.5, y + h / 2 - 4, x2 - x1 - 1, 8, 2)
        .fill(PHASE_COLOR[bar.phase].fill);
      w.doc.restore();
      w.y = y + h;
    }
  });
  timelineMilestones(w, chart, g);
  w.y += 8;
}

function polygon(w: Writer, points: readonly [number, number][]): void {
  const [firstPoint, ...rest] = points;
  if (!firstPoint) return;
  w.doc.moveTo(firstPoint[0], firstPoint[1]);
  for (const [x, y] of rest) w.doc.lineTo(x, y);
  w.doc.closePath();
}

function caption(w: Writer, title: string): void {
  const style: TextStyle = { size: SIZE.small + 0.5, style: "bold", color: COLOR.muted };
  const h = w.draw(title, w.left, w.y, w.width, style);
  w.y += h + 8;
}

interface LegendItem {
  label: string;
  kind: "area" | "dash" | "line" | "box" | "gap" | "tick";
  color: string;
}

function legend(w: Writer, items: readonly LegendItem[]): void {
  const style: TextStyle = { size: SIZE.caption, color: COLOR.muted };
  const widths = items.map((item) => w.widthOf(item.label, style) + 22);
  const totalWidth = widths.reduce((a, b) => a + b, 0) + 14 * (items.length - 1);
  let x = w.left + (w.width - totalWidth) / 2;
  const y = w.y;
  const doc = w.doc;
  items.forEach((item, i) => {
    doc.save();
    if (item.kind === "area") {
      doc
        .rect(x, y + 1.5, 14, 7)
        .fillOpacity(0.25)
        .fill(item.color);
      doc.restore();
      doc.save();
      doc
        .rect(x, y + 1.5, 14, 7)
        .lineWidth(1.2)
        .strokeColor(item.color)
        .stroke();
    } else if (item.kind === "dash") {
      doc
        .moveTo(x, y + 5)
        .lineTo(x + 14, y + 5)
        .dash(3, { space: 2 })
        .lineWidth(1.3)
        .strokeColor(item.color)
        .stroke();
      doc.undash();
    } else if (item.kind === "line") {
      doc
        .moveTo(x, y + 5)
        .lineTo(x + 14, y + 5)
        .lineWidth(1.2)
        .strokeColor(item.color)
        .stroke();
    } else if (item.kind === "box") {
      doc.rect(x, y + 1.5, 14, 7).fill(item.color);
    } else if (item.kind === "gap") {
      doc.rect(x, y + 1.5, 14, 7).fill(COLOR.gapSoft);
      doc
        .rect(x, y + 1.5, 14, 7)
        .lineWidth(0.5)
        .strokeColor(item.color)
        .stroke();
    } else {
      doc
        .moveTo(x + 7, y - 1)
        .lineTo(x + 7, y + 11)
        .lineWidth(1.6)
        .strokeColor(item.color)
        .stroke();
    }
    doc.restore();
    w.drawLine(item.label, x + 19, y + 1, (widths[i] ?? 0) - 19, style);
    x += (widths[i] ?? 0) + 14;
  });
  w.y = y + 18;
}
