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
import { HOLD_HATCH, PHASE_COLOR } from "../../../src/render/pdf/theme.js";
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
    "%s: reads as one chart: the phase bands in the first picture only, the scale in each",
    (lang) => {
      const timeline = acmeReport({ lang }).roadmap.timeline;
      const [first, ...next] = timelineSvgParts(timeline, labels, undefined, 400);
      if (!first) throw new Error("the fixture has a plan");
      expect(next.length).toBeGreaterThan(0);
      const names = (svg: string) =>
        timeline.phases.filter((p) => textsOf(svg).includes(p.label)).map((p) => p.label);
      expect(textsOf(first.svg)[0]).toBe(timeline.phases[0]?.label);
      for (const part of next) {
        // No band: nothing drawn from the picture's top edge, no phase name; the scale first.
        expect(part.svg).not.toMatch(/<rect [^>]*y="0"/);
        expect(names(part.svg)).toEqual([]);
        expect(textsOf(part.svg)[0]).toBe("Weeks");
      }
      // A picture followed by another ends with its rows' shading, with no margin under it.
      const soft = new Set(Object.values(PHASE_COLOR).map((c) => c.soft));
      const rowsEnd = (svg: string) =>
        Math.max(
          ...[...svg.matchAll(/<rect [^>]*y="([\d.]+)" [^>]*height="([\d.]+)" fill="([^"]+)"/g)]
            .filter((m) => soft.has(m[3] ?? ""))
            .map((m) => Number(m[1]) + Number(m[2])),
        );
      for (const part of [first, ...next].slice(0, -1)) expect(part.height).toBe(rowsEnd(part.svg));
    },
  );

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
      const held = timeline.phases.find((p) => p.hold !== null);
      if (!held) throw new Error("the fixture has a hold");
      const parts = timelineSvgParts(timeline, labels, undefined, 400);
      expect(parts.length).toBeGreaterThan(1);
      // White over the band (the first picture's), the phase's hatch colour over every part's rows.
      expect(hatchings(parts[0]?.svg ?? "")).toContain("#ffffff");
      for (const part of parts)
        expect(hatchings(part.svg)).toContain(PHASE_COLOR[held.phase].hatch);
      expect(parts.map((p) => textsOf(p.svg).includes(timeline.holdLabel))).toEqual(
        parts.map((_, i) => i === parts.length - 1),
      );
      // Deterministic: the same chart, the same pictures.
      expect(timelineSvgParts(timeline, labels, undefined, 400)).toEqual(parts);
    },
  );

  it("draws the hold's hatching plainly but quieter than a bar, as the PDF does", () => {
    // WCAG contrast: the hatching stands out from the rows' shading, less than the band does.
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    for (const color of Object.values(PHASE_COLOR)) {
      expect(contrast(color.hatch, color.soft)).toBeGreaterThanOrEqual(1.6);
      expect(contrast(color.hatch, color.soft)).toBeLessThan(contrast(color.fill, color.soft));
    }
    // Lines of a point at least (thinner ones fade to a tint when a page is shown small), a
    // fifth of the hatched area or more.
    expect(HOLD_HATCH.width).toBeGreaterThanOrEqual(1);
    expect(HOLD_HATCH.width / HOLD_HATCH.step).toBeGreaterThanOrEqual(0.2);
    const timeline = acmeReport({ lang: "en" }).roadmap.timeline;
    const svg = timelineSvgParts(timeline, labels)
      .map((p) => p.svg)
      .join("");
    const widths = [...svg.matchAll(/<path d="M[^"]*" stroke="[^"]+" stroke-width="([\d.]+)"/g)];
    expect(widths.length).toBeGreaterThan(0);
    for (const [, w] of widths)
      expect(Number(w)).toBeGreaterThanOrEqual((HOLD_HATCH.width * 4) / 3);
  });

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
