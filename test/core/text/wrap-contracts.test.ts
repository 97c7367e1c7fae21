import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, lineEm, textEm } from "../../../src/core/text/width.js";
import {
  EMS,
  fillLines,
  linesAtEm,
  longestToken,
  longestWordEm,
  wrapLines,
  wrapRuns,
  wrapToWidth,
} from "../../../src/core/text/wrap.js";

// The contracts every wrapper keeps, whatever the text: no piece of text lost or reordered, no line
// wider than its width unless one unbreakable piece is, Chinese closing punctuation never starting
// a line, styled runs keeping their styles.

const latin = fc.stringMatching(/^[A-Za-z]{1,14}$/);
const hyphenated = fc.stringMatching(/^[A-Za-z]{1,7}-[A-Za-z]{1,7}$/);
const chinese = fc.stringMatching(/^[一-龥]{1,6}$/);
const closing = fc.constantFrom("，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "”");
const opening = fc.constantFrom("（", "《", "「", "“");
const sign = fc.constantFrom("—", "·", "▲", "2", "(2)", "/");
/** Chinese as it is written: closing punctuation after a character, opening before one. */
const clause = fc
  .tuple(fc.option(opening, { nil: "" }), chinese, fc.option(closing, { nil: "" }))
  .map(([o, c, p]) => `${o}${c}${p}`);
const word = fc.oneof(latin, hyphenated, clause, sign);
const text = fc
  .array(fc.tuple(word, fc.constantFrom(" ", "  ", "")), { maxLength: 24 })
  .map((ws) => ws.map(([w, s]) => w + s).join(""));
/** Text whose words are separated by spaces (a Latin word is never glued to a Chinese one). */
const spaced = fc.array(word, { maxLength: 24 }).map((ws) => ws.join(" "));

const squeeze = (s: string): string => s.replace(/\s+/g, "");
const CLOSING_START = /^[，。、；：？！）》」』”’…]/u;
const OPENING_END = /[（《「『“‘]$/u;

describe("wrapLines and wrapRuns (terminal columns), and every wrapper for kinsoku", () => {
  it("lose and reorder nothing, and fit every line in the width", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 60 }), (t, width) => {
        const lines = wrapLines(t, width);
        expect(squeeze(lines.join(""))).toBe(squeeze(t));
        for (const line of lines) {
          expect(line).toBe(line.trim());
          // A cut never splits a character, so one wide character may exceed a one-column line.
          expect(stringWidth(line)).toBeLessThanOrEqual(Math.max(width, 2));
        }
      }),
    );
  });

  it("break only between pieces, never inside one, when the width holds the widest", () => {
    fc.assert(
      fc.property(spaced, fc.integer({ min: 0, max: 30 }), (t, extra) => {
        const width = Math.max(1, longestToken(t)) + extra;
        const lines = wrapLines(t, width);
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        // Each space-separated Latin word is found whole on one line.
        for (const w of t.split(" ").filter((x) => /^[A-Za-z-]+$/.test(x)))
          expect(lines.some((l) => l.split(/\s+/).includes(w))).toBe(true);
      }),
    );
  });

  it("never start a line with closing punctuation nor end one with opening punctuation", () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 20 }), (clauses) => {
        const t = clauses.join("");
        const width = longestToken(t) + 3;
        const em = longestWordEm(t) + 1.5;
        // Chart labels (columns) and Word cells (ems) follow the same rules as the terminal.
        const layouts = [
          wrapLines(t, width),
          wrapToWidth(t, width),
          fillLines(t, EMS, em).map(([from, to]) => t.slice(from, to)),
        ];
        for (const lines of layouts)
          lines.forEach((line, i) => {
            if (i > 0) expect(line).not.toMatch(CLOSING_START);
            if (i < lines.length - 1) expect(line).not.toMatch(OPENING_END);
          });
      }),
    );
  });

  it("give the lines after the first their own width", () => {
    fc.assert(
      fc.property(
        spaced,
        fc.integer({ min: 4, max: 40 }),
        fc.integer({ min: 4, max: 40 }),
        (t, a, b) => {
          const lines = wrapLines(t, a, b);
          expect(squeeze(lines.join(""))).toBe(squeeze(t));
          lines.forEach((line, i) => {
            expect(stringWidth(line)).toBeLessThanOrEqual(i === 0 ? a : b);
          });
        },
      ),
    );
  });

  it("keep each character's style", () => {
    const styles = ["a", "b", "c"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.constantFrom(...styles)), { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (pieces, width) => {
          const runs = pieces.map(([t, style]) => ({ text: t, style }));
          const styled = (rs: readonly { text: string; style: string }[]) =>
            rs.flatMap((r) => [...r.text].filter((ch) => !/\s/.test(ch)).map((ch) => ch + r.style));
          const lines = wrapRuns(runs, width);
          expect(lines.flatMap((l) => styled(l))).toEqual(styled(runs));
          for (const line of lines) {
            // No empty run, and runs that touch never share a style (they are merged).
            for (const r of line) expect(r.text).not.toBe("");
            for (let i = 1; i < line.length; i++)
              expect(line[i]?.style).not.toBe(line[i - 1]?.style);
          }
        },
      ),
    );
  });
});

