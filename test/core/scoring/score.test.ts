import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../../src/core/assessment.js";
import { resultsSchema } from "../../../src/core/models/results.js";
import { confidenceOf } from "../../../src/core/scoring/score.js";
import type { ScoringCase } from "../../fixtures/scoring/build.js";
import { criticalCap } from "../../fixtures/scoring/critical-cap/case.js";
import { disagreement } from "../../fixtures/scoring/disagreement/case.js";
import { expectationRisk } from "../../fixtures/scoring/expectation-risk/case.js";
import { inconclusive } from "../../fixtures/scoring/inconclusive/case.js";
import { naUnknown } from "../../fixtures/scoring/na-unknown/case.js";
import { perceptionGap } from "../../fixtures/scoring/perception-gap/case.js";
import { questionKinds } from "../../fixtures/scoring/question-kinds/case.js";
import { reversed } from "../../fixtures/scoring/reversed/case.js";
import { risksReadiness } from "../../fixtures/scoring/risks-readiness/case.js";
import { roleBalanced } from "../../fixtures/scoring/role-balanced/case.js";
import { roleRestricted } from "../../fixtures/scoring/role-restricted/case.js";
import { workedExample } from "../../fixtures/scoring/worked-example/case.js";

const cases: ScoringCase[] = [
  workedExample,
  naUnknown,
  inconclusive,
  reversed,
  criticalCap,
  roleBalanced,
  perceptionGap,
  expectationRisk,
  disagreement,
  roleRestricted,
  risksReadiness,
  questionKinds,
];

describe("scoreAssessment", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const results = scoreAssessment(c.questionnaire, c.input, c.options);
    expect(results).toMatchObject(c.expected);
    // What `score --format json` prints must read back through the schema unchanged.
    expect(resultsSchema.parse(JSON.parse(JSON.stringify(results)))).toEqual(results);
  });

  it("throws on a level outside the scale (answers must be checked first)", () => {
    const c = workedExample;
    const input = {
      ...c.input,
      respondents: [{ id: "x", role: "executive", answers: { "lead.ceo-owns": 7 } }],
    };
    expect(() => scoreAssessment(c.questionnaire, input)).toThrow(RangeError);
  });

  it("defaults the horizon to 12 months and uses the questionnaire's default targets", () => {
    const c = workedExample;
    const { horizonMonths: _, ...meta } = c.input.assessment;
    const results = scoreAssessment(c.questionnaire, { ...c.input, assessment: meta });
    expect(results.horizonMonths).toBe(12);
    // gap 1 ≤ 12 / 9 → no expectation risk.
    expect(results.dimensions[0]).toMatchObject({ target: 4, gap: 1, expectationRisk: null });
  });

  it("scores an assessment without respondents as inconclusive everywhere", () => {
    const c = workedExample;
    const results = scoreAssessment(c.questionnaire, { ...c.input, respondents: [] });
    expect(results.overall).toEqual({
      score: null,
      level: null,
      levelName: null,
      coverage: null,
      confidence: null,
      confidenceBasis: {
        respondents: 0,
        rolesExpected: ["executive", "manager", "frontline", "it"],
        rolesPresent: [],
        agreement: null,
        limitedBy: [],
      },
    });
    expect(results.dimensions[0]).toMatchObject({ score: null, coverage: null, gap: null });
    // Never "ready" on nothing: the rules are not even evaluated.
    expect(results.readiness).toEqual({ verdict: "inconclusive", rules: [] });
  });

  it("keeps today's rules for a questionnaire that declares no kinds", () => {
    const c = questionKinds;
    const plain = {
      ...c.questionnaire,
      dimensions: c.questionnaire.dimensions.map((d) => ({
        ...d,
        questions: d.questions.map(({ kind: _k, ...q }) => q),
      })),
    };
    const results = scoreAssessment(plain, c.input);
    expect(results.dimensions[0]?.perceptionGap).toEqual({
      executive: 4.5,
      frontline: 2.5,
      gap: 2,
      flagged: true,
    });
    expect(results.dimensions[0]?.questions.map((q) => [q.id, q.kind, q.disagreement])).toEqual([
      ["f1", null, true],
      ["x1", null, true],
      ["x2", null, false],
    ]);
    expect(results.factConflicts).toEqual([]);
  });

  it("is inconclusive when the only answers are na or unknown", () => {
    const c = workedExample;
    const results = scoreAssessment(c.questionnaire, {
      ...c.input,
      respondents: [
        { id: "r1", role: "executive", answers: { "lead.ceo-owns": "na", "lead.kpis": "unknown" } },
      ],
    });
    expect(results.overall).toMatchObject({ score: null, coverage: 0, confidence: null });
    expect(results.readiness.verdict).toBe("inconclusive");
  });
});

const basis = (
  coverage: number | null,
  respondents: number,
  present: number,
  expected: number,
  agreement: number | null,
) => ({
  coverage,
  respondents,
  rolesExpected: ["a", "b", "c", "d"].slice(0, expected),
  rolesPresent: ["a", "b", "c", "d"].slice(0, present),
  agreement,
});

describe("confidenceOf (docs/scoring.md §5)", () => {
  it.each([
    ["everything at the high thresholds", basis(0.8, 3, 4, 4, 0.8), "high", []],
    ["full coverage by one respondent", basis(1, 1, 1, 1, 1), "low", ["respondents"]],
    ["two respondents, half the roles", basis(1, 2, 2, 4, 1), "medium", ["respondents", "roles"]],
    ["one role of four", basis(1, 5, 1, 4, 1), "low", ["roles"]],
    ["coverage just below medium", basis(0.49, 5, 4, 4, 1), "low", ["coverage"]],
    ["respondents disagree on most weight", basis(1, 5, 4, 4, 0.4), "low", ["agreement"]],
    ["agreement between medium and high", basis(1, 5, 4, 4, 0.6), "medium", ["agreement"]],
    ["no roles expected (nobody asked)", basis(0.9, 3, 0, 0, 1), "high", []],
    ["nothing answered", basis(0, 0, 0, 4, null), null, []],
    ["nothing applicable", basis(null, 0, 0, 4, null), null, []],
  ] as const)("%s", (_name, figures, confidence, limitedBy) => {
    expect(confidenceOf(figures)).toEqual({ confidence, limitedBy });
  });

  it("never rises when a figure falls", () => {
    const rank = { high: 2, medium: 1, low: 0 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(6),
        fc.nat(4),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (coverage, respondents, present, agreement, drop) => {
          const f = basis(coverage, respondents, present, 4, agreement);
          const lower = basis(coverage * drop, respondents, present, 4, agreement * drop);
          const a = confidenceOf(f).confidence;
          const b = confidenceOf(lower).confidence;
          if (a === null || b === null) return;
          expect(rank[b]).toBeLessThanOrEqual(rank[a]);
        },
      ),
    );
  });
});
