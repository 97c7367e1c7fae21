import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { YamlPath } from "../../src/core/diagnostics/source.js";
import { cleanSourceFile, parseFast, parseWithPositions, sliceLocator } from "../../src/io/yaml.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every path to a node of a value: mapping keys and sequence indices. */
function pathsOf(value: unknown, at: YamlPath = [], out: YamlPath[] = []): YamlPath[] {
  out.push(at);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      pathsOf(v, [...at, i], out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

/**
 * Checks that locating by slices gives exactly the whole-file parse's ranges, for every node of
 * a text (value and key); returns how many the slices answered themselves.
 */
function expectSameRanges(text: string): number {
  const fast = parseFast(text);
  if (!fast.ok) throw new Error("not a clean file");
  const whole = parseWithPositions(text, "/a.yaml", "a.yaml").file;
  const sliced = sliceLocator(text, fast.value);
  const clean = cleanSourceFile(fast.value, text, "/a.yaml", "a.yaml");
  let answered = 0;
  for (const p of pathsOf(fast.value)) {
    for (const key of [false, true]) {
      const expected = whole.locate(p, { key });
      const got = sliced(p, { key });
      if (got) answered++;
      const range = got ?? clean.locate(p, { key });
      expect({ p, key, range }).toEqual({ p, key, range: expected });
    }
  }
  return answered;
}

describe("locating by slices", () => {
  it("gives the whole-file ranges for every node of the examples and bundled questionnaires", () => {
    const files = [
      ...yamlFiles(path.join(ROOT, "examples")),
      ...yamlFiles(path.join(ROOT, "questionnaires")),
    ];
    let answered = 0;
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      if (!parseFast(text).ok) continue;
      answered += expectSameRanges(text);
    }
    // Slices, not the whole-file parse, answer nearly everything in these files.
    expect(answered).toBeGreaterThan(1000);
  });

  it.each([
    ["compact items", "a:\n  - id: x\n    v: 1\n  - id: y\n    v: [1, 2]\n"],
    ["a dash alone", "a:\n  -\n    id: x\n  - \n    id: y\n"],
    ["nested compact items", "a:\n  - - 1\n    - 2\n  - - 3\n"],
    ["a sequence at its key's indent", "a:\n- id: x\n- id: y\nb: 2\n"],
    [
      "comments and blank lines",
      "# c\na:\n  # c\n  - id: x # c\n\n    # c\n    v: 1\n\n  # c\n  - id: y\n\nb: 1 # c\n",
    ],
    ["CRLF line ends", "a:\r\n  - id: x\r\n    v: 1\r\n  - id: y\r\n"],
    ["quoted keys", "\"a b\":\n  'c''d':\n    e: 1\n\"f\": 2\n"],
    ["a quoted scalar that spans lines", 'a:\n  b: "x\n  c: y"\n  c: 2\n'],
    ["a plain scalar that spans lines", "a:\n  b: x\n    y\n  c:\n    z\n    w\n"],
    ["block scalars", "a:\n  b: |\n    x: 1\n    - y\n  c: >-\n    z\n  d: 3\n"],
    ["flow collections", "a: {b: [1, {c: 2}]}\nd:\n  e: [1,\n    2]\n"],
    ["an indented root", "  a:\n    b: 1\n  c: 2\n"],
    ["a sequence root", "- a: 1\n- b:\n    - 2\n"],
    ["a tagged value", "a: !!map\n  b: 1\n"],
    ["keys with colons", "a:b: 1\nc: {d: 2}\n'e:f': 3\n"],
    ["null and numeric keys", "1: a\nnull: b\n2:\n  ~: c\n"],
  ])("gives the whole-file ranges with %s", (_, text) => {
    expectSameRanges(text);
  });
});
