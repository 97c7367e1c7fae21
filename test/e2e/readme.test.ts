import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/cli.js";

const readme = readFileSync(path.join(REPO, "README.md"), "utf8");

describe("README stays true", () => {
  it("its answers-file example scores", () => {
    const block =
      /```yaml\n(# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/answers[\s\S]*?)```/.exec(
        readme,
      )?.[1];
    expect(block).toBeDefined();
    const dir = mkdtempSync(path.join(tmpdir(), "crm-readme-"));
    writeFileSync(path.join(dir, "answers.yaml"), block ?? "");
    const r = runCli(["score", path.join(dir, "answers.yaml"), "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("lists every command the CLI has, and only those", () => {
    const help = runCli(["--help"]).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z]+) /gm)]
      .map((m) => m[1])
      .filter((c) => c !== "help");
    const documented = [...readme.matchAll(/^\| \[`([a-z]+)[ `]/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(commands));
  });

  it("links only to docs that exist", () => {
    for (const [, link] of readme.matchAll(/\]\(((?:docs|examples)\/[^)#]+)/g)) {
      expect(existsSync(path.join(REPO, link ?? "")), link).toBe(true);
    }
  });
});
