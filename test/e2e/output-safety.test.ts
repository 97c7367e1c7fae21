import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, REPO, runCli } from "../helpers/cli.js";

// Issue 10, items 1, 4, 5 and 15: the one output seam refuses to write onto any input of the run
// (by device and inode: through symlinks, hard links and included files), reports path problems
// with exit 1 and never a stack trace, and keeps the old file.

const ACME = path.join(REPO, "examples/acme-manufacturing");
const BAD_ROWS = path.join(REPO, "test/fixtures/batch/bad-rows");

/** A scratch engagement: two answer files, targets, a copy of the bundled pack, a batch export. */
function engagement(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-out-"));
  cpSync(path.join(ACME, "answers/01-ceo.yaml"), path.join(dir, "a.yaml"));
  cpSync(path.join(ACME, "answers/04-field-sales.yaml"), path.join(dir, "b.yaml"));
  cpSync(path.join(ACME, "targets.yaml"), path.join(dir, "targets.yaml"));
  cpSync(path.join(REPO, "questionnaires/crm-maturity"), path.join(dir, "q"), { recursive: true });
  cpSync(path.join(REPO, "templates"), path.join(dir, "tpl"), { recursive: true });
  cpSync(path.join(BAD_ROWS, "export.csv"), path.join(dir, "e.csv"));
  cpSync(path.join(BAD_ROWS, "mapping.yaml"), path.join(dir, "m.yaml"));
  cpSync(path.join(REPO, "test/fixtures/batch/questionnaire"), path.join(dir, "bq"), {
    recursive: true,
  });
  return dir;
}

