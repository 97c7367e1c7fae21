// End to end (the built CLI): what a respondent reads on the printed paper form. Each question
// carries its number (Q1, Q2, …), never its item code; the data-entry template heads each
// question's column with that number (then the item code), so the person keying the forms finds
// the column of the question in front of them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/index.js";
import { planSurvey } from "../../src/survey/export/plan.js";
import { QUESTIONNAIRE, questionnaire, tmp } from "../batch/helpers.js";
import { runCli } from "../helpers/cli.js";
import { havePdftotext, pdfText, squash } from "../render/pdf/helpers.js";

describe.skipIf(!havePdftotext())("crm-maturity survey --platform paper (PDF form)", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    it(`numbers the questions and shows no item code (${lang})`, () => {
      const dir = tmp();
      const r = runCli([
        "survey",
        "--platform",
        "paper",
        "-q",
        QUESTIONNAIRE,
        "--lang",
        lang,
        "-o",
        dir,
      ]);
      expect(r.status, r.stderr).toBe(0);
      const raw = pdfText(readFileSync(path.join(dir, "paper-form.pdf"))).text;
      const text = squash(raw);
      const plan = planSurvey(questionnaire(), [lang]);
      expect(text).toContain(squash(messagesFor(lang).survey.roleQuestion));
      plan.items.forEach((item, i) => {
        expect(text).toContain(squash(`Q${i + 1} · ${item.text[lang]}`.slice(0, 30)));
      });
      // Read as printed, with its spaces: an item code squashes a question's words together.
      for (const code of [plan.roleCode, ...plan.items.map((i) => i.code)])
        expect(raw).not.toMatch(new RegExp(`\\b${code}\\b`));
      // The template's columns start with the numbers the form prints.
      const [header] = parse(
        readFileSync(path.join(dir, "paper-data-entry.csv"), "utf8"),
      ) as string[][];
      expect(header?.slice(0, 2)).toEqual(["respondent", "role"]);
      expect(header?.slice(2)).toEqual(plan.items.map((item, i) => `Q${i + 1} ${item.code}`));
    });
  }
});
