import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeControls, escapeControlsDeep } from "../../../src/core/text/controls.js";

// Control characters: ESC, NUL, backspace, form feed, carriage return, DEL, a C1 character.
const CONTROLS = ["\u001b", "\u0000", "\b", "\f", "\r", "\u007f", "\u009b"];
const text = fc
  .array(fc.constantFrom("a", "中", " ", "\n", "\t", ...CONTROLS), { maxLength: 8 })
  .map((chars) => chars.join(""));
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("id", "title", "note"), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** What must not reach a terminal raw: every control character but line feeds and tabs. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Every string of a value, however deep. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

describe("escapeControlsDeep", () => {
  it("makes every control character visible, keeping line feeds and tabs", () => {
    const value = { name: "Acme\u001b]0;owned\u0007", tags: ["ok", "a\tb\nc", 3] };
    expect(escapeControlsDeep(value)).toEqual({
      name: "Acme\\u001b]0;owned\\u0007",
      tags: ["ok", "a\tb\nc", 3],
    });
    for (const c of CONTROLS) {
      expect(escapeControlsDeep({ a: [1, { b: `x${c}y` }] })).toEqual({
        a: [1, { b: `x${escapeControls(c)}y` }],
      });
    }
  });

  it("leaves no control character but line feeds and tabs, loses no text, changes no input", () => {
    fc.assert(
      fc.property(values, (value) => {
        const before = structuredClone(value);
        const escaped = escapeControlsDeep(value);
        expect(value).toEqual(before);
        for (const s of stringsOf(escaped)) expect(s).not.toMatch(UNSAFE);
        const restored = stringsOf(escaped).map((s) =>
          s.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          ),
        );
        expect(restored).toEqual(stringsOf(value));
      }),
    );
  });
});
