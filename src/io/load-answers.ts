import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type AnswerFinding, checkAnswersAgainst, checkTargets } from "../core/answers/check.js";
import { type MergedAssessment, mergeAnswerFiles } from "../core/answers/merge.js";
import {
  placeholderFields,
  placeholderFieldValue,
  placeholderIssue,
  type TemplatePlaceholders,
} from "../core/answers/placeholders.js";
import {
  type AnswersFile,
  type AssessmentMeta,
  answersFile,
  assessmentMeta,
  targetsFile,
} from "../core/answers/schema.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { FILE_START, makeIssue, type SourceFile } from "../core/diagnostics/source.js";
import { describeValue, zodIssuesToIssues } from "../core/diagnostics/zod-issues.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { compareText } from "../core/text/compare.js";
import type { z } from "../core/zod.js";
import { displayPath, parseStdinText, readDataFile, readStdinText } from "./read.js";
import { parseFast } from "./yaml.js";

/** Where input files are resolved and how standard input (`-`) is read. */
export interface LoadOptions {
  /** Relative paths resolve against it, and shown paths are relative to it. */
  cwd: string;
  /** The content of standard input for a `-` path; read from file descriptor 0 when omitted. */
  stdin?: string | Uint8Array | undefined;
  /**
   * `init`'s placeholder texts and how to report a merged assessment that still carries one:
   * an error for documents a client reads, a warning for `score`. Not checked when omitted.
   */
  placeholders?: { texts: TemplatePlaceholders; severity: "error" | "warning" };
}

// Findings on a mapping key are best shown at the key itself (the id the user mistyped).
const AT_KEY: ReadonlySet<AnswerFinding["code"]> = new Set([
  "unknown-question",
  "unknown-dimension",
  "question-not-for-role",
]);

function readSource(p: string, opts: LoadOptions): { file?: SourceFile; issues: Issue[] } {
  // A .json file is read as JSON, as report inputs are: its syntax errors in JSON's terms.
  if (p !== "-") return readDataFile(path.resolve(opts.cwd, p), opts.cwd);
  const read = readStdinText("answers", opts.stdin);
  if ("issue" in read) return { issues: [read.issue] };
  return parseStdinText(read.text);
}

/**
 * `__proto__` keys, located: any object copy (zod's included) drops them, so an answer keyed so
 * would vanish without a word.
 */
function protoKeyIssues(value: unknown, file: SourceFile): Issue[] {
  const issues: Issue[] = [];
  const walk = (v: unknown, at: (string | number)[]): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        walk(item, [...at, i]);
      });
    } else if (v !== null && typeof v === "object") {
      for (const key of Object.keys(v)) {
        if (key === "__proto__") {
          issues.push(
            makeIssue(
              "unknown-question",
              'expected a question or field name; found "__proto__", which cannot be read safely',
              file.display,
              file.locate([...at, key], { key: true }),
            ),
          );
        } else walk((v as Record<string, unknown>)[key], [...at, key]);
      }
    }
  };
  walk(value, []);
  return issues;
}

/** Reads a file and checks it against a zod schema; every problem comes back located. */
function readAndParse<T extends z.ZodType>(
  p: string,
  schema: T,
  what: string,
  example: string,
  opts: LoadOptions,
): { file?: SourceFile; data?: z.infer<T>; issues: Issue[] } {
  const { file, issues } = readSource(p, opts);
  if (!file || issues.length > 0) return { issues };
  const value = file.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      issues: [
        makeIssue(
          "not-a-mapping",
          `expected ${what} (a mapping with ${example}); found ${describeValue(value)}`,
          file.display,
          file.locate([]),
        ),
      ],
    };
  }
  const proto = protoKeyIssues(value, file);
  if (proto.length > 0) return { issues: proto };
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const answers = parsed.error.issues.filter(isAnswerValueIssue);
    const others = parsed.error.issues.filter((i) => !isAnswerValueIssue(i));
    return {
      file,
      issues: [
        ...zodIssuesToIssues(others, file, schema, what),
        ...answers.map((i) => answerValueIssue(file, i.path as (string | number)[])),
      ],
    };
  }
  return { file, data: parsed.data, issues: [] };
}

