// The paper form as a Word document, for a consultant who adds a logo or an introduction before
// printing: the same content as the PDF form (paper-pdf.ts) — the respondent number line, the role
// question, then every question with its number (Q1, Q2, …) and a tick box (☐) per option
// labelled with the option code keyed into the data-entry template. Written with the reports' Word setup
// (render/docx: styles, fixed properties and zip timestamps), so the bytes are deterministic.
import { Paragraph, TextRun } from "docx";
import type { Lang } from "../../core/models/languages.js";
import { xmlSafe } from "../../core/text/xml.js";
import { messagesFor } from "../../i18n/index.js";
import { writeDocx } from "../../render/docx/document.js";
import { runLanguage, STYLE } from "../../render/docx/styles.js";
import type { SurveyPlan } from "./plan.js";
import { questionTitles } from "./question-keys.js";

/** The tick box before each option. */
export const TICK_BOX = "\u2610";

/** Renders the paper form as an A4 Word document (byte-identical for the same plan). */
export async function renderPaperFormDocx(plan: SurveyPlan): Promise<Uint8Array> {
  const lang = plan.langs[0] as Lang;
  const titles = questionTitles(plan, lang);
  const m = messagesFor(lang);
  const language = runLanguage(lang);
  const q = plan.questionnaire;
  const title = q.title[lang] ?? q.id;
  const run = (text: string, extra: { bold?: boolean; size?: number } = {}) =>
    new TextRun({ text: xmlSafe(text), language, ...extra });

  const body: Paragraph[] = [
    new Paragraph({ style: STYLE.h1, children: [run(title)] }),
    new Paragraph({ children: [run(m.survey.paperInstructions)] }),
    new Paragraph({
      spacing: { before: 120, after: 240 },
      children: [run(`${m.survey.paperRespondent}: ____________________`, { bold: true })],
    }),
  ];
  // One question: its heading kept with its options, each option a tick box and its code.
  const block = (heading: string, options: { code: string; text: string }[]) => {
    body.push(
      new Paragraph({
        keepNext: true,
        keepLines: true,
        spacing: { before: 200, after: 80 },
        children: [run(heading, { bold: true })],
      }),
      ...options.map(
        (o, i) =>
          new Paragraph({
            keepNext: i < options.length - 1,
            keepLines: true,
            spacing: { after: 40 },
            indent: { left: 680, hanging: 680 },
            children: [run(`${TICK_BOX}  ${o.code}\t${o.text}`)],
            tabStops: [{ type: "left", position: 680 }],
          }),
      ),
    );
  };
  block(
    plan.roleText[lang] ?? "",
    plan.roles.map((r) => ({ code: r.code, text: r.text[lang] ?? r.role })),
  );
  for (const dimension of q.dimensions) {
    body.push(
      new Paragraph({ style: STYLE.h2, children: [run(dimension.title[lang] ?? dimension.id)] }),
    );
    for (const item of plan.items.filter((i) => i.dimension === dimension)) {
      block(
        titles.get(item) as string,
        item.options.map((o) => ({ code: o.code, text: o.text[lang] ?? "" })),
      );
    }
  }
  return writeDocx({
    lang,
    title,
    subject: m.survey.paperInstructions,
    creator: "crm-maturity",
    keywords: `${q.id} ${q.version}`,
    // A fixed date: the form depends on the questionnaire only, never on the day it is printed.
    date: "2000-01-01",
    header: title,
    footer: `${q.id} ${q.version}`,
    pageNumber: m.report.pageNumber,
    cover: [],
    contents: null,
    body,
  });
}
