import path from "node:path";
import type { Issue, Position } from "../../core/diagnostics/issue.js";
import { compareText } from "../../core/text/compare.js";

/** An issue prepared for output: path relative to the working directory, positions checked. */
export interface PreparedIssue extends Issue {
  /** The issue's file relative to `cwd`, with forward slashes (`../` when outside it). */
  path: string;
}

/** Shows `file` relative to `cwd` with forward slashes, whichever form the issue carried. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative === "") return ".";
  return relative.split(path.sep).join("/");
}

// A total order over every field a formatter prints, so any input order gives the same output.
function compareIssues(a: PreparedIssue, b: PreparedIssue): number {
  return (
    compareText(a.path, b.path) ||
    a.start.line - b.start.line ||
    a.start.column - b.start.column ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message) ||
    compareText(a.severity, b.severity) ||
    a.end.line - b.end.line ||
    a.end.column - b.end.column
  );
}

function toOneBased(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

// Positions are 1-based by contract; clamp bad values rather than emit an invalid report.
function checkRange(start: Position, end: Position): { start: Position; end: Position } {
  const s = { line: toOneBased(start.line), column: toOneBased(start.column) };
  const e = { line: toOneBased(end.line), column: toOneBased(end.column) };
  if (e.line < s.line || (e.line === s.line && e.column < s.column)) return { start: s, end: s };
  return { start: s, end: e };
}

/** Relativises paths, checks positions and sorts by file, line, column, code and message. */
export function prepareIssues(issues: readonly Issue[], cwd: string): PreparedIssue[] {
  return issues
    .map((issue) => ({
      code: issue.code,
      severity: issue.severity,
      message: issue.message,
      file: issue.file,
      path: displayPath(issue.file, cwd),
      ...checkRange(issue.start, issue.end),
    }))
    .sort(compareIssues);
}

/** Groups sorted issues by path, keeping their order. */
export function groupByPath(issues: readonly PreparedIssue[]): Map<string, PreparedIssue[]> {
  const groups = new Map<string, PreparedIssue[]>();
  for (const issue of issues) {
    const group = groups.get(issue.path);
    if (group) group.push(issue);
    else groups.set(issue.path, [issue]);
  }
  return groups;
}

/** Counts errors and warnings. */
export function countSeverities(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}

/** `1 error`, `2 errors`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
