// Issue 14 item 2: for every platform, generate the survey, lay out an export as that platform
// documents its exports, score it with `batch` and the generated mapping, and get exactly the
// scores `score` gives for the same answers written as an answers file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { stringify as csv } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { stringify as yaml } from "yaml";
import { envWith } from "../../src/app/env.js";
import { runSurvey } from "../../src/app/survey.js";
import { materializeResults } from "../../src/batch/run.js";
import type { Lang } from "../../src/core/models/languages.js";
import type { AnswerValue } from "../../src/core/models/mapping.js";
import { isForRole } from "../../src/core/questionnaire/types.js";
import { messagesFor } from "../../src/i18n/index.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { isMultilingual, SURVEY_WRITERS } from "../../src/survey/export/index.js";
import {
  ambiguousOptions,
  planSurvey,
  SURVEY_FORMATS,
  SURVEY_PLATFORMS,
  type SurveyFormat,
  type SurveyPlan,
} from "../../src/survey/export/plan.js";
import { WJX_METADATA } from "../../src/survey/export/wjx.js";
import {
  QUESTIONNAIRE,
  questionnaire,
  REPO,
  runOn,
  scoreFiles,
  tmp,
  withoutStatistics,
} from "../batch/helpers.js";
import { formTitles } from "./google-forms-script.js";

const TODAY = "2024-05-06";
const ROLES = [
  "executive",
  "executive",
  "manager",
  "manager",
  "frontline",
  "frontline",
  "frontline",
  "it",
];
type Answer = AnswerValue | undefined;

/** Deterministic answers: every value, N/A, don't know and blanks; only questions put to the role. */
function answers(plan: SurveyPlan): { role: string; answers: Answer[] }[] {
  let x = 7;
  const next = () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x % 100;
  };
  return ROLES.map((role) => ({
    role,
    answers: plan.items.map((item) => {
      if (!isForRole(item.question, role)) return undefined;
      const r = next();
      return r < 6 ? "na" : r < 12 ? "unknown" : r < 16 ? undefined : 1 + (r % 5);
    }),
  }));
}

function writeAnswers(file: string, plan: SurveyPlan, ids: string[]): void {
  const q = plan.questionnaire;
  const rs = answers(plan).map((r, k) => ({
    id: ids[k],
    role: r.role,
    answers: Object.fromEntries(
      r.answers.flatMap((a, i) => (a === undefined ? [] : [[plan.items[i]?.question.id, a]])),
    ),
  }));
  writeFileSync(
    file,
    yaml({
      assessment: {
        client: { name: "TODO client name" },
        date: TODAY,
        assessor: "TODO your name",
        questionnaire: { id: q.id, version: q.version },
      },
      respondents: rs,
    }),
  );
}

const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });

async function generate(
  platform: string,
  dir: string,
  lang?: Lang,
  format?: SurveyFormat,
): Promise<void> {
  await runSurvey(
    {
      platform: platform as never,
      questionnaire: QUESTIONNAIRE,
      output: dir,
      ...(lang ? { lang } : {}),
      ...(format ? { format } : {}),
    },
    envWith({ cwd: dir, stderr: quiet(), now: () => new Date(`${TODAY}T12:00:00Z`) }),
  );
}

/** The cell for an answer: by code (1–5, then the platform's codes for N/A and don't know) or text. */
function cell(plan: SurveyPlan, i: number, a: Answer, how: "code" | "number" | Lang): string {
  if (a === undefined) return "";
  const item = plan.items[i];
  if (!item) throw new Error("no item");
  const option = item.options.find((o) => o.value === a);
  if (!option) throw new Error(`no option for ${a}`);
  if (how === "code") return option.code;
  if (how === "number") return String(item.options.indexOf(option) + 1);
  return option.text[how] ?? "";
}

/**
 * The digit 问卷星 writes for the option at `position` (1-based) of question `n` when it writes
 * the option's score: the scores its text import gives a scale question, read from the question's
 * type tag in `wjx-import.txt` (量表题 1 … n, 反向量表题 n … 1); other questions have no score, so
 * their position.
 */
