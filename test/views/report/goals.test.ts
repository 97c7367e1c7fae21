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

  it("states how a goal is measured and the value named, in both languages", () => {
    const results = acme();
    results.assessment.goals = [
      {
        text: "Buy again",
        metric: "CSAT",
        target: "98%",
        by: "2099-01-01",
        dimensions: ["culture"],
      },
      { text: "Only a target", target: "95%", dimensions: ["culture"] },
      { text: "Nothing named", dimensions: ["culture"] },
    ];
    const en = buildReport(results, standardPack()).summary.calibration.goals;
    expect(en.map((g) => [g.metric, g.target])).toEqual([
      ["CSAT", "98%"],
      [null, "95%"],
      [null, null],
    ]);
    expect(en[0]?.sentence).toMatch(/^“Buy again” \(CSAT: 98%, by .*2099\) rests on /);
    expect(en[1]?.sentence).toMatch(/^“Only a target” \(95%\) rests on /);
    expect(en[2]?.sentence).toMatch(/^“Nothing named” rests on /);
    const zh = buildReport(results, standardPack(), { lang: "zh-CN" }).summary.calibration.goals;
    expect(zh[0]?.sentence).toMatch(/^“Buy again”（CSAT：98%，期望.*2099.*前实现）取决于/);
    expect(zh[2]?.sentence).toMatch(/^“Nothing named”取决于/);
  });
});
