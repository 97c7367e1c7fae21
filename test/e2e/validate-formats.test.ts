// What `crm-maturity validate` prints for machines, checked on the built CLI's real output: SARIF
// against the official OASIS SARIF 2.1.0 schema, GitHub workflow commands against their grammar,
// JUnit XML through a conforming XML parser, and all of them against each other and the JSON.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../../src/core/diagnostics/issue.js";
import { type CliResult, REPO, runCli } from "../helpers/cli.js";
import { parseXml, type XmlElement } from "../helpers/xml.js";

const FIXTURES = path.join(REPO, "test/fixtures/validate");
const SCHEMA_FILE = path.join(REPO, "test/fixtures/schemas/sarif-2.1.0/sarif-schema-2.1.0.json");
const SCHEMA_TEXT = readFileSync(SCHEMA_FILE, "utf8");
const OFFICIAL = JSON.parse(SCHEMA_TEXT) as Record<string, unknown>;

// The keywords whose meaning draft-04 and draft-07 share, which lets ajv (draft-07) check a
// draft-04 schema; `id` is draft-04's `$id` and is only allowed at the root.
const SHARED_KEYWORDS = new Set([
  "$ref",
  "$schema",
  "additionalProperties",
  "anyOf",
  "default",
  "definitions",
  "description",
  "enum",
  "format",
  "items",
  "maximum",
  "minItems",
  "minimum",
  "oneOf",
  "pattern",
  "properties",
  "required",
  "title",
  "type",
  "uniqueItems",
]);

/** Every keyword the schema uses (names under `properties` and `definitions` are not keywords). */
function keywordsOf(node: unknown, found = new Set<string>(), isNameMap = false): Set<string> {
  if (Array.isArray(node)) for (const item of node) keywordsOf(item, found);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (!isNameMap) found.add(key);
      keywordsOf(value, found, !isNameMap && (key === "properties" || key === "definitions"));
    }
  }
  return found;
}

// ajv-formats is not a dependency; these check what the schema's formats mean for the URIs we
// write: only characters RFC 3986 allows (anything else percent-encoded), and parseable.
const URI_CHARACTERS = /^(?:[\w\-.~!$&'()*+,;=:@/?#]|%[0-9A-F]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  formats: {
    uri: (s: string) => SCHEME.test(s) && URI_CHARACTERS.test(s) && URL.canParse(s),
    "uri-reference": (s: string) =>
      URI_CHARACTERS.test(s) && (SCHEME.test(s) ? URL.canParse(s) : URL.canParse(s, "file:///")),
    "date-time": (s: string) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(s),
  },
});
const { $schema: _draft, id: _id, ...officialRules } = OFFICIAL;
const checkSarif = ajv.compile(officialRules);

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region };
  }[];
}
interface SarifRun {
  tool: { driver: { rules: { id: string }[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  results: SarifResult[];
}
interface JsonIssue {
  code: string;
  severity: string;
  message: string;
}

/** The file a SARIF result names, as a path (from cwd's %SRCROOT% or an absolute file URI). */
function sarifFile(run: SarifRun, result: SarifResult): string {
  const { uri, uriBaseId } = result.locations[0]?.physicalLocation.artifactLocation ?? { uri: "" };
  if (uriBaseId === undefined) return fileURLToPath(uri);
  const base = run.originalUriBaseIds[uriBaseId]?.uri ?? "";
  return fileURLToPath(new URL(uri, base));
}

/** What SARIF 2.1.0 requires beyond its schema, for the parts of it we write. */
function expectSarifRules(run: SarifRun): void {
  for (const [id, base] of Object.entries(run.originalUriBaseIds)) {
    expect(SCHEME.test(base.uri) && base.uri.endsWith("/"), id).toBe(true); // §3.14.14
  }
  for (const result of run.results) {
    expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId); // §3.27.6
    const { artifactLocation, region } = result.locations[0]?.physicalLocation ?? {};
    if (artifactLocation?.uriBaseId !== undefined) {
      expect(run.originalUriBaseIds).toHaveProperty([artifactLocation.uriBaseId]); // §3.4.4
      expect(artifactLocation.uri).not.toMatch(SCHEME);
      expect(artifactLocation.uri).not.toMatch(/^\//);
    } else expect(artifactLocation?.uri).toMatch(/^file:\/\//);
    if (!region) throw new Error("no region");
    expect(region.endLine).toBeGreaterThanOrEqual(region.startLine); // §3.30.7
    if (region.endLine === region.startLine) {
      expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn); // §3.30.8
    }
  }
}

// A workflow command as @actions/core writes it: properties escape % CR LF : and , and the
// message % CR LF (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts).
const PROPERTY = "(?:[^%\\r\\n:,]|%(?:25|0D|0A|3A|2C))+";
const ANNOTATION = new RegExp(
  `^::(error|warning) file=(${PROPERTY}),line=(\\d+),col=(\\d+),endLine=(\\d+),endColumn=(\\d+),title=(${PROPERTY})::((?:[^%\\r\\n]|%(?:25|0D|0A))*)$`,
);

/** Checks each annotation's grammar and that it says what the SARIF result at its place says. */
function expectAnnotationsMatch(stdout: string, run: SarifRun, base: string): void {
  const lines = stdout === "" ? [] : stdout.replace(/\n$/, "").split("\n");
  expect(lines).toHaveLength(run.results.length);
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) throw new Error(`not a workflow command: ${line}`);
    const [, level, file = "", line1, col, endLine, endColumn, title = "", message = ""] = m;
    const result = run.results[i] as SarifResult;
    const region = result.locations[0]?.physicalLocation.region;
    expect(level).toBe(result.level);
    expect(decodeURIComponent(title)).toBe(result.ruleId);
    expect(decodeURIComponent(message)).toBe(result.message.text);
    expect(path.resolve(base, decodeURIComponent(file))).toBe(sarifFile(run, result));
    expect([line1, col, endLine, endColumn].map(Number)).toEqual([
      region?.startLine,
      region?.startColumn,
      region?.endLine,
      region?.endColumn,
    ]);
  });
}

