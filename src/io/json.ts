import { createRequire } from "node:module";
import type { Issue, Position } from "../core/diagnostics/issue.js";
import { makeIssue, type SourceFile, type YamlPath } from "../core/diagnostics/source.js";
import { type ByteSource, memorySource } from "./inputs.js";
import { ArrayScan, decodeChunk, type JsonTrim, type TrimmedArray } from "./json-chunks.js";

export type { JsonTrim, TrimmedArray } from "./json-chunks.js";

/**
 * Files up to this size are parsed with JSON.parse; larger ones are streamed, so that a long
 * top-level array (a results file's roster) is never held whole.
 */
export const STREAM_JSON_BYTES = 8 * 1024 * 1024;

/** Bytes handed to the streaming tokenizer at a time (a walk that stops early reads no further). */
const CHUNK_BYTES = 64 * 1024;

/**
 * Bytes of a large file read and decoded at a time by the chunked parse: each chunk's text is
 * short-lived garbage, cheaper to collect in 64 KB pieces than in 1 MB ones (measured).
 */
const READ_BYTES = 64 * 1024;

/** The longest array item the chunked parse reads (longer ones go to the streaming parse). */
const MAX_ITEM_BYTES = 16 * 1024 * 1024;

type StreamParser = typeof import("@streamparser/json");
let parserModule: StreamParser | undefined;
const loadParser = (): StreamParser => {
  parserModule ??= createRequire(import.meta.url)("@streamparser/json") as StreamParser;
  return parserModule;
};

const asBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** 1-based line:column of a byte offset (columns count UTF-16 code units, like the YAML reader). */
function positionAt(source: ByteSource, offset: number): Position {
  const at = Math.max(0, Math.min(offset, source.size));
  let line = 1;
  let lineStart = 0;
  for (let from = 0; from < at; from += READ_BYTES) {
    const buf = asBuffer(source.read(from, Math.min(at, from + READ_BYTES)));
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) {
      line++;
      lineStart = from + i + 1;
    }
  }
  return { line, column: asBuffer(source.read(lineStart, at)).toString("utf8").length + 1 };
}

const TOKEN_NAMES: Record<number, string> = {};
function describeToken(token: number, value: unknown): string {
  const { TokenType } = loadParser();
  if (Object.keys(TOKEN_NAMES).length === 0) {
    Object.assign(TOKEN_NAMES, {
      [TokenType.LEFT_BRACE]: '"{"',
      [TokenType.RIGHT_BRACE]: '"}"',
      [TokenType.LEFT_BRACKET]: '"["',
      [TokenType.RIGHT_BRACKET]: '"]"',
      [TokenType.COLON]: '":"',
      [TokenType.COMMA]: '","',
    });
  }
  return TOKEN_NAMES[token] ?? `the value ${JSON.stringify(value)}`;
}

