import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerValue, Respondent } from "../../../src/core/answers/schema.js";
import { scoreAssessment } from "../../../src/core/assessment.js";
import { round2OrNull } from "../../../src/core/math/numbers.js";
import {
  analyseAlpha,
  oneWayIcc,
  rwgJ,
  rwgSingle,
  uniformNullVariance,
  varianceOf,
} from "../../../src/core/math/reliability.js";
import { resultsSchema } from "../../../src/core/models/results.js";
import type { Questionnaire } from "../../../src/core/questionnaire/types.js";
import {
  MAX_PATTERN_ITEMS,
  ReliabilityCollector,
  reliabilityOf,
  respondentCodes,
} from "../../../src/core/scoring/reliability.js";
import {
  assessment,
  dimension,
  question,
  questionnaire,
  respondent,
} from "../../fixtures/scoring/build.js";

const likert = (id: string, reverse = false) => question(id, { type: "likert", reverse });

const q3 = questionnaire([
  dimension("culture", [likert("c1"), likert("c2"), likert("c3", true), likert("c4")]),
  dimension("data", [question("d1"), question("d2")]),
]);

/** Reference: listwise alpha over the questions rated by at least half of the raters, by brute force. */
function reference(q: Questionnaire, respondents: Respondent[]) {
  return q.dimensions.map((dim) => {
    const scoresOf = (r: Respondent) =>
      dim.questions.map((x) => {
        const raw = r.answers[x.id];
        const v = raw === undefined ? undefined : typeof raw === "object" ? raw.value : raw;
        if (typeof v !== "number") return null;
        return x.type === "likert" && x.reverse ? 6 - v : v;
      });
    const rows = respondents.map(scoresOf).filter((row) => row.some((x) => x !== null));
    const k = dim.questions.length;
    const items =
      k > MAX_PATTERN_ITEMS
        ? dim.questions.map((_, i) => i)
        : dim.questions
            .map((_, i) => i)
            // With nobody rating the dimension, no question enters alpha.
            .filter(
              (i) =>
                rows.length > 0 && rows.filter((row) => row[i] !== null).length >= rows.length / 2,
            );
    const complete = rows
      .filter((row) => items.every((i) => row[i] !== null))
      .map((row) => items.map((i) => row[i] as number));
    const m = items.length;
    const sum = new Array<number>(m).fill(0);
    const cross = new Array<number>(m * m).fill(0);
    for (const row of complete) {
      row.forEach((x, a) => {
        sum[a] = (sum[a] as number) + x;
        row.forEach((y, b) => {
          cross[a * m + b] = (cross[a * m + b] as number) + x * y;
        });
      });
    }
    const variances = dim.questions
      .map((_, i) => {
        const xs = respondents
          .map(scoresOf)
          .flatMap((row) => (row[i] === null ? [] : [row[i] as number]));
        return varianceOf(
          xs.length,
          xs.reduce((a, b) => a + b, 0),
          xs.reduce((a, b) => a + b * b, 0),
        );
      })
      .filter((v): v is number => v !== null);
    return {
      items: items.map((i) => dim.questions[i]?.id),
      respondents: complete.length,
      alpha: round2OrNull(analyseAlpha({ n: complete.length, sum, cross }).alpha),
      rwg: round2OrNull(rwgJ(variances, 2)),
    };
  });
}

