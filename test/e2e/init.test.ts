import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { schemaRef } from "../../src/app/init.js";
import { messagesFor } from "../../src/i18n/index.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { loadAnswerFiles, loadTargetsFile } from "../../src/io/load-answers.js";
import { hasStackTrace, REPO, runCli } from "../helpers/cli.js";

const FILES = ["answers.yaml", "targets.yaml", "brand.yaml", "README.md"];
const MINI = path.join(REPO, "test/fixtures/answers/questionnaire/questionnaire.yaml");
const tmp = () => mkdtempSync(path.join(tmpdir(), "crm-init-"));

describe("crm-maturity init (built CLI)", () => {
  it("scaffolds answers.yaml, targets.yaml, brand.yaml and README.md", () => {
    const cwd = tmp();
    const r = runCli(["init", "acme"], { cwd });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    for (const f of FILES) {
      expect(existsSync(path.join(cwd, "acme", f))).toBe(true);
      expect(r.stdout).toContain(`created  acme/${f}`);
    }
    expect(r.stdout).toMatch(/Next: cd acme && crm-maturity interview -o answers\.yaml {3}\(/);
  });

  it("points a Chinese engagement to a Chinese interview, as its README does, in Chinese", () => {
    const cwd = tmp();
    const r = runCli(["init", "huaxin", "--lang", "zh-CN"], { cwd });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        ...FILES.map((f) => `  已创建  huaxin/${f}`),
        "下一步：cd huaxin && crm-maturity interview -o answers.yaml --lang zh-CN   （计分、报告和路线图的命令见 README.md）",
        "",
      ].join("\n"),
    );
    const again = runCli(["init", "huaxin", "--lang", "zh-CN"], { cwd });
    expect(again.stdout).toContain("  已保留  huaxin/brand.yaml（文件已存在，未覆盖）\n");
    expect(again.stdout).toContain("无需操作：huaxin 中已有全部评估文件。");
    expect(again.stdout).not.toMatch(/[A-Za-z]+ (created|kept|Next|Nothing)\b|^Nothing|^Next/m);
    const readme = readFileSync(path.join(cwd, "huaxin", "README.md"), "utf8");
    expect(readme).toContain("crm-maturity interview -o answers.yaml --lang zh-CN");
  });

  it("scaffolds a brand.yaml that validates and brands a report, in either language", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      const cwd = tmp();
      expect(runCli(["init", "--lang", lang], { cwd }).status).toBe(0);
      const text = readFileSync(path.join(cwd, "brand.yaml"), "utf8");
      expect(text).toMatch(/^# yaml-language-server: \$schema=\/.*brand\.schema\.json$/m);
      const check = runCli(["validate", "brand.yaml"], { cwd, env: { COLUMNS: "200" } });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      // The firm name is still init's placeholder: a located warning, not an error.
      expect(check.stdout).toMatch(
        /brand\.yaml\n\s+6:7\s+warning\s+expected the firm's own name in firm; found "(Your firm name|贵公司名称)".*template-placeholder/,
      );
      expect(check.stdout).toMatch(/0 errors/);
      const report = runCli(
        ["report", "answers.yaml", "--brand", "brand.yaml", "--format", "json", "--lang", lang],
        { cwd },
      );
      // The scaffolded answers still hold init's placeholders: the brand is not what fails, it
      // only warns that its firm name is still the placeholder.
      expect(report.stderr).toMatch(/brand\.yaml:6:7\s+warning\s.*\(template-placeholder\)/);
      expect(report.stderr).not.toMatch(/brand\.yaml:\d+:\d+\s+error/);
      expect(report.stderr).toMatch(/answers\.yaml:\d+:\d+\s+error/);
      // Existing brand files are kept.
      writeFileSync(path.join(cwd, "brand.yaml"), "firm: Mine\n");
      const again = runCli(["init", "--lang", lang], { cwd });
      expect(again.stdout).toContain(messagesFor(lang).status.kept("brand.yaml"));
      expect(readFileSync(path.join(cwd, "brand.yaml"), "utf8")).toBe("firm: Mine\n");
    }
  });

  it("words each language's brand texts in that language, whichever language init ran in", () => {
    const placeholder = (lang: "en" | "zh-CN") => messagesFor(lang).brandFirmPlaceholder;
    for (const lang of ["en", "zh-CN"] as const) {
      const cwd = tmp();
      expect(runCli(["init", "--lang", lang], { cwd }).status).toBe(0);
      const brand = parse(readFileSync(path.join(cwd, "brand.yaml"), "utf8"));
      expect(brand.firm).toBe(placeholder(lang));
      expect(brand.footer.en).toContain(placeholder("en"));
      // The Chinese footer holds the Chinese placeholder, never the English one.
      expect(brand.footer["zh-CN"]).toContain(placeholder("zh-CN"));
      expect(brand.footer["zh-CN"]).not.toMatch(/[A-Za-z]/);
    }
  });

  it("writes templates that load cleanly and list every question id", () => {
    const cwd = tmp();
    expect(runCli(["init"], { cwd }).status).toBe(0);
    const q = resolveQuestionnaire();
    const answers = readFileSync(path.join(cwd, "answers.yaml"), "utf8");
    for (const d of q.dimensions) {
      for (const question of d.questions) expect(answers).toContain(`#      ${question.id}:`);
    }
    const loaded = loadAnswerFiles(["answers.yaml"], q, { cwd });
    expect(loaded.issues).toEqual([]);
    expect(loaded.input?.assessment.questionnaire).toEqual({ id: q.id, version: q.version });
    expect(loadTargetsFile("targets.yaml", q, { cwd }).targets).toEqual(
      Object.fromEntries(q.dimensions.map((d) => [d.id, d.target])),
    );
    // The modeline of a folder outside the package points at the bundled schema by absolute path.
    const modeline = answers.split("\n")[0] ?? "";
    const schema = modeline.replace("# yaml-language-server: $schema=", "");
    expect(path.isAbsolute(schema)).toBe(true);
    expect(JSON.parse(readFileSync(schema, "utf8")).title).toBe("crm-maturity answers");
    // The freshly scaffolded folder already scores (with nothing answered yet).
    const score = runCli(["score", "answers.yaml", "--targets", "targets.yaml"], { cwd });
    expect(score.status).toBe(0);
    // Nobody answered anything yet: never "ready".
    expect(score.stdout).toMatch(/^Readiness: INCONCLUSIVE — no respondent gave a level/m);
    const json = runCli(["score", "answers.yaml", "--format", "json"], { cwd });
    expect(JSON.parse(json.stdout).readiness).toEqual({ verdict: "inconclusive", rules: [] });
  });

  it("a filled-in respondent block from the template scores", () => {
    const cwd = tmp();
    runCli(["init"], { cwd });
    const text = readFileSync(path.join(cwd, "answers.yaml"), "utf8");
    // Uncomment the respondent block and answer every question with 3, as a consultant would.
    const block = text
      .split("\n")
      .filter((l) => /^# {1,}(- id|name|role|answers|[a-z]+\.[a-z-]+:)/.test(l))
      .map((l) =>
        l
          .replace(/^#/, "")
          .replace(/:\s+#.*$/, ": 3")
          .replace(/ {2}# .*$/, ""),
      );
    writeFileSync(
      path.join(cwd, "answers.yaml"),
      text.replace("respondents: []", `respondents:\n${block.join("\n")}`),
    );
    const doc = parse(readFileSync(path.join(cwd, "answers.yaml"), "utf8"));
    expect(doc.respondents[0].role).toBe("executive");
    const r = runCli(["score", "answers.yaml", "--format", "json"], { cwd });
    expect(r.stderr).toMatch(/question-not-for-role|^$/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).overall.score).toBe(3);
  });

  it("offers only the roles that answer: every role the template lists scores", () => {
    const cwd = tmp();
    runCli(["init"], { cwd });
    const text = readFileSync(path.join(cwd, "answers.yaml"), "utf8");
    const listed = /^# {4}role: \S+ {2}# one of: (.+)$/m.exec(text)?.[1]?.split(" | ");
    expect(listed).toEqual(["executive", "manager", "frontline", "it"]);
  });

  it("score warns and report refuses while the template's client details are placeholders", () => {
    const cwd = tmp();
    runCli(["init", "--lang", "zh-CN"], { cwd });
    const answers = path.join(cwd, "answers.yaml");
    const text = readFileSync(answers, "utf8");
    writeFileSync(
      answers,
      text.replace(
        "respondents: []",
        "respondents:\n  - id: r1\n    role: executive\n    answers: { lead.ceo-ownership: 3 }",
      ),
    );
    const score = runCli(["score", "answers.yaml"], { cwd });
    expect(score.status).toBe(0);
    expect(score.stderr).toMatch(
      /^answers\.yaml:\d+:11 {2}warning {2}expected the client's name in assessment\.client\.name; found "客户名称".*\(template-placeholder\)$/m,
    );
    for (const command of ["report", "roadmap"]) {
      const r = runCli([command, "answers.yaml", "-o", "out.md"], { cwd });
      expect(r.status).toBe(1);
      expect(hasStackTrace(r.stderr)).toBe(false);
      for (const field of ["client\\.name", "client\\.industry", "client\\.size", "assessor"]) {
        expect(r.stderr).toMatch(
          new RegExp(`error .*assessment\\.${field};.*\\(template-placeholder\\)`),
        );
      }
      expect(existsSync(path.join(cwd, "out.md"))).toBe(false);
    }
  });

  it("a report on answers that are all na says plainly that it is inconclusive", () => {
    const cwd = tmp();
    writeFileSync(
      path.join(cwd, "answers.yaml"),
      [
        "assessment:",
        "  client: { name: Acme }",
        "  date: 2026-03-01",
        "  assessor: Jane Doe",
        `  questionnaire: { id: ${resolveQuestionnaire().id}, version: ${resolveQuestionnaire().version} }`,
        "respondents:",
        "  - { id: r1, role: executive, answers: { lead.ceo-ownership: na } }",
        "",
      ].join("\n"),
    );
    for (const lang of ["en", "zh-CN"]) {
      const r = runCli(["report", "answers.yaml", "--lang", lang], { cwd });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(
        lang === "en"
          ? "### Readiness: Inconclusive\n\nNobody has yet rated any question"
          : "### 就绪度：无法判定\n\n目前还没有受访者对任何题目给出评级",
      );
      expect(r.stdout).not.toMatch(/Readiness: Ready|就绪度：已就绪/);
    }
  });

  it("never overwrites: a second run keeps every file byte for byte and exits 0", () => {
    const cwd = tmp();
    runCli(["init", "x"], { cwd });
    const before = FILES.map((f) => readFileSync(path.join(cwd, "x", f), "utf8"));
    const mtimes = FILES.map((f) => statSync(path.join(cwd, "x", f)).mtimeMs);
    const r = runCli(["init", "x"], { cwd });
    expect(r.status).toBe(0);
    for (const f of FILES)
      expect(r.stdout).toContain(`kept     x/${f} (already exists; not overwritten)`);
    expect(r.stdout).toMatch(/Nothing to do/);
    expect(FILES.map((f) => readFileSync(path.join(cwd, "x", f), "utf8"))).toEqual(before);
    expect(FILES.map((f) => statSync(path.join(cwd, "x", f)).mtimeMs)).toEqual(mtimes);
  });

  it("completes a folder: keeps the user's answers.yaml and creates what is missing", () => {
    const cwd = tmp();
    writeFileSync(path.join(cwd, "answers.yaml"), "my precious notes\n");
    const r = runCli(["init", "."], { cwd });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("kept     answers.yaml");
    expect(r.stdout).toContain("created  targets.yaml");
    expect(readFileSync(path.join(cwd, "answers.yaml"), "utf8")).toBe("my precious notes\n");
    rmSync(path.join(cwd, "README.md"));
    const again = runCli(["init"], { cwd });
    expect(again.stdout).toContain("created  README.md");
    expect(again.stdout).toContain("kept     targets.yaml");
  });

  it("writes Chinese comments and README with --lang zh-CN", () => {
    const cwd = tmp();
    expect(runCli(["init", "--lang", "zh-CN"], { cwd }).status).toBe(0);
    const readme = readFileSync(path.join(cwd, "README.md"), "utf8");
    expect(readme).toMatch(/^# CRM 能力成熟度评估/);
    // Every command the Chinese README suggests writes Chinese.
    const commands = readme.split("\n").filter((l) => l.startsWith("crm-maturity "));
    expect(commands.map((c) => c.split(" ")[1])).toEqual([
      "interview",
      "score",
      "report",
      "roadmap",
    ]);
    for (const c of commands) expect(c).toContain("--lang zh-CN");
    const suggested = [
      ...readFileSync(path.join(cwd, "answers.yaml"), "utf8").matchAll(
        /crm-maturity [a-z]+ [^`\n]+/g,
      ),
      ...readFileSync(path.join(cwd, "targets.yaml"), "utf8").matchAll(
        /crm-maturity [a-z]+ [^`\n]+/g,
      ),
    ].map((m) => m[0]);
    expect(suggested).toHaveLength(2);
    for (const c of suggested) expect(c).toContain("--lang zh-CN");
    expect(readFileSync(path.join(cwd, "answers.yaml"), "utf8")).toContain("高层参与与执行");
    expect(loadAnswerFiles(["answers.yaml"], resolveQuestionnaire(), { cwd }).issues).toEqual([]);
  });

  it("lists the questions of -q and passes it on in the README", () => {
    const cwd = tmp();
    const r = runCli(["init", "eng", "-q", MINI], { cwd });
    expect(r.status).toBe(0);
    const answers = readFileSync(path.join(cwd, "eng/answers.yaml"), "utf8");
    expect(answers).toContain("#      lead.owner:");
    expect(answers).toContain("id: mini");
    expect(readFileSync(path.join(cwd, "eng/README.md"), "utf8")).toMatch(
      /crm-maturity score answers\.yaml -q \S+questionnaire\.yaml --targets targets\.yaml/,
    );
  });

  it("exits 1 without a stack trace when the target is a file", () => {
    const cwd = tmp();
    writeFileSync(path.join(cwd, "taken"), "x");
    const r = runCli(["init", "taken"], { cwd });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/expected a folder for the engagement; found a file at taken/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("documents itself in --help with examples", () => {
    const r = runCli(["init", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ crm-maturity init/);
    expect(r.stdout).toMatch(/never overwritten/);
  });
});

describe("schemaRef", () => {
  const root = "/opt/pkg";
  it("is relative inside the package", () => {
    expect(schemaRef("/opt/pkg/examples/acme", "answers", root)).toBe(
      "../../schema/answers.schema.json",
    );
  });
  it("is the bundled schema's absolute path outside it", () => {
    expect(schemaRef("/home/me/clients/acme", "targets", root)).toBe(
      "/opt/pkg/schema/targets.schema.json",
    );
  });
});
