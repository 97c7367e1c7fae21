import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fQuantile } from "../../../src/core/math/f-distribution.js";
import {
  AGREEMENT_BANDS,
  agreementBand,
  analyseAlpha,
  feldtInterval,
  type ItemMoments,
  oneWayIcc,
  rwgJ,
  rwgSingle,
  uniformNullVariance,
  varianceOf,
} from "../../../src/core/math/reliability.js";

/** Moments of a respondents × items matrix. */
function momentsOf(rows: readonly (readonly number[])[]): ItemMoments {
  const k = rows[0]?.length ?? 0;
  const sum = new Array<number>(k).fill(0);
  const cross = new Array<number>(k * k).fill(0);
  for (const row of rows) {
    for (let i = 0; i < k; i++) {
      sum[i] = (sum[i] as number) + (row[i] as number);
      for (let j = 0; j < k; j++) {
        cross[i * k + j] = (cross[i * k + j] as number) + (row[i] as number) * (row[j] as number);
      }
    }
  }
  return { n: rows.length, sum, cross };
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
 * reliability. Psychological Bulletin, 86(2), 420–428. Table 2: six targets rated by four judges.
 * Table 3/4 give BMS = 11.24, WMS = 6.26, EMS = 1.02, ICC(1,1) = .17, ICC(1,k) = .44 and
 * ICC(3,k) = .91 — ICC(3,k) is Cronbach's alpha with the judges as items.
 */
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

const rating = fc.integer({ min: 1, max: 5 });
const matrix = (minRows: number, minItems: number) =>
  fc.integer({ min: minItems, max: 6 }).chain((k) =>
    fc.array(fc.array(rating, { minLength: k, maxLength: k }), {
      minLength: minRows,
      maxLength: 30,
    }),
  );

describe("fQuantile", () => {
  it("matches published F tables (Fisher–Snedecor 5% and 2.5% points)", () => {
    // F(0.95; 5, 10) = 3.33 and F(0.975; 5, 20) = 3.29 in every standard table (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.3).
    expect(fQuantile(0.95, 5, 10)).toBeCloseTo(3.3258, 4);
    expect(fQuantile(0.975, 5, 20)).toBeCloseTo(3.2891, 4);
  });

  it("rejects probabilities outside (0, 1)", () => {
    expect(() => fQuantile(1, 2, 3)).toThrow(RangeError);
  });
});

describe("Cronbach's alpha", () => {
  it("equals ICC(3,k) = .91 on Shrout & Fleiss (1979) Table 2, judges as items", () => {
    const a = analyseAlpha(momentsOf(SHROUT_FLEISS));
    expect(a.alpha).toBeCloseTo(0.909, 3); // (BMS − EMS)/BMS = (11.24 − 1.02)/11.24
    expect(Number(a.alpha?.toFixed(2))).toBe(0.91);
  });

  it("gives alpha 1 for k identical items (with variance)", () => {
    fc.assert(
      fc.property(
        fc.array(rating, { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 2, max: 8 }),
        (column, k) => {
          fc.pre(new Set(column).size > 1);
          const a = analyseAlpha(momentsOf(column.map((x) => new Array<number>(k).fill(x))));
          expect(a.alpha).toBeCloseTo(1, 12);
          expect(a.lower).toBeCloseTo(1, 12);
          expect(a.upper).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it("is null when nothing varies, with one item, or with one respondent", () => {
    expect(
      analyseAlpha(
        momentsOf([
          [3, 3],
          [3, 3],
          [3, 3],
        ]),
      ).alpha,
    ).toBeNull();
    expect(analyseAlpha(momentsOf([[1], [2], [5]])).alpha).toBeNull();
    expect(analyseAlpha(momentsOf([[1, 2, 3]])).alpha).toBeNull();
  });

  it("item–rest correlations are Pearson correlations with the sum of the other items", () => {
    fc.assert(
      fc.property(matrix(3, 2), (rows) => {
        const a = analyseAlpha(momentsOf(rows));
        a.items.forEach((item, i) => {
          const x = rows.map((r) => r[i] as number);
          const rest = rows.map((r) => r.reduce((s, v, j) => (j === i ? s : s + v), 0));
          const r = pearson(x, rest);
          if (Number.isFinite(r)) expect(item.itemRest).toBeCloseTo(r, 9);
          else expect(item.itemRest).toBeNull();
        });
      }),
    );
  });

  it("alpha if item deleted is the alpha of the other items", () => {
    fc.assert(
      fc.property(matrix(2, 3), (rows) => {
        const a = analyseAlpha(momentsOf(rows));
        a.items.forEach((item, i) => {
          const without = analyseAlpha(momentsOf(rows.map((r) => r.filter((_, j) => j !== i))));
          if (without.alpha === null) expect(item.alphaIfDeleted).toBeNull();
          else expect(item.alphaIfDeleted).toBeCloseTo(without.alpha, 9);
        });
      }),
    );
  });

  it("does not depend on respondent order, stays ≤ 1 and its interval brackets it", () => {
    fc.assert(
      fc.property(matrix(2, 2), (rows) => {
        const a = analyseAlpha(momentsOf(rows));
        const b = analyseAlpha(momentsOf([...rows].reverse()));
        expect(b).toEqual(a);
        if (a.alpha !== null) {
          expect(a.alpha).toBeLessThanOrEqual(1 + 1e-12);
          expect(a.lower as number).toBeLessThanOrEqual(a.alpha + 1e-12);
          expect(a.upper as number).toBeGreaterThanOrEqual(a.alpha - 1e-12);
        }
      }),
    );
  });

  it("is exact for sums beyond 2^53 (BigInt cross-products)", () => {
    // 30 million respondents answering (1, 1) and (5, 5) in equal numbers: identical items.
    const n = 30_000_000;
    const m: ItemMoments = {
      n,
      sum: [3 * n, 3 * n],
      cross: [13 * n, 13 * n, 13 * n, 13 * n],
    };
    expect(analyseAlpha(m).alpha).toBe(1);
  });
});

describe("Feldt interval", () => {
  it("matches Evans's published example: α = .913, n = 873, k = 20 → [.9044, .9212]", () => {
    // Chris Evans, R code for Feldt intervals (MRC CBU statswiki FAQ "cafun"): 0.9044024 to 0.9211588.
    const ci = feldtInterval(0.913, 873, 20);
    expect(ci?.lower).toBeCloseTo(0.9044024, 6);
    expect(ci?.upper).toBeCloseTo(0.9211588, 6);
  });

  it("narrows as respondents are added and brackets alpha", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 0.99, noNaN: true }),
        fc.integer({ min: 3, max: 500 }),
        fc.integer({ min: 2, max: 20 }),
        (alpha, n, k) => {
          const a = feldtInterval(alpha, n, k) as { lower: number; upper: number };
          const b = feldtInterval(alpha, n * 2, k) as { lower: number; upper: number };
          expect(a.lower).toBeLessThan(alpha);
          expect(a.upper).toBeGreaterThan(alpha);
          expect(b.upper - b.lower).toBeLessThan(a.upper - a.lower);
        },
      ),
    );
  });
});

describe("rwg(j)", () => {
  it("uses the uniform null σ² = (A² − 1)/12: 2 for five options", () => {
    expect(uniformNullVariance(5)).toBe(2);
    expect(uniformNullVariance(7)).toBe(4);
  });

  it("is 1 under full agreement and 0 at or beyond the null variance", () => {
    expect(rwgJ([0, 0, 0], 2)).toBe(1);
    expect(rwgJ([2, 2], 2)).toBe(0);
    expect(rwgJ([3, 4], 2)).toBe(0);
  });

  it("follows James, Demaree & Wolf (1984, eq. 4) by hand", () => {
    // J = 5, mean item variance 0.5: 5(1 − .25) / (5(1 − .25) + .25) = 3.75 / 4 = .9375.
    expect(rwgJ([0.4, 0.6, 0.5, 0.3, 0.7], 2)).toBeCloseTo(0.9375, 12);
    // One item reduces to rwg = 1 − s²/σ².
    expect(rwgJ([0.5], 2)).toBeCloseTo(0.75, 12);
  });

  it("single-item rwg = 1 − s²/σ²_EU (James, Demaree & Wolf 1984, eq. 1), worked by hand", () => {
    // Ten ratings on a five-point scale (σ²_EU = (5² − 1)/12 = 2, JDW 1984): 2, 3, 3, 3, 3, 4, 4,
    // 4, 4, 5. Mean 3.5; squared deviations 2.25 + 4 × .25 + 4 × .25 + 2.25 = 6.5; s² = 6.5/9 =
    // .7222…; rwg = 1 − .7222…/2 = .6389 — moderate agreement (LeBreton & Senter 2008, Table 3).
    const s2 = varianceOf(10, 35, 4 + 4 * 9 + 4 * 16 + 25) as number;
    expect(s2).toBeCloseTo(6.5 / 9, 12);
    expect(rwgSingle(s2, uniformNullVariance(5))).toBeCloseTo(1 - 6.5 / 18, 12);
    expect(agreementBand(rwgSingle(s2, 2))).toBe("moderate");
    // Observed variance at or above the null's: truncated to 0 (JDW 1984), never negative.
    expect(rwgSingle(2.5, 2)).toBe(0);
    expect(rwgSingle(0, 2)).toBe(1);
  });

  it("reads LeBreton & Senter's (2008, Table 3) bands at their lower edges", () => {
    expect(AGREEMENT_BANDS).toEqual({ strong: 0.71, moderate: 0.51, weak: 0.31 });
    expect([0.71, 0.7, 0.51, 0.5, 0.31, 0.3].map(agreementBand)).toEqual([
      "strong",
      "moderate",
      "moderate",
      "weak",
      "weak",
      "none",
    ]);
    expect(agreementBand(null)).toBeNull();
  });

  it("stays in [0, 1] and never falls as items with the same variance are added", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (v, j) => {
          const r = rwgJ(new Array<number>(j).fill(v), 2) as number;
          const more = rwgJ(new Array<number>(j + 1).fill(v), 2) as number;
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
          expect(more).toBeGreaterThanOrEqual(r - 1e-12);
        },
      ),
    );
  });

  it("sample variance from sums is exact", () => {
    expect(varianceOf(3, 6, 14)).toBe(1); // 1, 2, 3
    expect(varianceOf(1, 3, 9)).toBeNull();
  });

  it("sample variance from integer sums equals the exact BigInt computation at any size", () => {
    // Large sums, where n·Σx² passes 2^53 and doubles alone would round it.
    const big = fc.integer({ min: 2, max: 2 ** 26 });
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 2, max: 1000 }), big), fc.nat(), (n, seed) => {
        const sum = seed % (5 * n + 1);
        const sumSquares = Math.ceil((sum * sum) / n) + (seed % 1000);
        const exact = Number(BigInt(n) * BigInt(sumSquares) - BigInt(sum) * BigInt(sum));
        expect(varianceOf(n, sum, sumSquares)).toBe(Math.max(0, exact) / (n * (n - 1)));
      }),
    );
    // (2^27)² is past 2^53: the products need BigInt, and the difference is still exact.
    const n = 2 ** 27 + 1;
    expect(varianceOf(n, n, n + 2)).toBe((2 * n) / (n * (n - 1)));
  });
});

