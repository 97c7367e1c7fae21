import { displayWidth, truncateToWidth } from "../../core/text/width.js";
import { wrapToWidth } from "../../core/text/wrap.js";
import { escapeXml } from "../../core/text/xml.js";
import type { GapBarChart, RadarChart, TimelineChart } from "../../views/report/model.js";
import {
  balanceTimelineRows,
  barLayout,
  hatchLines,
  holdSpan,
  linearScale,
  type RadarFrame,
  radarAngle,
  radarRings,
  radarSeries,
  radarSpokes,
  timelineWeeks,
  weekStep,
} from "../geometry/charts.js";
import { fmtLevel, fmtScore } from "../pdf/text.js";
import { COLOR, HOLD_HATCH, type Palette, PHASE_COLOR } from "../pdf/theme.js";

/**
 * The report's charts as standalone SVG images (for formats that embed pictures: DOCX). They
 * draw what the PDF charts of src/render/pdf/charts.ts draw, in the same palette, as one picture
 * each, but for the timeline, which is cut by rows into pictures of a given height. Every text is XML-escaped: client text never becomes markup.
 */

/** A text of a chart: where it stands, what it says and how it looks. */
export interface SvgText {
  x: number;
  y: number;
  content: string;
  size: number;
  anchor: "start" | "middle" | "end";
  color: string;
  bold: boolean;
}

/** A piece of a chart: SVG markup, or a text the caller draws (as `<text>` or as outlines). */
export type SvgPart = string | SvgText;

/** An SVG picture and the size it is meant to be shown at, in CSS pixels (96 per inch). */
export interface SvgChart {
  /** The picture with its texts as SVG `<text>` (what the document embeds). */
  svg: string;
  width: number;
  height: number;
  /** The picture's pieces, for drawing its texts another way (`composeSvg`). */
  parts: readonly SvgPart[];
}

/** Labels the charts print besides the model's own chart data. */
export interface SvgChartLabels {
  inconclusive: string;
  current: string;
  target: string;
  gap: string;
  weeks: string;
}

const FONT = "Arial, 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
/** Every chart picture is this many pixels wide (the document scales it to its text width). */
export const WIDTH = 640;

const n = (v: number): string => String(Math.round(v * 10) / 10);

function text(
  x: number,
  y: number,
  content: string,
  opts: { size?: number; anchor?: "start" | "middle" | "end"; color?: string; bold?: boolean } = {},
): SvgText {
  return {
    x,
    y,
    content,
    size: opts.size ?? 11,
    anchor: opts.anchor ?? "start",
    color: opts.color ?? COLOR.ink,
    bold: opts.bold ?? false,
  };
}

/** A chart text as SVG `<text>`, in the picture's font list. */
function textElement(t: SvgText): string {
  const attrs = [`x="${n(t.x)}"`, `y="${n(t.y)}"`, `font-size="${t.size}"`, `fill="${t.color}"`];
  if (t.anchor !== "start") attrs.push(`text-anchor="${t.anchor}"`);
  if (t.bold) attrs.push(`font-weight="bold"`);
  return `<text ${attrs.join(" ")}>${escapeXml(t.content)}</text>`;
}

/** Fits text into about `px` pixels at `size`, ending with … when cut (a width estimate). */
function fitText(content: string, px: number, size: number): string {
  const columns = columnsFor(px, size);
  return displayWidth(content) <= columns ? content : truncateToWidth(content, columns);
}

/** Columns of a label at `size` px that fit `px`: about 0.55 em a column. */
function columnsFor(px: number, size: number): number {
  return Math.max(2, Math.floor(px / (size * 0.55)));
}

/** How `composeSvg` draws a chart's texts, and what it adds at the end (definitions they use). */
export interface TextDrawer {
  text(t: SvgText): string;
  defs?(): string;
}

