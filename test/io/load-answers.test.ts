import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Questionnaire } from "../../src/core/questionnaire/types.js";
import { loadAnswerFiles, loadTargetsFile } from "../../src/io/load-answers.js";
import { loadQuestionnaire } from "../../src/io/load-questionnaire.js";
import { TEMPLATE_PLACEHOLDERS } from "../../src/views/answers-template.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/answers");

function fixtureQuestionnaire(): Questionnaire {
  const { questionnaire, issues } = loadQuestionnaire(
    path.join(FIXTURES, "questionnaire/questionnaire.yaml"),
  );
  if (!questionnaire) throw new Error(JSON.stringify(issues));
  return questionnaire;
}

const q = fixtureQuestionnaire();

interface Expectation {
  files: string[];
  targets?: string;
  /** Check for `init`'s placeholders, reporting them with this severity. */
  placeholders?: "error" | "warning";
  code: string;
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
}

/** The codes an answers or targets file can raise. */
const ANSWER_CODES = [
  "unknown-question",
  "unknown-role",
  "unknown-dimension",
  "duplicate-respondent",
  "questionnaire-mismatch",
  "question-not-for-role",
  "metadata-mismatch",
  "target-override",
  "non-respondent-role",
  "template-placeholder",
  "out-of-scale",
  "invalid-value",
  "missing-field",
  "yaml-syntax",
  "not-a-mapping",
];

const cases = readdirSync(FIXTURES).filter(
  (d) => d !== "questionnaire" && d !== "valid" && !d.includes("."),
);

describe("loadAnswerFiles reports each answer-file problem at its line:column", () => {
  it("has a fixture for every answer-file issue code", () => {
    const codes = new Set(
      cases.map(
        (c) =>
          (JSON.parse(readFileSync(path.join(FIXTURES, c, "expect.json"), "utf8")) as Expectation)
            .code,
      ),
    );
    for (const code of ANSWER_CODES) expect(codes).toContain(code);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(FIXTURES, name);
      const expected = JSON.parse(
        readFileSync(path.join(dir, "expect.json"), "utf8"),
      ) as Expectation;
      const answers = loadAnswerFiles(expected.files, q, {
        cwd: dir,
        ...(expected.placeholders
          ? { placeholders: { texts: TEMPLATE_PLACEHOLDERS, severity: expected.placeholders } }
          : {}),
      });
      const issues = [...answers.issues];
      if (expected.targets) {
        issues.push(...loadTargetsFile(expected.targets, q, { cwd: dir }).issues);
      }
      const match = issues.find((i) => i.code === expected.code);
      expect(match, JSON.stringify(issues, null, 2)).toBeDefined();
      expect(match).toMatchObject({
        severity: expected.severity,
        file: expected.file,
        start: { line: expected.line, column: expected.column },
      });
      // Errors say what was expected and what was found; warnings say what the merge decided.
      if (expected.severity === "error") expect(match?.message).toMatch(/expected .*found /s);
      // Scoring only goes ahead when nothing in the answers is an error.
      const hasError = answers.issues.some((i) => i.severity === "error");
      expect(answers.input === undefined || !hasError).toBe(true);
      if (expected.severity === "warning" && !hasError) expect(answers.input).toBeDefined();
    });
  }
});

describe("loadAnswerFiles merging", () => {
  const dir = path.join(FIXTURES, "valid");

  it("merges YAML and JSON files into one assessment", () => {
    const { input, issues } = loadAnswerFiles(["ceo.yaml", "staff.json"], q, { cwd: dir });
    expect(issues).toEqual([]);
    expect(input?.respondents.map((r) => `${r.id}:${r.role}`)).toEqual([
      "ceo:executive",
      "fl-1:frontline",
      "it-1:it",
    ]);
    expect(input?.assessment.client.name).toBe("Acme & Sons <Ltd>");
  });

  it("reads standard input for -", () => {
    const text = readFileSync(path.join(dir, "staff.json"), "utf8");
    const { input, issues } = loadAnswerFiles(["ceo.yaml", "-"], q, { cwd: dir, stdin: text });
    expect(issues).toEqual([]);
    expect(input?.respondents).toHaveLength(3);
  });

  it("locates problems in standard input as <stdin>", () => {
    const { input, issues } = loadAnswerFiles(["-"], q, {
      cwd: dir,
      stdin: readFileSync(path.join(FIXTURES, "unknown-role/answers.yaml")),
    });
    expect(input).toBeUndefined();
    expect(issues[0]).toMatchObject({ code: "unknown-role", file: "<stdin>" });
  });

  it("reports a missing file without throwing", () => {
    const { input, issues } = loadAnswerFiles(["nope.yaml"], q, { cwd: dir });
    expect(input).toBeUndefined();
    expect(issues).toMatchObject([{ code: "file-unreadable", file: "nope.yaml" }]);
  });

  it("loads a targets file", () => {
    expect(loadTargetsFile("targets.yaml", q, { cwd: dir })).toEqual({
      targets: { lead: 3, data: 4 },
      issues: [],
    });
  });
});
