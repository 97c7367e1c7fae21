import path from "node:path";
import { checkTargets } from "../core/answers/check.js";
import {
  placeholderFields,
  placeholderFieldValue,
  placeholderIssue,
  type TemplatePlaceholders,
} from "../core/answers/placeholders.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { makeIssue, type SourceFile } from "../core/diagnostics/source.js";
import { zodIssuesToIssues } from "../core/diagnostics/zod-issues.js";
import { type Mapping, mappingSchema } from "../core/models/mapping.js";
import { type Questionnaire, respondentRoles } from "../core/questionnaire/types.js";
import { readYamlFile } from "../io/read.js";

/** A mapping file that parsed and passed its checks, with its source for locating later issues. */
export interface LoadedMapping {
  mapping: Mapping;
  file: SourceFile;
}

/** The question id a `questions` entry names. */
export function questionOf(entry: Mapping["questions"][string]): string {
  return typeof entry === "string" ? entry : entry.question;
}

/**
 * Loads `mapping.yaml` (YAML or JSON) and checks it against the questionnaire; never throws on bad
 * content. With `placeholders`, an assessment field still holding one is a warning.
 */
export function loadMapping(
  file: string,
  questionnaire: Questionnaire,
  cwd = process.cwd(),
  placeholders?: TemplatePlaceholders,
): { mapping?: LoadedMapping; issues: Issue[] } {
  const { file: source, issues } = readYamlFile(path.resolve(cwd, file), cwd);
  if (!source || issues.length) return { issues };
  if (source.value === null || typeof source.value !== "object" || Array.isArray(source.value)) {
    return {
      issues: [
        makeIssue(
          "not-a-mapping",
          "expected a mapping file (with `questions`, `respondent`, …); found something else",
          source.display,
          source.locate([]),
        ),
      ],
    };
  }
  const parsed = mappingSchema.safeParse(source.value);
  if (!parsed.success) {
    return { issues: zodIssuesToIssues(parsed.error.issues, source, mappingSchema, "mapping") };
  }
  const ruleIssues = checkMapping(parsed.data, source, questionnaire);
  if (ruleIssues.some((i) => i.severity === "error")) return { issues: ruleIssues };
  if (placeholders) ruleIssues.push(...placeholderIssues(parsed.data, source, placeholders));
  return { mapping: { mapping: parsed.data, file: source }, issues: ruleIssues };
}

/** Semantic checks: every question id and role exists, each question is mapped once, rules are usable. */
export function checkMapping(
  mapping: Mapping,
  file: SourceFile,
  questionnaire: Questionnaire,
): Issue[] {
  const issues: Issue[] = [];
  const at = (p: (string | number)[], key = false) => file.locate(p, { key });
  const declared = mapping.assessment.questionnaire;
  if (declared.id !== questionnaire.id || declared.version !== questionnaire.version) {
    const other = declared.id !== questionnaire.id;
    issues.push(
      makeIssue(
        "invalid-value",
        `expected questionnaire ${questionnaire.id} ${questionnaire.version} (the one scored with); found ${declared.id} ${declared.version}${other ? " (pass that questionnaire with -q)" : ""}`,
        file.display,
        at(["assessment", "questionnaire", other ? "id" : "version"]),
      ),
    );
    // Another questionnaire altogether: its question ids and roles would each be reported again.
    if (other) return issues;
  }
  for (const f of checkTargets(questionnaire, mapping.targets)) {
    issues.push(
      makeIssue(
        f.code === "unknown-dimension" ? "unresolved-reference" : "out-of-scale",
        f.message,
        file.display,
        at(f.path),
      ),
    );
  }
  issues.push(...checkQuestionColumns(mapping, file, questionnaire));
  issues.push(...checkRoles(mapping, file, questionnaire));
  issues.push(...checkExclusions(mapping, file));
  if (
    mapping.keyRow !== undefined &&
    mapping.headerRows !== undefined &&
    mapping.keyRow > mapping.headerRows
  ) {
    issues.push(
      makeIssue(
        "invalid-value",
        `expected "keyRow" to be one of the ${mapping.headerRows} header rows; found ${mapping.keyRow}`,
        file.display,
        at(["keyRow"]),
      ),
    );
  }
  return issues;
}

