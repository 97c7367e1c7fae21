import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validatePaths } from "../../src/app/validate-files.js";
import { ISSUE_CODES, type Issue } from "../../src/core/diagnostics/issue.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const PACKS = [
  path.join(REPO, "test/fixtures/validate/valid"),
  path.join(REPO, "questionnaires/crm-maturity"),
];

function expectWellFormed(issues: Issue[]) {
  for (const i of issues) {
    expect(ISSUE_CODES).toContain(i.code);
    expect(i.start.line).toBeGreaterThanOrEqual(1);
    expect(i.start.column).toBeGreaterThanOrEqual(1);
    expect(i.message.length).toBeGreaterThan(0);
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .sort();
}

/** One random edit of a text file: what a careless author or a merge conflict might do. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom(
      ":",
      "- ",
      "  ",
      "\t",
      "&a ",
      "*a",
      "{",
      "]",
      "---\n",
      "'",
      '"',
      "#",
      "\n",
      "~",
      "!!binary ",
    ),
  }),
  fc.record({
    kind: fc.constant("replace-char" as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 3 }),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const n = lines.length;
  switch (m.kind) {
    case "delete-line":
      lines.splice(m.at % n, 1);
      return lines.join("\n");
    case "duplicate-line":
      lines.splice(m.at % n, 0, lines[m.at % n] ?? "");
      return lines.join("\n");
    case "swap-lines": {
      const a = m.at % n;
      const b = m.to % n;
      [lines[a], lines[b]] = [lines[b] ?? "", lines[a] ?? ""];
      return lines.join("\n");
    }
    case "insert": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    default: {
      const at = m.at % Math.max(1, text.length);
      return text.slice(0, at) + m.text + text.slice(at + 1);
    }
  }
}

describe("the loader never throws", () => {
  it("on arbitrary bytes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-bytes-"));
    const file = path.join(dir, "questionnaire.yaml");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        writeFileSync(file, bytes);
        const { issues } = validatePaths([file], dir);
        expectWellFormed(issues);
      }),
      { numRuns: 150 },
    );
  });

  it("on arbitrary text that starts like a questionnaire", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-text-"));
    const file = path.join(dir, "questionnaire.yaml");
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        writeFileSync(file, `id: x\nversion: 1.0.0\nlanguages: [en]\nscale:\n${tail}`);
        expectWellFormed(validatePaths([file], dir).issues);
      }),
      { numRuns: 150 },
    );
  });

  for (const pack of PACKS) {
    it(`on random mutations of ${path.relative(REPO, pack)}`, () => {
      const files = yamlFiles(pack);
      fc.assert(
        fc.property(
          fc.nat({ max: files.length - 1 }),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          (which, edits) => {
            const dir = mkdtempSync(path.join(tmpdir(), "crm-mut-"));
            cpSync(pack, dir, { recursive: true });
            const target = path.join(dir, files[which] ?? "");
            let text = readFileSync(target, "utf8");
            for (const e of edits) text = mutate(text, e);
            writeFileSync(target, text);
            expectWellFormed(validatePaths([dir], dir).issues);
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
