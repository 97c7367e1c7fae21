// 问卷星 (wjx.cn) text import (创建问卷 → 文本导入): the title, then each question as a numbered
// line ending in its type tag followed by one option per line, a blank line between questions.
// Level questions and the role question are 单选题; every Likert item is 量表题, reverse-scored
// ones included. 问卷星's text import also has 反向量表题 (a scale whose option scores run from the
// number of options down to 1), but no source found says whether its 按选项序号 download then writes
// the option's position or that reversed score; if the score, `batch`, which applies the
// questionnaire's `reverse` itself, would reverse those items twice. A plain 量表题 scores its
// options 1 … n in order, so position and score are the same digit and the export reads right
// either way (see docs/survey.md). 问卷星 numbers questions itself and exports them as `N、题目`
// after six columns of its own (序号 … 来自IP), so the mapping finds each question by position.
// Options export as their text or their number (1–5, then 6 "does not apply", 7 "don't know");
// both are mapped.
import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import {
  ambiguousOptions,
  type ExportLayout,
  lineProblems,
  missingTexts,
  optionTextLabels,
  type SurveyItem,
  type SurveyPlan,
  type SurveyProblem,
} from "./plan.js";
import { rolesNote } from "./roles-note.js";
import type { SurveyFile } from "./types.js";

/** 问卷星's own columns before the first question in its export. */
export const WJX_METADATA = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"];

const oneLine = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

const SINGLE_CHOICE = "[单选题]";
/** 问卷星's scale tag, for every Likert item (never 反向量表题: see the note at the top). */
export const SCALE = "[量表题]";

/** The type tag of an item's question line. */
export function typeTag(item: SurveyItem): string {
  return item.question.type === "likert" ? SCALE : SINGLE_CHOICE;
}

export function check(plan: SurveyPlan): SurveyProblem[] {
  // A scale tag `[…题]`.
  return [
    ...missingTexts(plan),
    ...ambiguousOptions(plan),
    ...lineProblems(plan, /\[[^\]]*\u9898\]/),
  ];
}

export function files(plan: SurveyPlan): SurveyFile[] {
  const lang = plan.langs[0] as Lang;
  const out = [oneLine(plan.questionnaire.title[lang]), messagesFor(lang).survey.intro, ""];
  let n = 0;
  const question = (text: string, options: string[], tag = SINGLE_CHOICE) => {
    out.push(`${++n}.${text}${tag}`, ...options.map(oneLine), "");
  };
  question(
    oneLine(plan.roleText[lang]),
    plan.roles.map((r) => r.text[lang] ?? r.role),
  );
  for (const item of plan.items) {
    question(
      `${oneLine(item.text[lang])}${rolesNote(plan, item, lang)}`,
      item.options.map((o) => o.text[lang] ?? o.code),
      typeTag(item),
    );
  }
  return [{ name: "wjx-import.txt", data: `${out.join("\n")}\n` }];
}

export function layout(plan: SurveyPlan): ExportLayout {
  const first = WJX_METADATA.length + 1;
  return {
    preset: "wjx",
    idColumn: "序号",
    roleColumn: `#${first}`,
    column: (item) => `#${first + 1 + plan.items.indexOf(item)}`,
    roleValues: (r) => [String(plan.roles.indexOf(r) + 1)],
    labels: { "6": "na", "7": "unknown", ...optionTextLabels(plan) },
  };
}
