import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

describe("validate checks profiles like everything else", () => {
  it("locates unknown ids, weights, targets, translations and duplicate profile ids", () => {
    const dir = path.resolve(import.meta.dirname, "../fixtures/profiles/invalid");
    const { issues } = validatePaths([dir], dir);
    const found = issues.map((i) => `${i.file}:${i.start.line}:${i.start.column} ${i.code}`);
    expect(found.sort()).toEqual([
      "profiles.yaml:10:9 unresolved-reference",
      "profiles.yaml:11:31 non-positive-weight",
      "profiles.yaml:12:17 unresolved-reference",
      "profiles.yaml:13:11 duplicate-id",
      "profiles.yaml:4:13 missing-translation",
      "profiles.yaml:7:9 unresolved-reference",
      "profiles.yaml:8:25 non-positive-weight",
      "profiles.yaml:8:36 out-of-scale",
    ]);
    expect(issues.find((i) => i.start.line === 7)?.message).toBe(
      'expected a dimension id of this questionnaire; found "leed" (did you mean "lead"?)',
    );
  });

  it("finds nothing in the bundled pack's profiles", () => {
    const root = path.resolve(import.meta.dirname, "../../questionnaires/crm-maturity");
    expect(validatePaths([root], root).issues).toEqual([]);
  });
});

describe("validate checks each recommendation's RACI and effort range", () => {
  const withRec = (extra: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-raci-"));
    cpSync(path.join(FIXTURES, "valid"), dir, { recursive: true });
    const file = path.join(dir, "dimensions/lead.yaml");
    const text = readFileSync(file, "utf8").replace("    weeks: 2\n", `    weeks: 2\n${extra}`);
    writeFileSync(file, text);
    return dir;
  };

  it("accepts known roles and a range that reads low to high", () => {
    const dir = withRec(
      "    raci: { accountable: executive, consulted: [frontline], informed: [] }\n    effort: { low: 2, high: 2 }\n",
    );
    expect(validatePaths([dir], dir).issues).toEqual([]);
  });

  it("locates an unknown role in accountable, consulted or informed", () => {
    const dir = withRec(
      "    raci:\n      accountable: ceo\n      consulted: [frontline, finance]\n      informed: [frontlin]\n",
    );
    const found = validatePaths([dir], dir).issues.filter((i) => i.code === "unresolved-reference");
    expect(found.map((i) => [i.start.line, i.start.column])).toEqual([
      [37, 20],
      [38, 30],
      [39, 18],
    ]);
    expect(found[2]?.message).toMatch(
      /expected the id of a role .*; found "frontlin" \(did you mean "frontline"\?\)/,
    );
  });

  it("locates an effort range whose high is below its low", () => {
    const dir = withRec("    effort: { low: 6, high: 3 }\n");
    const { issues } = validatePaths([dir], dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "invalid-value",
      severity: "error",
      file: "dimensions/lead.yaml",
      start: { line: 36, column: 29 },
    });
    expect(issues[0]?.message).toMatch(
      /expected effort\.high to be at least effort\.low \(6 person-weeks\); found 3/,
    );
  });

  it("refuses a negative or missing bound through the schema", () => {
    const dir = withRec("    effort: { low: -1 }\n");
    const codes = validatePaths([dir], dir).issues.map((i) => i.code);
    expect(codes).toContain("missing-field");
    expect(codes).toContain("invalid-value");
  });
});

