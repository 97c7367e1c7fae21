import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  balanceTimelineRows,
  barLayout,
  hatchLines,
  holdSpan,
  keepLastRows,
  linearScale,
  monthTicks,
  type RadarFrame,
  radarPoint,
  radarRings,
  radarSeries,
  radarSpokes,
  splitTimelineRows,
  timelineWeeks,
  weekStep,
} from "../../../src/render/geometry/charts.js";

const frame: RadarFrame = { cx: 100, cy: 200, radius: 50, max: 5, count: 4 };

describe("radar geometry", () => {
  it("puts the first axis straight up and runs clockwise", () => {
    const [x0, y0] = radarPoint(frame, 0, 5);
    expect(x0).toBeCloseTo(100, 9);
    expect(y0).toBeCloseTo(150, 9);
    const [x1, y1] = radarPoint(frame, 1, 5);
    expect(x1).toBeCloseTo(150, 9);
    expect(y1).toBeCloseTo(200, 9);
  });

  it("clamps values to 0…max and scales linearly along the axis", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (count, v) => {
          const f = { ...frame, count };
          for (let i = 0; i < count; i++) {
            const [x, y] = radarPoint(f, i, v);
            const r = Math.hypot(x - f.cx, y - f.cy);
            expect(r).toBeCloseTo((Math.max(0, Math.min(v, f.max)) / f.max) * f.radius, 9);
          }
        },
      ),
    );
  });

  it("draws a ring per whole level from 1 (or the minimum) to the rim, a spoke per axis", () => {
    expect(radarRings(frame, 0).map((r) => r.level)).toEqual([1, 2, 3, 4, 5]);
    expect(radarRings(frame, 2.5).map((r) => r.level)).toEqual([3, 4, 5]);
    expect(radarRings(frame, 0).every((r) => r.points.length === 4)).toBe(true);
    expect(radarSpokes(frame)).toEqual(radarRings(frame, 0).at(-1)?.points);
  });

  it("leaves inconclusive values out of a series", () => {
    expect(radarSeries(frame, [5, null, 5, null])).toEqual([
      radarPoint(frame, 0, 5),
      radarPoint(frame, 2, 5),
    ]);
  });
});

describe("scales", () => {
  it("maps 0…max onto the span, clamping outside values", () => {
    const x = linearScale(10, 100, 5);
    expect([x(-1), x(0), x(2.5), x(5), x(9)]).toEqual([10, 10, 60, 110, 110]);
    const bars = barLayout({ barX: 10, barWidth: 100, numbersWidth: 90, max: 5 });
    expect(bars.xOf(5)).toBe(110);
    expect(bars.numX).toBe(124);
    expect(bars.colW).toBe(30);
  });

  it("keeps the week scale to at most 12 ticks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (total) => {
        expect(total / weekStep(total)).toBeLessThanOrEqual(12);
      }),
    );
    expect(weekStep(12)).toBe(1);
    expect(weekStep(52)).toBe(8);
  });
});

describe("timeline row split", () => {
  it("fills each part while the rows fit, keeps room under the last row, never leaves a part empty", () => {
    expect(splitTimelineRows([10, 10, 10, 10, 10], 25, 30, 0)).toEqual([
      [0, 2],
      [2, 5],
    ]);
    // The last row needs the tail: it moves to a part of its own.
    expect(splitTimelineRows([10, 10, 10], 100, 100, 75)).toEqual([
      [0, 2],
      [2, 3],
    ]);
    // A row taller than a part still gets one.
    expect(splitTimelineRows([50, 10], 20, 20, 0)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(splitTimelineRows([], 100, 100, 10)).toEqual([]);
  });

  it("keeps every row once, in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (heights, first, next) => {
          const parts = splitTimelineRows(heights, first, next, 20);
          const flat = parts.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i));
          expect(flat).toEqual(heights.map((_, i) => i));
          for (const [a, b] of parts) expect(b).toBeGreaterThan(a);
        },
      ),
    );
  });
});

