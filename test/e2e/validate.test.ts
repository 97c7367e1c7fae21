import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { hasStackTrace, REPO, runCli } from "../helpers/cli.js";

const fixtures = path.join(REPO, "test/fixtures/validate");
const fixture = (name: string) => path.join(fixtures, name);
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

describe("crm-maturity validate (built CLI)", () => {
  it("passes the bundled standard pack with zero findings", () => {
    const r = runCli(["validate", "questionnaires/", "--format", "json"]);
    expect(JSON.parse(r.stdout).issues).toEqual([]);
    expect(r.status).toBe(0);
  });

  it("exits 0 on a clean questionnaire and says so", () => {
    const r = runCli(["validate", "."], { cwd: fixture("valid") });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no problems/);
  });

  it("defaults to the current folder", () => {
    const r = runCli(["validate"], { cwd: fixture("unknown-key") });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("dimensions/lead.yaml");
    expect(r.stdout).toMatch(/4:1\s+error\s+[\s\S]*unknown key\s+"colour"/);
  });

  it("exits 1 with located findings in stylish, without colour when piped", () => {
    const r = runCli(["validate", fixture("unresolved-reference")], { cwd: REPO });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("test/fixtures/validate/unresolved-reference/dimensions/lead.yaml");
    expect(r.stdout).toMatch(/did\s+you\s+mean\s+"lead\.owner"\?/);
    expect(r.stdout).not.toMatch(ANSI);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it("emits json with a summary", () => {
    const r = runCli(["validate", "--format", "json", "."], { cwd: fixture("missing-anchor") });
    const out = JSON.parse(r.stdout);
    expect(r.status).toBe(1);
    expect(out.summary).toMatchObject({ errors: 1, warnings: 0 });
    expect(out.issues[0]).toMatchObject({ code: "missing-anchor", file: "dimensions/lead.yaml" });
  });

  it("emits GitHub workflow commands", () => {
    const r = runCli(["validate", "--format", "github", "."], { cwd: fixture("missing-kpis") });
    expect(r.stdout).toMatch(
      /^::warning file=dimensions\/lead\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=missing-kpis::/m,
    );
    expect(r.status).toBe(0);
  });

  it("emits SARIF 2.1.0 with repo-relative URIs", () => {
    const r = runCli(["validate", "--format", "sarif", "."], { cwd: fixture("duplicate-id") });
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    const result = sarif.runs[0].results[0];
    expect(result.ruleId).toBe("duplicate-id");
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("dimensions/lead2.yaml");
    expect(r.status).toBe(1);
  });

  it("on GitHub Actions, names files from the repository root when run in a subfolder", () => {
    const cwd = fixture("missing-kpis");
    const env = { GITHUB_WORKSPACE: REPO };
    const file = "test/fixtures/validate/missing-kpis/dimensions/lead.yaml";
    const github = runCli(["validate", ".", "--format", "github"], { cwd, env });
    expect(github.stdout).toMatch(new RegExp(`^::warning file=${file},line=37,`, "m"));
    const sarif = JSON.parse(runCli(["validate", "--format", "sarif"], { cwd, env }).stdout);
    const location = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: file, uriBaseId: "%SRCROOT%" });
    expect(sarif.runs[0].originalUriBaseIds["%SRCROOT%"].uri).toBe(`${pathToFileURL(REPO).href}/`);
    // The formats people read keep paths from where they stand; outside the workspace, from cwd.
    const json = JSON.parse(runCli(["validate", "--format", "json"], { cwd, env }).stdout);
    expect(json.issues[0].file).toBe("dimensions/lead.yaml");
    const elsewhere = { GITHUB_WORKSPACE: path.join(tmpdir(), "elsewhere") };
    const outside = runCli(["validate", "--format", "github"], { cwd, env: elsewhere });
    expect(outside.stdout).toMatch(/^::warning file=dimensions\/lead\.yaml,/m);
  });

  it("emits JUnit XML", () => {
    const r = runCli(["validate", "--format", "junit", "."], { cwd: fixture("include-cycle") });
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(r.stdout).toMatch(/<failure [^>]*type="include-cycle"/);
    expect(r.status).toBe(1);
  });

  it("treats warnings as failures with --fail-severity warning or over --max-warnings", () => {
    const cwd = fixture("missing-kpis");
    expect(runCli(["validate", "."], { cwd }).status).toBe(0);
    expect(runCli(["validate", ".", "--fail-severity", "warning"], { cwd }).status).toBe(1);
    expect(runCli(["validate", ".", "--max-warnings", "1"], { cwd }).status).toBe(0);
    const over = runCli(["validate", ".", "--max-warnings", "0"], { cwd });
    expect(over.status).toBe(1);
    expect(over.stderr).toBe("crm-maturity: 1 warning exceeds --max-warnings 0\n");
  });

  it("says why it failed over --max-warnings in every format, keeping stdout machine-readable", () => {
    const cwd = fixture("missing-kpis");
    for (const format of ["json", "github", "sarif", "junit"]) {
      const r = runCli(["validate", ".", "--format", format, "--max-warnings", "0"], { cwd });
      expect(r.status, format).toBe(1);
      expect(r.stderr, format).toBe("crm-maturity: 1 warning exceeds --max-warnings 0\n");
      expect(r.stdout, format).toContain("missing-kpis");
      if (format === "json" || format === "sarif") expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
  });

  it("exits 2 when a folder holds no questionnaire file, instead of passing having checked nothing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-validate-empty-"));
    writeFileSync(path.join(dir, "docker-compose.yml"), "services: {}\n");
    for (const args of [["validate"], ["validate", "."], ["validate", dir, "--format", "sarif"]]) {
      const r = runCli(args, { cwd: dir });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/no questionnaire files in .*; found none/);
    }
  });

  it("accepts globs and explicit dimension files", () => {
    const cwd = fixture("invalid-value");
    const glob = runCli(["validate", "dimensions/*.yaml", "--format", "json"], { cwd });
    expect(JSON.parse(glob.stdout).issues.map((i: { code: string }) => i.code)).toContain(
      "invalid-value",
    );
    expect(glob.status).toBe(1);
  });

  it("writes the report atomically to -o", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-validate-"));
    const out = path.join(dir, "report.sarif");
    const r = runCli(["validate", ".", "--format", "sarif", "-o", out], {
      cwd: fixture("unknown-key"),
    });
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).version).toBe("2.1.0");
    expect(r.status).toBe(1);
  });

  it("exits 2 on usage errors, with a message and no stack trace", () => {
    for (const args of [
      ["validate", "--format", "xml"],
      ["validate", "no/such/path"],
      ["validate", "--max-warnings", "many"],
      ["frobnicate"],
    ]) {
      const r = runCli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/error/);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it("shows help with an example", () => {
    const r = runCli(["validate", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ crm-maturity validate/);
  });
});