/** A warning per assessment field still holding a placeholder (`map init` writes two). */
function placeholderIssues(
  mapping: Mapping,
  file: SourceFile,
  placeholders: TemplatePlaceholders,
): Issue[] {
  const assessment = mapping.assessment;
  return placeholderFields(assessment, placeholders).map((field) =>
    placeholderIssue(
      field,
      placeholderFieldValue(assessment, field) ?? "",
      file,
      "mapping",
      "warning",
    ),
  );
}

/** Checks that each mapped column names a known question and no question is mapped twice. */
function checkQuestionColumns(
  mapping: Mapping,
  file: SourceFile,
  questionnaire: Questionnaire,
): Issue[] {
  const issues: Issue[] = [];
  const at = (p: (string | number)[], key = false) => file.locate(p, { key });
  const questionIds = new Set(
    questionnaire.dimensions.flatMap((d) => d.questions.map((q) => q.id)),
  );
  const seen = new Map<string, string>();
  if (Object.keys(mapping.questions).length === 0) {
    issues.push(
      makeIssue(
        "invalid-value",
        "expected at least one question column under questions (the export's column → a question id); found none, so no answer would be read",
        file.display,
        at(["questions"]),
      ),
    );
  }
  for (const [column, entry] of Object.entries(mapping.questions)) {
    const id = questionOf(entry);
    const where =
      typeof entry === "string" ? ["questions", column] : ["questions", column, "question"];
    if (!questionIds.has(id)) {
      issues.push(
        makeIssue(
          "unresolved-reference",
          `expected a question id of questionnaire ${questionnaire.id} ${questionnaire.version}; found ${JSON.stringify(id)}`,
          file.display,
          at(where),
        ),
      );
    } else if (seen.has(id)) {
      issues.push(
        makeIssue(
          "duplicate-id",
          `expected each question to be mapped from one column; found ${JSON.stringify(id)} mapped from ${JSON.stringify(seen.get(id))} and ${JSON.stringify(column)}`,
          file.display,
          at(where),
        ),
      );
    } else seen.set(id, column);
  }
  return issues;
}

/** Checks the role labels and default against the questionnaire's roles, and that a role is given. */
function checkRoles(mapping: Mapping, file: SourceFile, questionnaire: Questionnaire): Issue[] {
  const issues: Issue[] = [];
  const at = (p: (string | number)[], key = false) => file.locate(p, { key });
  const roleIds = respondentRoles(questionnaire).map((r) => r.id);
  const role = mapping.respondent.role;
  const checkRole = (id: string, where: (string | number)[]) => {
    if (!roleIds.includes(id)) {
      issues.push(
        makeIssue(
          "unresolved-reference",
          `expected one of the questionnaire's roles that answer (${roleIds.join(", ")}); found ${JSON.stringify(id)}${questionnaire.roles.some((r) => r.id === id) ? ", which is marked `respondent: false`" : ""}`,
          file.display,
          at(where),
        ),
      );
    }
  };
  for (const [label, id] of Object.entries(role.values)) {
    checkRole(id, ["respondent", "role", "values", label]);
  }
  if (role.default !== undefined) checkRole(role.default, ["respondent", "role", "default"]);
  if (role.column === undefined && role.default === undefined) {
    issues.push(
      makeIssue(
        "missing-field",
        'expected "column" (the column holding each respondent\'s role) or "default" (one role for everyone) in "role"; found neither',
        file.display,
        at(["respondent", "role"]),
      ),
    );
  }
  return issues;
}

/** Checks that each exclusion rule has a condition and a valid regular expression. */
function checkExclusions(mapping: Mapping, file: SourceFile): Issue[] {
  const issues: Issue[] = [];
  const at = (p: (string | number)[], key = false) => file.locate(p, { key });
  mapping.exclude.forEach((rule, i) => {
    const conditions = ["equals", "notEquals", "matches", "empty"].filter(
      (k) => rule[k as keyof typeof rule] !== undefined,
    );
    if (!conditions.length) {
      issues.push(
        makeIssue(
          "missing-field",
          'expected at least one condition ("equals", "notEquals", "matches" or "empty") in the exclusion; found none',
          file.display,
          at(["exclude", i]),
        ),
      );
    }
    if (rule.matches !== undefined) {
      try {
        new RegExp(rule.matches, "iu");
      } catch (err) {
        issues.push(
          makeIssue(
            "invalid-value",
            `expected a regular expression for "matches"; found ${JSON.stringify(rule.matches)} (${(err as Error).message})`,
            file.display,
            at(["exclude", i, "matches"]),
          ),
        );
      }
    }
  });
  return issues;
}
