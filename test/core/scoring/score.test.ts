import { describe, expect, it } from "vitest";
import { resultsSchema } from "../../../src/core/models/results.js";
import { scoreAssessment } from "../../../src/core/scoring/score.js";
import type { ScoringCase } from "../../fixtures/scoring/build.js";
import { criticalCap } from "../../fixtures/scoring/critical-cap/case.js";
import { disagreement } from "../../fixtures/scoring/disagreement/case.js";
import { expectationRisk } from "../../fixtures/scoring/expectation-risk/case.js";
import { inconclusive } from "../../fixtures/scoring/inconclusive/case.js";
import { naUnknown } from "../../fixtures/scoring/na-unknown/case.js";
import { perceptionGap } from "../../fixtures/scoring/perception-gap/case.js";
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
    });
    expect(results.dimensions[0]).toMatchObject({ score: null, coverage: null, gap: null });
    expect(results.readiness.verdict).toBe("ready");
  });
});
