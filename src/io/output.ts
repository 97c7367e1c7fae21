import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { InputError } from "../core/diagnostics/errors.js";
import type { WriteFailure } from "../core/diagnostics/write-failure.js";
import { inputWithStat } from "./inputs.js";
import { makeFolder } from "./make-folder.js";

// The one output seam. Every file the tool writes goes through here: a temporary file beside the
// target, every byte written and checked, fsync, then rename, so a reader (or the next run) sees
// the old file or the new one, never a part. Missing folders on the way to an output are created,
// for every command (`-o out/report.md` makes `out/`). The target is refused when it is an input
// of the run (same device and inode, whatever path, symlink or hard link names it), a folder, or
// a read-only file; each problem is an InputError (exit 1) naming the option and the path.

/** The system calls the seam makes to write; a parameter so tests can make them fail. */
export interface FileOps {
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  renameSync(from: string, to: string): void;
}

export const NODE_FILE_OPS: FileOps = {
  writeSync: (fd, data, offset, length) => writeSync(fd, data, offset, length),
  fsyncSync,
  renameSync,
};

/** Where an output goes and how it is named in messages. */
export interface OutputTarget {
  /** The option that names it, e.g. `-o` or `--respondents`. */
  option: string;
  /** The path as the user gave it. */
  shown: string;
  /** Absolute path. */
  abs: string;
}

/**
 * The kind of a failed system call on an output path, or undefined for a code not told apart;
 * with `file`, a missing file in a folder that exists (a virtual file system such as /proc) is
 * told apart from a missing folder.
 */
export function writeFailureOf(err: unknown, file?: string): WriteFailure | undefined {
  switch ((err as NodeJS.ErrnoException | undefined)?.code) {
    case "ENOENT":
      return file !== undefined && statOrUndefined(path.dirname(file))?.isDirectory()
        ? "cannot-create"
        : "folder-missing";
    case "ENOTDIR":
    case "EEXIST":
      return "not-a-folder";
    case "EISDIR":
      return "is-a-folder";
    case "EACCES":
    case "EPERM":
      return "permission";
    case "EROFS":
      return "read-only";
    case "ENOSPC":
      return "no-space";
    case "EDQUOT":
      return "quota";
    case "EFBIG":
      return "too-large";
    case "ENAMETOOLONG":
      return "name-too-long";
    case "ELOOP":
      return "link-loop";
    case "EIO":
      return "io-error";
    case "EPIPE":
    case "ERR_STREAM_DESTROYED":
      return "pipe-closed";
    default:
      return undefined;
  }
}

/** The system's own name for a failure {@link writeFailureOf} does not tell apart. */
export function systemErrorCode(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  return e?.code ?? String(e?.message ?? err);
}

/** The command line's words (its diagnostics are in English) for each kind of failed write. */
const WRITE_FAILURE_WORDS: Record<WriteFailure, string> = {
  "folder-missing": "its folder does not exist",
  "cannot-create": "no file can be created in that folder",
  "not-a-folder": "a part of the path is a file, not a folder",
  "is-a-folder": "it is a folder; give a file name",
  permission: "permission denied",
  "read-only": "the file system is read-only",
  "no-space": "no space left on the device",
  quota: "the disk quota is exceeded",
  "too-large": "the file is too large for the file system",
  "name-too-long": "the name is too long",
  "link-loop": "the path has a symbolic link loop",
  "io-error": "an input/output error",
  "pipe-closed": "the program reading it closed the pipe before the output was complete",
};

/** Words for a failed system call on an output path (see {@link writeFailureOf}). */
export function describeWriteError(err: unknown, file?: string): string {
  const failure = writeFailureOf(err, file);
  return failure === undefined ? systemErrorCode(err) : WRITE_FAILURE_WORDS[failure];
}

/** The error for an output that could not be written; the old file is kept when there was one. */
export function outputError(t: OutputTarget, why: string, kept: boolean): InputError {
  const after = kept ? "; the existing file was kept unchanged" : "";
  return new InputError(`cannot write ${t.option} ${t.shown}: ${why}${after}`);
}

function statOrUndefined(abs: string): Stats | undefined {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}

