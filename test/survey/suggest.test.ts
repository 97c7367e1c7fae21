import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envWith } from "../../src/app/env.js";
import { runMapInit } from "../../src/app/map-init.js";
import { InputError } from "../../src/core/diagnostics/errors.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { openExport } from "../../src/io/survey/read.js";
import { loadMapping, questionOf } from "../../src/survey/mapping.js";
import { renderSuggestion, suggestMapping, tokens } from "../../src/survey/suggest.js";
import { QUESTIONNAIRE, questionnaire, REPO, runOn, SURVEY, tmp } from "../batch/helpers.js";

const exportOf = (dir: string) => {
  const file = readdirSync(path.join(SURVEY, dir)).find((f) => f.startsWith("export."));
  return path.join(SURVEY, dir, file as string);
};

async function rows(file: string): Promise<string[][]> {
  const reader = await openExport(file);
  const out: string[][] = [];
  await reader.each((cells) => {
    out.push(cells);
    return out.length < 100;
  });
  return out;
}

/** The fixture's reviewed mapping: column → question id. */
function reviewed(dir: string): Record<string, string> {
  const m = parse(readFileSync(path.join(SURVEY, dir, "mapping.yaml"), "utf8"));
  return Object.fromEntries(
    Object.entries(m.questions as Record<string, string>).map(([k, v]) => [k, questionOf(v)]),
  );
}

const sink = () => {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += chunk;
      cb();
    },
  });
  return { stream, text: () => text };
};

