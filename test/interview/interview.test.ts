import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envWith } from "../../src/app/env.js";
import {
  EXIT_INTERRUPTED,
  type InterviewCommandOptions,
  runInterview,
} from "../../src/app/interview.js";
import { answersFile } from "../../src/core/answers/schema.js";
import { InputError, UsageError } from "../../src/core/diagnostics/errors.js";
import { displayWidth } from "../../src/core/text/width.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { loadAnswerFiles } from "../../src/io/load-answers.js";
import { type FileOps, NODE_FILE_OPS } from "../../src/io/output.js";
import { REPO } from "../helpers/cli.js";
import { ScriptedPrompter, type Step } from "./scripted.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/interview");
const MINI = path.join(FIXTURES, "mini/questionnaire.yaml");
const mini = resolveQuestionnaire(MINI);
const MINI_IDS = mini.dimensions.flatMap((d) => d.questions.map((q) => q.id));

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "crm-interview-"));
  file = path.join(dir, "a.yaml");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function interview(
  steps: Step[],
  opts: Partial<InterviewCommandOptions> = {},
  env: {
    questionIds?: readonly string[];
    interactive?: boolean;
    ops?: FileOps;
    /** The last answer is known not to be saved (a failed save not retried). */
    unsaved?: boolean;
    /** The terminal's width (100 when omitted). */
    columns?: number;
  } = {},
) {
  const prompter = new ScriptedPrompter(steps, {
    file,
    questionIds: env.questionIds ?? MINI_IDS,
    ...(env.columns === undefined ? {} : { columns: env.columns }),
  });
  const code = await runInterview(
    { output: "a.yaml", questionnaire: MINI, ...opts },
    envWith({
      cwd: dir,
      stdinIsTTY: env.interactive ?? true,
      stdoutIsTTY: env.interactive ?? true,
      vars: { NO_COLOR: "1" },
      now: () => new Date(2025, 2, 31, 12),
    }),
    prompter,
    env.ops,
  );
  if (!env.unsaved) prompter.checkFile();
  expect(prompter.remaining, "unused script steps").toBe(0);
  return { code, prompter, out: prompter.output };
}

const readAnswers = () => answersFile.parse(parse(readFileSync(file, "utf8")));

/** Every question the interview asked, its wrapped lines joined again with `join`. */
const asked = (prompter: ScriptedPrompter, join = " ") =>
  prompter.asked.map((a) => a.message.replace(/\s*\n\s*/g, join)).join("\n");

const META: Step[] = [
  { input: "Acme Manufacturing", expect: "Client name" },
  { input: "Manufacturing", expect: "Industry" },
  { enter: true, expect: "size" },
  { select: "live", expect: "CRM system" },
  { input: "Jane Consultant", expect: "Assessor" },
  { enter: true, expect: "date" },
  { confirm: false, expect: "stated goals" },
];

const NEW_EXEC: Step[] = [
  { select: "en", expect: "Language" },
  ...META,
  { input: "Wang Wei", expect: "name" },
  { select: "executive", expect: "role" },
];

/** Answers a question with a value and no note or evidence. */
const plain = (value: string): Step[] =>
  /^[1-5]$/.test(value)
    ? [{ select: value }, { enter: true, expect: "Note" }, { enter: true, expect: "Evidence" }]
    : [{ select: value }, { enter: true, expect: "Note" }];