/** Runs the CLI in `dir` and checks that every listed file kept its bytes. */
function refused(dir: string, args: string[], keep: string[], message: RegExp): void {
  const before = keep.map((f) => readFileSync(path.join(dir, f)));
  const r = runCli(args, { cwd: dir });
  expect(r.stderr).toMatch(message);
  expect(r.status, r.stderr).toBe(1);
  expect(hasStackTrace(r.stderr)).toBe(false);
  keep.forEach((f, i) => {
    expect(readFileSync(path.join(dir, f)).equals(before[i] as Buffer), f).toBe(true);
  });
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

const INPUT = /is an input of this run/;
const BQ = "bq/questionnaire.yaml";

describe("outputs never overwrite an input (built CLI)", () => {
  it("refuses -o onto an answers, targets or results file, by path, symlink or hard link", () => {
    const dir = engagement();
    refused(dir, ["score", "a.yaml", "--format", "json", "-o", "a.yaml"], ["a.yaml"], INPUT);
    refused(
      dir,
      ["score", "a.yaml", "--targets", "targets.yaml", "-o", "targets.yaml"],
      ["targets.yaml"],
      INPUT,
    );
    symlinkSync("b.yaml", path.join(dir, "link.yaml"));
    refused(dir, ["report", "a.yaml", "b.yaml", "-o", "link.yaml"], ["b.yaml"], INPUT);
    expect(
      runCli(["score", "a.yaml", "--format", "json", "-o", "r.json"], { cwd: dir }).status,
    ).toBe(0);
    refused(dir, ["roadmap", "r.json", "-o", "r.json"], ["r.json"], INPUT);
    refused(dir, ["compare", "a.yaml", "r.json", "-o", "r.json"], ["r.json"], INPUT);
  });

  it("refuses -o onto the questionnaire, an included dimension file or a template", () => {
    const dir = engagement();
    const dim = "q/dimensions/culture.yaml";
    refused(dir, ["score", "a.yaml", "-q", "q/questionnaire.yaml", "-o", dim], [dim], INPUT);
    refused(dir, ["validate", "q", "-o", dim], [dim], INPUT);
    const tpl = "tpl/partials/cover.hbs";
    refused(dir, ["report", "a.yaml", "--template", "tpl", "-o", tpl], [tpl], INPUT);
  });

  it("refuses batch outputs onto a symlinked export or an included file, keeping every old output", () => {
    const dir = engagement();
    symlinkSync("e.csv", path.join(dir, "l.csv"));
    writeFileSync(path.join(dir, "old.csv"), "old respondents\n");
    refused(
      dir,
      ["batch", "l.csv", "--map", "m.yaml", "-q", BQ, "--respondents", "old.csv", "-o", "e.csv"],
      ["e.csv", "old.csv"],
      INPUT,
    );
    const dim = "bq/dimensions/culture.yaml";
    refused(dir, ["batch", "e.csv", "--map", "m.yaml", "-q", BQ, "--rejects", dim], [dim], INPUT);
  });
});

describe("output path problems (built CLI)", () => {
  it("creates missing folders for every command", () => {
    const dir = engagement();
    for (const [args, out] of [
      [["score", "a.yaml", "-o", "new/1/s.txt"], "new/1/s.txt"],
      [["schema", "answers", "-o", "new/2/s.json"], "new/2/s.json"],
      [["validate", "q", "-o", "new/3/v.txt"], "new/3/v.txt"],
      [["report", "a.yaml", "-o", "new/4/r.md"], "new/4/r.md"],
      [["batch", "e.csv", "--map", "m.yaml", "-q", BQ, "-o", "new/5/r.json"], "new/5/r.json"],
      [["map", "init", "e.csv", "-o", "new/6/m.yaml"], "new/6/m.yaml"],
    ] as const) {
      const r = runCli([...args], { cwd: dir });
      expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(existsSync(path.join(dir, out))).toBe(true);
    }
  });

  it.each([
    [
      ["score", "a.yaml", "-o", "a.yaml/x"],
      /cannot write -o a\.yaml\/x: a part of the path is a file/,
    ],
    [["schema", "-o", "."], /cannot write -o \.: it is a folder/],
    [["compare", "a.yaml", "b.yaml", "-o", "q"], /cannot write -o q: it is a folder/],
    [["report", "a.yaml", "-o", "targets.yaml/r.md"], /a part of the path is a file/],
    [
      ["batch", "e.csv", "--map", "m.yaml", "-q", BQ, "--rejects", "a.yaml/x"],
      /cannot write --rejects/,
    ],
    [["init", "a.yaml"], /expected a folder for the engagement; found a file/],
    [["init", "/proc/self"], /cannot write \/proc\/self\/answers\.yaml: no file can be created/],
    [["score", "a.yaml", "-o", "/proc/self/x.txt"], /no file can be created in that folder/],
    // Node 20's recursive mkdir never returned here (mkdir answers ENOENT though /proc exists).
    [
      ["report", "a.yaml", "-o", "/proc/crm-new/r.md"],
      /cannot write -o \/proc\/crm-new\/r\.md: its folder does not exist/,
    ],
    [["init", "/proc/crm-new/eng"], /cannot write \/proc\/crm-new\/eng: its folder does not exist/],
  ])("exits 1 with a message for %j", (args, message) => {
    const dir = engagement();
    const r = runCli(args, { cwd: dir });
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it("refuses a read-only output file and keeps it", () => {
    const dir = engagement();
    writeFileSync(path.join(dir, "ro.md"), "mine\n");
    chmodSync(path.join(dir, "ro.md"), 0o444);
    refused(dir, ["score", "a.yaml", "-o", "ro.md"], ["ro.md"], /ro\.md: the file is read-only/);
    refused(
      dir,
      ["batch", "e.csv", "--map", "m.yaml", "-q", BQ, "-o", "ro.md"],
      ["ro.md"],
      /the file is read-only/,
    );
  });

  it("reports a full device (/dev/full) with exit 1, no stack trace and no temporary file", () => {
    const dir = engagement();
    for (const args of [
      ["score", "a.yaml", "-o", "/dev/full"],
      ["report", "a.yaml", "-o", "/dev/full"],
      ["batch", "e.csv", "--map", "m.yaml", "-q", BQ, "-o", "/dev/full"],
      ["batch", "e.csv", "--map", "m.yaml", "-q", BQ, "-o", "r.json", "--respondents", "/dev/full"],
    ]) {
      const r = runCli(args, { cwd: dir });
      expect(r.stderr, args.join(" ")).toMatch(/no space left on the device/);
      expect(r.status).toBe(1);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
    expect(existsSync(path.join(dir, "r.json"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("reports a failing standard output without a stack trace", () => {
    const dir = engagement();
    mkdirSync(path.join(dir, "x"));
    const r = runCli(["score", "a.yaml", "-o", "-"], { cwd: dir, stdoutFile: "/dev/full" });
    expect(r.stderr).toMatch(/cannot write standard output: no space left on the device/);
    expect(r.status).toBe(1);
  });
});
