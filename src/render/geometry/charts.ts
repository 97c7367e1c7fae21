/**
 * The geometry the PDF charts (src/render/pdf/charts.ts) and the SVG charts of Word
 * (src/render/charts/svg.ts) share: where a radar's axes, rings and series points lie, and how a
 * bar or timeline scale maps values to positions. Pure arithmetic: each renderer chooses its
 * frame (points or pixels) and draws; the same frame gives the same coordinates in both.
 */

export type Point = [number, number];

/** A radar's frame: its centre, outer radius, the value at the rim and the number of axes. */
export interface RadarFrame {
  cx: number;
  cy: number;
  radius: number;
  max: number;
  count: number;
}

/** The angle of axis `i` of `count`, the first pointing up, clockwise. */
export function radarAngle(i: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / count;
}

/** Where `value` lies on axis `i`: values are clamped to 0…max. */
export function radarPoint(f: RadarFrame, i: number, value: number): Point {
  const r = (Math.max(0, Math.min(value, f.max)) / f.max) * f.radius;
  return [f.cx + r * Math.cos(radarAngle(i, f.count)), f.cy + r * Math.sin(radarAngle(i, f.count))];
}

/** The first ring drawn: level 1, or the chart's minimum when that is higher. */
export function firstRing(min: number): number {
  return Math.max(1, Math.ceil(min));
}

/** Each whole level's ring from {@link firstRing} to the rim, as the polygon through the axes. */
export function radarRings(f: RadarFrame, min: number): { level: number; points: Point[] }[] {
  const rings: { level: number; points: Point[] }[] = [];
  for (let level = firstRing(min); level <= f.max; level++) {
    rings.push({
      level,
      points: Array.from({ length: f.count }, (_, i) => radarPoint(f, i, level)),
    });
  }
  return rings;
}

/** The axes' outer ends (a spoke runs from the centre to each). */
export function radarSpokes(f: RadarFrame): Point[] {
  return Array.from({ length: f.count }, (_, i) => radarPoint(f, i, f.max));
}

/** A series' polygon: the points of its conclusive values (null values are left out). */
export function radarSeries(f: RadarFrame, values: readonly (number | null)[]): Point[] {
  return values.flatMap((v, i) => (v === null ? [] : [radarPoint(f, i, v)]));
}

/** A linear scale from 0…max onto x0…x0 + span; values outside are clamped. */
export function linearScale(x0: number, span: number, max: number): (v: number) => number {
  return (v) => x0 + (Math.max(0, Math.min(v, max)) / max) * span;
}

/**
 * The gap bars' horizontal layout: the bar area from `barX` over `barWidth`, then three number
 * columns (current, target, gap) of `numbersWidth` together, 14 units after the bars.
 */
export function barLayout(o: {
  barX: number;
  barWidth: number;
  numbersWidth: number;
  max: number;
}): {
  xOf: (v: number) => number;
  numX: number;
  colW: number;
} {
  return {
    xOf: linearScale(o.barX, o.barWidth, o.max),
    numX: o.barX + o.barWidth + 14,
    colW: o.numbersWidth / 3,
  };
}

/** The week scale's step: the first of 1, 2, 4, 8, 13, 26, 52 weeks giving at most 12 ticks. */
export function weekStep(total: number): number {
  return [1, 2, 4, 8, 13, 26, 52].find((s) => total / s <= 12) ?? Math.ceil(total / 12);
}

/**
 * A timeline's rows split into parts, each a page's or a picture's share (the PDF continues on
 * the next page, Word shows one picture a part): rows go into the first part while their heights
 * fit in `first`, then into further parts of `next` each; the last row also needs `tail` below it
 * (the milestones' names). Every part holds at least one row. Each part as [start, end) indexes.
 */
export function splitTimelineRows(
  heights: readonly number[],
  first: number,
  next: number,
  tail: number,
): [number, number][] {
  const parts: [number, number][] = [];
  let start = 0;
  let used = 0;
  let room = first;
  heights.forEach((h, i) => {
    const need = h + (i === heights.length - 1 ? tail : 0);
    if (i > start && used + need > room) {
      parts.push([start, i]);
      start = i;
      used = 0;
      room = next;
    }
    used += h;
  });
  if (heights.length > 0) parts.push([start, heights.length]);
  return parts;
}

/** A line from one point to another. */
export type Segment = [Point, Point];

/**
 * Diagonal hatching (rising to the right, y growing downwards) over the rectangle from (x1, y1)
 * to (x2, y2): one line every `step` units along the axes, each cut to the rectangle. The lines
 * sit on a grid anchored at the origin (x + y a multiple of `step`), so hatchings of adjoining
 * rectangles (a phase's band and its rows) line up.
 */
