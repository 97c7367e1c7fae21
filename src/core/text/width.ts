import { createRequire } from "node:module";

type StringWidth = (text: string) => number;
let stringWidth: StringWidth | undefined;

// string-width builds an Intl.Segmenter when loaded, which costs ~13 ms of start-up: it is loaded
// only for text that is not plain printable ASCII.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Terminal columns a string occupies: East Asian wide characters count two, ANSI escapes none. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  stringWidth ??= (createRequire(import.meta.url)("string-width") as { default: StringWidth })
    .default;
  return stringWidth(text);
}

/** Cuts text to at most `max` terminal columns, ending with `…` when cut. */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let width = 0;
  let out = "";
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

/** Latin letters, general punctuation (dashes, quotes), arrows: one column a character. */
const NARROW = /^[\x20-\x7e\u00a0-\u02ff\u2000-\u2bff]*$/;
/** One wide (CJK) character. */
const WIDE = /^[\u2e80-\u9fff\uff00-\uffef]$/;
/** Words with their following spaces, and each wide (CJK) character on its own. */
const BREAKABLE = /[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|[\u2e80-\u9fff\uff00-\uffef]\s*|\s+/g;

/**
 * The widest piece of text a line break cannot split, in terminal columns: a word (a hyphen may
 * end a line), or a wide character.
 */
export function longestWord(text: string): number {
  let widest = 0;
  // A Word table measures every cell: Latin text and punctuation by its length and a lone wide
  // character as two columns, without string-width.
  for (const token of text.match(BREAKABLE) ?? [])
    for (const part of token.trim().split(/(?<=-)/))
      widest = Math.max(
        widest,
        NARROW.test(part) ? part.length : WIDE.test(part) ? 2 : displayWidth(part),
      );
  return widest;
}

/**
 * Breaks text into lines of at most `max` terminal columns: between words, and between any two
 * wide (CJK) characters; a word longer than a line is cut. At most `lines` lines, the last ending
 * with `…` when text remains.
 */
export function wrapToWidth(text: string, max: number, lines = Number.POSITIVE_INFINITY): string[] {
  const tokens = text.trim().match(BREAKABLE) ?? [];
  const out: string[] = [];
  let line = "";
  for (const token of tokens) {
    if (line !== "" && displayWidth((line + token).trimEnd()) > max) {
      out.push(line.trimEnd());
      line = "";
    }
    line += line === "" ? token.trimStart() : token;
  }
  if (line.trim() !== "") out.push(line.trimEnd());
  const fitted = out.map((l) => truncateToWidth(l, max));
  if (fitted.length <= lines) return fitted;
  const kept = fitted.slice(0, lines);
  kept[lines - 1] = truncateToWidth(fitted.slice(lines - 1).join(" "), max);
  return kept;
}