function writable(abs: string): boolean {
  try {
    accessSync(abs, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** True for a device, FIFO or socket: an output to write into, never to replace with a file. */
export function isStreamTarget(file: string): boolean {
  const st = statOrUndefined(file);
  return st !== undefined && !st.isFile() && !st.isDirectory();
}

/**
 * Checks an output path before (and again just before committing) a write: not an input of the
 * run, not a folder, not a read-only file. Returns the target's stat when it exists.
 */
export function checkTarget(t: OutputTarget): Stats | undefined {
  const st = statOrUndefined(t.abs);
  if (!st) return undefined;
  const input = inputWithStat(st);
  if (input !== undefined) {
    const same = input === t.shown ? "" : ` (it is the same file as ${input})`;
    throw outputError(t, `it is an input of this run${same}; choose another file`, true);
  }
  if (st.isDirectory()) throw outputError(t, "it is a folder; give a file name", false);
  // No write permission bit is read-only for everyone, the superuser included (who passes access()).
  if (st.isFile() && ((st.mode & 0o222) === 0 || !writable(t.abs))) {
    throw outputError(t, "the file is read-only", true);
  }
  return st;
}

/** Creates the missing folders on the way to an output (the one rule for every command). */
export function ensureFolder(t: OutputTarget): void {
  try {
    makeFolder(path.dirname(t.abs));
  } catch (err) {
    throw outputError(t, describeWriteError(err), false);
  }
}

/**
 * A fresh hidden temporary path beside `file`, on the same file system so rename is atomic. The
 * suffix need not be unguessable (files are created with O_EXCL), so node:crypto is not loaded.
 */
export function tempPathFor(file: string): string {
  const suffix = Math.random().toString(36).slice(2, 10);
  const name = `.${path.basename(file)}.${process.pid}.${suffix}.tmp`;
  return path.join(path.dirname(file), name);
}

/** Writes every byte of `data` to `fd`; a short write that makes no progress is an error. */
export function writeAll(fd: number, data: Uint8Array, ops: FileOps = NODE_FILE_OPS): void {
  let offset = 0;
  while (offset < data.length) {
    const n = ops.writeSync(fd, data, offset, data.length - offset);
    if (!(n > 0)) throw Object.assign(new Error("short write"), { code: "EIO" });
    offset += n;
  }
}

const bytesOf = (data: string | Uint8Array) =>
  typeof data === "string" ? Buffer.from(data, "utf8") : data;

/** Flushes a folder's entries (the rename) to disk; not every file system allows it. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the file itself is already on disk.
  }
}

/** Writes `data` to a new temporary file beside `file` and returns its path (removed on failure). */
function writeTemp(file: string, data: string | Uint8Array, ops: FileOps, mode?: number): string {
  const tmp = tempPathFor(file);
  const fd = openSync(tmp, "wx", 0o644);
  try {
    if (mode !== undefined) chmodSync(tmp, mode & 0o7777);
    writeAll(fd, bytesOf(data), ops);
    ops.fsyncSync(fd);
    closeSync(fd);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    rmSync(tmp, { force: true });
    throw err;
  }
  return tmp;
}

/**
 * Writes a file so that readers see either the old or the new content, never a partial one: every
 * byte checked, fsync before the rename, the old file untouched on any failure (which is thrown as
 * it came). A device or FIFO (`/dev/null`, `/dev/stdout`) is written into instead.
 */
export function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  ops: FileOps = NODE_FILE_OPS,
): void {
  const st = statOrUndefined(file);
  if (st && !st.isFile() && !st.isDirectory()) {
    const fd = openSync(file, "w");
    try {
      writeAll(fd, bytesOf(data), ops);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const tmp = writeTemp(file, data, ops, st?.mode);
  try {
    ops.renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  syncFolder(path.dirname(file));
}

/** Where writeOutput writes, and what it writes with. */
export interface OutputOptions {
  cwd: string;
  stdout: Writable;
  /** The option that names the file, for messages (default `-o`). */
  option?: string;
  ops?: FileOps;
}

/** Resolves an output path as given on the command line. */
export function outputTarget(out: string, cwd: string, option = "-o"): OutputTarget {
  return { option, shown: out, abs: path.resolve(cwd, out) };
}

/**
 * Writes to `out` through the seam (checked, atomic, never onto an input), or to standard output
 * when `out` is undefined or `-`. Every failure is an InputError naming the option and the path.
 */
export function writeOutput(
  data: string | Uint8Array,
  out: string | undefined,
  o: OutputOptions,
): void {
  if (out === undefined || out === "-") {
    o.stdout.write(data);
    return;
  }
  const t = outputTarget(out, o.cwd, o.option);
  const existed = checkTarget(t) !== undefined;
  ensureFolder(t);
  try {
    writeFileAtomic(t.abs, data, o.ops);
  } catch (err) {
    throw outputError(t, describeWriteError(err, t.abs), existed);
  }
}

/**
 * Creates `file` with `data` atomically but never replaces an existing file: the content goes to a
 * temporary file that is then hard-linked to the target, which fails with EEXIST if it exists
 * (a rename would replace it). Returns false when the file already exists. Errors are thrown as
 * they came; callers turn them into messages with {@link describeWriteError}.
 */
export function createFileAtomic(
  file: string,
  data: string | Uint8Array,
  ops: FileOps = NODE_FILE_OPS,
): boolean {
  const tmp = writeTemp(file, data, ops);
  try {
    linkSync(tmp, file);
    syncFolder(path.dirname(file));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * The one colour rule: colour only for a person at a terminal, so never into files (`output` set
 * and not `-`) or pipes, and never when NO_COLOR is set to a non-empty value (no-color.org: an
 * empty NO_COLOR does not turn colour off).
 */
export function useColor(
  output: string | undefined,
  e: { isTTY: boolean; env: NodeJS.ProcessEnv },
): boolean {
  const toStdout = output === undefined || output === "-";
  return toStdout && e.isTTY && !e.env.NO_COLOR;
}

/** Today's local date as YYYY-MM-DD: the only date the tool makes up, for templates to edit. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
