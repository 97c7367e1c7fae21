import { countSeverities, prepareIssues } from "./shared.js";
import type { Formatter } from "./types.js";

/**
 * Machine-readable report, stable across releases: bump `version` on any incompatible change.
 * `file` is relative to the working directory, with forward slashes.
 */
export const formatJson: Formatter = (issues, ctx) => {
  const prepared = prepareIssues(issues, ctx.cwd);
  const report = {
    version: 1,
    summary: { files: ctx.filesChecked, ...countSeverities(prepared) },
    issues: prepared.map((issue) => ({
      code: issue.code,
      severity: issue.severity,
      message: issue.message,
      file: issue.path,
      start: { line: issue.start.line, column: issue.start.column },
      end: { line: issue.end.line, column: issue.end.column },
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
