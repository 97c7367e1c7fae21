import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { answersFile } from "../../src/core/answers/schema.js";
import {
  type AnswersFormat,
  AnswersText,
  parseAnswersDocument,
  renderAnswersDocument,
  respondentOf,
  setRespondentAnswers,
} from "../../src/interview/document.js";

const ORDER = new Map(["q1", "q2", "q3", "q4"].map((id, i) => [id, i]));

/** An answers file with `n` respondents, comments and notes a consultant might have written. */
function yamlFile(n: number, opts: { flow?: boolean } = {}): string {
  const lines = [
    "# Acme interviews, kept by hand",
    "assessment:",
    "  client: { name: Acme }",
    "  date: 2026-03-02",
    "  assessor: Jane",
    "  questionnaire: { id: crm-maturity, version: 2.0.0 }",
  ];
  if (opts.flow) {
    const items = Array.from(
      { length: n },
      (_, i) => `{ id: r${i}, role: manager, answers: { q1: 2 } }`,
    );
    return `${[...lines, `respondents: [${items.join(", ")}]`].join("\n")}\n`;
  }
  lines.push("respondents:");
  for (let i = 0; i < n; i++) {
    if (i % 7 === 3) lines.push(`  # respondent ${i} was interviewed twice`);
    lines.push(`  - id: r${i}`, "    role: manager", "    answers:");
    lines.push(`      q1: ${(i % 5) + 1} # checked against the CRM`);
    if (i % 3 === 0) {
      lines.push(
        "      q2:",
        "        value: 3",
        "        note: |-",
        "          First line of a long note.",
        "",
        "          After a blank line.",
      );
    }
    if (i % 4 === 1) lines.push("");
  }
  lines.push("# end of file");
  return `${lines.join("\n")}\n`;
}

function jsonFile(n: number): string {
  const doc = parseYaml(yamlFile(n));
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function session(text: string, format: AnswersFormat) {
  const doc = parseAnswersDocument(text);
  return { doc, text: new AnswersText(doc, format) };
}

describe("AnswersText: saving one respondent renders only them", () => {
  for (const [name, format, source, inPlace] of [
    ["YAML with comments, blank lines and block notes", "yaml", yamlFile(50), true],
    ["YAML with a flow-style list", "yaml", yamlFile(5, { flow: true }), false],
    ["JSON", "json", jsonFile(50), true],
  ] as const) {
    it(`gives exactly the whole render after every save (${name})`, () => {
      const { doc, text } = session(source, format);
      const count = parseYaml(source).respondents.length as number;
      for (const index of [0, 3, count - 1, 3, Math.floor(count / 2)]) {
        for (const [id, value] of [
          ["q3", 4],
          ["q1", 1],
          ["q4", { value: 2, note: "a note: with a colon\nand a second line" }],
        ] as const) {
          setRespondentAnswers(
            doc,
            index,
            { ...respondentOf(doc, index).answers, [id]: value },
            ORDER,
          );
          const saved = text.withRespondent(index);
          expect(saved).toBe(renderAnswersDocument(doc, format));
          expect(text.inPlace).toBe(inPlace);
          // What was saved reads back as a valid answers file with the new answer in place.
          const back = answersFile.parse(parseYaml(saved));
          expect(back.respondents[index]?.answers[id]).toEqual(value);
          expect(back.respondents).toHaveLength(count);
        }
      }
    });
  }

  it("keeps comments and the other respondents exactly as they were", () => {
    const source = yamlFile(50);
    const { doc, text } = session(source, "yaml");
    setRespondentAnswers(doc, 10, { ...respondentOf(doc, 10).answers, q4: 5 }, ORDER);
    const saved = text.withRespondent(10);
    const before = source.split("\n");
    const after = saved.split("\n");
    // Every line of the original file is still there, in order, and only q4's line was added.
    const added = after.filter((line) => !before.includes(line));
    expect(added).toEqual(["      q4: 5"]);
    for (const comment of before.filter((line) => line.trimStart().startsWith("#"))) {
      expect(after).toContain(comment);
    }
    expect(after.filter((line, i) => before[i] !== line).length).toBeGreaterThan(0);
    const others = (t: string) =>
      parseYaml(t).respondents.filter((_: unknown, i: number) => i !== 10);
    expect(others(saved)).toEqual(others(source));
  });

  it("renders the whole document again after a change outside the respondent", () => {
    const { doc, text } = session(yamlFile(4), "yaml");
    text.withRespondent(1);
    doc.setIn(["assessment", "assessor"], "John");
    text.reset();
    setRespondentAnswers(doc, 1, { q1: 5 }, ORDER);
    const saved = text.withRespondent(1);
    expect(saved).toBe(renderAnswersDocument(doc, "yaml"));
    expect(saved).toContain("assessor: John");
  });
});