/**
 * The chart as one SVG document, its texts drawn by `drawer`: `<text>` elements by default; the
 * PNG fallback draws them as glyph outlines instead (src/render/charts/png.ts).
 */
export function composeSvg(
  chart: Pick<SvgChart, "width" | "height" | "parts">,
  drawer: TextDrawer = { text: textElement },
): string {
  const { width, height } = chart;
  const body = chart.parts.map((p) => (typeof p === "string" ? p : drawer.text(p)));
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    `<rect width="${width}" height="${height}" fill="${COLOR.white}"/>`,
    ...body,
    ...(drawer.defs ? [drawer.defs()] : []),
    "</svg>",
  ].join("\n");
  return `${svg}\n`;
}

function wrap(width: number, height: number, parts: SvgPart[]): SvgChart {
  return { svg: composeSvg({ width, height, parts }), width, height, parts };
}

type LegendKind = "area" | "dash" | "dot" | "box" | "gap" | "tick";

function legend(y: number, items: { label: string; kind: LegendKind; color: string }[]): SvgPart[] {
  const out: SvgPart[] = [];
  const widths = items.map((i) => 26 + displayWidth(i.label) * 6);
  let x = (WIDTH - widths.reduce((a, b) => a + b + 14, -14)) / 2;
  items.forEach((item, k) => {
    const mid = y - 4;
    if (item.kind === "dash" || item.kind === "dot")
      out.push(
        `<line x1="${n(x)}" y1="${n(mid)}" x2="${n(x + 18)}" y2="${n(mid)}" stroke="${item.color}" stroke-width="2" stroke-dasharray="${item.kind === "dash" ? "4 3" : "2 3"}"/>`,
      );
    else if (item.kind === "tick")
      out.push(
        `<line x1="${n(x + 9)}" y1="${n(mid - 6)}" x2="${n(x + 9)}" y2="${n(mid + 6)}" stroke="${item.color}" stroke-width="2"/>`,
      );
    else if (item.kind === "gap")
      out.push(
        `<rect x="${n(x)}" y="${n(mid - 5)}" width="18" height="10" fill="${COLOR.gapSoft}" stroke="${item.color}"/>`,
      );
    else
      out.push(
        `<rect x="${n(x)}" y="${n(mid - 5)}" width="18" height="10" fill="${item.color}"${item.kind === "area" ? ' fill-opacity="0.5"' : ""}/>`,
      );
    out.push(text(x + 24, y, item.label, { size: 11, color: COLOR.muted }));
    x += (widths[k] ?? 0) + 14;
  });
  return out;
}