describe("interview through the prompt seam", () => {
  it("runs a full session: metadata, respondent, every question for the role, score table", async () => {
    const { code, out, prompter } = await interview([
      ...NEW_EXEC,
      { select: "4", expect: "Which level" },
      { input: "Chairs the steering committee", expect: "Note" },
      { input: "Minutes of 12 March", expect: "Evidence" },
      ...plain("3"),
      ...plain("2"),
      { select: "5", expect: "agree" },
      { enter: true },
      { input: "Shared CRM dashboard" },
      { confirm: false, expect: "another respondent" },
    ]);
    expect(code).toBe(0);
    expect(prompter.checks).toBeGreaterThan(10);
    expect(readFileSync(file, "utf8")).toBe(
      [
        // Outside the package, the modeline names the bundled schema by its absolute path (as init does).
        `# yaml-language-server: $schema=${path.join(REPO, "schema", "answers.schema.json")}`,
        "assessment:",
        "  client:",
        "    name: Acme Manufacturing",
        "    industry: Manufacturing",
        "    crmSituation: live",
        "  date: 2025-03-31",
        "  assessor: Jane Consultant",
        "  questionnaire:",
        "    id: iv-mini",
        "    version: 1.0.0",
        "respondents:",
        "  - id: executive-1",
        "    name: Wang Wei",
        "    role: executive",
        "    answers:",
        "      lead.owner:",
        "        value: 4",
        "        note: Chairs the steering committee",
        "        evidence: Minutes of 12 March",
        "      lead.sponsor: 3",
        "      data.quality: 2",
        "      data.share:",
        "        value: 5",
        "        evidence: Shared CRM dashboard",
        "",
      ].join("\n"),
    );
    // Progress, headings, help and evidence prompts, role filtering.
    expect(out).toContain("Dimension 1 of 2 · Leadership");
    expect(out).toContain("Dimension 2 of 2 · Data quality");
    expect(out).toContain("Question 1 of 4 · Dimension 1 of 2");
    expect(out).toContain("Question 4 of 4 · Dimension 2 of 2");
    expect(out).toContain("Help      Ask for decisions taken in the last three months.");
    expect(out).toContain("Evidence  Steering committee minutes.");
    expect(out).not.toMatch(/lead\.hoard|proc\.followup/);
    const lines = out.split("\n");
    expect(lines).toContain("Finished with Wang Wei: 4 answered, 0 N/A, 0 unknown, 0 left open.");
    expect(lines).toContain(
      "Interviewing Wang Wei (Executive, executive-1): 4 questions. Every answer is saved to a.yaml at",
    );
    expect(lines).toContain("once; Ctrl-C saves and stops.");
    // The score table of the whole file closes the session.
    expect(out).toContain("Scores so far");
    expect(out).toMatch(/Leadership\s+│\s+3\.50 │ 3 Defined/);
  });

  it("asks for the executives' goals after the client details and saves each one as it is complete", async () => {
    const { code } = await interview([
      { select: "en", expect: "Language" },
      ...META.slice(0, -1),
      { confirm: true, expect: "stated goals" },
      { input: "Customers who would buy again", expect: "Goal" },
      { input: "customer satisfaction (CSAT)", expect: "measured" },
      { input: "98%", expect: "Target value" },
      { input: "2026-12-31", expect: "Expected by" },
      { select: "data", expect: "depend on most" },
      { confirm: true, expect: "another capability" },
      { select: "lead", expect: "other capability" },
      { confirm: false, expect: "another capability" },
      { confirm: true, expect: "Another goal" },
      { input: "Every key account in one record", expect: "Goal" },
      { enter: true, expect: "measured" },
      { enter: true, expect: "Target value" },
      { enter: true, expect: "Expected by" },
      { select: "data", expect: "depend on most" },
      { confirm: false, expect: "another capability" },
      // Interrupted at the next question: both goals are already on disk.
      { interrupt: "confirm", expect: "Another goal" },
    ]);
    expect(code).toBe(130);
    const data = readAnswers();
    expect(data.goals).toEqual([
      {
        text: "Customers who would buy again",
        metric: "customer satisfaction (CSAT)",
        target: "98%",
        by: "2026-12-31",
        dimensions: ["data", "lead"],
      },
      { text: "Every key account in one record", dimensions: ["data"] },
    ]);
    // Goals come before the respondents in the file, where a reader looks for them.
    const text = readFileSync(file, "utf8");
    expect(text.indexOf("goals:")).toBeLessThan(text.indexOf("respondents:"));
  });

  it("wraps a list's key help at words on a narrow terminal", async () => {
    const { prompter } = await interview(
      [...NEW_EXEC, ...plain("1"), { interrupt: "select" }],
      undefined,
      { columns: 60 },
    );
    const level = prompter.asked.filter((a) => a.kind === "select")[3]?.keys ?? "";
    // Wider than the 58 columns of text: the prompt library would have cut "s / top".
    expect(level.split("\n")).toEqual([
      "↑↓ move · 1–5 jump to a level · ⏎ choose · Ctrl-C save and",
      "stop",
    ]);
  });

  it("labels level choices with level names and anchors, Likert with agreement labels", async () => {
    const { prompter } = await interview([
      ...NEW_EXEC,
      ...plain("1"),
      ...plain("1"),
      ...plain("1"),
      { interrupt: "select" },
    ]);
    // The language, the CRM situation and the role come before the first question.
    const answers = prompter.asked.filter((a) => a.kind === "select").slice(3);
    type C = { value?: string; name?: string; short?: string; disabled?: unknown };
    const first = answers[0]?.choices as C[];
    expect(first.slice(0, 5).map((c) => c.short)).toEqual([
      "1 Initial",
      "2 Repeatable",
      "3 Defined",
      "4 Managed",
      "5 Optimising",
    ]);
    expect(first[0]?.name).toBe("1 Initial · Nobody.");
    expect(first.filter((c) => c.value !== undefined).map((c) => c.value)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "na",
      "unknown",
      "back",
      "skip",
      "quit",
    ]);
    // No previous question to go back to from the first one.
    expect(first.find((c) => c.value === "back")?.disabled).toBeTruthy();
    const second = (answers[1]?.choices ?? []) as C[];
    expect(second.find((c) => c.value === "back")?.disabled).toBeUndefined();
    const likert = answers[3]?.choices as C[];
    expect(answers[3]?.message).toBe("How far does the respondent agree?");
    // The key help says what the digits do on each kind of list.
    expect(answers[0]?.keys).toContain("1–5 jump to a level");
    expect(answers[3]?.keys).toContain("1–5 jump to that answer");
    expect(likert.slice(0, 5).map((c) => c.short)).toEqual([
      "1 Strongly disagree",
      "2 Disagree",
      "3 Neither agree nor disagree",
      "4 Agree",
      "5 Strongly agree",
    ]);
  });

  it("goes back to the previous question, showing the earlier answer and note as defaults", async () => {
    const { code, prompter } = await interview([
      ...NEW_EXEC,
      { select: "2" },
      { input: "Only the IT manager decides" },
      { enter: true },
      { select: "back", expect: "Which level" },
      { select: "4" },
      { enter: true, expect: "Note" },
      { enter: true },
      ...plain("3"),
      { select: "back" },
      { select: "back" },
      { select: "quit" },
    ]);
    expect(code).toBe(0);
    const asked = prompter.asked;
    // After "back", lead.owner is asked again with 2 preselected and the note pre-filled.
    const revisit = asked.findIndex(
      (a, i) => i > 0 && a.message.startsWith("Which level") && a.default === "2",
    );
    expect(revisit).toBeGreaterThan(0);
    expect(asked[revisit + 1]).toMatchObject({
      kind: "input",
      default: "Only the IT manager decides",
    });
    expect(prompter.output).toContain("answered: 2 Repeatable");
    const r = readAnswers().respondents[0];
    expect(r?.answers).toEqual({
      "lead.owner": { value: 4, note: "Only the IT manager decides" },
      "lead.sponsor": 3,
    });
  });

  it("records N/A and unknown (no evidence asked) and clears a note the user deletes", async () => {
    await interview([
      ...NEW_EXEC,
      { select: "na" },
      { input: "No such role here" },
      { select: "unknown" },
      { enter: true },
      { select: "back" },
      { select: "back" },
      { select: "na" },
      { input: "", expect: "Note" },
      { select: "unknown" },
      { enter: true },
      { select: "quit" },
    ]);
    expect(readAnswers().respondents[0]?.answers).toEqual({
      "lead.owner": "na",
      "lead.sponsor": "unknown",
    });
  });

  it("skips the rest of a dimension; a later --resume offers the skipped questions again", async () => {
    const first = await interview([
      ...NEW_EXEC,
      ...plain("2"),
      { select: "skip" },
      ...plain("3"),
      ...plain("4"),
      { confirm: false },
    ]);
    expect(first.out).toContain("Skipped 1 question of this dimension.");
    expect(first.out).toContain("3 answered, 0 N/A, 0 unknown, 1 left open");
    const resumed = await interview([...plain("5"), { confirm: false }], {
      resume: true,
      lang: "en",
    });
    expect(resumed.out).toContain("Resuming: 3 of 4 questions already answered.");
    expect(resumed.out).toContain("Question 2 of 4");
    // Answers stay in questionnaire order although lead.sponsor was answered last.
    const r = readAnswers().respondents[0];
    expect(Object.keys(r?.answers ?? {})).toEqual([
      "lead.owner",
      "lead.sponsor",
      "data.quality",
      "data.share",
    ]);
    expect(r?.answers["lead.sponsor"]).toBe(5);
  });

  it("filters questions by role: a front-line respondent gets their own five in three dimensions", async () => {
    const { out } = await interview(
      [
        ...META,
        { enter: true, expect: "name" },
        ...plain("1"),
        ...plain("5"),
        ...plain("2"),
        ...plain("1"),
        ...plain("2"),
        { confirm: false },
      ],
      { lang: "en", role: "frontline" },
    );
    expect(out).toContain("Question 5 of 5 · Dimension 3 of 3");
    expect(out).not.toContain("lead.sponsor");
    const r = readAnswers().respondents[0];
    expect(r).toMatchObject({ id: "frontline-1", role: "frontline" });
    expect(r?.name).toBeUndefined();
    expect(Object.keys(r?.answers ?? {})).toEqual([
      "lead.owner",
      "lead.hoard",
      "proc.followup",
      "data.quality",
      "data.share",
    ]);
  });

  it("save-and-quit keeps every answer and prints the exact command to resume", async () => {
    const { code, out } = await interview(
      [...META, { input: "Li Na" }, ...plain("3"), { select: "quit" }],
      { lang: "en", role: "executive" },
    );
    expect(code).toBe(0);
    expect(out).toContain("Saved 1 answer to a.yaml.");
    expect(out).toContain(`crm-maturity interview -o a.yaml --resume -q ${MINI} --lang en`);
    expect(readAnswers().respondents[0]?.answers).toEqual({ "lead.owner": 3 });
  });

  it("Ctrl-C mid-question saves, prints the resume command and exits 130", async () => {
    const { code, out } = await interview([
      ...NEW_EXEC,
      ...plain("3"),
      { select: "2" },
      { input: "Escalated by email" },
      { enter: true },
      { interrupt: "select" },
    ]);
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(out).toContain("Interrupted.");
    expect(out).toContain("Saved 2 answers to a.yaml.");
    expect(out).toContain("crm-maturity interview -o a.yaml --resume");
    expect(readAnswers().respondents[0]?.answers).toEqual({
      "lead.owner": 3,
      "lead.sponsor": { value: 2, note: "Escalated by email" },
    });
  });

  it("Ctrl-C while typing a note keeps the answer already chosen", async () => {
    const { code } = await interview([...NEW_EXEC, { select: "4" }, { interrupt: "input" }]);
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(readAnswers().respondents[0]?.answers).toEqual({ "lead.owner": 4 });
  });

  it("Ctrl-C before the metadata is complete saves nothing and says so", async () => {
    const { code, out } = await interview([{ select: "en" }, { interrupt: "input" }]);
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(out).toContain("nothing was saved");
    expect(existsSync(file)).toBe(false);
  });

  it("Ctrl-C before the language is chosen says what it says in every language offered", async () => {
    const fresh = await interview([{ interrupt: "select", expect: "Language" }]);
    expect(fresh.code).toBe(EXIT_INTERRUPTED);
    expect(fresh.out).toContain(
      "Interrupted before any answer was given; nothing was saved.\n尚未作答即已中止，未保存任何内容。",
    );
    await interview([...NEW_EXEC, ...plain("3"), { interrupt: "select" }]);
    const existing = await interview([{ interrupt: "select", expect: "Language" }]);
    expect(existing.out).toContain("Interrupted.\n访谈已中止。");
    expect(existing.out).toContain(
      "Resume with:\n继续访谈请运行：\n  crm-maturity interview -o a.yaml --resume",
    );
  });

  it("--resume continues at the first unanswered question without asking for metadata", async () => {
    await interview([...NEW_EXEC, ...plain("3"), { interrupt: "select" }]);
    const { code, out, prompter } = await interview(
      [...plain("2"), ...plain("4"), ...plain("1"), { confirm: false }],
      { resume: true, lang: "en", role: "frontline" },
    );
    expect(out).toContain(
      "Note: Wang Wei was interviewed as Executive; --role applies only to new respondents.",
    );
    expect(code).toBe(0);
    expect(prompter.asked.some((a) => a.message.includes("Client name"))).toBe(false);
    expect(out).toContain("Resuming: 1 of 4 questions already answered.");
    expect(out.indexOf("Question 2 of 4")).toBeGreaterThan(-1);
    expect(out).not.toContain("Question 1 of 4");
    expect(readAnswers().respondents[0]?.answers).toEqual({
      "lead.owner": 3,
      "lead.sponsor": 2,
      "data.quality": 4,
      "data.share": 1,
    });
  });

  it("adds a second respondent to an existing file without touching the first", async () => {
    await interview([
      ...NEW_EXEC,
      ...plain("4"),
      ...plain("4"),
      ...plain("3"),
      ...plain("3"),
      { confirm: false },
    ]);
    const before = readAnswers().respondents[0];
    const { out } = await interview(
      [
        { select: "new", expect: "What would you like" },
        { input: "Zhang San" },
        ...plain("2"),
        ...plain("4"),
        ...plain("1"),
        ...plain("2"),
        ...plain("2"),
        { confirm: false },
      ],
      { lang: "en", role: "frontline" },
    );
    expect(out).toContain("a.yaml already holds 1 respondent; nothing in it will be overwritten.");
    const data = readAnswers();
    expect(data.assessment.client.name).toBe("Acme Manufacturing");
    expect(data.respondents[0]).toEqual(before);
    expect(data.respondents[1]).toMatchObject({ id: "frontline-1", name: "Zhang San" });
    // Two roles now: the score table reports both.
    expect(out).toMatch(/Respondents/);
  });

  it("offers to continue the last respondent when the file is reopened without --resume", async () => {
    await interview([...NEW_EXEC, ...plain("4"), { select: "quit" }]);
    const { prompter } = await interview(
      [{ select: "continue" }, ...plain("3"), { select: "quit" }],
      { lang: "en" },
    );
    const offer = prompter.asked[0]?.choices as { value: string; name: string }[];
    expect(offer.map((c) => c.value)).toEqual(["continue", "new", "quit"]);
    expect(offer[0]?.name).toBe("Continue with Wang Wei (1 of 4 answered)");
    expect(readAnswers().respondents[0]?.answers).toEqual({ "lead.owner": 4, "lead.sponsor": 3 });
  });

  it("adds respondents one after another in one sitting", async () => {
    await interview(
      [
        ...META,
        { input: "A" },
        ...plain("1"),
        ...plain("1"),
        ...plain("1"),
        ...plain("1"),
        { confirm: true, expect: "another respondent" },
        { input: "B" },
        ...plain("2"),
        { select: "quit" },
      ],
      { lang: "en", role: "executive" },
    );
    const data = readAnswers();
    expect(data.respondents.map((r) => [r.id, r.name])).toEqual([
      ["executive-1", "A"],
      ["executive-2", "B"],
    ]);
    expect(data.respondents[1]?.answers).toEqual({ "lead.owner": 2 });
  });

  it("--resume after the last respondent finished offers a new respondent", async () => {
    await interview([
      ...NEW_EXEC,
      ...plain("4"),
      ...plain("4"),
      ...plain("3"),
      ...plain("3"),
      { confirm: false },
    ]);
    const { prompter } = await interview(
      [{ confirm: false, expect: "Wang Wei has answered every question" }],
      {
        resume: true,
        lang: "en",
      },
    );
    expect(prompter.asked).toHaveLength(1);
  });

  it("quitting an existing file leaves it byte for byte, comments included", async () => {
    const text = [
      "# yaml-language-server: $schema=../schema/answers.schema.json",
      "# Interview notes kept by hand.",
      "assessment:",
      "  client: { name: Acme }   # short name",
      "  date: 2025-01-02",
      "  assessor: J",
      "  questionnaire: { id: iv-mini, version: 1.0.0 }",
      "respondents:",
      "  - id: ceo",
      "    role: executive",
      "    answers:",
      "      data.share: 4 # asked twice",
      "",
    ].join("\n");
    writeFileSync(file, text);
    await interview([{ select: "quit" }], { lang: "en" });
    expect(readFileSync(file, "utf8")).toBe(text);
    // Continuing keeps the hand-written comments and adds answers in questionnaire order.
    await interview([{ select: "continue" }, ...plain("2"), { select: "quit" }], { lang: "en" });
    const after = readFileSync(file, "utf8");
    expect(after).toContain("# Interview notes kept by hand.");
    expect(after).toContain("# short name");
    expect(after).toContain("data.share: 4 # asked twice");
    expect(after.indexOf("lead.owner: 2")).toBeLessThan(after.indexOf("data.share: 4"));
  });

  it("speaks Chinese with --lang zh-CN", async () => {
    const { out, prompter } = await interview(
      [
        ...META.map(({ expect: _, ...step }) => step as Step),
        { enter: true },
        { select: "3" },
        { enter: true },
        { enter: true },
        { select: "quit" },
      ],
      { lang: "zh-CN", role: "executive" },
    );
    expect(out).toContain("━━ 维度 1 / 2 · 高层参与");
    expect(out).toContain("第 1 题 / 共 4 题 · 维度 1 / 2");
    expect(out).toContain("访谈提示  询问近三个月做过哪些决策。");
    expect(out).toContain("已将 1 条回答保存到 a.yaml。");
    const choices = prompter.asked.find((a) => a.message === "哪一级最符合实际情况？")?.choices as {
      short?: string;
      name?: string;
    }[];
    expect(choices[0]?.name).toBe("1 初始级 · 无人负责。");
    expect(choices.map((c) => c.short)).toContain("不适用");
    expect(prompter.asked.map((a) => a.message)).toContain("客户名称");
  });

  it("in Chinese, every list shows its keys and every yes/no answer reads 是 or 否", async () => {
    const { prompter } = await interview(
      [
        { input: "华信零售", expect: "客户名称" },
        { enter: true },
        { enter: true },
        { select: "live", expect: "CRM 系统" },
        { input: "李明", expect: "评估人" },
        { enter: true },
        { confirm: true, expect: "目标" },
        { input: "客户满意度达到 98%" },
        { enter: true },
        { enter: true },
        { enter: true },
        { select: "lead" },
        { confirm: false },
        { confirm: false },
        { enter: true, expect: "受访者姓名" },
        { select: "executive", expect: "角色" },
        { select: "quit" },
      ],
      { lang: "zh-CN" },
    );
    const selects = prompter.asked.filter((a) => a.kind === "select");
    expect(selects.length).toBeGreaterThan(2);
    for (const a of selects) {
      expect(a.keys, a.message).toMatch(/移动/);
      expect(a.hints?.noMatch("b"), a.message).toBe(
        "没有以“b”开头的选项，未作任何选择：请用 ↑↓ 移动后按 ⏎ 确认。",
      );
      expect(a.hints?.disabled, a.message).toBe("此项在这里不能选择，请选择其他项。");
    }
    const confirms = prompter.asked.filter((a) => a.kind === "confirm");
    expect(confirms.length).toBe(3);
    for (const a of confirms) {
      expect(a.words, a.message).toEqual({
        yes: "是",
        no: "否",
        hint: expect.any(Function),
        invalid: "请输入 y 或“是”表示是，n 或“否”表示否",
      });
      // The answer Enter gives is marked, to be highlighted.
      expect(
        a.words?.hint((answer) => `[${answer}]`),
        a.message,
      ).toBe(a.default ? "（[y 是]／n 否，回车即是）" : "（y 是／[n 否]，回车即否）");
    }
  });
});

