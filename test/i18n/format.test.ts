import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unwrapQuotes } from "../../src/i18n/format.js";

// A note the client typed inside quotation marks is quoted once in the report, not twice.

describe("unwrapQuotes", () => {
  it.each([
    ["“我主要是批预算、听汇报。”", "我主要是批预算、听汇报。"],
    ['"We set targets in the budget."', "We set targets in the budget."],
    ["「愿景在我脑子里」", "愿景在我脑子里"],
  ])("takes the client's own marks off %s", (note, inner) => {
    expect(unwrapQuotes(note)).toBe(inner);
  });

  it.each([
    "总经理表示“愿景在我脑子里”，尚未形成书面文件。",
    "“A” and “B” both own the data",
    "“unbalanced",
    "“",
  ])("leaves %s whole", (note) => {
    expect(unwrapQuotes(note)).toBe(note);
  });

  it("leaves text without quotation marks unchanged, and undoes exactly one layer", () => {
    const plain = fc.string().filter((s) => !/[“”"「」『』‘’]/.test(s));
    fc.assert(
      fc.property(plain, (s) => {
        expect(unwrapQuotes(s)).toBe(s);
        expect(unwrapQuotes(`“${s}”`)).toBe(s);
      }),
    );
  });
});
