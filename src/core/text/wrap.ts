import { displayWidth } from "./width.js";

/** A piece of text and how it is shown (a colour, bold…); wrapping keeps each piece's style. */
export interface Run<S> {
  text: string;
  style: S;
}

// Chinese punctuation that must not start a line (it stays with the character before it):
// ，。、；：？！）》」』”’… and their ASCII counterparts.
const NO_LINE_START =
  /^[\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF1F\uFF01\uFF09\u300B\u300D\u300F\u201D\u2019\u2026,.;:?!)\]]/u;

// Opening punctuation that must not end a line (it stays with the character after it): （《「『“‘.
const NO_LINE_END = /[\uFF08\u300A\u300C\u300E\u201C\u2018]$/u;

// Latin words break at spaces; CJK text may break between any two characters.
const TOKEN =
  /\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/gu;

/** The pieces a line may break between, in order and covering the whole text. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const t of text.match(TOKEN) ?? []) {
    const last = out.length - 1;
    const before = out[last] ?? " ";
    const glued = NO_LINE_START.test(t) ? !/^\s/u.test(before) : NO_LINE_END.test(before);
    if (last >= 0 && glued && !/^\s/u.test(t)) out[last] += t;
    else out.push(t);
  }
  return out;
}

/** The widest piece of text {@link wrapRuns} never breaks (a word, or a CJK character with its punctuation). */
export function longestToken(text: string): number {
  return Math.max(0, ...tokens(text).map((t) => (/^\s/u.test(t) ? 0 : displayWidth(t))));
}

/** The runs covering `text[start, end)` of the runs' joined text. */
function slice<S>(runs: readonly Run<S>[], starts: number[], start: number, end: number): Run<S>[] {
  const out: Run<S>[] = [];
  runs.forEach((run, i) => {
    const from = Math.max(start, starts[i] ?? 0);
    const to = Math.min(end, (starts[i] ?? 0) + run.text.length);
    if (from < to)
      out.push({
        text: run.text.slice(from - (starts[i] ?? 0), to - (starts[i] ?? 0)),
        style: run.style,
      });
  });
  return out;
}

/** Appends runs to a line, merging a run into the one before when they share a style. */
function append<S>(line: Run<S>[], runs: readonly Run<S>[]): void {
  for (const run of runs) {
    const last = line[line.length - 1];
    if (last && last.style === run.style) last.text += run.text;
    else line.push({ ...run });
  }
}

/** Cuts `text` after at most `max` columns (at least one character, so a cut always advances). */
function cutAt(text: string, max: number): number {
  let width = 0;
  let length = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (length > 0 && width + w > max) break;
    width += w;
    length += ch.length;
  }
  return length;
}

/**
 * Breaks styled text into lines of at most `width` terminal columns (`restWidth` after the first):
 * Latin text at spaces, CJK text between any two characters but never before closing punctuation;
 * a word longer than a line is cut, never dropped; a newline starts a new line. Spaces at the
 * ends of lines are dropped, spaces between words kept.
 */
export function wrapRuns<S>(runs: readonly Run<S>[], width: number, restWidth = width): Run<S>[][] {
  const text = runs.map((r) => r.text).join("");
  const starts: number[] = [];
  runs.reduce((at, r) => {
    starts.push(at);
    return at + r.text.length;
  }, 0);
  const lines: Run<S>[][] = [];
  let line: Run<S>[] = [];
  let used = 0;
  let space: Run<S>[] | null = null;
  const limit = () => Math.max(1, lines.length === 0 ? width : restWidth);
  const breakLine = () => {
    lines.push(line);
    line = [];
    used = 0;
    space = null;
  };
  let at = 0;
  for (const token of tokens(text)) {
    const start = at;
    at += token.length;
    if (/^\s/u.test(token)) {
      for (let n = token.split("\n").length - 1; n > 0; n--) breakLine();
      if (used > 0) space = slice(runs, starts, start, at);
      continue;
    }
    const w = displayWidth(token);
    const gap = space ? displayWidth(space.map((r) => r.text).join("")) : 0;
    if (used > 0 && used + gap + w > limit()) breakLine();
    else if (space) {
      append(line, space);
      used += gap;
    }
    space = null;
    let from = start;
    while (displayWidth(text.slice(from, at)) > limit() - used) {
      const cut = from + cutAt(text.slice(from, at), limit() - used);
      append(line, slice(runs, starts, from, cut));
      breakLine();
      from = cut;
    }
    append(line, slice(runs, starts, from, at));
    used += displayWidth(text.slice(from, at));
  }
  lines.push(line);
  return lines;
}

/** {@link wrapRuns} for plain text: the lines, each at most `width` columns. */
export function wrapLines(text: string, width: number, restWidth = width): string[] {
  return wrapRuns([{ text, style: null }], width, restWidth).map((l) =>
    l.map((r) => r.text).join(""),
  );
}
