// End to end (the built CLI): the paper form as a Word document. LibreOffice opens and prints it,
// and the printed text shows the role question and every question with its number (never its item
// code), option codes and tick boxes, in English and in Chinese; the bytes are the same from run to run; the data-entry
// template and the mapping are those of the PDF form.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/index.js";
import { planSurvey } from "../../src/survey/export/plan.js";
import { QUESTIONNAIRE, questionnaire, tmp } from "../batch/helpers.js";
import { hasStackTrace, runCli } from "../helpers/cli.js";
import { officeToText, packageParts } from "../helpers/ooxml.js";
import { squash } from "../render/pdf/helpers.js";

const survey = (dir: string, ...args: string[]) =>
  runCli(["survey", "--platform", "paper", "-q", QUESTIONNAIRE, "-o", dir, ...args]);

describe("crm-maturity survey --platform paper --format docx", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    it(`prints every question with its number, option codes and tick boxes (${lang})`, () => {
      const dir = tmp();
      const r = survey(dir, "--format", "docx", "--lang", lang);
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(dir).sort()).toEqual([
        "paper-data-entry.csv",
        "paper-form.docx",
        "paper-mapping.yaml",
      ]);
      const raw = officeToText(readFileSync(path.join(dir, "paper-form.docx")), "docx");
      const printed = squash(raw);
      // One tick box per option of every question and per role; pdftotext may give a box
      // before or after its code (the box's glyph can come from another font), so the texts are
      // compared without the boxes.
      const text = printed.replaceAll("☐", "");
      const plan = planSurvey(questionnaire(), [lang]);
      const s = messagesFor(lang).survey;
      expect(text).toContain(squash(s.roleQuestion));
      expect(text).toContain(squash(s.paperRespondent));
      for (const role of plan.roles)
        expect(text).toContain(squash(`${role.code}${role.text[lang]}`));
      plan.items.forEach((item, i) => {
        expect(text).toContain(squash(`Q${i + 1} · ${item.text[lang]}`));
        for (const o of item.options) expect(text).toContain(squash(`${o.code}${o.text[lang]}`));
      });
      // The respondent never sees an item code, nor the role question's (read as printed, with
      // its spaces: an item code squashes a question's words together).
      for (const code of [plan.roleCode, ...plan.items.map((i) => i.code)])
        expect(raw).not.toMatch(new RegExp(`\\b${code}\\b`));
      expect(printed.split("☐").length - 1).toBe(plan.items.length * 7 + plan.roles.length);
    });
  }

  it("is byte-identical from run to run, with the PDF form's template and mapping", async () => {
    const a = tmp();
    const b = tmp();
    const pdf = tmp();
    for (const dir of [a, b]) expect(survey(dir, "--format", "docx").status).toBe(0);
    expect(survey(pdf).status).toBe(0);
    const docx = readFileSync(path.join(a, "paper-form.docx"));
    expect(docx.equals(readFileSync(path.join(b, "paper-form.docx")))).toBe(true);
    for (const f of ["paper-data-entry.csv", "paper-mapping.yaml"])
      expect(readFileSync(path.join(a, f), "utf8")).toBe(readFileSync(path.join(pdf, f), "utf8"));
    // A real Word package: the language of the text is set for Word's proofing and fonts.
    const parts = await packageParts(docx);
    expect(parts.get("word/document.xml")).toMatch(/<w:lang w:val="en-GB" w:eastAsia="zh-CN"\/>/);
    expect(parts.get("docProps/core.xml")).toContain("2000-01-01");
  });

  it("a format the platform lacks is a usage error (exit 2), without a stack trace", () => {
    const dir = tmp();
    const r = survey(dir, "--format", "qsf");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format qsf: a paper survey is written as pdf or docx/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
