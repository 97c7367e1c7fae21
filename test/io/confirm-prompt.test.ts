import { styleText } from "node:util";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/index.js";
import { styleHint, yesNoOf } from "../../src/io/confirm-prompt.js";

const zh = messagesFor("zh-CN").interview;
const en = messagesFor("en").interview;

describe("reading the answer to a yes/no question", () => {
  it("takes y and n, yes and no in any case, and full-width letters", () => {
    for (const typed of ["y", "Y", "yes", "YES", " y ", "ｙ", "Ｙｅｓ"]) {
      expect(yesNoOf(typed, en, false), typed).toBe(true);
    }
    for (const typed of ["n", "N", "no", "No", "ｎ"]) {
      expect(yesNoOf(typed, en, true), typed).toBe(false);
    }
  });

  it("takes 是 and 否 in a Chinese interview, besides y and n", () => {
    expect(yesNoOf("是", zh, false)).toBe(true);
    expect(yesNoOf(" 否 ", zh, true)).toBe(false);
    expect(yesNoOf("y", zh, false)).toBe(true);
    expect(yesNoOf("n", zh, true)).toBe(false);
  });

  it("does not take 是 and 否 in an English interview", () => {
    expect(yesNoOf("是", en, false)).toBeUndefined();
    expect(yesNoOf("否", en, true)).toBeUndefined();
  });

  it("answers an empty line with the default and nothing else with anything", () => {
    expect(yesNoOf("", zh, false)).toBe(false);
    expect(yesNoOf("  ", zh, true)).toBe(true);
    for (const typed of ["x", "ye", "nope", "是的", "1", "yn"]) {
      expect(yesNoOf(typed, zh, false), typed).toBeUndefined();
    }
  });
});

describe("the hint after a yes/no question", () => {
  const plain = (answer: string) => answer;
  const marked = (answer: string) => `[${answer}]`;

  it("is Chinese in a Chinese interview and says what Enter answers", () => {
    expect(zh.yesNoHint(false, plain)).toBe("（y 是／n 否，回车即否）");
    expect(zh.yesNoHint(true, plain)).toBe("（y 是／n 否，回车即是）");
  });

  it("keeps (y/N) in English, the default in capitals", () => {
    expect(en.yesNoHint(false, plain)).toBe("(y/N)");
    expect(en.yesNoHint(true, plain)).toBe("(Y/n)");
  });

  it("marks the answer Enter gives, in both languages", () => {
    expect(en.yesNoHint(false, marked)).toBe("(y/[N])");
    expect(en.yesNoHint(true, marked)).toBe("([Y]/n)");
    expect(zh.yesNoHint(false, marked)).toBe("（y 是／[n 否]，回车即否）");
    expect(zh.yesNoHint(true, marked)).toBe("（[y 是]／n 否，回车即是）");
  });

  it("is shown dim but for that answer, highlighted as a list's current line", () => {
    // As the terminal shows them (dim only where colours are on: see the pty test).
    const dim = (text: string) => styleText("dim", text);
    const cyan = (text: string) => `\u001b[36m${text}\u001b[39m`;
    for (const [m, byDefault, before, answer, after] of [
      [en, false, "(y/", "N", ")"],
      [en, true, "(", "Y", "/n)"],
      [zh, false, "（y 是／", "n 否", "，回车即否）"],
      [zh, true, "（", "y 是", "／n 否，回车即是）"],
    ] as const) {
      const shown = styleHint((mark) => m.yesNoHint(byDefault, mark), cyan);
      expect(shown).toBe(`${dim(before)}${cyan(answer)}${dim(after)}`);
    }
  });
});
