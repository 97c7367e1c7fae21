import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAnswerFiles } from "../../src/io/load-answers.js";
import { loadQuestionnaire } from "../../src/io/load-questionnaire.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/answers");
const { questionnaire } = loadQuestionnaire(
  path.join(FIXTURES, "questionnaire/questionnaire.yaml"),
);

const RESPONDENTS = 3_000;

/**
 * A large answers file (about 1.5 MB) in which every front-line respondent answers `data.network`,
 * put to IT only: one located warning each. One answer off the scale sits in the middle, one at
 * the end. Returns the text and where each finding must be reported.
 */
function largeAnswers() {
  const lines = [
    "# Generated: many respondents, a warning each.",
    "assessment:",
    "  client: { name: Acme }",
    "  date: 2026-03-16",
    "  assessor: Jane Doe",
    "  questionnaire: { id: mini, version: 1.0.0 }",
    "respondents:",
  ];
  const warnings: { line: number; column: number }[] = [];
  const offScale: { line: number; column: number }[] = [];
  for (let i = 0; i < RESPONDENTS; i++) {
    const bad = i === RESPONDENTS / 2 || i === RESPONDENTS - 1;
    lines.push(`  - id: r${i}`, "    role: frontline", "    answers:");
    if (i % 3 === 0) lines.push("      # a comment between answers", "");
    lines.push("      lead.owner:", `        value: ${bad ? 9 : 1 + (i % 5)}`);
    if (bad) offScale.push({ line: lines.length, column: 16 });
    lines.push(`        note: "Respondent ${i}: seen in the weekly review."`);
    lines.push(i % 2 ? "      data.network: 2" : '      "data.network": unknown');
    warnings.push({ line: lines.length, column: 7 });
  }
  return { text: `${lines.join("\n")}\n`, warnings, offScale };
}

describe("a large answers file with many findings", () => {
  it("reports every finding at its own line:column, at the start, middle and end", () => {
    if (!questionnaire) throw new Error("fixture questionnaire did not load");
    const { text, warnings, offScale } = largeAnswers();
    const { issues } = loadAnswerFiles(["-"], questionnaire, { cwd: FIXTURES, stdin: text });
    const at = (code: string) =>
      issues
        .filter((i) => i.code === code)
        .map((i) => ({ line: i.start.line, column: i.start.column }));
    const found = at("question-not-for-role");
    expect(found).toHaveLength(RESPONDENTS);
    expect(found.slice(0, 3)).toEqual(warnings.slice(0, 3));
    expect(found.slice(RESPONDENTS / 2 - 1, RESPONDENTS / 2 + 2)).toEqual(
      warnings.slice(RESPONDENTS / 2 - 1, RESPONDENTS / 2 + 2),
    );
    expect(found.slice(-3)).toEqual(warnings.slice(-3));
    expect(found).toEqual(warnings);
    expect(at("out-of-scale")).toEqual(offScale);
  });
});
