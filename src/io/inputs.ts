import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
import { MAX_INPUT_BYTES } from "../core/diagnostics/limits.js";

/**
 * The run's inputs, by device and inode: every file a reader of `io/` opened (questionnaire and
 * included files, answers, targets, results, mappings, exports, templates, fonts, a file
 * redirected to standard input). The output seam refuses to write onto any of them, whatever
 * path, symlink or hard link names it. One process is one run.
 */
const inputs = new Map<string, string>();

const key = (st: Stats) => `${st.dev}:${st.ino}`;

/** Records an opened input (by its stat) under the name shown in messages. */
export function noteInputStat(st: Stats, display: string): void {
  if (!inputs.has(key(st))) inputs.set(key(st), display);
}

/** Records a file as an input of the run; a path that does not exist is ignored. */
export function noteInput(abs: string, display = abs): void {
  try {
    noteInputStat(statSync(abs), display);
  } catch {
    // Nothing there, so nothing to protect.
  }
}

/** Records what standard input reads from, when it is a regular file (`cmd - < answers.yaml`). */
export function noteStdinInput(display: string): void {
  try {
    const st = fstatSync(0);
    if (st.isFile()) noteInputStat(st, display);
  } catch {
    // A closed standard input is reported by the reader.
  }
}

/** The input (as shown in messages) that `st` is, if any. */
export function inputWithStat(st: Stats): string | undefined {
  return inputs.get(key(st));
}

/** Forgets the inputs; for tests that run several use cases in one process. */
export function forgetInputs(): void {
  inputs.clear();
}

/** Why a path where a file is expected cannot be read as one. */
export type NotAFile = "missing" | "folder" | "special" | "unreadable";

/** Bytes read a range at a time: a file read from disk when asked, or bytes already in memory. */
export interface ByteSource {
  readonly size: number;
  /** The bytes from `start` up to `end` (clamped to the size); valid until the next read. */
  read(start: number, end: number): Uint8Array;
}

/** A {@link ByteSource} over bytes in memory. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

/** Bytes a file source reads from disk at once, then hands out in smaller ranges. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * A {@link ByteSource} that reads the file from disk a block at a time, into one buffer reused
 * from block to block (nothing else is held); a range inside the last block costs no system call.
 */
function fileSource(abs: string, size: number): ByteSource {
  let block = Buffer.alloc(0);
  let blockStart = 0;
  let blockLength = 0;
  return {
    size,
    read(start, end) {
      const stop = Math.min(end, size);
      // An empty range (past the end, or end before start). Handled first: a negative end given
      // to subarray would count from the end of the buffer.
      if (stop <= start) return block.subarray(0, 0);
      if (start >= blockStart && stop <= blockStart + blockLength) {
        return block.subarray(start - blockStart, stop - blockStart);
      }
      const want = Math.max(0, Math.max(stop, Math.min(start + BLOCK_BYTES, size)) - start);
      if (block.length < want) block = Buffer.allocUnsafe(want);
      blockStart = start;
      blockLength = readAt(abs, block, want, start);
      return block.subarray(0, Math.min(blockLength, Math.max(0, stop - start)));
    },
  };
}

/** Reads `length` bytes of the file at `position` into `buf`; how many there were. */
function readAt(abs: string, buf: Buffer, length: number, position: number): number {
  const fd = openSync(abs, constants.O_RDONLY);
  try {
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a regular file whole and records it as an input. FIFOs, devices and sockets are refused
 * without blocking (the file is opened non-blocking and checked before any read), as are folders
 * and files over {@link MAX_INPUT_BYTES}.
 */
export function readRegularFile(
  abs: string,
  display = abs,
): { bytes: Buffer } | { problem: NotAFile | "too-large"; code?: string } {
  const read = readRegularInput(abs, display, Number.POSITIVE_INFINITY);
  return "source" in read ? { bytes: Buffer.from(read.source.read(0, read.source.size)) } : read;
}

/**
 * {@link readRegularFile}, except that a file over `wholeUpTo` bytes is not read: it comes back
 * as a {@link ByteSource} that reads it a range at a time.
 */
export function readRegularInput(
  abs: string,
  display: string,
  wholeUpTo: number,
): { bytes: Buffer } | { source: ByteSource } | { problem: NotAFile | "too-large"; code?: string } {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { problem: "missing", code };
    if (code === "EISDIR") return { problem: "folder", code };
    return { problem: "unreadable", ...(code ? { code } : {}) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { problem: "folder" };
    if (!st.isFile()) return { problem: "special" };
    if (st.size > MAX_INPUT_BYTES) return { problem: "too-large" };
    noteInputStat(st, display);
    if (st.size > wholeUpTo) return { source: fileSource(abs, st.size) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(64 * 1024, st.size - total + 1));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > MAX_INPUT_BYTES) return { problem: "too-large" };
    }
    return { bytes: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "EISDIR"
      ? { problem: "folder", code }
      : { problem: "unreadable", ...(code ? { code } : {}) };
  } finally {
    closeSync(fd);
  }
}

/** "expected a readable file; found …" in the words every reader uses. */
export function describeNotAFile(problem: NotAFile | "too-large", code?: string): string {
  switch (problem) {
    case "missing":
      return "no such file";
    case "folder":
      return "a folder";
    case "special":
      return "a device, FIFO or socket (only regular files are read)";
    case "too-large":
      return `a file over ${MAX_INPUT_BYTES / 1024 / 1024} MB`;
    default:
      return code === "EACCES" || code === "EPERM"
        ? "no permission to read it"
        : "an unreadable file";
  }
}
