import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import jsYaml from "js-yaml";
import type { Document, Node } from "yaml";
import type { Issue, IssueCode, Position } from "../core/diagnostics/issue.js";
import { MAX_ALIAS_BYTES, MAX_ALIAS_COUNT } from "../core/diagnostics/limits.js";
import {
  FILE_START,
  makeIssue,
  type SourceFile,
  type YamlPath,
} from "../core/diagnostics/source.js";
import { YamlSlicer } from "./yaml-slice.js";

const YAML_ERROR_CODES: Record<string, IssueCode> = { DUPLICATE_KEY: "duplicate-key" };

/** Decodes bytes as strict UTF-8 (dropping a BOM); returns an issue for anything else. */
export function decodeUtf8(
  bytes: Uint8Array,
  display: string,
): { text: string } | { issue: Issue } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      issue: makeIssue(
        "file-unreadable",
        "expected UTF-8 text; found a UTF-16 byte-order mark (save the file as UTF-8)",
        display,
        FILE_START,
      ),
    };
  }
  // isUtf8 and toString are several times faster than a fatal TextDecoder on large files.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  // The lenient decoding matches the strict one up to the first replacement character.
  const lenient = new TextDecoder().decode(bytes);
  const lines = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD"))).split("\n");
  const pos = { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  return {
    issue: makeIssue(
      "file-unreadable",
      "expected UTF-8 text; found an invalid byte sequence (save the file as UTF-8)",
      display,
      { start: pos, end: pos },
    ),
  };
}

/**
 * The `yaml` package, loaded on first use (about 70 ms of CPU): it keeps source positions and
 * writes YAML, but parses several times slower than js-yaml, so a clean file never needs it.
 */
type YamlModule = typeof import("yaml");
let yamlModule: YamlModule | undefined;
export const loadYaml = (): YamlModule => {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
};

// YAML 1.2 core schema exactly as `yaml` resolves it (spec 10.3.2). js-yaml's CORE_SCHEMA also
// reads 0b11, 1_000 and -0x1F as numbers but +.5 as a string, so its int and float are replaced.
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const coreInt = new jsYaml.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (s: string) => CORE_INT.test(s),
  construct: (s: string) =>
    s[1] === "o"
      ? parseInt(s.slice(2), 8)
      : s[1] === "x"
        ? parseInt(s.slice(2), 16)
        : parseInt(s, 10),
});
const coreFloat = new jsYaml.Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (s: string) => !CORE_INT.test(s) && CORE_FLOAT.test(s),
  construct: (s: string) => {
    const tail = s.slice(-3).toLowerCase();
    if (tail === "nan") return Number.NaN;
    if (tail === "inf") return s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return parseFloat(s);
  },
});
const coreNull = new jsYaml.Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s),
  construct: () => null,
});
const coreBool = new jsYaml.Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
  construct: (s: string) => s[0] === "t" || s[0] === "T",
});
const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [coreNull, coreBool, coreInt, coreFloat],
});
/** Options for `yaml` that match {@link CORE_SCHEMA}. */
const YAML_OPTIONS = { version: "1.2", schema: "core", intAsBigInt: false, merge: false } as const;

// js-yaml reads "- -\n- a" as [[null, "a"]]; `yaml` reads [[null], "a"] as the spec does.
const EMPTY_COMPACT_ENTRY = /^[ \t]*-[ \t]+(?:-[ \t]+)*-[ \t]*(?:#.*)?$/m;

/** The fast parse alone: the value, or `ok: false` when js-yaml rejects (or would misread) the text. */
export function parseFast(text: string): { ok: true; value: unknown } | { ok: false } {
  if (EMPTY_COMPACT_ENTRY.test(text)) return { ok: false };
  try {
    return { ok: true, value: jsYaml.load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

// Anchors and aliases go to the careful parser, which bounds alias expansion.
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s,\]}]/;

/**
 * Parses YAML text into a {@link SourceFile}; syntax problems come back as issues, never thrown.
 * Clean files take a fast path (js-yaml, with the same YAML 1.2 core schema as `yaml`); the
 * position-keeping parse runs only when a file has a problem or a caller asks where something is.
 */
export function parseYamlSource(
  text: string,
  absPath: string,
  display: string,
): { file: SourceFile; issues: Issue[] } {
  if (!ANCHOR_OR_ALIAS.test(text)) {
    const fast = parseFast(text);
    if (fast.ok) return { file: cleanSourceFile(fast.value, text, absPath, display), issues: [] };
  }
  return parseWithPositions(text, absPath, display);
}

/**
 * A file that parsed without a problem, as a {@link SourceFile}. A position comes from parsing
 * only the entry or item that holds it; the whole file is parsed with positions only when that
 * piece cannot be found or does not match the file's value. `text` may be given as a function,
 * called the first time a position is asked for.
 */
export function cleanSourceFile(
  value: unknown,
  text: string | (() => string),
  absPath: string,
  display: string,
): SourceFile {
  let source = typeof text === "string" ? text : undefined;
  let careful: SourceFile | undefined;
  let sliced: ReturnType<typeof sliceLocator> | undefined;
  const locate: SourceFile["locate"] = (path, opts) => {
    source ??= (text as () => string)();
    if (!careful) {
      sliced ??= sliceLocator(source, value);
      const found = sliced(path, opts);
      if (found) return found;
    }
    careful ??= parseWithPositions(source, absPath, display).file;
    return careful.locate(path, opts);
  };
  return { path: absPath, display, value, locate };
}

/** The value at a path of own keys and indices, or `missing`. */
function valueAt(value: unknown, path: YamlPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, seg)) return valueAt;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/**
 * Locates a path by parsing with positions only the entry or item that holds it; undefined when
 * there is no such piece or its value differs from the file's (then the caller parses the whole).
 */
