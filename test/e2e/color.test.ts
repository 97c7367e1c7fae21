import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO } from "../helpers/cli.js";

// The one colour rule (no-color.org): colour at a terminal unless NO_COLOR is set to a non-empty
// value. util-linux `script` gives the CLI a real pseudo-terminal; skipped where it is missing.
const HAS_SCRIPT = spawnSync("script", ["--version"]).status === 0;
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);
const QUESTIONNAIRE = path.join(REPO, "test/fixtures/answers/questionnaire");
const ACME = path.join(REPO, "examples/acme-manufacturing/answers/01-ceo.yaml");

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Runs the built CLI at a pseudo-terminal with NO_COLOR set to `noColor`. */
function atTerminal(args: string[], noColor: string): { status: number | null; stdout: string } {
  const command = [process.execPath, BIN, ...args].map(quote).join(" ");
  const r = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: noColor, FORCE_COLOR: "", TERM: "xterm" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout };
}

describe.skipIf(!HAS_SCRIPT)("colour at a terminal", () => {
  it.each([
    ["validate", ["validate", QUESTIONNAIRE]],
    ["score", ["score", ACME]],
  ])('%s: NO_COLOR="" keeps colour, NO_COLOR=1 turns it off', (_name, args) => {
    const kept = atTerminal(args, "");
    expect(kept.status).toBe(0);
    expect(kept.stdout).toMatch(ANSI);
    const off = atTerminal(args, "1");
    expect(off.status).toBe(0);
    expect(off.stdout).not.toMatch(ANSI);
  });
});
