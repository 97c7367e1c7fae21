import { Chalk } from "chalk";
import { escapeControls } from "../../core/text/controls.js";
import { displayWidth } from "../../core/text/width.js";
import {
  countSeverities,
  groupByPath,
  type PreparedIssue,
  plural,
  prepareIssues,
} from "./shared.js";
import type { Formatter } from "./types.js";

function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * ESLint-style output: issues under each file, columns `line:col  severity  message  code`
 * aligned per file, then a summary line. Colour only when `ctx.color` is set.
 */
export const formatStylish: Formatter = (issues, ctx) => {
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const prepared = prepareIssues(issues, ctx.cwd);
  if (prepared.length === 0) {
    return `${chalk.green("✔")} ${plural(ctx.filesChecked, "file")} checked, no problems\n`;
  }

  let out = "";
  for (const [file, group] of groupByPath(prepared)) {
    const rows = group.map((issue: PreparedIssue) => ({
      issue,
      position: `${issue.start.line}:${issue.start.column}`,
      lines: issue.message.split(/\r?\n/).map((line) => escapeControls(line)),
    }));
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const severityWidth = Math.max(...rows.map((r) => r.issue.severity.length));
    const messageWidth = Math.max(...rows.map((r) => displayWidth(r.lines[0] ?? "")));
    const indent = " ".repeat(2 + positionWidth + 2 + severityWidth + 2);

    out += `${chalk.underline(escapeControls(file))}\n`;
    for (const { issue, position, lines } of rows) {
      const severity = padEnd(issue.severity, severityWidth);
      const coloured = issue.severity === "error" ? chalk.red(severity) : chalk.yellow(severity);
      const [first = "", ...rest] = lines;
      out += `  ${chalk.dim(position.padEnd(positionWidth))}  ${coloured}  `;
      out += `${padEnd(first, messageWidth)}  ${chalk.dim(issue.code)}\n`;
      for (const line of rest) out += `${indent}${line}\n`;
    }
    out += "\n";
  }

  const { errors, warnings } = countSeverities(prepared);
  const summary = `✖ ${plural(prepared.length, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
  return `${out}${errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary)}\n`;
};
