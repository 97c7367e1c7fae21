// The generated Qualtrics survey file (.qsf), read back as Qualtrics and `map init --survey` read
// it: its structure matches published .qsf files, its translations carry every language, and an
// export laid out from the file itself (export tags, recode values, choice texts) scores exactly
// as the same answers written as an answers file.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { stringify as csv } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { stringify as yaml } from "yaml";
import { envWith } from "../../src/app/env.js";
import { runSurvey } from "../../src/app/survey.js";
import { materializeResults } from "../../src/batch/run.js";
import { isForRole } from "../../src/core/questionnaire/types.js";
import { parseQsf } from "../../src/survey/structure.js";
import {
  QUESTIONNAIRE,
  questionnaire,
  runOn,
  scoreFiles,
  tmp,
  withoutStatistics,
} from "../batch/helpers.js";

interface Sq {
  Element: string;
  PrimaryAttribute: string;
  Payload: {
    DataExportTag: string;
    QuestionID: string;
    QuestionType: string;
    Selector: string;
    QuestionText: string;
    Choices?: Record<string, { Display: string }>;
    ChoiceOrder?: string[];
    RecodeValues?: Record<string, string>;
    Language: Record<
      string,
      { QuestionText: string; Choices?: Record<string, { Display: string }> }
    >;
  };
}
interface Qsf {
  SurveyEntry: Record<string, unknown>;
  SurveyElements: { Element: string; PrimaryAttribute: string; Payload: unknown }[];
}

const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });

async function generate(dir: string): Promise<Qsf> {
  await runSurvey(
    { platform: "qualtrics", format: "qsf", questionnaire: QUESTIONNAIRE, output: dir },
    envWith({ cwd: dir, stderr: quiet(), now: () => new Date("2024-05-06T12:00:00Z") }),
  );
  return JSON.parse(readFileSync(path.join(dir, "qualtrics-survey.qsf"), "utf8"));
}

/** The questions in the order the survey flow shows them (flow → blocks → block elements). */
function questionsInFlow(qsf: Qsf): Sq[] {
  const el = (kind: string) => {
    const found = qsf.SurveyElements.find((e) => e.Element === kind);
    if (!found) throw new Error(`no ${kind} element`);
    return found.Payload;
  };
  const blocks = el("BL") as { ID: string; BlockElements: { QuestionID: string }[] }[];
  const flow = (el("FL") as { Flow: { ID: string; Type: string }[] }).Flow;
  const sqs = qsf.SurveyElements.filter((e) => e.Element === "SQ") as unknown as Sq[];
  return flow.flatMap((f) =>
    (blocks.find((b) => b.ID === f.ID)?.BlockElements ?? []).map(
      (be) => sqs.find((q) => q.Payload.QuestionID === be.QuestionID) as Sq,
    ),
  );
}

