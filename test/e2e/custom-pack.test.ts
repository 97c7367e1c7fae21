import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/cli.js";

// A consultancy's own pack: roles director and staff (no executive, no frontline), no methodology.
const PACK = path.join(REPO, "test/fixtures/report/custom-pack");
const run = (args: string[]) => runCli([...args, "-q", "questionnaire.yaml"], { cwd: PACK });

describe("a custom pack without the executive and frontline roles", () => {
  it("does not report 'no perception gap' when none could be measured", () => {
    // The director rates complaints 2.5 levels above the staff: no gap was measured, none is denied.
    const md = run(["report", "answers.yaml"]);
    expect(md.status).toBe(0);
    const section = md.stdout.slice(
      md.stdout.indexOf("## 4. Perception gaps"),
      md.stdout.indexOf("## 5."),
    );
    expect(section).toContain(
      "Perception gaps, which set the executives' view against the front line's, are not measured: this questionnaire has no executive and front-line roles to compare.",
    );
    expect(section).not.toContain("### Perception gaps");
    expect(section).not.toContain("When executives rate a dimension");

    const zh = run(["report", "answers.yaml", "--lang", "zh-CN"]);
    expect(zh.stdout).toContain(
      "认知落差比较的是高层与一线的看法，本问卷未设这两类角色，因此不作衡量。",
    );
    expect(zh.stdout).not.toContain("### 认知落差\n");

    const table = run(["score", "answers.yaml"]);
    // The sentence wraps to the table's 80 columns.
    expect(table.stdout.replace(/\s+/g, " ")).toContain(
      "Not measured: the questionnaire has no executive and front-line roles (role ids executive and frontline) to compare.",
    );
    expect(table.stdout).not.toContain("needs executive and front-line respondents");

    const json = run(["report", "answers.yaml", "--format", "json"]);
    expect(JSON.parse(json.stdout).perception).toMatchObject({ gapsMeasured: false, gaps: [] });
  });

  it("heads its pages with its own title, not the standard pack's", () => {
    const header = (args: string[]) =>
      JSON.parse(run([...args, "answers.yaml", "--format", "json"]).stdout).meta.header;
    expect(header(["report"])).toBe("Harbour Services · Customer Service Review");
    expect(header(["report", "--lang", "zh-CN"])).toBe("Harbour Services · 客户服务评估");
    expect(header(["roadmap"])).toBe("Harbour Services · Customer Service Review: roadmap");
  });
});

describe("a pack written in English only", () => {
  const EN = path.join(REPO, "test/fixtures/report/custom-pack-en");
  const runEn = (args: string[]) => runCli([...args, "-q", "questionnaire.yaml"], { cwd: EN });
  const refusal =
    "crm-maturity: error: --lang zh-CN: the questionnaire is written in en; choose one of those\n";

  it("refuses a Chinese report, roadmap or score table rather than mix English texts into it", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-custom-pack-")), "report.md");
    for (const args of [
      ["report", "answers.yaml", "--lang", "zh-CN", "-o", out],
      ["roadmap", "answers.yaml", "--lang", "zh-CN", "-o", out],
      ["score", "answers.yaml", "--lang", "zh-CN"],
      ["interview", "-o", out, "--lang", "zh-CN", "--role", "staff"],
    ]) {
      const r = runEn(args);
      expect(r.stderr, args.join(" ")).toBe(refusal);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
    }
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a Chinese progress report, from answers or from results, whichever side is English", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-custom-pack-"));
    const results = path.join(dir, "results.json");
    expect(runEn(["score", "answers.yaml", "--format", "json", "-o", results]).status).toBe(0);
    for (const [args, side] of [
      [["compare", "answers.yaml", "answers.yaml", "-q", "questionnaire.yaml"], "baseline"],
      // Results read with the bundled (bilingual) pack still hold the English pack's titles.
      [["compare", results, results], "baseline"],
      [["compare", results, "answers.yaml", "-q", "questionnaire.yaml"], "baseline"],
      [
        [
          "compare",
          path.join(REPO, "test/fixtures/compare/lotus/baseline.yaml"),
          results,
          "--baseline-questionnaire",
          path.join(REPO, "test/fixtures/compare/questionnaire-v1/questionnaire.yaml"),
        ],
        "follow-up",
      ],
    ] as const) {
      for (const format of ["table", "md", "pdf", "docx", "pptx"]) {
        const out = path.join(dir, `progress.${format === "table" ? "txt" : format}`);
        const r = runCli([...args, "--lang", "zh-CN", "--format", format, "-o", out], {
          cwd: EN,
        });
        expect(r.stderr, `${args.join(" ")} ${format}`).toContain(
          `crm-maturity: error: --lang zh-CN: the ${side}'s questionnaire is written in en; choose one of those\n`,
        );
        expect(r.status).toBe(2);
        expect(existsSync(out)).toBe(false);
      }
    }
    // JSON holds every language, and English is what the pack is written in.
    expect(runEn(["compare", results, results, "--lang", "zh-CN", "--format", "json"]).status).toBe(
      0,
    );
    expect(runEn(["compare", "answers.yaml", "answers.yaml", "--format", "md"]).status).toBe(0);
  });

  it("still scores to JSON, which holds no sentence, and writes the English report", () => {
    expect(runEn(["score", "answers.yaml", "--lang", "zh-CN", "--format", "json"]).status).toBe(0);
    const r = runEn(["report", "answers.yaml"]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("# Customer Service Review\n")).toBe(true);
  });
});