describe("reliability of an assessment's respondents", () => {
  it("is absent with fewer than two respondents", () => {
    const one = [respondent("r1", "manager", { c1: 3, c2: 4 })];
    expect(reliabilityOf(q3, one)).toBeUndefined();
    expect(scoreAssessment(q3, assessment(one)).reliability).toBeUndefined();
  });

  it("scores reversed items reversed: a reversed item that mirrors the others gives alpha 1", () => {
    const rs = [1, 2, 3, 4, 5, 2].map((x, i) =>
      respondent(`r${i}`, "frontline", { c1: x, c2: x, c3: 6 - x, c4: x }),
    );
    const rel = reliabilityOf(q3, rs);
    const culture = rel?.dimensions[0];
    expect(culture?.alpha).toBe(1);
    expect(culture?.itemStatistics.map((i) => i.itemRest)).toEqual([1, 1, 1, 1]);
    expect(culture?.warnings).toEqual(["few-respondents"]);
  });

  it("gives rwg(j) 1 when everyone answers alike, with alpha null (no variance)", () => {
    const rs = Array.from({ length: 12 }, (_, i) =>
      respondent(`r${i}`, "manager", { c1: 4, c2: 4, c3: 2, c4: 4, d1: 3, d2: 3 }),
    );
    const rel = reliabilityOf(q3, rs);
    expect(rel?.dimensions[0]).toMatchObject({
      rwg: 1,
      alpha: null,
      respondents: 12,
      warnings: ["no-variance"],
    });
    expect(rel?.dimensions[1]?.warnings).toEqual(["few-items", "no-variance"]);
  });

  it("deletes listwise: na, unknown and missing answers drop the respondent from alpha", () => {
    const rs: Respondent[] = [
      respondent("a", "manager", { c1: 1, c2: 2, c3: 5, c4: 1 }),
      respondent("b", "manager", { c1: 3, c2: 3, c3: 3, c4: 4 }),
      respondent("c", "manager", { c1: 5, c2: 4, c3: 1, c4: 5 }),
      respondent("d", "manager", { c1: "na", c2: 4, c3: 1, c4: 5 }),
      respondent("e", "manager", { c1: { value: "unknown" }, c2: 2, c3: 4, c4: 2 }),
    ];
    const rel = reliabilityOf(q3, rs);
    expect(rel?.dimensions[0]?.respondents).toBe(3);
    expect(rel?.dimensions[0]?.alpha).toBe(reference(q3, rs)[0]?.alpha);
    // rwg(j) uses every rating of each item.
    expect(rel?.dimensions[0]?.rwg).toBe(reference(q3, rs)[0]?.rwg);
  });

  it("leaves out a question fewer than half of the dimension's respondents rated", () => {
    const rs = [1, 2, 3, 4].map((x, i) =>
      respondent(`r${i}`, "manager", {
        c1: x,
        c2: x,
        c4: 6 - x,
        ...(i === 0 ? { c3: 2 } : {}),
      }),
    );
    const culture = reliabilityOf(q3, rs)?.dimensions[0];
    expect(culture?.items).toEqual(["c1", "c2", "c4"]);
    expect(culture?.leftOut).toEqual(["c3"]);
    expect(culture?.respondents).toBe(4);
  });

  it("appears in the results and validates against the results schema", () => {
    const rs = [3, 4, 2].map((x, i) =>
      respondent(`r${i}`, "manager", { c1: x, c2: x, c3: x, c4: x }),
    );
    const results = scoreAssessment(q3, assessment(rs));
    expect(results.reliability?.method).toEqual({
      confidence: 0.95,
      minItems: 3,
      minRespondents: 10,
      nullVariance: 2,
    });
    expect(() => resultsSchema.parse(results)).not.toThrow();
  });

  const answerArb: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom<AnswerValue>("na", "unknown") },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const big = questionnaire([
    dimension(
      "long",
      Array.from({ length: MAX_PATTERN_ITEMS + 2 }, (_, i) => likert(`l${i}`, i % 3 === 0)),
    ),
    ...q3.dimensions,
  ]);
  const respondentsArb = (q: Questionnaire) =>
    fc
      .array(
        fc.array(answerArb, {
          minLength: q.dimensions.flatMap((d) => d.questions).length,
          maxLength: q.dimensions.flatMap((d) => d.questions).length,
        }),
        { minLength: 2, maxLength: 25 },
      )
      .map((rows) =>
        rows.map((row, i) => {
          const answers: Record<string, AnswerValue> = {};
          q.dimensions
            .flatMap((d) => d.questions)
            .forEach((x, j) => {
              const a = row[j];
              if (a !== undefined) answers[x.id] = a;
            });
          return respondent(`r${i}`, "frontline", answers);
        }),
      );

  it("agrees with a brute-force listwise computation on random answers", () => {
    for (const q of [q3, big]) {
      fc.assert(
        fc.property(respondentsArb(q), (rs) => {
          const rel = reliabilityOf(q, rs);
          const ref = reference(q, rs);
          rel?.dimensions.forEach((d, i) => {
            expect({
              items: d.items,
              respondents: d.respondents,
              alpha: d.alpha,
              rwg: d.rwg,
            }).toEqual(ref[i]);
          });
        }),
        { numRuns: 60 },
      );
    }
  });

  it("does not depend on respondent order", () => {
    fc.assert(
      fc.property(respondentsArb(q3), (rs) => {
        expect(reliabilityOf(q3, [...rs].reverse())).toEqual(reliabilityOf(q3, rs));
      }),
      { numRuns: 60 },
    );
  });

  it("computes ICC(1)/ICC(2) and per-group rwg(j) across groups", () => {
    const collector = new ReliabilityCollector(q3, 1);
    // Shrout & Fleiss (1979) Table 2 shape, on a 1–5 scale: two groups that differ, members that agree.
    const rows: [number, number][] = [
      [0, 2],
      [0, 2],
      [1, 4],
      [1, 4],
      [1, 4],
    ];
    rows.forEach(([g, x]) => {
      const r = respondent("x", "manager", { c1: x, c2: x, c3: 6 - x, c4: x, d1: x, d2: x });
      collector.add(respondentCodes(q3, r), [g], [x, x]);
    });
    const { icc, rwg } = collector.groupAgreement(0);
    expect(icc[0]).toEqual({ dimension: "culture", icc1: 1, icc2: 1, groups: 2, respondents: 5 });
    expect([...rwg.entries()]).toEqual([
      [0, { culture: 1, data: 1 }],
      [1, { culture: 1, data: 1 }],
    ]);
  });
});