function wjxDigits(importText: string): (n: number, position: number) => string {
  const questions = new Map<number, { tag: string; options: number }>();
  for (const block of importText.split(/\n\n+/)) {
    const [head, ...options] = block.split("\n").filter(Boolean);
    const m = /^(\d+)\..*(\[[^\]]*题\])$/.exec(head ?? "");
    if (m) questions.set(Number(m[1]), { tag: m[2] as string, options: options.length });
  }
  return (n, position) => {
    const q = questions.get(n);
    if (!q) throw new Error(`no question ${n} in wjx-import.txt`);
    return String(q.tag === "[反向量表题]" ? q.options + 1 - position : position);
  };
}

async function roundTrip(
  platform: string,
  build: (
    plan: SurveyPlan,
    dir: string,
  ) => { file: string; ids: string[]; rows?: (string | number)[][] },
  lang?: Lang,
  format?: SurveyFormat,
): Promise<void> {
  const dir = tmp();
  await generate(platform, dir, lang, format);
  const q = questionnaire();
  const langs = lang ? [lang, ...q.languages.filter((l) => l !== lang)] : q.languages;
  const all = isMultilingual(platform as never, format ?? SURVEY_FORMATS[platform as "paper"][0]);
  const plan = planSurvey(q, (all ? langs : langs.slice(0, 1)) as Lang[]);
  const { file, ids, rows } = build(plan, dir);
  if (rows) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet("Sheet1");
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
  }
  writeAnswers(path.join(dir, "answers.yaml"), plan, ids);
  const run = await runOn(file, path.join(dir, `${platform}-mapping.yaml`), { questionnaire: q });
  expect(Object.values(run.outcome.summary.rejects).every((n) => n === 0)).toBe(true);
  expect(run.outcome.summary.rows.scored).toBe(ROLES.length);
  expect(withoutStatistics(materializeResults(run.outcome))).toEqual(
    scoreFiles([path.join(dir, "answers.yaml")], q),
  );
}