describe("the commands each step prints keep the custom pack", () => {
  it("init's next step, survey's and map init's mapping name the questionnaire", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-custom-pack-"));
    const init = runCli(["init", "acme", "-q", `${PACK}/questionnaire.yaml`], { cwd: dir });
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(
      `Next: cd acme && crm-maturity interview -q ${path.relative(path.join(dir, "acme"), PACK)}/questionnaire.yaml -o answers.yaml`,
    );

    const survey = runCli(
      ["survey", "--platform", "paper", "-q", `${PACK}/questionnaire.yaml`, "-o", "s"],
      {
        cwd: dir,
      },
    );
    expect(survey.status).toBe(0);
    const mapping = readFileSync(path.join(dir, "s/paper-mapping.yaml"), "utf8");
    expect(mapping).toContain(
      `#   crm-maturity batch <export> --map <this file> -q ${PACK}/questionnaire.yaml\n`,
    );

    writeFileSync(path.join(dir, "export.csv"), "respondent,role,cmpprocess,cmpblame\n1,R1,3,2\n");
    const suggested = runCli(["map", "init", "export.csv", "-q", `${PACK}/questionnaire.yaml`], {
      cwd: dir,
    });
    expect(suggested.stdout).toContain(
      `#   crm-maturity batch export.csv --map <this file> -q ${PACK}/questionnaire.yaml\n`,
    );
  });

  it("batch without -q says to pass the mapping's questionnaire, once, not per question and role", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-custom-pack-"));
    expect(
      runCli(["survey", "--platform", "paper", "-q", `${PACK}/questionnaire.yaml`, "-o", "."], {
        cwd: dir,
      }).status,
    ).toBe(0);
    const map = path.join(dir, "paper-mapping.yaml");
    writeFileSync(
      map,
      readFileSync(map, "utf8")
        .replace("TODO client name", "Harbour")
        .replace("TODO your name", "A. C."),
    );
    writeFileSync(path.join(dir, "export.csv"), "respondent,role,cmpprocess,cmpblame\n1,R1,3,2\n");
    const r = runCli(["batch", "export.csv", "--map", "paper-mapping.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^paper-mapping\.yaml:\d+:\d+ {2}error {2}expected questionnaire crm-maturity [\d.]+ \(the one scored with\); found service-review 1\.0\.0 \(pass that questionnaire with -q\) {2}\(invalid-value\)\ncrm-maturity: the mapping paper-mapping\.yaml is invalid: 1 error; nothing was scored\n$/,
    );
  });
});
