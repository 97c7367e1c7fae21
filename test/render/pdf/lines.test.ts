import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakLines, breakOpportunities } from "../../../src/render/pdf/lines.js";

// One unit per character: ideographs and Latin letters alike.
const width = (s: string): number => [...s].length;

describe("breakLines", () => {
  it.each([
    ["Hello world, front-line staff", 12, ["Hello world,", "front-line", "staff"]],
    ["supercalifragilistic ok", 8, ["supercal", "ifragili", "stic ok"]],
    ["a\n\nb", 5, ["a", "", "b"]],
    ["", 5, [""]],
    // Closing punctuation never starts a line; opening punctuation never ends one.
    ["得分为2.11（五级量表），处于第2级。", 6, ["得分为", "2.11（五", "级量表），处", "于第2级。"]],
  ])("wraps %j at %i", (text, max, expected) => {
    expect(breakLines(text, max, width)).toEqual(expected);
  });

  it("breaks between ideographs but not before a full-width comma", () => {
    expect(breakOpportunities("中文，测试")).toEqual(["中", "文，", "测", "试"]);
  });

  it("keeps every character, in order, and no line overflows", () => {
    const chars = fc.constantFrom("a", "b", " ", "-", "中", "文", "，", "（", "）", "\n", "x");
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        (parts, max) => {
          const text = parts.join("");
          const lines = breakLines(text, max, width);
          expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
          for (const line of lines) expect(width(line)).toBeLessThanOrEqual(Math.max(max, 1));
        },
      ),
    );
  });
});