// Bliese's multilevel package for R (2.7, Debian's r-cran-multilevel): the implementation of
// James, Demaree & Wolf's (1984) rwg(j) the agreement literature uses, run on companies 6 and 14
// of its lq2002 data (the common data set of The Leadership Quarterly's 2002 issue on multilevel
// methods, Bliese, Halverson & Schriesheim 2002: soldiers rating their leadership climate on 11
// items and task significance on 3, 1 to 5; its columns LEAD01–LEAD11 and TSIG01–TSIG03):
//   rwg.j(d[, 3:13], d$COMPID)  → company 6: 0.887662855623504, 14: 0.826037735849057
//   rwg.j(d[, 14:16], d$COMPID) → company 6: 0.758426966292135, 14: 0.502463054187192
//   the 22 soldiers as one group → 0.84678624813154 and 0.625368111064367
//   rwg(d$LEAD06, d$COMPID) (single item) → company 6: 0.352272727272727, 14: 0.577777777777778
//   ICC1 and ICC2 of aov(score ~ as.factor(COMPID)), a soldier's score the mean of the scale's
//   items → leadership 0.119960722498501 and 0.59991071701108, task significance
//   0.0894479662984278 and 0.519365632953153
describe("rwg(j), rwg and ICC against the multilevel package on its lq2002 data", () => {
  const LQ2002: [company: number, lead: string, tsig: string][] = [
    [6, "42134122221", "123"],
    [6, "33212212122", "222"],
    [6, "43435354435", "333"],
    [6, "44444544444", "112"],
    [6, "43344444444", "333"],
    [6, "44434444334", "444"],
    [6, "55433334222", "131"],
    [6, "24223444113", "244"],
    [6, "55544444434", "444"],
    [6, "43112233124", "222"],
    [6, "43344344344", "333"],
    [6, "33313434114", "333"],
    [14, "11114414111", "154"],
    [14, "33233313343", "154"],
    [14, "24114414111", "455"],
    [14, "11111111111", "111"],
    [14, "45323334333", "234"],
    [14, "22334455554", "355"],
    [14, "33344423222", "344"],
    [14, "33313333333", "333"],
    [14, "44343342434", "433"],
    [14, "33222333232", "243"],
  ];
  const MULTILEVEL = {
    6: { lead: 0.887662855623504, tsig: 0.758426966292135 },
    14: { lead: 0.826037735849057, tsig: 0.502463054187192 },
    all: { lead: 0.84678624813154, tsig: 0.625368111064367 },
  };
  const digits = (s: string) => [...s].map(Number);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  /** Count, sum and sum of squares: what the collector keeps, and what the formulas take. */
  const sumsOf = (xs: number[]) => ({
    n: xs.length,
    sum: xs.reduce((a, b) => a + b, 0),
    sumSquares: xs.reduce((a, b) => a + b * b, 0),
  });
  const varianceOfAll = (xs: number[]) => {
    const { n, sum, sumSquares } = sumsOf(xs);
    return varianceOf(n, sum, sumSquares) as number;
  };
  const rowsOf = (company?: number) =>
    LQ2002.filter(([c]) => company === undefined || c === company).map(([, lead, tsig]) => ({
      lead: digits(lead),
      tsig: digits(tsig),
    }));

  it("gives the same rwg(j) to 12 decimals from the items' counts, sums and sums of squares", () => {
    for (const [company, expected] of [
      [6, MULTILEVEL[6]],
      [14, MULTILEVEL[14]],
      [undefined, MULTILEVEL.all],
    ] as const) {
      const rows = rowsOf(company);
      for (const scale of ["lead", "tsig"] as const) {
        const items = rows[0]?.[scale].length ?? 0;
        const variances = Array.from({ length: items }, (_, i) =>
          varianceOfAll(rows.map((row) => row[scale][i] as number)),
        );
        expect(rwgJ(variances, 2), `${company ?? "all"} ${scale}`).toBeCloseTo(expected[scale], 12);
      }
    }
  });

  it("gives the same single-item rwg to 12 decimals (LEAD06, each company)", () => {
    for (const [company, expected] of [
      [6, 0.352272727272727],
      [14, 0.577777777777778],
    ] as const) {
      const variance = varianceOfAll(rowsOf(company).map((row) => row.lead[5] as number));
      expect(rwgSingle(variance, uniformNullVariance(5))).toBeCloseTo(expected, 12);
    }
  });

  it("gives the same ICC(1) and ICC(2) to 12 decimals across the two companies", () => {
    for (const [scale, icc1, icc2] of [
      ["lead", 0.119960722498501, 0.59991071701108],
      ["tsig", 0.0894479662984278, 0.519365632953153],
    ] as const) {
      const r = oneWayIcc(
        [6, 14].map((company) => sumsOf(rowsOf(company).map((row) => mean(row[scale])))),
      );
      expect(r.icc1, scale).toBeCloseTo(icc1, 12);
      expect(r.icc2, scale).toBeCloseTo(icc2, 12);
    }
  });

  it("reports them, rounded, for the assessment and for each group value of a batch run", () => {
    const q = questionnaire([
      dimension(
        "lead",
        Array.from({ length: 11 }, (_, i) => likert(`lead${i + 1}`)),
      ),
      dimension("tsig", [likert("tsig1"), likert("tsig2"), likert("tsig3")]),
    ]);
    const respondents = LQ2002.map(([, lead, tsig], n) => {
      const answers: Record<string, AnswerValue> = {};
      digits(lead).forEach((x, i) => {
        answers[`lead${i + 1}`] = x;
      });
      digits(tsig).forEach((x, i) => {
        answers[`tsig${i + 1}`] = x;
      });
      return respondent(`s${n}`, "frontline", answers);
    });
    const rel = reliabilityOf(q, respondents);
    expect(rel?.dimensions.map((d) => d.rwg)).toEqual([
      round2OrNull(MULTILEVEL.all.lead),
      round2OrNull(MULTILEVEL.all.tsig),
    ]);
    const collector = new ReliabilityCollector(q, 1);
    respondents.forEach((r, n) => {
      const [company, lead, tsig] = LQ2002[n] as [number, string, string];
      collector.add(
        respondentCodes(q, r),
        [company === 6 ? 0 : 1],
        [mean(digits(lead)), mean(digits(tsig))],
      );
    });
    const { icc, rwg } = collector.groupAgreement(0);
    expect(icc).toEqual([
      { dimension: "lead", icc1: 0.12, icc2: 0.6, groups: 2, respondents: 22 },
      { dimension: "tsig", icc1: 0.09, icc2: 0.52, groups: 2, respondents: 22 },
    ]);
    expect([...rwg.entries()]).toEqual([
      [0, { lead: round2OrNull(MULTILEVEL[6].lead), tsig: round2OrNull(MULTILEVEL[6].tsig) }],
      [1, { lead: round2OrNull(MULTILEVEL[14].lead), tsig: round2OrNull(MULTILEVEL[14].tsig) }],
    ]);
  });
});

