import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/index.js";
import { yesNoOf } from "../../src/io/confirm-prompt.js";

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
  it("is Chinese in a Chinese interview and says what Enter answers", () => {
    expect(zh.yesNoHint(false)).toBe("（y 是／n 否，回车即否）");
    expect(zh.yesNoHint(true)).toBe("（y 是／n 否，回车即是）");
  });

  it("keeps (y/N) in English, the default in capitals", () => {
    expect(en.yesNoHint(false)).toBe("(y/N)");
    expect(en.yesNoHint(true)).toBe("(Y/n)");
  });
});