/** A bad answer (`respondents[i].answers[q]` or its `value`) that zod could not match. */
function isAnswerValueIssue(issue: z.core.$ZodIssue): boolean {
  const p = issue.path;
  const isAnswer =
    (p.length === 4 || (p.length === 5 && p[4] === "value")) &&
    p[0] === "respondents" &&
    p[2] === "answers";
  return isAnswer && (issue.code === "invalid_union" || issue.code === "invalid_type");
}

// zod would say "expected a number" (its closest union branch); the user needs the whole choice.
function answerValueIssue(file: SourceFile, p: (string | number)[]): Issue {
  let found: unknown = file.value;
  for (const seg of p) found = (found as Record<string | number, unknown> | undefined)?.[seg];
  const form = p.length === 5 ? "" : " or { value, note, evidence }";
  return makeIssue(
    "invalid-value",
    `expected an answer: a level from 1 to 5, \`na\` or \`unknown\`${form}; found ${describeValue(found)}`,
    file.display,
    file.locate(p),
  );
}

function findingToIssue(file: SourceFile, finding: AnswerFinding): Issue {
  const range = file.locate(finding.path, { key: AT_KEY.has(finding.code) });
  return makeIssue(finding.code, finding.message, file.display, range, finding.severity);
}

/** Answer files, as `interview` and `init` write them (and a folder of them holds). */
const ANSWER_FILE = /\.(ya?ml|json)$/i;

/**
 * Replaces each folder among the inputs of `score`, `report`, `roadmap` and `compare` by the
 * answer files in it (`*.yaml`, `*.yml`, `*.json`, not hidden, not in subfolders), in code-unit
 * order, so `score acme/answers` reads one file per interview as `score acme/answers/*.yaml`
 * does. A folder without any is an issue; every other path is kept for the reader to judge.
 */
