import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { summaryLines } from "../../src/app/batch.js";
import { materializeResults } from "../../src/batch/run.js";
import { resultsSchema } from "../../src/core/models/results.js";
import { openExport } from "../../src/io/survey/read.js";
import { detectPreset, limesurveyCodeTextSeparator, PRESETS } from "../../src/survey/presets.js";
import { renderSuggestion, suggestMapping } from "../../src/survey/suggest.js";
import {
  mapping,
  questionnaire,
  runOn,
  SURVEY,
  scoreFiles,
  tmp,
  withoutStatistics,
} from "../batch/helpers.js";
import {
  LIMESURVEY_INTERFACES,
  LIMESURVEY_NO_ANSWER,
  LIMESURVEY_OWN,
  ownHeading,
} from "./limesurvey-interfaces.js";

/** fixture → [preset, encoding, delimiter (csv only), rows scored, rows excluded]. */
const CASES: Record<string, [string, string | undefined, string | undefined, number, number]> = {
  qualtrics: ["qualtrics", "utf-8", ",", 8, 2],
  "qualtrics-numeric": ["qualtrics", "utf-8", ",", 8, 2],
  surveymonkey: ["surveymonkey", "utf-8", ",", 8, 0],
  "google-forms": ["google-forms", "utf-8", ",", 8, 0],
  "microsoft-forms": ["microsoft-forms", undefined, undefined, 8, 0],
  "wjx-gb18030": ["wjx", "gb18030", ",", 8, 0],
  "wjx-codes": ["wjx", "utf-8", ",", 8, 0],
  limesurvey: ["limesurvey", "utf-8", ";", 8, 1],
  "limesurvey-zh-hans": ["limesurvey", "utf-8", ";", 8, 1],
  "limesurvey-de": ["limesurvey", "utf-8", ";", 8, 1],
  "limesurvey-nl": ["limesurvey", "utf-8", ";", 8, 1],
  "generic-utf16": ["generic", "utf-16le", "\t", 8, 0],
  "generic-crlf": ["generic", "utf-8", ",", 8, 0],
};

const exportOf = (dir: string) => {
  const file = readdirSync(path.join(SURVEY, dir)).find((f) => f.startsWith("export."));
  return path.join(SURVEY, dir, file as string);
};

async function firstRows(file: string, n = 3): Promise<string[][]> {
  const reader = await openExport(file);
  const rows: string[][] = [];
  await reader.each((cells) => {
    rows.push(cells);
    return rows.length < n;
  });
  return rows;
}

