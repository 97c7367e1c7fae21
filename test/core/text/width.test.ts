import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, loadStringWidth } from "../../../src/core/text/width.js";

describe("displayWidth", () => {
  const stringWidth = loadStringWidth();
  // Every character of the Basic Multilingual Plane, the fast path's and the others.
  const bmp = Array.from({ length: 0xd800 }, (_, c) => String.fromCodePoint(c)).filter(
    (ch) => ch >= " ",
  );

  it("counts every character as string-width does, one at a time", () => {
    const differ = bmp.filter((ch) => displayWidth(ch) !== stringWidth(ch));
    expect(differ.map((ch) => ch.codePointAt(0)?.toString(16))).toEqual([]);
  });

  it("counts the tables' text as string-width does: box drawing, dashes, triangles, Chinese", () => {
    for (const text of [
      "┌──┬──┐ │ Score ▸ target │ ▲ +0.92 – ▼ −0.40 — café · naïve … “quoted”",
      "华信零售连锁有限公司 · CRM 能力成熟度评估",
      "Copyright © 2026 ↔ ▶ ◀",
    ])
      expect(displayWidth(text), text).toBe(stringWidth(text));
  });

  it("counts strings of any of these characters as string-width does", () => {
    const sample = fc.constantFrom(
      ...bmp.filter((_, i) => i % 7 === 0),
      "é",
      "─",
      "▲",
      "中",
      "©",
      "\u0301",
    );
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 12 }), (chars) => {
        const text = chars.join("");
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
    );
  });
});
