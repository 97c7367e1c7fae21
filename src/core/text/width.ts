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
