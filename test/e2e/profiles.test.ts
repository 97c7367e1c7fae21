import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Results } from "../../src/core/models/results.js";
import { hasStackTrace, REPO, runCli } from "../helpers/cli.js";
import { packageParts } from "../helpers/ooxml.js";
import { havePdftotext, pdfText, squash } from "../render/pdf/helpers.js";

const HUAXIN = path.join(REPO, "examples/huaxin-retail");
const ACME = path.join(REPO, "examples/acme-manufacturing");
const RETAIL = "B2C retail and membership";

/** An example client's answer files, sorted. */
function answers(dir: string): string[] {
  const a = path.join(dir, "answers");
  return readdirSync(a)
    .sort()
    .map((f) => path.join(a, f));
}

function scoreJson(args: string[]): Results {
  const r = runCli(["score", ...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Results;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), "crm-profiles-e2e-"));

describe("the profile is chosen by the answers' client", () => {
  it("a retail chain of about 2,000 people gets the retail profile and the large band", () => {
    const r = scoreJson(answers(HUAXIN));
    expect(r.profile).toMatchObject({
      industry: { id: "b2c-retail", name: { en: RETAIL } },
      size: { id: "large" },
      chosenBy: "answers",
    });
    // Retail's 8 months per level, a quarter slower for a large company.
    expect(r.monthsPerLevel).toBe(10);
    // The funnel-stage question does not apply to a retailer, though its managers answered it.
    const perf = r.dimensions.find((d) => d.id === "performance-incentives");
    expect(perf?.questions.map((q) => q.id)).not.toContain("perf.funnel-stages");
    expect(r.dimensions.find((d) => d.id === "data-quality")?.target).toBe(4);
  });

  it("a 650-person equipment maker gets the industrial profile and the mid-size band", () => {
    const r = scoreJson(answers(ACME));
    expect(r.profile).toMatchObject({
      industry: { id: "b2b-industrial" },
      size: { id: "mid-size" },
      chosenBy: "answers",
    });
    expect(r.monthsPerLevel).toBe(10);
  });

  it("the score table names the profile and how it was chosen", () => {
    const r = runCli(["score", ...answers(HUAXIN)], { env: { COLUMNS: "200" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /Profile\s+B2C retail and membership · Large \(2,000 to 9,999 employees\) \(from the client's industry and size\)/,
    );
    const zh = runCli(["score", ...answers(HUAXIN), "--lang", "zh-CN", "--format", "md"]);
    expect(zh.stdout).toContain(
      "**行业与规模设定：** B2C 零售与会员 · 大型（2000 至 9999 人）（依据客户所属行业与规模选定）",
    );
  });
});

describe("--profile", () => {
  it("wins over the answers, and changes the scores", () => {
    const chosen = scoreJson([...answers(HUAXIN), "--profile", "professional-services,small"]);
    expect(chosen.profile).toMatchObject({
      industry: { id: "professional-services" },
      size: { id: "small" },
      chosenBy: "option",
    });
    expect(chosen.monthsPerLevel).toBe(6.75);
    const standard = scoreJson([...answers(HUAXIN), "--profile", "standard"]);
    expect(standard.profile).toBeUndefined();
    expect(standard.monthsPerLevel).toBe(9);
    expect(standard.overall.score).not.toBe(chosen.overall.score);
    const md = runCli(["score", ...answers(HUAXIN), "--profile", "standard", "--format", "md"]);
    expect(md.stdout).toContain(
      "**Profile:** Standard weights, targets and pace (no industry or size profile)",
    );
  });

  it("is a usage error (exit 2) when it names no profile of the pack, with the known ids", () => {
    const r = runCli(["score", ...answers(HUAXIN), "--profile", "retial"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('found "retial"');
    expect(r.stderr).toContain("b2b-industrial, b2c-retail, professional-services, small");
    expect(hasStackTrace(r.stderr)).toBe(false);
    const two = runCli(["report", ...answers(HUAXIN), "--profile", "b2c-retail,b2b-industrial"]);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain("at most one industry profile");
  });

  it("client.profile naming no profile is located in the answers file (exit 1)", () => {
    const dir = tmp();
    const file = path.join(dir, "a.yaml");
    const source = readFileSync(answers(HUAXIN)[0] as string, "utf8").replace(
      "    crmSituation: selecting",
      "    profile: supermarket\n    crmSituation: selecting",
    );
    writeFileSync(file, source);
    const line = source.split("\n").findIndex((l) => l.includes("profile: supermarket")) + 1;
    const r = runCli(["score", "a.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`a.yaml:${line}:14`);
    expect(r.stderr).toContain('found "supermarket"');
    expect(r.stderr).toContain("unknown-profile");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe("every document names the profile", () => {
  const args = [...answers(HUAXIN), "--lang", "en"];

  it("report and roadmap in Markdown: cover and method", () => {
    const report = runCli(["report", ...args]);
    expect(report.status).toBe(0);
    // The cover names the profile; how the tool chose it is no concern of the client reader's.
    expect(report.stdout).toContain(
      `- **Profile**: ${RETAIL} · Large (2,000 to 9,999 employees)\n`,
    );
    expect(report.stdout).not.toContain("from the client's industry and size");
    expect(report.stdout).toContain(`scored with the profile “${RETAIL}”`);
    expect(report.stdout).toContain("scored with the profile “Large (2,000 to 9,999 employees)”");
    const roadmap = runCli(["roadmap", ...args]);
    expect(roadmap.stdout).toContain(`- **Profile**: ${RETAIL}`);
  });

  it("the report's JSON model names it in meta, chosen by the answers or by --profile", () => {
    const chosen = runCli(["report", ...args, "--format", "json"]);
    expect(chosen.status, chosen.stderr).toBe(0);
    expect(JSON.parse(chosen.stdout).meta.profile).toEqual({
      ids: "b2c-retail,large",
      text: `${RETAIL} · Large (2,000 to 9,999 employees) (from the client's industry and size)`,
      chosenBy: "answers",
    });
    const standard = runCli(["report", ...args, "--profile", "standard", "--format", "json"]);
    expect(JSON.parse(standard.stdout).meta.profile).toMatchObject({
      ids: "standard",
      chosenBy: null,
    });
    const option = runCli(["roadmap", ...args, "--profile", "small", "--format", "json"]);
    expect(JSON.parse(option.stdout).meta.profile).toMatchObject({
      ids: "small",
      chosenBy: "option",
    });
  });

  it("the roadmap's phases follow the size band's pace", () => {
    const weeks = (profile: string) => {
      const r = runCli(["roadmap", ...args, "--profile", profile, "--format", "json"]);
      expect(r.status).toBe(0);
      const model = JSON.parse(r.stdout) as {
        roadmap: { actions: { id: string; weeks: number }[] };
      };
      return new Map(model.roadmap.actions.map((a) => [a.id, a.weeks]));
    };
    const small = weeks("b2c-retail,small");
    const enterprise = weeks("b2c-retail,enterprise");
    expect(small.size).toBeGreaterThan(0);
    for (const [id, w] of small) {
      const e = enterprise.get(id);
      if (e !== undefined) expect(e).toBeGreaterThan(w);
    }
  });

  it("PDF, Word and PowerPoint carry it on the cover", async () => {
    const dir = tmp();
    for (const format of ["docx", "pptx"] as const) {
      const out = path.join(dir, `r.${format}`);
      const r = runCli(["report", ...args, "-o", out]);
      expect(r.status).toBe(0);
      const parts = await packageParts(readFileSync(out));
      const xml = [...parts.values()].join("\n");
      expect(xml, format).toContain(`${RETAIL} · Large (2,000 to 9,999 employees)`);
    }
    if (havePdftotext()) {
      const out = path.join(dir, "r.pdf");
      expect(runCli(["report", ...args, "-o", out]).status).toBe(0);
      expect(squash(pdfText(readFileSync(out)).text)).toContain(squash(`${RETAIL} · Large`));
    }
  });
});

describe("compare, survey and validate", () => {
  it("compare says when the two assessments used different profiles", () => {
    const dir = tmp();
    const write = (name: string, profile: string) => {
      const r = runCli(["score", ...answers(HUAXIN), "--profile", profile, "--format", "json"]);
      writeFileSync(path.join(dir, name), r.stdout);
    };
    write("before.json", "standard");
    const after = JSON.parse(
      runCli(["score", ...answers(HUAXIN), "--format", "json"]).stdout,
    ) as Results;
    after.assessment.date = "2026-10-08";
    writeFileSync(path.join(dir, "after.json"), JSON.stringify(after));
    const r = runCli(["compare", "before.json", "after.json", "--format", "md"], { cwd: dir });
    expect(r.status).toBe(0);
    // The document and standard error name the profiles; standard error adds the remedy, with
    // the ids --profile takes.
    const names =
      "scored with different profiles: the standard weights at baseline, B2C retail and membership · Large";
    expect(r.stdout).toContain(names);
    expect(r.stdout).not.toMatch(/--profile|b2c-retail/);
    expect(r.stderr).toContain(`crm-maturity: warning: The two assessments were ${names}`);
    expect(r.stderr).toContain(
      "(score both with the same --profile to compare like with like; they were scored with --profile standard and --profile b2c-retail,large)",
    );
    const same = runCli(["compare", "after.json", "after.json", "--format", "json"], { cwd: dir });
    expect(same.stdout).not.toContain("profile-mismatch");
  });

  it("compare's warnings on standard error speak --lang zh-CN: dates in words, profiles by name", () => {
    const dir = tmp();
    // Both assessments of 8 April 2026, the baseline scored standard.
    const before = runCli([
      "score",
      ...answers(HUAXIN),
      "--profile",
      "standard",
      "--format",
      "json",
    ]);
    writeFileSync(path.join(dir, "before.json"), before.stdout);
    const after = runCli(["score", ...answers(HUAXIN), "--format", "json"]);
    writeFileSync(path.join(dir, "after.json"), after.stdout);
    for (const lang of ["zh-CN", "en"] as const) {
      const r = runCli(["compare", "before.json", "after.json", "--lang", lang, "-o", "c.md"], {
        cwd: dir,
      });
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(r.stderr).not.toContain("2026-04-08");
      if (lang === "zh-CN") {
        expect(lines[0]).toMatch(
          /^crm-maturity: 警告：两次评估采用了不同的行业与规模设定：基线为标准权重，复评为 B2C 零售与会员 · 大型.*（如需同口径比较，请用同一个 --profile 为两次评估计分；基线按 --profile standard 计分，复评按 --profile b2c-retail,large 计分）$/,
        );
        expect(lines[1]).toBe("crm-maturity: 警告：两次评估的日期均为2026年4月8日。");
        expect(r.stderr).not.toMatch(/[A-Za-z]{4,}(?<!maturity|profile|standard|retail|large)\b/);
      } else {
        expect(lines[1]).toBe("crm-maturity: warning: Both assessments are dated 8 April 2026.");
      }
    }
  });

  it("survey --profile leaves out the questions the profile excludes and records the profile", () => {
    const dir = tmp();
    const r = runCli(["survey", "--platform", "limesurvey", "--profile", "b2c-retail", "-o", dir]);
    expect(r.status).toBe(0);
    const mapping = readFileSync(path.join(dir, "limesurvey-mapping.yaml"), "utf8");
    expect(mapping).toContain("profile: b2c-retail");
    expect(mapping).not.toContain("perf.funnel-stages");
    expect(mapping).not.toContain("integ.mobile-sync");
    const standard = tmp();
    runCli(["survey", "--platform", "limesurvey", "-o", standard]);
    expect(readFileSync(path.join(standard, "limesurvey-mapping.yaml"), "utf8")).toContain(
      "perf.funnel-stages",
    );
  });

  it("validate reports profile mistakes at their line:column (exit 1)", () => {
    const r = runCli(["validate", "test/fixtures/profiles/invalid"], { env: { COLUMNS: "200" } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /7:9\s+error\s+expected a dimension id of this questionnaire; found "leed"/,
    );
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });
});