export function hatchLines(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  step: number,
): Segment[] {
  const lines: Segment[] = [];
  if (x2 <= x1 || y2 <= y1 || step <= 0) return lines;
  for (let c = Math.ceil((x1 + y1) / step) * step; c < x2 + y2; c += step) {
    const from = Math.max(x1, c - y2);
    const to = Math.min(x2, c - y1);
    if (to > from)
      lines.push([
        [from, c - from],
        [to, c - to],
      ]);
  }
  return lines;
}

/**
 * The timeline's rows split into as many parts as {@link splitTimelineRows} needs with `room` for
 * each (Word's pictures, all of one height), but with the rows spread evenly: the tallest part
 * (the last with its `tail`) as short as it can be, so that the last picture is not left with a
 * row or two. Each part as [start, end) indexes.
 */
export function balanceTimelineRows(
  heights: readonly number[],
  room: number,
  tail: number,
): [number, number][] {
  const greedy = splitTimelineRows(heights, room, room, tail);
  if (greedy.length <= 1) return greedy;
  // Every height a part can have, lowest first: the first that still needs no more parts wins.
  const caps = new Set<number>();
  for (let a = 0; a < heights.length; a++) {
    let sum = 0;
    for (let b = a; b < heights.length; b++) {
      sum += heights[b] ?? 0;
      const need = sum + (b === heights.length - 1 ? tail : 0);
      if (need <= room) caps.add(need);
    }
  }
  for (const cap of [...caps].sort((x, y) => x - y)) {
    const parts = splitTimelineRows(heights, cap, cap, tail);
    if (parts.length <= greedy.length) return parts;
  }
  return greedy;
}

/**
 * The PDF's widow rule for the timeline: a continued timeline's last page carries at least `min`
 * rows (fewer only when there are not that many), taken from the end of the page before while it
 * keeps one and the last page still has `room` for them and the `tail`; the page before ends a
 * little early instead of leaving a row or two on a page of their own.
 */
export function keepLastRows(
  parts: readonly [number, number][],
  heights: readonly number[],
  min: number,
  room: number,
  tail: number,
): [number, number][] {
  const out = parts.map(([a, b]): [number, number] => [a, b]);
  const last = out.at(-1);
  const before = out.at(-2);
  if (!last || !before) return out;
  const used = () => heights.slice(last[0], last[1]).reduce((x, y) => x + y, 0) + tail;
  while (
    last[1] - last[0] < min &&
    before[1] - before[0] > 1 &&
    used() + (heights[last[0] - 1] ?? 0) <= room
  ) {
    last[0]--;
    before[1]--;
  }
  return out;
}

/**
 * The weeks a timeline's scale spans: its plan, the horizon's end and every milestone's week (at
 * least one).
 */
export function timelineWeeks(chart: {
  totalWeeks: number;
  horizonWeek: number;
  milestones: readonly { week: number }[];
}): number {
  return Math.max(
    1,
    chart.totalWeeks,
    chart.horizonWeek,
    ...chart.milestones.map((m) => m.week + 1),
  );
}

/** A month's first day on a week scale: its date and where it falls, in weeks from the start. */
export interface MonthTick {
  iso: string;
  week: number;
}

/**
 * The first day of each month after `startIso` up to `totalWeeks` weeks from it, on the week
 * scale (a fraction of a week where a month starts mid-week): the months of a timeline's axis.
 */
export function monthTicks(startIso: string, totalWeeks: number): MonthTick[] {
  const [y = 0, m = 1, d = 1] = startIso.split("-").map(Number);
  const start = Date.UTC(y, m - 1, d);
  const ticks: MonthTick[] = [];
  for (let k = 1; ; k++) {
    const first = Date.UTC(y, m - 1 + k, 1);
    const week = (first - start) / (7 * 86_400_000);
    if (week > totalWeeks) return ticks;
    ticks.push({ iso: new Date(first).toISOString().slice(0, 10), week });
  }
}

/**
 * Where a phase's hold lies across a timeline, from x to x, ending `gap` short of the phase's end
 * so that the band's edge shows (1 point or pixel, 0.02 in on a slide); null without a hold or
 * when nothing of it is left.
 */
export function holdSpan(
  phase: { endWeek: number; hold: { startWeek: number; endWeek: number } | null },
  xOf: (week: number) => number,
  gap: number,
): [number, number] | null {
  if (!phase.hold) return null;
  const x1 = xOf(phase.hold.startWeek);
  const x2 = Math.min(xOf(phase.hold.endWeek), xOf(phase.endWeek)) - gap;
  return x2 > x1 ? [x1, x2] : null;
}