describe("validate checks that a perception gap has the two roles it compares", () => {
  const withPerceptionRisk = (roles: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-perception-"));
    cpSync(path.join(FIXTURES, "valid"), dir, { recursive: true });
    const file = path.join(dir, "questionnaire.yaml");
    const text = readFileSync(file, "utf8")
      .replace(
        "  - { id: executive, name: { en: Executive, zh-CN: 高层 } }\n  - { id: frontline, name: { en: Front line, zh-CN: 一线 } }\n",
        roles,
      )
      .replace(
        "readiness:\n",
        "risks:\n  - id: blind\n    title: { en: Blind, zh-CN: 盲区 }\n    severity: medium\n    when: { perceptionGap: { dimension: lead, atLeast: 1 } }\n    mitigation: { en: Listen., zh-CN: 倾听。 }\nreadiness:\n",
      );
    writeFileSync(file, text);
    return dir;
  };

  it("accepts it when the questionnaire has executive and frontline roles that answer", () => {
    const dir = withPerceptionRisk(
      "  - { id: executive, name: { en: Executive, zh-CN: 高层 } }\n  - { id: frontline, name: { en: Front line, zh-CN: 一线 } }\n",
    );
    expect(validatePaths([dir], dir).issues).toEqual([]);
  });

  it("locates a perception gap condition that can never hold in a pack with other roles", () => {
    // A custom pack with its own roles: the risk would silently never be raised.
    const dir = withPerceptionRisk(
      "  - { id: director, name: { en: Director, zh-CN: 总监 } }\n  - { id: frontline, name: { en: Front line, zh-CN: 一线 } }\n  - { id: executive, name: { en: Board, zh-CN: 董事会 }, respondent: false }\n",
    );
    const { issues } = validatePaths([dir], dir);
    expect(issues.map((i) => `${i.file}:${i.start.line}:${i.start.column} ${i.code}`)).toEqual([
      "questionnaire.yaml:21:28 unresolved-reference",
    ]);
    const found = issues[0];
    expect(found?.severity).toBe("error");
    expect(found?.message).toMatch(
      /expected the roles "executive" and "frontline" that answer, which a perception gap compares; found no "executive" among the questionnaire's roles \(director, frontline, executive\)/,
    );
  });
});

describe("validate checks that a question is put to roles that answer", () => {
  it("locates a question put only to an owner role, which nobody answers as", () => {
    // survey wrote such a question as "(for  only)"; interviews never asked it.
    const dir = mkdtempSync(path.join(tmpdir(), "crm-owner-role-"));
    cpSync(path.join(FIXTURES, "valid"), dir, { recursive: true });
    const root = path.join(dir, "questionnaire.yaml");
    writeFileSync(
      root,
      readFileSync(root, "utf8").replace(
        "  - { id: frontline, name: { en: Front line, zh-CN: 一线 } }\n",
        "  - { id: frontline, name: { en: Front line, zh-CN: 一线 } }\n  - { id: hr, name: { en: HR, zh-CN: 人力资源 }, respondent: false }\n",
      ),
    );
    const dim = path.join(dir, "dimensions/lead.yaml");
    writeFileSync(
      dim,
      readFileSync(dim, "utf8").replace("    roles: [frontline]\n", "    roles: [hr]\n"),
    );
    const { issues } = validatePaths([dir], dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "unresolved-reference",
      severity: "error",
      file: "dimensions/lead.yaml",
    });
    expect(issues[0]?.message).toBe(
      'expected a role that answers in the roles of question "lead.hoard"; found "hr", which the questionnaire marks `respondent: false` (it owns roadmap actions but never answers)',
    );
  });
});

describe("validate's schema messages read without knowing regular expressions", () => {
  const copyValid = (edit: (lead: string) => string) => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-validate-words-"));
    cpSync(path.join(FIXTURES, "valid"), dir, { recursive: true });
    const lead = path.join(dir, "dimensions/lead.yaml");
    writeFileSync(lead, edit(readFileSync(lead, "utf8")));
    return dir;
  };

  it("says what an id looks like instead of printing its pattern", () => {
    const dir = copyValid((s) =>
      s.replace("dependsOn: [lead.charter]", "dependsOn: [Lead.Charter]"),
    );
    const [issue] = validatePaths([dir], dir).issues;
    expect(issue?.code).toBe("invalid-value");
    expect(issue?.message).toBe(
      `expected "dependsOn" to be an id of lower-case letters and digits, starting with a letter, parts joined by '-', '_' or '.' (e.g. lead.owner); found the text "Lead.Charter"`,
    );
  });

  it("quotes an unknown key as other found values are, so a line break in it stays on one line", () => {
    const dir = copyValid((s) => s.replace("weight: 1\n", 'weight: 1\n"wei\\nght<&>": 2\n'));
    const [issue] = validatePaths([dir], dir).issues;
    expect(issue?.code).toBe("unknown-key");
    expect(issue?.message).toMatch(/; found unknown key "wei\\nght<&>"$/);
  });
});