describe("where answers are written", () => {
  it("starts an empty file (made with touch) as a new one, and refuses one with content it cannot read", async () => {
    writeFileSync(file, "\n  \n");
    const { code } = await interview([...NEW_EXEC, ...plain("3"), { select: "quit" }]);
    expect(code).toBe(0);
    expect(answersFile.parse(parse(readFileSync(file, "utf8"))).respondents).toHaveLength(1);
    writeFileSync(file, "just a line of text\n");
    await expect(interview([])).rejects.toThrow(/a\.yaml is not a valid answers file/);
    expect(readFileSync(file, "utf8")).toBe("just a line of text\n");
  });

  it("creates missing folders, and writes JSON (with $schema) to a .json file", async () => {
    file = path.join(dir, "acme", "answers", "ceo.json");
    const { code } = await interview([...NEW_EXEC, ...plain("3"), { select: "quit" }], {
      output: "acme/answers/ceo.json",
    });
    expect(code).toBe(0);
    const text = readFileSync(file, "utf8");
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["$schema", "assessment", "respondents"]);
    expect(answersFile.parse(json).respondents[0]?.answers).toEqual({ "lead.owner": 3 });
    // Reopened, it stays JSON.
    await interview([{ select: "continue" }, ...plain("2"), { select: "quit" }], {
      output: "acme/answers/ceo.json",
      lang: "en",
    });
    expect(JSON.parse(readFileSync(file, "utf8")).respondents[0].answers).toEqual({
      "lead.owner": 3,
      "lead.sponsor": 2,
    });
  });
});

