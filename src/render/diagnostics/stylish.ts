import { Chalk } from "chalk";
import { escapeControls } from "../../core/text/controls.js";
import { displayWidth } from "../../core/text/width.js";
import { wrapLines } from "../../core/text/wrap.js";
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

/** Below this many columns beside the code, a message wraps under its line with the code after it. */
const MIN_MESSAGE = 30;

/**
 * ESLint-style output: issues under each file, columns `line:col  severity  message  code`
 * aligned per file, then a summary line. Messages wrap to fit `ctx.width` columns (file paths stay
 * whole, to be copied); where the width leaves a message too little room beside its code, the
 * code goes on a line of its own after it. Colour only when `ctx.color` is set.
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
    const codeWidth = Math.max(...rows.map((r) => r.issue.code.length));
    const indent = " ".repeat(2 + positionWidth + 2 + severityWidth + 2);
    const natural = Math.max(...rows.flatMap((r) => r.lines.map((l) => displayWidth(l))));
    const beside = ctx.width - indent.length - 2 - codeWidth;
    const room = Math.min(natural, beside >= MIN_MESSAGE ? beside : ctx.width - indent.length);
    const wrapped = rows.map((r) => ({ ...r, lines: r.lines.flatMap((l) => wrapLines(l, room)) }));
    const messageWidth = Math.max(...wrapped.map((r) => displayWidth(r.lines[0] ?? "")));

    out += `${chalk.underline(escapeControls(file))}\n`;
    for (const { issue, position, lines } of wrapped) {
      const severity = padEnd(issue.severity, severityWidth);
      const coloured = issue.severity === "error" ? chalk.red(severity) : chalk.yellow(severity);
      const [first = "", ...rest] = lines;
      out += `  ${chalk.dim(position.padEnd(positionWidth))}  ${coloured}  `;
      if (beside >= MIN_MESSAGE) {
        out += `${padEnd(first, messageWidth)}  ${chalk.dim(issue.code)}\n`;
        for (const line of rest) out += `${indent}${line}\n`;
      } else {
        out += `${first}\n`;
        for (const line of [...rest, chalk.dim(issue.code)]) out += `${indent}${line}\n`;
      }
    }
    out += "\n";
  }

  const { errors, warnings } = countSeverities(prepared);
  const summary = `✖ ${plural(prepared.length, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
  return `${out}${errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary)}\n`;
};