describe("ICC(1) and ICC(2)", () => {
  const sums = (values: readonly number[]) => ({
    n: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    sumSquares: values.reduce((a, b) => a + b * b, 0),
  });

  it("reproduces Shrout & Fleiss (1979) one-way figures, targets as groups: ICC(1) .17, ICC(2) .44", () => {
    const r = oneWayIcc(SHROUT_FLEISS.map(sums));
    expect(r.msb).toBeCloseTo(11.24, 2);
    expect(r.msw).toBeCloseTo(6.26, 2);
    expect(r.icc1).toBeCloseTo(0.17, 2);
    expect(r.icc2).toBeCloseTo(0.44, 2);
  });

  it("reproduces the superb package's ShroutFleissICC1 example: 0.434343434", () => {
    // Cousineau, superb (CRAN) documentation: clusters (2,4,4,6), (4,5,8,8), (5,8,9,9).
    const r = oneWayIcc([sums([2, 4, 4, 6]), sums([4, 5, 8, 8]), sums([5, 8, 9, 9])]);
    expect(r.icc1).toBeCloseTo(0.434343434, 8);
  });

  it("is 1 when groups differ and members agree; null with one group or no spread between groups", () => {
    expect(oneWayIcc([sums([2, 2]), sums([4, 4])]).icc1).toBe(1);
    expect(oneWayIcc([sums([1, 2, 3])]).icc1).toBeNull();
    expect(oneWayIcc([sums([1, 3]), sums([3, 1])]).icc1).toBeNull();
  });

  it("does not change when every value is shifted", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(rating, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: -3, max: 3 }),
        (groups, shift) => {
          const a = oneWayIcc(groups.map(sums));
          const b = oneWayIcc(groups.map((g) => sums(g.map((x) => x + shift))));
          if (a.icc1 === null) expect(b.icc1).toBeNull();
          else expect(b.icc1).toBeCloseTo(a.icc1, 9);
        },
      ),
    );
  });
});