describe("survey export presets", () => {
  it("recognises LimeSurvey headed by question code and text, and reads its separator", () => {
    const row = [
      "id. Response ID",
      "submitdate. Date submitted",
      "lastpage. Last page",
      "Q1. Why?",
    ];
    expect(limesurveyCodeTextSeparator(row)).toBe(". ");
    expect(detectPreset([row]).id).toBe("limesurvey");
    expect(limesurveyCodeTextSeparator(["id - Response ID", "seed - Seed"])).toBe(" - ");
    // Codes and full headings alone have no separator; nor has a code followed by more code.
    expect(limesurveyCodeTextSeparator(["id", "submitdate", "Response ID"])).toBeUndefined();
    expect(limesurveyCodeTextSeparator(["idxResponse ID"])).toBeUndefined();
  });

  it("recognises LimeSurvey's own columns under the headings of its Chinese interfaces", () => {
    // Headed in the exporting administrator's interface language (LimeSurvey 6.1's locale files):
    // Simplified Chinese, then Traditional Chinese (Taiwan).
    const zhHans = ["反馈 ID", "提交的日期", "末页", "起始语言", "种子", "您的角色？"];
    const zhHant = ["回應編號", "送出的日期", "末頁", "起始語言", "種子", "您的角色？"];
    for (const row of [zhHans, zhHant]) expect(detectPreset([row]).id).toBe("limesurvey");
    const codeText = ["id. 反馈 ID", "submitdate. 提交的日期", "lastpage. 末页", "Q1. 为什么？"];
    expect(limesurveyCodeTextSeparator(codeText)).toBe(". ");
    expect(detectPreset([codeText]).id).toBe("limesurvey");
    const p = PRESETS.limesurvey;
    expect(p.idColumns).toContain("反馈 ID");
    expect(p.metadata).toEqual(
      expect.arrayContaining([...zhHans.slice(0, 5), ...zhHant.slice(0, 5)]),
    );
    expect(p.exclude.map((r) => r.column)).toEqual(
      expect.arrayContaining(["submitdate", "Date submitted", "提交的日期", "送出的日期"]),
    );
    expect(p.aliases?.submitdate).toEqual(
      expect.arrayContaining(["Date submitted", "提交的日期", "送出的日期"]),
    );
  });

  describe("LimeSurvey's own columns under every interface language it is read in", () => {
    // The German-interface fixture (own columns first, in LIMESURVEY_OWN's order), its own columns
    // headed in each interface language in turn; the mapping names them by code (`id`,
    // `submitdate`), so they are found through the preset's aliases.
    const german = path.join(SURVEY, "limesurvey-de");
    const rows: string[][] = parse(readFileSync(path.join(german, "export.csv")), {
      bom: true,
      delimiter: ";",
    });
    const [header = [], ...data] = rows;
    const ownCount = header.indexOf("What is your role in the company?");
    const dir = tmp();
    const byCode = path.join(dir, "mapping.yaml");
    const germanMapping = readFileSync(path.join(german, "mapping.yaml"), "utf8");
    writeFileSync(
      byCode,
      germanMapping
        .replace("id: Antwort ID", "id: id")
        .replace("column: Datum Abgeschickt", "column: submitdate"),
    );

    it("has the fixture's own columns in order, and each heading names one column only", () => {
      expect(ownCount).toBe(7);
      expect(header.slice(0, ownCount)).toEqual(
        LIMESURVEY_OWN.slice(0, ownCount).map((code) => ownHeading("de", code)),
      );
      expect(readFileSync(byCode, "utf8")).not.toBe(germanMapping);
      // No heading of one column is another column's heading under some other interface.
      const owner = new Map<string, string>();
      for (const lang of Object.keys(LIMESURVEY_INTERFACES)) {
        for (const code of LIMESURVEY_OWN) {
          const heading = ownHeading(lang, code).toLowerCase();
          expect(owner.get(heading) ?? code, `${lang} ${heading}`).toBe(code);
          owner.set(heading, code);
        }
      }
      for (const [code, aliases] of Object.entries(PRESETS.limesurvey.aliases ?? {})) {
        if (!(LIMESURVEY_OWN as readonly string[]).includes(code)) continue;
        for (const alias of aliases) expect(owner.get(alias.toLowerCase()) ?? code).toBe(code);
      }
    });

    // Each language as LimeSurvey heads its own columns by default, and as the export option
    // "Convert spaces in question text to underscores" heads them (`Antwort_ID`); the question
    // columns keep their headings here, so the one mapping reads every variant.
    const variants = Object.keys(LIMESURVEY_INTERFACES).flatMap((lang) => [
      [lang, lang, (h: string) => h] as const,
      [`${lang}, spaces as underscores`, lang, (h: string) => h.replaceAll(" ", "_")] as const,
    ]);
    for (const [variant, lang, form] of variants) {
      const own = (code: (typeof LIMESURVEY_OWN)[number]) => form(ownHeading(lang, code));
      const headed = header.map((h, i) => (i < ownCount ? own(LIMESURVEY_OWN[i] ?? "id") : h));

      it(`${variant}: detected under full and code & text headings; the preset knows every heading`, () => {
        expect(detectPreset([headed]).id).toBe("limesurvey");
        const codeText = headed.map(
          (h, i) => `${i < ownCount ? LIMESURVEY_OWN[i] : `Q${i}`}. ${h}`,
        );
        expect(limesurveyCodeTextSeparator(codeText)).toBe(". ");
        expect(detectPreset([codeText]).id).toBe("limesurvey");
        const p = PRESETS.limesurvey;
        for (const code of LIMESURVEY_OWN) {
          expect(p.metadata).toContain(own(code));
          expect(p.aliases?.[code]).toContain(own(code));
        }
        expect(p.idColumns).toContain(own("id"));
        expect(p.exclude.map((r) => r.column)).toContain(own("submitdate"));
      });

      it(`${variant}: batch takes the respondent id, leaves out the unsubmitted response and times each one`, async () => {
        const file = path.join(dir, `export-${variant.replace(/[ ,]+/g, "-")}.csv`);
        writeFileSync(file, `\uFEFF${stringify([headed, ...data], { delimiter: ";" })}`);
        const { outcome } = await runOn(file, byCode);
        expect(outcome.summary.rows).toMatchObject({ scored: 8, excluded: 1, rejected: 0 });
        expect(outcome.summary.exclusions).toEqual([
          { reason: "incomplete response (no submit date)", rows: 1 },
        ]);
        const results = materializeResults(outcome);
        expect(results.respondents.map((r) => r.id)).toEqual([
          "1",
          "2",
          "3",
          "4",
          "5",
          "6",
          "7",
          "8",
        ]);
        // Respondent 6 took 12 seconds between the start and submit dates.
        expect(results.statistics?.careless.timing).toEqual([own("startdate"), own("submitdate")]);
        expect(results.statistics?.careless.reasons["too-fast"]).toBe(1);
      });

      it(`${variant}: map init takes the id and suggests the exclusion, and no own column is a question`, () => {
        const q = questionnaire();
        const s = suggestMapping([headed, ...data], q);
        expect(s.preset.id).toBe("limesurvey");
        expect(s.idColumn?.key).toBe(own("id"));
        expect(s.matches).toHaveLength(9);
        const owns = new Set(headed.slice(0, ownCount));
        expect(s.matches.filter((m) => owns.has(m.column.key))).toEqual([]);
        expect(s.unmatchedColumns.filter((c) => owns.has(c.key))).toEqual([]);
        const text = renderSuggestion(s, {
          exportName: "export.csv",
          questionnaire: q,
          date: "2024-03-31",
        });
        expect(text).toContain(
          `- { column: ${own("submitdate")}, empty: true, reason: incomplete response (no submit date) }`,
        );
      });
    }
  });

  describe("LimeSurvey's Dutch export (full headings and full answers, Dutch interface)", () => {
    const dutch = path.join(SURVEY, "limesurvey-nl");
    const source = readFileSync(exportOf("limesurvey-nl"), "utf8");

    it('reads LimeSurvey\'s "No answer" as unknown in every language it translates it into', async () => {
      // The fixture's "Geen antwoord" (nl) in turn in each language; the mapping lists none.
      expect(source.split("Geen antwoord")).toHaveLength(3);
      expect(readFileSync(path.join(dutch, "mapping.yaml"), "utf8")).not.toMatch(/^ +Geen/m);
      const dir = tmp();
      const expected = scoreFiles([path.join(dutch, "answers.yaml")]);
      for (const [lang, word] of Object.entries(LIMESURVEY_NO_ANSWER)) {
        const file = path.join(dir, `export-${lang}.csv`);
        writeFileSync(file, source.replaceAll("Geen antwoord", word));
        const { outcome } = await runOn(file, path.join(dutch, "mapping.yaml"));
        expect(outcome.summary.rows, lang).toMatchObject({ scored: 8, excluded: 1, rejected: 0 });
        expect(withoutStatistics(materializeResults(outcome)), lang).toEqual(expected);
      }
    });

    it("leaves Plaats, LimeSurvey's Dutch seed column, out of the questions as every language's seed", async () => {
      const rows = await firstRows(exportOf("limesurvey-nl"), 10);
      expect(rows[0]?.[4]).toBe("Plaats");
      const s = suggestMapping(rows, questionnaire());
      expect(s.preset.id).toBe("limesurvey");
      expect(s.idColumn?.key).toBe("Respons-ID");
      const named = [
        ...s.matches.map((m) => m.column.key),
        ...s.unmatchedColumns.map((c) => c.key),
        ...s.groupBy.map((c) => c.key),
        s.roleColumn?.key,
      ];
      expect(named).not.toContain("Plaats");
      expect(named).toContain("Wat is uw rol in het bedrijf?");
      // Plaats is to the preset what Seed, 种子, Zufallsgeneratorstartwert … are.
      const p = PRESETS.limesurvey;
      for (const lang of Object.keys(LIMESURVEY_INTERFACES)) {
        const seed = ownHeading(lang, "seed");
        expect(p.metadata, lang).toContain(seed);
        expect(p.aliases?.seed, lang).toContain(seed);
        expect(p.aliases?.[seed], lang).toContain("seed");
      }
    });
  });

  it("maps a LimeSurvey export with spaces converted to underscores in every heading", async () => {
    // As LimeSurvey writes the German-interface fixture with "Convert spaces in question text to
    // underscores": every heading, its own columns' and the questions', has `_` for each space.
    const german = path.join(SURVEY, "limesurvey-de");
    const rows: string[][] = parse(readFileSync(path.join(german, "export.csv")), {
      bom: true,
      delimiter: ";",
    });
    const [header = [], ...data] = rows;
    const underscored = header.map((h) => h.replaceAll(" ", "_"));
    expect(underscored.slice(0, 2)).toEqual(["Antwort_ID", "Datum_Abgeschickt"]);
    const s = suggestMapping([underscored, ...data], questionnaire());
    expect(s.preset.id).toBe("limesurvey");
    expect(s.idColumn?.key).toBe("Antwort_ID");
    expect(s.matches).toHaveLength(9);
    expect(s.unmatchedColumns).toEqual([]);
    const text = renderSuggestion(s, {
      exportName: "export.csv",
      questionnaire: questionnaire(),
      date: "2024-03-31",
    });
    expect(text).toContain(
      "- { column: Datum_Abgeschickt, empty: true, reason: incomplete response (no submit date) }",
    );
    // The mapping written for the spaced headings reads the underscored own columns too.
    const dir = tmp();
    const file = path.join(dir, "export.csv");
    const spacedQuestions = underscored.map((h, i) => (i < 7 ? h : header[i]) as string);
    writeFileSync(file, `\uFEFF${stringify([spacedQuestions, ...data], { delimiter: ";" })}`);
    const { outcome } = await runOn(file, path.join(german, "mapping.yaml"));
    expect(outcome.summary.rows).toMatchObject({ scored: 8, excluded: 1, rejected: 0 });
    const results = materializeResults(outcome);
    expect(results.respondents.map((r) => r.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(results.statistics?.careless.timing).toEqual(["Datum_gestartet", "Datum_Abgeschickt"]);
  });

  it("has a fixture for every preset", () => {
    const presets = new Set(Object.values(CASES).map(([p]) => p));
    expect([...presets].sort()).toEqual([
      "generic",
      "google-forms",
      "limesurvey",
      "microsoft-forms",
      "qualtrics",
      "surveymonkey",
      "wjx",
    ]);
  });

  for (const [dir, [preset, encoding, delimiter, scored, excluded]] of Object.entries(CASES)) {
    describe(dir, () => {
      it(`is recognised as ${preset}`, async () => {
        expect(detectPreset(await firstRows(exportOf(dir))).id).toBe(preset);
      });

      it("scores exactly as `score` does on the same answers written as an answers file", async () => {
        const { outcome } = await runOn(exportOf(dir), path.join(SURVEY, dir, "mapping.yaml"));
        expect(outcome.summary.info.encoding).toBe(encoding);
        expect(outcome.summary.info.delimiter).toBe(delimiter);
        expect(outcome.summary.rows.scored).toBe(scored);
        expect(outcome.summary.rows.excluded).toBe(excluded);
        expect(outcome.summary.rows.rejected).toBe(0);
        const batch = materializeResults(outcome);
        expect(resultsSchema.safeParse(batch).success).toBe(true);
        expect(withoutStatistics(batch)).toEqual(
          scoreFiles([path.join(SURVEY, dir, "answers.yaml")]),
        );
        expect(batch.statistics?.all.respondents).toBe(scored);
      });
    });
  }

  // Qualtrics' Status codes and labels (see QUALTRICS_NOT_REAL in src/survey/presets.ts).
  const NOT_REAL: [string, string][] = [
    ["1", "Survey Preview"],
    ["2", "Survey Test"],
    ["8", "Spam"],
    ["9", "Survey Preview Spam"],
    ["12", "Imported Spam"],
    ["17", "Offline Survey Preview"],
    ["40", "EX Spam"],
  ];
  const REAL: [string, string][] = [
    ["0", "IP Address"],
    ["4", "Imported"],
    ["16", "Offline"],
    ["32", "EX"],
    ["48", "EX Offline"],
  ];
  for (const [dir, column] of [
    ["qualtrics-numeric", 0],
    ["qualtrics", 1],
  ] as const) {
    it(`${dir}: leaves out previews, tests and spam by their Status, and scores real responses`, async () => {
      const mappingFile = path.join(SURVEY, dir, "mapping.yaml");
      expect(mapping(mappingFile).mapping.exclude).toEqual(PRESETS.qualtrics.exclude);
      const rows: string[][] = parse(readFileSync(exportOf(dir)), { bom: true });
      const header = rows[0] ?? [];
      const status = header.indexOf("Status");
      // The fixture's one preview, set to each Status in turn (the other rows are normal).
      const preview = rows.findIndex((r) => r[header.indexOf("ResponseId")] === "R_5eFg3HiJiQx");
      const dirOut = tmp();
      for (const [values, excluded] of [
        [NOT_REAL, true],
        [REAL, false],
      ] as const) {
        for (const value of values) {
          const cell = value[column];
          (rows[preview] as string[])[status] = cell;
          const file = path.join(dirOut, "export.csv");
          writeFileSync(file, stringify(rows));
          const { outcome } = await runOn(file, mappingFile);
          const reasons = Object.fromEntries(
            outcome.summary.exclusions.map((e) => [e.reason, e.rows]),
          );
          expect(reasons, cell).toEqual({
            "unfinished response": 1,
            "preview, test or spam response": excluded ? 1 : 0,
          });
          expect(outcome.summary.rows.scored, cell).toBe(excluded ? 8 : 9);
        }
      }
    });
  }

  it("reads the GB18030 问卷星 export with a notice, and its Chinese labels", async () => {
    const { outcome, lines } = await runOn(
      exportOf("wjx-gb18030"),
      path.join(SURVEY, "wjx-gb18030/mapping.yaml"),
    );
    expect(lines).toContainEqual(expect.stringMatching(/not valid UTF-8; reading it as GB18030/));
    const groups = outcome.results.statistics?.groups[0];
    expect(groups?.column).toBe("2、您所在的部门：");
    expect(groups?.values.map((v) => v.value)).toEqual(["信息部", "客服部", "总经办", "销售部"]);
  });

  it("reads the UTF-16LE tab-separated export (Excel Unicode Text)", async () => {
    const rows = await firstRows(exportOf("generic-utf16"), 2);
    expect(rows[0]?.slice(0, 3)).toEqual(["respondent", "role", "department"]);
    expect(rows[1]?.slice(0, 2)).toEqual(["resp-01", "executive"]);
  });

  it("keeps quoted newlines and drops trailing empty columns (CRLF export)", async () => {
    const rows = await firstRows(exportOf("generic-crlf"), 3);
    expect(rows[0]?.length).toBe(14);
    expect(rows[2]?.[2]).toBe('Line one\r\nline two, with "quotes"');
  });

  it("counts answers to questions not put to the respondent's role, as score does", async () => {
    const { outcome } = await runOn(
      exportOf("google-forms"),
      path.join(SURVEY, "google-forms/mapping.yaml"),
    );
    expect(outcome.summary.notForRole).toBe(1);
    expect(outcome.summary.rows.blank).toBe(1);
    // Said for an analyst: what happened and what it means for the scores.
    expect(summaryLines(outcome.summary)).toContain(
      "crm-maturity: 1 answer was given to a question not meant for the respondent's role (the survey showed it anyway); it counts in the scores like any other answer",
    );
    expect(summaryLines({ ...outcome.summary, notForRole: 2 })).toContain(
      "crm-maturity: 2 answers were given to questions not meant for the respondent's role (the survey showed them anyway); they count in the scores like any other answer",
    );
  });
});
