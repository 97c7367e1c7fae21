import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runBatchCommand } from "../../src/app/batch.js";
import { runCompare } from "../../src/app/compare.js";
import { type Env, envWith } from "../../src/app/env.js";
import { runMapInit } from "../../src/app/map-init.js";
import { runReport } from "../../src/app/report.js";
import { runScore } from "../../src/app/score.js";
import { runValidate } from "../../src/app/validate.js";
import { InputError, UsageError } from "../../src/core/diagnostics/errors.js";
import { forgetInputs } from "../../src/io/inputs.js";
import { hasStackTrace, REPO } from "../helpers/cli.js";

// Issue 10, item 7: mutated real inputs of every kind run through the use cases. Every run must
// end in success or a located InputError/UsageError: never another exception (an "internal
// error" of the CLI), never a stack trace in a message, never a change to an input. The whole
// property is bounded in time (fast-check stops generating after TIME_LIMIT_MS).

const TIME_LIMIT_MS = 12_000;

/** Text that tends to break parsers: YAML syntax, anchors, escapes, odd numbers, BOMs, controls. */
const NASTY = [
  "&a ",
  "*a",
  "<<: *a",
  ": ",
  "- ",
  "{",
  "}",
  "[",
  '"',
  "'",
  "\\",
  "#",
  "\n",
  "\n  ",
  "\t",
  "\u001b[2J",
  "\u0000",
  "\uFEFF",
  "__proto__",
  "constructor",
  "0x10",
  "1e999",
  "-.inf",
  ".nan",
  "~",
  "!!binary ",
  "!!js/function ",
  "---\n",
  "include: [../x.yaml]\n",
  "na",
  "unknown",
  "9",
  "-1",
  "2025-02-30",
  "😀",
  "中文",
  ",",
  '"",',
  "=cmd|' /C calc'!A0",
  "x".repeat(5000),
];

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "replace"; at: number; length: number; text: string }
  | { kind: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat(40) }),
  fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    length: fc.nat(10),
    text: fc.constantFrom(...NASTY),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function mutate(text: string, ms: readonly Mutation[]): string {
  let out = text;
  for (const m of ms) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === "insert") out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === "delete") out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === "replace") out = out.slice(0, at) + m.text + out.slice(at + m.length);
    else out = out.slice(0, at);
  }
  return out;
}

const sink = () => new Writable({ write: (_c, _e, cb) => cb() });

/** A scratch engagement with one real file of every kind. */
function engagement(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-fuzz-"));
  cpSync(
    path.join(REPO, "examples/acme-manufacturing/answers/01-ceo.yaml"),
    path.join(dir, "a.yaml"),
  );
  cpSync(
    path.join(REPO, "examples/acme-manufacturing/answers/04-field-sales.yaml"),
    path.join(dir, "b.yaml"),
  );
  cpSync(path.join(REPO, "examples/acme-manufacturing/targets.yaml"), path.join(dir, "t.yaml"));
  cpSync(path.join(REPO, "test/fixtures/answers/questionnaire"), path.join(dir, "q"), {
    recursive: true,
  });
  cpSync(path.join(REPO, "test/fixtures/batch/questionnaire"), path.join(dir, "bq"), {
    recursive: true,
  });
  cpSync(path.join(REPO, "test/fixtures/batch/bad-rows/export.csv"), path.join(dir, "e.csv"));
  cpSync(path.join(REPO, "test/fixtures/batch/bad-rows/mapping.yaml"), path.join(dir, "m.yaml"));
  return dir;
}

/** Every input file of the engagement with its bytes, to prove none was changed. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.startsWith("out")) files.set(full, readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

interface Case {
  name: string;
  /** The file the mutation is applied to, relative to the engagement. */
  target: string;
  run: (e: Env) => Promise<unknown>;
}

const fmt = { lang: "en" as const };
const CASES: Case[] = [
  {
    name: "score answers",
    target: "a.yaml",
    run: (e) => runScore(["a.yaml", "b.yaml"], { format: "json", ...fmt, output: "out.json" }, e),
  },
  {
    name: "score targets",
    target: "t.yaml",
    run: (e) =>
      runScore(["a.yaml"], { format: "table", ...fmt, targets: "t.yaml", output: "out.txt" }, e),
  },
  {
    name: "validate questionnaire",
    target: "q/questionnaire.yaml",
    run: (e) =>
      runValidate(["q"], { format: "stylish", failSeverity: "error", output: "out.txt" }, e),
  },
  {
    name: "report results",
    target: "r.json",
    run: (e) =>
      runReport(
        "report",
        ["r.json"],
        { format: "md", ...fmt, strategy: "small-slow", output: "out.md" },
        e,
      ),
  },
  {
    name: "compare answers with results",
    target: "b.yaml",
    run: (e) => runCompare("r.json", "b.yaml", { format: "md", ...fmt, output: "out.md" }, e),
  },
  {
    name: "batch mapping",
    target: "m.yaml",
    run: (e) =>
      runBatchCommand(
        ["e.csv"],
        { map: "m.yaml", questionnaire: "bq/questionnaire.yaml", output: "out.json" },
        e,
      ),
  },
  {
    name: "batch export",
    target: "e.csv",
    run: (e) =>
      runBatchCommand(
        ["e.csv"],
        {
          map: "m.yaml",
          questionnaire: "bq/questionnaire.yaml",
          output: "out.json",
          respondents: "out-r.csv",
          rejects: "out-x.csv",
        },
        e,
      ),
  },
  {
    name: "map init export",
    target: "e.csv",
    run: (e) => runMapInit("e.csv", { questionnaire: "bq/questionnaire.yaml" }, e),
  },
];

describe("fuzz: mutated real inputs through every use case", () => {
  it("ends every run in success or a located input/usage error, inputs untouched", async () => {
    const dir = engagement();
    const env = envWith({
      cwd: dir,
      stdin: "",
      stdout: sink(),
      stderr: sink(),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      vars: {},
    });
    await runScore(["a.yaml", "b.yaml"], { format: "json", ...fmt, output: "r.json" }, env);
    const originals = snapshot(dir);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CASES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (c, ms) => {
          runs++;
          const file = path.join(dir, c.target);
          const original = originals.get(file) as Buffer;
          const mutated = mutate(original.toString("utf8"), ms);
          writeFileSync(file, mutated);
          const inputs = snapshot(dir);
          forgetInputs();
          const started = Date.now();
          let after: Map<string, Buffer>;
          try {
            await c.run(env);
          } catch (err) {
            if (!(err instanceof InputError || err instanceof UsageError)) {
              throw new Error(`${c.name}: internal error: ${String((err as Error)?.stack ?? err)}`);
            }
            const issues = err instanceof InputError ? err.issues : [];
            const text = [err.message, ...issues.map((i) => i.message)].join("\n");
            expect(hasStackTrace(text), `${c.name}: ${text}`).toBe(false);
          } finally {
            after = snapshot(dir);
            writeFileSync(file, original);
          }
          expect(Date.now() - started, `${c.name} took too long`).toBeLessThan(10_000);
          for (const [f, bytes] of inputs) {
            expect(after.get(f)?.equals(bytes), `${c.name} changed ${f}`).toBe(true);
          }
        },
      ),
      { interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, numRuns: 10_000 },
    );
    expect(runs).toBeGreaterThan(CASES.length);
  }, 60_000);
});
