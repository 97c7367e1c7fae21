import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpillDir } from "../../src/batch/spill.js";
import { StatisticsCollector, type StatisticsLimits } from "../../src/batch/statistics.js";
import { floorLevel } from "../../src/core/math/numbers.js";
import type { Breakdown } from "../../src/core/models/statistics.js";
import { tmp } from "./helpers.js";
import { summarizeCounts } from "./reference-statistics.js";

/** One respondent: a score per measure (NaN = inconclusive) with levels, role, group values. */
interface Row {
  values: number[];
  levels: number[];
  role: number;
  groups: number[];
}

/** Feeds rows to a collector with the given limits; returns its breakdowns and the spill folder. */
function collect(
  rows: Row[],
  measures: number,
  roles: number,
  groupColumns: number,
  limits: Partial<StatisticsLimits>,
) {
  const folder = tmp();
  const spill = new SpillDir(folder);
  const c = new StatisticsCollector(measures, roles, groupColumns, spill, limits);
  const values = new Float64Array(measures);
  const levels = new Uint8Array(measures);
  for (const r of rows) {
    values.set(r.values);
    levels.set(r.levels);
    c.add(values, levels, r.role, r.groups);
  }
  const dims = Array.from({ length: measures - 1 }, (_, d) => `d${d}`);
  const out = c.finish(dims);
  const spilled = spill.files.length > 0;
  spill.dispose();
  expect(readdirSync(folder)).toEqual([]);
  return { ...out, spilled };
}

/** The same breakdown the old store-everything code computed: sort every score, summarise. */
function reference(rows: Row[], measures: number): Breakdown {
  const summary = (m: number) => {
    const present = rows.filter((r) => !Number.isNaN(r.values[m]));
    const sorted = present.map((r) => r.values[m] as number).sort((a, b) => a - b);
    const hist = [0, 0, 0, 0, 0, 0];
    for (const r of present) {
      const l = r.levels[m] as number;
      hist[l] = (hist[l] as number) + 1;
    }
    return summarizeCounts(sorted, undefined, hist);
  };
  const dimensions: Breakdown["dimensions"] = {};
  for (let d = 1; d < measures; d++) dimensions[`d${d - 1}`] = summary(d);
  return { respondents: rows.length, overall: summary(0), dimensions };
}

/** Group value indexes numbered in order of first sight, as `runBatch` numbers them. */
function numberGroups(raw: number[][], columns: number): number[][] {
  const seen = Array.from({ length: columns }, () => new Map<number, number>());
  return raw.map((values) =>
    values.map((v, g) => {
      const map = seen[g] as Map<number, number>;
      if (!map.has(v)) map.set(v, map.size);
      return map.get(v) as number;
    }),
  );
}

/**
 * Respondents of a random questionnaire: dimensions of questions with random weights, answers
 * 1–5 or missing; dimension scores are weighted means, the overall score the weighted mean of
 * the dimension scores (as the respondent scorer computes them).
 */
const respondents = fc
  .record({
    dims: fc.array(
      fc.array(fc.constantFrom(0.5, 1, 1.5, 2, 3, 0.7, 1.3), { minLength: 1, maxLength: 6 }),
      { minLength: 1, maxLength: 4 },
    ),
    dimWeights: fc.array(fc.constantFrom(1, 2, 1.5, 0.3), { minLength: 4, maxLength: 4 }),
    people: fc.array(
      fc.record({
        answers: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { freq: 6 }), {
          minLength: 24,
          maxLength: 24,
        }),
        role: fc.integer({ min: 0, max: 2 }),
        groups: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1 })),
      }),
      { maxLength: 300 },
    ),
  })
  .map(({ dims, dimWeights, people }) => {
    const measures = dims.length + 1;
    const groups = numberGroups(
      people.map((p) => [...p.groups]),
      2,
    );
    const rows: Row[] = people.map((p, i) => {
      const values = [Number.NaN];
      let q = 0;
      let sum = 0;
      let weights = 0;
      dims.forEach((weightsOf, d) => {
        let s = 0;
        let w = 0;
        for (const weight of weightsOf) {
          const a = p.answers[q++ % p.answers.length];
          if (a === null || a === undefined) continue;
          s += a * weight;
          w += weight;
        }
        const score = w > 0 ? s / w : Number.NaN;
        values.push(score);
        if (w > 0) {
          sum += score * (dimWeights[d] as number);
          weights += dimWeights[d] as number;
        }
      });
      values[0] = weights > 0 ? sum / weights : Number.NaN;
      const levels = values.map((v) => (Number.isNaN(v) ? 0 : floorLevel(v)));
      return { values, levels, role: p.role, groups: groups[i] as number[] };
    });
    return { rows, measures };
  });