export function expandAnswerFolders(
  paths: readonly string[],
  cwd: string,
): { paths: string[]; issues: Issue[] } {
  const out: string[] = [];
  const issues: Issue[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let names: string[] | undefined;
    try {
      if (p !== "-" && statSync(abs).isDirectory()) names = readdirSync(abs);
    } catch {
      // Missing or unreadable: the reader says so, at the path the user gave.
    }
    if (names === undefined) {
      out.push(p);
      continue;
    }
    const files = names
      .filter((n) => ANSWER_FILE.test(n) && !n.startsWith("."))
      .sort(compareText)
      .map((n) => path.join(p, n))
      .filter((f) => isFile(path.resolve(cwd, f)));
    if (files.length === 0) {
      issues.push(
        makeIssue(
          "file-unreadable",
          "expected a folder with answer files (.yaml, .yml or .json); found none in it",
          displayPath(abs, cwd),
          FILE_START,
        ),
      );
    }
    out.push(...files);
  }
  return { paths: out, issues };
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

/**
 * Loads answer files (YAML or JSON; `-` is standard input), checks each against its schema and
 * the questionnaire, and merges them into one assessment. Every problem comes back as a located
 * issue; `input` is set only when none of them is an error. Never throws for bad content.
 */
export function loadAnswerFiles(
  paths: readonly string[],
  questionnaire: Questionnaire,
  opts: LoadOptions,
): { input?: MergedAssessment; issues: Issue[] } {
  const issues: Issue[] = [];
  const loaded: { file: SourceFile; data: AnswersFile }[] = [];
  for (const p of paths) {
    const r = readAndParse(p, answersFile, "answers file", "assessment and respondents", opts);
    issues.push(...r.issues);
    if (!r.file || !r.data) continue;
    const file = r.file;
    issues.push(...checkAnswersAgainst(questionnaire, r.data).map((f) => findingToIssue(file, f)));
    loaded.push({ file, data: r.data });
  }
  if (loaded.length === 0 || loaded.length < paths.length) return { issues };

  const merged = mergeAnswerFiles(
    loaded.map((l) => l.data),
    { names: loaded.map((l) => l.file.display), placeholders: opts.placeholders?.texts },
  );
  for (const conflict of merged.conflicts) {
    const file = loaded[conflict.file]?.file;
    if (!file) continue;
    const severity = conflict.code === "duplicate-respondent" ? "error" : "warning";
    issues.push(
      makeIssue(
        conflict.code,
        conflict.message,
        file.display,
        file.locate(conflict.path),
        severity,
      ),
    );
  }
  if (opts.placeholders) issues.push(...placeholderIssues(merged, loaded, opts.placeholders));
  if (issues.some((i) => i.severity === "error")) return { issues };
  return { input: merged, issues };
}

/** One issue per field the merged assessment still takes from `init`'s template, at the first file holding it. */
function placeholderIssues(
  merged: MergedAssessment,
  loaded: readonly { file: SourceFile; data: AnswersFile }[],
  placeholders: NonNullable<LoadOptions["placeholders"]>,
): Issue[] {
  return placeholderFields(merged.assessment, placeholders.texts).map((field) => {
    const value = placeholderFieldValue(merged.assessment, field);
    const holder =
      loaded.find((l) => placeholderFieldValue(l.data.assessment, field) === value) ?? loaded[0];
    const file = holder?.file as SourceFile;
    return placeholderIssue(field, value ?? "", file, "answers", placeholders.severity);
  });
}

/**
 * Loads a targets file (`--targets`): per-dimension target levels checked against the
 * questionnaire. `targets` is set only when there is no error.
 */
export function loadTargetsFile(
  p: string,
  questionnaire: Questionnaire,
  opts: LoadOptions,
): { targets?: Record<string, number>; issues: Issue[] } {
  const r = readAndParse(p, targetsFile, "targets file", "a targets mapping", opts);
  if (!r.file || !r.data) return { issues: r.issues };
  const file = r.file;
  const issues = checkTargets(questionnaire, r.data.targets).map((f) => findingToIssue(file, f));
  if (issues.some((i) => i.severity === "error")) return { issues };
  return { targets: r.data.targets, issues };
}

/** Answer files in one folder are read for their ids only up to this size. */
const SIBLING_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The other answer files (YAML or JSON) of `file`'s folder, by name, each as parsed (unchecked).
 * Files that cannot be read or parsed are skipped: they are not this command's input, and
 * `score` reports them when it reads them.
 */
function answerDocumentsBeside(file: string): unknown[] {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const docs: unknown[] = [];
  for (const name of names) {
    const other = path.join(dir, name);
    if (other === file || !ANSWER_FILE.test(name)) continue;
    try {
      if (!statSync(other).isFile() || statSync(other).size > SIBLING_LIMIT_BYTES) continue;
      const parsed = parseFast(readFileSync(other, "utf8"));
      if (parsed.ok) docs.push(parsed.value);
    } catch {
      // Unreadable: skipped.
    }
  }
  return docs;
}

/**
 * The respondent ids used by the other answer files in `file`'s folder, so a new respondent's id
 * is unique within the engagement.
 */
export function respondentIdsBeside(file: string): Set<string> {
  const ids = new Set<string>();
  for (const doc of answerDocumentsBeside(file)) {
    const respondents = (doc as { respondents?: unknown } | null)?.respondents;
    if (!Array.isArray(respondents)) continue;
    for (const r of respondents) {
      const id = (r as { id?: unknown } | null)?.id;
      if (typeof id === "string") ids.add(id);
    }
  }
  return ids;
}

/** The valid assessment blocks of the other answer files in `file`'s folder, by file name. */
export function assessmentsBeside(file: string): AssessmentMeta[] {
  return answerDocumentsBeside(file).flatMap((doc) => {
    const r = assessmentMeta.safeParse((doc as { assessment?: unknown } | null)?.assessment);
    return r.success ? [r.data] : [];
  });
}
