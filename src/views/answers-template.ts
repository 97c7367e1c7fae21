import type { TemplatePlaceholders } from "../core/answers/placeholders.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { oneLine } from "../core/text/one-line.js";
import { fillPlaceholders } from "../core/text/placeholders.js";
import { type Lang, localize } from "../i18n/labels.js";

/** What the engagement templates need besides the questionnaire. */
export interface TemplateOptions {
  lang: Lang;
  /** `$schema` reference for the YAML language server (relative path or absolute path). */
  schemaRef: string;
  /** The assessment date to prefill, YYYY-MM-DD. */
  date: string;
}

const TEXT = {
  en: {
    answersIntro: [
      "Answers for the {title} ({id} {version}).",
      "Fill in the assessment below, then add one respondent per person interviewed, or let",
      "`crm-maturity interview -o answers.yaml` do it. Answer files may also be split, one per",
      "interview (answers/ceo.yaml, answers/sales-1.yaml, …); `score` merges them.",
      "An answer is 1-5, na (not applicable), unknown, or { value: 3, note: …, evidence: … }.",
    ],
    clientName: "Client name",
    industry: "Industry",
    size: "Number of employees, e.g. 200-500",
    assessor: "Your name",
    horizon: "planning horizon in months, for expectation risk",
    respondentIntro: [
      "Copy this block under `respondents:` (replacing `[]`) for each respondent and",
      "uncomment it. Questions a role is not asked say so; leave them out.",
    ],
    respondentName: "optional; leave out to keep answers anonymous",
    roles: "one of",
    only: "only",
    targetsIntro: [
      "Target maturity level per dimension (1-5) agreed with the client. They override the",
      "questionnaire's defaults: crm-maturity score answers.yaml --targets targets.yaml",
    ],
    defaultTarget: "default",
  },
  "zh-CN": {
    answersIntro: [
      "{title}（{id} {version}）答卷。",
      "请先填写下方的评估信息，再为每位受访者添加一个 respondent 块，",
      "或使用 `crm-maturity interview -o answers.yaml` 现场访谈录入。也可以每次访谈一个文件",
      "（answers/ceo.yaml、answers/sales-1.yaml……），`score` 会自动合并。",
      "答案可以是 1-5、na（不适用）、unknown（不清楚），或 { value: 3, note: …, evidence: … }。",
    ],
    clientName: "客户名称",
    industry: "所属行业",
    size: "员工人数，例如 200-500",
    assessor: "评估人姓名",
    horizon: "规划周期（月），用于判断期望值风险",
    respondentIntro: [
      "为每位受访者复制以下块，放到 `respondents:` 下（替换 `[]`）并取消注释。",
      "标注“仅限”的题目不向其他角色提问，可省略。",
    ],
    respondentName: "可选；不填则匿名",
    roles: "可选角色",
    only: "仅限",
    targetsIntro: [
      "与客户商定的各维度目标成熟度等级（1-5），将覆盖问卷默认值：",
      "crm-maturity score answers.yaml --targets targets.yaml",
    ],
    defaultTarget: "默认",
  },
} as const;

/**
 * What the answers template writes into each assessment field, in every language: a file still
 * carrying one of these was never filled in (`interview` asks for the field, reports refuse it).
 */
export const TEMPLATE_PLACEHOLDERS: TemplatePlaceholders = {
  name: Object.values(TEXT).map((t) => t.clientName),
  industry: Object.values(TEXT).map((t) => t.industry),
  size: Object.values(TEXT).map((t) => t.size),
  assessor: Object.values(TEXT).map((t) => t.assessor),
};

const comment = (lines: readonly string[], indent = "") =>
  lines.map((l) => `${indent}# ${l}`.trimEnd());

/** A YAML scalar that is safe to write unquoted only when it looks like plain text. */
function scalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ,.()/-]*$/u.test(text) && !/^\d+-\d+$/.test(text)
    ? text
    : JSON.stringify(text);
}

/** The answers template `init` writes: metadata to fill in and a commented respondent block. */
export function answersTemplate(q: Questionnaire, opts: TemplateOptions): string {
  const tx = TEXT[opts.lang];
  const vars = { title: localize(q.title, opts.lang), id: q.id, version: q.version };
  const roleIds = q.roles.map((r) => r.id);
  const idWidth = Math.max(...q.dimensions.flatMap((d) => d.questions.map((x) => x.id.length)), 8);
  const lines = [
    `# yaml-language-server: $schema=${opts.schemaRef}`,
    ...comment(tx.answersIntro.map((l) => fillPlaceholders(l, vars))),
    "",
    "assessment:",
    "  client:",
    `    name: ${scalar(tx.clientName)}`,
    `    industry: ${scalar(tx.industry)}`,
    `    size: ${scalar(tx.size)}`,
    `  date: ${opts.date}`,
    `  assessor: ${scalar(tx.assessor)}`,
    "  questionnaire:",
    `    id: ${q.id}`,
    `    version: ${scalar(q.version)}`,
    `  horizonMonths: 12  # ${tx.horizon}`,
    "",
    "respondents: []",
    "",
    ...comment(tx.respondentIntro),
    "#",
    "#  - id: r1",
    `#    name: Jane Doe  # ${tx.respondentName}`,
    `#    role: ${roleIds[0] ?? "executive"}  # ${tx.roles}: ${roleIds.join(" | ")}`,
    "#    answers:",
  ];
  for (const d of q.dimensions) {
    lines.push(`#      # ${d.id}: ${localize(d.title, opts.lang)}`);
    for (const question of d.questions) {
      const only = question.roles ? ` [${tx.only}: ${question.roles.join(", ")}]` : "";
      const text = oneLine(localize(question.text, opts.lang), 72);
      lines.push(`#      ${`${question.id}:`.padEnd(idWidth + 1)}   # ${text}${only}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The targets template `init` writes: every dimension at its default target. */
export function targetsTemplate(q: Questionnaire, opts: Omit<TemplateOptions, "date">): string {
  const tx = TEXT[opts.lang];
  const width = Math.max(...q.dimensions.map((d) => d.id.length));
  const lines = [
    `# yaml-language-server: $schema=${opts.schemaRef}`,
    ...comment(tx.targetsIntro),
    "",
    "targets:",
    ...q.dimensions.map(
      (d) =>
        `  ${`${d.id}:`.padEnd(width + 1)} ${d.target}  # ${localize(d.title, opts.lang)} (${tx.defaultTarget} ${d.target})`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
