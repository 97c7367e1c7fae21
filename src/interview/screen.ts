import type { ChalkInstance } from "chalk";
import { type AnswerScalar, type AnswerValue, answerScalarOf } from "../core/answers/schema.js";
import type { Lang } from "../core/models/languages.js";
import type { Question } from "../core/questionnaire/schema.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { displayWidth } from "../core/text/width.js";
import { wrapLines } from "../core/text/wrap.js";
import { localize } from "../i18n/format.js";
import { messagesFor } from "../i18n/index.js";
import type { SelectItem } from "../io/prompts.js";
import { packItems, span } from "../render/terminal/text.js";
import type { PlannedQuestion } from "./plan.js";

/** What the user can pick at a question: a value, or a move. */
export type AnswerChoice = `${number}` | "na" | "unknown" | "back" | "skip" | "quit";

/** Text wider than this is hard to read even on a wide terminal. */
const MAX_WIDTH = 100;

/**
 * Wraps text to `width` columns (`restWidth` after the first line; both at least 20), breaking
 * Latin text at spaces and CJK text between any two characters.
 */
export function wrap(text: string, width: number, restWidth = width): string[] {
  return wrapLines(text, Math.max(20, width), Math.max(20, restWidth));
}

/** Wraps text with a first-line label and a hanging indent: `  Label  text…`. */
function labelled(label: string, text: string, width: number, labelWidth: number): string[] {
  const pad = " ".repeat(2 + labelWidth + 2);
  const body = wrap(text, width - pad.length);
  return body.map((line, i) =>
    i === 0
      ? `  ${label}${" ".repeat(labelWidth - displayWidth(label))}  ${line}`
      : `${pad}${line}`,
  );
}

/** The usable text width for a terminal of `columns`. */
export const textWidth = (columns: number): number =>
  Math.min(MAX_WIDTH, Math.max(40, columns) - 2);

/** The heading printed when the interview enters a dimension. */
export function dimensionHeading(
  item: PlannedQuestion,
  lang: Lang,
  c: ChalkInstance,
  columns: number,
): string {
  const l = messagesFor(lang).interview;
  const width = textWidth(columns);
  const title = `${l.dimension(item.dimensionIndex + 1, item.dimensionCount)} · ${localize(item.dimension.title, lang)}`;
  // "━━ " before the title and at least " ━━━" after its last line.
  const titleLines = wrap(title, width - 7);
  const last = titleLines.length - 1;
  const lines = titleLines
    .map((line, i) =>
      i === last
        ? `━━ ${line} ${"━".repeat(Math.max(3, width - displayWidth(line) - 4))}`
        : `━━ ${line}`,
    )
    .map((line) => c.bold.cyan(line));
  const description = localize(item.dimension.description, lang);
  if (description) lines.push(...wrap(description, width).map((line) => c.dim(line)));
  return `\n${lines.join("\n")}`;
}

