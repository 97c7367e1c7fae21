import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validatePaths } from "../../src/app/validate-files.js";
import { InputError } from "../../src/core/diagnostics/errors.js";
import { MAX_INCLUDE_DEPTH } from "../../src/core/diagnostics/limits.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { parseYamlSource } from "../../src/io/yaml.js";
import { renderPdf } from "../../src/render/report/pdf.js";
import { loadTemplates } from "../../src/render/templates.js";
import { REPO } from "../helpers/cli.js";
import { acmeReport } from "../helpers/report.js";

// Issue 10, items 9 to 12 and 14: readers stay bounded and never block or leak, whatever the
// input; each refusal is a located finding, never a crash.

const tmp = () => mkdtempSync(path.join(tmpdir(), "crm-bounded-"));
const mkfifo = (p: string) => execFileSync("mkfifo", [p]);

describe("YAML alias expansion is bounded by bytes as well as count", () => {
  it("refuses one large anchor aliased 999 times, quickly and without the memory", () => {
    const note = "x".repeat(600_000);
    const text = `a: &n "${note}"\nb: [${Array.from({ length: 999 }, () => "*n").join(", ")}]\n`;
    const started = Date.now();
    const { issues } = parseYamlSource(text, "/bomb.yaml", "bomb.yaml");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "alias-bomb", start: { line: 2 } });
  });

  it("refuses an alias inside the node it names, at the alias, in a map and in a list", () => {
    for (const [text, at] of [
      ["assessment: &a\n  x: *a\n", { line: 2, column: 6 }],
      ["respondents:\n  - &r\n    id: x\n    answers: [1, *r]\n", { line: 4, column: 18 }],
    ] as const) {
      const { issues } = parseYamlSource(text, "/cycle.yaml", "cycle.yaml");
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: "alias-bomb", start: at });
      expect(issues[0]?.message).toMatch(/found \*[ar] inside the node it names/);
    }
    // A later sibling may name an earlier node: no cycle.
    const { file, issues } = parseYamlSource("a: &x {b: 1}\nc: {d: *x}\n", "/ok.yaml", "ok.yaml");
    expect(issues).toEqual([]);
    expect(file.value).toEqual({ a: { b: 1 }, c: { d: { b: 1 } } });
  });

  it("still reads ordinary anchors and aliases", () => {
    const { file, issues } = parseYamlSource("a: &x [1, 2]\nb: *x\n", "/ok.yaml", "ok.yaml");
    expect(issues).toEqual([]);
    expect(file.value).toEqual({ a: [1, 2], b: [1, 2] });
  });
});

describe("includes", () => {
  it(`refuses a chain of 2,000 include-only files at depth ${MAX_INCLUDE_DEPTH}, at the include line`, () => {
    const dir = tmp();
    const root = readFileSync(
      path.join(REPO, "test/fixtures/answers/questionnaire/questionnaire.yaml"),
      "utf8",
    ).replace(/^include:[\s\S]*?(?=^\S)/m, "include: [c0.yaml]\n");
    writeFileSync(path.join(dir, "questionnaire.yaml"), root);
    for (let i = 0; i < 2000; i++) {
      writeFileSync(path.join(dir, `c${i}.yaml`), `include:\n  - c${i + 1}.yaml\n`);
    }
    const { issues } = validatePaths([path.join(dir, "questionnaire.yaml")], dir);
    const deep = issues.find((i) => i.code === "include-too-deep");
    expect(deep).toMatchObject({
      file: `c${MAX_INCLUDE_DEPTH - 1}.yaml`,
      start: { line: 2, column: 5 },
    });
  });

  it.each([
    ["''", "an empty string"],
    ["dims", "a folder"],
  ])("locates an include of %s at the include line", (entry, found) => {
    const dir = tmp();
    cpSync(path.join(REPO, "test/fixtures/answers/questionnaire"), dir, { recursive: true });
    mkdirSync(path.join(dir, "dims"));
    const file = path.join(dir, "questionnaire.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/^include:\n/m, `include:\n  - ${entry}\n`));
    const line = text.split("\n").findIndex((l) => l.startsWith("include:")) + 2;
    const { issues } = validatePaths([file], dir);
    const problem = issues.find((i) => i.code === "include-not-found");
    expect(problem?.message).toContain(found);
    expect(problem).toMatchObject({ file: "questionnaire.yaml", start: { line, column: 5 } });
  });
});

describe("only regular files are read where a file is expected", () => {
  it("reports a FIFO in a validated folder and given to -q instead of blocking", () => {
    const dir = tmp();
    cpSync(path.join(REPO, "test/fixtures/answers/questionnaire"), dir, { recursive: true });
    mkfifo(path.join(dir, "pipe.yaml"));
    const { issues } = validatePaths([dir], dir);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: "file-unreadable", file: "pipe.yaml" }),
    );
    expect(issues.find((i) => i.file === "pipe.yaml")?.message).toMatch(/device, FIFO or socket/);
    expect(() => resolveQuestionnaire(path.join(dir, "pipe.yaml"), dir)).toThrow(InputError);
  });

  it("refuses a FIFO template and a link loop in a template folder", async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, "partials"));
    mkfifo(path.join(dir, "partials", "cover.hbs"));
    symlinkSync("..", path.join(dir, "partials", "loop"));
    const err = await loadTemplates({ dir, cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const messages = (err as InputError).issues.map((i) => `${i.file}: ${i.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/cover\.hbs: .*device, FIFO or socket/));
    expect(messages).toContainEqual(expect.stringMatching(/loop: .*a loop/));
  });
});

describe("validate <folder> never follows a link out of the folder", () => {
  it("warns about the link and never reads or echoes what it points to", () => {
    const secret = path.join(tmp(), "secret.yaml");
    writeFileSync(secret, "TOPSECRET-API-KEY-12345\n");
    const dir = tmp();
    cpSync(path.join(REPO, "test/fixtures/answers/questionnaire"), dir, { recursive: true });
    symlinkSync(secret, path.join(dir, "leak.yaml"));
    const { issues } = validatePaths([dir], dir);
    expect(JSON.stringify(issues)).not.toContain("TOPSECRET");
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: "include-outside-root",
        file: "leak.yaml",
        severity: "warning",
      }),
    );
  });
});

const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

describe("a damaged --font is one clear message", () => {
  it.skipIf(!existsSync(DEJAVU) && !process.env.CI)(
    "turns every corruption into the same InputError naming the file",
    async () => {
      const good = readFileSync(DEJAVU);
      const dir = tmp();
      const variants: Buffer[] = [
        good.subarray(0, 1_000),
        good.subarray(0, 40_000),
        Buffer.concat([good.subarray(0, 12), Buffer.alloc(200, 0xff), good.subarray(212)]),
        Buffer.from(good.map((b, i) => (i > 300 && i % 997 === 0 ? b ^ 0xff : b))),
      ];
      for (const [i, bytes] of variants.entries()) {
        const file = path.join(dir, `bad-${i}.ttf`);
        writeFileSync(file, bytes);
        const err = await renderPdf(acmeReport(), { fontPath: file }).then(
          () => undefined,
          (e: unknown) => e,
        );
        // A corruption fontkit never touches may render; anything else is the one message.
        if (err === undefined) continue;
        expect(err, `variant ${i}`).toBeInstanceOf(InputError);
        expect((err as Error).message).toContain(file);
      }
    },
    60_000,
  );
});
