import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Issue } from "../core/diagnostics/issue.js";
import { MAX_INCLUDE_DEPTH } from "../core/diagnostics/limits.js";
import { makeIssue, type SourceFile } from "../core/diagnostics/source.js";
import { describeValue, zodIssuesToIssues } from "../core/diagnostics/zod-issues.js";
import { checkQuestionnaire } from "../core/questionnaire/rules.js";
import {
  type Dimension,
  type ProfileSet,
  type QuestionnaireRoot,
  type QuestionnaireSchemas,
  questionnaireSchemas,
} from "../core/questionnaire/schema.js";
import { type SchemaChecks, schemaChecks } from "../core/questionnaire/schema-checks.js";
import {
  composeQuestionnaire,
  type Located,
  type QuestionnaireTree,
} from "../core/questionnaire/tree.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import type { z } from "../core/zod.js";
import { type ReadCache, readYamlFile } from "./read.js";

/** What a YAML file holds, judged by its top-level keys. */
export type FileKind = "root" | "dimension" | "include" | "profiles" | "other";

export interface LoadResult {
  questionnaire?: Questionnaire;
  issues: Issue[];
  /** Absolute paths of every file reached through the include tree. */
  files: string[];
}

/** Classifies a parsed YAML value by its top-level keys. */
export function detectKind(value: unknown): FileKind {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "other";
  const keys = Object.keys(value);
  if (keys.includes("scale") || keys.includes("languages")) return "root";
  if (keys.includes("questions") || keys.includes("pillar")) return "dimension";
  if (keys.includes("include") && keys.every((k) => k === "include" || k === "$schema")) {
    return "include";
  }
  if (keys.includes("profiles") && keys.every((k) => k === "profiles" || k === "$schema")) {
    return "profiles";
  }
  return "other";
}

function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

export interface LoadOptions {
  /**
   * Precompiled schema checks to try before zod (see schema-checks.ts): the build's when left
   * out, none for null. A passing check fills in defaults in place, so the parsed values in
   * `cache` are changed.
   */
  checks?: SchemaChecks | null;
}

/** The formats a questionnaire's files come in, and how findings name each. */
const FORMAT_NAMES = {
  questionnaireRoot: "questionnaire",
  dimension: "dimension",
  profilesFile: "profiles file",
  includeFile: "include file",
} as const;

type Parsed<K extends keyof typeof FORMAT_NAMES> =
  | { data: z.output<QuestionnaireSchemas[K]> }
  | { issues: Issue[] };

/**
 * Parses a file as `format` with zod, unless a precompiled check passes first (it has filled in
 * the defaults): the schemas are built only when zod runs.
 */
function parseAs<K extends keyof typeof FORMAT_NAMES>(
  format: K,
  file: SourceFile,
  check: ((value: unknown) => boolean) | undefined,
): Parsed<K> {
  if (check?.(file.value)) return { data: file.value as z.output<QuestionnaireSchemas[K]> };
  const schema = questionnaireSchemas()[format];
  const parsed = schema.safeParse(file.value);
  if (parsed.success) return { data: parsed.data as z.output<QuestionnaireSchemas[K]> };
  return { issues: zodIssuesToIssues(parsed.error.issues, file, schema, FORMAT_NAMES[format]) };
}

