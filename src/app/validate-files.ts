import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { UsageError } from "../core/diagnostics/errors.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { FILE_START, makeIssue } from "../core/diagnostics/source.js";
import { zodIssuesToIssues } from "../core/diagnostics/zod-issues.js";
import { questionnaireSchemas } from "../core/questionnaire/schema.js";
import type { SchemaChecks } from "../core/questionnaire/schema-checks.js";
import { compareText } from "../core/text/compare.js";
import { checkBrand, isBrandValue } from "../io/load-brand.js";
import {
  detectKind,
  type LoadOptions,
  type LoadResult,
  loadQuestionnaire,
} from "../io/load-questionnaire.js";
import { displayPath, type ReadCache, readYamlFile } from "../io/read.js";
import { brandFirmPlaceholders } from "./brand.js";

const IGNORED = ["**/node_modules/**", "**/.git/**", "**/dist/**"];
const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist"]);

// Loaded only for glob arguments: its pattern compiler costs start-up time every CI run pays.
const loadTinyglobby = () =>
  createRequire(import.meta.url)("tinyglobby") as typeof import("tinyglobby");

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Every YAML file below `dir`, skipping dependency, VCS and build folders. Linked folders are not
 * followed; a linked file is read only when it resolves inside the folder scanned (`realRoot`), so
 * a link cannot bring a file from elsewhere (a secret) into the findings; such links go to
 * `outside`.
 */
function yamlFilesIn(dir: string, realRoot: string, outside: string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) {
        found.push(...yamlFilesIn(full, realRoot, outside));
      }
    } else if (/\.ya?ml$/.test(entry.name)) {
      if (entry.isSymbolicLink()) {
        const real = realOrUndefined(full);
        if (real === undefined || !(real === realRoot || real.startsWith(realRoot + path.sep))) {
          outside.push(full);
          continue;
        }
      }
      found.push(full);
    }
  }
  return found;
}

export interface ValidateResult {
  issues: Issue[];
  filesChecked: number;
}

interface Target {
  abs: string;
  explicit: boolean;
}

function expand(args: string[], cwd: string, outside: string[]): Target[] {
  const targets = new Map<string, Target>();
  const add = (abs: string, explicit: boolean) => {
    const prev = targets.get(abs);
    targets.set(abs, { abs, explicit: explicit || (prev?.explicit ?? false) });
  };
  for (const arg of args.length ? args : ["."]) {
    const abs = path.resolve(cwd, arg);
    if (existsSync(abs)) {
      if (statSync(abs).isDirectory()) {
        for (const f of yamlFilesIn(abs, realOrUndefined(abs) ?? abs, outside)) add(f, false);
      } else add(abs, true);
    } else {
      const { globSync, isDynamicPattern } = loadTinyglobby();
      if (!isDynamicPattern(arg)) throw new UsageError(`no such file or directory: ${arg}`);
      const found = globSync(arg, { cwd, absolute: true, ignore: IGNORED });
      if (!found.length) throw new UsageError(`no files match ${JSON.stringify(arg)}`);
      for (const f of found) add(path.resolve(f), true);
    }
  }
  return [...targets.values()].sort((a, b) => compareText(a.abs, b.abs));
}

/**
 * Loads the questionnaire that includes `abs`, from a root in the file's folder or up to three
 * folders above it.
 */
function loadOwningRoot(
  abs: string,
  cwd: string,
  cache: ReadCache,
  opts: LoadOptions,
): LoadResult | undefined {
  let dir = path.dirname(abs);
  for (let depth = 0; depth < 4; depth++) {
    const here = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    for (const f of here.map((name) => path.join(dir, name))) {
      const { file } = readYamlFile(f, cwd, cache);
      if (file && detectKind(file.value) === "root") {
        const result = loadQuestionnaire(f, cwd, cache, opts);
        if (result.files.includes(abs)) return result;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * Validates files, folders and globs of questionnaire files; never throws on bad content. `checks`
 * are the precompiled schema checks to try before zod: the build's by default, none for null.
 */
export function validatePaths(
  args: string[],
  cwd: string,
  checks?: SchemaChecks | null,
): ValidateResult {
  const outside: string[] = [];
  const targets = expand(args, cwd, outside);
  const cache: ReadCache = new Map();
  const issues: Issue[] = outside.map((link) =>
    makeIssue(
      "include-outside-root",
      "expected the files of a folder to lie inside it; found a link that leads out of it (not read)",
      displayPath(link, cwd),
      FILE_START,
      "warning",
    ),
  );
  const reached = new Set<string>();
  const roots: string[] = [];
  const parts: Target[] = [];
  let unparsed = false;

  for (const t of targets) {
    const { file, issues: readIssues } = readYamlFile(t.abs, cwd, cache);
    if (!file || readIssues.length) {
      issues.push(...readIssues);
      reached.add(t.abs);
      unparsed = true;
      continue;
    }
    const kind = detectKind(file.value);
    if (kind === "other" && isBrandValue(file.value)) {
      reached.add(t.abs);
      issues.push(...checkBrand(file, cwd, brandFirmPlaceholders()).issues);
      continue;
    }
    if (kind === "root") roots.push(t.abs);
    else if (kind === "dimension" || kind === "include" || kind === "profiles") parts.push(t);
    else if (t.explicit) {
      reached.add(t.abs);
      issues.push(
        makeIssue(
          "not-a-mapping",
          "expected a questionnaire root, a dimension file, an include file, a profiles file or a brand file; found a file with none of their keys",
          file.display,
          file.locate([]),
        ),
      );
    }
  }

  const record = (result: LoadResult) => {
    issues.push(...result.issues);
    for (const f of result.files) reached.add(f);
  };
  for (const root of roots) record(loadQuestionnaire(root, cwd, cache, { checks }));

  for (const part of parts) {
    if (reached.has(part.abs)) continue;
    const owner = part.explicit ? loadOwningRoot(part.abs, cwd, cache, { checks }) : undefined;
    if (owner) {
      record(owner);
      continue;
    }
    reached.add(part.abs);
    const { file } = readYamlFile(part.abs, cwd, cache);
    // A root that failed to parse may be the one that includes this file: no orphan guess then.
    if (!file || (unparsed && !part.explicit)) continue;
    issues.push(
      makeIssue(
        "orphan-file",
        "expected this file to be included by a questionnaire root; found no root that includes it, so only its own structure was checked",
        file.display,
        file.locate([]),
        "warning",
      ),
    );
    if (detectKind(file.value) === "dimension") {
      const dimensionSchema = questionnaireSchemas().dimension;
      const parsed = dimensionSchema.safeParse(file.value);
      if (!parsed.success)
        issues.push(...zodIssuesToIssues(parsed.error.issues, file, dimensionSchema, "dimension"));
    }
  }

  return { issues: dedupe(issues), filesChecked: reached.size };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}\0${i.start.line}:${i.start.column}\0${i.code}\0${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
