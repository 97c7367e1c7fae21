import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectCodePoints, normalizeText } from "../../../src/render/pdf/text.js";

// What collectCodePoints promises: the code points of each string after normalizeText, symbols
// with a stand-in counted as their stand-in (read here through makeCleaner's rule: a font with
// no glyph but plain ASCII), plus the characters the renderer adds around values.
const ADDED = "0123456789.,:;%()-–+/ ";
const STAND_INS: Record<string, string> = { "\u2192": "\u203a", "\u2265": ">=", "\u00a0": " " };

function reference(strings: string[]): Set<number> {
  const out = new Set<number>();
  for (const s of [...strings, ADDED]) {
    for (const ch of normalizeText(s)) {
      for (const c of STAND_INS[ch] ?? ch) out.add(c.codePointAt(0) ?? 0);
    }
  }
  return out;
}

// Text mixing the characters that matter: line breaks, tabs, invisible and control characters,
// symbols with stand-ins, Chinese, and astral characters (surrogate pairs, lone surrogates).
const piece = fc.constantFrom(
  "a",
  "Z",
  " ",
  "\r\n",
  "\r",
  "\n",
  "\t",
  "\u200b",
  "\u0007",
  "\u0085",
  "\ufeff",
  "\u2192",
  "\u2265",
  "\u00a0",
  "中",
  "，",
  "\u{20000}",
  "\ud800",
  "\udc00",
  "é",
);
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));

describe("collectCodePoints", () => {
  it("collects the normalised characters of every string, however deeply nested", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (strings) => {
        const nested = { a: strings.slice(0, 2), b: { c: strings.slice(2), d: 3, e: null } };
        expect(collectCodePoints(nested)).toEqual(reference(strings));
      }),
      // Lone surrogates that dropping an invisible character pairs up (found by this property).
      { examples: [[["\ud800\u200b\udc00"]], [["a\ud83d\u00ad\ude00b"]]] },
    );
  });

  it("reads a repeated string once and still counts it", () => {
    const twice = collectCodePoints(["客户\t数据", ["客户\t数据"]]);
    expect(twice).toEqual(reference(["客户\t数据"]));
    expect(twice.has(0x09)).toBe(false);
  });
});
