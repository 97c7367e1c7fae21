import { describe, expect, it } from "vitest";
import { acmeReport } from "../../helpers/report.js";

// A standing measure (the method's KPIs, tracked all along) is not done by a date: the report
// names when it is first met, the end of the first phase with work in it, then that it is held
// at each phase review; a KPI of the plan is met by the end of its phase.
describe("a standing measure's due date", () => {
  it.each([
    [
      "en" as const,
      "By the end of Rigidify (1 November 2026), then at each phase review",
      "Agreed with the baseline; met by the end of the Rigidify phase (1 November 2026), then held",
      "End of Rigidify, 1 November 2026",
    ],
    [
      "zh-CN" as const,
      "“僵化”阶段结束时（2026年11月1日）及此后每次阶段评审",
      "与基线一并商定；在“僵化”阶段结束前（2026年11月1日）达成，此后每次阶段评审保持",
      "“僵化”阶段结束前（2026年11月1日）",
    ],
  ])("reads first met, then held at each phase review (%s)", (lang, due, target, planDue) => {
    const r = acmeReport({ lang });
    const standing = r.kpis.rows.filter((row) => row.source === "standard");
    expect(standing.length).toBeGreaterThan(0);
    for (const row of standing) expect(row.due).toBe(due);
    const names = new Set(standing.map((row) => row.kpi));
    const card = r.kpis.scorecard.filter((row) => names.has(row.kpi));
    expect(card.length).toBeGreaterThan(0);
    for (const row of card) expect(row.target).toBe(target);
    // A KPI of the plan keeps the end of its phase.
    const plan = r.kpis.rows.find((row) => row.source === "plan" && row.phase === "rigidify");
    expect(plan?.due).toBe(planDue);
  });
});
