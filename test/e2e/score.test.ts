import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../src/core/assessment.js";
import { type Results, resultsSchema } from "../../src/core/models/results.js";
import type { Questionnaire } from "../../src/core/questionnaire/types.js";
import { displayWidth } from "../../src/core/text/width.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { loadAnswerFiles } from "../../src/io/load-answers.js";
import { useColor } from "../../src/io/output.js";
import { renderScoreMarkdown } from "../../src/render/score/markdown.js";
import { renderScoreTable } from "../../src/render/score/table.js";
import { hasStackTrace, REPO, runCli } from "../helpers/cli.js";
import { goldenIn } from "../helpers/golden.js";

const FIXTURES = path.join(REPO, "test/fixtures/answers");
const MINI = path.join(FIXTURES, "questionnaire/questionnaire.yaml");
const VALID = path.join(FIXTURES, "valid");
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);
const ANSI_ALL = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

const ACME = path.join(REPO, "examples/acme-manufacturing");
const HUAXIN = path.join(REPO, "examples/huaxin-retail");
/** Compares with a golden file under test/golden/score/. */
const expectGolden = goldenIn("score");

/**
 * Terminal display width, written independently of cli-table3's string-width: East Asian wide
 * and full-width characters take two columns, everything else one.
 */

/** An example client's answer files, sorted so the order never depends on the file system. */
function exampleFiles(dir: string): string[] {
  const answers = path.join(dir, "answers");
  return readdirSync(answers)
    .sort()
    .map((f) => path.join(answers, f));
}

function scoreInProcess(
  dir: string,
  q: Questionnaire,
  files: string[],
  targets?: Record<string, number>,
): Results {
  const { input, issues } = loadAnswerFiles(files, q, { cwd: dir });
  if (!input) throw new Error(JSON.stringify(issues, null, 2));
  return scoreAssessment(q, input, { targets });
}

