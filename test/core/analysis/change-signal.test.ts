import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  changeSignal,
  NOISE_BAND_FLOOR,
  NOISE_BAND_WITHOUT_AGREEMENT,
  scoreVariance,
} from "../../../src/core/analysis/comparison.js";

const rwg = fc.double({ min: 0, max: 1, noNaN: true });
const items = fc.integer({ min: 1, max: 20 });
const respondents = fc.integer({ min: 2, max: 500 });
const delta = fc.double({ min: -4, max: 4, noNaN: true });

describe("scoreVariance", () => {
  it("is unknown without an agreement figure or with one respondent", () => {
    expect(scoreVariance(null, 4, 10)).toBeNull();
    expect(scoreVariance(undefined, 4, 10)).toBeNull();
    expect(scoreVariance(0.8, 0, 10)).toBeNull();
    expect(scoreVariance(0.8, 4, 1)).toBeNull();
  });

  it("inverts rwg(j): full agreement is no variance, none is the uniform null over n", () => {
    expect(scoreVariance(1, 5, 8)).toBe(0);
    expect(scoreVariance(0, 5, 8)).toBeCloseTo(2 / 8, 12);
    // rwg(j) of one item with s̄² = 1 (ratio 0.5) is 0.5: the inverse gives s̄² back.
    expect(scoreVariance(0.5, 1, 1 + 1)).toBeCloseTo(1 / 2, 12);
    // J = 4 items, s̄² = 1: rwg = 4·0.5 / (4·0.5 + 0.5) = 0.8.
    expect(scoreVariance(0.8, 4, 4)).toBeCloseTo(1 / 4, 12);
  });

  it("falls as agreement or respondents rise, and stays within [0, 2/n]", () => {
    fc.assert(
      fc.property(rwg, rwg, items, respondents, (a, b, j, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const vLo = scoreVariance(lo, j, n) ?? Number.NaN;
        const vHi = scoreVariance(hi, j, n) ?? Number.NaN;
        expect(vHi).toBeLessThanOrEqual(vLo + 1e-12);
        expect(vLo).toBeLessThanOrEqual(2 / n + 1e-12);
        expect(vHi).toBeGreaterThanOrEqual(0);
        expect(scoreVariance(lo, j, n + 1) ?? 0).toBeLessThanOrEqual(vLo + 1e-12);
      }),
    );
  });
});

describe("changeSignal", () => {
  it("calls a change real exactly when it reaches the band, never below the floor", () => {
    fc.assert(
      fc.property(delta, fc.option(rwg), fc.option(rwg), items, respondents, (d, rb, rf, j, n) => {
        const change = Math.round(d * 100) / 100;
        const s = changeSignal(change, scoreVariance(rb, j, n), scoreVariance(rf, j, n));
        const band = s.band ?? Number.NaN;
        expect(band).toBeGreaterThanOrEqual(NOISE_BAND_FLOOR);
        if (s.basis === "no-agreement") expect(band).toBe(NOISE_BAND_WITHOUT_AGREEMENT);
        const real = Math.abs(change) >= band - 1e-9;
        expect(s.signal).toBe(real ? (change > 0 ? "gain" : "loss") : "within-noise");
      }),
    );
  });

  it("is symmetric: a decline is as real as the same gain", () => {
    fc.assert(
      fc.property(delta, rwg, rwg, items, respondents, (d, rb, rf, j, n) => {
        const vb = scoreVariance(rb, j, n);
        const vf = scoreVariance(rf, j, n);
        const up = changeSignal(Math.abs(d), vb, vf);
        const down = changeSignal(-Math.abs(d), vb, vf);
        expect(up.band).toBe(down.band);
        expect(up.signal === "within-noise").toBe(down.signal === "within-noise");
      }),
    );
  });

  it("examples: agreeing panels resolve small changes; one respondent needs half a level", () => {
    // Thirty respondents agreeing well (rwg 0.95 over 4 items) on each side: s̄² ≈ 0.348.
    const v = scoreVariance(0.95, 4, 30);
    expect(changeSignal(0.3, v, v)).toEqual({ band: 0.3, basis: "agreement", signal: "gain" });
    expect(changeSignal(-0.29, v, v).signal).toBe("within-noise");
    expect(changeSignal(0.4, null, v)).toEqual({
      band: 0.5,
      basis: "no-agreement",
      signal: "within-noise",
    });
    expect(changeSignal(null, v, v).signal).toBe("inconclusive");
    // Five respondents who barely agree: 0.5 is not enough.
    const weak = scoreVariance(0.2, 3, 5);
    expect(changeSignal(0.5, weak, weak).signal).toBe("within-noise");
  });
});