describe("the Qualtrics survey file (.qsf)", () => {
  it("is laid out as Qualtrics's own .qsf files are, with both languages, byte-identical from run to run", async () => {
    const a = tmp();
    const qsf = await generate(a);
    const b = tmp();
    await generate(b);
    expect(readFileSync(path.join(a, "qualtrics-survey.qsf"))).toEqual(
      readFileSync(path.join(b, "qualtrics-survey.qsf")),
    );
    // The fields a published Qualtrics export has (ctesta01/QualtricsTools sample surveys).
    expect(Object.keys(qsf.SurveyEntry)).toEqual([
      "SurveyID",
      "SurveyName",
      "SurveyDescription",
      "SurveyOwnerID",
      "SurveyBrandID",
      "DivisionID",
      "SurveyLanguage",
      "SurveyActiveResponseSet",
      "SurveyStatus",
      "SurveyStartDate",
      "SurveyExpirationDate",
      "SurveyCreationDate",
      "CreatorID",
      "LastModified",
      "LastAccessed",
      "LastActivated",
      "Deleted",
    ]);
    expect(qsf.SurveyEntry.SurveyLanguage).toBe("EN");
    expect(qsf.SurveyEntry.SurveyID).toMatch(/^SV_[A-Za-z0-9]{15}$/);
    for (const kind of ["BL", "FL", "SO", "QC", "RS"])
      expect(qsf.SurveyElements.filter((e) => e.Element === kind)).toHaveLength(1);
    const so = qsf.SurveyElements.find((e) => e.Element === "SO")?.Payload as {
      AvailableLanguages: Record<string, unknown>;
    };
    expect(Object.keys(so.AvailableLanguages)).toEqual(["EN", "ZH-S"]);
    const sqs = qsf.SurveyElements.filter((e) => e.Element === "SQ");
    const qc = qsf.SurveyElements.find((e) => e.Element === "QC") as unknown as {
      SecondaryAttribute: string;
    };
    expect(qc.SecondaryAttribute).toBe(String(sqs.length));

    const q = questionnaire();
    const items = q.dimensions.flatMap((d) => d.questions);
    const questions = questionsInFlow(qsf);
    // The intro, the role question, then every question in the questionnaire's order.
    expect(questions.map((s) => s.Payload.QuestionType)).toEqual([
      "DB",
      ...Array(items.length + 1).fill("MC"),
    ]);
    const [intro, role, ...rest] = questions;
    const roles = q.roles.filter((r) => r.respondent !== false);
    expect(Object.values(role?.Payload.Choices ?? {}).map((c) => c.Display)).toEqual(
      roles.map((r) => r.name.en),
    );
    expect(intro?.Payload.Selector).toBe("TB");
    expect(role?.Payload.DataExportTag).toBe("ROLE");
    expect(new Set(rest.map((s) => s.Payload.DataExportTag)).size).toBe(items.length);
    items.forEach((question, i) => {
      const p = rest[i]?.Payload;
      if (!p) throw new Error(`no SQ for ${question.id}`);
      expect(p.Selector).toBe("SAVR");
      expect(p.QuestionText).toContain(question.text.en?.replace(/&/g, "&amp;").trim());
      expect(p.Language["ZH-S"]?.QuestionText).toContain(question.text["zh-CN"]?.trim());
      expect(p.ChoiceOrder).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
      expect(Object.values(p.RecodeValues ?? {})).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
      expect(Object.keys(p.Language["ZH-S"]?.Choices ?? {})).toEqual(Object.keys(p.Choices ?? {}));
      // A question put to some roles only is shown on the role question's answer.
      const logic = (p as { DisplayLogic?: { "0": Record<string, unknown> } }).DisplayLogic;
      if (!question.roles) expect(logic).toBeUndefined();
      else {
        const shownTo = roles.flatMap((r, k) => (question.roles?.includes(r.id) ? [k + 1] : []));
        const conditions = Object.entries(logic?.["0"] ?? {})
          .filter(([k]) => /^\d+$/.test(k))
          .map(([, v]) => v as { QuestionID: string; Operator: string; LeftOperand: string });
        expect(conditions.map((c) => c.LeftOperand)).toEqual(
          shownTo.map((c) => `q://${role?.Payload.QuestionID}/SelectableChoice/${c}`),
        );
        expect(conditions.every((c) => c.Operator === "Selected")).toBe(true);
        expect(p.QuestionText).not.toMatch(/\(for /);
      }
      if (question.type === "level")
        expect(p.Language["ZH-S"]?.Choices?.["3"]?.Display).toBe(question.levels?.["3"]?.["zh-CN"]);
    });
  });

  it("round-trips: an export laid out from the file itself scores as the same answers do", async () => {
    const dir = tmp();
    const qsf = await generate(dir);
    const q = questionnaire();
    const [, role, ...rest] = questionsInFlow(qsf);
    if (!role) throw new Error("no role question");
    const roles = q.roles.filter((r) => r.respondent !== false);
    const people = ["executive", "manager", "manager", "frontline", "frontline", "it"];
    const ids = people.map((_, k) => `R_${k}AbCdEfGhIjKlM`);
    // Choice ids 1–5 are the levels, 6 does not apply, 7 don't know; some answers left blank.
    const pick = (k: number, i: number) =>
      ["1", "2", "3", "4", "5", "6", "7", ""][(k * 5 + i * 3) % 8];
    const items = q.dimensions.flatMap((d) => d.questions);
    const chosen = people.map((who, k) =>
      items.map((question, i) => (isForRole(question, who) ? (pick(k, i) as string) : "")),
    );
    const meta = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId"];
    const tags = [...meta, role.Payload.DataExportTag, ...rest.map((s) => s.Payload.DataExportTag)];
    const importIds = [
      ...meta.map((m) => JSON.stringify({ ImportId: m.toLowerCase() })),
      ...[role, ...rest].map((s) => JSON.stringify({ ImportId: s.Payload.QuestionID })),
    ];
    const strip = (h: string) =>
      h.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const texts = [...meta, ...[role, ...rest].map((s) => strip(s.Payload.QuestionText))];
    const value = (s: Sq, choice: string, how: "number" | "EN" | "ZH-S") => {
      if (!choice) return "";
      if (how === "number") return s.Payload.RecodeValues?.[choice] ?? "";
      const display =
        how === "EN"
          ? s.Payload.Choices?.[choice]?.Display
          : s.Payload.Language[how]?.Choices?.[choice]?.Display;
      return strip(display ?? "");
    };
    for (const how of ["number", "EN", "ZH-S"] as const) {
      const rows = people.map((who, k) => [
        "2024-05-01 10:00:00",
        "2024-05-01 10:09:00",
        "0",
        "100",
        "1",
        ids[k] as string,
        value(role, String(roles.findIndex((r) => r.id === who) + 1), how),
        ...rest.map((s, i) => value(s, chosen[k]?.[i] ?? "", how)),
      ]);
      const file = path.join(dir, `export-${how}.csv`);
      writeFileSync(file, csv([tags, texts, importIds, ...rows]));
      const answers = path.join(dir, `answers-${how}.yaml`);
      writeFileSync(
        answers,
        yaml({
          assessment: {
            client: { name: "TODO client name" },
            date: "2024-05-06",
            assessor: "TODO your name",
            questionnaire: { id: q.id, version: q.version },
          },
          respondents: people.map((who, k) => ({
            id: ids[k],
            role: who,
            answers: Object.fromEntries(
              items.flatMap((question, i) => {
                const c = chosen[k]?.[i];
                if (!c) return [];
                return [[question.id, c === "6" ? "na" : c === "7" ? "unknown" : Number(c)]];
              }),
            ),
          })),
        }),
      );
      const run = await runOn(file, path.join(dir, "qualtrics-mapping.yaml"), { questionnaire: q });
      expect(
        Object.values(run.outcome.summary.rejects).every((n) => n === 0),
        how,
      ).toBe(true);
      expect(run.outcome.summary.rows.scored).toBe(people.length);
      expect(withoutStatistics(materializeResults(run.outcome))).toEqual(scoreFiles([answers], q));
    }
  });

  it("is read by map init --survey: every export tag with its texts and answers in both languages", async () => {
    const dir = tmp();
    await generate(dir);
    const s = parseQsf(readFileSync(path.join(dir, "qualtrics-survey.qsf"), "utf8"), "q.qsf");
    const q = questionnaire();
    const question = q.dimensions.flatMap((d) => d.questions).find((x) => x.type === "level");
    if (!question) throw new Error("no level question");
    const col = [...s.columns.values()].find((c) =>
      c.texts.some((t) => t.startsWith((question.text.en ?? "").trim().slice(0, 30))),
    );
    expect(col?.texts.some((t) => t.includes((question.text["zh-CN"] ?? "").trim()))).toBe(true);
    expect(col?.answers.get("3")).toEqual([
      question.levels?.["3"]?.en,
      question.levels?.["3"]?.["zh-CN"],
    ]);
    expect(col?.answers.get("6")?.length).toBe(2);
    expect(s.columns.has("role")).toBe(true);
  });
});
