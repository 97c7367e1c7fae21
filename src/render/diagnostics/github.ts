import { prepareIssues } from "./shared.js";
import type { Formatter } from "./types.js";

// Same escaping as @actions/core (packages/core/src/command.ts).

/** Escapes a workflow command's message. */
export function escapeData(s: string): string {
  return s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Escapes a workflow command's property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/**
 * GitHub Actions workflow commands (`::error file=…::message`), one line per issue, which the
 * runner turns into annotations. Paths are relative to `ctx.cwd`, which should be the checkout.
 */
export const formatGithub: Formatter = (issues, ctx) =>
  prepareIssues(issues, ctx.cwd)
    .map((issue) => {
      const properties = [
        `file=${escapeProperty(issue.path)}`,
        `line=${issue.start.line}`,
        `col=${issue.start.column}`,
        `endLine=${issue.end.line}`,
        `endColumn=${issue.end.column}`,
        `title=${escapeProperty(issue.code)}`,
      ].join(",");
      return `::${issue.severity} ${properties}::${escapeData(issue.message)}\n`;
    })
    .join("");
