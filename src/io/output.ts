import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";

/**
 * A fresh hidden temporary path beside `file`, on the same file system so rename is atomic. The
 * suffix need not be unguessable (files are created with O_EXCL), so node:crypto is not loaded.
 */
export function tempPathFor(file: string): string {
  const suffix = Math.random().toString(36).slice(2, 10);
  const name = `.${path.basename(file)}.${process.pid}.${suffix}.tmp`;
  return path.join(path.dirname(file), name);
}

/** Writes `data` to a new temporary file beside `file` and returns its path (removed on failure). */
function writeTemp(file: string, data: string | Uint8Array): string {
  const tmp = tempPathFor(file);
  const fd = openSync(tmp, "wx", 0o644);
  try {
    writeSync(fd, typeof data === "string" ? Buffer.from(data, "utf8") : data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  return tmp;
}

/**
 * True for an existing device, FIFO or socket, such as `/dev/null` or `/dev/stdout`: an output to
 * write into, never to replace with a file (renaming over it would, given the permission).
 */
export function isStreamTarget(file: string): boolean {
  try {
    const st = statSync(file);
    return st.isCharacterDevice() || st.isBlockDevice() || st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

/** Writes a file so that readers see either the old or the new content, never a partial one. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  if (isStreamTarget(file)) {
    writeFileSync(file, data);
    return;
  }
  const tmp = writeTemp(file, data);
  try {
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Writes to `out` atomically, or to standard output when `out` is undefined or `-`. */
export function writeOutput(data: string | Uint8Array, out?: string): void {
  if (out === undefined || out === "-") {
    process.stdout.write(data);
    return;
  }
  writeFileAtomic(path.resolve(out), data);
}

/**
 * Creates `file` with `data` atomically but never replaces an existing file: the content goes to a
 * temporary file that is then hard-linked to the target, which fails with EEXIST if it exists
 * (a rename would replace it). Returns false when the file already exists.
 */
export function createFileAtomic(file: string, data: string | Uint8Array): boolean {
  const tmp = writeTemp(file, data);
  try {
    linkSync(tmp, file);
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
