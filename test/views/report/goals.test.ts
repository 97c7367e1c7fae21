import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/views/report/build.js";
import { realisticDateFor } from "../../../src/views/report/sections/calibration.js";
import { ACME, ACME_ANSWERS, loadInputs, standardPack } from "../../helpers/report.js";

function acme() {
  return loadInputs(ACME, ACME_ANSWERS).results;
}

describe("the executives' stated goals", () => {
  it("dates a goal by the slowest dimension it depends on, at the questionnaire's pace", () => {
    const results = acme();
    const data = results.dimensions.find((d) => d.id === "data-quality");
    expect(data?.score).not.toBeNull();
    // ceil((target − score) × 9) months after the assessment date.
    const months = Math.ceil(((data?.target ?? 0) - (data?.score ?? 0)) * 9 - 1e-9);
    const expected = new Date(`${results.assessment.date}T00:00:00Z`);
    expected.setUTCMonth(expected.getUTCMonth() + months);
    expect(realisticDateFor(results, ["data-quality"])).toBe(expected.toISOString().slice(0, 10));
    const both = realisticDateFor(results, ["data-quality", "culture"]) ?? "";
    expect(both >= (realisticDateFor(results, ["culture"]) ?? "")).toBe(true);
    expect(both).toBe(realisticDateFor(results, ["data-quality"]));
  });

  it("says whether each goal can stand, and never dates one that rests on an unmeasured dimension", () => {
    const results = acme();
    results.assessment.goals = [
      { text: "Too soon", by: results.assessment.date, dimensions: ["data-quality"] },
      { text: "Far off", by: "2099-01-01", dimensions: ["data-quality"] },
      { text: "Unmeasured", dimensions: ["culture"] },
    ];
    const culture = results.dimensions.find((d) => d.id === "culture");
    if (culture) Object.assign(culture, { score: null, level: null, gap: null });
    const goals = buildReport(results, standardPack()).summary.calibration.goals;
    expect(goals.map((g) => g.feasible)).toEqual([false, true, null]);
    expect(goals[2]?.realisticDate).toBeNull();
    expect(goals[0]?.sentence).toContain("restating the goal");
    expect(goals[1]?.sentence).toContain("can stand");
  });
});
