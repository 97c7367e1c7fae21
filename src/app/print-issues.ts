import type { Writable } from "node:stream";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { escapeControls } from "../core/text/controls.js";
import { messageLines, type StderrLayout } from "../render/terminal/messages.js";
import { type Env, stderrWidth } from "./env.js";

/**
 * Prints located issues as `file:line:col  severity  message  (code)`, control characters made
 * visible; laid out by `layout` at a terminal (see messageLines), the location first.
 */
export function printIssues(
  issues: readonly Issue[],
  stderr: Writable,
  layout?: StderrLayout,
): void {
  for (const i of issues) {
    const at = `${escapeControls(i.file)}:${i.start.line}:${i.start.column}`;
    const line = `${at}  ${i.severity}  ${escapeControls(i.message)}  (${i.code})`;
    const lines = messageLines(line, layout && { ...layout, whole: [...layout.whole, at] });
    stderr.write(`${lines.join("\n")}\n`);
  }
}

/**
 * Prints a message on standard error: one line as it is when piped, laid out by `layout` at a
 * terminal (see messageLines).
 */
export function printMessage(message: string, stderr: Writable, layout?: StderrLayout): void {
  stderr.write(`${messageLines(message, layout).join("\n")}\n`);
}

/** Line feeds are kept: some messages list their advice on lines of their own. */
const LINES = { keepLines: true } as const;

/**
 * Prints why a command stopped: a usage error (`crm-maturity: error: …`), or invalid input, its
 * located issues first; laid out by `layout` at a terminal (see messageLines).
 */
export function printFailure(
  err: UsageError | InputError,
  stderr: Writable,
  layout?: StderrLayout,
): void {
  if (err instanceof UsageError) {
    printMessage(`crm-maturity: error: ${escapeControls(err.message, LINES)}`, stderr, layout);
    return;
  }
  if (err.issues.length) printIssues(err.issues, stderr, layout);
  printMessage(`crm-maturity: ${escapeControls(err.message, LINES)}`, stderr, layout);
}

/**
 * How a command's messages are laid out on standard error (see messageLines): in its width when
 * it is a terminal, never breaking inside one of `whole` (the paths and values the command was
 * given); undefined when it is not a terminal.
 */
export function stderrLayout(
  e: Env,
  whole: readonly (string | undefined)[],
): StderrLayout | undefined {
  const width = stderrWidth(e);
  return width ? { width, whole: whole.filter((w): w is string => !!w) } : undefined;
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
