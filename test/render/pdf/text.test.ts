import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WIN_ANSI } from "../../../src/io/fonts.js";
import {
  collectCodePoints,
  makeCleaner,
  normalizeText,
  withStandIns,
} from "../../../src/render/pdf/text.js";

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

// normalizeText and makeCleaner return text they would not change as it is, without rebuilding
// it; every character of the Basic Multilingual Plane, alone between two letters, must come out
// as the character-by-character rule makes it.
describe("text left as it is", () => {
  const invisible = (cp: number): boolean =>
    (cp <= 0x1f && cp !== 0x0a) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    cp === 0x2060 ||
    cp === 0xfeff;
  const slowNormal = (text: string): string => {
    let out = "";
    for (const ch of text.replace(/\r\n?/g, "\n").replace(/\t/g, " "))
      if (!invisible(ch.codePointAt(0) ?? 0)) out += ch;
    return out;
  };

  it("is normalised as character by character", () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const text = `a${String.fromCharCode(cp)}b`;
      if (normalizeText(text) !== slowNormal(text)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("is cleaned as character by character, for a font with WinAnsi's glyphs and for one with all", () => {
    for (const coverage of [WIN_ANSI, { has: () => true }]) {
      const clean = makeCleaner(coverage);
      const wrong: string[] = [];
      for (let cp = 0; cp <= 0xffff; cp++) {
        const text = `a${String.fromCharCode(cp)}b`;
        if (clean(text) !== withStandIns(normalizeText(text), coverage))
          wrong.push(cp.toString(16));
      }
      expect(wrong).toEqual([]);
    }
    expect(makeCleaner(WIN_ANSI)("a \u2192 b\u200b")).toBe("a \u203a b");
    expect(makeCleaner({ has: () => true })("a \u2192 b")).toBe("a \u2192 b");
  });
});
