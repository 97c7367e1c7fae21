// `map init --survey <structure>`: a code-headed export made by hand in LimeSurvey (question codes,
// answer codes A1…, a matrix of statements) maps every question through the survey's structure,
// and scores exactly as the same answers do.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { stringify as csv } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { parse, stringify as yaml } from "yaml";
import { envWith } from "../../src/app/env.js";
import { runMapInit } from "../../src/app/map-init.js";
import { runSurvey } from "../../src/app/survey.js";
import { materializeResults } from "../../src/batch/run.js";
import { InputError } from "../../src/core/diagnostics/errors.js";
import { isForRole } from "../../src/core/questionnaire/types.js";
import { messagesFor } from "../../src/i18n/index.js";
import { planSurvey } from "../../src/survey/export/plan.js";
import { parseQsf, parseStructure } from "../../src/survey/structure.js";
import {
  QUESTIONNAIRE,
  questionnaire,
  runOn,
  scoreFiles,
  tmp,
  withoutStatistics,
} from "../batch/helpers.js";

const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });
const ROLES = ["executive", "manager", "manager", "frontline", "frontline", "it"];
const LANGS = [
  ["en", "en"],
  ["zh-CN", "zh-Hans"],
] as const;

describe("map init --survey", () => {
  it("maps a code-headed LimeSurvey export through its structure file, answer codes included", async () => {
    const q = questionnaire();
    const questions = q.dimensions.flatMap((d) => d.questions);
    const head = ["class", "type/scale", "name", "relevance", "text", "help", "language"];
    const rows: string[][] = [];
    // Single questions LEAD01…; the culture statements as one array question CULT[SQ001]…;
    // answer codes A1… with the agreement scale listed from "strongly agree" down.
    const culture = questions.filter((x) => x.id.startsWith("cult."));
    const single = questions.filter((x) => !x.id.startsWith("cult."));
    const code = new Map(single.map((x, i) => [x.id, `Q${String(i + 1).padStart(2, "0")}`]));
    culture.forEach((x, i) => {
      code.set(x.id, `CULT[SQ00${i + 1}]`);
    });
    const answerCode = (v: number) => `A${6 - v}`;
    for (const [lang, ls] of LANGS) {
      const agree = messagesFor(lang).interview.likert;
      rows.push(["G", "1", "Main", "1", "", "", ls]);
      rows.push(["Q", "L", "ROLE", "1", lang === "en" ? "Your role?" : "您的角色？", "", ls]);
      q.roles.forEach((r, i) => {
        rows.push(["A", "0", `A${i + 1}`, "", r.name[lang] ?? "", "", ls]);
      });
      for (const x of single) {
        rows.push(["Q", "L", code.get(x.id) ?? "", "1", x.text[lang] ?? "", "", ls]);
        for (const v of [5, 4, 3, 2, 1])
          rows.push([
            "A",
            "0",
            answerCode(v),
            "",
            x.type === "level" ? (x.levels?.[String(v)]?.[lang] ?? "") : (agree[v - 1] ?? ""),
            "",
            ls,
          ]);
      }
      rows.push([
        "Q",
        "F",
        "CULT",
        "1",
        lang === "en" ? "How far do you agree?" : "您是否同意？",
        "",
        ls,
      ]);
      culture.forEach((x, i) => {
        rows.push(["SQ", "0", `SQ00${i + 1}`, "1", x.text[lang] ?? "", "", ls]);
      });
      for (const v of [5, 4, 3, 2, 1])
        rows.push(["A", "0", answerCode(v), "", agree[v - 1] ?? "", "", ls]);
    }
    const dir = tmp();
    const structure = path.join(dir, "limesurvey_survey_123456.txt");
    writeFileSync(structure, csv([head, ...rows], { delimiter: "\t" }));

    // The export: question codes and answer codes.
    let x = 3;
    const next = () => {
      x = (x * 1103515245 + 12345) >>> 0;
      return x % 5;
    };
    const people = ROLES.map((role, k) => ({
      id: String(k + 1),
      role,
      answers: Object.fromEntries(
        questions.filter((qq) => isForRole(qq, role)).map((qq) => [qq.id, 1 + next()]),
      ),
    }));
    const header = [
      "id",
      "submitdate",
      "lastpage",
      "startlanguage",
      "ROLE",
      ...questions.map((qq) => code.get(qq.id) ?? ""),
    ];
    const data = people.map((p) => [
      p.id,
      "2024-05-01 10:00:00",
      "3",
      "en",
      `A${q.roles.findIndex((r) => r.id === p.role) + 1}`,
      ...questions.map((qq) => (p.answers[qq.id] ? answerCode(p.answers[qq.id] as number) : "")),
    ]);
    const exportFile = path.join(dir, "results-survey123456.csv");
    writeFileSync(exportFile, csv([header, ...data]));

    const out = path.join(dir, "mapping.yaml");
    await runMapInit(
      exportFile,
      { questionnaire: QUESTIONNAIRE, output: out, survey: structure },
      envWith({
        cwd: dir,
        stdout: quiet(),
        stderr: quiet(),
        now: () => new Date("2024-05-06T12:00:00Z"),
      }),
    );
    const text = readFileSync(out, "utf8");
    const mapping = parse(text);
    // Every question found, each with its answer codes resolved.
    expect(Object.keys(mapping.questions).sort()).toEqual([...code.values()].sort());
    expect(mapping.questions.Q01).toEqual({
      question: "lead.ceo-ownership",
      labels: { A1: 5, A2: 4, A3: 3, A4: 2, A5: 1 },
    });
    expect(mapping.questions["CULT[SQ002]"].labels).toEqual({ A1: 5, A2: 4, A3: 3, A4: 2, A5: 1 });
    // Beside each statement of the array, its own text, so the match can be checked.
    expect(text).toMatch(/"CULT\[SQ002\]": .*# [\d.]+ How far do you agree\? \[\S/);
    expect(mapping.respondent.role.values).toEqual({
      A1: "executive",
      A2: "manager",
      A3: "frontline",
      A4: "it",
    });

    // Fill in the assessment, then batch scores as `score` does on the same answers.
    mapping.assessment = {
      client: { name: "Acme" },
      date: "2024-05-06",
      assessor: "Tester",
      questionnaire: { id: q.id, version: q.version },
    };
    writeFileSync(out, yaml(mapping));
    writeFileSync(
      path.join(dir, "answers.yaml"),
      yaml({ assessment: mapping.assessment, respondents: people }),
    );
    const run = await runOn(exportFile, out, { questionnaire: q });
    expect(run.outcome.summary.rows.scored).toBe(ROLES.length);
    expect(withoutStatistics(materializeResults(run.outcome))).toEqual(
      scoreFiles([path.join(dir, "answers.yaml")], q),
    );
  });

  it("reads the LimeSurvey structure `crm-maturity survey` writes: every code back to its question", async () => {
    const dir = tmp();
    await runSurvey(
      { platform: "limesurvey", questionnaire: QUESTIONNAIRE, output: dir },
      envWith({ cwd: dir, stderr: quiet(), now: () => new Date("2024-05-06T12:00:00Z") }),
    );
    const s = parseStructure(readFileSync(path.join(dir, "limesurvey-structure.txt"), "utf8"), "x");
    const q = questionnaire();
    const plan = planSurvey(q, ["en", "zh-CN"]);
    for (const item of plan.items) {
      const c = s.columns.get(item.code.toLowerCase());
      expect(c?.texts).toEqual([item.text.en, item.text["zh-CN"]]);
      expect([...(c?.answers.keys() ?? [])]).toEqual(["1", "2", "3", "4", "5", "NA", "DK"]);
    }
    expect([...(s.columns.get("role")?.answers.keys() ?? [])]).toEqual(["R1", "R2", "R3", "R4"]);
  });

  it("reads a Qualtrics .qsf: export tags, recode values and matrix statements", () => {
    const qsf = JSON.stringify({
      SurveyEntry: { SurveyName: "CRM" },
      SurveyElements: [
        { Element: "BL", Payload: [] },
        {
          Element: "SQ",
          Payload: {
            DataExportTag: "Q4",
            QuestionType: "MC",
            QuestionText: "<b>How does the chief executive</b> take part?",
            Choices: { "1": { Display: "Not involved" }, "2": { Display: "Chairs" } },
            RecodeValues: { "1": "5", "2": "3" },
          },
        },
        {
          Element: "SQ",
          Payload: {
            DataExportTag: "Q5",
            QuestionType: "Matrix",
            QuestionText: "Agree?",
            Choices: { "1": { Display: "Values are shared" } },
            Answers: { "1": { Display: "Strongly disagree" }, "2": { Display: "Agree" } },
          },
        },
      ],
    });
    const s = parseQsf(qsf, "s.qsf");
    expect(s.columns.get("q4")).toEqual({
      texts: ["How does the chief executive take part?"],
      answers: new Map([
        ["5", ["Not involved"]],
        ["3", ["Chairs"]],
      ]),
    });
    expect(s.columns.get("q5_1")?.texts).toEqual(["Agree? - Values are shared"]);
    expect(() => parseQsf("{}", "s.qsf")).toThrow(
      /expected a Qualtrics survey file \(\.qsf\) with SurveyElements/,
    );
  });

  it("refuses a structure file it cannot read, with its name", async () => {
    const dir = tmp();
    const bad = path.join(dir, "bad.txt");
    writeFileSync(bad, "just some text\nnothing else\n");
    await expect(
      runMapInit(
        path.join(dir, "missing.csv"),
        { questionnaire: QUESTIONNAIRE, survey: bad },
        envWith({ cwd: dir, stdout: quiet(), stderr: quiet() }),
      ),
    ).rejects.toThrow(InputError);
    await expect(
      runMapInit(
        path.join(dir, "missing.csv"),
        { questionnaire: QUESTIONNAIRE, survey: bad },
        envWith({ cwd: dir, stdout: quiet(), stderr: quiet() }),
      ),
    ).rejects.toThrow(/bad\.txt: expected LimeSurvey's tab-separated survey structure/);
  });
});
