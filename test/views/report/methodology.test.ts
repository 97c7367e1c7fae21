import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AssessmentInput } from "../../../src/core/answers/input.js";
import { scoreAssessment } from "../../../src/core/assessment.js";
import type { Questionnaire } from "../../../src/core/questionnaire/types.js";
import { loadQuestionnaire } from "../../../src/io/load-questionnaire.js";
import { buildReport } from "../../../src/views/report/build.js";
import type { ReportLanguage } from "../../../src/views/report/model.js";

// The `valid` validate fixture brings a methodology; the same pack without it gets neutral wording.
const MINI = path.resolve(import.meta.dirname, "../../fixtures/validate/valid/questionnaire.yaml");

function mini(): Questionnaire {
  const { questionnaire } = loadQuestionnaire(MINI);
  if (!questionnaire) throw new Error("the mini fixture must load");
  return questionnaire;
}

function withoutMethod(q: Questionnaire): Questionnaire {
  const { methodology: _, ...rest } = q;
  return rest;
}

const input = (ownerLevel: number): AssessmentInput => ({
  assessment: {
    client: { name: "Lotus Ltd" },
    date: "2026-03-02",
    assessor: "A. Consultant",
    questionnaire: { id: "mini", version: "1.0.0" },
  },
  respondents: [
    { id: "ceo", role: "executive", answers: { "lead.owner": ownerLevel } },
    { id: "rep", role: "frontline", answers: { "lead.owner": ownerLevel, "lead.hoard": 4 } },
  ],
});

function report(q: Questionnaire, ownerLevel: number, lang: ReportLanguage = "en") {
  return buildReport(scoreAssessment(q, input(ownerLevel)), q, { lang });
}

describe("the report takes its method from the questionnaire", () => {
  it("uses the pack's titles, judgement, exit criteria and standard KPIs", () => {
    const r = report(mini(), 1);
    expect(r.meta.title).toBe("Mini gap report");
    expect(
      buildReport(scoreAssessment(mini(), input(1)), mini(), { kind: "roadmap" }).meta.title,
    ).toBe("Mini roadmap");
    // Not ready (lead below 2), so the verdict-limited sentence joins the first one.
    expect(r.summary.judgement).toEqual([
      `Leadership decides. Leadership scores ${r.profile.rows[0]?.score?.toFixed(2)}.`,
    ]);
    const rigidify = r.roadmap.phases.find((p) => p.phase === "rigidify");
    expect(rigidify?.goal).toBe("Adopt.");
    expect(rigidify?.exitCriteria).toEqual(["Leadership follow the practice."]);
    expect(r.kpis.rows[0]).toMatchObject({
      kpi: "Records",
      frequency: "Weekly",
      source: "standard",
    });
  });

  it("keeps a judgement sentence only while its condition holds, and joins Chinese without spaces", () => {
    const high = report(mini(), 5, "zh-CN");
    expect(high.summary.readiness.verdict).toBe("ready");
    expect(high.summary.judgement).toEqual(["领导决定一切。"]);
    const low = report(mini(), 1, "zh-CN");
    expect(low.summary.judgement[0]).toMatch(/^领导决定一切。领导得分 1\.\d\d。$/);
  });

  it("gives a questionnaire without a method neutral wording and no borrowed judgement", () => {
    const q = withoutMethod(mini());
    for (const lang of ["en", "zh-CN"] as const) {
      const r = report(q, 1, lang);
      expect(r.meta.title).toBe(lang === "en" ? "Mini" : "迷你");
      expect(r.summary.judgement).toEqual([]);
      expect(r.kpis.rows.every((k) => k.source === "plan")).toBe(true);
      expect(r.kpis.principles).toEqual([]);
      const text = JSON.stringify(r);
      // Nothing of the standard pack's method leaks into a custom questionnaire's report.
      expect(text).not.toMatch(/chief executive|benchmark|总经理|标杆|CRM pays back/);
      for (const p of r.roadmap.phases) expect(p.goal.length).toBeGreaterThan(0);
    }
    const roadmap = buildReport(scoreAssessment(q, input(1)), q, { kind: "roadmap" });
    expect(roadmap.meta.title).toBe("Mini: roadmap");
  });
});
