import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/diagnostics/errors.js";
import { AtomicOutput, commitAll } from "../../src/io/atomic-file.js";
import { forgetInputs, noteInput } from "../../src/io/inputs.js";
import { makeFolder } from "../../src/io/make-folder.js";
import { type FileOps, NODE_FILE_OPS, writeOutput } from "../../src/io/output.js";

// The one output seam under faults (issue 10, items 2 and 4): a writer that fails as a full disk
// does, short writes, a failing fsync or rename. The old file must survive each, byte for byte,
// and no temporary file may be left behind.

const tmp = () => mkdtempSync(path.join(tmpdir(), "crm-seam-"));
const stdout = new Writable({ write: (_c, _e, cb) => cb() });
const enospc = () =>
  Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });

/** A disk that takes `room` bytes, then fails with ENOSPC (or, with `silent`, writes nothing). */
function fullDisk(room: number, silent = false): FileOps {
  let left = room;
  return {
    ...NODE_FILE_OPS,
    writeSync(fd, data, offset, length) {
      if (left <= 0) {
        if (silent) return 0;
        throw enospc();
      }
      const n = Math.min(left, length);
      left -= n;
      return NODE_FILE_OPS.writeSync(fd, data, offset, n);
    },
  };
}

function withOld(): { dir: string; file: string } {
  const dir = tmp();
  const file = path.join(dir, "out.json");
  writeFileSync(file, "the old results\n");
  return { dir, file };
}

const only = (dir: string) => readdirSync(dir).sort();

describe("writeOutput (the one output seam)", () => {
  it("writes every byte through short writes", () => {
    const { dir, file } = withOld();
    const data = "x".repeat(100_000);
    const trickle: FileOps = {
      ...NODE_FILE_OPS,
      writeSync: (fd, d, offset, length) =>
        NODE_FILE_OPS.writeSync(fd, d, offset, Math.min(length, 777)),
    };
    writeOutput(data, file, { cwd: dir, stdout, ops: trickle });
    expect(readFileSync(file, "utf8")).toBe(data);
    expect(only(dir)).toEqual(["out.json"]);
  });

  it.each([
    ["a write failing with ENOSPC", fullDisk(16_384)],
    ["a write that makes no progress", fullDisk(16_384, true)],
    [
      "a failing fsync",
      {
        ...NODE_FILE_OPS,
        fsyncSync: () => {
          throw Object.assign(new Error("EIO"), { code: "EIO" });
        },
      },
    ],
    [
      "a failing rename",
      {
        ...NODE_FILE_OPS,
        renameSync: () => {
          throw enospc();
        },
      },
    ],
  ] as [string, FileOps][])("keeps the old file after %s", (_what, ops) => {
    const { dir, file } = withOld();
    let err: unknown;
    try {
      writeOutput("y".repeat(46_663), file, { cwd: dir, stdout, ops });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(
      /^cannot write -o .*out\.json: .*; the existing file was kept unchanged$/,
    );
    expect(readFileSync(file, "utf8")).toBe("the old results\n");
    expect(only(dir)).toEqual(["out.json"]);
  });

  it("says a file system turned read-only in words and keeps the old file", () => {
    // EROFS cannot be staged on the test machines (no mount); the seam is given the error instead.
    const { dir, file } = withOld();
    const readOnly: FileOps = {
      ...NODE_FILE_OPS,
      renameSync: () => {
        throw Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" });
      },
    };
    expect(() => writeOutput("new", file, { cwd: dir, stdout, ops: readOnly })).toThrow(
      /: the file system is read-only; the existing file was kept unchanged$/,
    );
    expect(readFileSync(file, "utf8")).toBe("the old results\n");
    expect(only(dir)).toEqual(["out.json"]);
  });

  it("refuses an input of the run, compared by device and inode", () => {
    const { dir, file } = withOld();
    noteInput(file, "out.json");
    try {
      expect(() => writeOutput("new", file, { cwd: dir, stdout })).toThrow(
        /it is an input of this run/,
      );
      expect(readFileSync(file, "utf8")).toBe("the old results\n");
    } finally {
      forgetInputs();
    }
  });
});

describe("AtomicOutput and commitAll (batch's three outputs)", () => {
  it("commits all outputs or none: a failure before the renames keeps every old file", () => {
    const dir = tmp();
    const names = ["results.json", "respondents.csv", "rejects.csv"];
    for (const n of names) writeFileSync(path.join(dir, n), `old ${n}\n`);
    let fsyncs = 0;
    const failSecondFsync: FileOps = {
      ...NODE_FILE_OPS,
      fsyncSync: (fd) => {
        fsyncs++;
        if (fsyncs === 2) throw enospc();
        NODE_FILE_OPS.fsyncSync(fd);
      },
    };
    const outputs = names.map(
      (n) => new AtomicOutput(n, { stdout, cwd: dir, ops: failSecondFsync }),
    );
    for (const o of outputs) o.write("new content\n");
    expect(() => commitAll(outputs)).toThrow(/no space left on the device/);
    for (const n of names) expect(readFileSync(path.join(dir, n), "utf8")).toBe(`old ${n}\n`);
    expect(only(dir)).toEqual([...names].sort());
  });

  it("reports a write failing mid-stream as an InputError and removes its temporary file", () => {
    const dir = tmp();
    const out = new AtomicOutput("r.csv", { stdout, cwd: dir, option: "--rejects" }, fullDisk(10));
    expect(() => out.write("more than ten bytes")).toThrow(
      /cannot write --rejects r\.csv: no space left on the device/,
    );
    expect(only(dir)).toEqual([]);
  });

  it("renames every output once all are durable", () => {
    const dir = tmp();
    const outputs = ["a.json", "b.csv"].map((n) => new AtomicOutput(n, { stdout, cwd: dir }));
    outputs.forEach((o, i) => {
      o.write(`content ${i}`);
    });
    commitAll(outputs);
    expect(readFileSync(path.join(dir, "a.json"), "utf8")).toBe("content 0");
    expect(readFileSync(path.join(dir, "b.csv"), "utf8")).toBe("content 1");
    expect(only(dir)).toEqual(["a.json", "b.csv"]);
  });
});

describe("makeFolder (every folder the commands create)", () => {
  it("creates a folder and its missing parents, and accepts one that exists", () => {
    const dir = tmp();
    const deep = path.join(dir, "a", "b", "c");
    makeFolder(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    makeFolder(deep);
    makeFolder(dir);
    expect(readdirSync(path.join(dir, "a"))).toEqual(["b"]);
  });

  it("throws when a file stands where a folder must go", () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "f"), "x");
    expect(() => makeFolder(path.join(dir, "f"))).toThrow(
      expect.objectContaining({ code: "EEXIST" }),
    );
    expect(() => makeFolder(path.join(dir, "f", "g"))).toThrow(
      expect.objectContaining({ code: "ENOTDIR" }),
    );
  });

  // Node 20's recursive mkdir loops forever here (mkdir answers ENOENT though /proc exists), and
  // `report -o /proc/x/report.md` never ended; Linux has /proc wherever these tests run.
  it("throws, and returns, where mkdir answers 'no such file' under a parent that exists", () => {
    expect(() => makeFolder("/proc/crm-maturity-test/fonts")).toThrow(
      expect.objectContaining({ code: "ENOENT" }),
    );
  });
});
