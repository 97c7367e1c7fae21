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

/** The engagement README `init` writes: what the files are and the next commands. */
export function engagementReadme(opts: {
  lang: Lang;
  name: string;
  q?: string | undefined;
}): string {
  const q = opts.q ? ` -q ${opts.q}` : "";
  const t = "--targets targets.yaml";
  if (opts.lang === "zh-CN") {
    return `# CRM 能力成熟度评估：${opts.name}

本文件夹由 \`crm-maturity init\` 创建。

- \`answers.yaml\`：评估信息与受访者答卷（也可每次访谈一个文件，如 \`answers/ceo.yaml\`）。
- \`targets.yaml\`：与客户商定的各维度目标等级。

## 后续步骤

\`\`\`sh
# 1. 与受访者逐题访谈（每位受访者运行一次；可用 --resume 继续）
crm-maturity interview${q} -o answers.yaml --lang zh-CN

# 2. 评分：成熟度概况、差距、就绪度结论、风险与认知落差
crm-maturity score answers.yaml${q} ${t} --lang zh-CN

# 3. 差距报告（Markdown 或 PDF）
crm-maturity report answers.yaml${q} ${t} --lang zh-CN -o report.md

# 4. 分阶段路线图（僵化 → 优化 → 固化）
crm-maturity roadmap answers.yaml${q} ${t} -o roadmap.md
\`\`\`

保存评分结果（\`score --format json -o results.json\`），半年后复评时可用 \`crm-maturity compare\` 对比进展。
`;
  }
  return `# CRM capability maturity assessment: ${opts.name}

Created by \`crm-maturity init\`.

- \`answers.yaml\`: the assessment metadata and the respondents' answers (or one file per
  interview, e.g. \`answers/ceo.yaml\`).
- \`targets.yaml\`: the target level per dimension agreed with the client.

## Next steps

\`\`\`sh
# 1. Interview each respondent (run once per respondent; --resume continues)
crm-maturity interview${q} -o answers.yaml

# 2. Score: maturity profile, gaps, readiness verdict, risks and perception gaps
crm-maturity score answers.yaml${q} ${t}

# 3. The gap report (Markdown or PDF)
crm-maturity report answers.yaml${q} ${t} -o report.md

# 4. The phased roadmap (rigidify → optimise → solidify)
crm-maturity roadmap answers.yaml${q} ${t} -o roadmap.md
\`\`\`

Keep the scored results (\`score --format json -o results.json\`) to compare with a
reassessment later (\`crm-maturity compare\`).
`;
}
