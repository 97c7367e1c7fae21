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
 * Advance widths in ems of DejaVu Sans, a–z then A–Z: the widest of the sans faces a reader's
 * office suite substitutes when a document's own font (Calibri, Arial) is missing, so a width
 * measured with them holds in any of them.
 */
const LOWER_EM = [
  0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634,
  0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
];
const UPPER_EM = [
  0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748,
  0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685,
];
const NARROW_PUNCTUATION = /^[.,:;'\u2019\u00b7|!]$/;
const BRACKETS = /^[()[\]{}\-/]$/;
/** A full em: the trend arrows ▲▼ (▴▾) too, which substitute faces set as wide as a capital M. */
const EM_WIDE = /^[%@&\u2014\u2026\u25b2\u25b4\u25bc\u25be]$/;
/**
 * A hyphenated word of at most this many characters is kept whole ("follow-up", "e-mail"): Word
 * and LibreOffice may break after its hyphen, but a column sized to its halves wraps it there.
 */
const WHOLE_HYPHENATED = 10;

/** One character's advance width in ems (see LOWER_EM); a wide (CJK) character is one em. */
function charEm(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 97 && code <= 122) return LOWER_EM[code - 97] ?? 0.65;
  if (code >= 65 && code <= 90) return UPPER_EM[code - 65] ?? 0.65;
  if (code >= 48 && code <= 57) return 0.636;
  if (ch === " " || NARROW_PUNCTUATION.test(ch)) return 0.33;
  if (BRACKETS.test(ch)) return 0.39;
  if (EM_WIDE.test(ch) || WIDE.test(ch)) return 1;
  return NARROW.test(ch) ? 0.65 : displayWidth(ch) >= 2 ? 1 : 0.65;
}

/**
 * The widest piece of text a line break should not split, in ems of a sans-serif face: a word (a
 * hyphen may end a line in a word longer than WHOLE_HYPHENATED characters), or a wide (CJK)
 * character. What a table column needs so that its text wraps between words and never inside one
 * ("programm / e", "follow- / up").
 */
export function longestWordEm(text: string): number {
  let widest = 0;
  for (const token of text.match(BREAKABLE) ?? []) {
    const word = token.trim();
    const parts = [...word].length <= WHOLE_HYPHENATED ? [word] : word.split(/(?<=-)/);
    for (const part of parts) widest = Math.max(widest, textEm(part));
  }
  return widest;
}

/** The width of text set on one line, in ems of a sans-serif face (see longestWordEm). */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
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

/**
 * How many lines text takes in a column `em` ems wide (see textEm), broken as longestWordEm
 * breaks it: between words and between wide (CJK) characters; a word wider than the column takes
 * as many lines as it needs. At least one line; each line break ("\n") starts a new line.
 */
export function linesAtEm(text: string, em: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const token of paragraph.match(BREAKABLE) ?? []) {
      const word = textEm(token.trimEnd());
      if (word === 0 && used === 0) continue;
      if (used > 0 && used + word > em) {
        lines++;
        used = 0;
      }
      if (used === 0 && word > em) {
        const more = Math.ceil(word / em) - 1;
        lines += more;
        used = word - more * em;
      } else used += textEm(token);
    }
  }
  return Math.max(1, lines);
}