describe("timelineWeeks", () => {
  it("spans the plan, the horizon's end and every milestone's week, at least one", () => {
    expect(timelineWeeks({ totalWeeks: 40, horizonWeek: 52, milestones: [] })).toBe(52);
    expect(timelineWeeks({ totalWeeks: 60, horizonWeek: 52, milestones: [{ week: 20 }] })).toBe(60);
    // A milestone in the last week needs that week on the scale.
    expect(timelineWeeks({ totalWeeks: 10, horizonWeek: 8, milestones: [{ week: 12 }] })).toBe(13);
    expect(timelineWeeks({ totalWeeks: 0, horizonWeek: 0, milestones: [] })).toBe(1);
  });
});

describe("a phase's hold across a timeline", () => {
  const xOf = linearScale(100, 520, 52);
  it("runs from the hold's first week to its end, a gap short of the phase's end", () => {
    const phase = { endWeek: 30, hold: { startWeek: 26, endWeek: 30 } };
    expect(holdSpan(phase, xOf, 1)).toEqual([xOf(26), xOf(30) - 1]);
    expect(holdSpan(phase, xOf, 0.02)).toEqual([xOf(26), xOf(30) - 0.02]);
  });
  it("stops at the phase's end when the hold runs past it (beyond the horizon)", () => {
    const phase = { endWeek: 28, hold: { startWeek: 26, endWeek: 30 } };
    expect(holdSpan(phase, xOf, 1)).toEqual([xOf(26), xOf(28) - 1]);
  });
  it("is null without a hold, or when the gap leaves nothing of it", () => {
    expect(holdSpan({ endWeek: 30, hold: null }, xOf, 1)).toBeNull();
    const sliver = { endWeek: 30, hold: { startWeek: 30, endWeek: 30 } };
    expect(holdSpan(sliver, xOf, 1)).toBeNull();
  });
});

describe("hold hatching", () => {
  it("draws rising lines cut to the rectangle, on a grid anchored at the origin", () => {
    expect(hatchLines(0, 0, 10, 4, 4)).toEqual([
      [
        [0, 4],
        [4, 0],
      ],
      [
        [4, 4],
        [8, 0],
      ],
      [
        [8, 4],
        [10, 2],
      ],
    ]);
    // The line through the corner (c = 0) is a point, not a line: left out.
    expect(hatchLines(0, 0, 2, 2, 10)).toEqual([]);
    expect(hatchLines(5, 0, 5, 10, 2)).toEqual([]);
    expect(hatchLines(0, 0, 10, 10, 0)).toEqual([]);
  });

  it("keeps every line inside the rectangle, rising at 45 degrees, one a step apart", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 12 }),
        (x, y, w, h, step) => {
          const lines = hatchLines(x, y, x + w, y + h, step);
          for (const [[ax, ay], [bx, by]] of lines) {
            for (const [px, py] of [
              [ax, ay],
              [bx, by],
            ] as const) {
              expect(px).toBeGreaterThanOrEqual(x);
              expect(px).toBeLessThanOrEqual(x + w);
              expect(py).toBeGreaterThanOrEqual(y);
              expect(py).toBeLessThanOrEqual(y + h);
            }
            expect(bx).toBeGreaterThan(ax);
            expect(ax + ay).toBeCloseTo(bx + by, 9);
            expect((((ax + ay) % step) + step) % step).toBeCloseTo(0, 9);
          }
          // Every line of the grid that crosses the inside is drawn.
          const crossing = Math.ceil((x + y + w + h) / step) - Math.floor((x + y) / step) - 1;
          expect(lines).toHaveLength(crossing);
        },
      ),
    );
  });
});