describe("survey round trips: the platform's export scores as the same answers do", () => {
  for (const how of ["code", "en", "zh-CN"] as const) {
    it(`LimeSurvey, question-code headings, answers as ${how === "code" ? "codes" : `full ${how} texts`}`, async () => {
      await roundTrip("limesurvey", (plan, dir) => {
        const header = [
          "id",
          "submitdate",
          "lastpage",
          "startlanguage",
          "seed",
          "ROLE",
          ...plan.items.map((i) => i.code),
        ];
        const rows = answers(plan).map((r, k) => [
          String(k + 1),
          "2024-05-01 10:00:00",
          "4",
          how === "zh-CN" ? "zh-Hans" : "en",
          "123",
          how === "code"
            ? (plan.roles.find((x) => x.role === r.role)?.code ?? "")
            : (plan.roles.find((x) => x.role === r.role)?.text[how] ?? ""),
          ...r.answers.map((a, i) => cell(plan, i, a, how)),
        ]);
        // An incomplete response (no submit date) is left out.
        rows.push(["9", "", "1", "en", "1", "R1", ...plan.items.map(() => "1")]);
        const file = path.join(dir, "results-survey123.csv");
        // LimeSurvey's CSV export: UTF-8 with a byte-order mark, ";"-separated by default.
        writeFileSync(file, `\uFEFF${csv([header, ...rows], { delimiter: ";" })}`);
        return { file, ids: rows.slice(0, -1).map((r) => r[0] as string) };
      });
    });
  }

  // LimeSurvey's other headings: "Question code & question text" (`id. Response ID`, its own
  // columns included, ". " being the export form's default separator) and "Full question text"
  // (`Response ID`, `Date submitted`, the question texts in the export's language). LimeSurvey
  // heads its own columns in the exporting administrator's interface language, whatever the
  // export's: these are LimeSurvey 6.1's words (locale/<lang>/<lang>.mo) for "Response ID",
  // "Date submitted", "Last page", "Start language" and "Seed".
  const ownHeadings = {
    en: ["Response ID", "Date submitted", "Last page", "Start language", "Seed"],
    "zh-Hans": ["反馈 ID", "提交的日期", "末页", "起始语言", "种子"],
    "zh-Hant-TW": ["回應編號", "送出的日期", "末頁", "起始語言", "種子"],
  };
  const headings = [
    ["code & text", "en", "en", (code: string, text: string) => `${code}. ${text}`],
    ["code & text", "zh-CN", "en", (code: string, text: string) => `${code} - ${text}`],
    ["code & text", "zh-CN", "zh-Hans", (code: string, text: string) => `${code}. ${text}`],
    ["full question text", "en", "en", (_code: string, text: string) => text],
    ["full question text", "zh-CN", "en", (_code: string, text: string) => text],
    ["full question text", "zh-CN", "zh-Hans", (_code: string, text: string) => text],
    ["full question text", "en", "zh-Hant-TW", (_code: string, text: string) => text],
  ] as const;
  for (const [style, lang, ui, heading] of headings) {
    it(`LimeSurvey, headings "${style}" (${lang}, own columns under a ${ui} interface), full answers`, async () => {
      await roundTrip(
        "limesurvey",
        (plan, dir) => {
          const own = ["id", "submitdate", "lastpage", "startlanguage", "seed"].map((code, k) =>
            heading(code, ownHeadings[ui][k] as string),
          );
          const header = [
            ...own,
            heading("ROLE", plan.roleText[lang] ?? ""),
            ...plan.items.map((i) => heading(i.code, i.text[lang] ?? "")),
          ];
          const rows = answers(plan).map((r, k) => [
            String(k + 1),
            "2024-05-01 10:00:00",
            "4",
            lang === "zh-CN" ? "zh-Hans" : "en",
            "123",
            plan.roles.find((x) => x.role === r.role)?.text[lang] ?? "",
            ...r.answers.map((a, i) => cell(plan, i, a, lang)),
          ]);
          // An incomplete response (no submit date) is left out.
          rows.push(["9", "", "1", "en", "1", "R1", ...plan.items.map(() => "1")]);
          const file = path.join(dir, "results-survey123.csv");
          writeFileSync(file, `\uFEFF${csv([header, ...rows], { quoted: true })}`);
          return { file, ids: rows.slice(0, -1).map((r) => r[0] as string) };
        },
        lang,
      );
    });
  }

  const qualtricsCases = [
    ["txt", "number"],
    ["txt", "en"],
    ["qsf", "number"],
    ["qsf", "en"],
    ["qsf", "zh-CN"],
  ] as const;
  for (const [format, how] of qualtricsCases) {
    it(`Qualtrics ${format}, three header rows, ${how === "number" ? "numeric values" : `choice text (${how})`}`, async () => {
      await roundTrip(
        "qualtrics",
        (plan, dir) => {
          const meta = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId"];
          const keys = [...meta, "ROLE", ...plan.items.map((i) => i.code)];
          const texts = [
            "Start Date",
            "End Date",
            "Response Type",
            "Progress",
            "Finished",
            "Response ID",
            messagesFor("en").survey.roleQuestion,
            ...plan.items.map((i) => i.text.en ?? ""),
          ];
          const importIds = keys.map((k, i) =>
            JSON.stringify({ ImportId: i < meta.length ? k.toLowerCase() : `QID${i}` }),
          );
          const ids = ROLES.map((_, k) => `R_${"abcdefgh"[k]}XyZ7aQaQx`);
          const rows = answers(plan).map((r, k) => [
            "2024-05-01 10:00:00",
            "2024-05-01 10:09:00",
            "0",
            "100",
            "1",
            ids[k] as string,
            how === "number"
              ? String(plan.roles.findIndex((x) => x.role === r.role) + 1)
              : (plan.roles.find((x) => x.role === r.role)?.text[how] ?? ""),
            ...r.answers.map((a, i) => cell(plan, i, a, how)),
          ]);
          // A survey preview is left out.
          rows.push(["", "", "1", "100", "1", "R_preview", "1", ...plan.items.map(() => "1")]);
          const file = path.join(dir, "qualtrics-export.csv");
          writeFileSync(file, csv([keys, texts, importIds, ...rows]));
          return { file, ids };
        },
        undefined,
        format,
      );
    });
  }

  // 问卷星's 按选项序号 download writes a digit per answer: the option's position, or (for a
  // scale question) possibly the score 问卷星 gives the option; no source says which. The scores
  // follow the type tag of the import text, as 问卷星's own text-import script reads it: 量表题 1 … n
  // in the options' order, 反向量表题 n … 1 (see docs/survey.md). Both readings must score the same:
  // under the second, a 反向量表题 item would come back reversed and `batch` would reverse it again.
  for (const how of ["zh-CN", "number", "score"] as const) {
    const title =
      how === "zh-CN"
        ? "按选项文本"
        : how === "number"
          ? "按选项序号 (the option's position)"
          : "按选项序号 (问卷星's score for a scale question)";
    it(`问卷星, ${title}`, async () => {
      await roundTrip(
        "wjx",
        (plan, dir) => {
          const digit = wjxDigits(readFileSync(path.join(dir, "wjx-import.txt"), "utf8"));
          const header = [
            ...WJX_METADATA,
            `1、${messagesFor("zh-CN").survey.roleQuestion}`,
            ...plan.items.map((item, i) => `${i + 2}、${item.text["zh-CN"]}`),
          ];
          const rows = answers(plan).map((r, k) => [
            String(k + 1),
            "2024/5/1 10:00:00",
            "300秒",
            "微信",
            "N/A",
            "1.2.3.4(上海-上海)",
            how === "zh-CN"
              ? (plan.roles.find((x) => x.role === r.role)?.text["zh-CN"] ?? "")
              : String(plan.roles.findIndex((x) => x.role === r.role) + 1),
            ...r.answers.map((a, i) => {
              if (how !== "score") return cell(plan, i, a, how);
              const position = cell(plan, i, a, "number");
              return position === "" ? "" : digit(i + 2, Number(position));
            }),
          ]);
          const file = path.join(dir, "wjx.csv");
          writeFileSync(file, csv([header, ...rows]));
          return { file, ids: rows.map((r) => r[0] as string) };
        },
        "zh-CN",
      );
    });
  }

  it("问卷星, 按选项文本, downloaded as Excel (XLSX)", async () => {
    await roundTrip(
      "wjx",
      (plan, dir) => {
        const header = [
          ...WJX_METADATA,
          `1、${messagesFor("zh-CN").survey.roleQuestion}`,
          ...plan.items.map((item, i) => `${i + 2}、${item.text["zh-CN"]}`),
        ];
        const rows = answers(plan).map((r, k) => [
          k + 1,
          "2024/5/1 10:00:00",
          "300秒",
          "微信",
          "N/A",
          "1.2.3.4(上海-上海)",
          plan.roles.find((x) => x.role === r.role)?.text["zh-CN"] ?? "",
          ...r.answers.map((a, i) => cell(plan, i, a, "zh-CN")),
        ]);
        return {
          file: path.join(dir, "wjx.xlsx"),
          ids: rows.map((r) => String(r[0])),
          rows: [header, ...rows],
        };
      },
      "zh-CN",
    );
  });

  it("Google Forms, the responses sheet as CSV", async () => {
    await roundTrip("google-forms", (plan, dir) => {
      // The columns are the titles the script gives the questions (the role question first).
      const header = [
        "Timestamp",
        ...formTitles(readFileSync(path.join(dir, "google-forms.gs"), "utf8")),
      ];
      expect(header.length).toBe(plan.items.length + 2);
      const rows = answers(plan).map((r) => [
        "2024/05/01 10:00:00 AM GMT+8",
        plan.roles.find((x) => x.role === r.role)?.text.en ?? "",
        ...r.answers.map((a, i) => cell(plan, i, a, "en")),
      ]);
      const file = path.join(dir, "Responses.csv");
      writeFileSync(file, csv([header, ...rows]));
      // Google Forms has no respondent id: rows are numbered.
      return { file, ids: rows.map((_, k) => `row-${k + 2}`) };
    });
  });

  it("paper: the printable form is a PDF, byte-identical from run to run", async () => {
    const a = tmp();
    const b = tmp();
    await generate("paper", a);
    await generate("paper", b);
    const pdf = readFileSync(path.join(a, "paper-form.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.equals(readFileSync(path.join(b, "paper-form.pdf")))).toBe(true);
  });

  it("paper, keyed into the data-entry template", async () => {
    await roundTrip("paper", (plan, dir) => {
      const template = readFileSync(path.join(dir, "paper-data-entry.csv"), "utf8");
      const rows = answers(plan).map((r, k) => [
        `P${k + 1}`,
        plan.roles.find((x) => x.role === r.role)?.code ?? "",
        ...r.answers.map((a, i) => cell(plan, i, a, "code")),
      ]);
      const file = path.join(dir, "keyed.csv");
      writeFileSync(file, `${template}${csv(rows)}`);
      return { file, ids: rows.map((r) => r[0] as string) };
    });
  });
});

describe("crm-maturity survey", () => {
  it("reports what a platform cannot represent per question, and writes nothing", async () => {
    const dir = tmp();
    const qdir = path.join(dir, "q");
    mkdirSync(path.join(qdir, "dimensions"), { recursive: true });
    const src = path.dirname(QUESTIONNAIRE);
    writeFileSync(path.join(qdir, "questionnaire.yaml"), readFileSync(QUESTIONNAIRE));
    for (const f of ["leadership", "culture", "data-quality"]) {
      let text = readFileSync(path.join(src, "dimensions", `${f}.yaml`), "utf8");
      // Two anchors alike: an export of option texts could not tell them apart.
      if (f === "leadership")
        text = text
          .replace(/(levels:\s*\n\s*1: \{ en: )[^,]+,/, "$1Same,")
          .replace(/(\n\s*2: \{ en: )[^,]+,/, "$1Same,");
      writeFileSync(path.join(qdir, "dimensions", `${f}.yaml`), text);
    }
    const out = path.join(dir, "out");
    await expect(
      runSurvey(
        {
          platform: "google-forms",
          questionnaire: path.join(qdir, "questionnaire.yaml"),
          output: out,
        },
        envWith({ cwd: dir, stderr: quiet(), now: () => new Date(`${TODAY}T12:00:00Z`) }),
      ),
    ).rejects.toThrow(
      /q\/dimensions\/leadership\.yaml:7:5: question lead\.ceo-ownership options 1 and 2 have the same en text[\s\S]*nothing was written/,
    );
    expect(() => readFileSync(path.join(out, "google-forms.gs"))).toThrow();
  });
});

describe("options an export could not tell apart", () => {
  it("are found as batch reads cells: ignoring width and spacing, and across languages", () => {
    const plan = planSurvey(questionnaire(), ["en", "zh-CN"]);
    const [first, second] = plan.items;
    if (!first || !second) throw new Error("two items expected");
    const [one, two] = first.options;
    if (!one || !two) throw new Error("two options expected");
    // Full-width brackets and a double space: one label once normalised.
    one.text = { ...one.text, en: "Ad hoc (none)" };
    two.text = { ...two.text, en: "Ad  hoc （none）" };
    // Option 1's Chinese text is option 2's English one.
    const [a, b] = second.options;
    if (!a || !b) throw new Error("two options expected");
    a.text = { ...a.text, "zh-CN": "Partly" };
    b.text = { ...b.text, en: "partly" };
    expect(ambiguousOptions(plan).map((p) => [p.item?.code, p.message])).toEqual([
      [
        first.code,
        "options 1 and 2 have the same en text, so its export could not tell them apart",
      ],
      [
        second.code,
        "option 2's en text is option 1's zh-CN text, so its export could not tell them apart",
      ],
    ]);
  });
});

describe("the bundled pack", () => {
  it("can be written for every platform in every language, with no problem to report", async () => {
    const pack = resolveQuestionnaire(undefined, REPO);
    for (const platform of SURVEY_PLATFORMS) {
      const writer = await SURVEY_WRITERS[platform]();
      for (const format of SURVEY_FORMATS[platform]) {
        for (const lang of ["en", "zh-CN"] as const) {
          const plan = planSurvey(pack, [
            lang,
            ...(["en", "zh-CN"] as const).filter((l) => l !== lang),
          ]);
          expect(writer.check(plan, format), `${platform} ${format} ${lang}`).toEqual([]);
        }
      }
    }
    // Item codes are unique, 20 characters at most, letters and digits from a letter.
    const codes = planSurvey(pack, ["en"]).items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Za-z][A-Za-z0-9]{0,19}$/);
  });
});
