import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { longestToken, wrapLines, wrapRuns } from "../../../src/core/text/wrap.js";

const word = fc.stringMatching(/^[A-Za-z]{1,30}$|^[一-龥]{1,6}$|^[，。、（）“”]$|^[—·▲]$/);

describe("wrapLines", () => {
  it("breaks Latin text between words and Chinese between characters", () => {
    expect(wrapLines("Performance measurement and incentives", 24)).toEqual([
      "Performance measurement",
      "and incentives",
    ]);
    expect(wrapLines("以客户为中心的文化", 12)).toEqual(["以客户为中心", "的文化"]);
  });

  it("keeps closing punctuation with the character before it and opening with the one after", () => {
    // Without the rule the line would end after 间 and start the next with （.
    expect(wrapLines("已落入预警区间（低于 2 分）", 16)).toEqual([
      "已落入预警区间",
      "（低于 2 分）",
    ]);
    expect(wrapLines("一题得分为二分。已落入", 14)).toEqual(["一题得分为二", "分。已落入"]);
  });

  it("cuts a word longer than a line rather than overflow or drop it", () => {
    expect(wrapLines("see test/fixtures/validate/lead.yaml", 12)).toEqual([
      "see",
      "test/fixture",
      "s/validate/l",
      "ead.yaml",
    ]);
  });

  it("keeps the spaces between words, drops them at line ends, starts a line at a newline", () => {
    expect(wrapLines("id  text that wraps", 10)).toEqual(["id  text", "that wraps"]);
    expect(wrapLines("a\n\n  b", 10)).toEqual(["a", "", "b"]);
    expect(wrapLines("", 10)).toEqual([""]);
  });

  it("gives the lines after the first their own width", () => {
    expect(wrapLines("one two three four", 9, 5)).toEqual(["one two", "three", "four"]);
  });

  it("never exceeds the width and keeps every character, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.integer({ min: 2, max: 90 }),
        (words, width) => {
          const text = words.join(" ");
          const lines = wrapLines(text, width);
          for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
          expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        },
      ),
    );
  });
});

describe("wrapRuns", () => {
  it("keeps each run's style on its part of every line", () => {
    const lines = wrapRuns(
      [
        { text: "Readiness:", style: "bold" },
        { text: " ", style: "" },
        { text: "READY WITH CONDITIONS", style: "yellow" },
        { text: " — proceed", style: "" },
      ],
      20,
    );
    expect(lines).toEqual([
      [
        { text: "Readiness:", style: "bold" },
        { text: " ", style: "" },
        { text: "READY", style: "yellow" },
      ],
      [
        { text: "WITH CONDITIONS", style: "yellow" },
        { text: " —", style: "" },
      ],
      [{ text: "proceed", style: "" }],
    ]);
  });
});

describe("longestToken", () => {
  it("measures the widest piece a wrap never breaks", () => {
    expect(longestToken("Customer-centric culture †")).toBe(16);
    expect(longestToken("以客户为中心的文化")).toBe(2);
    expect(longestToken("低于（2 分）")).toBe(4);
    expect(longestToken("")).toBe(0);
  });
});
