import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientPossessive, fmtCount, forQuoting, possessive } from "../../src/i18n/format.js";

// A note the client typed inside quotation marks is quoted once in the report, not twice, and a
// quotation inside a note is nested with single marks.

describe("forQuoting", () => {
  it.each([
    ["“我主要是批预算、听汇报。”", "我主要是批预算、听汇报。"],
    ['"We set targets in the budget."', "We set targets in the budget."],
    ["「愿景在我脑子里」", "愿景在我脑子里"],
    [
      "总经理表示“愿景在我脑子里”，尚未形成书面文件。",
      "总经理表示‘愿景在我脑子里’，尚未形成书面文件。",
    ],
    ["“A” and “B” both own the data", "‘A’ and ‘B’ both own the data"],
    ["“unbalanced", "‘unbalanced"],
  ])("%s → %s", (note, quotable) => {
    expect(forQuoting(note)).toBe(quotable);
  });

  it("leaves text without quotation marks unchanged, and undoes exactly one layer", () => {
    const plain = fc.string().filter((s) => !/[“”"「」『』‘’]/.test(s));
    fc.assert(
      fc.property(plain, (s) => {
        expect(forQuoting(s)).toBe(s);
        expect(forQuoting(`“${s}”`)).toBe(s);
        expect(forQuoting(`x“${s}”y`)).toBe(`x‘${s}’y`);
      }),
    );
  });
});

describe("possessive", () => {
  it.each([
    ["Acme Manufacturing Ltd.", "Acme Manufacturing Ltd.'s"],
    ["Huaxin Retail", "Huaxin Retail's"],
    ["Skippy Stores", "Skippy Stores'"],
    ["Discord Dynamics", "Discord Dynamics'"],
  ])("%s → %s", (name, expected) => {
    expect(possessive(name)).toBe(expected);
  });

  it("fills a questionnaire text's {client}'s, with either apostrophe, and nothing else", () => {
    expect(clientPossessive("In {client}'s present situation", "Skippy Stores")).toBe(
      "In Skippy Stores' present situation",
    );
    expect(clientPossessive("In {client}’s plan, {client} leads", "Acme")).toBe(
      "In Acme's plan, {client} leads",
    );
    expect(clientPossessive("{client}的现状", "华信零售")).toBe("{client}的现状");
  });
});

describe("fmtCount", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [98011, "98,011"],
    [1500000, "1,500,000"],
    [-1234, "-1,234"],
  ])("%d → %s", (n, text) => {
    expect(fmtCount(n)).toBe(text);
  });

  it("groups every safe integer as Intl's en-US formatting does", () => {
    const en = new Intl.NumberFormat("en-US");
    fc.assert(
      fc.property(
        fc.maxSafeInteger().map((n) => Math.trunc(n)),
        (n) => {
          expect(fmtCount(n)).toBe(en.format(n));
        },
      ),
    );
  });
});
