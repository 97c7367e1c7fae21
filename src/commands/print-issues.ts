import type { Issue } from "../validate/types.js";

/** Prints located issues to standard error as `file:line:col  severity  message  (code)`. */
export function printIssues(issues: readonly Issue[]): void {
  for (const i of issues) {
    process.stderr.write(
      `${i.file}:${i.start.line}:${i.start.column}  ${i.severity}  ${i.message}  (${i.code})\n`,
    );
  }
}