describe("map init suggestions", () => {
  const matched = [
    "qualtrics",
    "qualtrics-numeric",
    "surveymonkey",
    "google-forms",
    "microsoft-forms",
    "wjx-gb18030",
    "wjx-codes",
    "limesurvey-zh-hans",
    "limesurvey-de",
    "generic-utf16",
    "generic-crlf",
  ];
  for (const dir of matched) {
    it(`matches every question of ${dir} by its text (English, Chinese) or id`, async () => {
      const s = suggestMapping(await rows(exportOf(dir)), questionnaire());
      const got = Object.fromEntries(s.matches.map((m) => [m.column.key, m.question.id]));
      expect(got).toEqual(reviewed(dir));
      expect(s.unmatchedQuestions).toEqual([]);
    });
  }

  it("finds the id, role and group columns and guesses role values", async () => {
    const s = suggestMapping(await rows(exportOf("surveymonkey")), questionnaire());
    expect(s.preset.id).toBe("surveymonkey");
    expect(s.idColumn?.key).toBe("Respondent ID");
    expect(s.roleColumn?.key).toBe("What best describes your position?");
    expect(s.groupBy.map((c) => c.key)).toEqual(["Department"]);
    expect(s.roleValues).toEqual([
      { label: "CEO / senior management", role: "executive" },
      { label: "Department manager", role: "manager" },
      { label: "Sales or service staff", role: "frontline" },
      { label: "IT", role: "it" },
    ]);
  });

  it("takes a question's column for the question, not for a group, whatever words it holds", () => {
    const pack = resolveQuestionnaire(undefined, REPO);
    const team = pack.dimensions
      .flatMap((d) => d.questions)
      .find((q) => q.id === "perf.team-over-individual");
    // As `survey --platform wjx` writes it: the text, then the roles it is put to.
    const text = `${team?.text["zh-CN"] ?? ""}（仅限高层管理者、中层经理作答）`;
    // 问卷星 numbering; the question speaks of 团队 (team), a word group-by headers use.
    expect(text).toContain("团队");
    const s = suggestMapping(
      [
        [
          "序号",
          "提交答卷时间",
          "所用时间",
          "来源",
          "来源详情",
          "来自IP",
          "1、您所在的部门",
          `2、${text}`,
        ],
        ["1", "2024/5/1 10:00:00", "300秒", "微信", "N/A", "1.2.3.4", "销售部", "非常同意"],
      ],
      pack,
    );
    expect(s.groupBy.map((c) => c.key)).toEqual(["1、您所在的部门"]);
    expect(s.matches.map((m) => [m.column.key, m.question.id])).toEqual([
      [`2、${text}`, "perf.team-over-individual"],
    ]);
  });

  it("never offers a role that does not answer (respondent: false)", async () => {
    const q = questionnaire();
    const withHr = {
      ...q,
      roles: [...q.roles, { id: "hr", name: { en: "HR", "zh-CN": "人力资源" }, respondent: false }],
    };
    const data = await rows(exportOf("surveymonkey"));
    const plain = suggestMapping(data, withHr);
    const col = plain.roleColumn?.index as number;
    const edited = data.map((row, i) =>
      i === data.length - 1 ? row.map((c, j) => (j === col ? "HR" : c)) : row,
    );
    const s = suggestMapping(edited, withHr);
    expect(s.roleValues).toContainEqual({ label: "HR" });
    const text = renderSuggestion(s, {
      exportName: "export.csv",
      questionnaire: withHr,
      date: "2024-03-31",
    });
    expect(text).toMatch(
      /# HR: <role> {2}# TODO seen in the export; roles: executive, manager, frontline, it\n/,
    );
  });

  it("knows LimeSurvey's own columns under Chinese full headings: the id, the exclusion, no questions", async () => {
    const q = questionnaire();
    const s = suggestMapping(await rows(exportOf("limesurvey-zh-hans")), q);
    expect(s.preset.id).toBe("limesurvey");
    expect(s.idColumn?.key).toBe("反馈 ID");
    const own = ["反馈 ID", "提交的日期", "末页", "起始语言", "种子"];
    expect(s.unmatchedColumns.map((c) => c.key).filter((k) => own.includes(k))).toEqual([]);
    expect(s.matches.map((m) => m.column.key).filter((k) => own.includes(k))).toEqual([]);
    const text = renderSuggestion(s, {
      exportName: "export.csv",
      questionnaire: q,
      date: "2024-03-31",
    });
    expect(text).toContain(
      "- { column: 提交的日期, empty: true, reason: incomplete response (no submit date) }",
    );
  });

  it("marks what it could not match as TODO comments", async () => {
    const q = questionnaire();
    const s = suggestMapping(await rows(exportOf("limesurvey")), q);
    expect(s.matches).toEqual([]);
    expect(s.unmatchedColumns.map((c) => c.key)).toContain("LEAD02[SQ001]");
    const text = renderSuggestion(s, {
      exportName: "export.csv",
      questionnaire: q,
      date: "2024-03-31",
    });
    expect(text).toContain('  # "LEAD02[SQ001]": <question id>  — LEAD02[SQ001]');
    expect(text).toContain("#   lead.ceo-ownership  — How does the chief executive take part");
    expect(text).toContain("# A1: <role>  # TODO seen in the export");
    expect(text).toContain(
      "- { column: submitdate, empty: true, reason: incomplete response (no submit date) }",
    );
  });

  it("lists answers no built-in label covers", async () => {
    const s = suggestMapping(await rows(exportOf("wjx-codes")), questionnaire());
    expect(s.unknownLabels).toEqual(["6", "7"]);
  });

  it("tokenises English words and Chinese bigrams", () => {
    expect([...tokens("The CEO's Programme-Lead")]).toEqual(["ceo", "programme", "lead"]);
    expect([...tokens("非常同意")]).toEqual(["非常", "常同", "同意"]);
  });

  it("writes a mapping that loads and scores the export as it is", async () => {
    const dir = tmp();
    const out = path.join(dir, "mapping.yaml");
    const stderr = sink();
    await runMapInit(
      exportOf("qualtrics"),
      { output: out, questionnaire: QUESTIONNAIRE },
      envWith({
        cwd: dir,
        stdout: sink().stream,
        stderr: stderr.stream,
        now: () => new Date(2024, 2, 31, 12),
      }),
    );
    expect(stderr.text()).toMatch(/map init \(qualtrics\): 9 of 9 questions matched/);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("  date: 2024-03-31  # TODO the assessment date");
    const { mapping, issues } = loadMapping(out, questionnaire(), dir);
    expect(issues).toEqual([]);
    expect(mapping?.mapping.respondent).toMatchObject({ id: "ResponseId", role: { column: "Q1" } });
    const { outcome } = await runOn(exportOf("qualtrics"), out);
    expect(outcome.summary.rows).toMatchObject({ scored: 8, excluded: 2, rejected: 0 });
  });

  it("never overwrites an existing file, and writes to stdout without -o", async () => {
    const dir = tmp();
    const out = path.join(dir, "mapping.yaml");
    writeFileSync(out, "mine\n");
    const env = envWith({ cwd: dir, stdout: sink().stream, stderr: sink().stream });
    await expect(
      runMapInit(exportOf("qualtrics"), { output: out, questionnaire: QUESTIONNAIRE }, env),
    ).rejects.toThrow(InputError);
    expect(readFileSync(out, "utf8")).toBe("mine\n");
    expect(readdirSync(dir)).toEqual(["mapping.yaml"]);
    const stdout = sink();
    await runMapInit(
      exportOf("google-forms"),
      { questionnaire: QUESTIONNAIRE },
      { ...env, stdout: stdout.stream },
    );
    expect(stdout.text()).toMatch(/^preset: google-forms/m);
    expect(existsSync(path.join(dir, "mapping.yaml"))).toBe(true);
  });
});
