import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import os from "node:os";

/** Who holds a lock: written into the lock file as JSON. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO date-time). */
  since: string;
}

/** A lock held by this process; `release` removes its file (safe to call twice). */
export interface FileLock {
  readonly path: string;
  release(): void;
}

/** The lock file of `file`: beside it, so every writer of the file finds it. */
export const lockPathOf = (file: string): string => `${file}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<LockHolder>;
    if (typeof value.pid === "number" && typeof value.host === "string") {
      return { pid: value.pid, host: value.host, since: String(value.since ?? "") };
    }
  } catch {
    // Unreadable or half-written: treated as held, never removed blindly.
  }
  return undefined;
}

/**
 * Takes the lock of `file` (an exclusive create of `<file>.lock`), or says who holds it. A lock
 * left by a process of this machine that no longer runs (a kill -9, a power cut) is stale and
 * taken over; a lock of another machine (a shared folder) is always respected. The lock is
 * released on `release` and when the process exits; `release` never throws.
 */
export function acquireLock(
  file: string,
  now: Date,
): { lock: FileLock } | { heldBy: LockHolder | undefined } {
  const lockPath = lockPathOf(file);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, "wx", 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readHolder(lockPath);
      const stale = holder !== undefined && holder.host === me.host && !alive(holder.pid);
      if (!stale || attempt > 0) return { heldBy: holder };
      rmSync(lockPath, { force: true });
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      process.removeListener("exit", release);
      // Only our own lock is removed: a stale-lock takeover by another process replaced it. A
      // lock that cannot be removed (the folder turned read-only) is left for the next interview
      // to take over as stale; it must not turn how the interview ended into an internal error.
      try {
        if (readHolder(lockPath)?.pid === me.pid) rmSync(lockPath, { force: true });
      } catch {
        // Left behind, stale once this process exits.
      }
    };
    process.once("exit", release);
    return { lock: { path: lockPath, release } };
  }
  return { heldBy: readHolder(lockPath) };
}
