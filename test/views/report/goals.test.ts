import { describe, expect, it } from "vitest";
import { addMonths } from "../../../src/core/scoring/dates.js";
import { buildReport } from "../../../src/views/report/build.js";
import { buildContext } from "../../../src/views/report/context.js";
import { realisticDateFor } from "../../../src/views/report/sections/calibration.js";
import { ACME, ACME_ANSWERS, loadInputs, standardPack } from "../../helpers/report.js";

function acme(opts: { horizonMonths?: number } = {}) {
  return loadInputs(ACME, ACME_ANSWERS, opts).results;
}

describe("the executives' stated goals", () => {
  it("dates a goal by the slowest dimension it depends on, on the roadmap's projection", () => {
    const results = acme();
    const ctx = buildContext(results, standardPack(), {});
    const data = results.dimensions.find((d) => d.id === "data-quality");
    expect(data?.score).not.toBeNull();
    // The climb starts with the first action on the dimension, not on the day of the assessment.
    const first = Math.min(
      ...ctx.plan.actions
        .filter((a) => a.recommendation.dimension === "data-quality")
        .map((a) => a.startWeek),
    );
    expect(first).toBeGreaterThan(0);
    const climb = Math.ceil(
      (((data?.target ?? 0) - (data?.score ?? 0)) * results.monthsPerLevel * 52) / 12 - 1e-9,
    );
    const months = Math.ceil(((first + climb) * 12) / 52 - 1e-9);
    const expected = addMonths(results.assessment.date, months);
    expect(realisticDateFor(ctx, ["data-quality"]).date).toBe(expected);
    expect(ctx.expectations.get("data-quality")).toMatchObject({
      startWeek: first,
      targetWeek: first + climb,
      monthsNeeded: months,
      realisticDate: expected,
    });
    const both = realisticDateFor(ctx, ["data-quality", "culture"]).date ?? "";
    expect(both >= (realisticDateFor(ctx, ["culture"]).date ?? "")).toBe(true);
    expect(both).toBe(expected);
  });

  it("promises no date for a goal whose capability the roadmap does not work on in this cycle", () => {
    // A one-month horizon: only the first actions fit, none of them on customer data quality.
    const results = acme({ horizonMonths: 1 });
    results.assessment.goals = [
      { text: "Clean data", by: "2099-01-01", dimensions: ["data-quality"] },
    ];
    for (const lang of ["en", "zh-CN"] as const) {
      const report = buildReport(results, standardPack(), { lang });
      const [goal] = report.summary.calibration.goals;
      expect(goal?.realisticDate).toBeNull();
      expect(goal?.feasible).toBeNull();
      expect(goal?.sentence).toContain(
        lang === "en" ? "plans no action on Customer data quality" : "没有针对客户数据质量的行动",
      );
      const item = report.summary.calibration.items.find((i) => i.dimension === "data-quality");
      expect(item).toMatchObject({ startWeek: null, monthsNeeded: null, realisticDate: null });
      expect(item?.realisticDateText).toBe(report.labels.nextCycle);
      expect(item?.expectedAtReassessment).toBe(item?.score);
      const detail = report.dimensions.items.find((d) => d.id === "data-quality");
      expect(detail?.expectation?.realisticDate).toBeNull();
    }
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
