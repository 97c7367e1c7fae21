import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAPPING_PLACEHOLDERS } from "../../src/core/answers/placeholders.js";
import { mappingSchema } from "../../src/core/models/mapping.js";
import { renderJsonSchema } from "../../src/core/models/schemas.js";
import { parseHeader } from "../../src/survey/header.js";
import { loadMapping } from "../../src/survey/mapping.js";
import { PRESETS } from "../../src/survey/presets.js";
import { bindMapping } from "../../src/survey/respondent.js";
import { TEMPLATE_PLACEHOLDERS } from "../../src/views/answers-template.js";
import { questionnaire, tmp } from "../batch/helpers.js";

const HEAD = `assessment:
  client: { name: Acme }
  date: 2024-03-31
  assessor: Test
  questionnaire: { id: batch-test, version: 1.0.0 }
`;

function load(body: string) {
  const dir = tmp();
  const file = path.join(dir, "mapping.yaml");
  writeFileSync(file, HEAD + body);
  return loadMapping(file, questionnaire(), dir);
}

const at = (issue: { start: { line: number; column: number } } | undefined) =>
  issue ? `${issue.start.line}:${issue.start.column}` : "none";

describe("mapping.yaml", () => {
  it("loads a valid mapping with defaults", () => {
    const { mapping, issues } = load(
      "respondent:\n  role: { default: frontline }\nquestions:\n  Q1: lead.ceo-ownership\n",
    );
    expect(issues).toEqual([]);
    expect(mapping?.mapping).toMatchObject({
      preset: "generic",
      groupBy: [],
      exclude: [],
      labels: {},
      builtinLabels: true,
      blank: "omit",
    });
  });

  it("reports schema errors with file:line:column", () => {
    const { mapping, issues } = load(
      "preset: qualtricks\nrespondent:\n  role: { default: frontline }\nquestions:\n  Q1: lead.ceo-ownership\nlabels: { Agree: 7 }\n",
    );
    expect(mapping).toBeUndefined();
    expect(issues.map((i) => [i.code, at(i)])).toEqual([
      ["invalid-value", "6:9"],
      ["invalid-value", "11:18"],
    ]);
    expect(issues[0]?.message).toMatch(/expected one of "qualtrics".*found the text "qualtricks"/);
    expect(issues[0]?.file).toBe("mapping.yaml");
  });

  it("checks question ids, roles, duplicate questions, rules and the questionnaire", () => {
    const { issues } = load(
      [
        "respondent:",
        "  role:",
        "    column: Role",
        "    values: { CEO: chief }",
        "exclude:",
        "  - { column: Status }",
        "  - { column: Email, matches: '(' }",
        "questions:",
        "  Q1: lead.ceo-ownershp",
        "  Q2: lead.bad-news",
        "  Q3: { question: lead.bad-news }",
        "",
      ].join("\n"),
    );
    expect(issues.map((i) => [i.code, at(i)])).toEqual([
      ["unresolved-reference", "14:7"],
      ["duplicate-id", "16:19"],
      ["unresolved-reference", "9:20"],
      ["missing-field", "11:5"],
      ["invalid-value", "12:31"],
    ]);
    expect(issues[0]?.message).toMatch(
      /expected a question id of questionnaire batch-test 1\.0\.0; found "lead\.ceo-ownershp"/,
    );
    expect(issues[2]?.message).toMatch(
      /expected one of the questionnaire's roles that answer \(executive, manager, frontline, it\); found "chief"/,
    );
  });

  it("requires a role column or a default role, and the right questionnaire", () => {
    const dir = tmp();
    const file = path.join(dir, "m.yaml");
    writeFileSync(
      file,
      HEAD.replace("batch-test, version: 1.0.0", "batch-test, version: 2.0.0") +
        "respondent:\n  role: {}\nquestions:\n  Q1: lead.ceo-ownership\n",
    );
    const { issues } = loadMapping(file, questionnaire(), dir);
    expect(issues.map((i) => i.code)).toEqual(["invalid-value", "missing-field"]);
    expect(issues[0]?.message).toMatch(
      /expected questionnaire batch-test 1\.0\.0.*found batch-test 2\.0\.0/,
    );
  });

  it("refuses a mapping with no question column, at its questions", () => {
    // What `map init` writes when no column matched: scoring it would read no answer at all.
    const { mapping, issues } = load(
      "respondent:\n  role: { default: frontline }\nquestions:\n  {}  # TODO\n",
    );
    expect(mapping).toBeUndefined();
    expect(issues.map((i) => [i.code, i.severity, at(i)])).toEqual([
      ["invalid-value", "error", "9:3"],
    ]);
    expect(issues[0]?.message).toMatch(/expected at least one question column.*found none/);
  });

  it("warns, when asked to, about the placeholders a suggested mapping still holds", () => {
    const dir = tmp();
    const file = path.join(dir, "mapping.yaml");
    const suggested = HEAD.replace("{ name: Acme }", `{ name: "${MAPPING_PLACEHOLDERS.name}" }`)
      .replace("assessor: Test", `assessor: ${MAPPING_PLACEHOLDERS.assessor}`)
      .concat(
        "respondent:\n  role: { default: frontline }\nquestions:\n  Q1: lead.ceo-ownership\n",
      );
    writeFileSync(file, suggested);
    const warned = loadMapping(file, questionnaire(), dir, TEMPLATE_PLACEHOLDERS);
    expect(warned.mapping).toBeDefined();
    expect(warned.issues.map((i) => [i.code, i.severity, at(i)])).toEqual([
      ["template-placeholder", "warning", "2:19"],
      ["template-placeholder", "warning", "4:13"],
    ]);
    expect(warned.issues[0]?.message).toBe(
      `expected the client's name in assessment.client.name; found "TODO client name", a placeholder (fill it in: a report refuses results that carry it)`,
    );
    expect(loadMapping(file, questionnaire(), dir).issues).toEqual([]);
    // A filled-in mapping is quiet.
    expect(
      load("respondent:\n  role: { default: frontline }\nquestions:\n  Q1: lead.ceo-ownership\n")
        .issues,
    ).toEqual([]);
  });

  it("locates columns the export does not have in the mapping file", () => {
    const loaded = load(
      "respondent:\n  id: ResponseId\n  role: { column: Role }\nquestions:\n  Q1: lead.ceo-ownership\n  Q9: lead.bad-news\n",
    ).mapping;
    if (!loaded) throw new Error("expected a mapping");
    const header = parseHeader([["ResponseID ", "Role", "Q1", "Q1"]], PRESETS.generic, 1);
    const { bound, issues } = bindMapping(loaded, header);
    expect(bound).toBeUndefined();
    expect(issues.map((i) => [i.code, at(i)])).toEqual([
      ["unresolved-reference", "10:3"],
      ["unresolved-reference", "11:3"],
    ]);
    expect(issues[0]?.message).toMatch(
      /"Q1" to name one column; found it in columns C, D \(refer to one as "#3" or "#4"\)/,
    );
    expect(issues[1]?.message).toMatch(/expected a column named "Q9" in header row 1/);
  });

  it("matches headers ignoring case, width and spacing, and #N positions", () => {
    const loaded = load(
      "respondent:\n  id: responseid\n  role: { column: '#2' }\nquestions:\n  'Ｑ１': lead.ceo-ownership\n",
    ).mapping;
    if (!loaded) throw new Error("expected a mapping");
    const header = parseHeader([["ResponseId", "Role", "Q1"]], PRESETS.generic, 1);
    const { bound } = bindMapping(loaded, header);
    expect(bound?.idColumn?.index).toBe(0);
    expect(bound?.roleColumn?.index).toBe(1);
    expect(bound?.slots.map((s) => s.column.index)).toEqual([2]);
  });

  it("finds a numbered title whose wording was edited by its number, and locates what it cannot tell", () => {
    const loaded = load(
      [
        "preset: google-forms",
        "respondent:",
        "  role: { column: What is your role in the company? }",
        "questions:",
        "  Q1 · How does the chief executive take part?: lead.ceo-ownership",
        "  Q2 · Bad news reaches the executives quickly.: lead.bad-news",
        "  Q3 · Values are shared.: cult.shared-values",
        "  Q4 · Records are complete.: data.complete",
        "",
      ].join("\n"),
    ).mapping;
    if (!loaded) throw new Error("expected a mapping");
    const bind = (keys: string[]) =>
      bindMapping(loaded, parseHeader([keys], PRESETS["google-forms"], 1));
    const role = ["Timestamp", "What is your role in the company?"];
    // Q2's wording edited in the form, Q4 moved before Q3: each found by its number.
    const edited = bind([
      ...role,
      "Q1 · How does the chief executive take part?",
      "Q2 · Bad news about customers reaches the executive team quickly.",
      "Q4 · Records are complete.",
      "Q3 · Values are shared.",
    ]);
    expect(edited.issues).toEqual([]);
    expect(edited.bound?.slots.map((s) => [s.questionId, s.column.index])).toEqual([
      ["lead.ceo-ownership", 2],
      ["lead.bad-news", 3],
      ["cult.shared-values", 5],
      ["data.complete", 4],
    ]);
    // Q2's number dropped from its title, and two titles numbered Q3: nothing to go by.
    const lost = bind([
      ...role,
      "Q1 · How does the chief executive take part?",
      "Bad news reaches the executives quickly!",
      "Q3 · Values are shared!",
      "Q3 · Records are complete.",
      "Q4 · Records are complete.",
    ]);
    expect(lost.bound).toBeUndefined();
    expect(lost.issues.map((i) => [i.code, at(i)])).toEqual([
      ["unresolved-reference", "11:3"],
      ["unresolved-reference", "12:3"],
    ]);
    expect(lost.issues[0]?.message).toMatch(
      /expected a column named "Q2 · Bad news reaches the executives quickly\.", or one whose header starts with its number \(Q2 · …\), in header row 1 of the export; found none/,
    );
    expect(lost.issues[1]?.message).toMatch(
      /expected "Q3 · Values are shared\." to name one column; found its number, Q3, heading columns E, F \(refer to one as "#5" or "#6"\)/,
    );
  });

  it("publishes a JSON Schema with descriptions", () => {
    const schema = JSON.parse(renderJsonSchema("mapping"));
    expect(schema.title).toBe("crm-maturity survey export mapping");
    expect(schema.properties.preset.enum).toContain("wjx");
    expect(schema.properties.questions.description).toMatch(/question id/);
    expect(mappingSchema.description).toMatch(/survey export/);
  });
});
