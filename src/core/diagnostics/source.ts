import type { Issue, IssueCode, IssueSeverity, Position } from "./issue.js";

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed YAML (or JSON) file that can map data paths back to line:column ranges. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path shown to the user. */
  display: string;
  /** The plain JavaScript value, or undefined when the file could not be parsed. */
  value: unknown;
  /** Resolves a data path to a range; `key: true` points at the mapping key instead of the value. */
  locate(path: YamlPath, opts?: { key?: boolean }): { start: Position; end: Position };
}

/** Builds an issue in a file; shared by every loader. */
export function makeIssue(
  code: IssueCode,
  message: string,
  file: string,
  range: { start: Position; end: Position },
  severity: IssueSeverity = "error",
): Issue {
  return { code, severity, message, file, start: range.start, end: range.end };
}

/** The range of a finding about a file as a whole: its first character. */
export const FILE_START = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
