// A consultant's first survey round trip, as the README and docs/survey.md describe it: a 问卷星
// survey from the bundled pack, its 按选项文本 download of 320 respondents (a department question
// added after the last one, a few bad rows), `batch` with --group-by, --respondents and --rejects,
// then the report in English and Chinese. The export is generated with a fixed seed, so its
// pages are the same on every run.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportModel } from "../../src/views/report/model.js";
import { runCli } from "../helpers/cli.js";
import { officeWordBoxes, packageParts } from "../helpers/ooxml.js";
import { layoutFaults, pdfPages } from "../helpers/pdf-layout.js";

const DEPARTMENT = "74、您所在的部门：";
const DEPARTMENTS = ["销售部", "客服中心", "市场部", "财务部", "信息技术部"];

/** A seeded generator of numbers in [0, 1), so an export is the same on every run. */
function seeded(start: number): () => number {
  let seed = start;
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/** The questions of the import text: a title block, then one block per question (its line, then its options). */
function questionsOf(importText: string): { heading: string; options: string[] }[] {
  return importText
    .split(/\n\n+/)
    .slice(1)
    .filter((b) => /\[/.test(b))
    .map((b) => {
      const [line = "", ...options] = b.trim().split("\n");
      return { heading: line.replace(/\[.*?\]$/, "").replace(/^(\d+)\./, "$1、"), options };
    });
}

/** Writes the 问卷星 survey of the bundled pack under `at("wjx")`, its mapping filled in; returns the mapping. */
function wjxSurvey(at: (name: string) => string): string {
  expect(runCli(["survey", "--platform", "wjx", "--lang", "zh-CN", "-o", at("wjx")]).status).toBe(
    0,
  );
  const mapping = at("wjx/wjx-mapping.yaml");
  writeFileSync(
    mapping,
    readFileSync(mapping, "utf8")
      .replace("TODO client name", "Acme Manufacturing")
      .replace("TODO your name", "Jane Consultant")
      .replace(/^ {2}date: .*$/m, "  date: 2026-12-06"),
  );
  return mapping;
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** 问卷星's download of the survey `wjx-import.txt` describes, with the bad rows a real one has. */
function writeExport(importText: string, file: string): void {
  const rnd = seeded(42);
  const questions = questionsOf(importText);
  const [role, ...items] = questions;
  if (!role) throw new Error("no role question");
  const header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"];
  const rows = [[...header, ...questions.map((q) => q.heading), DEPARTMENT]];
  for (let i = 1; i <= 320; i++) {
    const roleIndex = Math.floor(rnd() * 4);
    const base = 1 + rnd() * 3.5;
    const answers = items.map((q) => {
      const r = rnd();
      if (r < 0.03) return q.options[5] ?? "";
      if (r < 0.06) return q.options[6] ?? "";
      if (r < 0.09) return "(跳过)";
      const level = Math.max(1, Math.min(5, Math.round(base + (rnd() - 0.5) * 2)));
      return q.options[level - 1] ?? "";
    });
    const when = `2026/11/${1 + (i % 28)} 9:${String(i % 60).padStart(2, "0")}:00`;
    const from = `117.136.12.${i % 250}(北京)`;
    const department = DEPARTMENTS[Math.floor(rnd() * DEPARTMENTS.length)] ?? "";
    const meta = [String(i), when, `${200 + i}秒`, "链接", "直接访问", from];
    rows.push([...meta, role.options[roleIndex] ?? "", ...answers, department]);
  }
  const set = (row: number, column: number, value: string) => {
    const r = rows[row];
    if (r) r[column] = value;
  };
  set(15, 10, "还行吧"); // a level question's answer no option reads
  set(40, 6, "实习生"); // a role the survey does not have
  set(55, 0, "12"); // a 序号 used before
  set(77, 6, ""); // no role
  for (let c = 7; c < header.length + questions.length; c++) set(90, c, ""); // nothing answered
  set(120, 9, "3.5");
  rows[150] = rows[150]?.slice(0, 30) ?? []; // cut short
  writeFileSync(file, `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`);
}

/**
 * A clean download of 300 respondents who broadly agree: each question has its own usual answer,
 * most respondents give it, a fifth one level either side, a few two levels off — so nearly every
 * question has answers two levels apart. Only the questions at `divided` split the respondents
 * between the two ends of the scale.
 */
function writeAgreeingExport(importText: string, file: string, divided: readonly number[]): void {
  const rnd = seeded(7);
  const [role, ...items] = questionsOf(importText);
  if (!role) throw new Error("no role question");
  const header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"];
  const rows = [[...header, role.heading, ...items.map((q) => q.heading)]];
  const usual = items.map(() => 2 + Math.floor(rnd() * 3));
  for (let i = 1; i <= 300; i++) {
    const answers = items.map((q, k) => {
      const r = rnd();
      const level = divided.includes(k)
        ? r < 0.5
          ? 1 + Math.floor(rnd() * 2)
          : 4 + Math.floor(rnd() * 2)
        : (usual[k] ?? 3) + (r < 0.6 ? 0 : r < 0.8 ? -1 : r < 0.97 ? 1 : rnd() < 0.5 ? -2 : 2);
      return q.options[Math.max(1, Math.min(5, level)) - 1] ?? "";
    });
    const when = `2026/11/${1 + (i % 28)} 9:${String(i % 60).padStart(2, "0")}:00`;
    const meta = [
      String(i),
      when,
      `${200 + i}秒`,
      "链接",
      "直接访问",
      `117.136.12.${i % 250}(北京)`,
    ];
    rows.push([...meta, role.options[i % 4] ?? "", ...answers]);
  }
  writeFileSync(file, `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`);
}

describe("a 问卷星 survey from the bundled pack, scored and reported", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-survey-report-"));
  const at = (name: string) => path.join(dir, name);
  let batch: ReturnType<typeof runCli>;

  beforeAll(() => {
    const mapping = wjxSurvey(at);
    writeExport(readFileSync(at("wjx/wjx-import.txt"), "utf8"), at("export.csv"));
    batch = runCli([
      "batch",
      at("export.csv"),
      "--map",
      mapping,
      "--group-by",
      "部门",
      "-o",
      at("results.json"),
    ]);
  }, 60_000);

  it("says which column a --group-by of one word means", () => {
    expect(batch.status).toBe(2);
    expect(batch.stderr).toContain(`found none (did you mean "${DEPARTMENT}" (column CB)?)`);
  });

  it("scores the export, naming every bad row's row, column and remedy", () => {
    const r = runCli([
      "batch",
      at("export.csv"),
      "--map",
      at("wjx/wjx-mapping.yaml"),
      "--group-by",
      DEPARTMENT,
      "-o",
      at("results.json"),
      "--respondents",
      at("respondents.csv"),
      "--rejects",
      at("rejects.csv"),
    ]);
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(
      /export\.csv: row 16, "5、.*" \(column K\): expected a level 1–5, .* or one of the question's level descriptions as the questionnaire words them, .*; found "还行吧" /,
    );
    expect(lines[1]).toMatch(
      /row 41, "1、您在公司中的角色是？" \(column G\): expected one of the mapping's role values 1 \(executive\), .*; found "实习生" \(if it is one of those roles, give it under respondent\.role\.values in the mapping\)/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^crm-maturity: batch \(wjx, utf-8, ","-separated\): 320 rows · 313 scored · 7 rejected/,
      ),
    );
    const header = readFileSync(at("respondents.csv"), "utf8").split("\n")[0];
    expect(header).toContain(`,role,${DEPARTMENT},overall,`);
  });

  for (const lang of ["en", "zh-CN"]) {
    it(`reports it in ${lang}: scores by department, no list of ids, no layout fault`, () => {
      const common = ["report", at("results.json"), "--lang", lang];
      const json = runCli([...common, "--format", "json"]);
      expect(json.status).toBe(0);
      const model = JSON.parse(json.stdout);
      expect(model.perception.byGroup[0].values.map((v: { name: string }) => v.name)).toEqual(
        [...DEPARTMENTS].sort(),
      );
      expect(model.appendix.respondents.items).toEqual([]);
      expect(model.dimensions.intro).not.toMatch(/interview|访谈/);
      // Respondents spread over the whole scale on every question (rwg about .3): a board is
      // shown the ten most divided of each list and told the rest is the same.
      const { disagreements, disagreementsMore, factConflicts } = model.perception;
      expect(disagreements.length).toBe(10);
      expect(factConflicts.items.length).toBe(10);
      expect(disagreementsMore).toMatch(lang === "en" ? /^The 10 questions/ : /^此处列出/);
      expect(factConflicts.more).toBeDefined();
      // Where every question's figures are: the working papers for the client, the results JSON
      // in the consultants' edition.
      expect(disagreementsMore).toMatch(/working papers|工作底稿/);
      expect(disagreementsMore).not.toMatch(/JSON|crm-maturity/);
      const internal = runCli([...common, "--format", "json", "--edition", "internal"]);
      expect(JSON.parse(internal.stdout).perception.disagreementsMore).toMatch(
        /results JSON that crm-maturity batch wrote|crm-maturity batch 输出的结果 JSON/,
      );
      const out = at(`report-${lang}.pdf`);
      expect(runCli([...common, "--format", "pdf", "-o", out]).status).toBe(0);
      expect(layoutFaults(pdfPages(out))).toEqual([]);
    }, 60_000);
  }
  for (const lang of ["en", "zh-CN"] as const) {
    it(`gives the ${lang} deck a slide of the scores by department: inside the slide, figures right-aligned`, async () => {
      const common = ["report", at("results.json"), "--lang", lang];
      const model = JSON.parse(runCli([...common, "--format", "json"]).stdout) as ReportModel;
      const [group] = model.perception.byGroup;
      if (!group) throw new Error("no group table");
      const out = at(`deck-${lang}.pptx`);
      expect(runCli([...common, "--format", "pptx", "-o", out]).status).toBe(0);
      const bytes = new Uint8Array(readFileSync(out));
      const parts = await packageParts(bytes);
      const slides = Array.from(
        { length: [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length },
        (_, i) => parts.get(`ppt/slides/slide${i + 1}.xml`) ?? "",
      );
      const index = slides.findIndex((x) => x.includes(`>${group.title}<`));
      const xml = slides[index] ?? "";
      expect(index).toBeGreaterThan(0);
      for (const v of group.values) expect(xml).toContain(v.name);
      for (const score of group.rows.at(-1)?.scores ?? [])
        expect(xml).toContain(`>${score?.toFixed(2)}<`);
      // As LibreOffice sets it: every figure against its column's right edge (the cell's margin
      // and a little), nothing past the margins or running into the footer (from 7.05 in).
      const words = officeWordBoxes(bytes, "pptx")[index] ?? [];
      const x0 = Number(
        /<p:xfrm><a:off x="(\d+)"/.exec(xml.slice(xml.indexOf("<p:graphicFrame>")))?.[1],
      );
      const widths = [...xml.matchAll(/<a:gridCol w="(\d+)"/g)].map((m) => Number(m[1]));
      const edges = widths.map(
        (_, i) => (x0 + widths.slice(0, i + 1).reduce((a, b) => a + b, 0)) / 12_700,
      );
      const figures = words.filter((w) => /^\d\.\d\d$/.test(w.text));
      expect(figures).toHaveLength(group.rows.length * group.values.length);
      for (const f of figures) {
        const gap = Math.min(
          ...edges
            .slice(1)
            .map((e) => e - f.xMax)
            .filter((d) => d >= 0),
        );
        expect(gap).toBeLessThan(8);
      }
      expect(words.filter((w) => w.xMin < 0.5 * 72 || w.xMax > (13.333 - 0.5) * 72)).toEqual([]);
      expect(words.filter((w) => w.yMax > 6.95 * 72 && w.yMin < 7.0 * 72)).toEqual([]);
    }, 120_000);
  }
});

describe("a survey whose respondents broadly agree", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-survey-agree-"));
  const at = (name: string) => path.join(dir, name);
  // Two questions split the respondents, one a fact (question 3 of the pack: a record of the
  // organisation) and one an experience question (question 20).
  const DIVIDED = [2, 19];

  beforeAll(() => {
    const mapping = wjxSurvey(at);
    writeAgreeingExport(readFileSync(at("wjx/wjx-import.txt"), "utf8"), at("export.csv"), DIVIDED);
    const r = runCli(["batch", at("export.csv"), "--map", mapping, "-o", at("results.json")]);
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it("flags only the divided questions, on rwg, though nearly every question spans two levels", () => {
    const results = JSON.parse(readFileSync(at("results.json"), "utf8"));
    type Q = { id: string; spread: number | null; rwg?: number; kind: string | null };
    const questions: Q[] = results.dimensions.flatMap((d: { questions: Q[] }) => d.questions);
    // The interview's rule (lowest and highest two levels apart) would list nearly all of them.
    expect(questions.filter((q) => (q.spread ?? 0) >= 2).length).toBeGreaterThan(30);
    const flagged = [...results.disagreements, ...results.factConflicts];
    expect(flagged.map((f: { question: string }) => f.question).sort()).toEqual(
      DIVIDED.map((k) => questions[k]?.id).sort(),
    );
    for (const f of flagged) {
      expect(f.rwg).toBeLessThan(0.51);
      expect(f.answered).toBe(300);
      expect(f.lowShare).toBeGreaterThan(0.35);
      expect(f.highShare).toBeGreaterThan(0.35);
    }
    for (const q of questions) {
      if (!DIVIDED.includes(questions.indexOf(q))) expect(q.rwg).toBeGreaterThanOrEqual(0.51);
    }
  });

  for (const lang of ["en", "zh-CN"] as const) {
    it(`reports them in ${lang} as shares and rwg, asking for evidence, not corrected answers`, () => {
      const common = ["report", at("results.json"), "--lang", lang];
      const json = runCli([...common, "--format", "json"]);
      expect(json.status).toBe(0);
      const { perception, appendix } = JSON.parse(json.stdout);
      expect(appendix.method.paragraphs.join(" ")).toMatch(/rwg/);
      expect(perception.disagreements.length + perception.factConflicts.items.length).toBe(2);
      expect(perception.factConflicts.intro).not.toMatch(/correct the answers|更正答案/);
      expect(perception.factConflicts.intro).toMatch(/rwg/);
      expect(perception.intro).not.toMatch(/two levels or more|相差两级/);
      const md = runCli([...common, "--format", "md"]);
      expect(md.status).toBe(0);
      const header =
        lang === "en"
          ? "| Rated low | Rated high | Agreement (rwg) |"
          : "| 低分占比 | 高分占比 | 一致度（rwg） |";
      expect(md.stdout).toContain(header);
      expect(md.stdout).not.toContain(lang === "en" ? "| Lowest |" : "| 最低 |");
    }, 60_000);
  }
});
