import { describe, expect, it } from "vitest";
import { breakdowns, partition, summarizeCounts } from "../../src/batch/statistics.js";
import { ScoreStore } from "../../src/batch/store.js";

describe("statistics", () => {
  it("matches Excel QUARTILE.INC and STDEV.S on a known sample", () => {
    // Excel: =QUARTILE.INC({1,2,2,3,4.5,5},1) = 2, median 2.5, Q3 = 4.125, STDEV.S = 1.5626…
    const values = Float64Array.from([1, 2, 3, 4.5, 5]);
    const counts = Float64Array.from([1, 2, 1, 1, 1]);
    const s = summarizeCounts(values, counts, [0, 1, 3, 1, 0, 1]);
    expect(s).toEqual({
      n: 6,
      mean: 2.92,
      sd: 1.56,
      min: 1,
      q1: 2,
      median: 2.5,
      q3: 4.13,
      max: 5,
      levels: { "1": 1, "2": 3, "3": 1, "4": 0, "5": 1 },
    });
    const empty = summarizeCounts([], undefined, []);
    expect(empty.n).toBe(0);
    expect(empty.mean).toBeNull();
    expect(summarizeCounts([3], undefined, [0, 0, 0, 1]).sd).toBeNull();
  });

  it("is exact whether a measure is stored as value ids or raw (many distinct values)", () => {
    const n = 70_000; // more distinct overall scores than ids allow: that column goes raw
    const store = new ScoreStore(1, 1);
    const dims = new Float64Array(1);
    const levels = new Uint8Array(1);
    const expected: number[] = [];
    for (let i = 0; i < n; i++) {
      const overall = 1 + (i % 65_537) / 16_384.25;
      dims[0] = i % 7 === 0 ? Number.NaN : 1 + (i % 5);
      levels[0] = Number.isNaN(dims[0]) ? 0 : (dims[0] as number);
      store.push(overall, Math.floor(overall), dims, levels, i % 3, [i % 2]);
      expected.push(overall);
    }
    expect(store.columns[0]?.isRaw).toBe(true);
    expect(store.columns[1]?.isRaw).toBe(false);
    const [all] = breakdowns(store, ["d"]);
    const sorted = expected.sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      return (
        Math.round(
          ((sorted[lo] as number) +
            (h - lo) * ((sorted[lo + 1] as number) - (sorted[lo] as number))) *
            100,
        ) / 100
      );
    };
    expect(all?.overall.n).toBe(n);
    expect(all?.overall.median).toBe(q(0.5));
    expect(all?.overall.q1).toBe(q(0.25));
    expect(all?.dimensions.d?.n).toBe(n - Math.ceil(n / 7));
    const byRole = breakdowns(
      store,
      ["d"],
      partition(store.size, 3, (r) => store.role(r)),
    );
    expect(byRole.map((b) => b.respondents)).toEqual([23_334, 23_333, 23_333]);
    expect(byRole.reduce((a, b) => a + (b.dimensions.d?.n ?? 0), 0)).toBe(all?.dimensions.d?.n);
  });
});