/** The character starting at a byte offset, in words (line breaks and controls by name). */
function describeByteAt(source: ByteSource, offset: number): string {
  if (offset >= source.size) return "the end of the file";
  const char = String.fromCodePoint(
    asBuffer(source.read(offset, offset + 4))
      .toString("utf8")
      .codePointAt(0) ?? 0xfffd,
  );
  if (char === "\n" || char === "\r") return "an unexpected line break";
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) {
    return `the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `an unexpected character "${char}"`;
}

interface Walk {
  /** Called with each token's path (keys and indices from the root), kind and byte offset. */
  onToken?(path: readonly (string | number)[], token: number, offset: number): boolean | undefined;
}

/**
 * Walks the JSON text's tokens with the library's tokenizer and token parser; returns the first
 * syntax problem as a located issue. `onToken` may stop the walk by returning true.
 */
function walkTokens(
  source: ByteSource,
  display: string,
  walk: Walk,
  onValue?: (info: { value: unknown; depth: number; parent: unknown }) => void,
  paths?: string[],
): Issue | undefined {
  const { Tokenizer, TokenParser, TokenType } = loadParser();
  const tokenizer = new Tokenizer();
  const parser = new TokenParser(paths ? { paths, keepStack: false } : { paths: ["$"] });
  let lastOffset = 0;
  let lastToken: { token: number; value: unknown } | undefined;
  let failure: unknown;
  // The token being handled when the failure came (later tokens of the chunk are ignored).
  let failedAt: { offset: number; token?: { token: number; value: unknown } } | undefined;
  let stopped = false;
  // Path bookkeeping for `onToken`: containers and the key or index inside each.
  const stack: Array<{ array: boolean; at: string | number; expectKey: boolean }> = [];
  const path = () => stack.map((s) => s.at);
  tokenizer.onToken = ({ token, value, offset }) => {
    if (failure !== undefined) return;
    lastOffset = offset;
    lastToken = { token, value };
    if (walk.onToken && !stopped) {
      const top = stack.at(-1);
      if (top?.expectKey && token === TokenType.STRING) {
        top.at = value as string;
        top.expectKey = false;
      } else if (token === TokenType.COMMA && top) {
        if (top.array) (top.at as number)++;
        else top.expectKey = true;
      } else if (token !== TokenType.COLON) {
        if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) stack.pop();
        else if (walk.onToken(path(), token, offset)) stopped = true;
        if (token === TokenType.LEFT_BRACE) stack.push({ array: false, at: "", expectKey: true });
        if (token === TokenType.LEFT_BRACKET) stack.push({ array: true, at: 0, expectKey: false });
      }
    }
    // Locating walks only follow the tokens; parsing is for values and structural errors.
    if (!walk.onToken) parser.write({ token, value } as Parameters<typeof parser.write>[0]);
  };
  tokenizer.onEnd = () => {
    if (!walk.onToken && !parser.isEnded) parser.end();
  };
  tokenizer.onError = (err) => {
    failure ??= err;
  };
  parser.onError = (err) => {
    if (failure === undefined)
      failedAt = { offset: lastOffset, ...(lastToken ? { token: lastToken } : {}) };
    failure ??= err;
  };
  parser.onValue = (info) => {
    onValue?.({ value: info.value, depth: info.stack.length, parent: info.parent });
  };
  const whereAt = (offset: number) => {
    const pos = positionAt(source, offset);
    return { start: pos, end: pos };
  };
  try {
    // Small chunks first: a walk that stops near the start (finding a key) reads little.
    let size = 4096;
    for (let at = 0; at < source.size && failure === undefined && !stopped; at += size) {
      size = Math.min(CHUNK_BYTES, size * 2);
      tokenizer.write(source.read(at, at + size));
    }
    if (failure === undefined && !stopped) tokenizer.end();
  } catch (err) {
    failure ??= err;
  }
  if (failure === undefined || stopped) return undefined;
  const message = String((failure as Error).message ?? failure);
  const absolute = /absolute position "(\d+)"/.exec(message);
  if (absolute) {
    const offset = Number(absolute[1]);
    return makeIssue(
      "yaml-syntax",
      `expected valid JSON; found ${describeByteAt(source, offset)}`,
      display,
      whereAt(offset),
    );
  }
  if (/ended|mid-parsing|middle of a token/.test(message)) {
    return makeIssue(
      "yaml-syntax",
      "expected valid JSON; found the end of the file before the document was complete",
      display,
      whereAt(source.size),
    );
  }
  return makeIssue(
    "yaml-syntax",
    `expected valid JSON; found ${failedAt?.token ? describeToken(failedAt.token.token, failedAt.token.value) : "nothing"} where it cannot stand`,
    display,
    whereAt(failedAt?.offset ?? lastOffset),
  );
}

/** Where a data path starts in the JSON text (the deepest part of it that exists). */
function locateIn(source: ByteSource, target: YamlPath, key: boolean): number {
  const want = target.map(String);
  let best = 0;
  let bestDepth = -1;
  walkTokens(source, "", {
    onToken(path, _token, offset) {
      // A value token at `path`: the deepest prefix of the target seen so far wins.
      if (path.length > want.length) return false;
      for (let i = 0; i < path.length; i++) if (String(path[i]) !== want[i]) return false;
      if (path.length > bestDepth) {
        bestDepth = path.length;
        best = offset;
      }
      return path.length === want.length;
    },
  });
  // A key is located at its value; callers asking for the key get the same place.
  void key;
  return best;
}

/** The located SourceFile of JSON read from `source` (positions found by walking its tokens). */
function jsonSourceFile(
  source: ByteSource,
  absPath: string,
  display: string,
  value: unknown,
): SourceFile {
  const locate: SourceFile["locate"] = (path, opts) => {
    const body = withoutBom(source);
    const pos = positionAt(body, locateIn(body, path, opts?.key === true));
    return { start: pos, end: pos };
  };
  return { path: absPath, display, value, locate };
}

/**
 * Parses JSON bytes into a {@link SourceFile}: JSON.parse up to {@link STREAM_JSON_BYTES}; above
 * it, with a trim, the chunked parse ({@link parseChunkedJson}), and where that cannot, a
 * streaming parse that keeps only the first items of `trim.key`. Syntax problems come back as
 * located issues; positions for later findings are found by walking the tokens again.
 */
export function parseJsonSource(
  bytes: Uint8Array,
  absPath: string,
  display: string,
  trim?: JsonTrim,
): { file?: SourceFile; issues: Issue[]; trimmed?: TrimmedArray } {
  const source = memorySource(bytes);
  let value: unknown;
  let trimmed: TrimmedArray | undefined;
  if (bytes.length <= STREAM_JSON_BYTES) {
    try {
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      const issue = walkTokens(withoutBom(source), display, {});
      return { issues: issue ? [issue] : [] };
    }
    if (trim) {
      const list = (value as Record<string, unknown> | null)?.[trim.key];
      if (value !== null && typeof value === "object" && Array.isArray(list)) {
        const firstBad = list.findIndex((item) => !trim.check(item));
        trimmed = { total: list.length, ...(firstBad >= 0 ? { firstBad } : {}) };
        if (list.length > trim.keep) {
          value = { ...(value as object), [trim.key]: list.slice(0, trim.keep) };
        }
      }
    }
  } else {
    const chunked = trim ? parseChunkedJson(source, absPath, display, trim) : undefined;
    if (chunked) return chunked;
    const streamed = streamJson(withoutBom(source), display, trim);
    if ("issue" in streamed) return { issues: [streamed.issue] };
    ({ value, trimmed } = streamed);
  }
  return {
    file: jsonSourceFile(source, absPath, display, value),
    issues: [],
    ...(trimmed ? { trimmed } : {}),
  };
}

/** The streaming parse of {@link parseJsonSource}: slow, but it takes any JSON and locates errors. */
function streamJson(
  body: ByteSource,
  display: string,
  trim: JsonTrim | undefined,
): { value: unknown; trimmed?: TrimmedArray } | { issue: Issue } {
  const top: Record<string, unknown> = {};
  let root: unknown;
  let kept: unknown[] | undefined;
  let total = 0;
  let firstBad: number | undefined;
  const paths = trim ? ["$", `$.${trim.key}.*`] : ["$"];
  const issue = walkTokens(
    body,
    display,
    {},
    ({ value: v, depth, parent }) => {
      if (depth === 0) root = v;
      else if (trim && depth === 2) {
        // The library keeps emitted items in their array: empty it so memory stays flat.
        if (Array.isArray(parent)) parent.length = 0;
        if (firstBad === undefined && !trim.check(v)) firstBad = total;
        kept ??= [];
        if (total < trim.keep) kept.push(v);
        total++;
      }
    },
    paths,
  );
  if (issue) return { issue };
  if (!trim || root === null || typeof root !== "object" || Array.isArray(root)) {
    return { value: root };
  }
  Object.assign(top, root);
  if (!Array.isArray(top[trim.key])) return { value: top };
  top[trim.key] = kept ?? [];
  return { value: top, trimmed: { total, ...(firstBad !== undefined ? { firstBad } : {}) } };
}

/** The byte offset of the "[" that opens the top-level object's `key`, found by the tokenizer. */
function findArrayStart(body: ByteSource, key: string): number | undefined {
  let found: number | undefined;
  const issue = walkTokens(body, "", {
    onToken(path, token, offset) {
      if (path.length !== 1 || path[0] !== key) return false;
      if (token === loadParser().TokenType.LEFT_BRACKET) found = offset;
      return true;
    },
  });
  return issue ? undefined : found;
}

/**
 * Parses a large JSON object whose `trim.key` holds a long array (a results file's roster)
 * without holding the file or the array: the library's tokenizer finds where the array opens;
 * the file is then read a chunk at a time, the array's items are checked and counted by
 * {@link ArrayScan} (the first `trim.keep` kept), and the rest of the object, before and after
 * the array, is parsed with JSON.parse. Every byte is decoded (strict UTF-8) and parsed or
 * matched, so a truncated or corrupt file never passes. Undefined when the file is not one this
 * handles, corrupt ones included: the caller parses it another way, which locates the error.
 */
export function parseChunkedJson(
  source: ByteSource,
  absPath: string,
  display: string,
  trim: JsonTrim,
  readBytes = READ_BYTES,
): { file: SourceFile; issues: Issue[]; trimmed: TrimmedArray } | undefined {
  const body = withoutBom(source);
  const open = findArrayStart(body, trim.key);
  if (open === undefined) return undefined;
  const scan = new ArrayScan(trim);
  let value: unknown;
  try {
    const head = decodeChunk(body.read(0, open + 1), true).text;
    let after: string[] | undefined;
    let size = readBytes;
    for (let at = open + 1; at < body.size; ) {
      const last = at + size >= body.size;
      const { text, bytes } = decodeChunk(body.read(at, at + size), last);
      if (after) after.push(text);
      else {
        const step = scan.push(text);
        if (step === false) return undefined;
        if ("after" in step) after = [step.after];
        else {
          // The item not complete yet is read again with the next chunk (a longer one if needed).
          const held = Buffer.byteLength(text.slice(text.length - step.held));
          if (held === bytes && (last || size >= MAX_ITEM_BYTES)) return undefined;
          size = held === bytes ? size * 2 : readBytes;
          at += bytes - held;
          continue;
        }
      }
      at += bytes;
    }
    if (!after) return undefined;
    value = JSON.parse(`${head}]${after.join("")}`);
  } catch {
    return undefined;
  }
  // A later duplicate of the key would win in JSON.parse: the streaming parse decides that one.
  const top = value as Record<string, unknown>;
  const empty = top[trim.key];
  if (!Array.isArray(empty) || empty.length > 0) return undefined;
  top[trim.key] = scan.kept;
  const { total, firstBad } = scan;
  return {
    file: jsonSourceFile(source, absPath, display, value),
    issues: [],
    trimmed: { total, ...(firstBad !== undefined ? { firstBad } : {}) },
  };
}

/** The source without a UTF-8 byte-order mark. */
function withoutBom(source: ByteSource): ByteSource {
  const start = source.read(0, 3);
  if (start[0] !== 0xef || start[1] !== 0xbb || start[2] !== 0xbf) return source;
  return { size: source.size - 3, read: (from, to) => source.read(from + 3, to + 3) };
}

function stripBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** True when the text's first significant byte opens a JSON object. */
export function looksLikeJsonObject(bytes: Uint8Array): boolean {
  for (let i = stripBom(bytes) === bytes ? 0 : 3; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b;
  }
  return false;
}
