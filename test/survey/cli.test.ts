// End to end: `crm-maturity survey` as a user runs it (the built CLI; `npm test` builds first).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify as csv } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { stringify as yaml } from "yaml";
import { resultsSchema } from "../../src/core/models/results.js";
import type { Questionnaire } from "../../src/core/questionnaire/types.js";
import { messagesFor } from "../../src/i18n/index.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { planSurvey, ROLE_CODE } from "../../src/survey/export/plan.js";
import {
  QUESTIONNAIRE,
  questionnaire,
  SURVEY,
  scoreFiles,
  tmp,
  withoutStatistics,
} from "../batch/helpers.js";
import { hasStackTrace, REPO, runCli } from "../helpers/cli.js";
import { formOptions, formTitles } from "./google-forms-script.js";

describe("crm-maturity survey", () => {
  it("writes the survey and its mapping, then refuses to overwrite them (exit 1)", () => {
    const dir = tmp();
    const out = path.join(dir, "survey");
    const r = runCli(["survey", "--platform", "limesurvey", "-q", QUESTIONNAIRE, "-o", out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^crm-maturity: survey \(limesurvey, en \+ zh-CN\): the role question and 9 questions → .*limesurvey-structure\.txt, .*limesurvey-mapping\.yaml\n$/,
    );
    expect(readdirSync(out).sort()).toEqual([
      "limesurvey-mapping.yaml",
      "limesurvey-structure.txt",
    ]);
    const structure = readFileSync(path.join(out, "limesurvey-structure.txt"), "utf8");
    expect(structure.split("\n")[0]).toMatch(/^id\trelated_id\tclass\ttype\/scale\tname\t/);
    expect(structure).toContain("\tzh-Hans\t");
    const before = readFileSync(path.join(out, "limesurvey-mapping.yaml"));
    writeFileSync(path.join(out, "limesurvey-mapping.yaml"), "mine");
    const again = runCli(["survey", "--platform", "limesurvey", "-q", QUESTIONNAIRE, "-o", out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /already exist.*survey never overwrites a file.*nothing was written/,
    );
    expect(readFileSync(path.join(out, "limesurvey-mapping.yaml"), "utf8")).toBe("mine");
    expect(before.length).toBeGreaterThan(100);
  });

  it("names what it wrote by a path the user can use: relative inside the current folder, absolute outside it", () => {
    const cwd = tmp();
    const inside = runCli(["survey", "--platform", "wjx", "-q", QUESTIONNAIRE, "-o", "out"], {
      cwd,
    });
    expect(inside.status, inside.stderr).toBe(0);
    expect(inside.stderr).toMatch(/→ out\/wjx-import\.txt, out\/wjx-mapping\.yaml\n$/);
    const elsewhere = path.join(tmp(), "survey");
    const outside = runCli(["survey", "--platform", "wjx", "-q", QUESTIONNAIRE, "-o", elsewhere], {
      cwd,
    });
    expect(outside.status, outside.stderr).toBe(0);
    expect(outside.stderr).toContain(
      `→ ${path.join(elsewhere, "wjx-import.txt")}, ${path.join(elsewhere, "wjx-mapping.yaml")}\n`,
    );
    expect(outside.stderr).not.toContain("../");
    // The refusal to overwrite names the files the same way.
    const again = runCli(["survey", "--platform", "wjx", "-q", QUESTIONNAIRE, "-o", elsewhere], {
      cwd,
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${path.join(elsewhere, "wjx-import.txt")}, `);
    expect(again.stderr).not.toContain("../");
  });

  it("is a usage error (exit 2) without --platform or with an unknown one", () => {
    const none = runCli(["survey"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--platform/);
    const bad = runCli(["survey", "--platform", "nope"]);
    expect(bad.status).toBe(2);
    for (const r of [none, bad]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  // LimeSurvey heads its own columns in the exporting administrator's interface language.
  for (const own of [
    ["Response ID", "Date submitted"],
    ["反馈 ID", "提交的日期"],
  ] as const) {
    it(`batch reads LimeSurvey's export under full Chinese headings with the survey's mapping (${own.join(", ")})`, () => {
      const dir = tmp();
      expect(
        runCli([
          "survey",
          "--platform",
          "limesurvey",
          "-q",
          QUESTIONNAIRE,
          "--lang",
          "zh-CN",
          "-o",
          dir,
        ]).status,
      ).toBe(0);
      const structure = readFileSync(path.join(dir, "limesurvey-structure.txt"), "utf8");
      // The Chinese question texts, as LimeSurvey heads the columns under "Full question text".
      const texts = [
        ...structure.matchAll(/^\d+\t\tQ\tL\t[A-Za-z0-9]+\t[^\t]*\t([^\t]+)\t\tzh-Hans\t/gm),
      ].map((m) => m[1] ?? "");
      expect(texts.length).toBe(10);
      const exportFile = path.join(dir, "results.csv");
      const answers = texts.slice(1).map(() => "同意");
      writeFileSync(
        exportFile,
        `\uFEFF"${own[0]}","${own[1]}",${texts.map((t) => `"${t}"`).join(",")}\n` +
          `1,2024-05-01,高层管理者,${answers.join(",")}\n2,,高层管理者,${answers.join(",")}\n`,
      );
      const r = runCli([
        "batch",
        exportFile,
        "--map",
        path.join(dir, "limesurvey-mapping.yaml"),
        "-q",
        QUESTIONNAIRE,
        "-o",
        path.join(dir, "results.json"),
      ]);
      expect(r.stderr).toMatch(/: 2 rows · 1 scored · 1 excluded \(incomplete response/);
      expect(r.stderr).not.toMatch(/rejected/);
      expect(r.status).toBe(0);
      // The respondent id is the response id column's.
      const results = JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8"));
      expect(results.respondents.map((x: { id: string }) => x.id)).toEqual(["1"]);
    });
  }

  it("batch reads an English survey exported from LimeSurvey's German interface (Antwort ID, Datum Abgeschickt …)", () => {
    const fixture = path.join(SURVEY, "limesurvey-de");
    const dir = tmp();
    const out = (f: string) => path.join(dir, f);
    const batch = (...extra: string[]) =>
      runCli([
        "batch",
        path.join(fixture, "export.csv"),
        "--map",
        path.join(fixture, "mapping.yaml"),
        "-q",
        QUESTIONNAIRE,
        ...extra,
      ]);
    const r = batch("-o", out("results.json"));
    expect(r.stderr).toBe(
      'crm-maturity: batch (limesurvey, utf-8, ";"-separated): 9 rows · 8 scored · 1 excluded (incomplete response (no submit date): 1) · 1 flagged as careless (too-fast: 1; kept, see --exclude-careless)\n',
    );
    expect(r.status).toBe(0);
    const results = resultsSchema.parse(JSON.parse(readFileSync(out("results.json"), "utf8")));
    // The respondent ids are Antwort ID's; the scores those of `score` on the same answers.
    expect(results.respondents.map((x) => x.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const score = runCli([
      "score",
      path.join(fixture, "answers.yaml"),
      "-q",
      QUESTIONNAIRE,
      "--format",
      "json",
    ]);
    expect(score.status).toBe(0);
    const { statistics, ...rest } = results;
    expect(`${JSON.stringify(rest, null, 2)}\n`).toBe(score.stdout);
    // Response times from Datum gestartet to Datum Abgeschickt: respondent 6 took 12 seconds.
    expect(statistics?.careless.timing).toEqual(["Datum gestartet", "Datum Abgeschickt"]);
    const excluding = batch(
      "--exclude-careless",
      "--rejects",
      out("rejects.csv"),
      "-o",
      out("r.json"),
    );
    expect(excluding.status).toBe(0);
    expect(excluding.stderr).toMatch(
      /: 9 rows · 7 scored · 2 excluded \(incomplete response \(no submit date\): 1; careless response \(too-fast\): 1\)/,
    );
    // Separated as the export was (LimeSurvey's German interface writes `;`), for German Excel.
    const rejects: Record<string, string>[] = parse(readFileSync(out("rejects.csv")), {
      bom: true,
      columns: true,
      delimiter: ";",
    });
    expect(rejects.map((x) => [x["Antwort ID"], x.reject_kind])).toEqual([["6", "careless"]]);
  });

  it("map init --survey maps a code-headed export through the structure file", () => {
    const dir = tmp();
    expect(
      runCli(["survey", "--platform", "limesurvey", "-q", QUESTIONNAIRE, "-o", dir]).status,
    ).toBe(0);
    const structure = readFileSync(path.join(dir, "limesurvey-structure.txt"), "utf8");
    const codes = [...structure.matchAll(/^\d+\t\tQ\tL\t([A-Za-z0-9]+)\t.*\ten\t/gm)].map(
      (m) => m[1],
    );
    expect(codes.length).toBe(10);
    const exportFile = path.join(dir, "results.csv");
    writeFileSync(
      exportFile,
      `id,submitdate,${codes.join(",")}\n1,2024-05-01,R1,${codes
        .slice(1)
        .map(() => "3")
        .join(",")}\n`,
    );
    const without = runCli(["map", "init", exportFile, "-q", QUESTIONNAIRE]);
    const withStructure = runCli([
      "map",
      "init",
      exportFile,
      "-q",
      QUESTIONNAIRE,
      "--survey",
      path.join(dir, "limesurvey-structure.txt"),
    ]);
    expect(withStructure.status).toBe(0);
    expect(withStructure.stderr).toMatch(/9 of 9 questions matched to columns/);
    expect(without.stderr).not.toMatch(/9 of 9 questions matched/);
  });

  it("map init --survey maps a Qualtrics export through the generated .qsf, in its base language", () => {
    const dir = tmp();
    const r = runCli([
      "survey",
      "--platform",
      "qualtrics",
      "--format",
      "qsf",
      "--lang",
      "zh-CN",
      "-q",
      QUESTIONNAIRE,
      "-o",
      dir,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["qualtrics-mapping.yaml", "qualtrics-survey.qsf"]);
    const qsfFile = path.join(dir, "qualtrics-survey.qsf");
    const qsf = JSON.parse(readFileSync(qsfFile, "utf8"));
    expect(qsf.SurveyEntry.SurveyLanguage).toBe("ZH-S");
    const tags: string[] = qsf.SurveyElements.filter(
      (e: { Element: string; Payload: { QuestionType?: string } }) =>
        e.Element === "SQ" && e.Payload.QuestionType === "MC",
    ).map((e: { Payload: { DataExportTag: string } }) => e.Payload.DataExportTag);
    expect(tags.length).toBe(10);
    // Qualtrics's CSV export: export tags, question texts, import ids; numeric values.
    const exportFile = path.join(dir, "export.csv");
    writeFileSync(
      exportFile,
      [
        `ResponseId,Finished,${tags.join(",")}`,
        `Response ID,Finished,${tags.map((_, i) => `Q${i}`).join(",")}`,
        `"{""ImportId"":""_recordId""}","{""ImportId"":""finished""}",${tags.map((_, i) => `"{""ImportId"":""QID${i + 2}""}"`).join(",")}`,
        `R_1,1,1,${tags
          .slice(1)
          .map(() => "3")
          .join(",")}`,
        "",
      ].join("\n"),
    );
    const mapped = runCli(["map", "init", exportFile, "-q", QUESTIONNAIRE, "--survey", qsfFile]);
    expect(mapped.status, mapped.stderr).toBe(0);
    expect(mapped.stderr).toMatch(/9 of 9 questions matched to columns/);
    // The survey's own "does not apply" and "don't know" options resolve, in both languages.
    expect(mapped.stderr).not.toMatch(/answer codes? left as TODO/);
    expect(mapped.stdout).not.toMatch(/TODO answer codes/);
    const without = runCli(["map", "init", exportFile, "-q", QUESTIONNAIRE]);
    expect(without.stderr).not.toMatch(/9 of 9 questions matched/);
  });

  it("writes 问卷星's survey in Chinese without --lang, in English with --lang en, and in the only language of an English pack", () => {
    const write = (q: string, lang: string[]) => {
      const out = path.join(tmp(), "survey");
      const r = runCli(["survey", "--platform", "wjx", "-q", q, ...lang, "-o", out]);
      expect(r.status, r.stderr).toBe(0);
      return { stderr: r.stderr, text: readFileSync(path.join(out, "wjx-import.txt"), "utf8") };
    };
    // The test questionnaire lists en first; 问卷星's respondents read Chinese all the same.
    const zh = write(QUESTIONNAIRE, []);
    expect(zh.stderr).toContain("(wjx, zh-CN)");
    expect(zh.text).toContain("不适用");
    expect(zh.text).not.toContain("Does not apply");
    const en = write(QUESTIONNAIRE, ["--lang", "en"]);
    expect(en.stderr).toContain("(wjx, en)");
    expect(en.text).not.toContain("不适用");
    // A pack written in English only keeps its language.
    const englishOnly = write(
      path.join(REPO, "test/fixtures/report/custom-pack-en/questionnaire.yaml"),
      [],
    );
    expect(englishOnly.stderr).toContain("(wjx, en)");
    // The other platforms keep the questionnaire's first language.
    const out = path.join(tmp(), "survey");
    const google = runCli(["survey", "--platform", "google-forms", "-q", QUESTIONNAIRE, "-o", out]);
    expect(google.stderr).toContain("(google-forms, en)");
  });

  it("batch refuses a 问卷星 export whose questions moved under the mapping's #N columns (exit 1)", () => {
    const dir = tmp();
    const out = path.join(dir, "survey");
    const made = runCli([
      "survey",
      "--platform",
      "wjx",
      "--lang",
      "zh-CN",
      "-q",
      QUESTIONNAIRE,
      "-o",
      out,
    ]);
    expect(made.status, made.stderr).toBe(0);
    // The questions as 问卷星 imports them: "N.text[type]", then one option per line.
    const titles = readFileSync(path.join(out, "wjx-import.txt"), "utf8")
      .split("\n")
      .filter((l) => /^\d+\..*\[[^\]]*题\]$/.test(l))
      .map((l) => l.replace(/^\d+\./, "").replace(/\[[^\]]*题\]$/, ""));
    expect(titles.length).toBe(10);
    const meta = "序号,提交答卷时间,所用时间,来源,来源详情,来自IP";
    const row = (k: number, first: string[]) =>
      [
        k,
        "2024/5/1 10:00:00",
        "300秒",
        "微信",
        "N/A",
        "1.2.3.4",
        ...first,
        ...titles.slice(1).map((_, i) => String(1 + ((i + k) % 5))),
      ].join(",");
    const exportOf = (heads: string[], first: (k: number) => string[]) =>
      [
        `${meta},${heads.map((t, i) => `"${i + 1}、${t}"`).join(",")}`,
        ...[1, 2, 3, 4].map((k) => row(k, first(k))),
        "",
      ].join("\n");
    const mappingFile = path.join(out, "wjx-mapping.yaml");
    // 按选项序号, as the survey was imported: it scores.
    const good = path.join(dir, "good.csv");
    writeFileSync(
      good,
      exportOf(titles, (k) => [String(k)]),
    );
    const ok = runCli(["batch", good, "--map", mappingFile, "-q", QUESTIONNAIRE]);
    expect(ok.status, ok.stderr).toBe(0);
    // The client added a department question before the role question: every column after it
    // moved one place, and the department codes 1–4 read as roles.
    const moved = path.join(dir, "moved.csv");
    writeFileSync(
      moved,
      exportOf(["您所在的部门？", ...titles], (k) => [String(k), String(k)]),
    );
    const r = runCli(["batch", moved, "--map", mappingFile, "-q", QUESTIONNAIRE]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /wjx-mapping\.yaml:\d+:\d+\s+error\s+expected column I \("#9" in the mapping\) to ask \S+; found the text of \S+ in its header, "3、/,
    );
    expect(r.stderr).toMatch(/does not fit .*moved\.csv/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("a hand-made .qsf scale whose end points no label knows: map init says so, batch refuses those codes", () => {
    const dir = tmp();
    // A Likert matrix numbered from its agreeing end, as Qualtrics's own scales are; "Fully
    // agree" and "Fully disagree" are no built-in label, so codes 1 and 5 resolve to nothing.
    const scale = ["Fully agree", "Agree", "Neutral", "Disagree", "Fully disagree"];
    const statements = [
      "A dedicated CRM programme lead has the authority to coordinate every department.",
      "Bad news about customers reaches the executive team quickly.",
    ];
    const entries = (list: string[]) =>
      Object.fromEntries(list.map((t, i) => [String(i + 1), { Display: t }]));
    const qsfFile = path.join(dir, "hand.qsf");
    writeFileSync(
      qsfFile,
      JSON.stringify({
        SurveyEntry: { SurveyID: "SV_1" },
        SurveyElements: [
          {
            Element: "SQ",
            PrimaryAttribute: "QID1",
            Payload: {
              QuestionText: "How far do you agree?",
              DataExportTag: "Q1",
              QuestionType: "Matrix",
              Selector: "Likert",
              Choices: entries(statements),
              Answers: entries(scale),
              Language: [],
            },
          },
        ],
      }),
    );
    const exportFile = path.join(dir, "export.csv");
    writeFileSync(
      exportFile,
      [
        "ResponseId,Finished,Q1_1,Q1_2",
        `Response ID,Finished,How far do you agree? - ${statements[0]},How far do you agree? - ${statements[1]}`,
        `"{""ImportId"":""_recordId""}","{""ImportId"":""finished""}","{""ImportId"":""QID1_1""}","{""ImportId"":""QID1_2""}"`,
        "R_1,1,1,2",
        "R_2,1,4,3",
        "",
      ].join("\n"),
    );
    const mappingFile = path.join(dir, "mapping.yaml");
    const mapped = runCli([
      "map",
      "init",
      exportFile,
      "-q",
      QUESTIONNAIRE,
      "--survey",
      qsfFile,
      "-o",
      mappingFile,
    ]);
    expect(mapped.status, mapped.stderr).toBe(0);
    expect(mapped.stderr).toMatch(/4 answer codes left as TODO \(their text gives no value\)/);
    const text = readFileSync(mappingFile, "utf8");
    expect(text).toMatch(/labels: \{ "2": 4, "3": 3, "4": 2 \}/);
    expect(text).toMatch(
      /# TODO answer codes whose text gives no value; add each to this column's labels: "1" \(Fully agree\), "5" \(Fully disagree\)/,
    );
    // Scored as it stands, "1" (Fully agree) must not read as level 1 (strongly disagree).
    const r = runCli(["batch", exportFile, "--map", mappingFile, "-q", QUESTIONNAIRE]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /row 4, "Q1_1" \(column C\): expected one of the codes 2 \(level 4\), 3 \(level 3\), 4 \(level 2\) or -99 \(seen, not answered\), or an answer label .*; found "1" \(the column's labels recode its numbers \(2 → 4, 4 → 2\), so a number they do not list is not read as a level; give 1 a value under `labels` in the mapping\)/,
    );
    expect(r.stderr).toMatch(/2 rows · 1 scored · 1 rejected/);
  });

  it("has --help with examples", () => {
    const r = runCli(["survey", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:[\s\S]*crm-maturity survey --platform limesurvey/);
    expect(r.stdout).toMatch(/--format <format>/);
    expect(r.stdout).toMatch(/--platform qualtrics --format qsf/);
    // A survey has no client yet: without --profile it asks every question.
    expect(r.stdout.replace(/\s+/g, " ")).toContain(
      "Default: none, every question of the questionnaire",
    );
  });
});

// Google Forms heads each column of its response sheet with the question's title, so the titles
// the script sets are what a respondent reads and what the mapping finds the answers by.
describe("crm-maturity survey --platform google-forms", () => {
  let sheets = 0;
  /** Writes the survey for `q` with the built CLI; the script's titles and options. */
  function googleSurvey(q = QUESTIONNAIRE) {
    const dir = tmp();
    const out = path.join(dir, "survey");
    const r = runCli(["survey", "--platform", "google-forms", "-q", q, "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    const script = readFileSync(path.join(out, "google-forms.gs"), "utf8");
    return {
      dir,
      q,
      mapping: path.join(out, "google-forms-mapping.yaml"),
      titles: formTitles(script),
      options: formOptions(script),
    };
  }

  /**
   * A response sheet as Google Forms downloads it (Timestamp, then one column per title) with
   * six respondents, each choosing option (k + i) % 7 of question i as the script lists them, and
   * the same answers as an answers file, read through the questionnaire's plan.
   */
  function responses(
    survey: ReturnType<typeof googleSurvey>,
    q: Questionnaire,
    headers: string[] = survey.titles,
  ) {
    const plan = planSurvey(q, ["en"]);
    const people = [0, 1, 2, 3, 4, 5].map((k) => {
      const role = plan.roles[k % plan.roles.length];
      if (!role) throw new Error("no role");
      return { k, role, picks: plan.items.map((_, i) => (k + i) % 7) };
    });
    const sheet = path.join(survey.dir, `Responses ${++sheets}.csv`);
    const rows = people.map((p) => [
      `2024/05/0${p.k + 1} 10:00:00 AM GMT+8`,
      survey.options[0]?.[plan.roles.indexOf(p.role)] ?? "",
      ...p.picks.map((o, i) => survey.options[i + 1]?.[o] ?? ""),
    ]);
    writeFileSync(sheet, csv([["Timestamp", ...headers], ...rows]));
    const answers = path.join(survey.dir, "answers.yaml");
    writeFileSync(
      answers,
      yaml({
        assessment: {
          client: { name: "TODO client name" },
          date: "2024-05-06",
          assessor: "TODO your name",
          questionnaire: { id: q.id, version: q.version },
        },
        respondents: people.map((p) => ({
          id: `row-${p.k + 2}`,
          role: p.role.role,
          answers: Object.fromEntries(
            plan.items.map((item, i) => [
              item.question.id,
              item.options[p.picks[i] as number]?.value,
            ]),
          ),
        })),
      }),
    );
    return { sheet, answers };
  }

  /** `batch` through the built CLI: its exit code, standard error and results. */
  function batch(sheet: string, mapping: string, q = QUESTIONNAIRE) {
    const out = path.join(path.dirname(sheet), `results-${path.basename(sheet)}.json`);
    const r = runCli(["batch", sheet, "--map", mapping, "-q", q, "-o", out]);
    return {
      ...r,
      results: r.status === 0 ? JSON.parse(readFileSync(out, "utf8")) : undefined,
    };
  }

  /** Results as `score` gives them, dated as the survey's mapping is (the day it was written). */
  function scored(answers: string, q: Questionnaire, date: string) {
    const results = withoutStatistics(scoreFiles([answers], q));
    return JSON.parse(JSON.stringify({ ...results, assessment: { ...results.assessment, date } }));
  }

  it("titles each question with its number and wording, never an item code, and batch scores the response sheet with the written mapping", () => {
    const survey = googleSurvey();
    const plan = planSurvey(questionnaire(), ["en"]);
    const [role, ...questions] = survey.titles;
    expect(role).toBe(messagesFor("en").survey.roleQuestion);
    expect(questions).toHaveLength(plan.items.length);
    questions.forEach((title, i) => {
      const item = plan.items[i];
      expect(title.startsWith(`Q${i + 1} · ${item?.text.en}`), title).toBe(true);
    });
    for (const title of survey.titles) {
      for (const code of [ROLE_CODE, ...plan.items.map((i) => i.code)])
        expect(title, code).not.toMatch(new RegExp(`(^|[^A-Za-z0-9])${code}($|[^A-Za-z0-9])`));
    }
    const { sheet, answers } = responses(survey, questionnaire());
    const r = batch(sheet, survey.mapping);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/6 rows · 6 scored\n/);
    const { statistics: _, ...results } = r.results;
    expect(results).toEqual(scored(answers, questionnaire(), results.assessment.date));
  });

  it("finds a title whose wording was edited in Google Forms by its number; a title without its number, or a number twice, is an error located in the mapping (exit 1)", () => {
    const survey = googleSurvey();
    const { sheet } = responses(survey, questionnaire());
    const exact = batch(sheet, survey.mapping);
    expect(exact.status, exact.stderr).toBe(0);
    // The consultant rewords Q3 and Q5 in the form after running the script.
    const reworded = survey.titles.map((t) =>
      t.startsWith("Q3 · ")
        ? "Q3 · Bad news from customers reaches the management team quickly."
        : t.startsWith("Q5 · ")
          ? "Q5 · Sales staff treat customer information as their own property."
          : t,
    );
    expect(reworded).not.toEqual(survey.titles);
    const edited = batch(responses(survey, questionnaire(), reworded).sheet, survey.mapping);
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.results).toEqual(exact.results);
    expect(edited.stdout).toBe(exact.stdout);
    // One notice per column found by its number, located at its question in the mapping, naming
    // the column and its heading, so the analyst can check the reworded title still asks it.
    const mappingLines = readFileSync(survey.mapping, "utf8").split("\n");
    const lineOf = (title: string) =>
      mappingLines.findIndex((l) => l.includes(JSON.stringify(title).slice(1, -1))) + 1;
    const notices = edited.stderr.split("\n").filter((l) => l.includes("notice:"));
    expect(exact.stderr).not.toMatch(/found by its number/);
    expect(notices).toHaveLength(2);
    for (const [n, letter] of [
      [3, "E"],
      [5, "G"],
    ] as const) {
      const title = survey.titles.find((t) => t.startsWith(`Q${n} · `)) ?? "";
      const heading = reworded.find((t) => t.startsWith(`Q${n} · `)) ?? "";
      expect(lineOf(title), title).toBeGreaterThan(0);
      expect(notices).toContain(
        `crm-maturity: notice: ${survey.mapping}:${lineOf(title)}:3: ${JSON.stringify(title)} found by its number, Q${n}, in column ${letter}, headed ${JSON.stringify(heading)}: its wording differs from the mapping's, so check that it still asks the same question`,
      );
    }
    // Q3's number deleted from its title: nothing to go by.
    const unnumbered = batch(
      responses(
        survey,
        questionnaire(),
        survey.titles.map((t) => t.replace(/^Q3 · /, "")),
      ).sheet,
      survey.mapping,
    );
    expect(unnumbered.status).toBe(1);
    expect(unnumbered.stderr).toMatch(
      /google-forms-mapping\.yaml:\d+:3\s+error\s+expected a column named "Q3 · Bad news about customers reaches the executive team quickly\.", or one whose header starts with its number \(Q3 · …\), in header row 1 of the export; found none/,
    );
    // Q3's title pasted over Q4's: two columns numbered Q3, one of them reworded.
    const twice = batch(
      responses(
        survey,
        questionnaire(),
        survey.titles.map((t) => t.replace(/^Q3 · /, "Q3 · Really: ").replace(/^Q4 · /, "Q3 · ")),
      ).sheet,
      survey.mapping,
    );
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(
      /google-forms-mapping\.yaml:\d+:3\s+error\s+expected "Q3 · Bad news about customers reaches the executive team quickly\." to name one column; found its number, Q3, heading columns E, F \(refer to one as "#5" or "#6"\)/,
    );
    for (const r of [unnumbered, twice]) {
      expect(r.stdout).toBe("");
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it("keeps two questions of the same wording apart by their numbers", () => {
    const dir = tmp();
    const qdir = path.join(dir, "q");
    mkdirSync(path.join(qdir, "dimensions"), { recursive: true });
    const src = path.dirname(QUESTIONNAIRE);
    writeFileSync(path.join(qdir, "questionnaire.yaml"), readFileSync(QUESTIONNAIRE));
    for (const f of ["leadership", "culture", "data-quality"]) {
      let text = readFileSync(path.join(src, "dimensions", `${f}.yaml`), "utf8");
      // cult.cross-department asks in cult.shared-values's words.
      if (f === "culture")
        text = text
          .replace(
            "en: Other departments act quickly when a customer needs them.",
            "en: Customer-centric values are shared from the top to the front line.",
          )
          .replace(
            "zh-CN: 客户有需要时，其他部门会迅速配合。",
            "zh-CN: 以客户为中心的价值观从高层到一线都得到认同。",
          );
      writeFileSync(path.join(qdir, "dimensions", `${f}.yaml`), text);
    }
    const file = path.join(qdir, "questionnaire.yaml");
    const q = resolveQuestionnaire(file, REPO);
    const survey = googleSurvey(file);
    const wording = "Customer-centric values are shared from the top to the front line.";
    expect(survey.titles.filter((t) => t.endsWith(wording))).toEqual([
      `Q4 · ${wording}`,
      `Q6 · ${wording}`,
    ]);
    const { sheet, answers } = responses(survey, q);
    const r = batch(sheet, survey.mapping, file);
    expect(r.status, r.stderr).toBe(0);
    const { statistics: _, ...results } = r.results;
    expect(results).toEqual(scored(answers, q, results.assessment.date));
  });

  it("map init suggests the mapping of its response sheet: the role column and every question, none to check", () => {
    const survey = googleSurvey();
    const { sheet } = responses(survey, questionnaire());
    const suggested = path.join(survey.dir, "suggested.yaml");
    const r = runCli(["map", "init", sheet, "-q", QUESTIONNAIRE, "-o", suggested]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/9 of 9 questions matched to columns; 0 columns left as TODO/);
    const text = readFileSync(suggested, "utf8");
    expect(text).toContain(`column: ${messagesFor("en").survey.roleQuestion}`);
    const plan = planSurvey(questionnaire(), ["en"]);
    plan.items.forEach((item, i) => {
      const line = text
        .split("\n")
        .find((l) => l.includes(`Q${i + 1} · `) && !l.trim().startsWith("#"));
      expect(line, item.question.id).toMatch(
        new RegExp(`: ${item.question.id.replace(".", "\\.")}  # 1\\.00 `),
      );
    });
    // Scored with the suggestion, the sheet gives the survey mapping's results.
    const withSurvey = batch(sheet, survey.mapping);
    const withSuggestion = batch(sheet, suggested);
    expect(withSuggestion.status, withSuggestion.stderr).toBe(0);
    expect(withSuggestion.results.dimensions).toEqual(withSurvey.results.dimensions);
    expect(withSuggestion.results.overall).toEqual(withSurvey.results.overall);
  });
});