const count = (element: XmlElement, name: string): number =>
  element.children.filter((c) => c.name === name).length;

/** The JUnit XML parses, its counts add up and each failure names a finding and its severity. */
function expectJunitMatches(stdout: string, issues: readonly JsonIssue[]): void {
  const { root, encoding } = parseXml(stdout);
  expect(encoding).toBe("UTF-8");
  expect(root.name).toBe("testsuites");
  const suites = root.children;
  const cases = suites.flatMap((s) => s.children);
  const failures = cases.flatMap((c) => c.children);
  expect(suites.every((s) => s.name === "testsuite")).toBe(true);
  expect(cases.every((c) => c.name === "testcase")).toBe(true);
  expect(failures.every((f) => f.name === "failure")).toBe(true);
  expect(Number(root.attributes.tests)).toBe(cases.length);
  expect(Number(root.attributes.failures)).toBe(failures.length);
  expect(root.attributes.errors).toBe("0");
  for (const suite of suites) {
    expect(suite.attributes).toMatchObject({ errors: "0", time: "0" });
    expect(suite.attributes.name).toBeTruthy();
    expect(Number(suite.attributes.tests)).toBe(suite.children.length);
    expect(Number(suite.attributes.failures)).toBe(
      suite.children.reduce((n, c) => n + count(c, "failure"), 0),
    );
  }
  for (const testcase of cases) {
    expect(testcase.attributes.name).toBeTruthy();
    expect(testcase.attributes.classname).toBeTruthy();
    expect(testcase.attributes.time).toBe("0");
  }
  expect(Math.max(cases.length, 1)).toBe(Math.max(issues.length, 1));
  expect(failures.map((f) => [f.attributes.type, f.attributes.message])).toEqual(
    issues.map((issue) => [issue.code, issue.message]),
  );
  failures.forEach((failure, i) => {
    expect(ISSUE_CODES).toContain(failure.attributes.type);
    expect(failure.text.startsWith(`${issues[i]?.severity} ${issues[i]?.code} at `)).toBe(true);
  });
}

interface Case {
  name: string;
  cwd: () => string;
  args: () => string[];
  env?: Record<string, string>;
  status: number;
  stderr?: string;
  /** The fewest findings the run must report (0 for clean runs, which must report none). */
  findings: number;
}

let outsideCwd = "";
let encodedRoot = "";
// Folder names needing percent-encoding in a URI: space, `#`, `%`, `[ ]`, `:`, `?`, non-ASCII.
const ODD_NAME = "odd #1 %20 [a]:b? 中文";

