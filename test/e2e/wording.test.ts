import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/cli.js";

// The words of the client's documents, as a chief executive or 总经理 reads them: no rule-engine
// phrasing, no sentence that contradicts another section, no raw identifiers where a title exists.

const EXAMPLES = path.join(REPO, "examples");
const answersOf = (client: string) => {
  const dir = path.join(EXAMPLES, client, "answers");
  return readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
};
const args = (client: string) => [
  ...answersOf(client),
  "--targets",
  path.join(EXAMPLES, client, "targets.yaml"),
];
const md = (command: string, client: string, lang: string, ...extra: string[]) => {
  const r = runCli([command, ...args(client), "--lang", lang, "--format", "md", ...extra]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
};
const CLIENTS = ["acme-manufacturing", "huaxin-retail"];

describe("the wording of the client's documents", () => {
  for (const client of CLIENTS) {
    it(`${client}: risks are identified by the assessment, never "triggered"`, () => {
      for (const edition of ["board", "full"]) {
        expect(md("report", client, "en", "--edition", edition)).not.toMatch(/trigger/i);
        expect(md("report", client, "zh-CN", "--edition", edition)).not.toMatch(/触发/);
      }
      expect(md("roadmap", client, "en")).not.toMatch(/trigger/i);
      expect(md("roadmap", client, "zh-CN")).not.toMatch(/触发/);
    });

    it(`${client}: the cover counts respondents with a measure word in Chinese`, () => {
      expect(md("report", client, "zh-CN", "--edition", "board")).toMatch(
        /\*\*受访者\*\*：7 位（高层管理者 1 位、中层经理 2 位、一线员工 3 位、IT 人员 1 位）/,
      );
    });

    it(`${client}: a staged action keeps its stage in parentheses, also in the gantt chart`, () => {
      const en = md("report", client, "en");
      expect(en).not.toMatch(/: (pilot unit|staged rollout)/);
      expect(en).not.toMatch(/[a-z] (pilot unit|staged rollout) :a\d+/);
      expect(en).toMatch(/ \((pilot unit|staged rollout)\)/);
    });

    it(`${client}: the executive and front-line figures of a dimension say what they compare`, () => {
      const en = md("report", client, "en");
      // The figures of the perception gap are those of the experience statements both sides
      // answered; the scores by role differ, so the sentence has to say so.
      expect(en).not.toMatch(/^Executives rate this dimension/m);
      expect(en).toMatch(/^On the experience statements both answered, executives rate/m);
      expect(en).not.toMatch(/a difference of -/);
      expect(en).not.toMatch(/^Scores by role\. /m);
      const zh = md("report", client, "zh-CN");
      expect(zh).toMatch(/^在双方都回答过的体验题上，高层对该维度的评分为/m);
      expect(zh).not.toMatch(/相差 -/);
      expect(zh).not.toMatch(/^按角色列出的得分。/m);
    });

    it(`${client}: the notes table names the question and who answered it, not their ids`, () => {
      const en = md("report", client, "en");
      const notes = en.split("**Notes and evidence**").slice(1);
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) {
        const row = n.split("\n").find((l) => /^\| (?!Question|---)/.test(l)) ?? "";
        // The question's wording, then the respondent's role: no "(cult.x)", no "exec-ceo".
        expect(row).toMatch(/^\| [A-Z][^|]*[?.] \| [A-Z][^|(]* \|/);
        expect(row).not.toMatch(/\([a-z]+\.[a-z-]+\)|\| [a-z]+-[a-z0-9-]+ /);
      }
    });

    it(`${client}: a phase whose actions all fall beyond the horizon does not say none is needed`, () => {
      for (const lang of ["en", "zh-CN"]) {
        const text = md("report", client, lang);
        const backlog = lang === "en" ? "### Backlog for the next cycle" : "### 留待下一轮的行动";
        if (!text.includes(backlog)) continue;
        expect(text).not.toMatch(/No action is needed in this phase|本阶段无需行动/);
      }
    });

    it(`${client}: no English sentence of the roadmap starts with a figure`, () => {
      const en = md("roadmap", client, "en");
      const prose = en
        .split("\n")
        .filter((l) => !/^(\||```| {2}|#|- |\d+\. )/.test(l) && l.trim() !== "");
      for (const line of prose) expect(line).not.toMatch(/(^|\. )\d+ [a-z]/);
    });
  }

  it("huaxin: the phase names do not say twice that a phase waits for the previous one", () => {
    const en = md("roadmap", "huaxin-retail", "en");
    expect(en.match(/previous one (has closed|is complete)/g)).toHaveLength(1);
    const zh = md("roadmap", "huaxin-retail", "zh-CN");
    expect(zh.match(/下一阶段(不会启动|才开始)/g)).toHaveLength(1);
  });

  it("acme: the judgement on leadership at level 3 says what to do, not only the score", () => {
    const en = md("report", "acme-manufacturing", "en", "--edition", "board");
    expect(en).not.toMatch(/Leadership involvement currently scores \d\.\d\d\.\s/);
    expect(en).toMatch(/Leadership involvement currently scores \d\.\d\d; the task now/);
    const zh = md("report", "acme-manufacturing", "zh-CN", "--edition", "board");
    expect(zh).not.toMatch(/目前高层参与与执行得分为 \d\.\d\d。/);
  });

  it("a reliability row of one question does not blame the number of answers alone", () => {
    const en = md("report", "huaxin-retail", "en");
    expect(en).not.toMatch(/Too few complete answers to judge/);
    expect(en).toMatch(
      /\| Customer processes \| 1 \| 3 \|[^\n]*Too few answers or questions to judge/,
    );
  });

  it("compare: risks and readiness rules by title, no raw id; Chinese cells in full-width marks", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wording-"));
    for (const f of answersOf("huaxin-retail")) {
      const text = readFileSync(f, "utf8")
        .replace("date: 2026-04-08", "date: 2026-10-12")
        .replace(/^(\s+[a-z]+\.[a-z0-9-]+:\s+)([1-4])\s*$/gm, (_m, k, v) => `${k}${Number(v) + 1}`);
      writeFileSync(path.join(dir, path.basename(f)), text);
    }
    const base = path.join(EXAMPLES, "huaxin-retail", "answers");
    const run = (lang: string) => {
      const r = runCli(["compare", base, dir, "--format", "md", "--lang", lang]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const en = run("en");
    expect(en).not.toMatch(/^- `[a-z-]+` /m);
    expect(en).toMatch(/^- No CRM vision or strategy \(high\)$/m);
    expect(en).toMatch(/^Not ready → /m);
    expect(en).not.toMatch(/\d %/);
    const zh = run("zh-CN");
    expect(zh).not.toMatch(/^- `[a-z-]+` /m);
    expect(zh).not.toMatch(/ \((▲|▼|=) /);
    // Brackets in Chinese are full-width: a risk's severity, the readiness change, the interval.
    expect(zh).toMatch(/^- .+（高）$/m);
    expect(zh).toMatch(/^尚未就绪 → .+（▲ 改善）$/m);
    execFileSync("rm", ["-rf", dir]);
  });
});
