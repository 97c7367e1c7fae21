// Line breaking for the PDF renderer. pdfkit's own wrapper runs the full Unicode line-breaking
// algorithm and measures every word again for each call, which made wrapping most of the
// rendering time; reports only hold Latin and Chinese text, for which these rules suffice:
// break after spaces, after a hyphen inside a word, and between ideographs, keeping closing
// punctuation off the start of a line and opening punctuation off its end (kinsoku).

const NO_BREAK_BEFORE = new Set([..."，。、；：？！）》」』】〕〉’”…·%,.;:?!)]}"]);
const NO_BREAK_AFTER = new Set([..."（《「『【〔〈‘“([{"]);

function isIdeographic(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** Splits a paragraph (no line feeds) into pieces after which a line may break. */
export function breakOpportunities(text: string): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  let current = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const next = chars[i + 1];
    current += ch;
    if (next === undefined) break;
    const cp = ch.codePointAt(0) ?? 0;
    const nextCp = next.codePointAt(0) ?? 0;
    let canBreak = false;
    if (ch === " ") {
      canBreak = next !== " ";
    } else if (ch === "-" || ch === "\u2013" || ch === "\u2014") {
      canBreak = /\p{L}/u.test(chars[i - 1] ?? "") && /\p{L}/u.test(next);
    } else if (isIdeographic(cp) || isIdeographic(nextCp)) {
      canBreak = next !== " ";
    }
    if (canBreak && (NO_BREAK_BEFORE.has(next) || NO_BREAK_AFTER.has(ch))) canBreak = false;
    if (canBreak) {
      pieces.push(current);
      current = "";
    }
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

/**
 * Greedy line filling: each line takes as many pieces as fit in `maxWidth`; a piece wider than a
 * whole line is cut between characters. `width` measures a string in the current font and size.
 */
export function breakLines(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const piece of breakOpportunities(paragraph)) {
      if (line !== "" && lineWidth + width(piece.trimEnd()) > maxWidth) {
        lines.push(line.trimEnd());
        line = "";
        lineWidth = 0;
      }
      // No spaces at the start of a line; a piece wider than a whole line is cut.
      let rest = line === "" ? piece.trimStart() : piece;
      while (line === "" && rest.trimEnd() !== "" && width(rest.trimEnd()) > maxWidth) {
        const cut = fitPrefix(rest.trimEnd(), maxWidth, width);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line += rest;
      lineWidth += width(rest);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

// The longest prefix (in UTF-16 units, on a code point boundary, at least one character) that fits.
function fitPrefix(text: string, maxWidth: number, width: (s: string) => number): number {
  const ends: number[] = [];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    ends.push(at);
  }
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (width(text.slice(0, ends[mid])) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return ends[lo] ?? text.length;
}
