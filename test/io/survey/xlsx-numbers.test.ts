import { describe, expect, it } from "vitest";
import {
  generalText,
  loadNumfmt,
  numberFormatCode,
  numberRenderer,
  showsWholeNumber,
} from "../../../src/io/survey/xlsx-numbers.js";

describe("generalText", () => {
  it.each([
    [1, "1"],
    [-99, "-99"],
    [4.5, "4.5"],
    [0.1 + 0.2, "0.3"], // a formula's result, as Excel shows it (15 significant digits)
    [12_345_678_901_234, "12345678901234"], // a long id stays whole, never 1.23457E+13
    [13_800_138_000, "13800138000"],
    [1 / 3, "0.333333333333333"],
  ])("%f → %s", (n, text) => {
    expect(generalText(n)).toBe(text);
  });
});

describe("numberFormatCode", () => {
  it.each([
    [0, undefined, undefined], // General
    [49, undefined, undefined], // @: a number shows as General
    [1, undefined, "0"],
    [9, undefined, "0%"],
    [37, undefined, "#,##0 ;(#,##0)"],
    [14, undefined, undefined], // a date, xlsx-dates.ts's
    [23, undefined, undefined], // not defined by Excel
    [164, "000", "000"],
    [164, "@", undefined],
    [164, "General", undefined],
    [164, "GENERAL", undefined],
  ])("format %i %j → %j", (id, code, expected) => {
    expect(numberFormatCode(id, code)).toBe(expected);
  });
});

describe("numberRenderer", () => {
  const cases: [string, number, string][] = [
    // What Excel shows, where that is the whole number.
    ["000", 1, "001"],
    ["00000", 42, "00042"],
    ['"R"000', 7, "R007"],
    ["\\I\\D0000", 12, "ID0012"],
    ['000"号"', 5, "005号"],
    ["000-0000", 1234567, "123-4567"],
    ["0%", 0.85, "85%"],
    ["0.00%", 0.8567, "85.67%"],
    ["0%", 1, "100%"],
    ["0.0", 5, "5.0"],
    ["0.00", -99, "-99.00"],
    ["#,##0", 1_234_567, "1,234,567"],
    ["#,##0.00", 4, "4.00"],
    ["0_);[Red]\\(0\\)", -3, "(3)"],
    ["[$\u00a5-804]#,##0.00", 5, "\u00a55.00"],
    // The number itself, where the format shows less of it.
    ["0", 3.5, "3.5"], // rounded to 4 in the cell: never read as level 4
    ["0.0", 4.25, "4.25"],
    ["0%", 0.8567, "0.8567"],
    ["0;0", -3, "-3"], // the sign hidden
    ["#", 0, "0"], // the zero hidden
    ["0;-0;;@", 0, "0"],
    ['0;-0;"none"', 0, "0"],
    ["0.0,,", 1_234_567, "1234567"], // shown in millions, 1.2
  ];
  it.each(cases)("%j shows %f as %j", async (code, n, text) => {
    const render = numberRenderer(await loadNumfmt(), code);
    expect(render?.(n)).toBe(text);
  });

  it.each(["@", "General", "0.00E+00", "# ?/?", "##0.0E+0", '0.0"'])(
    "reads numbers under %j as General",
    async (code) => {
      expect(numberRenderer(await loadNumfmt(), code)).toBeUndefined();
    },
  );
});

describe("showsWholeNumber", () => {
  it("holds a text to the digits, decimals and sign of the number", () => {
    expect(showsWholeNumber(7, "007", 1, 0)).toBe(true);
    expect(showsWholeNumber(0.07, "7%", 100, 0)).toBe(true); // 7.000000000000001 after scaling
    expect(showsWholeNumber(7, "8", 1, 0)).toBe(false);
    expect(showsWholeNumber(7.5, "8", 1, 0)).toBe(false);
    expect(showsWholeNumber(-7, "7", 1, 0)).toBe(false);
    expect(showsWholeNumber(-7, "\u22127", 1, 0)).toBe(true);
    expect(showsWholeNumber(-7, "(7)", 1, 0)).toBe(true);
    expect(showsWholeNumber(1e16, "10000000000000000", 1, 0)).toBe(false);
  });
});