export function sliceLocator(
  text: string,
  value: unknown,
): (path: YamlPath, opts?: { key?: boolean }) => { start: Position; end: Position } | undefined {
  const { LineCounter, isMap, isScalar, isSeq, parseDocument } = loadYaml();
  const slicer = new YamlSlicer(text);
  const lineCounter = new LineCounter();
  lineCounter.lineStarts = slicer.lineStarts;
  const toPos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return (path, opts) => {
    const piece = slicer.slice(path);
    if (!piece) return undefined;
    const doc = parseDocument(piece.text, {
      ...YAML_OPTIONS,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
    });
    const node = doc.contents;
    if (doc.errors.length > 0 || !(isMap(node) || isSeq(node)) || node.items.length !== 1) {
      return undefined;
    }
    const first = node.items[0];
    const expected = valueAt(value, [...piece.parent, piece.seg]);
    let actual: unknown;
    if (piece.kind === "map") {
      const key = isMap(node) ? (first as { key?: unknown }).key : undefined;
      if (!isScalar(key) || key.value === null || String(key.value) !== String(piece.seg)) {
        return undefined;
      }
      actual = (doc.toJS() as Record<string, unknown>)[String(piece.seg)];
    } else {
      if (!isSeq(node)) return undefined;
      actual = (doc.toJS() as unknown[])[0];
    }
    if (expected === valueAt || !isDeepStrictEqual(actual, expected)) return undefined;
    const shift: Range = (r) =>
      r ? { start: toPos(piece.from + r[0]), end: toPos(piece.from + r[1]) } : FILE_START;
    return locator(doc as YamlDocument, shift)(
      [piece.kind === "map" ? piece.seg : 0, ...piece.rest],
      opts,
    );
  };
}

/**
 * The bytes alias expansion would add to a document: each alias stands for its anchor's source
 * text, including the aliases inside that (counted once per node, so the walk is linear).
 */
function aliasBytes(doc: import("yaml").Document): number {
  const { isAlias, isNode, visit } = loadYaml();
  const length = (node: { range?: readonly number[] | null | undefined }) =>
    node.range ? (node.range[1] ?? 0) - (node.range[0] ?? 0) : 0;
  // Bytes a node stands for once its aliases are expanded, memoised per node.
  const memo = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (!isNode(node)) return 0;
    const known = memo.get(node);
    if (known !== undefined) return known;
    memo.set(node, 0); // an alias inside its own anchor adds nothing more
    if (isAlias(node)) {
      const total = size(node.resolve(doc));
      memo.set(node, total);
      return total;
    }
    let added = 0;
    visit(node as Parameters<typeof visit>[0], {
      Alias(_, alias) {
        added += Math.max(0, size(alias.resolve(doc)) - length(alias));
        return added > MAX_ALIAS_BYTES ? visit.BREAK : undefined;
      },
    });
    const total = length(node) + added;
    memo.set(node, total);
    return total;
  };
  const contents = doc.contents;
  return contents ? size(contents) - length(contents) : 0;
}

type Range = (r: readonly [number, number, ...number[]] | undefined) => {
  start: Position;
  end: Position;
};
type YamlDocument = Document.Parsed;

