import { displayWidth } from "../../core/text/width.js";
import { type Run, wrapRuns } from "../../core/text/wrap.js";

/** Colours or emphasises text for the terminal (a chalk style, or nothing). */
export type Paint = (text: string) => string;

/** A piece of terminal text with its paint: wrapping measures the text and paints each line. */
export type Span = Run<Paint | undefined>;

/** A span of text painted with `paint` (none: plain). */
export const span = (text: string, paint?: Paint): Span => ({ text, style: paint });

/**
 * Text laid out in `width` columns: the first line after `first`, the others after `rest` (a
 * hanging indent), each span painted line by line so no colour runs over a line break, and no
 * line broken inside any of `whole` (paths, quoted values).
 */
export function flow(
  spans: string | readonly Span[],
  width: number,
  first = "",
  rest = first,
  whole: readonly string[] = [],
): string[] {
  const runs = typeof spans === "string" ? [span(spans)] : spans;
  return wrapRuns(runs, width - displayWidth(first), width - displayWidth(rest), whole).map(
    (line, i) =>
      (i === 0 ? first : rest) + line.map((r) => (r.style ? r.style(r.text) : r.text)).join(""),
  );
}

/**
 * Items (a few spans each) packed into lines of `width` columns after `indent`, `sep` between two
 * items on a line; an item wider than a line wraps on lines of its own (see flow).
 */
export function packItems(
  items: readonly (readonly Span[])[],
  width: number,
  sep: Span,
  indent = "",
): string[] {
  const room = width - displayWidth(indent);
  const gap = displayWidth(sep.text);
  const lines: Span[][] = [];
  let line: Span[] = [];
  let used = 0;
  for (const item of items) {
    const w = displayWidth(item.map((s) => s.text).join(""));
    if (used > 0 && used + gap + w <= room) {
      line.push(sep, ...item);
      used += gap + w;
      continue;
    }
    if (used > 0) lines.push(line);
    line = [...item];
    used = w;
  }
  if (used > 0) lines.push(line);
  return lines.flatMap((l) => flow(l, width, indent));
}