describe("alpha in a role-split dimension (questions put to different roles)", () => {
  // Executives and managers rate three governance facts; the front line answers three experience
  // statements of its own; one statement goes to everybody. Listwise over the union, nobody has
  // rated every question, so before role groups alpha had one complete case at most.
  const split = questionnaire([
    dimension("leadership", [
      question("f1", { roles: ["executive", "manager"] }),
      question("f2", { roles: ["executive", "manager"] }),
      question("f3", { roles: ["executive", "manager"] }),
      likert("e1"),
      question("x1", { roles: ["frontline"] }),
      question("x2", { roles: ["frontline"] }),
      question("x3", { roles: ["frontline"] }),
    ]),
  ]);
  // Six managers/executives whose answers rise together; twelve front-line employees likewise.
  const leaders = [1, 2, 3, 4, 5, 3].map((x, i) =>
    respondent(`m${i}`, i === 0 ? "executive" : "manager", { f1: x, f2: x, f3: x, e1: x }),
  );
  const front = [1, 2, 2, 3, 3, 4, 4, 5, 5, 1, 2, 3].map((x, i) =>
    respondent(`f${i}`, "frontline", {
      e1: x,
      x1: x,
      x2: Math.min(5, x + 1),
      x3: x,
    }),
  );

  it("computes alpha within each role group over the questions that group is asked", () => {
    const rel = reliabilityOf(split, [...leaders, ...front]);
    const d = rel?.dimensions[0];
    expect(d?.roleGroups?.map((g) => g.roles)).toEqual([["executive", "manager"], ["frontline"]]);
    const [lead, line] = d?.roleGroups ?? [];
    expect(lead).toMatchObject({ items: ["f1", "f2", "f3", "e1"], respondents: 6, alpha: 1 });
    expect(line).toMatchObject({ items: ["e1", "x1", "x2", "x3"], respondents: 12 });
    // Each group's alpha is the listwise alpha of that group alone on its own questions.
    const alone = questionnaire([
      dimension("leadership", [likert("e1"), question("x1"), question("x2"), question("x3")]),
    ]);
    expect(line?.alpha).toBe(reference(alone, front)[0]?.alpha);
    expect(line?.alpha).not.toBeNull();
    // The headline figures are the group with the most complete cases.
    expect(d).toMatchObject({ roles: ["frontline"], respondents: 12, alpha: line?.alpha });
    expect(d?.warnings).toEqual([]);
  });

  it("gives the same figures whatever the respondents' order", () => {
    const all = [...leaders, ...front];
    const shuffled = [...all].reverse();
    expect(reliabilityOf(split, shuffled)).toEqual(reliabilityOf(split, all));
  });

  it("keeps one analysis, without role groups, when every role is asked the same questions", () => {
    const rs = [1, 2, 3, 4, 5, 2].map((x, i) =>
      respondent(`r${i}`, i % 2 ? "frontline" : "executive", { c1: x, c2: x, c3: 6 - x, c4: x }),
    );
    const d = reliabilityOf(q3, rs)?.dimensions[0];
    expect(d?.roleGroups).toBeUndefined();
    expect(d?.roles).toBeUndefined();
    expect(d?.alpha).toBe(1);
  });

  it("passes the results schema", () => {
    const results = scoreAssessment(split, assessment([...leaders, ...front]));
    expect(resultsSchema.safeParse(results).success).toBe(true);
  });
});

