import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, loadStringWidth } from "../../../src/core/text/width.js";

describe("displayWidth", () => {
  const stringWidth = loadStringWidth();
  // Every character of the Basic Multilingual Plane, the fast path's and the others.
  const bmp = Array.from({ length: 0x10000 }, (_, c) => c)
    .filter((c) => c >= 0x20 && (c < 0xd800 || c > 0xdfff))
    .map((c) => String.fromCodePoint(c));

  it("counts every character as string-width does, one at a time", () => {
    const differ = bmp.filter((ch) => displayWidth(ch) !== stringWidth(ch));
    expect(differ.map((ch) => ch.codePointAt(0)?.toString(16))).toEqual([]);
  });

  it("counts the tables' text as string-width does: box drawing, dashes, triangles, Chinese", () => {
    for (const text of [
      "┌──┬──┐ │ Score ▸ target │ ▲ +0.92 – ▼ −0.40 — café · naïve … “quoted”",
      "华信零售连锁有限公司 · CRM 能力成熟度评估",
      "终端宽度所限，未显示得分 ▸ 目标（或设置 COLUMNS=160）。「全角」ｆｕｌｌ　ｗｉｄｔｈ ￥",
      "  ✖ 总经理只是“支持”CRM ✔ ✓ ✗ ✘ ❯ ⚑ ☐ カタカナ ひらがな",
      "Copyright © 2026 ↔ ▶ ◀",
    ])
      expect(displayWidth(text), text).toBe(stringWidth(text));
  });

  it("counts strings of any of these characters as string-width does", () => {
    // Half the characters from the whole plane, half from those that interact with a neighbour.
    const sample = fc.oneof(
      fc.constantFrom(...bmp.filter((_, i) => i % 7 === 0)),
      fc.constantFrom(
        "é",
        "─",
        "▲",
        "中",
        "，",
        "ア",
        "✖",
        "©",
        "\u0301",
        "\u3099", // a combining voiced mark: joins the kana before it
        "\u302a", // a combining ideographic tone mark
        "\ufe0f", // an emoji presentation selector: makes ✖ an emoji
      ),
    );
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 12 }), (chars) => {
        const text = chars.join("");
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
    );
  });
});