/** Loads a questionnaire root and its include tree; never throws on bad content. */
export function loadQuestionnaire(
  rootPath: string,
  cwd = process.cwd(),
  cache?: ReadCache,
  opts: LoadOptions = {},
): LoadResult {
  const issues: Issue[] = [];
  const checks = opts.checks === undefined ? schemaChecks : opts.checks;
  const rootAbs = canonical(path.resolve(cwd, rootPath));
  const rootDir = path.dirname(rootAbs);
  const seen = new Set<string>();
  const dimensions: Located<Dimension>[] = [];
  const profiles: Located<ProfileSet>[] = [];
  let root: Located<QuestionnaireRoot> | undefined;
  let schemaFailed = false;

  // `stack` holds the files that include this one: empty for the root.
  const walk = (abs: string, stack: string[]) => {
    seen.add(abs);
    const included = stack.length > 0;
    const { file, issues: readIssues } = readYamlFile(abs, cwd, cache);
    issues.push(...readIssues);
    if (!file || readIssues.length) {
      schemaFailed = true;
      return;
    }
    const kind = detectKind(file.value);
    const expectedKinds: FileKind[] = included ? ["dimension", "include", "profiles"] : ["root"];
    if (!expectedKinds.includes(kind)) {
      schemaFailed = true;
      issues.push(
        makeIssue(
          "not-a-mapping",
          included
            ? `expected a dimension file (with \`questions\`), a file with only \`include\` or one with only \`profiles\`; found ${describeValue(file.value)}`
            : `expected a questionnaire root (with \`id\`, \`languages\`, \`scale\`); found ${describeValue(file.value)}`,
          file.display,
          file.locate([]),
        ),
      );
      return;
    }
    const fail = (found: Issue[]) => {
      schemaFailed = true;
      issues.push(...found);
    };
    let includes: string[] = [];
    if (kind === "root") {
      const parsed = parseAs("questionnaireRoot", file, checks?.root);
      if ("data" in parsed) {
        root = { value: parsed.data, file, path: [] };
        parsed.data.dimensions.forEach((d, i) => {
          dimensions.push({ value: d, file, path: ["dimensions", i] });
        });
        includes = parsed.data.include;
        if (parsed.data.profiles) {
          profiles.push({ value: parsed.data.profiles, file, path: ["profiles"] });
        }
      } else {
        fail(parsed.issues);
        includes = rawIncludes(file.value);
      }
    } else if (kind === "dimension") {
      const parsed = parseAs("dimension", file, checks?.dimension);
      if ("data" in parsed) dimensions.push({ value: parsed.data, file, path: [] });
      else fail(parsed.issues);
    } else if (kind === "profiles") {
      const parsed = parseAs("profilesFile", file, checks?.profiles);
      if ("data" in parsed)
        profiles.push({ value: parsed.data.profiles, file, path: ["profiles"] });
      else fail(parsed.issues);
    } else {
      const parsed = parseAs("includeFile", file, undefined);
      if ("data" in parsed) includes = parsed.data.include;
      else {
        fail(parsed.issues);
        includes = rawIncludes(file.value);
      }
    }
    includes.forEach((rel, i) => {
      const at = () => file.locate(["include", i]);
      const target = canonical(path.resolve(path.dirname(abs), rel));
      const problem =
        stack.length >= MAX_INCLUDE_DEPTH
          ? makeIssue(
              "include-too-deep",
              `expected includes nested at most ${MAX_INCLUDE_DEPTH} files deep; found ${JSON.stringify(rel)} at depth ${stack.length + 1}`,
              file.display,
              at(),
            )
          : includeProblem(rel, target, abs, stack, rootDir, seen, file, at);
      if (problem) {
        issues.push(problem);
        schemaFailed = true;
        return;
      }
      walk(target, [...stack, abs]);
    });
  };

  walk(rootAbs, []);
  const files = [...seen];
  if (!root || schemaFailed) return { issues, files };
  const tree: QuestionnaireTree = { root, dimensions, profiles, files };
  const ruleIssues = checkQuestionnaire(tree);
  issues.push(...ruleIssues);
  if (ruleIssues.some((i) => i.severity === "error")) return { issues, files };
  return { questionnaire: composeQuestionnaire(tree), issues, files };
}

/** The problem with an include (outside the root folder, a cycle, included twice, missing), if any. */
function includeProblem(
  rel: string,
  target: string,
  abs: string,
  stack: string[],
  rootDir: string,
  seen: Set<string>,
  file: SourceFile,
  at: () => ReturnType<SourceFile["locate"]>,
): Issue | undefined {
  if (rel.trim() === "") {
    return makeIssue(
      "include-not-found",
      "expected the path of a file to include; found an empty string",
      file.display,
      at(),
    );
  }
  if (!isInside(rootDir, target)) {
    return makeIssue(
      "include-outside-root",
      `expected an include inside the questionnaire's folder ${JSON.stringify(path.basename(rootDir))}; found ${JSON.stringify(rel)}, which leaves it`,
      file.display,
      at(),
    );
  }
  if (stack.includes(target) || target === abs) {
    const chain = [...stack, abs, target].map((p) => path.relative(rootDir, p) || ".");
    return makeIssue(
      "include-cycle",
      `expected includes to form a tree; found a cycle: ${chain.join(" → ")}`,
      file.display,
      at(),
    );
  }
  if (seen.has(target)) {
    return makeIssue(
      "duplicate-id",
      `expected each file to be included once; found ${JSON.stringify(rel)} included again`,
      file.display,
      at(),
    );
  }
  const kind = kindOf(target);
  if (kind !== "file") {
    return makeIssue(
      "include-not-found",
      `expected an existing file; found ${kind === "missing" ? "no file" : kind === "folder" ? "a folder" : "a device, FIFO or socket"} at ${JSON.stringify(rel)}`,
      file.display,
      at(),
    );
  }
  return undefined;
}

function kindOf(p: string): "file" | "folder" | "special" | "missing" {
  try {
    const st = statSync(p);
    return st.isFile() ? "file" : st.isDirectory() ? "folder" : "special";
  } catch {
    return "missing";
  }
}

function rawIncludes(value: unknown): string[] {
  const inc = (value as { include?: unknown })?.include;
  return Array.isArray(inc) ? inc.filter((x): x is string => typeof x === "string") : [];
}
