import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// rmSync fails while `readOnly` is set, as it does on a folder that turned read-only (EROFS).
const fsState = vi.hoisted(() => ({ readOnly: false }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  return {
    ...fs,
    rmSync: (...args: Parameters<typeof fs.rmSync>) => {
      if (fsState.readOnly) {
        throw Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" });
      }
      return fs.rmSync(...args);
    },
  };
});

const { acquireLock, lockPathOf } = await import("../../src/io/lock.js");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "crm-lock-"));
});
afterEach(() => {
  fsState.readOnly = false;
  rmSync(dir, { recursive: true, force: true });
});

describe("acquireLock", () => {
  it("releases without throwing when the lock file cannot be removed (a folder turned read-only)", () => {
    const file = path.join(dir, "answers.yaml");
    writeFileSync(file, "");
    const taken = acquireLock(file, new Date(0));
    if (!("lock" in taken)) throw new Error("the lock was not taken");
    fsState.readOnly = true;
    expect(() => taken.lock.release()).not.toThrow();
    expect(existsSync(lockPathOf(file))).toBe(true);
  });
});
