import stringWidth from "string-width";

/** Terminal columns a string occupies: East Asian wide characters count two, ANSI escapes none. */
export function displayWidth(text: string): number {
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
