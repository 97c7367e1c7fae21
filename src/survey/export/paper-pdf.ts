// The printable paper form: the role question and every question, numbered Q1, Q2, … (never its
// item code), with tick boxes, each box labelled with the option code keyed into the data-entry
// template. Drawn with the report's PDF layer
// (Writer, fonts, text cleaning), so Chinese needs the same font as a Chinese report.

import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import { openPdf } from "../../render/pdf/document.js";
import { COLOR, SIZE } from "../../render/pdf/theme.js";
import type { SurveyPlan } from "./plan.js";
import { questionTitles } from "./question-keys.js";

const BOX = 8;
const OPTION_INDENT = 18;

/** Every text the form shows, for choosing a font that can show them. */
function texts(plan: SurveyPlan, lang: Lang): string[] {
  const l = messagesFor(lang).survey;
  return [
    plan.questionnaire.title[lang] ?? "",
    l.paperInstructions,
    l.paperRespondent,
    plan.roleText[lang] ?? "",
    ...plan.roles.map((r) => `${r.code} ${r.text[lang] ?? ""}`),
    ...plan.questionnaire.dimensions.map((d) => d.title[lang] ?? ""),
    ...[...questionTitles(plan, lang)].flatMap(([i, title]) => [
      title,
      ...i.options.map((o) => `${o.code} ${o.text[lang] ?? ""}`),
    ]),
    "Q0123456789.·",
  ];
}

/** Renders the paper form as an A4 PDF (byte-identical for the same plan). */
export async function renderPaperForm(
  plan: SurveyPlan,
  opts: { fontPath?: string } = {},
): Promise<Uint8Array> {
  const lang = plan.langs[0] as Lang;
  const titles = questionTitles(plan, lang);
  const l = messagesFor(lang).survey;
  const codePoints = new Set<number>();
  for (const t of texts(plan, lang))
    for (const ch of t) codePoints.add(ch.codePointAt(0) as number);
  const title = plan.questionnaire.title[lang] ?? plan.questionnaire.id;
  // A fixed date: the form depends on the questionnaire only, never on the day it is printed.
  const { w, finish } = await openPdf({
    lang,
    codePoints,
    fontPath: opts.fontPath,
    info: {
      title,
      author: "",
      subject: "",
      keywords: `${plan.questionnaire.id} ${plan.questionnaire.version}`,
      date: "2000-01-01",
    },
  });
  const doc = w.doc;
  const body = { size: SIZE.body, lineGap: w.bodyGap };
  const bold = { ...body, style: "bold" as const };

  const block = (heading: string, options: { code: string; text: string }[]) => {
    const width = w.width - OPTION_INDENT;
    const heights = options.map((o) =>
      Math.max(BOX + 2, w.measure(`${o.code}  ${o.text}`, width, body)),
    );
    const total =
      w.measure(heading, w.width, bold) + 4 + heights.reduce((a, b) => a + b + 3, 0) + 8;
    w.ensure(total);
    w.y += w.draw(heading, w.left, w.y, w.width, bold) + 4;
    options.forEach((o, i) => {
      const y = w.y;
      doc
        .rect(w.left + 2, y + 1.5, BOX, BOX)
        .lineWidth(0.7)
        .strokeColor(COLOR.ink)
        .stroke();
      w.draw(`${o.code}  ${o.text}`, w.left + OPTION_INDENT, y, width, body);
      w.y = y + (heights[i] as number) + 3;
    });
    w.y += 8;
    w.blankPage = false;
  };

  w.y +=
    w.draw(title, w.left, w.y, w.width, { size: SIZE.h1, style: "bold", color: COLOR.accent }) + 8;
  w.y += w.draw(l.paperInstructions, w.left, w.y, w.width, { ...body, color: COLOR.muted }) + 10;
  w.y += w.draw(`${l.paperRespondent}: ____________________`, w.left, w.y, w.width, bold) + 12;
  block(
    plan.roleText[lang] ?? "",
    plan.roles.map((r) => ({ code: r.code, text: r.text[lang] ?? r.role })),
  );
  for (const dimension of plan.questionnaire.dimensions) {
    w.ensure(80);
    w.y +=
      w.draw(dimension.title[lang] ?? dimension.id, w.left, w.y, w.width, {
        size: SIZE.h2,
        style: "bold",
        color: COLOR.accent,
      }) + 6;
    for (const item of plan.items.filter((i) => i.dimension === dimension)) {
      block(
        titles.get(item) as string,
        item.options.map((o) => ({ code: o.code, text: o.text[lang] ?? "" })),
      );
    }
  }
  return finish();
}
