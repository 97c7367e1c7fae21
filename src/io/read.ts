import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Issue } from "../core/diagnostics/issue.js";
import { FILE_START, makeIssue, type SourceFile } from "../core/diagnostics/source.js";
import { describeNotAFile, noteStdinInput, readRegularFile, readRegularInput } from "./inputs.js";
import {
  type JsonTrim,
  looksLikeJsonObject,
  parseChunkedJson,
  parseJsonSource,
  STREAM_JSON_BYTES,
  type TrimmedArray,
} from "./json.js";
import { cachedPackValue } from "./pack-cache.js";
import { cleanSourceFile, decodeUtf8, parseYamlSource } from "./yaml.js";

/** Path to show the user: relative to the working directory when inside it. */
export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
}

/** A parsed file and the problems found reading it. */
export interface ReadResult {
  file?: SourceFile;
  issues: Issue[];
}

/** Parsed files by absolute path, so one validate run parses each file once. */
export type ReadCache = Map<string, ReadResult>;

/** Reads and parses a YAML or JSON file; every problem is returned as an issue. */
export function readYamlFile(abs: string, cwd = process.cwd(), cache?: ReadCache): ReadResult {
  const cached = cache?.get(abs);
  if (cached) return cached;
  const result = readUncached(abs, cwd);
  cache?.set(abs, result);
  return result;
}

function readUncached(abs: string, cwd: string): ReadResult {
  const display = displayPath(abs, cwd);
  const read = readRegularFile(abs, display);
  if ("problem" in read) {
    return {
      issues: [
        makeIssue(
          "file-unreadable",
          `expected a readable file; found ${describeNotAFile(read.problem, read.code)}`,
          display,
          FILE_START,
        ),
      ],
    };
  }
  const bytes = read.bytes;
  // An unchanged bundled pack file was valid UTF-8 when the build parsed it: its text is decoded
  // only if a position is asked for.
  const cached = cachedPackValue(abs, bytes);
  if (cached) {
    const text = () => (decodeUtf8(bytes, display) as { text: string }).text;
    return { file: cleanSourceFile(cached.value, text, abs, display), issues: [] };
  }
  const decoded = decodeUtf8(bytes, display);
  if ("issue" in decoded) return { issues: [decoded.issue] };
  const { file, issues } = parseYamlSource(decoded.text, abs, display);
  return { file, issues };
}

/** A parsed answers-or-results input, with what trimming its long array did. */
export interface DataReadResult extends ReadResult {
  trimmed?: TrimmedArray;
}

/**
 * Reads an input that may be a results JSON or an answers file: a document that opens with `{`
 * is read as JSON (JSON.parse, or when large read a chunk at a time, keeping only the first
 * items of `trim.key`); anything else, or a `{` document that is not JSON but is not named
 * `.json` either (a YAML flow mapping), is read as YAML — and when that fails too, a name other
 * than `.yaml` or `.yml` (standard input) gets the JSON finding. A large file is only read whole
 * when the chunked parse cannot take it (not JSON, or corrupt: the whole read locates the error).
 */
export function readDataFile(abs: string, cwd: string, trim?: JsonTrim): DataReadResult {
  const display = displayPath(abs, cwd);
  const read = readRegularInput(abs, display, STREAM_JSON_BYTES);
  if ("problem" in read) return readUncached(abs, cwd);
  if ("bytes" in read) return parseDataBytes(read.bytes, abs, display, trim);
  const { source } = read;
  if (trim && looksLikeJsonObject(source.read(0, 64 * 1024))) {
    const chunked = parseChunkedJson(source, abs, display, trim);
    if (chunked) return chunked;
  }
  const whole = readRegularFile(abs, display);
  if ("problem" in whole) return readUncached(abs, cwd);
  return parseDataBytes(whole.bytes, abs, display, trim);
}

/** {@link readDataFile} for bytes already read (standard input). */
export function parseDataBytes(
  bytes: Uint8Array,
  abs: string,
  display: string,
  trim?: JsonTrim,
): DataReadResult {
  const decoded = decodeUtf8Check(bytes, display);
  if (decoded) return { issues: [decoded] };
  const json = looksLikeJsonObject(bytes) ? parseJsonSource(bytes, abs, display, trim) : undefined;
  if (json && (json.file || /\.json$/i.test(abs))) return json;
  const text = decodeUtf8(bytes, display);
  if ("issue" in text) return { issues: [text.issue] };
  const yaml = parseYamlSource(text.text, abs, display);
  // Neither JSON nor YAML, and not named YAML (standard input, say): a `{` document is JSON gone
  // wrong far more often than a YAML flow mapping, and its one JSON finding says what.
  const broken = yaml.issues.some((i) => i.severity === "error");
  if (json && broken && !/\.ya?ml$/i.test(abs)) return json;
  return yaml;
}

/** {@link parseDataBytes} for standard input's text (see readStdinText). */
export function parseStdinText(text: string, trim?: JsonTrim): DataReadResult {
  return parseDataBytes(Buffer.from(text, "utf8"), STDIN_DISPLAY, STDIN_DISPLAY, trim);
}

/** The UTF-8 problem of the bytes, if any (checked without decoding them). */
function decodeUtf8Check(bytes: Uint8Array, display: string): Issue | undefined {
  if (isUtf8(bytes) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) return undefined;
  const decoded = decodeUtf8(bytes, display);
  return "issue" in decoded ? decoded.issue : undefined;
}

/** How standard input is named in messages. */
export const STDIN_DISPLAY = "<stdin>";

/** Reads standard input (or the given stand-in, for tests) as UTF-8 text, never throwing. */
export function readStdinText(
  what: string,
  stdin?: string | Uint8Array,
): { text: string } | { issue: Issue } {
  let bytes: Uint8Array;
  try {
    if (stdin === undefined) noteStdinInput(STDIN_DISPLAY);
    const input = stdin ?? readFileSync(0);
    bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  } catch {
    return {
      issue: makeIssue(
        "file-unreadable",
        `expected ${what} on standard input; found none readable`,
        STDIN_DISPLAY,
        FILE_START,
      ),
    };
  }
  return decodeUtf8(bytes, STDIN_DISPLAY);
}