const limits = fc.record({
  blockRows: fc.constantFrom(1, 7, 64, 1 << 16),
  collectValues: fc.constantFrom(1, 3, 50, 1 << 20),
  subProbes: fc.constantFrom(1, 4, 2048),
});

describe("statistics", () => {
  it("matches Excel QUARTILE.INC and STDEV.S on a known sample", () => {
    // Excel: =QUARTILE.INC({1,2,2,3,4.5,5},1) = 2, median 2.5, Q3 = 4.125, STDEV.S = 1.5626…
    const rows = [1, 2, 2, 3, 4.5, 5].map((v) => ({
      values: [v],
      levels: [Math.floor(v)],
      role: 0,
      groups: [],
    }));
    const { all } = collect(rows, 1, 1, 0, {});
    expect(all.overall).toEqual({
      n: 6,
      mean: 2.92,
      sd: 1.56,
      min: 1,
      q1: 2,
      median: 2.5,
      q3: 4.13,
      max: 5,
      levels: { "1": 1, "2": 2, "3": 1, "4": 1, "5": 1 },
    });
    const empty = collect([], 1, 1, 0, {});
    expect(empty.all.overall.n).toBe(0);
    expect(empty.all.overall.mean).toBeNull();
    const one = collect([rows[3] as Row], 1, 1, 0, {});
    expect(one.all.overall.sd).toBeNull();
    expect(one.all.overall.median).toBe(3);
  });

  it("equals sorting every score, for every set and measure, whatever the limits", () => {
    fc.assert(
      fc.property(respondents, limits, ({ rows, measures }, lim) => {
        const got = collect(rows, measures, 3, 2, lim);
        expect(got.all).toEqual(reference(rows, measures));
        for (let r = 0; r < 3; r++) {
          const set = rows.filter((x) => x.role === r);
          expect(got.byRole[r]).toEqual(set.length ? reference(set, measures) : undefined);
        }
        for (let g = 0; g < 2; g++) {
          const count = new Set(rows.map((x) => x.groups[g])).size;
          expect(got.groups[g]).toHaveLength(count);
          for (let v = 0; v < count; v++) {
            const set = rows.filter((x) => x.groups[g] === v);
            expect(got.groups[g]?.[v]).toEqual(reference(set, measures));
          }
        }
        if (lim.blockRows < rows.length) expect(got.spilled).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("is exact with many distinct scores packed in one bucket (several narrowing passes)", () => {
    const rows: Row[] = [];
    for (let i = 0; i < 20_000; i++) {
      // 5,000 distinct scores within 1e-9 of 3, and a few spread out.
      const v = i % 50 === 0 ? 1 + (i % 7) / 2 : 3 + ((i * 7919) % 5000) * 2e-13;
      rows.push({ values: [v], levels: [floorLevel(v)], role: i % 2, groups: [i % 3] });
    }
    const numbered = numberGroups(
      rows.map((r) => r.groups),
      1,
    );
    rows.forEach((r, i) => {
      r.groups = numbered[i] as number[];
    });
    for (const [collectValues, subProbes] of [
      [1, 1],
      [100, 2048],
      [1 << 20, 2048],
    ] as const) {
      const got = collect(rows, 1, 2, 1, { blockRows: 4096, collectValues, subProbes });
      expect(got.all).toEqual(reference(rows, 1));
      expect(got.byRole[1]).toEqual(
        reference(
          rows.filter((r) => r.role === 1),
          1,
        ),
      );
      expect(got.groups[0]?.[2]).toEqual(
        reference(
          rows.filter((r) => r.groups[0] === 2),
          1,
        ),
      );
    }
  });

  it("is exact with as many distinct scores as respondents", () => {
    const rows: Row[] = [];
    for (let i = 0; i < 70_000; i++) {
      const overall = 1 + (i % 65_537) / 16_384.25;
      const d = i % 7 === 0 ? Number.NaN : 1 + (i % 5);
      rows.push({
        values: [overall, d],
        levels: [Math.floor(overall), Number.isNaN(d) ? 0 : d],
        role: i % 3,
        groups: [i % 2],
      });
    }
    const got = collect(rows, 2, 3, 1, { blockRows: 10_000 });
    expect(got.spilled).toBe(true);
    expect(got.all).toEqual(reference(rows, 2));
    expect(got.byRole.map((b) => b?.respondents)).toEqual([23_334, 23_333, 23_333]);
    expect(got.groups[0]?.[1]).toEqual(
      reference(
        rows.filter((r) => r.groups[0] === 1),
        2,
      ),
    );
  });
});