const CASES: Case[] = [
  {
    name: "every finding of the validate fixtures (errors and warnings)",
    cwd: () => FIXTURES,
    args: () =>
      readdirSync(FIXTURES, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `${e.name}/`)
        .sort(),
    status: 1,
    findings: 30,
  },
  {
    name: "warnings only",
    cwd: () => path.join(FIXTURES, "missing-kpis"),
    args: () => ["."],
    status: 0,
    findings: 1,
  },
  {
    name: "warnings over --max-warnings",
    cwd: () => path.join(FIXTURES, "missing-kpis"),
    args: () => [".", "--max-warnings", "0"],
    status: 1,
    stderr: "crm-maturity: 1 warning exceeds --max-warnings 0\n",
    findings: 1,
  },
  {
    name: "a clean questionnaire",
    cwd: () => path.join(FIXTURES, "valid"),
    args: () => [],
    status: 0,
    findings: 0,
  },
  {
    name: "the bundled pack",
    cwd: () => REPO,
    args: () => ["questionnaires/"],
    status: 0,
    findings: 0,
  },
  {
    name: "GitHub Actions, from a subfolder of the workspace",
    cwd: () => path.join(FIXTURES, "missing-kpis"),
    args: () => ["."],
    env: { GITHUB_WORKSPACE: REPO },
    status: 0,
    findings: 1,
  },
  {
    name: "file names that need percent-encoding, under the working folder",
    cwd: () => encodedRoot,
    args: () => [`${ODD_NAME}/unknown-key/`, `${ODD_NAME}/missing-kpis/`],
    status: 1,
    findings: 2,
  },
  {
    name: "file names that need percent-encoding, outside the working folder",
    cwd: () => outsideCwd,
    args: () => [path.join(encodedRoot, ODD_NAME, "unknown-key")],
    status: 1,
    findings: 1,
  },
];

const run = (c: Case, format: string): CliResult =>
  runCli(["validate", ...c.args(), "--format", format], {
    cwd: c.cwd(),
    ...(c.env ? { env: c.env } : {}),
  });

describe("validate's machine-readable formats (built CLI)", () => {
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-validate-formats-"));
    encodedRoot = path.join(dir, "root");
    outsideCwd = path.join(dir, "elsewhere");
    mkdirSync(outsideCwd, { recursive: true });
    for (const fixture of ["unknown-key", "missing-kpis"]) {
      cpSync(path.join(FIXTURES, fixture), path.join(encodedRoot, ODD_NAME, fixture), {
        recursive: true,
      });
    }
  });

  it("checks against the official, unmodified SARIF 2.1.0 schema, read with draft-07's meaning", () => {
    expect(createHash("sha256").update(SCHEMA_TEXT).digest("hex")).toBe(
      "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e",
    );
    expect(OFFICIAL.$schema).toBe("http://json-schema.org/draft-04/schema#");
    expect(OFFICIAL.id).toBe(
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
    );
    const keywords = keywordsOf(officialRules);
    expect([...keywords].filter((k) => !SHARED_KEYWORDS.has(k))).toEqual([]);
    // The schema rejects what it should: a region needs a start, a level is one of four.
    expect(checkSarif({ version: "2.1.0", runs: [] })).toBe(true);
    expect(checkSarif({ version: "2.1.0", runs: [], extra: 1 })).toBe(false);
    expect(ajv.validate({ $ref: "#/definitions/region", ...officialRules }, { endLine: 2 })).toBe(
      false,
    );
    expect(
      ajv.validate(
        { $ref: "#/definitions/result", ...officialRules },
        { level: "info", message: { text: "x" } },
      ),
    ).toBe(false);
    expect(
      ajv.validate(
        { $ref: "#/definitions/artifactLocation", ...officialRules },
        { uri: "a b.yaml" },
      ),
    ).toBe(false);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const outputs = Object.fromEntries(
        ["json", "sarif", "github", "junit"].map((format) => [format, run(c, format)]),
      ) as Record<"json" | "sarif" | "github" | "junit", CliResult>;
      for (const [format, r] of Object.entries(outputs)) {
        expect(r.status, `${format}: ${r.stderr}`).toBe(c.status);
        expect(r.stderr, format).toBe(c.stderr ?? "");
      }
      const issues = (JSON.parse(outputs.json.stdout) as { issues: JsonIssue[] }).issues;
      if (c.findings === 0) expect(issues).toEqual([]);
      else expect(issues.length).toBeGreaterThanOrEqual(c.findings);

      const sarif = JSON.parse(outputs.sarif.stdout);
      expect(checkSarif(sarif), ajv.errorsText(checkSarif.errors)).toBe(true);
      const sarifRun = sarif.runs[0] as SarifRun;
      expectSarifRules(sarifRun);
      expect(sarifRun.results.map((r) => [r.ruleId, r.level, r.message.text])).toEqual(
        issues.map((issue) => [issue.code, issue.severity, issue.message]),
      );

      // GitHub annotations, like SARIF, name files from the workspace when run inside it.
      const base = c.env?.GITHUB_WORKSPACE ?? c.cwd();
      expectAnnotationsMatch(outputs.github.stdout, sarifRun, base);
      expectJunitMatches(outputs.junit.stdout, issues);
    });
  }
});
