import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../../src/core/assessment.js";
import { RENDERERS } from "../../../src/render/report/index.js";
import { buildReport } from "../../../src/views/report/build.js";
import { questionKinds } from "../../fixtures/scoring/question-kinds/case.js";

const results = () => scoreAssessment(questionKinds.questionnaire, questionKinds.input);

describe("facts rated two or more levels apart reach the report", () => {
  it.each([
    ["en", "### Facts to settle with evidence", "the assessor should look at the documents"],
    ["zh-CN", "### 需凭证据核实的事实", "评估人应查阅相关文件或记录"],
  ] as const)("in %s, apart from the disagreements", async (lang, heading, advice) => {
    const report = buildReport(results(), questionKinds.questionnaire, { lang });
    expect(report.perception.factConflicts.items.map((f) => f.question)).toEqual(["f1"]);
    expect(report.perception.disagreements.map((d) => d.question)).toEqual(["x1"]);
    const md = String(await RENDERERS.md(report, { cwd: process.cwd() }));
    expect(md).toContain(heading);
    expect(md).toContain(advice);
    expect(md.slice(md.indexOf(heading))).toMatch(/^\| d \| f1 \| 2 \| 5 \| 3 \|$/m);
  });
});
