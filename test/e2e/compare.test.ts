import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleAnswers, hasStackTrace, runCli } from "../helpers/cli.js";
import { BASELINE, FOLLOWUP, V1, V2 } from "../helpers/lotus.js";
import { packageParts } from "../helpers/ooxml.js";
import { pdfText, squash } from "../render/pdf/helpers.js";

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

  it("words its own warnings in Chinese under --lang zh-CN", () => {
    // Questions compared by id only.
    const ids = runCli([
      "compare",
      baselineJson,
      followupJson,
      "--format",
      "md",
      "--lang",
      "zh-CN",
    ]);
    expect(ids.status, ids.stderr).toBe(0);
    expect(ids.stderr).toBe(
      "crm-maturity: 警告：题目仅按 id 比较；如需同时比较题目文字、锚点、题型和权重，请同时提供两次评估的问卷（--baseline-questionnaire 和 -q）\n",
    );
    // A -q that does not describe the follow-up's results: its texts are not used.
    const other = runCli([
      "compare",
      baselineJson,
      followupJson,
      "-q",
      V1,
      "--format",
      "json",
      "--lang",
      "zh-CN",
    ]);
    expect(other.status, other.stderr).toBe(0);
    expect(other.stderr).toMatch(
      /^crm-maturity: 警告：-q \S+ 是 crm-maturity 1\.0\.0，而复评结果是按 crm-maturity 1\.1\.0 计分的；不采用其中的题目文字$/m,
    );
    expect(other.stderr).not.toContain("warning");
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
    // The caveats come before the figures they bear on.
    expect(r.stdout.indexOf("Notes on this comparison")).toBeGreaterThan(0);
    expect(r.stdout.indexOf("Notes on this comparison")).toBeLessThan(
      r.stdout.indexOf("Scores by dimension"),
    );
  });
});

