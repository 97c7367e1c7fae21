import type { Writable } from "node:stream";
import { InputError } from "../core/diagnostics/errors.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { escapeControls } from "../core/text/controls.js";

/** Prints located issues as `file:line:col  severity  message  (code)`, control characters made visible. */
export function printIssues(issues: readonly Issue[], stderr: Writable): void {
  for (const i of issues) {
    stderr.write(
      `${escapeControls(i.file)}:${i.start.line}:${i.start.column}  ${i.severity}  ${escapeControls(i.message)}  (${i.code})\n`,
    );
  }
}

/**
 * Stops the command on invalid input (exit 1): `<what>: N errors; nothing was scored`, or the
 * sentence `said` makes of the number of errors (a command's words in its `--lang`).
 */
export function failWithIssues(
  what: string | ((errors: number) => string),
  issues: Issue[],
): never {
  const errors = issues.filter((i) => i.severity === "error").length;
  throw new InputError(
    typeof what === "string"
      ? `${what}: ${errors} error${errors === 1 ? "" : "s"}; nothing was scored`
      : what(errors),
    issues,
  );
}