describe("wrapToWidth (chart labels, terminal columns)", () => {
  it("loses and reorders nothing when every word fits, and fits every line", () => {
    fc.assert(
      fc.property(spaced, fc.integer({ min: 0, max: 30 }), (t, extra) => {
        const width = Math.max(2, longestToken(t)) + extra;
        const lines = wrapToWidth(t, width);
        expect(squeeze(lines.join(""))).toBe(squeeze(t));
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it("keeps at most `lines` lines, the last ending with … when text remains", () => {
    fc.assert(
      fc.property(
        spaced,
        fc.integer({ min: 4, max: 30 }),
        fc.integer({ min: 1, max: 3 }),
        (t, width, n) => {
          const all = wrapToWidth(t, width);
          const kept = wrapToWidth(t, width, n);
          expect(kept.length).toBe(Math.min(n, all.length));
          for (const line of kept) expect(displayWidth(line)).toBeLessThanOrEqual(width);
          if (all.length > n) expect(kept[n - 1]?.endsWith("…")).toBe(true);
          else expect(kept).toEqual(all);
        },
      ),
    );
  });
});

/** Greedy line filling of space-separated words, each narrower than the column. */
function referenceLines(words: readonly string[], em: number): number {
  let lines = 1;
  let used = 0;
  for (const w of words) {
    const width = textEm(w);
    if (used > 0 && used + textEm(" ") + width > em) {
      lines++;
      used = width;
    } else used += (used > 0 ? textEm(" ") : 0) + width;
  }
  return lines;
}

describe("linesAtEm and longestWordEm (document ems)", () => {
  it("count the lines of greedy filling between words", () => {
    fc.assert(
      fc.property(
        fc.array(latin, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (words, extra) => {
          const t = words.join(" ");
          const em = longestWordEm(t) + extra;
          expect(linesAtEm(t, em)).toBe(referenceLines(words, em));
        },
      ),
    );
  });

  it("count one line for text that fits, and more for a narrower column", () => {
    fc.assert(
      fc.property(text, fc.double({ min: 1, max: 30, noNaN: true }), (t, em) => {
        // What fits is the text with the quarter ems Word sets between Chinese and digits.
        expect(linesAtEm(t, Math.max(1, lineEm(t) + 1e-9))).toBe(1);
        expect(linesAtEm(t, em)).toBeGreaterThanOrEqual(linesAtEm(t, em + 5));
        expect(linesAtEm(t, em)).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it("measure the widest word of Latin text, and a Chinese character", () => {
    fc.assert(
      fc.property(fc.array(latin, { maxLength: 20 }), (words) => {
        const widest = Math.max(0, ...words.map(textEm));
        expect(longestWordEm(words.join(" "))).toBeCloseTo(widest, 9);
      }),
    );
    fc.assert(
      fc.property(spaced, (t) => {
        // A short text with Chinese in it is one piece, set on one line: the whole of it, or, where
        // it may break (before opening punctuation, at a space), no more than that and no less
        // than its widest unbreakable piece.
        if ([...t.replace(/\s/g, "")].length <= 12 && /[\u2e80-\u9fff\uff00-\uffef]/.test(t)) {
          if (/[（《「“(]/.test(t.trim().slice(1)) || /\s/.test(t.trim())) {
            expect(longestWordEm(t)).toBeLessThanOrEqual(lineEm(t.trim()) + 1e-9);
            expect(longestWordEm(t)).toBeGreaterThanOrEqual(longestWordEm(t, false) - 1e-9);
          } else expect(longestWordEm(t)).toBeCloseTo(lineEm(t.trim()), 9);
          return;
        }
        // Else never more than the widest space-separated word (with a "·" after it: closing
        // punctuation stays with the word before it across a space), never less than a Chinese
        // character.
        const words = t.split(/ (?!·)/).filter((w) => w !== "");
        expect(longestWordEm(t)).toBeLessThanOrEqual(Math.max(0, ...words.map(textEm)) + 1e-9);
        if (/[一-龥]/.test(t)) expect(longestWordEm(t)).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
