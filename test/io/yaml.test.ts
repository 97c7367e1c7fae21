import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFast, parseWithPositions, parseYamlSource } from "../../src/io/yaml.js";

const careful = (text: string) => {
  const { file, issues } = parseWithPositions(text, "/a.yaml", "a.yaml");
  return { value: file.value, codes: issues.map((i) => i.code) };
};
const routed = (text: string) => {
  const { file, issues } = parseYamlSource(text, "/a.yaml", "a.yaml");
  return { value: file.value, codes: issues.map((i) => i.code) };
};

/** Plain scalars where YAML 1.1, js-yaml's CORE_SCHEMA and the 1.2 core schema disagree. */
const TRICKY = [
  "0b11",
  "0o17",
  "0x1F",
  "0X1F",
  "-0x1F",
  "+0o7",
  "0o8",
  "0x",
  "017",
  "0",
  "-0",
  "+12",
  "1_000",
  "+.5",
  "-.5",
  ".5",
  "1.",
  "0.",
  "1e3",
  "1E+3",
  "1.5e-3",
  "+1.5E3",
  ".5e1",
  "1_0.5",
  "1__0",
  ".inf",
  "-.inf",
  "+.inf",
  ".Inf",
  ".INF",
  ".iNF",
  ".nan",
  ".NaN",
  ".NAN",
  "+.nan",
  "nan",
  "inf",
  "~",
  "null",
  "Null",
  "NULL",
  "nULL",
  "true",
  "True",
  "TRUE",
  "tRUE",
  "false",
  "False",
  "FALSE",
  "yes",
  "no",
  "Yes",
  "NO",
  "on",
  "off",
  "y",
  "n",
  "2026-03-16",
  "2026-03-16T10:00:00Z",
  "2026-3-6",
  "12:30",
  "1:20:30",
  "0b",
  "=",
  "<<",
  "3",
  "12345678901234567890",
  "0x7FFFFFFFFFFFFFFFF",
];

const numberLike = fc
  .tuple(
    fc.constantFrom("", "+", "-"),
    fc.constantFrom("", "0b", "0o", "0x", "0"),
    fc.stringMatching(/^[0-9a-fA-F_]{0,4}$/),
    fc.constantFrom("", ".", ".5", ".0_1"),
    fc.constantFrom("", "e3", "E-2", "e+1"),
  )
  .map((parts) => parts.join(""))
  .filter((s) => s.length > 0);

const plainScalar = fc.oneof(
  fc.constantFrom(...TRICKY),
  numberLike,
  fc.stringMatching(/^[0-9a-zA-Z.+_~][0-9a-zA-Z.+_~-]{0,6}$/),
);
const scalar = fc.oneof(
  { weight: 4, arbitrary: plainScalar },
  { weight: 1, arbitrary: plainScalar.map((s) => `"${s}"`) },
  { weight: 1, arbitrary: plainScalar.map((s) => `'${s}'`) },
);
const key = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), plainScalar);

const mapping = fc
  .array(fc.tuple(key, scalar), { minLength: 1, maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}\n`).join(""));
const sequence = fc
  .array(scalar, { minLength: 1, maxLength: 5 })
  .map((items) => items.map((v) => `- ${v}\n`).join(""));
const flow = fc
  .array(scalar, { minLength: 1, maxLength: 4 })
  .map((items) => `[${items.join(", ")}]\n`);
const nested = fc
  .tuple(fc.constantFrom("answers", "scores"), fc.oneof(mapping, sequence))
  .map(([k, body]) => `${k}:\n${body.replace(/^/gm, "  ").trimEnd()}\n`);
const document = fc.oneof(
  fc.constantFrom(...TRICKY).map((s) => `${s}\n`),
  mapping,
  sequence,
  flow,
  nested,
);

/** Adds an unrelated anchor and alias, which sends the text down the position-keeping path. */
const withAnchor = (text: string) =>
  text.startsWith("- ")
    ? `${text}- &extra x\n- *extra\n`
    : `${text}zz_anchor: &extra x\nzz_alias: *extra\n`;

describe("parseYamlSource: one YAML grammar", () => {
  it("the fast path and the position-keeping path agree on every document", () => {
    fc.assert(
      fc.property(fc.oneof(document, document.map(withAnchor)), (text) => {
        const fast = parseFast(text);
        const slow = careful(text);
        if (fast.ok) expect(slow).toEqual({ value: fast.value, codes: [] });
        expect(routed(text)).toEqual(slow);
      }),
      { numRuns: 2000 },
    );
  });

  it("an unrelated anchor does not change how a mapping's scalars are read", () => {
    fc.assert(
      fc.property(
        mapping.filter((m) => !/^zz_/m.test(m)),
        (text) => {
          const plain = routed(text);
          const anchored = routed(withAnchor(text));
          if (plain.codes.length > 0) {
            expect(anchored.codes).toEqual(plain.codes);
          } else {
            expect(anchored.codes).toEqual([]);
            expect(anchored.value).toEqual({
              ...(plain.value as object),
              zz_anchor: "x",
              zz_alias: "x",
            });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    "- -\n- a\n",
    "a:\n  - - # empty\n  - b\n",
    "~: 1\n",
    "%YAML 1.1\n---\na: 0b11\nb: yes\n",
    "<<: {a: 1}\nb: 2\n",
    "a: !!str 12\n",
  ])("agrees on %j on both paths", (text) => {
    const fast = parseFast(text);
    const slow = careful(text);
    if (fast.ok) expect(slow).toEqual({ value: fast.value, codes: [] });
    expect(routed(text)).toEqual(slow);
    expect(routed(withAnchor(text)).codes).toEqual(slow.codes);
  });

  it.each([
    ["0b11", "0b11"],
    ["0o17", 15],
    ["0x1F", 31],
    ["-0x1F", "-0x1F"],
    ["1_000", "1_000"],
    ["+.5", 0.5],
    ["+12", 12],
    [".inf", Number.POSITIVE_INFINITY],
    ["-.Inf", Number.NEGATIVE_INFINITY],
    [".NaN", Number.NaN],
    ["~", null],
    ["Null", null],
    ["nULL", "nULL"],
    ["yes", "yes"],
    ["no", "no"],
    ["True", true],
    ["2026-03-16", "2026-03-16"],
  ])("reads %s as %o on both paths", (scalarText, expected) => {
    const text = `a: ${scalarText}\n`;
    expect(routed(text).value).toEqual({ a: expected });
    expect(routed(withAnchor(text)).value).toEqual({ a: expected, zz_anchor: "x", zz_alias: "x" });
  });
});