/** A progress bar of `width` cells for `done` of `total`. */
function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${"■".repeat(filled)}${"·".repeat(width - filled)}`;
}

/** How an answer is shown to the user: `3 Defined`, `N/A`, `unknown`, `4 Agree`. */
export function describeAnswer(
  value: AnswerScalar,
  question: Pick<Question, "type">,
  questionnaire: Questionnaire,
  lang: Lang,
): string {
  const l = messagesFor(lang).interview;
  if (value === "na") return l.naShort;
  if (value === "unknown") return l.unknownShort;
  if (question.type === "likert") return `${value} ${l.likert[value - 1] ?? ""}`.trimEnd();
  const level = questionnaire.scale.find((s) => s.level === value);
  return level ? `${value} ${localize(level.name, lang)}` : String(value);
}

/** The block printed above a question's choices: progress, the question, help and evidence. */
export function questionBlock(
  item: PlannedQuestion,
  answer: AnswerValue | undefined,
  answeredCount: number,
  questionnaire: Questionnaire,
  lang: Lang,
  c: ChalkInstance,
  columns: number,
): string {
  const l = messagesFor(lang).interview;
  const width = textWidth(columns);
  const { question } = item;
  const progress = [
    l.question(item.index + 1, item.total),
    l.dimension(item.dimensionIndex + 1, item.dimensionCount),
  ].join(" · ");
  const tags = [[span(question.id, c.dim)]];
  if (question.critical) tags.push([span(l.critical, c.yellow)]);
  if (answer !== undefined) {
    const current = describeAnswer(answerScalarOf(answer), question, questionnaire, lang);
    tags.push([span(l.current(current), c.green)]);
  }
  const bar = progressBar(answeredCount, item.total);
  const lines = [
    "",
    ...packItems([[span(progress, c.bold)], [span(bar, c.dim)]], width, span("  ")),
    ...packItems(tags, width, span(" · ", c.dim)),
    // On its own line: next to the id and the critical tag it would overflow 80 columns.
    ...(question.kind === "fact" ? wrap(l.fact, width).map((line) => c.cyan(line)) : []),
    ...wrap(localize(question.text, lang), width).map((line) => c.bold(line)),
  ];
  const help = localize(question.help, lang);
  const evidence = localize(question.evidence, lang);
  const labelWidth = Math.max(displayWidth(l.help), displayWidth(l.evidence));
  if (help) lines.push(...labelled(l.help, help, width, labelWidth).map((line) => c.dim(line)));
  if (evidence) {
    lines.push(...labelled(l.evidence, evidence, width, labelWidth).map((line) => c.dim(line)));
  }
  return lines.join("\n");
}

/**
 * The choices of a question: the level anchors (named after the scale's levels) or the five
 * agreement labels, then N/A, unknown, back, skip the rest of the dimension and save-and-quit.
 * Numbers come first in each level's name so typing the level's digit jumps to it.
 */
export function answerChoices(
  item: PlannedQuestion,
  questionnaire: Questionnaire,
  lang: Lang,
  columns: number,
  canGoBack: boolean,
): { choices: SelectItem<AnswerChoice>[]; lines: number } {
  const l = messagesFor(lang).interview;
  // The list is drawn after a two-column cursor ("❯ ").
  const width = textWidth(columns) - 2;
  const choices: SelectItem<AnswerChoice>[] = [];
  let lines = 0;
  const levels = [...questionnaire.scale].sort((a, b) => a.level - b.level);
  for (const level of levels) {
    const value = `${level.level}` as const;
    const name =
      item.question.type === "likert"
        ? (l.likert[level.level - 1] ?? "")
        : localize(level.name, lang);
    const short = `${level.level} ${name}`;
    const anchor =
      item.question.type === "level" ? localize(item.question.levels?.[value], lang) : "";
    const text = anchor ? `${short} · ${anchor}` : short;
    // Continuation lines start under the level's name: past the list's cursor ("❯ ") and "N ".
    const indent = " ".repeat(2 + displayWidth(`${level.level} `));
    const wrapped = wrap(text, width, width + 2 - indent.length).map((line, i) =>
      i === 0 ? line : `${indent}${line}`,
    );
    lines += wrapped.length;
    choices.push({ value, name: wrapped.join("\n"), short });
  }
  choices.push({ separator: "──────" });
  choices.push({ value: "na", name: l.na, short: l.naShort });
  choices.push({ value: "unknown", name: l.unknown, short: l.unknownShort });
  choices.push({ separator: "──────" });
  choices.push(
    canGoBack
      ? { value: "back", name: l.back, short: l.back }
      : { value: "back", name: l.backFirst, disabled: true },
  );
  choices.push({ value: "skip", name: l.skipRest, short: l.skipRest });
  choices.push({ value: "quit", name: l.saveQuit, short: l.saveQuit });
  return { choices, lines: lines + 7 };
}
