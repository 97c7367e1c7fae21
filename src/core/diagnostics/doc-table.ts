import { ISSUE_RULES } from "./codes.js";
import { INPUT_ISSUE_CODES, type IssueCode, QUESTIONNAIRE_ISSUE_CODES } from "./issue.js";

const table = (codes: readonly IssueCode[]) =>
  [
    "| code | default severity | meaning and fix |",
    "| --- | --- | --- |",
    ...codes.map((c) => {
      const r = ISSUE_RULES[c];
      return `| \`${c}\` | ${r.severity} | ${r.summary} ${r.help} |`;
    }),
  ].join("\n");

/** The Markdown tables of issue codes that docs/validate.md embeds. */
export function issueCodeTables(): string {
  return `### Questionnaire files (\`validate\`)

${table(QUESTIONNAIRE_ISSUE_CODES)}

### Answer, targets and mapping files (\`score\`, \`report\`, \`batch\`, …)

${table(INPUT_ISSUE_CODES)}
`;
}