/** Syntax errors, duplicate keys and extra documents, each located. */
function documentIssues(list: readonly YamlDocument[], display: string, range: Range): Issue[] {
  const issues: Issue[] = [];
  for (const d of list) {
    for (const e of d.errors) {
      const code = YAML_ERROR_CODES[e.code] ?? "yaml-syntax";
      const msg = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "");
      const found =
        code === "duplicate-key" ? "a key that appears earlier in the same mapping" : msg;
      issues.push(
        makeIssue(
          code,
          code === "duplicate-key"
            ? `expected unique keys in a mapping; found ${found}`
            : `expected valid YAML; found a syntax error: ${msg}`,
          display,
          range(e.pos),
        ),
      );
    }
  }
  if (list.length > 1) {
    const second = list[1];
    issues.push(
      makeIssue(
        "multiple-documents",
        `expected a single YAML document; found ${list.length} (remove the \`---\` separators or split the file)`,
        display,
        range(second?.range),
      ),
    );
  }
  return issues;
}

/**
 * The document's value, refusing an alias bomb (by count and by bytes) and an alias inside the
 * node it names (whose value would contain itself, which no reader can walk) with a located issue.
 */
function documentValue(
  doc: YamlDocument,
  display: string,
  range: Range,
): { value: unknown } | { issue: Issue } {
  const { isScalar, visit } = loadYaml();
  let cycle: import("yaml").Alias | undefined;
  // js-yaml names a null key "null"; `yaml` would name it "".
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === null) pair.key.value = "null";
    },
    Alias(_, alias, ancestors) {
      const target = alias.resolve(doc);
      if (target === undefined || !ancestors.includes(target)) return undefined;
      cycle = alias;
      return visit.BREAK;
    },
  });
  if (cycle) {
    return {
      issue: makeIssue(
        "alias-bomb",
        `expected an alias to a node outside it; found *${cycle.source} inside the node it names, which would expand without end`,
        display,
        range(cycle.range ? [cycle.range[0], cycle.range[1]] : undefined),
      ),
    };
  }
  try {
    const added = aliasBytes(doc);
    if (added > MAX_ALIAS_BYTES) {
      throw new ReferenceError(`aliases expand to ${added} more bytes`);
    }
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    let aliasRange: readonly [number, number] | undefined;
    visit(doc, {
      Alias(_, node) {
        aliasRange = node.range ? [node.range[0], node.range[1]] : undefined;
        return visit.BREAK;
      },
    });
    const isBomb = err instanceof ReferenceError || /alias/i.test(String(err));
    return {
      issue: makeIssue(
        isBomb ? "alias-bomb" : "yaml-syntax",
        isBomb
          ? `expected at most ${MAX_ALIAS_COUNT} alias expansions adding at most ${MAX_ALIAS_BYTES / 1024 / 1024} MB; found more (an alias bomb would exhaust memory)`
          : `expected valid YAML; found ${(err as Error).message}`,
        display,
        range(aliasRange),
      ),
    };
  }
}

/** Finds the position of a path of keys and indices in the document (the deepest that exists). */
function locator(doc: YamlDocument | undefined, range: Range): SourceFile["locate"] {
  const { isAlias, isMap, isPair, isScalar, isSeq } = loadYaml();
  const root = doc?.contents ?? null;
  return (path, opts) => {
    let node: unknown = root;
    let last: { start: Position; end: Position } = range(
      root && "range" in (root as object) ? ((root as Node).range ?? undefined) : undefined,
    );
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const isLast = i === path.length - 1;
      if (isAlias(node) && doc) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) return last;
        const keyNode = pair.key as Node;
        if (isLast && opts?.key) return range(keyNode.range ?? undefined);
        const valueNode = pair.value as Node | null;
        last = range((valueNode ?? keyNode).range ?? keyNode.range ?? undefined);
        if (!valueNode) return range(keyNode.range ?? undefined);
        node = valueNode;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        if (!item) return last;
        last = range(item.range ?? undefined);
        node = item;
      } else {
        return last;
      }
    }
    return last;
  };
}

/** The position-keeping parse; exported for tests that compare it with {@link parseFast}. */
export function parseWithPositions(
  text: string,
  absPath: string,
  display: string,
): { file: SourceFile; issues: Issue[] } {
  const { LineCounter, parseAllDocuments } = loadYaml();
  const lineCounter = new LineCounter();
  const toPos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const range: Range = (r) => (r ? { start: toPos(r[0]), end: toPos(r[1]) } : FILE_START);
  const docs = parseAllDocuments(text, {
    ...YAML_OPTIONS,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const list = (Array.isArray(docs) ? docs : []) as YamlDocument[];
  const doc = list[0];
  const issues = documentIssues(list, display, range);
  let value: unknown;
  if (doc && issues.length === 0) {
    const read = documentValue(doc, display, range);
    if ("issue" in read) issues.push(read.issue);
    else value = read.value;
  }
  return { file: { path: absPath, display, value, locate: locator(doc, range) }, issues };
}
