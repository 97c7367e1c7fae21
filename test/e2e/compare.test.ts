import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "../helpers/cli.js";
import { BASELINE, FOLLOWUP, V1, V2 } from "../helpers/lotus.js";

let tmp: string;
let baselineJson: string;
let followupJson: string;
const QS = ["--baseline-questionnaire", V1, "-q", V2];

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "crm-compare-"));
  baselineJson = path.join(tmp, "baseline.json");
  followupJson = path.join(tmp, "followup.json");
  for (const [answers, q, out] of [
    [BASELINE, V1, baselineJson],
    [FOLLOWUP, V2, followupJson],
  ] as const) {
    const r = runCli(["score", answers, "-q", q, "--format", "json", "-o", out]);
    expect(r.status, r.stderr).toBe(0);
  }
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Line and column (1-based) of the first occurrence of `needle` in a file. */
function positionOf(file: string, needle: string): string {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split("\n");
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

describe("crm-maturity compare", () => {
  it("compares two answer files scored with their own questionnaire versions", () => {
    // Wide enough for a row of every table on one line (the layouts have their own tests).
    const r = runCli(["compare", BASELINE, FOLLOWUP, ...QS], { env: { COLUMNS: "200" } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Progress report — Lotus Kitchenware Co.");
    expect(r.stdout).toMatch(/Leadership involvement †.*2\.27.*3\.19.*▲ \+0\.92.*53%/);
    expect(r.stdout).toContain("not ready → ready with conditions (▲ improved)");
    expect(r.stdout).toContain("+ data.quality-measured");
    expect(r.stdout).toContain("- cult.not-my-job");
    expect(r.stdout).toContain("~ lead.expectations");
    expect(r.stdout).not.toContain(`${String.fromCharCode(27)}[`);
    expect(r.stderr).toBe("");
  });

  it("gives the same comparison from results JSON as from the answers", () => {
    const fromAnswers = runCli(["compare", BASELINE, FOLLOWUP, ...QS, "--format", "json"]);
    const fromResults = runCli(["compare", baselineJson, followupJson, ...QS, "--format", "json"]);
    expect(fromResults.status, fromResults.stderr).toBe(0);
    expect(fromResults.stdout).toBe(fromAnswers.stdout);
    expect(JSON.parse(fromResults.stdout)).toMatchObject({
      schemaVersion: 1,
      questions: { basis: "questionnaires" },
    });
  });

  it("compares results by question id when their questionnaires are not given, and says so", () => {
    const r = runCli(["compare", baselineJson, followupJson, "--format", "md"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("compared by id only");
    expect(r.stdout).toContain("- `data.quality-measured`");
    // The document states the caveat; only standard error names the options that remove it.
    expect(r.stdout).not.toMatch(/--baseline-questionnaire|-q\b/);
    expect(r.stderr).toBe(
      "crm-maturity: warning: questions are compared by id only; pass both questionnaires (--baseline-questionnaire and -q) to compare their texts, anchors, types and weights\n",
    );
  });

  it("mixes a results JSON baseline with an answers follow-up", () => {
    const r = runCli(["compare", baselineJson, FOLLOWUP, "-q", V2, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.baseline.questionnaireAvailable).toBe(false);
    expect(c.followup.questionnaireAvailable).toBe(true);
    // -q describes the follow-up; the baseline only fell back to it, so no warning about -q,
    // only the way to compare the questions' texts as well.
    expect(c.questions.basis).toBe("ids-only");
    expect(r.stderr).toBe(
      "crm-maturity: warning: questions are compared by id only; pass both questionnaires (--baseline-questionnaire and -q) to compare their texts, anchors, types and weights\n",
    );
  });

  it("writes Markdown in Chinese to a file with -o", () => {
    const out = path.join(tmp, "progress.md");
    const r = runCli([
      "compare",
      BASELINE,
      FOLLOWUP,
      ...QS,
      "--format",
      "md",
      "--lang",
      "zh-CN",
      "-o",
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const md = readFileSync(out, "utf8");
    expect(md).toContain("# 进展报告 — Lotus Kitchenware Co.");
    expect(md).toContain("尚未就绪 → 有条件就绪（▲ 改善）");
  });

  it("reads one input from standard input", () => {
    const r = runCli(["compare", "-", followupJson, "--format", "json"], {
      input: readFileSync(baselineJson),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).baseline.date).toBe("2026-01-15");
  });

  it("warns but compares when the client names differ", () => {
    const renamed = path.join(tmp, "renamed.json");
    writeFileSync(
      renamed,
      readFileSync(followupJson, "utf8").replace(/"Lotus Kitchenware Co\."/g, '"Lotus Holdings"'),
    );
    const r = runCli(["compare", baselineJson, renamed]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'warning: The client names differ: "Lotus Kitchenware Co." at baseline, "Lotus Holdings" at follow-up.',
    );
    expect(r.stdout).toContain("Warnings");
  });
});

describe("crm-maturity compare: bad input exits 1 with file:line:column", () => {
  it("refuses a follow-up dated before the baseline (swapped arguments)", () => {
    const r = runCli(["compare", followupJson, baselineJson]);
    expect(r.status).toBe(1);
    const at = positionOf(baselineJson, '"2026-01-15"');
    expect(r.stderr).toContain(
      `${baselineJson}:${at}  error  expected the follow-up to be dated on or after the baseline's 2026-07-15`,
    );
    expect(r.stderr).toContain("Are the arguments swapped?");
    expect(r.stdout).toBe("");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("locates an invalid value in a results JSON", () => {
    const bad = path.join(tmp, "bad-results.json");
    writeFileSync(bad, readFileSync(baselineJson, "utf8").replace('"score": 2.27', '"score": 7'));
    const r = runCli(["compare", bad, followupJson]);
    expect(r.status).toBe(1);
    const [line, col] = positionOf(bad, '"score": 7').split(":").map(Number);
    expect(r.stderr).toContain(
      `${bad}:${line}:${(col ?? 0) + 9}  error  expected "score" to be at most 5; found number 7`,
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("locates an answer to an unknown question", () => {
    const bad = path.join(tmp, "bad-answers.yaml");
    writeFileSync(
      bad,
      readFileSync(FOLLOWUP, "utf8").replace("lead.programme-lead: 3", "lead.programme-leed: 3"),
    );
    const r = runCli(["compare", BASELINE, bad, ...QS]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:${positionOf(bad, "lead.programme-leed")}  error`);
    expect(r.stderr).toContain('found "lead.programme-leed"');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("points to --baseline-questionnaire when the baseline answers are of another version", () => {
    const r = runCli(["compare", BASELINE, FOLLOWUP, "-q", V2]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "expected crm-maturity version 1.1.0, found 1.0.0  (questionnaire-mismatch)",
    );
    expect(r.stderr).toContain("--baseline-questionnaire");
  });

  it("reports a missing file and a file that is neither results nor answers", () => {
    const missing = runCli(["compare", path.join(tmp, "nope.json"), followupJson]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /nope\.json:1:1 {2}error {2}expected a readable file; found no such file/,
    );
    const list = path.join(tmp, "list.yaml");
    writeFileSync(list, "- 1\n- 2\n");
    const r = runCli(["compare", baselineJson, list]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${list}:1:1  error  expected a results JSON (with schemaVersion) or an answers file`,
    );
  });
});

describe("crm-maturity compare: usage errors exit 2", () => {
  it.each([
    [
      ["--format", "odt"],
      "argument 'odt' is invalid. Allowed choices are table, md, pdf, docx, pptx, json.",
    ],
    [["--lang", "fr"], "argument 'fr' is invalid"],
    [["--movers", "many"], "--movers expects a whole number"],
    [["--colour"], "unknown option '--colour'"],
  ])("%j", (extra, message) => {
    const r = runCli(["compare", BASELINE, FOLLOWUP, ...extra]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("needs both inputs and reads standard input only once", () => {
    expect(runCli(["compare", BASELINE]).status).toBe(2);
    const r = runCli(["compare", "-", "-"], { input: "" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("standard input (-) can be read only once");
  });

  it("documents itself with examples and exit codes", () => {
    const r = runCli(["compare", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("--baseline-questionnaire <file>");
    expect(r.stdout).toContain("Exit codes:");
  });

  it("takes --template <dir> like report: compare.md.hbs there replaces the bundled one", () => {
    const dir = mkdtempSync(path.join(tmp, "templates-"));
    writeFileSync(path.join(dir, "compare.md.hbs"), "# {{heading}}\n\nCustom: {{interval}}\n");
    const r = runCli([
      "compare",
      baselineJson,
      followupJson,
      ...QS,
      "--format",
      "md",
      "--template",
      dir,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Progress report — Lotus Kitchenware Co\.?\n\nCustom: /);
    // A folder without compare.md.hbs (only other documents' files) keeps the bundled template.
    const other = mkdtempSync(path.join(tmp, "templates-"));
    writeFileSync(path.join(other, "report.md.hbs"), "custom report\n");
    const bundled = runCli(["compare", baselineJson, followupJson, ...QS, "--format", "md"]);
    const same = runCli([
      "compare",
      baselineJson,
      followupJson,
      ...QS,
      "--format",
      "markdown",
      "--template",
      other,
    ]);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toBe(bundled.stdout);
  });

  it("exits 1 with file:line for a compare template with a misspelt field or bad partial", () => {
    const dir = mkdtempSync(path.join(tmp, "templates-"));
    writeFileSync(path.join(dir, "compare.md.hbs"), "{{> ../escape}}\n");
    const r = runCli(
      ["compare", baselineJson, followupJson, ...QS, "--format", "md", "--template", dir],
      {
        cwd: dir,
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^compare\.md\.hbs:1:1 {2}error .*\(include-outside-root\)/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
    writeFileSync(path.join(dir, "compare.md.hbs"), "{{headding}}\n");
    const strict = runCli([
      "compare",
      baselineJson,
      followupJson,
      ...QS,
      "--format",
      "md",
      "--template",
      dir,
    ]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("headding");
    expect(hasStackTrace(strict.stderr)).toBe(false);
  });
});

describe("compare across the standard pack's versions", () => {
  const REPO = path.resolve(import.meta.dirname, "../..");
  const PACK_V1 = path.join(REPO, "test/fixtures/compare/pack-1.0.0/questionnaire.yaml");
  const CEO_V1 = path.join(REPO, "test/fixtures/compare/acme-1.0.0/01-ceo.yaml");
  const CEO_V2 = path.join(REPO, "examples/acme-manufacturing/answers/01-ceo.yaml");

  it("reads a 1.0.0 assessment against a 2.0.0 one and names the questions that changed", () => {
    const r = runCli(["compare", CEO_V1, CEO_V2, "--baseline-questionnaire", PACK_V1], {
      env: { COLUMNS: "200" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toMatch(/^ {4}- chg\.see-value {2}I understand what the CRM programme/m);
    expect(r.stdout).toMatch(/^ {4}\+ chg\.value-for-me {2}I can explain/m);
    expect(r.stdout).toMatch(
      /^ {4}~ cult\.not-my-job .*\(text, reverse scoring, kind \(fact or experience\), roles\)$/m,
    );
    expect(r.stdout).toMatch(
      /^ {4}~ lead\.ceo-ownership .*\(kind \(fact or experience\), roles\)$/m,
    );
  });

  it("--profile with a 1.0.0 baseline (no profiles): the baseline is scored standard, and the output says so", () => {
    const r = runCli([
      "compare",
      CEO_V1,
      CEO_V2,
      "--baseline-questionnaire",
      PACK_V1,
      "--profile",
      "b2b-industrial",
      "--format",
      "json",
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const c = JSON.parse(r.stdout);
    expect(c.warnings).toContainEqual({
      code: "profile-unavailable",
      baseline: "standard",
      followup: "b2b-industrial",
    });
    expect(c.warnings.map((w: { code: string }) => w.code)).not.toContain("profile-mismatch");
    expect(r.stderr).toContain(
      "The baseline's questionnaire declares no industry or size profiles, so the baseline is scored with the standard weights and targets, and only the follow-up with the b2b-industrial profile.",
    );
    const zh = runCli([
      "compare",
      CEO_V1,
      CEO_V2,
      "--baseline-questionnaire",
      PACK_V1,
      "--profile",
      "b2b-industrial",
      "--lang",
      "zh-CN",
    ]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain(
      "基线所用的问卷没有定义行业与规模设定，因此基线按标准权重和目标计分",
    );
  });

  it("--profile when neither questionnaire declares profiles stays a usage error", () => {
    const r = runCli(["compare", CEO_V1, CEO_V1, "-q", PACK_V1, "--profile", "b2b-industrial"]);
    expect(r.status).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/--profile: expected a profile of crm-maturity 1\.0\.0 \(standard\)/);
  });

  it("does so from results JSON too, the baseline scored with 1.0.0", () => {
    const base = path.join(tmp, "acme-1.0.0.json");
    const scored = runCli(["score", CEO_V1, "-q", PACK_V1, "--format", "json", "-o", base]);
    expect(scored.status, scored.stderr).toBe(0);
    const r = runCli(["compare", base, CEO_V2, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.questions.removed.map((q: { id: string }) => q.id)).toEqual([
      "chg.blueprints",
      "chg.see-value",
    ]);
    expect(c.questions.added.map((q: { id: string }) => q.id)).toContain("integ.customer-channels");
  });
});
