import type { z } from "../zod.js";
import type { Issue } from "./issue.js";
import { makeIssue, type SourceFile, type YamlPath } from "./source.js";

type ZodIssue = z.core.$ZodIssue;

/** Describes a found value briefly, for "expected X; found Y" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") {
    const keys = Object.keys(value as object);
    return keys.length
      ? `a mapping with keys ${keys.map((k) => `"${k}"`).join(", ")}`
      : "an empty mapping";
  }
  if (typeof value === "string") {
    const s = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return `the text ${JSON.stringify(s)}`;
  }
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  record: "a mapping",
  object: "a mapping",
  array: "a list",
  string: "text",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
};

function valueAt(root: unknown, path: YamlPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function label(path: YamlPath): string {
  const last = [...path].reverse().find((p) => typeof p === "string");
  return last === undefined ? "the document" : `"${last}"`;
}

function bound(kind: "min" | "max", issue: { origin?: string; inclusive?: boolean }, n: unknown) {
  const word =
    kind === "min"
      ? issue.inclusive
        ? "at least"
        : "more than"
      : issue.inclusive
        ? "at most"
        : "less than";
  if (issue.origin === "array") return `${word} ${n} item${n === 1 ? "" : "s"}`;
  if (issue.origin === "string") return `${word} ${n} character${n === 1 ? "" : "s"}`;
  return `${word} ${n}`;
}

/** Picks the union branch the author most likely meant: the one with fewest, deepest issues. */
function bestBranch(branches: ZodIssue[][]): ZodIssue[] | undefined {
  let best: ZodIssue[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const b of branches) {
    const rootUnknown = b.some((i) => i.code === "unrecognized_keys" && i.path.length === 0);
    const score = b.length + (rootUnknown ? 100 : 0);
    if (score < bestScore) {
      best = b;
      bestScore = score;
    }
  }
  return bestScore >= 100 ? undefined : best;
}

function unionKeys(branches: ZodIssue[][]): string[] {
  const keys = new Set<string>();
  for (const b of branches) {
    for (const i of b) {
      if (i.code === "invalid_type" && i.path.length === 1 && typeof i.path[0] === "string") {
        keys.add(i.path[0]);
      }
    }
  }
  return [...keys];
}

/** Maps zod issues on a file's value to located issues with expected-vs-found messages. */
export function zodIssuesToIssues(
  zodIssues: readonly ZodIssue[],
  file: SourceFile,
  schema: z.ZodType,
  what: string,
  basePath: YamlPath = [],
): Issue[] {
  const out: Issue[] = [];
  const root = file.value;
  const allowedKeys = (path: YamlPath) => objectKeysAt(schema, path, root);
  for (const zi of zodIssues) {
    const path = [...basePath, ...(zi.path as (string | number)[])];
    const found = valueAt(root, path);
    switch (zi.code) {
      case "unrecognized_keys":
        for (const key of zi.keys) {
          out.push(
            makeIssue(
              "unknown-key",
              unknownKeyMessage(key, path, what, allowedKeys?.(path)),
              file.display,
              file.locate([...path, key], { key: true }),
            ),
          );
        }
        break;
      case "invalid_type": {
        const expected = TYPE_NAMES[zi.expected] ?? zi.expected;
        if (found === undefined) {
          out.push(
            makeIssue(
              "missing-field",
              `expected the required key ${label(path)} (${expected}); found none`,
              file.display,
              file.locate(path.slice(0, -1)),
            ),
          );
        } else {
          out.push(
            makeIssue(
              "invalid-type",
              `expected ${expected} for ${label(path)}; found ${describeValue(found)}`,
              file.display,
              file.locate(path),
            ),
          );
        }
        break;
      }
      case "invalid_union": {
        const branches = (zi as { errors?: ZodIssue[][] }).errors ?? [];
        const best = bestBranch(branches);
        if (best) {
          out.push(...zodIssuesToIssues(best, file, schema, what, path));
        } else {
          const keys = unionKeys(branches);
          out.push(
            makeIssue(
              "invalid-value",
              `expected ${keys.length ? `one of the forms ${keys.map((k) => `"${k}"`).join(", ")}` : "a valid value"} for ${label(path)}; found ${describeValue(found)}`,
              file.display,
              file.locate(path),
            ),
          );
        }
        break;
      }
      default:
        out.push(
          makeIssue(
            "invalid-value",
            invalidValueMessage(zi, path, found),
            file.display,
            file.locate(path),
          ),
        );
    }
  }
  return out;
}

