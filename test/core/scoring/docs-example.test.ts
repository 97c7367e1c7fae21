import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { answersFile } from "../../../src/core/answers/schema.js";
import { scoreAssessment } from "../../../src/core/assessment.js";
import { workedExample } from "../../fixtures/scoring/worked-example/case.js";

// Keeps the worked example in docs/scoring.md and its fixture in step.
describe("docs/scoring.md worked example", () => {
  it("scores the documented answers exactly like the fixture", () => {
    const doc = readFileSync(new URL("../../../docs/scoring.md", import.meta.url), "utf8");
    const block = /<!-- worked-example:answers -->\s*```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const answers = answersFile.parse(parse(block ?? ""));
    const { questionnaire, input, expected } = workedExample;
    const fromDocs = scoreAssessment(questionnaire, answers);
    expect(fromDocs).toEqual(scoreAssessment(questionnaire, input));
    expect(fromDocs).toMatchObject(expected);
  });
});