describe("crm-maturity compare: bad input exits 1 with file:line:column", () => {
  it("refuses a follow-up dated before the baseline (swapped arguments)", () => {
    const r = runCli(["compare", followupJson, baselineJson]);
    expect(r.status).toBe(1);
    const at = positionOf(baselineJson, '"2026-01-15"');
    // The dates in words, as every warning gives them; the file names say which file is which.
    expect(r.stderr).toContain(
      `${baselineJson}:${at}  error  expected the follow-up to be dated on or after the baseline of 15 July 2026 (${followupJson}); found 15 January 2026.`,
    );
    expect(r.stderr).toContain("Are the arguments swapped?");
    expect(r.stderr).toContain("crm-maturity: the follow-up is dated before the baseline\n");
    expect(r.stderr).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(r.stdout).toBe("");
    expect(hasStackTrace(r.stderr)).toBe(false);
    const zh = runCli(["compare", followupJson, baselineJson, "--lang", "zh-CN"]);
    expect(zh.status).toBe(1);
    // Under --lang zh-CN the command's line is Chinese; the located finding stays in English.
    expect(zh.stderr).toContain(
      `${baselineJson}:${at}  error  expected the follow-up to be dated on or after the baseline of 15 July 2026 (${followupJson}); found 15 January 2026.`,
    );
    expect(zh.stderr).toContain("crm-maturity: 复评的评估日期早于基线\n");
    expect(zh.stderr).not.toMatch(/\d{4}-\d{2}-\d{2}/);
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
      names: {
        baseline: [],
        followup: [{ en: "B2B manufacturing and industrial", "zh-CN": "B2B 制造与工业" }],
      },
    });
    expect(c.warnings.map((w: { code: string }) => w.code)).not.toContain("profile-mismatch");
    expect(r.stderr).toContain(
      "crm-maturity: warning: The baseline's questionnaire declares no industry or size profiles, so the baseline is scored with the standard weights and targets, and only the follow-up with the B2B manufacturing and industrial profile.",
    );
    const zh = runCli(
      [
        "compare",
        CEO_V1,
        CEO_V2,
        "--baseline-questionnaire",
        PACK_V1,
        "--profile",
        "b2b-industrial",
        "--lang",
        "zh-CN",
      ],
      { env: { COLUMNS: "200" } },
    );
    expect(zh.status, zh.stderr).toBe(0);
    // The document and standard error name the profile in their language.
    const sentence =
      "基线所用的问卷没有定义行业与规模设定，因此基线按标准权重和目标计分，只有复评按“B2B 制造与工业”设定计分。";
    expect(zh.stdout).toContain(sentence);
    expect(zh.stdout).not.toContain("b2b-industrial");
    expect(zh.stderr).toContain(`crm-maturity: 警告：${sentence}`);
    expect(zh.stderr).not.toMatch(/warning|b2b-industrial/);
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

describe("compare when a role answered at one assessment only", () => {
  // Acme's March interviews again in September, the front line not interviewed this time: the
  // same answers from the roles both share, so any change shown would not be real.
  let dir: string;
  let all: string;
  let noFront: string;
  let noIt: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "crm-compare-roles-"));
    const copy = (name: string, skip: RegExp, date: string) => {
      const folder = path.join(dir, name);
      mkdirSync(folder);
      for (const file of exampleAnswers("acme-manufacturing")) {
        if (skip.test(path.basename(file))) continue;
        const text = readFileSync(file, "utf8").replace("date: 2026-03-16", `date: ${date}`);
        writeFileSync(path.join(folder, path.basename(file)), text);
      }
      return folder;
    };
    all = copy("all", /^$/, "2026-03-16");
    noFront = copy("no-front", /field-sales|service-desk|inside-sales/, "2026-09-16");
    noIt = copy("no-it", /it-manager/, "2026-03-16");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("compares answer files on the roles both share, and says so on standard error by name", () => {
    const r = runCli(["compare", all, noFront, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.warnings).toEqual([
      {
        code: "role-mismatch",
        baseline: "executive, manager, frontline, it",
        followup: "executive, manager, it",
        onlyBaseline: [
          {
            id: "frontline",
            name: { en: "Front-line employee", "zh-CN": "一线员工" },
            people: { en: "the front-line staff", "zh-CN": "一线员工" },
            respondents: 3,
          },
        ],
        onlyFollowup: [],
        shared: expect.any(Array),
        comparedOn: "shared-roles",
        dimensions: c.dimensions.map((d: { id: string }) => d.id),
      },
    ]);
    // The same answers on both sides: nothing moved, nothing resolved.
    expect(c.dimensions.map((d: { score: { change: number } }) => d.score.change)).toEqual(
      c.dimensions.map(() => 0),
    );
    expect(c.overall.coverage.change).toBe(0);
    expect(c.risks.resolved).toEqual([]);
    expect(c.baseline.respondents).toBe(7);
    // The perception gap the baseline measured is kept; the follow-up could not measure one.
    expect(
      c.perceptionGaps.find((p: { dimension: string }) => p.dimension === "leadership"),
    ).toMatchObject({ flagged: { baseline: true, followup: false }, gap: { followup: null } });
    expect(r.stderr).toBe(
      "crm-maturity: warning: roles that answered at one assessment only: Front-line employee (baseline only, 3 respondents); both are scored on the roles they share (Executive, Manager and IT staff), so the baseline's figures differ from its own report; the answers left out bear on every dimension\n",
    );
    // In Chinese under --lang zh-CN, the roles and dimensions by their Chinese names; no id.
    const zh = runCli(["compare", all, noFront, "--lang", "zh-CN", "-o", path.join(dir, "c.md")]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stderr).toBe(
      "crm-maturity: 警告：只在一次评估中作答的角色：一线员工（仅基线，3 位受访者）；两次评估均只按共同参与的角色（高层管理者、中层经理和 IT 人员）计分，因此基线的各项数字与该次评估报告中的不同；未计入的回答涉及各个维度\n",
    );
    for (const id of ["frontline", "executive", "manager", "strategy-goals"]) {
      expect(r.stderr).not.toContain(id);
      expect(zh.stderr).not.toContain(id);
    }
  });

  it("compares results files as they are, and says what that means and how to avoid it", () => {
    const score = (folder: string) => {
      const out = path.join(dir, `${path.basename(folder)}.json`);
      expect(runCli(["score", folder, "--format", "json", "-o", out]).status).toBe(0);
      return out;
    };
    const followup = score(noFront);
    const r = runCli(["compare", score(all), followup, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.warnings[0]).toMatchObject({ code: "role-mismatch", comparedOn: "all-respondents" });
    // Only the side with the extra role needs scoring again: answer files there are enough.
    const mixed = JSON.parse(runCli(["compare", all, followup, "--format", "json"]).stdout);
    expect(mixed.warnings[0]).toMatchObject({ comparedOn: "shared-roles" });
    expect(mixed.risks.resolved).toEqual([]);
    // What the warning is about: without the front line, its "good news only" risk looks resolved.
    expect(c.risks.resolved.map((x: { id: string }) => x.id)).toContain("good-news-only");
    expect(r.stderr).toContain(
      "roles that answered at one assessment only: Front-line employee (baseline only, 3 respondents); their answers count on one side only, which bears on every dimension",
    );
    expect(r.stderr).toContain(
      "(score both from their answer files, not results, to compare them on the roles they share)",
    );
    const zh = runCli(["compare", score(all), followup, "--format", "json", "--lang", "zh-CN"]);
    expect(zh.stderr).toContain(
      "一线员工（仅基线，3 位受访者）；这些角色的回答只计入了其中一次评估，涉及各个维度",
    );
    expect(zh.stderr).toContain(
      "（如需按共同角色比较，请用两次评估的答卷文件而不是结果文件计分）\n",
    );
  });

  it("states it before the figures, by the roles' names, in both languages", () => {
    const en = runCli(["compare", all, noFront, "--format", "md"]);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain("| Respondents | 7 (4 compared) | 4 |");
    expect(en.stdout).toContain(
      "- The front-line staff took part in the baseline only. To compare like with like, both assessments are scored here on the roles that took part in both (the executives, the managers and the IT staff), so the baseline's figures here differ from those in its own report. The answers left out bear on every dimension.",
    );
    expect(en.stdout.indexOf("## Notes on this comparison")).toBeLessThan(
      en.stdout.indexOf("## Scores by dimension"),
    );
    const zh = runCli(["compare", all, noFront, "--format", "md", "--lang", "zh-CN"]);
    expect(zh.stdout).toContain("| 受访者 | 7（其中 4 位参与比较） | 4 |");
    expect(zh.stdout).toContain(
      "- 一线员工只参加了基线评估。为使两次评估可比，本报告只按两次都参与的角色（高层管理者、中层经理和 IT 人员）计分，因此基线的各项数字与该次评估报告中的不同。未计入的回答涉及各个维度。",
    );
  });

  it("names only the dimensions the missing role answered on", () => {
    // The IT manager is not asked about performance and incentives.
    const r = runCli(["compare", noIt, all, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const [w] = JSON.parse(r.stdout).warnings;
    expect(w).toMatchObject({ onlyBaseline: [], onlyFollowup: [{ id: "it", respondents: 1 }] });
    expect(w.dimensions).toHaveLength(8);
    expect(w.dimensions).not.toContain("performance-incentives");
    // Eight of nine dimensions: the note names the one left, not the eight.
    const md = runCli(["compare", noIt, all, "--format", "md"]);
    expect(md.stdout).toContain(
      "so the follow-up's figures here differ from those in its own report. The answers left out bear on every dimension except Performance measurement and incentives.",
    );
    const zh = runCli(["compare", noIt, all, "--format", "md", "--lang", "zh-CN"]);
    expect(zh.stdout).toContain("未计入的回答涉及除绩效考核与激励以外的各个维度。");
    // Standard error names them as the document does, in the chosen language.
    expect(md.stderr).toContain(
      "IT staff (follow-up only, 1 respondent); both are scored on the roles they share (Executive, Manager and Front-line employee)",
    );
    expect(md.stderr).toContain(
      "the answers left out bear on every dimension except Performance measurement and incentives\n",
    );
    expect(zh.stderr).toContain("IT 人员（仅复评，1 位受访者）");
    expect(zh.stderr).toContain("未计入的回答涉及除绩效考核与激励以外的各个维度\n");
    expect(md.stderr).not.toContain("performance-incentives");
  });

  it("names roles missing on either side", () => {
    const r = runCli(["compare", noIt, noFront, "--format", "md"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "- The front-line staff took part in the baseline only, and the IT staff in the follow-up only. To compare like with like, both assessments are scored here on the roles that took part in both (the executives and the managers), so both assessments' figures here differ from those in their own reports.",
    );
    expect(r.stderr).toContain(
      "Front-line employee (baseline only, 3 respondents), IT staff (follow-up only, 1 respondent)",
    );
  });

  it("shows the note in the PDF, Word and PowerPoint progress reports", async () => {
    const note = "The front-line staff took part in the baseline only.";
    for (const format of ["pdf", "docx", "pptx"] as const) {
      const out = path.join(dir, `progress.${format}`);
      const r = runCli(["compare", all, noFront, "-o", out]);
      expect(r.status, r.stderr).toBe(0);
      const bytes = new Uint8Array(readFileSync(out));
      if (format === "pdf") {
        expect(squash(pdfText(bytes).text)).toContain(squash(note));
        continue;
      }
      const parts = await packageParts(bytes);
      const xml =
        format === "docx"
          ? (parts.get("word/document.xml") ?? "")
          : (parts.get("ppt/slides/slide2.xml") ?? "");
      expect(xml, format).toContain("Notes on this comparison");
      expect(xml, format).toContain(note);
    }
  }, 60_000);
});
