import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../../src/core/assessment.js";
import { resultsSchema, upgradeResults } from "../../../src/core/models/results.js";
import { workedExample } from "../../fixtures/scoring/worked-example/case.js";

/** What `score --format json` wrote before results schema version 2. */
function versionOne(): Record<string, unknown> {
  const r = JSON.parse(
    JSON.stringify(scoreAssessment(workedExample.questionnaire, workedExample.input)),
  );
  r.schemaVersion = 1;
  delete r.factConflicts;
  delete r.overall.confidenceBasis;
  for (const d of r.dimensions) {
    delete d.confidenceBasis;
    for (const q of d.questions) {
      delete q.kind;
      delete q.factConflict;
    }
  }
  return r;
}

describe("upgradeResults", () => {
  it("reads a version-1 results file as version 2, keeping its scores and confidence", () => {
    const v1 = versionOne();
    expect(resultsSchema.safeParse(v1).success).toBe(false);
    const upgraded = resultsSchema.parse(upgradeResults(v1));
    expect(upgraded.schemaVersion).toBe(2);
    expect(upgraded.factConflicts).toEqual([]);
    expect(upgraded.dimensions[0]).toMatchObject({
      score: 3,
      confidence: "medium",
      confidenceBasis: {
        respondents: 2,
        rolesPresent: ["executive", "frontline"],
        agreement: null,
        limitedBy: [],
      },
    });
    expect(upgraded.dimensions[0]?.questions.every((q) => q.kind === null && !q.factConflict)).toBe(
      true,
    );
    expect(upgraded.overall.confidenceBasis.rolesPresent).toEqual(["executive", "frontline"]);
  });

  it("leaves anything else to the schema", () => {
    for (const value of [null, 3, [], { schemaVersion: 7 }, { schemaVersion: 2, x: 1 }]) {
      expect(upgradeResults(value)).toBe(value);
    }
  });
});
