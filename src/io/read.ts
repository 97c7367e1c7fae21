import { readFileSync } from "node:fs";
import path from "node:path";
import type { Issue } from "../core/diagnostics/issue.js";
import { FILE_START, makeIssue, type SourceFile } from "../core/diagnostics/source.js";
import { describeNotAFile, noteStdinInput, readRegularFile } from "./inputs.js";
import { decodeUtf8, parseYamlSource } from "./yaml.js";

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
  const decoded = decodeUtf8(read.bytes, display);
  if ("issue" in decoded) return { issues: [decoded.issue] };
  const { file, issues } = parseYamlSource(decoded.text, abs, display);
  return { file, issues };
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
