import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import stringWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, exampleAnswers, REPO, runCli } from "../helpers/cli.js";

// The terminal outputs (score's and compare's tables, validate's listing) as a user sees them:
// laid out in COLUMNS, else the terminal's width, else 80 columns.
const ACME = path.join(REPO, "examples/acme-manufacturing/answers");
const HUAXIN = path.join(REPO, "examples/huaxin-retail/answers");
const LOTUS = path.join(REPO, "test/fixtures/compare");
const COMPARE = [
  "compare",
  path.join(LOTUS, "lotus/baseline.yaml"),
  path.join(LOTUS, "lotus/followup.yaml"),
  "--baseline-questionnaire",
  path.join(LOTUS, "questionnaire-v1/questionnaire.yaml"),
  "-q",
  path.join(LOTUS, "questionnaire-v2/questionnaire.yaml"),
];
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

const tmp = mkdtempSync(path.join(tmpdir(), "crm-width-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The widest line of `text`, in terminal columns (CJK characters count two). */
const widest = (text: string) => Math.max(...text.split("\n").map((l) => stringWidth(l)));

describe("COLUMNS sets the width of the terminal outputs", () => {
  for (const [name, args] of [
    ["score, en", ["score", ACME]],
    ["score, zh-CN", ["score", HUAXIN, "--lang", "zh-CN"]],
    ["compare, en", COMPARE],
    ["compare, zh-CN", [...COMPARE, "--lang", "zh-CN"]],
  ] as const) {
    for (const width of [60, 80, 120]) {
      it(`${name} at ${width} columns`, () => {
        const r = runCli([...args], { env: { COLUMNS: String(width) } });
        expect(r.status, r.stderr).toBe(0);
        expect(widest(r.stdout)).toBeLessThanOrEqual(width);
      });
    }
  }

  it("validate lays its findings out in COLUMNS", () => {
    const fixture = path.join(REPO, "test/fixtures/validate/unresolved-reference");
    const r = runCli(["validate", "."], { cwd: fixture, env: { COLUMNS: "60" } });
    expect(r.status).toBe(1);
    expect(widest(r.stdout)).toBeLessThanOrEqual(60);
    expect(r.stdout).toMatch(/did\s+you\s+mean\s+"lead\.owner"\?/);
  });

  it("piped without COLUMNS, or with a COLUMNS that is no width, the table is laid out in 80", () => {
    const piped = runCli(["score", ACME]);
    expect(piped.status, piped.stderr).toBe(0);
    expect(widest(piped.stdout)).toBeLessThanOrEqual(80);
    // The full table is 122 columns wide: 80 leaves columns out, and says so.
    expect(piped.stdout).toContain("Left out at this width");
    expect(runCli(["score", ACME], { env: { COLUMNS: "wide" } }).stdout).toBe(piped.stdout);
    expect(runCli(["score", ACME], { env: { COLUMNS: "80" } }).stdout).toBe(piped.stdout);
    const wide = runCli(["score", ACME], { env: { COLUMNS: "200" } }).stdout;
    expect(wide).not.toContain("Left out at this width");
    expect(widest(wide)).toBe(122);
  });

  it("writes a file in 80 columns too, whatever the terminal", () => {
    const out = path.join(tmp, "score.txt");
    const r = runCli(["score", ...exampleAnswers("acme-manufacturing"), "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(runCli(["score", ACME]).stdout);
  });
});

// util-linux `script` gives the CLI a real pseudo-terminal, `stty` its width; skipped without it.
const HAS_SCRIPT = spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!HAS_SCRIPT)("at a terminal", () => {
  it("lays the score table out in the terminal's width", () => {
    const command = `stty cols 72 rows 60; ${process.execPath} ${BIN} score ${ACME}`;
    const r = spawnSync("script", ["-qec", command, "/dev/null"], {
      cwd: REPO,
      env: { ...process.env, COLUMNS: "", NO_COLOR: "", FORCE_COLOR: "", TERM: "xterm" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.replace(ANSI, "").replaceAll("\r", "");
    expect(text).toContain("Readiness:");
    expect(widest(text)).toBeLessThanOrEqual(72);
    // 72 columns hold the table without level names, score bar and coverage (80 do too).
    expect(text).toMatch(/│ Dimension +│ Score │ Level │ Target │ +Gap │ Confidence │/);
  });
});
