import { createRequire } from "node:module";

type StringWidth = (text: string) => number;
let stringWidth: StringWidth | undefined;
/** string-width, loaded on first use (tests also check the fast path below against it). */
export const loadStringWidth = (): StringWidth => {
  stringWidth ??= (createRequire(import.meta.url)("string-width") as { default: StringWidth })
    .default;
  return stringWidth;
};

/**
 * Characters string-width counts the same alone or in any sequence. One column each: printable
 * ASCII, Latin letters, dashes, quotes and other general punctuation, currency signs, arrows,
 * mathematical operators (the minus sign of the comparison tables), box drawing, the tables'
 * triangles and the marks the CLI prints (✓ ✗ ✘ ❯ ⚑ ☐), less those string-width counts two as
 * emoji (© ® ‼ ⁉ ↔ ▶ ◀ ◻ …). Two columns each: ✔ and ✖, Chinese and Japanese ideographs,
 * kana, CJK punctuation and fullwidth forms, less the combining marks among them (which join the
 * character before). Every one is checked against string-width (test/core/text/width.test.ts).
 * string-width builds an Intl.Segmenter when loaded (about 25 ms, and 60 ms with Node's loading
 * of an ES module): it is loaded only for other text, such as emoji or Korean.
 */
const NARROW_CHARS = String.raw`\x20-\x7e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u024f\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2070-\u20cf\u2190-\u2193\u219a-\u21a8\u21ab-\u21ff\u2200-\u22ff\u2500-\u25a9\u25ac-\u25b5\u25b7-\u25bf\u25c1-\u25fa\u2610\u2691\u2713\u2717\u2718\u276f`;
const WIDE_CHARS = String.raw`\u2714\u2716\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6`;
const TERMINAL_FAST = new RegExp(`^[${NARROW_CHARS}${WIDE_CHARS}]*$`);
const WIDE_TERMINAL = new RegExp(`[${WIDE_CHARS}]`, "g");

/** Terminal columns a string occupies: East Asian wide characters count two, ANSI escapes none. */
export function displayWidth(text: string): number {
  if (!TERMINAL_FAST.test(text)) return loadStringWidth()(text);
  return text.length + (text.match(WIDE_TERMINAL)?.length ?? 0);
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
const BRACKETS = /^[()[\]{}\-\u2011/]$/;
/** A full em: the trend arrows ▲▼ (▴▾) too, which substitute faces set as wide as a capital M. */
const EM_WIDE = /^[%@&\u2014\u2026\u25b2\u25b4\u25bc\u25be]$/;
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

/** How much wider bold text is set: about 12% (DejaVu Sans Bold against DejaVu Sans). */
export const BOLD_EM = 1.12;

/** The width of text set on one line, in ems of a sans-serif face (see LOWER_EM). */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}

/**
 * Word and LibreOffice set a quarter em between Chinese and a Latin letter or digit
 * ("2027年4月16日" takes five): text kept on one line needs it, or its last character wraps.
 */
const AUTOSPACE_EM = 0.25;
const CJK_NEXT_TO_LATIN = "[\\u3400-\\u9fff][0-9A-Za-z]|[0-9A-Za-z][\\u3400-\\u9fff]";
const CJK_LATIN = new RegExp(`(?=${CJK_NEXT_TO_LATIN})`, "g");
const CJK_LATIN_PAIR = new RegExp(`^(?:${CJK_NEXT_TO_LATIN})$`);

/** The width of text kept on one line in a document, in ems: textEm and the spaces Word adds around Chinese. */
export function lineEm(text: string): number {
  return textEm(text) + (text.match(CJK_LATIN)?.length ?? 0) * AUTOSPACE_EM;
}

/** The space (ems) Word and LibreOffice add between `text[at - 1]` and `text[at]` (see AUTOSPACE_EM). */
export function autospaceAt(text: string, at: number): number {
  return at > 0 && CJK_LATIN_PAIR.test(text.slice(at - 1, at + 1)) ? AUTOSPACE_EM : 0;
}
