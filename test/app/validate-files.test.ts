import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validatePaths } from "../../src/app/validate-files.js";
import { ISSUE_RULES } from "../../src/core/diagnostics/codes.js";
import { issueCodeTables } from "../../src/core/diagnostics/doc-table.js";
import {
  ISSUE_CODES,
  type IssueCode,
  QUESTIONNAIRE_ISSUE_CODES,
} from "../../src/core/diagnostics/issue.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/validate");

interface Expectation {
  code: string;
  severity: string;
  file: string;
  line: number;
  column: number;
}

const cases = readdirSync(FIXTURES).filter((d) => d !== "valid");

describe("validate finds each issue code at its line:column", () => {
  it("has a fixture for every issue code", () => {
    expect([...cases].sort()).toEqual([...QUESTIONNAIRE_ISSUE_CODES].sort());
  });

  it("reports nothing for the valid fixture", () => {
    const dir = path.join(FIXTURES, "valid");
    expect(validatePaths([dir], dir).issues).toEqual([]);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = path.join(FIXTURES, name);
      const expected = JSON.parse(
        readFileSync(path.join(dir, "expect.json"), "utf8"),
      ) as Expectation;
      const { issues } = validatePaths([dir], dir);
      const match = issues.find((i) => i.code === expected.code);
      expect(match, JSON.stringify(issues, null, 2)).toBeDefined();
      expect(match).toMatchObject({
        severity: expected.severity,
        file: expected.file,
        start: { line: expected.line, column: expected.column },
      });
      // Findings carry the default severity the docs and SARIF rules publish.
      expect(match?.severity).toBe(ISSUE_RULES[expected.code as IssueCode].severity);
      // The message states what was expected and what was found.
      expect(match?.message).toMatch(/expected .*; found /s);
    });
  }
});

describe("docs/validate.md", () => {
  it("documents every issue code (run `npm run docs:codes` when this fails)", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/validate.md"), "utf8");
    expect(doc).toContain(`<!-- codes:start -->\n${issueCodeTables()}<!-- codes:end -->`);
    for (const code of ISSUE_CODES) expect(doc).toContain(`| \`${code}\` |`);
  });
});