describe("the engagement workflow", () => {
  it("gives same-role respondents in separate files of one folder distinct ids", async () => {
    file = path.join(dir, "answers", "ceo.yaml");
    await interview([...NEW_EXEC, ...plain("3"), { select: "quit" }], {
      output: "answers/ceo.yaml",
    });
    file = path.join(dir, "answers", "cfo.yaml");
    await interview([...NEW_EXEC, ...plain("2"), { select: "quit" }], {
      output: "answers/cfo.yaml",
    });
    const ids = ["ceo", "cfo"].map(
      (n) =>
        answersFile.parse(parse(readFileSync(path.join(dir, "answers", `${n}.yaml`), "utf8")))
          .respondents[0]?.id,
    );
    expect(ids).toEqual(["executive-1", "executive-2"]);
  });

  it("starts a new file's details from the folder's other answer file, so they merge cleanly", async () => {
    file = path.join(dir, "answers", "ceo.yaml");
    await interview([...NEW_EXEC, { select: "quit" }], { output: "answers/ceo.yaml" });
    file = path.join(dir, "answers", "sales.yaml");
    const { prompter, out } = await interview(
      [
        { select: "en", expect: "Language" },
        { enter: true, expect: "Client name" },
        { enter: true, expect: "Industry" },
        { enter: true, expect: "size" },
        { select: "live", expect: "CRM system" },
        { enter: true, expect: "Assessor" },
        { enter: true, expect: "date" },
        { confirm: false, expect: "stated goals" },
        { enter: true, expect: "name" },
        { select: "frontline", expect: "role" },
        { select: "quit" },
      ],
      { output: "answers/sales.yaml" },
    );
    expect(out).toContain("Pre-filled from the other answer files of this folder");
    expect(prompter.asked.find((a) => a.message.includes("CRM system"))?.default).toBe("live");
    const loaded = loadAnswerFiles(
      [path.join(dir, "answers", "ceo.yaml"), path.join(dir, "answers", "sales.yaml")],
      mini,
      { cwd: dir },
    );
    expect(loaded.issues).toEqual([]);
    expect(readAnswers().assessment).toEqual(
      answersFile.parse(parse(readFileSync(path.join(dir, "answers", "ceo.yaml"), "utf8")))
        .assessment,
    );
  });

  it("sees a respondent another interview of the folder added after this one started", async () => {
    file = path.join(dir, "answers", "rep-a.yaml");
    const other = path.join(dir, "answers", "rep-b.yaml");
    const steps = NEW_EXEC.map((step) =>
      "select" in step && step.select === "executive"
        ? {
            ...step,
            // Meanwhile, in another pane, the interview into rep-b.yaml added executive-1.
            before: () => {
              const [, ...rest] = readFileSync(file, "utf8").split("\n");
              const text = rest
                .join("\n")
                .replace(
                  "respondents: []",
                  "respondents:\n  - { id: executive-1, role: executive, answers: {} }",
                );
              writeFileSync(other, text);
            },
          }
        : step,
    );
    await interview([...steps, { select: "quit" }], { output: "answers/rep-a.yaml" });
    expect(readAnswers().respondents[0]?.id).toBe("executive-2");
  });

  it("asks for the client details an init template still holds, then keeps the rest", async () => {
    const template = [
      "assessment:",
      "  client:",
      "    name: Client name",
      "    industry: 所属行业",
      "    size: Number of employees, e.g. 200-500",
      "  date: 2025-03-01",
      "  assessor: Your name  # who ran it",
      "  questionnaire: { id: iv-mini, version: 1.0.0 }",
      "respondents: []",
      "",
    ].join("\n");
    writeFileSync(file, template);
    const { out } = await interview(
      [
        { input: "Acme Manufacturing", expect: "Client name" },
        { input: "Manufacturing", expect: "Industry" },
        { enter: true, expect: "size" },
        { input: "Jane Consultant", expect: "Assessor" },
        { select: "live", expect: "CRM system" },
        { confirm: false, expect: "stated goals" },
        { confirm: false, expect: "no respondent yet" },
      ],
      { lang: "en", resume: true },
    );
    expect(out).toContain(
      "a.yaml still holds the template's wording instead of the client details",
    );
    const data = readAnswers();
    expect(data.assessment).toMatchObject({
      client: { name: "Acme Manufacturing", industry: "Manufacturing" },
      assessor: "Jane Consultant",
      date: "2025-03-01",
    });
    expect(data.assessment.client.size).toBeUndefined();
    expect(data.assessment.client.crmSituation).toBe("live");
    expect(readFileSync(file, "utf8")).toContain("# who ran it");
  });
});