// Formats described in words: the regular expression behind a date says nothing to a person.
const FORMAT_WORDS: Record<string, string> = {
  date: "a calendar date as YYYY-MM-DD (e.g. 2025-03-31)",
  datetime: "a date and time as YYYY-MM-DDTHH:MM:SSZ",
  time: "a time as HH:MM:SS",
  email: "an e-mail address",
  url: "a URL",
};

/** The message for an issue located at the value itself (a bad value, format, key or size). */
function invalidValueMessage(zi: ZodIssue, path: YamlPath, found: unknown): string {
  switch (zi.code) {
    case "invalid_value":
      return `expected one of ${zi.values.map((v) => JSON.stringify(v)).join(", ")} for ${label(path)}; found ${describeValue(found)}`;
    case "invalid_format":
      // A schema may say its pattern in words (the check's message); zod's own starts "Invalid".
      if (zi.format === "regex" && !/^Invalid\b/.test(zi.message))
        return `expected ${label(path)} to be ${zi.message}; found ${describeValue(found)}`;
      return `expected ${label(path)} to be ${FORMAT_WORDS[zi.format] ?? `in the format ${zi.format}`}${zi.format in FORMAT_WORDS || !("pattern" in zi && zi.pattern) ? "" : ` (${String(zi.pattern)})`}; found ${describeValue(found)}`;
    case "invalid_key":
      return `expected a valid key in ${label(path)}; found ${describeValue(found)}: ${zi.issues.map((i) => i.message).join("; ")}`;
    case "too_small":
      return `expected ${label(path)} to be ${bound("min", zi, zi.minimum)}; found ${describeValue(found)}`;
    case "too_big":
      return `expected ${label(path)} to be ${bound("max", zi, zi.maximum)}; found ${describeValue(found)}`;
    default:
      return `${zi.message} at ${label(path)}; found ${describeValue(found)}`;
  }
}

interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  valueType?: unknown;
  getter?: () => unknown;
  options?: unknown[];
  in?: unknown;
}

const defOf = (schema: unknown): SchemaDef | undefined =>
  (schema as { _zod?: { def?: SchemaDef } })?._zod?.def;

/** Unwraps optional/default/lazy/pipe wrappers and picks the union branch matching `value`. */
function unwrap(schema: unknown, value: unknown): SchemaDef | undefined {
  let def = defOf(schema);
  for (let guard = 0; def && guard < 20; guard++) {
    if (def.innerType) def = defOf(def.innerType);
    else if (def.getter) def = defOf(def.getter());
    else if (def.type === "pipe") def = defOf(def.in);
    else if (def.type === "union" && def.options) {
      const keys = value && typeof value === "object" ? Object.keys(value) : [];
      const pick = def.options
        .map((o) => unwrap(o, value))
        .find((d) => d?.shape && keys.some((k) => k in (d.shape ?? {})));
      return pick;
    } else return def;
  }
  return def;
}

/** The keys a strict object accepts at a data path, for "did you mean" hints. */
function objectKeysAt(schema: unknown, path: YamlPath, root: unknown): string[] | undefined {
  let cur: unknown = schema;
  let value = root;
  for (const seg of path) {
    const def = unwrap(cur, value);
    if (!def) return undefined;
    if (def.type === "object" && def.shape) cur = def.shape[String(seg)];
    else if (def.type === "array") cur = def.element;
    else if (def.type === "record") cur = def.valueType;
    else return undefined;
    value =
      value && typeof value === "object"
        ? (value as Record<string | number, unknown>)[seg]
        : undefined;
  }
  const def = unwrap(cur, value);
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : undefined;
}

function unknownKeyMessage(key: string, path: YamlPath, what: string, allowed?: string[]): string {
  const where = path.length ? label(path) : `the ${what}`;
  if (!allowed?.length)
    return `expected only documented keys in ${where}; found unknown key ${JSON.stringify(key)}`;
  const close = allowed.find(
    (k) => k.toLowerCase() === key.toLowerCase() || k.startsWith(key) || key.startsWith(k),
  );
  return `expected only the keys ${allowed.filter((k) => k !== "$schema").join(", ")} in ${where}; found unknown key ${JSON.stringify(key)}${close ? ` (did you mean "${close}"?)` : ""}`;
}
