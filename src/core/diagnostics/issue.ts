/** Findings about questionnaire files, reported by `validate`; stable across releases. */
export const QUESTIONNAIRE_ISSUE_CODES = [
  "file-unreadable",
  "yaml-syntax",
  "duplicate-key",
  "multiple-documents",
  "alias-bomb",
  "not-a-mapping",
  "unknown-key",
  "missing-field",
  "invalid-type",
  "invalid-value",
  "duplicate-id",
  "unresolved-reference",
  "dependency-cycle",
  "include-cycle",
  "include-too-deep",
  "include-outside-root",
  "include-not-found",
  "invalid-scale",
  "missing-anchor",
  "unexpected-anchor",
  "missing-translation",
  "non-positive-weight",
  "out-of-scale",
  "missing-mitigation",
  "missing-kpis",
  "orphan-file",
  "stray-cjk-space",
  "unknown-placeholder",
  "missing-kind",
  "fact-for-everyone",
  "profile-empties-dimension",
  "overlapping-size-bands",
  "hold-without-rollout",
  "hold-beyond-horizon",
] as const;

/** Findings about answer, targets, mapping and results files, reported by the commands that read them. */
export const INPUT_ISSUE_CODES = [
  "unknown-question",
  "unknown-role",
  "unknown-dimension",
  "duplicate-respondent",
  "questionnaire-mismatch",
  "question-not-for-role",
  "metadata-mismatch",
  "target-override",
  "non-respondent-role",
  "template-placeholder",
  "unknown-profile",
  "brand-asset",
] as const;

/** Every finding the tool can report. */
export const ISSUE_CODES = [...QUESTIONNAIRE_ISSUE_CODES, ...INPUT_ISSUE_CODES] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueSeverity = "error" | "warning";

/** A 1-based line:column position in a file. */
export interface Position {
  line: number;
  column: number;
}

/** One finding, anchored to a range in a file. */
export interface Issue {
  code: IssueCode;
  severity: IssueSeverity;
  /** Says what was expected and what was found. */
  message: string;
  /** Path as given by or shown to the user (relative to the working directory when possible). */
  file: string;
  start: Position;
  end: Position;
}