describe("timeline rows spread across Word's pictures", () => {
  it("keeps the number of parts and spreads the rows evenly instead of filling in order", () => {
    // Filled in order, five rows of 10 in parts of 40 leave one row for the last part.
    expect(splitTimelineRows([10, 10, 10, 10, 10], 40, 40, 0)).toEqual([
      [0, 4],
      [4, 5],
    ]);
    expect(balanceTimelineRows([10, 10, 10, 10, 10], 40, 0)).toEqual([
      [0, 3],
      [3, 5],
    ]);
    // The last part also holds the tail: it gets fewer rows.
    expect(balanceTimelineRows([10, 10, 10, 10, 10, 10], 50, 20)).toEqual([
      [0, 4],
      [4, 6],
    ]);
    expect(balanceTimelineRows([10, 10], 100, 10)).toEqual([[0, 2]]);
    expect(balanceTimelineRows([], 100, 10)).toEqual([]);
  });

  it("needs no more parts than filling in order, none taller than the room, the tallest no taller", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }),
        fc.integer({ min: 60, max: 200 }),
        fc.integer({ min: 0, max: 40 }),
        (heights, room, tail) => {
          const greedy = splitTimelineRows(heights, room, room, tail);
          const parts = balanceTimelineRows(heights, room, tail);
          expect(parts).toHaveLength(greedy.length);
          const flat = parts.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i));
          expect(flat).toEqual(heights.map((_, i) => i));
          const tallest = (ps: [number, number][]) =>
            Math.max(
              0,
              ...ps.map(
                ([a, b]) =>
                  heights.slice(a, b).reduce((x, y) => x + y, 0) +
                  (b === heights.length ? tail : 0),
              ),
            );
          expect(tallest(parts)).toBeLessThanOrEqual(tallest(greedy));
          for (const [a, b] of parts) {
            expect(b).toBeGreaterThan(a);
            if (b - a > 1) {
              const h = heights.slice(a, b).reduce((x, y) => x + y, 0);
              expect(h + (b === heights.length ? tail : 0)).toBeLessThanOrEqual(room);
            }
          }
        },
      ),
    );
  });
});

describe("the PDF timeline's last page", () => {
  it("carries at least the rows asked, taken from the page before while it keeps one", () => {
    const heights = [10, 10, 10, 10, 10, 10, 10];
    // Filled in order, the last page holds one row.
    const parts = splitTimelineRows(heights, 60, 100, 0);
    expect(parts).toEqual([
      [0, 6],
      [6, 7],
    ]);
    expect(keepLastRows(parts, heights, 4, 100, 0)).toEqual([
      [0, 3],
      [3, 7],
    ]);
    // Not beyond the room the last page has for the rows and the tail.
    expect(keepLastRows(parts, heights, 4, 35, 5)).toEqual([
      [0, 4],
      [4, 7],
    ]);
    // The page before keeps a row.
    expect(
      keepLastRows(
        [
          [0, 2],
          [2, 3],
        ],
        [10, 10, 10],
        4,
        100,
        0,
      ),
    ).toEqual([
      [0, 1],
      [1, 3],
    ]);
    expect(keepLastRows([[0, 3]], [10, 10, 10], 4, 100, 0)).toEqual([[0, 3]]);
    expect(keepLastRows([], [], 4, 100, 0)).toEqual([]);
  });

  it("keeps every row once, in order, and moves rows only between the last two pages", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 60, max: 200 }),
        fc.integer({ min: 0, max: 40 }),
        (heights, first, next, tail) => {
          const split = splitTimelineRows(heights, first, next, tail);
          const parts = keepLastRows(split, heights, 4, next, tail);
          const flat = parts.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i));
          expect(flat).toEqual(heights.map((_, i) => i));
          for (const [a, b] of parts) expect(b).toBeGreaterThan(a);
          expect(parts.slice(0, -2)).toEqual(split.slice(0, -2));
        },
      ),
    );
  });
});

describe("monthTicks", () => {
  it("puts each month's first day on the week scale, up to the last week", () => {
    // 16 March 2026: 1 April is 16 days on, 1 May 46.
    const ticks = monthTicks("2026-03-16", 12);
    expect(ticks.map((t) => t.iso)).toEqual(["2026-04-01", "2026-05-01", "2026-06-01"]);
    expect(ticks[0]?.week).toBeCloseTo(16 / 7, 10);
    expect(ticks[1]?.week).toBeCloseTo(46 / 7, 10);
    // Across a year's end, and none before the first month's start.
    expect(monthTicks("2026-11-30", 10).map((t) => t.iso)).toEqual([
      "2026-12-01",
      "2027-01-01",
      "2027-02-01",
    ]);
    expect(monthTicks("2026-03-16", 2)).toEqual([]);
  });
});
