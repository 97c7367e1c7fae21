import type { Lang } from "./labels.js";

/** What the engagement README needs: the folder's name and the `-q` argument, if any. */
interface ReadmeParts {
  name: string;
  /** ` -q <file>` or empty. */
  q: string;
  /** The targets option every command takes. */
  t: string;
}

const README: Record<Lang, (p: ReadmeParts) => string> = {
  en: ({ name, q, t }) => `# CRM capability maturity assessment: ${name}

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
`,
  "zh-CN": ({ name, q, t }) => `# CRM 能力成熟度评估：${name}

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
`,
};

/** The engagement README `init` writes: what the files are and the next commands. */
export function engagementReadme(opts: {
  lang: Lang;
  name: string;
  q?: string | undefined;
}): string {
  return README[opts.lang]({
    name: opts.name,
    q: opts.q ? ` -q ${opts.q}` : "",
    t: "--targets targets.yaml",
  });
}
