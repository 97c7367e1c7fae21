import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, REPO, runCli } from "../helpers/cli.js";

const ACME = path.join(REPO, "test/fixtures/report/acme");
const ANSWERS = [
  "answers/executives.yaml",
  "answers/managers.yaml",
  "answers/frontline.yaml",
  "answers/it.yaml",
];
const tmp = () => mkdtempSync(path.join(tmpdir(), "crm-report-e2e-"));

describe("crm-maturity report / roadmap", () => {
  it("prints the Markdown report to standard output", () => {
    const r = runCli(["report", ...ANSWERS], { cwd: ACME });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("# CRM Capability Maturity Gap Report\n")).toBe(true);
    expect(r.stdout).toContain("## 8. Decisions and next steps");
    expect(r.stdout).toContain("## 9. Appendix");
  });

  it("writes the Chinese roadmap to a file with -o and prints nothing", () => {
    const dir = tmp();
    const out = path.join(dir, "roadmap.md");
    const r = runCli(
      [
        "roadmap",
        ...ANSWERS,
        "--lang",
        "zh-CN",
        "--strategy",
        "big-fast",
        "--horizon",
        "18",
        "-o",
        out,
      ],
      { cwd: ACME },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const md = readFileSync(out, "utf8");
    expect(md.startsWith("# CRM 能力提升路线图：僵化 → 优化 → 固化\n")).toBe(true);
    expect(md).toContain("推行策略：大步快跑");
    expect(md).not.toContain("## 附录");
  });

  it("prints the report model as JSON", () => {
    const r = runCli(["report", ...ANSWERS, "--format", "json", "--targets", "targets.yaml"], {
      cwd: ACME,
    });
    expect(r.status).toBe(0);
    const model = JSON.parse(r.stdout);
    expect(model).toMatchObject({ schemaVersion: 2, kind: "report", lang: "en" });
    expect(
      model.profile.rows.find((d: { dimension: string }) => d.dimension === "integration").target,
    ).toBe(4);
  });

  it("reads the results JSON of `score --format json` from standard input", () => {
    const scored = runCli(["score", ...ANSWERS, "--format", "json"], { cwd: ACME });
    expect(scored.status).toBe(0);
    const r = runCli(["report", "-"], { cwd: ACME, input: scored.stdout });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("The answer-by-answer record is not reproduced in this report");
  });

  it("exits 1 naming file:line:col for a broken answers file", () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, "broken.yaml"),
      "assessment:\n  client: { name: X }\n  date: 2026-01-01\n  assessor: A\n  questionnaire: { id: crm-maturity, version: 1.0.0 }\nrespondents:\n  - id: r1\n    role: executive\n    answers:\n      lead.ceo-ownersip: 3\n",
    );
    const r = runCli(["report", "broken.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^broken\.yaml:10:7 {2}error {2}.*lead\.ceo-ownersip/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("exits 1 naming file:line:col for a bad results file", () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "results.json"), '{\n  "schemaVersion": 1,\n  "overall": 3\n}\n');
    const r = runCli(["roadmap", "results.json"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^results\.json:\d+:\d+ {2}error/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("exits 1 for a template that reaches outside its folder", () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "report.md.hbs"), "{{> ../escape}}\n");
    const r = runCli(["report", path.join(ACME, "answers/it.yaml"), "--template", dir], {
      cwd: dir,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^report\.md\.hbs:1:1 {2}error .*points outside it {2}\(include-outside-root\)/m,
    );
  });

  it.each([
    [["--format", "odt"]],
    [["--lang", "fr"]],
    [["--strategy", "fast"]],
    [["--horizon", "0"]],
    [["--horizon", "twelve"]],
  ])("exits 2 for a bad option %j", (args) => {
    const r = runCli(["report", ...ANSWERS, ...args], { cwd: ACME });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("exits 2 without inputs", () => {
    const r = runCli(["roadmap"], { cwd: ACME });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("missing required argument");
  });

  it("shows an example in --help", () => {
    for (const verb of ["report", "roadmap"]) {
      const r = runCli([verb, "--help"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("Examples:");
      expect(r.stdout).toContain(`$ crm-maturity ${verb} `);
    }
  });
});
