import type { Issue, IssueSeverity } from "../diagnostics/issue.js";
import { makeIssue, type SourceFile } from "../diagnostics/source.js";
import type { AnswersPath } from "./input.js";
import type { AssessmentMeta } from "./schema.js";

/** The assessment fields `init` writes a placeholder into. */
export const PLACEHOLDER_FIELDS = ["name", "industry", "size", "assessor"] as const;
export type PlaceholderField = (typeof PLACEHOLDER_FIELDS)[number];

/** Per field, every placeholder text a file may still hold (`init`'s in each language, a suggested mapping's). */
export type TemplatePlaceholders = Readonly<Record<PlaceholderField, readonly string[]>>;

/**
 * The texts `map init` and `survey` write into a mapping's assessment block, which `batch`
 * carries into its results: detected like `init`'s (see `TEMPLATE_PLACEHOLDERS`).
 */
export const MAPPING_PLACEHOLDERS = {
  name: "TODO client name",
  assessor: "TODO your name",
} as const satisfies Partial<Record<PlaceholderField, string>>;

/** Where each field lives in an answers file. */
export const PLACEHOLDER_PATHS: Readonly<Record<PlaceholderField, AnswersPath>> = {
  name: ["assessment", "client", "name"],
  industry: ["assessment", "client", "industry"],
  size: ["assessment", "client", "size"],
  assessor: ["assessment", "assessor"],
};

/** The part of an assessment's metadata (answers or results) that may hold placeholders. */
type MetaWithPlaceholders = Pick<AssessmentMeta, "client" | "assessor">;

/** The value of a placeholder field in an assessment's metadata. */
export function placeholderFieldValue(
  meta: MetaWithPlaceholders,
  field: PlaceholderField,
): string | undefined {
  return field === "assessor" ? meta.assessor : meta.client[field];
}

/** True when `value` is exactly what `init` wrote for the field (surrounding spaces ignored). */
export function isPlaceholder(
  placeholders: TemplatePlaceholders,
  field: PlaceholderField,
  value: string | undefined,
): boolean {
  return value !== undefined && placeholders[field].includes(value.trim());
}

/** The fields of `meta` that still hold `init`'s placeholder text, in field order. */
export function placeholderFields(
  meta: MetaWithPlaceholders,
  placeholders: TemplatePlaceholders,
): PlaceholderField[] {
  return PLACEHOLDER_FIELDS.filter((f) =>
    isPlaceholder(placeholders, f, placeholderFieldValue(meta, f)),
  );
}

const FIELD_NAMES: Readonly<Record<PlaceholderField, string>> = {
  name: "the client's name",
  industry: "the client's industry",
  size: "the client's size",
  assessor: "the assessor's name",
};

/** The kind of file a placeholder was found in: it decides what the message tells the user to do. */
export type PlaceholderHolder = "answers" | "mapping" | "results";

/** Says which field still holds a placeholder and how to fill it in (`file` as shown). */
function placeholderMessage(
  field: PlaceholderField,
  value: string,
  file: string,
  holder: PlaceholderHolder,
): string {
  const found = `expected ${FIELD_NAMES[field]} in ${PLACEHOLDER_PATHS[field].join(".")}; found ${JSON.stringify(value)}`;
  switch (holder) {
    case "answers":
      return `${found}, the placeholder \`crm-maturity init\` wrote (fill it in, or run \`crm-maturity interview -o ${file}\`, which asks for it)`;
    case "mapping":
      return `${found}, a placeholder (fill it in: a report refuses results that carry it)`;
    case "results":
      return `${found}, a placeholder carried over from the answers or the mapping these results were scored from (fill it in there and score again)`;
  }
}

/** The finding that `field` of the assessment in `file` still holds `value`, a placeholder. */
export function placeholderIssue(
  field: PlaceholderField,
  value: string,
  file: SourceFile,
  holder: PlaceholderHolder,
  severity?: IssueSeverity,
): Issue {
  return makeIssue(
    "template-placeholder",
    placeholderMessage(field, value, file.display, holder),
    file.display,
    file.locate(PLACEHOLDER_PATHS[field]),
    severity,
  );
}