describe("counting answer states gives the figures of adding scores row by row", () => {
  const roled = (id: string, roles: string[]) => question(id, { roles });
  const q = questionnaire([
    ...q3.dimensions,
    // Split by role: the vectors are counted per role group.
    dimension("split", [
      roled("s1", ["executive", "manager"]),
      roled("s2", ["executive", "manager"]),
      likert("s3", true),
      roled("s4", ["frontline"]),
    ]),
    // 6^7 answer vectors are too many to count: patterns are added row by row from the states.
    dimension(
      "seven",
      Array.from({ length: 7 }, (_, i) => likert(`v${i}`, i === 2)),
    ),
    // Longer than MAX_PATTERN_ITEMS: complete cases only.
    dimension(
      "long",
      Array.from({ length: MAX_PATTERN_ITEMS + 1 }, (_, i) => likert(`l${i}`, i % 4 === 0)),
    ),
  ]);
  const width = q.dimensions.flatMap((d) => d.questions).length;
  const dims = q.dimensions.length;
  // Mostly codes 0–7 (absent, 1–5, N/A, unknown); now and then a code off the scale, which
  // sends its row down the score-by-score path in both collectors.
  const codeArb = fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 0, max: 7 }) },
    { weight: 1, arbitrary: fc.constantFrom(9, 2.5, -1) },
  );
  const rowArb = fc.record({
    codes: fc.array(codeArb, { minLength: width, maxLength: width }),
    role: fc.constantFrom("executive", "manager", "frontline"),
    groups: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 })),
    scores: fc.array(
      fc.oneof(fc.double({ min: 1, max: 5, noNaN: true }), fc.constant(Number.NaN)),
      {
        minLength: dims,
        maxLength: dims,
      },
    ),
  });
  type Row = { codes: number[]; role: string; groups: [number, number]; scores: number[] };
  const figures = (countStates: boolean, rows: Row[]) => {
    const c = new ReliabilityCollector(q, 2, { countStates });
    for (const r of rows) c.add(r.codes, r.groups, r.scores, r.role);
    const agreement = [0, 1].map((g) => {
      const { icc, rwg } = c.groupAgreement(g);
      return { icc, rwg: [...rwg.entries()] };
    });
    return JSON.stringify({ all: c.finish(), agreement });
  };

  it("is byte-identical on random rows, roles, groups and off-scale codes", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 0, maxLength: 60 }), (rows) => {
        expect(figures(true, rows)).toBe(figures(false, rows));
      }),
      { numRuns: 150 },
    );
  });

  it("is byte-identical on thousands of random rows (answer vectors counted in blocks)", () => {
    // More rows than one block of pending vectors (2,048), with off-scale rows in between.
    const rows = fc.sample(rowArb, { numRuns: 5000, seed: 15 });
    expect(figures(true, rows)).toBe(figures(false, rows));
  });

  it("counts the same when every row answers alike (one vector, thousands of times)", () => {
    const codes = Array.from({ length: width }, (_, i) => 1 + (i % 5));
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      codes,
      role: i % 2 ? "manager" : "frontline",
      groups: [i % 3, i % 7] as [number, number],
      scores: Array.from({ length: dims }, () => 3),
    }));
    expect(figures(true, rows)).toBe(figures(false, rows));
  });
});
