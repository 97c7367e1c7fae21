import { describe, expect, it } from "vitest";
import { displayWidth } from "../../../src/core/text/width.js";
import {
  gapBarsSvg,
  radarSvg,
  type SvgChartLabels,
  timelineSvgParts,
  WIDTH,
} from "../../../src/render/charts/svg.js";
import { chartPartHeight } from "../../../src/render/docx/blocks.js";
import { acmeReport } from "../../helpers/report.js";

const labels: SvgChartLabels = {
  current: "Current",
  target: "Target",
  gap: "Gap",
  weeks: "Weeks",
  inconclusive: "inconclusive",
};

/** The text lines of an SVG, in document order. */
const textsOf = (svg: string) =>
  [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? "").replace(/&amp;/g, "&").replace(/&apos;/g, "'"),
  );

describe("the timeline chart of Word (SVG)", () => {
  it.each(["en", "zh-CN"] as const)(
    "%s: names every action in full, wrapped rather than cut, and marks the end of the horizon",
    (lang) => {
      const timeline = acmeReport({ lang }).roadmap.timeline;
      const [chart, ...more] = timelineSvgParts(timeline, labels);
      if (!chart) throw new Error("the fixture has a plan");
      expect(more).toEqual([]);
      const texts = textsOf(chart.svg);
      expect(texts.join(" ")).not.toContain("…");
      const all = texts.join("").replace(/\s+/g, "");
      for (const bar of timeline.bars) expect(all).toContain(bar.label.replace(/\s+/g, ""));
      // At least one long name needs more than one line.
      expect(timeline.bars.some((b) => displayWidth(b.label) > 40)).toBe(true);
      expect(texts).toContain(timeline.horizonLabel);
    },
  );
  it.each(["en", "zh-CN"] as const)(
    "%s: splits by rows into pictures no taller than asked, each with the scale, names under the last",
    (lang) => {
      const timeline = acmeReport({ lang }).roadmap.timeline;
      const parts = timelineSvgParts(timeline, labels, undefined, 400);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) {
        expect(part.height).toBeLessThanOrEqual(400);
        expect(textsOf(part.svg)[0]).toBe(timeline.phases[0]?.label);
        expect(textsOf(part.svg)).toContain("Weeks");
      }
      const all = parts
        .map((p) => textsOf(p.svg).join(""))
        .join("")
        .replace(/\s+/g, "");
      for (const bar of timeline.bars) expect(all).toContain(bar.label.replace(/\s+/g, ""));
      expect(parts.map((p) => textsOf(p.svg).includes(timeline.horizonLabel))).toEqual(
        parts.map((_, i) => i === parts.length - 1),
      );
    },
  );
});

describe("Word's timeline pictures (SVG)", () => {
  it.each(["en", "zh-CN"] as const)(
    "%s: spreads the rows evenly over as few half-page pictures as fit",
    (lang) => {
      const timeline = acmeReport({ lang }).roadmap.timeline;
      const maxHeight = chartPartHeight(WIDTH);
      const parts = timelineSvgParts(timeline, labels, undefined, maxHeight);
      const rowsOf = (svg: string) => (svg.match(/<rect [^>]*height="10" rx="2"/g) ?? []).length;
      const rows = parts.map((p) => rowsOf(p.svg));
      expect(rows.reduce((a, b) => a + b, 0)).toBe(timeline.bars.length);
      for (const part of parts) expect(part.height).toBeLessThanOrEqual(maxHeight);
      // Two pictures would not hold every row and the milestones.
      expect(parts.length).toBeGreaterThan(1);
      // No picture is left with a few rows: the pictures' heights (the last's with the
      // milestones' names, so it may hold fewer rows) differ by less than a row of three lines.
      const heights = parts.map((p) => p.height);
      expect(Math.max(...heights) - Math.min(...heights), heights.join(", ")).toBeLessThan(39);
      expect(Math.min(...rows)).toBeGreaterThan(3);
    },
  );
});

describe("the hold in Word's timeline (SVG)", () => {
  /** The hatching's lines: paths drawn in white (the band) or in a phase's hatch colour (rows). */
  const hatchings = (svg: string) =>
    [...svg.matchAll(/<path d="M[^"]*" stroke="([^"]+)"/g)].map((m) => m[1]);

  it.each(["en", "zh-CN"] as const)(
    "%s: hatches the hold's weeks in every picture and names it under the last",
    (lang) => {
      const timeline = acmeReport({ lang }).roadmap.timeline;
      expect(timeline.phases.some((p) => p.hold !== null)).toBe(true);
      const parts = timelineSvgParts(timeline, labels, undefined, 400);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(hatchings(part.svg)).toContain("#ffffff");
      expect(parts.map((p) => textsOf(p.svg).includes(timeline.holdLabel))).toEqual(
        parts.map((_, i) => i === parts.length - 1),
      );
      // Deterministic: the same chart, the same pictures.
      expect(timelineSvgParts(timeline, labels, undefined, 400)).toEqual(parts);
    },
  );

  it("draws neither hatching nor legend for a plan without a hold", () => {
    const timeline = acmeReport({ lang: "en" }).roadmap.timeline;
    const unheld = { ...timeline, phases: timeline.phases.map((p) => ({ ...p, hold: null })) };
    for (const part of timelineSvgParts(unheld, labels, undefined, 400)) {
      expect(hatchings(part.svg)).toEqual([]);
      expect(textsOf(part.svg)).not.toContain(timeline.holdLabel);
    }
  });
});

describe("the gap bars of Word (SVG)", () => {
  it.each(["en", "zh-CN"] as const)(
    "%s: names every dimension in full, on up to two lines",
    (lang) => {
      const chart = acmeReport({ lang }).profile.gapBars;
      const svg = gapBarsSvg(chart, labels);
      if (!svg) throw new Error("the fixture has nine dimensions");
      const texts = textsOf(svg.svg);
      expect(texts.join(" ")).not.toContain("…");
      const all = texts.join("").replace(/\s+/g, "");
      for (const bar of chart.bars) expect(all).toContain(bar.label.replace(/\s+/g, ""));
    },
  );
});

describe("the radar chart of Word (SVG)", () => {
  it.each(["en", "zh-CN"] as const)("%s: names every dimension in full", (lang) => {
    const radar = acmeReport({ lang }).profile.radar;
    const chart = radarSvg(radar, labels);
    if (!chart) throw new Error("the fixture has nine dimensions");
    const texts = textsOf(chart.svg);
    expect(texts.join(" ")).not.toContain("…");
    const all = texts.join("").replace(/\s+/g, "");
    for (const axis of radar.axes) expect(all).toContain(axis.label.replace(/\s+/g, ""));
    // Every label stays inside the picture.
    for (const m of chart.svg.matchAll(/<text x="[^"]+" y="([^"]+)"/g))
      expect(Number(m[1])).toBeGreaterThan(8);
  });
});
