import { InputError } from "../core/diagnostics/errors.js";
import type { Issue } from "../core/diagnostics/issue.js";

/** Prints located issues to standard error as `file:line:col  severity  message  (code)`. */
export function printIssues(issues: readonly Issue[]): void {
  for (const i of issues) {
    process.stderr.write(
      `${i.file}:${i.start.line}:${i.start.column}  ${i.severity}  ${i.message}  (${i.code})\n`,
    );
  }
}

/** Stops the command on invalid input: `<what>: N errors; nothing was scored` (exit 1). */
export function failWithIssues(what: string, issues: Issue[]): never {
  const errors = issues.filter((i) => i.severity === "error").length;
  throw new InputError(
    `${what}: ${errors} error${errors === 1 ? "" : "s"}; nothing was scored`,
    issues,
  );
}
