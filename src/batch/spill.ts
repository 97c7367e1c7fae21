import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { UsageError } from "../core/diagnostics/errors.js";

/** A failure of the temporary files, said as what to do about it (an environment problem). */
function spillError(err: unknown, where: string): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code !== "string") return err as Error;
  const why = code === "ENOSPC" ? "the disk is full" : code;
  return new UsageError(
    `cannot write temporary files in ${where} (${why}); set TMPDIR to a folder with free space`,
  );
}

/**
 * Temporary files of one batch run, created only when a run outgrows its in-memory buffers
 * (small exports never touch the disk), under the system temporary folder (TMPDIR). Each file is
 * unlinked as soon as it is open, so nothing is left behind even if the process is killed; where
 * the system refuses that (Windows), the files are removed by `dispose` or when the process exits.
 */
export class SpillDir {
  private readonly fds: number[] = [];
  private readonly leftovers: string[] = [];
  /** Names of the files opened, in order (for tests). */
  readonly files: string[] = [];
  private readonly onExit = () => this.dispose();

  constructor(private readonly parent: string = tmpdir()) {}

  /** Opens a new empty file for reading and writing; returns its descriptor. */
  open(name: string): number {
    let dir: string;
    let fd: number;
    try {
      dir = mkdtempSync(path.join(this.parent, "crm-maturity-batch-"));
      fd = openSync(path.join(dir, name), "w+", 0o600);
    } catch (err) {
      throw spillError(err, this.parent);
    }
    this.fds.push(fd);
    this.files.push(name);
    try {
      unlinkSync(path.join(dir, name));
      rmdirSync(dir);
    } catch {
      if (!this.leftovers.length) process.once("exit", this.onExit);
      this.leftovers.push(dir);
    }
    return fd;
  }

  /** Closes (and so frees) every file; safe to call twice. */
  dispose(): void {
    for (const fd of this.fds.splice(0)) {
      try {
        closeSync(fd);
      } catch {
        // Already closed: nothing to release.
      }
    }
    if (this.leftovers.length) {
      for (const dir of this.leftovers.splice(0)) rmSync(dir, { recursive: true, force: true });
      process.off("exit", this.onExit);
    }
  }
}

/** Writes all of `data` at `position`. */
export function writeAll(fd: number, data: ArrayBufferView, position: number): void {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let done = 0;
  try {
    while (done < bytes.length) {
      done += writeSync(fd, bytes, done, bytes.length - done, position + done);
    }
  } catch (err) {
    throw spillError(err, tmpdir());
  }
}

/** Reads exactly `length` bytes at `position` into the start of `into`. */
export function readAll(fd: number, into: ArrayBufferView, length: number, position: number): void {
  const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) throw new Error(`temporary file ended early at byte ${position + done}`);
    done += n;
  }
}