describe("an answers file without respondents", () => {
  it("says it holds no respondent yet, in either language, rather than '0 respondents'", async () => {
    const text = [
      "assessment:",
      "  client: { name: Acme }",
      "  date: 2025-03-01",
      "  assessor: Jane",
      "  questionnaire: { id: iv-mini, version: 1.0.0 }",
      "respondents: []",
      "",
    ].join("\n");
    writeFileSync(file, text);
    const en = await interview([{ select: "quit", expect: "What would you like to do?" }], {
      lang: "en",
    });
    expect(en.out).toContain("a.yaml holds the assessment but no respondent yet");
    const zh = await interview([{ select: "quit" }], { lang: "zh-CN" });
    expect(zh.out).toContain("a.yaml 中已有评估信息，尚无受访者");
    expect(en.out + zh.out).not.toMatch(/\b0 respondents|已有 0 位/);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});

describe("an answers file init wrote", () => {
  it("asks the CRM situation (init's 'none' preselected, its comment kept) and offers the goals", async () => {
    const template = [
      "assessment:",
      "  client:",
      "    name: Client name",
      "    crmSituation: none  # none | selecting | implementing | live",
      "  date: 2025-03-01",
      "  assessor: Your name",
      "  questionnaire: { id: iv-mini, version: 1.0.0 }",
      "respondents: []",
      "",
    ].join("\n");
    writeFileSync(file, template);
    const { prompter } = await interview(
      [
        { input: "Acme Manufacturing", expect: "Client name" },
        { input: "Jane Consultant", expect: "Assessor" },
        { select: "live", expect: "CRM system" },
        { confirm: true, expect: "stated goals" },
        { input: "Every complaint closed within 24 hours", expect: "Goal" },
        { enter: true, expect: "measured" },
        { enter: true, expect: "Target" },
        { input: "2026-06-30", expect: "Expected by" },
        { select: "process" },
        { confirm: false, expect: "another capability" },
        { confirm: false, expect: "Another goal" },
        { select: "quit", expect: "What would you like to do?" },
      ],
      { lang: "en" },
    );
    const asked = prompter.asked.find((a) => a.message.includes("CRM system"));
    expect(asked?.default).toBe("none");
    const data = readAnswers();
    expect(data.assessment.client.crmSituation).toBe("live");
    expect(data.goals).toEqual([
      { text: "Every complaint closed within 24 hours", by: "2026-06-30", dimensions: ["process"] },
    ]);
    expect(readFileSync(file, "utf8")).toContain(
      "crmSituation: live # none | selecting | implementing | live",
    );
  });

  it("does not offer the goals again when the file already states some", async () => {
    writeFileSync(
      file,
      [
        "assessment:",
        "  client: { name: Client name }",
        "  date: 2025-03-01",
        "  assessor: Jane",
        "  questionnaire: { id: iv-mini, version: 1.0.0 }",
        "goals:",
        "  - { text: Grow repeat sales, dimensions: [lead] }",
        "respondents: []",
        "",
      ].join("\n"),
    );
    await interview(
      [
        { input: "Acme", expect: "Client name" },
        { select: "none", expect: "CRM system" },
        { select: "quit", expect: "What would you like to do?" },
      ],
      { lang: "en" },
    );
    expect(readAnswers().goals).toHaveLength(1);
  });
});

describe("interview refusals", () => {
  it("exits 2 without a terminal, pointing to score and init", async () => {
    const err = await interview([], {}, { interactive: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain("crm-maturity score <answers.yaml>");
    expect((err as Error).message).toContain("crm-maturity init");
  });

  it("rejects an unknown --role and --resume of a missing file as usage errors", async () => {
    await expect(interview([], { role: "ceo" })).rejects.toThrow(
      /--role expects one of .*executive, frontline/,
    );
    await expect(interview([], { resume: true })).rejects.toThrow(/nothing to resume/);
    await expect(interview([], { output: "-" })).rejects.toThrow(UsageError);
  });

  it("reports a corrupt answers file with file:line:col and leaves it untouched", async () => {
    const text =
      "assessment:\n  client: { name: Acme }\n  date: 2025-01-02\n  assessor: J\n  questionnaire: { id: iv-mini, version: 1.0.0 }\nrespondents:\n  - id: a\n    role: executive\n    answers:\n      lead.owner: 9\n";
    writeFileSync(file, text);
    const err = await interview([]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const issue = (err as InputError).issues[0];
    expect(issue).toMatchObject({ code: "out-of-scale", file: "a.yaml", start: { line: 10 } });
    expect(readFileSync(file, "utf8")).toBe(text);

    writeFileSync(file, "assessment: [unclosed\n");
    const syntax = await interview([]).catch((e: unknown) => e);
    expect((syntax as InputError).issues[0]).toMatchObject({ code: "yaml-syntax", file: "a.yaml" });
  });

  it("reports a bad questionnaire (-q) as invalid input", async () => {
    const bad = path.join(dir, "q.yaml");
    writeFileSync(bad, "id: x\nversion: nope\n");
    await expect(interview([], { questionnaire: bad })).rejects.toBeInstanceOf(InputError);
  });
});

describe("the bundled pack", () => {
  it("interviews an executive through all of it", async () => {
    const pack = resolveQuestionnaire();
    const ids = pack.dimensions.flatMap((d) => d.questions.map((q) => q.id));
    const count = pack.dimensions
      .flatMap((d) => d.questions)
      .filter((q) => q.roles === undefined || q.roles.includes("executive")).length;
    const steps: Step[] = [...META];
    steps.push({ enter: true });
    for (let i = 0; i < count; i++) steps.push(...plain(String((i % 5) + 1)));
    steps.push({ confirm: false });
    const { out } = await interview(
      steps,
      { questionnaire: undefined, lang: "en", role: "executive" },
      { questionIds: ids },
    );
    expect(out).toContain(`Question ${count} of ${count}`);
    const r = readAnswers().respondents[0];
    expect(Object.keys(r?.answers ?? {})).toHaveLength(count);
    expect(readAnswers().assessment.questionnaire).toEqual({ id: pack.id, version: pack.version });
  });
});

describe("interviews cannot lose answers (issue 10, items 2 and 3)", () => {
  /** A writer whose writes fail with ENOSPC for the saves numbered in `failing` (1-based). */
  function failingSaves(failing: readonly number[]): FileOps {
    let saves = 0;
    return {
      ...NODE_FILE_OPS,
      writeSync: (fd, data, offset, length) => {
        if (offset === 0) saves++;
        if (failing.includes(saves)) {
          throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
        }
        return NODE_FILE_OPS.writeSync(fd, data, offset, length);
      },
    };
  }

  it("refuses a second interview on a file another process holds, in both languages", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(
        `${file}.lock`,
        JSON.stringify({ pid: other.pid, host: hostname(), since: "2025-03-31T09:00:00Z" }),
      );
      const err = await interview([], {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      const message = (err as Error).message;
      expect(message).toContain(`a.yaml is open in another interview (process ${other.pid}`);
      expect(message).toContain("a.yaml 正在另一个访谈中使用");
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}.lock`)).toBe(true);
    } finally {
      other.kill();
    }
  });

  it("takes over the lock of a process that no longer runs, and releases its own", async () => {
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: gone, host: hostname(), since: "x" }));
    const { code } = await interview([...NEW_EXEC, ...plain("3"), { interrupt: "select" }]);
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(readAnswers().respondents[0]?.answers).toEqual({ "lead.owner": 3 });
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("shows a failed autosave as failed, retries it, and reports only what the file holds", async () => {
    // Saves: 1 metadata, 2 respondent, 3 the first answer (fails once), 4 its retry.
    const { code, out } = await interview(
      [
        ...NEW_EXEC,
        { select: "4" },
        { confirm: true, expect: "Try saving again?" },
        { enter: true, expect: "Note" },
        { enter: true, expect: "Evidence" },
        { interrupt: "select" },
      ],
      {},
      { ops: failingSaves([3]) },
    );
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(out).toContain("✘ Could not save to a.yaml: the disk is full.");
    expect(out).toContain("Saved 1 answer to a.yaml.");
    expect(readAnswers().respondents[0]?.answers).toEqual({ "lead.owner": 4 });
  });

  it("ends with exit 1 and says so when the consultant stops retrying a failed save", async () => {
    const { code, out, prompter } = await interview(
      [
        ...NEW_EXEC,
        ...plain("3"),
        { select: "2" },
        { confirm: false, expect: "Try saving again?" },
      ],
      {},
      { ops: failingSaves([4]), unsaved: true },
    );
    // A respondent the file holds: No lists their answers the file lacks.
    expect(asked(prompter)).toContain("No stops the interview and lists the answers not saved");
    expect(code).toBe(1);
    expect(out).toContain("The last answers could NOT be saved; a.yaml holds only what was saved");
    expect(out).toContain("Saved 1 answer to a.yaml.");
    expect(out).not.toContain("Saved 2 answers");
    expect(readAnswers().respondents[0]?.answers).toEqual({ "lead.owner": 3 });
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("starts a new respondent whose first save failed again, never --resume (which continues the previous one)", async () => {
    await interview([...NEW_EXEC, ...plain("4"), { select: "quit" }]);
    const before = readFileSync(file, "utf8");
    const { code, out, prompter } = await interview(
      [
        { select: "new", expect: "What would you like to do?" },
        { input: "Li Ming", expect: "name" },
        { select: "frontline", expect: "role" },
        { confirm: false, expect: "Try saving again?" },
      ],
      { lang: "en" },
      { ops: failingSaves([1]), unsaved: true },
    );
    expect(code).toBe(1);
    expect(out.replace(/\n(?! {2}crm)/g, " ")).toContain(
      'Li Ming could not be added to a.yaml. To start this interview again, run the command below and choose "Add a new respondent to this file":\n' +
        `  crm-maturity interview -o a.yaml --role frontline -q ${MINI} --lang en`,
    );
    expect(out).not.toContain("--resume");
    // Li Ming has no answer to list: the question says what No does for them.
    expect(asked(prompter)).toContain(
      "Try saving again? (free some space on the disk first; No stops the interview without adding Li Ming, and shows how to start their interview again)",
    );
    expect(asked(prompter)).not.toContain("answers not saved");
    expect(out).not.toContain("Saved 1 answer"); // Wang Wei's, not this session's
    // One message says what happened and what to do: not "the last answers" besides.
    expect(out).not.toContain("could NOT be saved");
    expect(out.split("could not be added")).toHaveLength(2);
    expect(readFileSync(file, "utf8")).toBe(before);

    // The command does what it says: Li Ming is added, Wang Wei is left as he was.
    await interview(
      [
        { select: "new", expect: "What would you like to do?" },
        { input: "Li Ming", expect: "name" },
        ...plain("2"),
        { select: "quit" },
      ],
      { lang: "en", role: "frontline" },
    );
    const data = readAnswers();
    expect(data.respondents.map((r) => [r.name, r.role])).toEqual([
      ["Wang Wei", "executive"],
      ["Li Ming", "frontline"],
    ]);
    expect(data.respondents[0]?.answers).toEqual({ "lead.owner": 4 });
  });

  it("says the same once when Ctrl-C answers the retry of a new respondent's first save", async () => {
    await interview([...NEW_EXEC, ...plain("4"), { select: "quit" }]);
    const { code, out, prompter } = await interview(
      [
        { select: "new", expect: "What would you like to do?" },
        { input: "Li Ming", expect: "name" },
        { select: "frontline", expect: "role" },
        { interrupt: "confirm", expect: "Try saving again?" },
      ],
      { lang: "en" },
      { ops: failingSaves([1]), unsaved: true },
    );
    expect(code).toBe(EXIT_INTERRUPTED);
    const text = out.replace(/\n(?! {2}crm)/g, " ");
    expect(text).toContain(
      'Li Ming could not be added to a.yaml. To start this interview again, run the command below and choose "Add a new respondent to this file":\n' +
        `  crm-maturity interview -o a.yaml --role frontline -q ${MINI} --lang en`,
    );
    expect(asked(prompter)).toContain("No stops the interview without adding Li Ming");
    expect(text).not.toContain("could NOT be saved");
    expect(text).not.toContain("--resume");
  });

  it("says so in Chinese when the next respondent of the same sitting cannot be added", async () => {
    const answer = (value: string): Step[] => [{ select: value }, { enter: true }, { enter: true }];
    const { code, out, prompter } = await interview(
      [
        ...META.map(({ expect: _, ...step }) => step as Step),
        { input: "王伟" },
        ...answer("1"),
        ...answer("1"),
        ...answer("1"),
        ...answer("1"),
        { confirm: true, expect: "是否现在为该客户访谈另一位受访者？" },
        { input: "李明" },
        { confirm: false, expect: "是否重试保存？" },
      ],
      { lang: "zh-CN", role: "executive" },
      { ops: failingSaves([7]), unsaved: true },
    );
    expect(code).toBe(1);
    expect(out.replace(/\n(?! {2}crm)/g, "")).toContain(
      "李明 未能写入 a.yaml。如需重新开始这位受访者的访谈，请运行以下命令，并选择“在此文件中新增一位受访者”：\n" +
        `  crm-maturity interview -o a.yaml --role executive -q ${MINI} --lang zh-CN`,
    );
    expect(out).not.toContain("--resume");
    expect(out.replaceAll("\n", "")).not.toContain("最后的回答未能保存");
    expect(asked(prompter, "")).toContain(
      "是否重试保存？（请先释放磁盘空间；选“否”将结束访谈，李明不会加入文件，随后会给出重新开始其访谈的命令）",
    );
    expect(asked(prompter, "")).not.toContain("列出未保存的回答");
    expect(readAnswers().respondents.map((r) => r.name)).toEqual(["王伟"]);
  });

  it("says why a save failed and what to do in the interview's language, and lists what the file lacks", async () => {
    const failing = (code: string, at: number): FileOps => {
      let saves = 0;
      return {
        ...NODE_FILE_OPS,
        renameSync: (from, to) => {
          if (++saves === at) throw Object.assign(new Error(code), { code });
          NODE_FILE_OPS.renameSync(from, to);
        },
      };
    };
    // Saves: 1 metadata, 2 respondent, 3 the first answer, 4 its note, 5 the second answer.
    const zh = await interview(
      [
        ...META.map(({ expect: _, ...step }) => step as Step),
        { input: "王伟" },
        { select: "executive" },
        { select: "3" },
        { input: "已签署" },
        { enter: true },
        { select: "4" },
        { confirm: false, expect: "是否重试保存？（请先释放磁盘空间；" },
      ],
      { lang: "zh-CN" },
      { ops: failing("ENOSPC", 5), unsaved: true },
    );
    expect(zh.code).toBe(1);
    const zhOut = zh.out.replaceAll("\n", "");
    expect(zhOut).toContain("✘ 无法保存到 a.yaml：磁盘已满。");
    expect(zhOut).not.toMatch(/no space|disk is full/);
    expect(zh.out).toContain("以下回答未写入 a.yaml，请记下，继续访谈时重新录入：");
    expect(zh.out).toContain("  lead.sponsor：4 已管理级");
    expect(zh.out).not.toContain("lead.owner：");
    expect(readAnswers().respondents[0]?.answers).toEqual({
      "lead.owner": { value: 3, note: "已签署" },
    });

    rmSync(file);
    const en = await interview(
      [...NEW_EXEC, { select: "2" }, { confirm: false, expect: "make the folder writable again" }],
      {},
      { ops: failing("EACCES", 3), unsaved: true },
    );
    expect(en.out).toContain("Could not save to a.yaml: writing there is not permitted.");
    expect(en.out).toContain("  lead.owner: 2 Repeatable");
    rmSync(file);
    const other = await interview(
      [...NEW_EXEC, { select: "na" }, { confirm: false, expect: "fix the cause first" }],
      {},
      { ops: failing("EBUSY", 3), unsaved: true },
    );
    expect(other.out).toContain("the system refused it (EBUSY)");
    expect(other.out).toContain("  lead.owner: N/A");
  });

  it("waits for the client details' save: a failed one is offered again before anything else is asked", async () => {
    const template = [
      "assessment:",
      "  client:",
      "    name: Client name",
      "  date: 2025-03-01",
      "  assessor: Your name",
      "  questionnaire: { id: iv-mini, version: 1.0.0 }",
      "respondents: []",
      "",
    ].join("\n");
    writeFileSync(file, template);
    const { code, out } = await interview(
      [
        { input: "Acme Manufacturing", expect: "Client name" },
        { input: "Jane Consultant", expect: "Assessor" },
        { select: "none", expect: "CRM system" },
        { confirm: false, expect: "Try saving again?" },
      ],
      { lang: "en" },
      { ops: failingSaves([1]), unsaved: true },
    );
    expect(code).toBe(1);
    // No respondent yet: no answers to list, and what the file lacks is the client details.
    expect(out.replaceAll("\n", " ")).toContain(
      "The client details just entered could NOT be saved; a.yaml holds only what was saved before the failure.",
    );
    expect(out).not.toContain("The last answers");
    expect(readFileSync(file, "utf8")).toBe(template);
  });

  // A goal's save fails: resuming does not ask for goals again, so No shows the goal as the file
  // would hold it, to add by hand; the file keeps the client details and any answers.
  const GOAL: Step[] = [
    { input: "Customers who would buy again", expect: "Goal" },
    { input: "CSAT", expect: "measured" },
    { input: "98%", expect: "Target value" },
    { input: "2026-12-31", expect: "Expected by" },
    { select: "data", expect: "depend on most" },
    { confirm: false, expect: "another capability" },
  ];

  it("says which goal was not saved and how to add it when its save is not retried", async () => {
    // Saves: 1 the client details, 2 the goal.
    const { code, out, prompter } = await interview(
      [
        { select: "en", expect: "Language" },
        ...META.slice(0, -1),
        { confirm: true, expect: "stated goals" },
        ...GOAL,
        { confirm: false, expect: "Try saving again?" },
      ],
      {},
      { ops: failingSaves([2]), unsaved: true },
    );
    expect(code).toBe(1);
    expect(asked(prompter)).toContain(
      "Try saving again? (free some space on the disk first; No stops the interview and shows the goal, to add to the file by hand)",
    );
    expect(asked(prompter)).not.toContain("about the client will have to be entered again");
    const said = out.replace(/\n(?!goals:| {2})/g, " ");
    expect(said).toContain(
      "✘ Could not save to a.yaml: the disk is full. What you entered is kept in this session; the file still holds the last successful save.",
    );
    expect(said).toContain(
      "The goal just entered could NOT be saved; a.yaml still holds the client details and everything else saved before it. Resuming the interview does not ask for goals again: to keep this goal, add it to a.yaml, just before respondents, as below:\n" +
        "goals:\n  - text: Customers who would buy again\n    metric: CSAT\n    target: 98%\n    by: 2026-12-31\n    dimensions:\n      - data",
    );
    expect(out).not.toContain("client details or goals");
    expect(out).not.toContain("The client details just entered");
    expect(out).not.toContain("answers are");
    expect(readAnswers().goals).toBeUndefined();
    expect(readAnswers().assessment.client.name).toBe("Acme Manufacturing");
  });

  it("gives a goal after others as the next item of the goals list", async () => {
    // Saves: 1 the client details, 2 the first goal, 3 the second.
    const { code, out } = await interview(
      [
        { select: "en", expect: "Language" },
        ...META.slice(0, -1),
        { confirm: true, expect: "stated goals" },
        { input: "Every key account in one record", expect: "Goal" },
        { enter: true, expect: "measured" },
        { enter: true, expect: "Target value" },
        { enter: true, expect: "Expected by" },
        { select: "lead", expect: "depend on most" },
        { confirm: false, expect: "another capability" },
        { confirm: true, expect: "Another goal" },
        ...GOAL,
        { confirm: false, expect: "Try saving again?" },
      ],
      {},
      { ops: failingSaves([3]), unsaved: true },
    );
    expect(code).toBe(1);
    expect(out.replace(/\n(?! {2})/g, " ")).toContain(
      "to keep this goal, add it at the end of the goals list in a.yaml, as below:\n  - text: Customers who would buy again\n",
    );
    expect(out).not.toContain("goals:\n");
    expect(readAnswers().goals).toEqual([
      { text: "Every key account in one record", dimensions: ["lead"] },
    ]);
  });

  it("says in Chinese that the answers in the file are safe when a goal is not saved", async () => {
    const template = [
      "assessment:",
      "  client:",
      "    name: 客户名称",
      "  date: 2025-03-01",
      "  assessor: Your name",
      "  questionnaire: { id: iv-mini, version: 1.0.0 }",
      "respondents:",
      "  - { id: executive-1, role: executive, answers: { lead.owner: 3, lead.sponsor: 2 } }",
      "",
    ].join("\n");
    writeFileSync(file, template);
    // Saves: 1 the client details, 2 the goal; Ctrl-C answers the retry, as No does.
    const { code, out, prompter } = await interview(
      [
        { input: "华信零售" },
        { input: "李明" },
        { select: "live" },
        { confirm: true, expect: "提出过 CRM 目标" },
        ...GOAL.map(({ expect: _, ...step }) => step as Step),
        { interrupt: "confirm", expect: "是否重试保存？" },
      ],
      { lang: "zh-CN" },
      { ops: failingSaves([2]), unsaved: true },
    );
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(asked(prompter, "")).toContain(
      "是否重试保存？（请先释放磁盘空间；选“否”将结束访谈，并列出这一目标，以便手工补入文件）",
    );
    expect(out.replace(/\n(?!goals:| {2})/g, "")).toContain(
      "刚才录入的目标未能保存；a.yaml 中仍保留着客户信息及此前保存的其他内容，已有的 2 条回答完好无损。继续访谈时不会再询问目标：如需保留这一目标，请按以下内容手工补入 a.yaml 中 respondents 之前：\n" +
        "goals:\n  - text: Customers who would buy again\n",
    );
    expect(out).not.toContain("客户信息或目标");
    expect(readAnswers().goals).toBeUndefined();
    expect(readAnswers().respondents[0]?.answers).toEqual({ "lead.owner": 3, "lead.sponsor": 2 });
  });

  // The new file's first save (the client details) fails: nothing to list, nobody to add again,
  // and no file to resume; the retry question and the ending say what No really leaves.
  const DETAILS: Step[] = [{ select: "en", expect: "Language" }, ...META.slice(0, -1)];

  it("says nothing was saved when the new file's first save fails and is not retried", async () => {
    const { code, out, prompter } = await interview(
      [...DETAILS, { confirm: false, expect: "Try saving again?" }],
      {},
      { ops: failingSaves([1]), unsaved: true },
    );
    expect(code).toBe(1);
    expect(asked(prompter)).toContain(
      "Try saving again? (free some space on the disk first; No stops the interview, and what you just entered about the client will have to be entered again)",
    );
    expect(asked(prompter)).not.toContain("answers not saved");
    expect(out.replace(/\n(?! {2}crm)/g, " ")).toContain(
      "Nothing was saved: a.yaml could not be created. To start again, run the command below; it asks for the client details again:\n" +
        `  crm-maturity interview -o a.yaml -q ${MINI} --lang en`,
    );
    expect(out.replaceAll("\n", " ")).toContain(
      "✘ Could not save to a.yaml: the disk is full. What you entered is kept in this session; the file has not been created yet.",
    );
    expect(out).not.toContain("last successful save");
    expect(out).not.toContain("could NOT be saved");
    expect(out).not.toContain("--resume");
    expect(existsSync(file)).toBe(false);
  });

  it("says the same when Ctrl-C answers the retry of the new file's first save", async () => {
    const { code, out } = await interview(
      [...DETAILS, { interrupt: "confirm", expect: "Try saving again?" }],
      {},
      { ops: failingSaves([1]), unsaved: true },
    );
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(out.replaceAll("\n", " ")).toContain("Nothing was saved: a.yaml could not be created.");
    expect(out).not.toContain("could NOT be saved");
    expect(out).not.toContain("--resume");
    expect(existsSync(file)).toBe(false);
  });

  it("says so in Chinese when the new file's first save fails", async () => {
    const { code, out, prompter } = await interview(
      [
        ...META.slice(0, -1).map(({ expect: _, ...step }) => step as Step),
        { confirm: false, expect: "是否重试保存？" },
      ],
      { lang: "zh-CN" },
      { ops: failingSaves([1]), unsaved: true },
    );
    expect(code).toBe(1);
    expect(asked(prompter, "")).toContain(
      "是否重试保存？（请先释放磁盘空间；选“否”将结束访谈，刚才录入的客户信息需要重新录入）",
    );
    expect(out.replace(/\n(?! {2}crm)/g, "")).toContain(
      "未保存任何内容：a.yaml 未能创建。如需重新开始，请运行以下命令，届时会重新询问客户信息：\n" +
        `  crm-maturity interview -o a.yaml -q ${MINI} --lang zh-CN`,
    );
    expect(out.replaceAll("\n", "")).not.toContain("最后的回答未能保存");
    expect(out.replaceAll("\n", "")).toContain("已录入的内容仍保留在本次会话中；文件尚未创建。");
    expect(existsSync(file)).toBe(false);
  });
});

describe("interview and text that holds control characters", () => {
  it("shows a pack's and a file's control characters made visible, never raw", async () => {
    // A pack from elsewhere whose texts set the terminal's title and colours.
    const pack = path.join(dir, "pack");
    cpSync(path.dirname(MINI), pack, { recursive: true });
    const lead = path.join(pack, "dimensions", "lead.yaml");
    const hostile = "\\e]0;HACKED\\a\\e[31m";
    writeFileSync(
      lead,
      readFileSync(lead, "utf8")
        .replace("title: { en: Leadership,", `title: { en: "Leadership${hostile}",`)
        .replace("text: { en: Who owns CRM?,", `text: { en: "Who owns CRM?${hostile}",`)
        .replace("3: { en: Sales VP.,", `3: { en: "Sales VP.${hostile}",`),
    );
    const { code, out, prompter } = await interview(
      [
        { input: "Acme\u001b]0;HACKED\u0007", expect: "Client name" },
        ...META.slice(1),
        { input: "Wang Wei", expect: "name" },
        { select: "executive", expect: "role" },
        ...plain("3"),
        ...plain("3"),
        ...plain("2"),
        { select: "5" },
        { enter: true },
        { enter: true },
        { confirm: false, expect: "another respondent" },
      ],
      { questionnaire: path.join(pack, "questionnaire.yaml"), lang: "en" },
    );
    expect(code).toBe(0);
    const shown = [
      out,
      ...prompter.asked.flatMap((a) => [
        a.message,
        ...((a.choices ?? []) as { name?: string; short?: string }[]).flatMap((c) => [
          c.name ?? "",
          c.short ?? "",
        ]),
      ]),
    ];
    for (const text of shown) {
      expect(text.includes("\u001b") || text.includes("\u0007"), text).toBe(false);
    }
    expect(out).toContain("Leadership\\u001b]0;HACKED\\u0007\\u001b[31m");
    expect(out).toContain("Who owns CRM?\\u001b]0;HACKED");
    // The score table at the end: the client's name from the file.
    expect(out).toContain("Acme\\u001b]0;HACKED\\u0007");
    expect(readAnswers().respondents[0]?.answers).toEqual({
      "lead.owner": 3,
      "lead.sponsor": 3,
      "data.quality": 2,
      "data.share": 5,
    });
  });
});

describe("interview and profiles", () => {
  it("writes the profile the client's industry and size choose into client.profile, and says so", async () => {
    const bundled = resolveQuestionnaire(undefined);
    const { code, out } = await interview(
      [
        { select: "en", expect: "Language" },
        { input: "Huaxin Retail", expect: "Client name" },
        { input: "Retail chain", expect: "Industry" },
        { input: "about 2,400 staff", expect: "size" },
        { select: "selecting", expect: "CRM system" },
        { input: "Li Ming", expect: "Assessor" },
        { enter: true, expect: "date" },
        { confirm: false, expect: "stated goals" },
        { input: "Zhang", expect: "name" },
        { select: "executive", expect: "role" },
        { interrupt: "select" },
      ],
      { questionnaire: undefined },
      { questionIds: bundled.dimensions.flatMap((d) => d.questions.map((q) => q.id)) },
    );
    expect(code).toBe(EXIT_INTERRUPTED);
    // Wrapped to the terminal: compared with its line breaks read as spaces.
    expect(out.replaceAll("\n", " ")).toContain(
      "Scoring profile: B2C retail and membership · Large (2,000 to 9,999 employees). Written as client.profile: b2c-retail,large",
    );
    expect(readAnswers().assessment.client).toMatchObject({
      industry: "Retail chain",
      size: "about 2,400 staff",
      profile: "b2c-retail,large",
    });
  });

  it("wraps what it says to a narrow terminal: the profile chosen, a failed save", async () => {
    const bundled = resolveQuestionnaire(undefined);
    let saves = 0;
    const ops: FileOps = {
      ...NODE_FILE_OPS,
      writeSync: (fd, data, offset, length) => {
        if (offset === 0 && ++saves === 1) {
          throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
        }
        return NODE_FILE_OPS.writeSync(fd, data, offset, length);
      },
    };
    const { out, prompter } = await interview(
      [
        { input: "Huaxin Retail", expect: "Client name" },
        { input: "Retail chain", expect: "Industry" },
        { input: "about 2,400 staff", expect: "size" },
        { select: "selecting", expect: "CRM system" },
        { input: "Li Ming", expect: "Assessor" },
        { enter: true, expect: "date" },
        { confirm: true, expect: "Try saving again?" },
        { confirm: false, expect: "stated goals" },
        { interrupt: "input", expect: "name" },
      ],
      { lang: "en", questionnaire: undefined },
      {
        questionIds: bundled.dimensions.flatMap((d) => d.questions.map((q) => q.id)),
        columns: 60,
        ops,
      },
    );
    expect(out).toContain("Scoring profile: B2C retail and membership");
    // The interview has no --profile: the notice names the commands that do.
    expect(out.replaceAll("\n", " ")).toContain(
      "edit it in the file (or pass --profile to score, report and roadmap)",
    );
    expect(out).toContain("Could not save to a.yaml");
    const wide = out.split("\n").filter((line) => displayWidth(line) > 58);
    expect(wide).toEqual([]);
    // Prompts are wrapped at words too (the prompt library would cut a word anywhere), leaving
    // room for the "? " before them and " (y/N)" after them.
    const asked = prompter.asked.map((a) => a.message);
    expect(asked.some((m) => m.includes("\n"))).toBe(true);
    for (const message of asked) {
      const [first = "", ...rest] = message.split("\n");
      expect(displayWidth(first), message).toBeLessThanOrEqual(50);
      for (const line of rest) {
        expect(line, message).toMatch(/^ {2}\S/);
        expect(displayWidth(line), message).toBeLessThanOrEqual(52);
      }
    }
    expect(asked).toContain(
      "Has the chief executive or the executive team\n  stated goals for CRM (a target with a date)?",
    );
  });

  it("writes client.profile too when it fills init's placeholders in an existing file", async () => {
    const bundled = resolveQuestionnaire(undefined);
    const template = (profile: string) =>
      [
        "assessment:",
        "  client:",
        "    name: Client name",
        "    industry: Industry",
        "    size: Number of employees, e.g. 200-500",
        ...(profile ? [`    profile: ${profile}`] : []),
        "  date: 2025-03-01",
        "  assessor: Your name",
        `  questionnaire: { id: ${bundled.id}, version: ${bundled.version} }`,
        "respondents: []",
        "",
      ].join("\n");
    const steps = [
      { input: "Huaxin Retail", expect: "Client name" },
      { input: "Retail chain", expect: "Industry" },
      { input: "about 2,400 staff", expect: "size" },
      { input: "Li Ming", expect: "Assessor" },
      { select: "selecting", expect: "CRM system" },
      { confirm: false, expect: "stated goals" },
      { confirm: false, expect: "no respondent yet" },
    ];
    const opts = { lang: "en" as const, resume: true, questionnaire: undefined };
    const extra = { questionIds: bundled.dimensions.flatMap((d) => d.questions.map((q) => q.id)) };
    writeFileSync(file, template(""));
    const { out } = await interview(steps, opts, extra);
    expect(out.replaceAll("\n", " ")).toContain("Written as client.profile: b2c-retail,large");
    expect(readAnswers().assessment.client).toMatchObject({
      name: "Huaxin Retail",
      industry: "Retail chain",
      profile: "b2c-retail,large",
    });
    // A profile the consultant already chose is kept.
    writeFileSync(file, template("professional-services"));
    await interview(steps, opts, extra);
    expect(readAnswers().assessment.client.profile).toBe("professional-services");
  });
});
