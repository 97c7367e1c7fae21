import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { radarChart } from "../../../src/render/report/markdown.js";
import { buildReport } from "../../../src/views/report/build.js";
import { strongestAndWeakest } from "../../../src/views/report/sections/dimensions.js";
import { ACME, ACME_ANSWERS, loadInputs, standardPack } from "../../helpers/report.js";

function acmeWith(edit: (results: ReturnType<typeof loadInputs>["results"]) => void) {
  const inputs = loadInputs(ACME, ACME_ANSWERS);
  edit(inputs.results);
  return buildReport(inputs.results, standardPack());
}

describe("the maturity profile", () => {
  it("leaves an inconclusive dimension off the radar instead of drawing it at 0", () => {
    const report = acmeWith((r) => {
      const culture = r.dimensions.find((d) => d.id === "culture");
      if (!culture) throw new Error("fixture has culture");
      Object.assign(culture, { score: null, level: null, levelName: null, gap: null });
    });
    const { radar } = report.profile;
    expect(radar.axes.map((a) => a.id)).not.toContain("culture");
    for (const s of radar.series) {
      expect(s.values).toHaveLength(radar.axes.length);
      expect(s.values.every((v) => v !== null && v > 0)).toBe(true);
    }
    expect(radarChart(report)).not.toMatch(/[{ ,]0[,}]/);
  });

  it("draws where the roadmap should bring each dimension by the reassessment, between today and the target", () => {
    const report = acmeWith(() => {});
    const series = Object.fromEntries(report.profile.radar.series.map((s) => [s.key, s.values]));
    expect(Object.keys(series)).toEqual(["current", "projected", "target"]);
    series.projected?.forEach((v, i) => {
      const current = series.current?.[i] ?? 0;
      const target = series.target?.[i] ?? 0;
      expect(v).toBeGreaterThanOrEqual(Math.min(current, target));
      expect(v).toBeLessThanOrEqual(Math.max(current, target));
    });
    expect(series.projected?.some((v, i) => v !== series.current?.[i])).toBe(true);
    expect(report.profile.intro).toContain("by the reassessment");
  });

  it("has no radar, and does not mention one, with fewer than three scored dimensions", () => {
    const report = acmeWith((r) => {
      for (const d of r.dimensions.slice(2)) {
        Object.assign(d, { score: null, level: null, levelName: null, gap: null });
      }
    });
    expect(report.profile.radar.axes).toHaveLength(2);
    expect(radarChart(report)).toBe("");
    expect(report.profile.intro).not.toMatch(/radar/i);
  });
});

describe("strongest and weakest questions", () => {
  const brief = (id: string, score: number | null) => ({
    id,
    text: id,
    score,
    spread: 0,
    answered: 1,
    disagreement: false,
    critical: false,
    reversed: false,
  });

  it("never lists a question, or a tie, on both sides", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom(1, 1.5, 2, 2.5, 3, 4, 5), { nil: null }), {
          maxLength: 9,
        }),
        (scores) => {
          const { strongest, weakest } = strongestAndWeakest(
            scores.map((s, i) => brief(`q${i}`, s)),
          );
          expect(strongest.length).toBeLessThanOrEqual(3);
          expect(weakest.length).toBeLessThanOrEqual(3);
          const ids = new Set(strongest.map((b) => b.id));
          for (const w of weakest) expect(ids.has(w.id)).toBe(false);
          for (const s of strongest)
            for (const w of weakest) expect(s.score).toBeGreaterThan(w.score ?? 0);
        },
      ),
    );
  });

  it("keeps both lists empty when every question scores the same", () => {
    const same = ["a", "b", "c", "d"].map((id) => brief(id, 3));
    expect(strongestAndWeakest(same)).toEqual({ strongest: [], weakest: [] });
    const split = strongestAndWeakest([brief("a", 1), brief("b", 4), brief("c", 2), brief("d", 5)]);
    expect(split.strongest.map((b) => b.id)).toEqual(["d", "b"]);
    expect(split.weakest.map((b) => b.id)).toEqual(["a", "c"]);
  });
});