describe("crm-maturity score (built CLI)", () => {
  const base = ["score", "ceo.yaml", "staff.json", "-q", MINI, "--targets", "targets.yaml"];

  it("prints the table by default, without colour when piped (golden, en)", () => {
    const r = runCli(base, { cwd: VALID });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expectGolden("table.en.txt", r.stdout);
  });

  it("prints the table in Chinese (golden, zh-CN)", () => {
    const r = runCli([...base, "--lang", "zh-CN"], { cwd: VALID });
    expect(r.status).toBe(0);
    expectGolden("table.zh-CN.txt", r.stdout);
    expect(r.stdout).toContain("就绪度：有条件就绪");
  });

  it("emits the results model as JSON, valid against resultsSchema", () => {
    const r = runCli([...base, "--format", "json"], { cwd: VALID });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(() => resultsSchema.parse(json)).not.toThrow();
    const q = resolveQuestionnaire(MINI);
    const expected = scoreInProcess(VALID, q, ["ceo.yaml", "staff.json"], { lead: 3, data: 4 });
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(json.dimensions[0].target).toBe(3);
  });

  it("emits a Markdown summary with client text escaped (golden)", () => {
    const r = runCli([...base, "--format", "markdown"], { cwd: VALID });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Acme & Sons \\<Ltd>");
    expect(r.stdout).not.toMatch(/(?<!\\)<Ltd>/);
    expectGolden("summary.en.md", r.stdout);
  });

  it("names Markdown md like every other command; markdown stays an alias", () => {
    const md = runCli([...base, "--format", "md"], { cwd: VALID });
    expect(md.status).toBe(0);
    expect(md.stdout).toBe(runCli([...base, "--format", "markdown"], { cwd: VALID }).stdout);
    const bad = runCli([...base, "--format", "html"], { cwd: VALID });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are table, json, md.");
  });

  it("emits the Markdown summary in Chinese (golden)", () => {
    const r = runCli([...base, "--format", "markdown", "--lang", "zh-CN"], { cwd: VALID });
    expect(r.status).toBe(0);
    expectGolden("summary.zh-CN.md", r.stdout);
  });

  it("is deterministic and writes -o files atomically with the same bytes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-score-"));
    const out = path.join(dir, "results.json");
    const a = runCli([...base, "--format", "json", "-o", out], { cwd: VALID });
    expect(a.status).toBe(0);
    expect(a.stdout).toBe("");
    const b = runCli([...base, "--format", "json"], { cwd: VALID });
    expect(readFileSync(out, "utf8")).toBe(b.stdout);
  });

  it("reads answers from standard input for -", () => {
    const input = readFileSync(path.join(VALID, "staff.json"));
    const r = runCli(["score", "ceo.yaml", "-", "-q", MINI, "--format", "json"], {
      cwd: VALID,
      input,
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).respondents).toHaveLength(3);
  });

  it("--horizon overrides the planning horizon", () => {
    const r = runCli([...base, "--format", "json", "--horizon", "3"], { cwd: VALID });
    expect(JSON.parse(r.stdout).horizonMonths).toBe(3);
    const table = runCli(["score", ...exampleFiles(ACME), "--horizon", "1"]);
    expect(table.stdout).toContain("targets out of reach within 1 month at ");
  });

  const invalid: [string, string[], RegExp][] = [
    [
      "unknown-question",
      ["answers.yaml"],
      /^answers\.yaml:11:7 {2}error {2}.*"lead\.ownr".*\(unknown-question\)$/m,
    ],
    [
      "out-of-scale",
      ["answers.yaml"],
      /^answers\.yaml:11:30 {2}error .*found 7 {2}\(out-of-scale\)$/m,
    ],
    [
      "invalid-value",
      ["answers.yaml"],
      /^answers\.yaml:11:21 {2}error {2}expected an answer: .*"maybe"/m,
    ],
    [
      "unknown-role",
      ["answers.yaml"],
      /^answers\.yaml:8:11 {2}error .*"executiv".*\(unknown-role\)$/m,
    ],
    [
      "duplicate-respondent-across-files",
      ["ceo.yaml", "staff.yaml"],
      /^staff\.yaml:10:9 {2}error/m,
    ],
    ["questionnaire-mismatch", ["answers.yaml"], /^answers\.yaml:5:39 {2}error .*0\.9\.0/m],
    ["yaml-syntax", ["answers.yaml"], /^answers\.yaml:9:1 {2}error {2}expected valid YAML/m],
    // A .json answers file is read as JSON: one finding in JSON's terms, not the YAML parser's.
    [
      "json-syntax",
      ["answers.json"],
      /^answers\.json:12:56 {2}error {2}expected valid JSON; found "}" where it cannot stand {2}\(yaml-syntax\)\n(?!answers\.json)/m,
    ],
  ];
  for (const [name, files, line] of invalid) {
    it(`exits 1 with file:line:column for ${name}`, () => {
      const r = runCli(["score", ...files, "-q", MINI], { cwd: path.join(FIXTURES, name) });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(line);
      expect(r.stderr).toMatch(/nothing was scored/);
      expect(hasStackTrace(r.stderr)).toBe(false);
    });
  }

  it("exits 1 on an invalid targets file", () => {
    const dir = path.join(FIXTURES, "targets-unknown-dimension");
    const r = runCli(["score", "answers.yaml", "-q", MINI, "--targets", "targets.yaml"], {
      cwd: dir,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^targets\.yaml:3:3 {2}error .*did you mean "data"/m);
  });

  it("says why nothing was scored in Chinese under --lang zh-CN (answers and targets)", () => {
    const answers = runCli(["score", "answers.yaml", "-q", MINI, "--lang", "zh-CN"], {
      cwd: path.join(FIXTURES, "unknown-role"),
    });
    expect(answers.status).toBe(1);
    expect(answers.stderr).toMatch(/^crm-maturity: 答卷文件有误（1 处错误），未进行计分$/m);
    expect(answers.stderr).not.toMatch(/nothing was scored/);
    const targets = runCli(
      ["score", "answers.yaml", "-q", MINI, "--targets", "targets.yaml", "--lang", "zh-CN"],
      { cwd: path.join(FIXTURES, "targets-unknown-dimension") },
    );
    expect(targets.status).toBe(1);
    expect(targets.stderr).toMatch(
      /^crm-maturity: 目标文件 targets\.yaml 有误（1 处错误），未进行计分$/m,
    );
    // The located findings stay as they are: a file, a line and column, a code.
    expect(targets.stderr).toMatch(/^targets\.yaml:3:3 {2}error /m);
  });

  it("scores despite warnings and prints them on stderr", () => {
    const dir = path.join(FIXTURES, "metadata-mismatch");
    const r = runCli(["score", "a.yaml", "b.yaml", "-q", MINI, "--format", "json"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^b\.yaml:3:9 {2}warning .*\(metadata-mismatch\)$/m);
    expect(JSON.parse(r.stdout).assessment.date).toBe("2026-03-16");
  });

  it("exits 1 on a questionnaire that fails its schema, with zod's finding located", () => {
    // The build's precompiled check refuses the file; zod then explains where and why.
    const dir = mkdtempSync(path.join(tmpdir(), "crm-score-q-"));
    cpSync(path.dirname(MINI), dir, { recursive: true });
    const dimension = path.join(dir, "dimensions", "data.yaml");
    writeFileSync(
      dimension,
      readFileSync(dimension, "utf8").replace(/^weight: 1$/m, "weight: heavy"),
    );
    const r = runCli(["score", "ceo.yaml", "-q", path.join(dir, "questionnaire.yaml")], {
      cwd: VALID,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /data\.yaml:4:9 {2}error {2}expected a number for "weight"; found the text "heavy" {2}\(invalid-type\)/,
    );
    expect(r.stderr).toContain("is invalid; run `crm-maturity validate` on it");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("exits 1 naming the file when an answers file is missing", () => {
    const r = runCli(["score", "missing.yaml", "-q", MINI], { cwd: VALID });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^missing\.yaml:1:1 {2}error .*no such file/m);
  });

  it("reads a folder as the answer files in it, in name order, like the files listed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "score-folder-"));
    cpSync(path.join(ACME, "answers"), path.join(dir, "answers"), { recursive: true });
    writeFileSync(path.join(dir, "answers", "notes.txt"), "not an answers file\n");
    const files = exampleFiles(dir).filter((f) => f.endsWith(".yaml"));
    const listed = runCli(["score", ...files, "--format", "json"], { cwd: dir });
    const folder = runCli(["score", "answers", "--format", "json"], { cwd: dir });
    expect(folder.stderr).toBe("");
    expect(folder.status).toBe(0);
    expect(folder.stdout).toBe(listed.stdout);
    const json = JSON.parse(folder.stdout) as Results;
    expect(json.respondents).toHaveLength(files.length);
    const report = runCli(["report", "answers"], { cwd: dir });
    expect(report.status).toBe(0);
    expect(report.stdout).toBe(runCli(["report", ...files], { cwd: dir }).stdout);
  });

  it("exits 1 at the alias on an answers file whose alias sits inside its own anchor", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "score-cycle-"));
    writeFileSync(path.join(dir, "cycle.yaml"), "assessment:\n  client: &c\n    name: *c\n");
    for (const verb of ["score", "report"]) {
      const r = runCli([verb, "cycle.yaml"], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /^cycle\.yaml:3:11 {2}error {2}expected an alias to a node outside it/m,
      );
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it("exits 1 on a folder without answer files, naming it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "score-empty-"));
    mkdirSync(path.join(dir, "answers"));
    writeFileSync(path.join(dir, "answers", "notes.txt"), "nothing to score\n");
    const r = runCli(["score", "answers", "-q", MINI], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^answers:1:1 {2}error {2}expected a folder with answer files .*found none/m,
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  const usage: [string, string[]][] = [
    ["no answers file", ["score"]],
    ["an unknown format", ["score", "ceo.yaml", "--format", "pdf"]],
    ["an unknown language", ["score", "ceo.yaml", "--lang", "fr"]],
    ["a zero horizon", ["score", "ceo.yaml", "--horizon", "0"]],
    ["standard input twice", ["score", "-", "-"]],
  ];
  for (const [what, args] of usage) {
    it(`exits 2 on ${what}`, () => {
      const r = runCli([...args, "-q", MINI], { cwd: VALID, input: "" });
      expect(r.status).toBe(2);
      expect(hasStackTrace(r.stderr)).toBe(false);
    });
  }

  it("documents itself in --help with examples", () => {
    const r = runCli(["score", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ crm-maturity score/);
    expect(r.stdout).toMatch(/--format <format>/);
  });
});

describe("the example clients", () => {
  const q = resolveQuestionnaire();

  it("acme-manufacturing: perception gap, risks and a conditional verdict", () => {
    const r = runCli([
      "score",
      ...exampleFiles(ACME),
      "--targets",
      path.join(ACME, "targets.yaml"),
      "--format",
      "json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const results = resultsSchema.parse(JSON.parse(r.stdout));
    expect(results.respondentsByRole).toMatchObject({
      executive: 1,
      manager: 2,
      frontline: 3,
      it: 1,
    });
    // Executives rate leadership and culture well above the front line.
    const gaps = Object.fromEntries(results.perceptionGaps.map((g) => [g.dimension, g.gap]));
    expect(gaps.leadership).toBeGreaterThanOrEqual(1.5);
    expect(gaps.culture).toBeGreaterThanOrEqual(1.5);
    expect(results.risks.map((x) => x.id)).toEqual(
      expect.arrayContaining(["good-news-only", "inflated-expectations"]),
    );
    expect(results.risks.length).toBeGreaterThanOrEqual(3);
    expect(results.risks.length).toBeLessThanOrEqual(8);
    expect(results.readiness.verdict).toBe("conditional");
    expect(results.readiness.rules.map((x) => x.id)).toContain("executive-front-line-gap");
    // N/A and unknown answers, notes and evidence all made it through.
    const questions = results.dimensions.flatMap((d) => d.questions);
    expect(questions.some((x) => x.na > 0)).toBe(true);
    expect(questions.some((x) => x.unknown > 0)).toBe(true);
    expect(questions.some((x) => x.notes.some((n) => n.evidence))).toBe(true);
    // The CEO's data quality target is out of reach within the year.
    const data = results.dimensions.find((d) => d.id === "data-quality");
    expect(data?.expectationRisk?.realisticDate).toBeDefined();
  });

  it("acme-manufacturing: the table shows the verdict, risks and perception gaps", () => {
    const r = runCli([
      "score",
      ...exampleFiles(ACME),
      "--targets",
      path.join(ACME, "targets.yaml"),
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Readiness: READY WITH CONDITIONS/);
    expect(r.stdout).toMatch(
      /Perception gaps[\s\S]*Leadership involvement\s+\d\.\d\d\s+\d\.\d\d\s+\+\d/,
    );
    expect(r.stdout).toMatch(/Good-news-only reporting/);
    expect(r.stdout).toMatch(/Expectation risks[\s\S]*Customer data quality/);
  });

  it("huaxin-retail: a not-ready verdict with Chinese notes", () => {
    const results = scoreInProcess(HUAXIN, q, exampleFiles(HUAXIN));
    expect(results.readiness.verdict).toBe("not-ready");
    expect(results.perceptionGaps.map((g) => g.dimension)).toEqual(
      expect.arrayContaining(["leadership", "culture"]),
    );
    const notes = results.dimensions.flatMap((d) => d.questions.flatMap((x) => x.notes));
    expect(notes.some((n) => /[\u4e00-\u9fff]/.test(n.note ?? ""))).toBe(true);
  });
});

describe("score renderers (in process)", () => {
  const q = resolveQuestionnaire();
  const results = scoreInProcess(HUAXIN, q, exampleFiles(HUAXIN));

  it("draws every line of a zh-CN table at the same display width", () => {
    const text = renderScoreTable(results, q, { lang: "zh-CN", color: false, width: 200 });
    const table = text.split("\n").filter((l) => /^[┌│├└]/.test(l));
    expect(table.length).toBeGreaterThan(q.dimensions.length + 3);
    const widths = new Set(table.map((line) => displayWidth(line)));
    expect([...widths]).toHaveLength(1);
    expect(text).toContain("华信零售连锁有限公司");
  });

  it("keeps the widths with colour on, and adds ANSI codes only then", () => {
    const plain = renderScoreTable(results, q, { lang: "zh-CN", color: false, width: 200 });
    const coloured = renderScoreTable(results, q, { lang: "zh-CN", color: true, width: 200 });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI_ALL, "")).toBe(plain);
  });

  it("escapes client text in Markdown", () => {
    const hostile: Results = {
      ...results,
      assessment: {
        ...results.assessment,
        client: { name: "Evil | <script>x</script> [link](http://x) *bold*" },
        assessor: "A_B",
      },
    };
    const md = renderScoreMarkdown(hostile, q, { lang: "en", color: false, width: 200 });
    expect(md).not.toMatch(/(?<!\\)<script>/);
    expect(md).toContain("Evil \\| \\<script>x\\</script> \\[link\\](http://x) \\*bold\\*");
    // Intraword underscores stay, as in the report: GitHub does not read them as emphasis.
    expect(md).toContain("A_B");
  });

  it("uses colour only for a terminal without a non-empty NO_COLOR, and never in files", () => {
    const e = (isTTY: boolean, env: NodeJS.ProcessEnv = {}) => ({ cwd: REPO, isTTY, env });
    expect(useColor(undefined, e(true))).toBe(true);
    expect(useColor("-", e(true))).toBe(true);
    expect(useColor(undefined, e(false))).toBe(false);
    expect(useColor(undefined, e(true, { NO_COLOR: "1" }))).toBe(false);
    expect(useColor(undefined, e(true, { NO_COLOR: "" }))).toBe(true);
    expect(useColor(undefined, e(false, { NO_COLOR: "" }))).toBe(false);
    expect(useColor("out.txt", e(true))).toBe(false);
  });
});
