import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "../helpers/cli.js";

// The built CLI without a terminal (spawned with pipes): what a script or CI job would see.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "crm-interview-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("crm-maturity interview without a terminal", () => {
  it("exits 2 and points to score and init", () => {
    const r = runCli(["interview", "-o", "a.yaml", "--lang", "en"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("interview needs an interactive terminal");
    expect(r.stderr).toContain("crm-maturity score <answers.yaml>");
    expect(r.stderr).toContain("crm-maturity init");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("prints the advice of a message on lines of their own, not as escaped line feeds", () => {
    const r = runCli(["interview", "-o", "a.yaml", "--lang", "en"], { cwd: dir });
    expect(r.stderr).not.toContain("\\u000a");
    expect(r.stderr).toMatch(/\n {2}To score answers you already have: {3}crm-maturity score/);
  });

  it("reports a corrupt answers file with file:line:col (exit 1) and leaves it untouched", () => {
    const text =
      "assessment:\n  client: { name: Acme }\n  date: 2025-01-02\n  assessor: J\n  questionnaire: { id: crm-maturity, version: 1.0.0 }\nrespondents:\n  - id: a\n    role: boss\n";
    writeFileSync(path.join(dir, "a.yaml"), text);
    const r = runCli(["interview", "-o", "a.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^a\.yaml:8:11 {2}error {2}expected one of the roles/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(path.join(dir, "a.yaml"), "utf8")).toBe(text);
  });

  it("reports a bad questionnaire with file:line:col (exit 1)", () => {
    writeFileSync(path.join(dir, "q.yaml"), "id: x\nversion: [\n");
    const r = runCli(["interview", "-q", "q.yaml", "-o", "a.yaml"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^q\.yaml:\d+:\d+ {2}error/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("rejects an unknown --lang and --role as usage errors (exit 2)", () => {
    expect(runCli(["interview", "--lang", "fr"], { cwd: dir }).status).toBe(2);
    const r = runCli(["interview", "--role", "ceo"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--role expects one of the questionnaire's roles");
  });

  it("does not interview owner-only roles (respondent: false)", () => {
    const r = runCli(["interview", "--role", "hr"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/roles \(executive, manager, frontline, it\)/);
  });
});
