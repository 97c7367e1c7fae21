import { describe, expect, it } from "vitest";
import { displayWidth, textEm } from "../../../src/core/text/width.js";
import { linesAtEm, longestWordEm, wrapToWidth } from "../../../src/core/text/wrap.js";

describe("wrapToWidth", () => {
  it("breaks between words and keeps every word whole", () => {
    const lines = wrapToWidth("Performance measurement and incentives (2 actions)", 38);
    expect(lines).toEqual(["Performance measurement and incentives", "(2 actions)"]);
    expect(lines.join(" ")).not.toContain("…");
  });

  it("breaks Chinese between characters, counting each as two columns", () => {
    const lines = wrapToWidth("绩效考核与激励（2 项行动）与客户流程", 16);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(16);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("").replace(/ /g, "")).toBe("绩效考核与激励（2项行动）与客户流程");
  });

  it("ends the last allowed line with an ellipsis when text remains, and leaves short text alone", () => {
    const lines = wrapToWidth("one two three four five six", 9, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    expect(wrapToWidth("short", 20)).toEqual(["short"]);
    expect(wrapToWidth("", 20)).toEqual([]);
  });
});

describe("longestWordEm", () => {
  // Widths in ems as DejaVu Sans (LibreOffice's stand-in for Calibri) sets them.
  it("measures a word by its letters: m and w are wide, i and l narrow", () => {
    expect(longestWordEm("CRM programme office")).toBeCloseTo(5.88, 1);
    expect(longestWordEm("illicit")).toBeLessThan(longestWordEm("mummy"));
    // Nine letters a column each would give "programme" 9 × 0.59 em: too little.
    expect(longestWordEm("programme")).toBeGreaterThan(9 * 0.6);
  });

  it("lets a line break after the hyphen of a long word and between Chinese characters", () => {
    expect(longestWordEm("person-weeks")).toBeCloseTo(longestWordEm("person-"), 5);
    expect(longestWordEm("data-governance")).toBeCloseTo(longestWordEm("governance"), 5);
    expect(longestWordEm("高层管理者")).toBe(1);
    expect(longestWordEm("")).toBe(0);
  });

  it("keeps a hyphenated word of up to 10 characters whole", () => {
    expect(longestWordEm("Follow-up")).toBeCloseTo(textEm("Follow-up"), 5);
    expect(longestWordEm("the follow-up review")).toBeCloseTo(textEm("follow-up"), 5);
    expect(longestWordEm("e-mail")).toBeCloseTo(textEm("e-mail"), 5);
    expect(longestWordEm("year-on-yr")).toBeCloseTo(textEm("year-on-yr"), 5); // 10: whole
    expect(longestWordEm("year-on-year")).toBeCloseTo(textEm("year-"), 5); // 12: breaks
    expect(longestWordEm("Follow-up")).toBeGreaterThan(longestWordEm("Follow-"));
  });

  it("counts the trend arrows ▲ and ▼ as a full em, as wide as the fallback faces set them", () => {
    expect(textEm("▲")).toBe(1);
    expect(textEm("▼")).toBe(1);
    expect(textEm("▲ +0.92")).toBeCloseTo(1 + 0.33 + textEm("+0.92"), 5);
    expect(longestWordEm("▼ -0.53")).toBeCloseTo(textEm("-0.53"), 5);
    expect(longestWordEm("▼▲")).toBe(2);
  });
});

describe("linesAtEm", () => {
  it("counts the lines text wraps to between words, and between Chinese characters", () => {
    // "Repeatable" is 5.7 em: one word a line in a 6 em column.
    expect(linesAtEm("Repeatable Repeatable Repeatable", 6)).toBe(3);
    expect(linesAtEm("Repeatable Repeatable Repeatable", 40)).toBe(1);
    // Ten Chinese characters, one em each, in a 4 em column: three lines.
    expect(linesAtEm("可重复可重复可重复可", 4)).toBe(3);
    // A word wider than the column takes the lines it needs; a line break starts a line.
    expect(linesAtEm("Incomprehensibilities", 4)).toBeGreaterThanOrEqual(3);
    expect(linesAtEm("a\nb", 10)).toBe(2);
    expect(linesAtEm("", 10)).toBe(1);
  });
});
