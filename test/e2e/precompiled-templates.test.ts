import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleAnswers, REPO, runCli } from "../helpers/cli.js";
import { BASELINE, FOLLOWUP, V1, V2 } from "../helpers/lotus.js";

/**
 * The built CLI renders the bundled templates from their build-time precompiled form; a copy of
 * the templates with a comment added is no longer the text they were compiled from, so it is
 * compiled at run time. Both must write the same bytes.
 */
function runtimeCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "crm-templates-"));
  cpSync(path.join(REPO, "templates"), dir, { recursive: true });
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    if (!name.endsWith(".hbs")) continue;
    const file = path.join(dir, name);
    // A standalone comment line renders as nothing.
    writeFileSync(file, `${readFileSync(file, "utf8")}{{!-- compiled at run time --}}`);
  }
  return dir;
}

const example = (client: string) => {
  const dir = path.join(REPO, "examples", client);
  return [...exampleAnswers(client), "--targets", path.join(dir, "targets.yaml")];
};

describe("precompiled templates", () => {
  const copy = runtimeCopy();
  for (const [name, args] of [
    ["report (English)", ["report", ...example("acme-manufacturing"), "--lang", "en"]],
    ["report (Chinese)", ["report", ...example("huaxin-retail"), "--lang", "zh-CN"]],
    ["board report", ["report", ...example("acme-manufacturing"), "--edition", "board"]],
    ["roadmap", ["roadmap", ...example("acme-manufacturing")]],
    ["compare", ["compare", BASELINE, FOLLOWUP, "--baseline-questionnaire", V1, "-q", V2]],
  ] as const) {
    it(`write the same ${name} as the templates compiled at run time`, () => {
      const precompiled = runCli([...args]);
      const compiled = runCli([...args, "--template", copy]);
      expect(precompiled.status).toBe(0);
      expect(compiled.status).toBe(0);
      expect(precompiled.stdout.length).toBeGreaterThan(1000);
      expect(precompiled.stdout).toBe(compiled.stdout);
    });
  }

  // Handlebars's runtime is part of the CLI's bundle; the library with its compiler is loaded from
  // node_modules, only when a template must be compiled.
  it("load Handlebars's compiler only for templates compiled at run time", () => {
    const hook = path.join(mkdtempSync(path.join(os.tmpdir(), "crm-hbs-hook-")), "hook.cjs");
    writeFileSync(
      hook,
      `process.on("exit", () => {
  const files = Object.keys(require.cache).filter((f) => /[\\\\/]handlebars[\\\\/]/.test(f));
  process.stderr.write(files.length === 0 ? "none\\n" : files.some((f) => /compiler/.test(f)) ? "compiler\\n" : "runtime\\n");
});`,
    );
    const args = ["report", ...example("acme-manufacturing"), "--lang", "en"];
    const env = { NODE_OPTIONS: `--require ${hook}` };
    const precompiled = runCli(args, { env });
    const compiled = runCli([...args, "--template", copy], { env });
    expect(precompiled.status).toBe(0);
    expect(compiled.status).toBe(0);
    expect(precompiled.stderr).toBe("none\n");
    expect(compiled.stderr).toBe("compiler\n");
  });
});