/** Radar of current vs target, one axis per dimension, a ring per level. Null if under 3 axes. */
export function radarSvg(
  chart: RadarChart,
  labels: SvgChartLabels,
  /** The figures under each axis label; "current / target" by default. */
  valueText: (current: number | null, target: number | null) => string = (cur, tgt) =>
    `${fmtScore(cur, labels.inconclusive)} / ${fmtLevel(tgt, labels.inconclusive)}`,
  /** The document's palette: the neutral one unless a brand sets its own. */
  palette: Palette = COLOR,
): SvgChart | null {
  const count = chart.axes.length;
  if (count < 3) return null;
  const radius = 150;
  const cx = WIDTH / 2;
  const cy = radius + 62;
  const height = cy + radius + 92;
  const max = chart.max;
  const frame: RadarFrame = { cx, cy, radius, max, count };
  const poly = (pts: [number, number][]): string =>
    pts.map(([x, y]) => `${n(x)},${n(y)}`).join(" ");
  const body: SvgPart[] = [];
  for (const ring of radarRings(frame, chart.min)) {
    body.push(
      `<polygon points="${poly(ring.points)}" fill="none" stroke="${ring.level === max ? COLOR.faint : COLOR.grid}" stroke-width="1"/>`,
    );
    const [x, y] = ring.points[0] ?? [cx, cy];
    body.push(text(x + 3, y - 2, String(ring.level), { size: 9, color: COLOR.faint }));
  }
  for (const [x, y] of radarSpokes(frame)) {
    body.push(
      `<line x1="${n(cx)}" y1="${n(cy)}" x2="${n(x)}" y2="${n(y)}" stroke="${COLOR.grid}" stroke-width="1"/>`,
    );
  }
  const target = chart.series.find((s) => s.key === "target");
  const current = chart.series.find((s) => s.key === "current");
  const projected = chart.series.find((s) => s.key === "projected");
  if (target) {
    const pts = radarSeries(frame, target.values);
    body.push(
      `<polygon points="${poly(pts)}" fill="${COLOR.target}" fill-opacity="0.06" stroke="${COLOR.target}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  }
  if (projected) {
    const pts = radarSeries(frame, projected.values);
    body.push(
      `<polygon points="${poly(pts)}" fill="none" stroke="${COLOR.projected}" stroke-width="1.8" stroke-dasharray="2 3"/>`,
    );
  }
  if (current) {
    const pts = radarSeries(frame, current.values);
    if (pts.length >= 2)
      body.push(
        `<polygon points="${poly(pts)}" fill="${palette.current}" fill-opacity="0.16" stroke="${palette.current}" stroke-width="2.4"/>`,
      );
    for (const [x, y] of pts)
      body.push(`<circle cx="${n(x)}" cy="${n(y)}" r="3.2" fill="${palette.current}"/>`);
  }
  chart.axes.forEach((axis, i) => {
    const a = radarAngle(i, count);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const lx = cx + (radius + 12) * cos;
    const ly = cy + (radius + 12) * sin;
    const anchor = cos > 0.25 ? "start" : cos < -0.25 ? "end" : "middle";
    const room = anchor === "middle" ? 220 : cx - radius - 24;
    // A long dimension name wraps (up to three lines) rather than being cut; a label above the
    // chart grows upwards, away from the rings.
    const lines = wrapToWidth(axis.label, columnsFor(room, 11), 3);
    const extra = 13 * (lines.length - 1);
    const top = sin < -0.5 ? ly - 18 - extra : sin > 0.5 ? ly + 10 : ly - 4 - extra / 2;
    const cur = current?.values[i] ?? null;
    const tgt = target?.values[i] ?? null;
    lines.forEach((line, k) => {
      body.push(text(lx, top + 13 * k, line, { size: 11, anchor, bold: true }));
    });
    body.push(
      text(lx, top + extra + 14, valueText(cur, tgt), { size: 10, anchor, color: COLOR.muted }),
    );
  });
  body.push(
    ...legend(height - 16, [
      { label: current?.label ?? labels.current, kind: "area", color: palette.current },
      ...(projected
        ? [{ label: projected.label, kind: "dot" as const, color: COLOR.projected }]
        : []),
      { label: target?.label ?? labels.target, kind: "dash", color: COLOR.target },
    ]),
  );
  return wrap(WIDTH, height, body);
}

/** Horizontal bars per dimension: the current score, the gap up to the target, the target mark. */
export function gapBarsSvg(
  chart: GapBarChart,
  labels: SvgChartLabels,
  palette: Palette = COLOR,
): SvgChart | null {
  if (chart.bars.length === 0) return null;
  const labelWidth = 190;
  const numbersWidth = 3 * Math.max(48, displayWidth(labels.inconclusive) * 6 + 8);
  const barX = labelWidth + 16;
  const barWidth = WIDTH - barX - numbersWidth - 20;
  const rowH = 26;
  const top = 28;
  const max = chart.max;
  const { xOf, numX, colW } = barLayout({ barX, barWidth, numbersWidth, max });
  const height = top + rowH * chart.bars.length + 46;
  const body: SvgPart[] = [];
  chart.bars.forEach((_, index) => {
    if (index % 2 === 1)
      body.push(
        `<rect x="0" y="${top + index * rowH}" width="${WIDTH}" height="${rowH}" fill="${COLOR.zebra}"/>`,
      );
  });
  for (let v = 0; v <= max; v++) {
    body.push(
      `<line x1="${n(xOf(v))}" y1="${top}" x2="${n(xOf(v))}" y2="${top + rowH * chart.bars.length}" stroke="${COLOR.grid}" stroke-width="1"/>`,
    );
    body.push(text(xOf(v), top - 8, String(v), { size: 9, anchor: "middle", color: COLOR.faint }));
  }
  [labels.current, labels.target, labels.gap].forEach((label, k) => {
    body.push(
      text(numX + (k + 1) * colW - 4, top - 8, label, {
        size: 9,
        anchor: "end",
        color: COLOR.muted,
      }),
    );
  });
  chart.bars.forEach((bar, index) => {
    const mid = top + index * rowH + rowH / 2;
    // A long name takes two lines (centred on the bar) rather than being cut.
    const lines = wrapToWidth(bar.label, columnsFor(labelWidth - 8, 11), 2);
    lines.forEach((line, k) => {
      body.push(text(8, mid + 4 + (k - (lines.length - 1) / 2) * 12, line, { size: 11 }));
    });
    if (bar.current !== null) {
      body.push(
        `<rect x="${n(barX)}" y="${n(mid - 6)}" width="${n(xOf(bar.current) - barX)}" height="12" fill="${palette.current}"/>`,
      );
      if (bar.target > bar.current)
        body.push(
          `<rect x="${n(xOf(bar.current))}" y="${n(mid - 6)}" width="${n(xOf(bar.target) - xOf(bar.current))}" height="12" fill="${COLOR.gapSoft}" stroke="${COLOR.gap}" stroke-width="0.8"/>`,
        );
    }
    body.push(
      `<line x1="${n(xOf(bar.target))}" y1="${n(mid - 10)}" x2="${n(xOf(bar.target))}" y2="${n(mid + 10)}" stroke="${COLOR.target}" stroke-width="2.4"/>`,
    );
    const numbers = [
      fmtScore(bar.current, labels.inconclusive),
      fmtLevel(bar.target, labels.inconclusive),
      bar.gap === null ? labels.inconclusive : bar.gap.toFixed(2),
    ];
    numbers.forEach((value, k) => {
      body.push(
        text(numX + (k + 1) * colW - 4, mid + 4, value, {
          size: 11,
          anchor: "end",
          bold: k === 2,
          color: k === 2 ? COLOR.gap : COLOR.ink,
        }),
      );
    });
  });
  body.push(
    ...legend(height - 12, [
      { label: labels.current, kind: "box", color: palette.current },
      { label: labels.gap, kind: "gap", color: COLOR.gap },
      { label: labels.target, kind: "tick", color: COLOR.target },
    ]),
  );
  return wrap(WIDTH, height, body);
}

/** Timeline rows: a label of up to three lines beside each bar, as in the PDF. */
const TIMELINE_ROW = { minH: 17, lineH: 11, lines: 3, labelWidth: 240 } as const;
/** The timeline's phase bands and week scale, over its first part: the rows start below. */
const TIMELINE_HEAD = { bandH: 20, scaleY: 36, top: 44 } as const;
/**
 * A continuation part's head: the week scale alone, as a table repeats its header row (a part may
 * start a page); the phase bands are the first part's alone, so the parts read as one chart.
 */
const TIMELINE_NEXT_HEAD = { bandH: 0, scaleY: 12, top: 18 } as const;

/**
 * The roadmap as a Gantt-like timeline: phase bands, a bar per action beside its full name
 * (wrapped, never cut), the gate and reassessment as diamonds on dashed lines and the end of the
 * horizon as a solid line, each named under the rows. Split by rows into pictures of at most
 * `maxHeight` pixels (as the PDF splits it across pages), as few as fit with the rows spread
 * evenly across them (balanceTimelineRows): the first with the phase bands and the scale, each
 * further one with the scale alone (TIMELINE_NEXT_HEAD), its rows' shading running on below the
 * picture before; the milestones' names come under the last. None when there is no action.
 */
export function timelineSvgParts(
  chart: TimelineChart,
  labels: SvgChartLabels,
  palette: Palette = COLOR,
  maxHeight = Number.POSITIVE_INFINITY,
): SvgChart[] {
  if (chart.bars.length === 0) return [];
  const total = timelineWeeks(chart);
  const x0 = TIMELINE_ROW.labelWidth + 12;
  const xOf = linearScale(x0, WIDTH - x0 - 10, total);
  const rows = chart.bars.map((bar) => {
    const lines = wrapToWidth(
      bar.label,
      columnsFor(TIMELINE_ROW.labelWidth, 10),
      TIMELINE_ROW.lines,
    );
    return { bar, lines, h: Math.max(TIMELINE_ROW.minH, lines.length * TIMELINE_ROW.lineH + 6) };
  });
  const marks = [
    ...chart.milestones.map((m) => ({
      label: m.label,
      week: m.week,
      color: palette.accent,
      diamond: true,
    })),
    { label: chart.horizonLabel, week: chart.horizonWeek, color: COLOR.gap, diamond: false },
  ];
  const tail = 10 + 16 * marks.length;
  const room = maxHeight - TIMELINE_HEAD.top - 4;
  // As many pictures as the rows need, the rows spread evenly across them.
  const parts = balanceTimelineRows(
    rows.map((r) => r.h),
    room,
    tail,
  );
  return parts.map(([from, to], k) => {
    const part = rows.slice(from, to);
    const head = k === 0 ? TIMELINE_HEAD : TIMELINE_NEXT_HEAD;
    const rowsBottom = head.top + part.reduce((sum, r) => sum + r.h, 0);
    const last = k === parts.length - 1;
    const body = timelineHead(chart, labels, xOf, total, head, rowsBottom);
    let y = head.top;
    for (const { bar, lines, h } of part) {
      lines.forEach((line, i) => {
        body.push(text(0, y + 13 + i * TIMELINE_ROW.lineH, line, { size: 10 }));
      });
      const x1 = xOf(bar.startWeek);
      const x2 = Math.max(xOf(bar.endWeek), x1 + 3);
      body.push(
        `<rect x="${n(x1 + 0.5)}" y="${n(y + h / 2 - 5)}" width="${n(x2 - x1 - 1)}" height="10" rx="2" fill="${PHASE_COLOR[bar.phase].fill}"/>`,
      );
      y += h;
    }
    if (last) body.push(...holdLegend(chart, xOf, rowsBottom + 14));
    marks.forEach((m, i) => {
      const x = xOf(m.week);
      const dash = m.diamond ? ` stroke-dasharray="3 3"` : "";
      body.push(
        `<line x1="${n(x)}" y1="${head.top}" x2="${n(x)}" y2="${rowsBottom + (last ? 6 : 0)}" stroke="${m.color}" stroke-width="${m.diamond ? 1.2 : 1.6}"${dash}/>`,
      );
      if (last) body.push(...timelineMark(m, xOf(m.week), rowsBottom + 14 + 16 * i));
    });
    // A part before another ends with its rows: the next, right under it, goes on from its scale.
    return wrap(WIDTH, last ? rowsBottom + tail : rowsBottom, body);
  });
}

/** The hold's hatching (HOLD_HATCH) in pixels: CSS pixels per point. */
const PX = 4 / 3;

/** Lines hatching the rectangle from (x1, y1) to (x2, y2), in `color`. */
function hatch(x1: number, y1: number, x2: number, y2: number, color: string, width: number) {
  const d = hatchLines(x1, y1, x2, y2, HOLD_HATCH.step * PX)
    .map(([[ax, ay], [bx, by]]) => `M${n(ax)} ${n(ay)}L${n(bx)} ${n(by)}`)
    .join("");
  return d === "" ? [] : [`<path d="${d}" stroke="${color}" stroke-width="${width}" fill="none"/>`];
}

/** The legend of the holds under the rows' names (centred on the first milestone's line), when a phase has one. */
function holdLegend(chart: TimelineChart, xOf: (week: number) => number, y: number): SvgPart[] {
  const held = chart.phases.find((p) => holdSpan(p, xOf, 1) !== null);
  if (!held) return [];
  return [
    `<rect x="0" y="${y - 5}" width="20" height="10" fill="${PHASE_COLOR[held.phase].fill}"/>`,
    ...hatch(0, y - 5, 20, y + 5, COLOR.white, HOLD_HATCH.bandWidth * PX),
    text(26, y + 4, chart.holdLabel, { size: 10, color: COLOR.muted }),
  ];
}

/**
 * A part's phase bands (a hold's weeks hatched, the name centred on the weeks before it when they
 * have room) when its `head` has them, week scale and the phases' shading from under the scale
 * down to `rowsBottom`, hatched over the holds.
 */
function timelineHead(
  chart: TimelineChart,
  labels: SvgChartLabels,
  xOf: (week: number) => number,
  total: number,
  head: { bandH: number; scaleY: number; top: number },
  rowsBottom: number,
): SvgPart[] {
  const { bandH, scaleY, top } = head;
  const body: SvgPart[] = [];
  for (const phase of chart.phases) {
    const x1 = xOf(phase.startWeek);
    const x2 = xOf(phase.endWeek);
    const full = Math.max(0, x2 - x1 - 1);
    const color = PHASE_COLOR[phase.phase];
    if (bandH > 0)
      body.push(
        `<rect x="${n(x1)}" y="0" width="${n(full)}" height="${bandH}" fill="${color.fill}"/>`,
      );
    body.push(
      `<rect x="${n(x1)}" y="${top}" width="${n(full)}" height="${rowsBottom - top}" fill="${color.soft}"/>`,
    );
    const held = holdSpan(phase, xOf, 1);
    if (held) {
      body.push(...hatch(held[0], 0, held[1], bandH, COLOR.white, HOLD_HATCH.bandWidth * PX));
      body.push(...hatch(held[0], top, held[1], rowsBottom, color.hatch, HOLD_HATCH.width * PX));
    }
    const w = held && held[0] - x1 > 50 ? held[0] - x1 : full;
    if (bandH > 0 && w > 24)
      body.push(
        text(x1 + w / 2, 14, fitText(phase.label, w - 6, 10), {
          size: 10,
          anchor: "middle",
          color: COLOR.white,
          bold: true,
        }),
      );
  }
  body.push(text(0, scaleY, labels.weeks, { size: 9, color: COLOR.muted }));
  const step = weekStep(total);
  for (let week = step; week <= total; week += step)
    body.push(
      text(xOf(week), scaleY, String(week), { size: 9, anchor: "middle", color: COLOR.faint }),
    );
  return body;
}

/** A milestone's diamond (the horizon's bar) at `x` and its name beside it, at height `y`. */
function timelineMark(
  m: { label: string; color: string; diamond: boolean },
  x: number,
  y: number,
): SvgPart[] {
  const anchor = x > WIDTH - 160 ? "end" : "start";
  return [
    m.diamond
      ? `<polygon points="${n(x)},${y - 6} ${n(x + 6)},${y} ${n(x)},${y + 6} ${n(x - 6)},${y}" fill="${m.color}"/>`
      : `<rect x="${n(x - 0.8)}" y="${y - 6}" width="1.6" height="12" fill="${m.color}"/>`,
    text(anchor === "end" ? x - 10 : x + 10, y + 4, m.label, {
      size: 10,
      anchor,
      color: m.color,
      bold: true,
    }),
  ];
}
