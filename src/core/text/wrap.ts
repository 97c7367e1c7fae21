import { autospaceAt, displayWidth, lineEm, truncateToWidth } from "./width.js";

// One model of where text may break, for every wrapper: `segments` splits text into the pieces a
// line never breaks inside, `fillLines` fills lines with them greedily in a width given by a
// `Measure` (terminal columns, or ems of a document's face). Everything else here derives from
// those two.

/** A piece of text and how it is shown (a colour, bold…); wrapping keeps each piece's style. */
export interface Run<S> {
  text: string;
  style: S;
}

/** How wide text is, and whether a hyphen may end a line (see segments). */
export interface Measure {
  width: (text: string) => number;
  hyphens: boolean;
  /**
   * For a column's width (widestSegment): the width of a short text with Chinese in it set on one
   * line (see WHOLE_PHRASE), which the column should hold whole. Without it, such text counts as
   * the characters a line may break between.
   */
  phrase?: (text: string) => number;
  /**
   * The space a word processor adds between `text[at - 1]` and `text[at]` when both end up on one
   * line (Word's and LibreOffice's quarter em between Chinese and a digit: "2027 年 2 月"), which
   * widths summed piece by piece would miss.
   */
  join?: (text: string, at: number) => number;
  /**
   * For text set by us (the PDF), not by a word processor: fillLines leaves no Chinese character
   * alone on a paragraph's last line ("误差 / 内"); the line before gives it its last piece.
   */
  noLoneChar?: boolean;
}

/**
 * Terminal columns (displayWidth): terminal text, and chart labels laid out in columns. We break
 * these lines ourselves, never after a hyphen: a path or an identifier ("01-ceo.yaml") stays whole.
 */
export const COLUMNS: Measure = { width: displayWidth, hyphens: false };

/**
 * Ems of a document's sans face with the spaces Word and LibreOffice add around Chinese (lineEm):
 * what Word, LibreOffice and PowerPoint break a table cell by, and they break after a hyphen too.
 */
export const EMS: Measure = { width: lineEm, hyphens: true, phrase: lineEm, join: autospaceAt };

/**
 * A hyphenated word of at most this many characters is kept whole ("follow-up", "e-mail"): Word
 * and LibreOffice may break after its hyphen, but a column sized to its halves wraps it there.
 */
const WHOLE_HYPHENATED = 10;

/**
 * A text of at most this many characters (spaces aside) with Chinese in it, a cell's whole text (a
 * term, an owner, a header, a verdict: "每次阶段评审", "CRM 项目办公室", "否：在 ±0.56 误差内"), is
 * one piece for a column's width (see Measure.phrase), but for a break before opening punctuation
 * ("工作量 / （人周）", as in the header of a unit) or before a tail without Chinese
 * ("以客户为中心的文化 / †"). Word, LibreOffice and the PDF break Chinese between any two
 * characters, so a column sized to one character split such a term ("每次阶段 / 评审") or left its
 * last character alone on a line ("误差 / 内"). Word and the PDF size their columns by this one
 * rule (longestWordEm, longestToken). Longer text (an action's title, a sentence) still wraps
 * between characters, and keeps the wide columns it is shown in from being crowded out.
 */
const WHOLE_PHRASE = 12;

// Kinsoku: punctuation that must not start a line (it stays with the character before it):
// ，。、；：？！）》」』】〕〉”’…·% and their ASCII counterparts.
const CLOSING =
  "\\uFF0C\\u3002\\u3001\\uFF1B\\uFF1A\\uFF1F\\uFF01\\uFF09\\u300B\\u300D\\u300F\\u3011\\u3015\\u3009\\u201D\\u2019\\u2026\\u00B7%,.;:?!)\\]}";
const NO_LINE_START = new RegExp(`^[${CLOSING}]`, "u");

// Opening punctuation that must not end a line (it stays with the character after it):
// （《「『【〔〈“‘ and their ASCII counterparts.
const OPENING = "\\uFF08\\u300A\\u300C\\u300E\\u3010\\u3014\\u3008\\u201C\\u2018([{";
const NO_LINE_END = new RegExp(`[${OPENING}]$`, "u");

// Ideographs, CJK punctuation and full-width forms (with the CJK compatibility forms and the
// supplementary ideograph planes): text that may break between any two characters.
const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u{20000}-\\u{3134f}";

// No-break spaces (U+00A0, U+2007, U+202F) join what they separate: "Level\u00a03" stays whole.
const GLUE = "\\u00a0\\u2007\\u202f";

// Latin words break at spaces; CJK text may break between any two characters.
const TOKEN = new RegExp(`[^\\S${GLUE}]+|[${CJK}]|(?:[^\\s${CJK}]|[${GLUE}])+`, "gu");

const SPACE = new RegExp(`^[^\\S${GLUE}]`, "u");

/**
 * The pieces a line may break between, in order and covering the whole text: runs of spaces, and
 * the unbreakable pieces between them — a word; a CJK character with the closing punctuation after
 * it and the opening punctuation before it (kinsoku); with `hyphens`, the parts of a word longer
 * than WHOLE_HYPHENATED characters, each ending at its hyphen. Closing punctuation after spaces
 * stays with the word before them too, spaces included ("heads. · 1.83" never starts a line with
 * "·"), as in the Unicode line-breaking rules; a newline still breaks before it.
 */
export function segments(text: string, hyphens = false): string[] {
  const out: string[] = [];
  const matches = text.match(TOKEN) ?? [];
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i] as string;
    // (Counted in UTF-16 units first: a token that short has no more code points.)
    const split =
      hyphens &&
      match.length > WHOLE_HYPHENATED &&
      !SPACE.test(match) &&
      [...match].length > WHOLE_HYPHENATED;
    if (split) for (const t of match.split(/(?<=-)/)) glue(out, t);
    else glue(out, match);
  }
  return out;
}

// A number and the Chinese character after a space, its measure word or unit ("24,212 位",
// "第 20 周"), stay on one line: "24,212 / 位" reads as two things. (Character codes rather than
// regular expressions: glue sees every piece of every line the PDF sets.)
const isIdeograph = (code: number): boolean =>
  (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

// Appends a token to the segments so far, joining it to the last one where no break is allowed.
function glue(out: string[], t: string): void {
  const last = out.length - 1;
  const before = out[last];
  const number = out[last - 1];
  if (before === undefined || SPACE.test(t)) out.push(t);
  else if (
    isIdeograph(t.charCodeAt(0)) &&
    number !== undefined &&
    isDigit(number.charCodeAt(number.length - 1)) &&
    SPACE.test(before) &&
    !before.includes("\n")
  )
    out.splice(last - 1, 2, `${number}${before}${t}`);
  else if (!NO_LINE_START.test(t)) {
    if (NO_LINE_END.test(before)) out[last] += t;
    else out.push(t);
  } else if (!SPACE.test(before)) out[last] += t;
  else if (last > 0 && !before.includes("\n"))
    out.splice(last - 1, 2, `${out[last - 1]}${before}${t}`);
  else out.push(t);
}

const HAS_CJK = new RegExp(`[${CJK}]`, "u");
// Where a short phrase may still break: before opening punctuation ("工作量 / （人周）"), and at the
// space before a tail without Chinese, which Word moves whole ("以客户为中心的文化 / †"), but for
// closing punctuation, which stays with the word before it ("一 ·", see segments).
const PHRASE_BREAK = new RegExp(
  `(?<=\\S)(?=[${OPENING}])|\\s+(?=[^\\s${CJK}${CLOSING}][^${CJK}]*$)`,
  "u",
);

/**
 * A date in words, as the report's date helper writes it (i18n `dateText`): "16 March 2026",
 * "2026年3月16日" (with or without spaces around the digits), and a Chinese month as a client's
 * evidence names one ("2026年3月"). A line never breaks inside one, in any language: "2026 年 4 月
 * / 8 日", "2026 年 / 3 月" and "16 March / 2026" read badly.
 */
const DATE = new RegExp(
  `\\d{1,2}[ ${GLUE}]\\p{Lu}\\p{Ll}+\\.?[ ${GLUE}]\\d{4}(?!\\d)|(?<!\\d)\\d{4} ?年 ?\\d{1,2} ?月(?: ?\\d{1,2} ?日)?`,
  "gu",
);

/**
 * `text` with each space inside a date in words (see DATE) a no-break space, for a word processor
 * that fills lines itself (Word): "16 March / 2027" cannot break there. A date written without
 * spaces ("2027年2月16日") is left as it is: LibreOffice breaks between Chinese characters
 * whatever joins them (no-break spaces, word joiners, custom kinsoku lists), so its column is
 * sized to hold it instead (wholeWidth). What a reader sees, copies and finds stays the same.
 */
export function glueDates(text: string): string {
  return text.replace(DATE, (date) => date.replace(/ /g, "\u00a0"));
}

/**
 * The dates in words in `text` that Word and LibreOffice keep on one line once glued (glueDates):
 * those in Latin letters ("16 March 2027"). A Chinese one is not among them (see glueDates).
 */
export function gluedDates(text: string): string[] {
  return (text.match(DATE) ?? []).filter((date) => !HAS_CJK.test(date));
}

// A short text with Chinese in it (see WHOLE_PHRASE), trimmed.
const isPhrase = (trimmed: string): boolean =>
  [...trimmed.replace(/\s/g, "")].length <= WHOLE_PHRASE &&
  !trimmed.includes("\n") &&
  HAS_CJK.test(trimmed);

/**
 * The pieces of text that a column holds whole: of a short text with Chinese in it (see
 * WHOLE_PHRASE), the text, trimmed, split where PHRASE_BREAK lets it break; of any other text, the
 * dates in words in it (see DATE). Text we set ourselves (the PDF) passes them to fillLines as
 * `whole`, so that such a text breaks only there ("工作量 / （人周）", never "工作量（人 / 周）" in
 * a column between the two wide; never "2026年4月 / 8日"); a word processor's table is sized so
 * that its own breaks fall there too (see wholeWidth).
 */
export function phrasePieces(text: string): string[] {
  const trimmed = text.trim();
  if (isPhrase(trimmed)) return trimmed.split(PHRASE_BREAK).map((p) => p.trim());
  return trimmed.match(DATE) ?? [];
}

/**
 * The widest unbreakable piece of text (see segments); with `measure.phrase`, a short text with
 * Chinese in it whole but where PHRASE_BREAK lets it break, and a date in words whole (see
 * phrasePieces).
 */
function widestSegment(text: string, measure: Measure): number {
  const pieces = measure.phrase ? phrasePieces(text) : [];
  const widest = measure.phrase ? Math.max(0, ...pieces.map(measure.phrase)) : 0;
  if (pieces.length > 0 && isPhrase(text.trim())) return widest;
  let most = widest;
  for (const s of segments(text, measure.hyphens))
    if (!SPACE.test(s)) most = Math.max(most, measure.width(s));
  return most;
}

/**
 * The least width, at least `width`, at which lines filled without `whole` (as a word processor
 * fills a table cell: greedily, breaking wherever segments allows) break inside none of the
 * pieces of `whole` that fit a line: where a line would end inside one, the line is widened to
 * hold it up to that piece's end ("工作量（人 / 周）" becomes "工作量（人周）"; "1.88（2026年4月 /
 * 8日评估）" keeps its date); `width` when no width keeps them whole. The pieces of `kept` the
 * lines never break inside (a word processor keeps them itself: see gluedDates); they move to
 * the next line whole.
 */
export function wholeWidth(
  text: string,
  measure: Measure,
  width: number,
  whole: readonly string[],
  kept: readonly string[] = [],
): number {
  const size = measure.phrase ?? measure.width;
  const ranges: Span[] = [];
  for (const piece of whole) {
    if (piece === "" || size(piece) > width || kept.includes(piece)) continue;
    for (let i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1))
      ranges.push([i, i + piece.length]);
  }
  // Nothing to keep whole (most cells): no line to fill.
  if (ranges.length === 0) return width;
  // Where the segment a piece ends in ends ("2026)"): the line must hold it to there.
  const ends: number[] = [];
  for (const s of segments(text, measure.hyphens)) ends.push((ends.at(-1) ?? 0) + s.length);
  const through = (to: number) => ends.find((e) => e >= to) ?? text.length;
  // How wide the line that cuts a piece must be to hold it; 0 when no line at `at` cuts one.
  const holding = (at: number): number => {
    let wider = 0;
    for (const [start, end] of fillLines(text, measure, at, at, kept)) {
      const cut = ranges.find(([from, to]) => from < end && end < to);
      if (cut) wider = Math.max(wider, size(text.slice(start, through(cut[1]))));
    }
    return wider;
  };
  let w = width;
  for (;;) {
    const wider = holding(w);
    if (wider === 0) return w;
    // Widening always grows the line (a wider one, or a narrower measure: give up).
    if (wider <= w) return width;
    // Less may do: the lines before take more, and the piece starts a line of its own.
    const step = (wider - w) / LESS_MAY_DO;
    for (let k = 1; k < LESS_MAY_DO; k++) if (holding(w + k * step) === 0) return w + k * step;
    w = wider;
  }
}

/** In how many steps wholeWidth tries the widths between a line's and the one holding its piece. */
const LESS_MAY_DO = 16;

/**
 * The least width, at least `width`, at which a table cell's lines, filled as they come, break
 * inside none of the pieces its column keeps whole (phrasePieces: a short Chinese value, a date in
 * words; see wholeWidth): the one rule Word's and the PDF's columns widen by (see widenColumns).
 * `width` when it already keeps them whole. `kept`: the pieces the lines themselves never break
 * inside (see wholeWidth).
 */
export function columnFit(
  text: string,
  measure: Measure,
  width: number,
  kept: readonly string[] = [],
): number {
  return wholeWidth(text, measure, width, phrasePieces(text), kept);
}

/**
 * The width a table column needs for one of its cells, given the column's width: more than that
 * width where the cell's lines would break inside a piece the column keeps whole (see columnFit).
 */
export type CellNeed = (width: number) => number;

/**
 * Column widths with each column widened where one of its cells (`cells[i]`, the header first)
 * needs more, one rule for Word and the PDF: the room is taken from the column with the most to
 * spare above its least width (`least`) that has enough, and whose move `keeps` accepts, given
 * the widths after it and before (the PDF, which measures every line: the table grows no taller);
 * a column widened for its own cells gives none of that room back to a later one. A cell no
 * column can make room for keeps its breaks.
 */
export function widenColumns(
  widths: readonly number[],
  least: readonly number[],
  cells: readonly (readonly CellNeed[])[],
  keeps: (after: readonly number[], before: readonly number[]) => boolean = () => true,
): number[] {
  let out = [...widths];
  const floor = [...least];
  cells.forEach((column, i) => {
    for (const need of column) {
      const width = out[i] ?? 0;
      const more = need(width) - width;
      if (more <= 0) continue;
      const spare = out.map((w, j) => (j === i ? 0 : w - (floor[j] ?? 0)));
      const donors = spare
        .map((_, j) => j)
        .filter((j) => (spare[j] ?? 0) >= more)
        .sort((a, b) => (spare[b] ?? 0) - (spare[a] ?? 0) || a - b);
      for (const from of donors) {
        const next = out.map((w, j) => (j === from ? w - more : j === i ? w + more : w));
        if (!keeps(next, out)) continue;
        out = next;
        floor[i] = Math.max(floor[i] ?? 0, width + more);
        break;
      }
    }
  });
  return out;
}

/**
 * How much of `text` (in UTF-16 units, on a code point boundary, at least one character so that a
 * cut always advances) fits in `max`: the longest prefix, measured whole so that kerning counts.
 */
function cutAt(text: string, max: number, measure: Measure): number {
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
    if (measure.width(text.slice(0, ends[mid])) <= max) lo = mid;
    else hi = mid - 1;
  }
  return ends[lo] ?? text.length;
}

/** A line of a text: its `[start, end)`, without the spaces at its ends. */
export type Span = readonly [start: number, end: number];

/**
 * The segments of `text`, with those that start inside an occurrence of one of `whole` (a path, a
 * quoted value) joined to the segment before: a line never breaks inside such a piece.
 */
function keptSegments(text: string, hyphens: boolean, whole: readonly string[]): string[] {
  const parts = segments(text, hyphens);
  const inside = new Uint8Array(text.length + 1);
  for (const piece of whole) {
    if (piece === "") continue;
    for (let i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1))
      inside.fill(1, i + 1, i + piece.length);
  }
  if (!inside.includes(1)) return parts;
  const out: string[] = [];
  let at = 0;
  for (const part of parts) {
    if (inside[at] && out.length) out[out.length - 1] += part;
    else out.push(part);
    at += part.length;
  }
  return out;
}

/**
 * Fills lines of at most `width` (`restWidth` after the first) with the text's segments, as many
 * as fit on each: the spaces between two segments on a line are kept, those at a break dropped; a
 * segment wider than a line is cut between characters, never dropped; a newline starts a new line.
 * No line breaks inside an occurrence of one of `whole` (see keptSegments) unless it is wider
 * than a line.
 * A segment is measured with the spaces after it (a document face may kern a word's last letter
 * against the space), and a line ends when the next segment, without its spaces, does not fit.
 * At least one line; a width under 1 counts as 1.
 */
export function fillLines(
  text: string,
  measure: Measure,
  width: number,
  restWidth = width,
  whole: readonly string[] = [],
): Span[] {
  const lines: Span[] = [];
  let start = -1;
  let end = 0;
  let used = 0;
  const limit = () => Math.max(1, lines.length === 0 ? width : restWidth);
  const blank = (i: number) => SPACE.test(text[i] ?? "");
  const breakLine = () => {
    // A segment cut at a space inside it ("word ·") leaves no space at either end of the line.
    while (start >= 0 && end > start && blank(end - 1)) end--;
    while (start >= 0 && start < end && blank(start)) start++;
    lines.push(start < 0 ? [end, end] : [start, end]);
    start = -1;
    used = 0;
  };
  const parts = keptSegments(text, measure.hyphens, whole);
  let at = 0;
  parts.forEach((segment, i) => {
    const from = at;
    at += segment.length;
    if (SPACE.test(segment)) {
      for (let n = segment.split("\n").length - 1; n > 0; n--) breakLine();
      return;
    }
    const next = parts[i + 1] ?? "";
    const spaces = SPACE.test(next) && !next.includes("\n") ? next : "";
    const gap = start >= 0 && measure.join ? measure.join(text, from) : 0;
    // The widths summed piece by piece may exceed the line's own by a rounding error.
    if (start >= 0 && used + gap + measure.width(segment) > limit() + ROUNDING) breakLine();
    let cut = from;
    while (start < 0 && measure.width(text.slice(cut, at)) > limit()) {
      start = cut;
      end = cut + cutAt(text.slice(cut, at), limit(), measure);
      cut = end;
      breakLine();
    }
    if (cut === at) return;
    if (start < 0) start = cut;
    else used += gap;
    end = at;
    used += measure.width(text.slice(cut, at) + spaces);
  });
  breakLine();
  return measure.noLoneChar ? noLoneChar(text, measure, lines, restWidth, whole) : lines;
}

/** How far a line's widths summed piece by piece may exceed the line's width and still fit it. */
const ROUNDING = 1e-9;

// One ideograph (with the punctuation kept with it) and nothing else.
const LONE_CHAR = new RegExp(`^[^\\s\\p{L}\\p{N}]*[${CJK}][^\\s\\p{L}\\p{N}]*$`, "u");

/**
 * The lines, where the last line of a paragraph is one Chinese character alone (see LONE_CHAR),
 * with the last piece of the line before (see keptSegments) moved down to it: when that line is
 * of the same paragraph, keeps another piece, and the last line still fits `width`.
 */
function noLoneChar(
  text: string,
  measure: Measure,
  lines: Span[],
  width: number,
  whole: readonly string[],
): Span[] {
  const out = [...lines];
  const ends = (i: number) =>
    text.slice(out[i]?.[1], out[i + 1]?.[0] ?? text.length).includes("\n");
  for (let i = 1; i < out.length; i++) {
    const before = out[i - 1];
    const last = out[i];
    if (!before || !last || !LONE_CHAR.test(text.slice(...last))) continue;
    if (ends(i - 1) || !(i === out.length - 1 || ends(i))) continue;
    const pieces = keptSegments(text.slice(...before), measure.hyphens, whole);
    const piece = pieces.at(-1) ?? "";
    const from = before[1] - piece.length;
    if (pieces.length < 2 || measure.width(text.slice(from, last[1])) > Math.max(1, width))
      continue;
    let end = from;
    while (end > before[0] && SPACE.test(text[end - 1] ?? "")) end--;
    out.splice(i - 1, 2, [before[0], end], [from, last[1]]);
  }
  return out;
}

/** The runs covering `text[start, end)` of the runs' joined text, touching runs of a style merged. */
function slice<S>(runs: readonly Run<S>[], starts: number[], [start, end]: Span): Run<S>[] {
  const out: Run<S>[] = [];
  runs.forEach((run, i) => {
    const at = starts[i] ?? 0;
    const from = Math.max(start, at);
    const to = Math.min(end, at + run.text.length);
    if (from >= to) return;
    const text = run.text.slice(from - at, to - at);
    const last = out[out.length - 1];
    if (last && last.style === run.style) last.text += text;
    else out.push({ text, style: run.style });
  });
  return out;
}

/**
 * Breaks styled text into lines of at most `width` terminal columns (`restWidth` after the first),
 * as fillLines fills them: Latin text at spaces, CJK text between any two characters but never
 * before closing punctuation nor after opening punctuation, nor inside any of `whole`.
 */
export function wrapRuns<S>(
  runs: readonly Run<S>[],
  width: number,
  restWidth = width,
  whole: readonly string[] = [],
): Run<S>[][] {
  const starts: number[] = [];
  let at = 0;
  for (const r of runs) {
    starts.push(at);
    at += r.text.length;
  }
  const text = runs.map((r) => r.text).join("");
  return fillLines(text, COLUMNS, width, restWidth, whole).map((span) => slice(runs, starts, span));
}

/** {@link wrapRuns} for plain text: the lines, each at most `width` columns. */
export function wrapLines(
  text: string,
  width: number,
  restWidth = width,
  whole: readonly string[] = [],
): string[] {
  return fillLines(text, COLUMNS, width, restWidth, whole).map(([start, end]) =>
    text.slice(start, end),
  );
}

/**
 * The widest piece of text a line filled by `measure` never breaks (see segments), in its units:
 * by default terminal columns, as {@link wrapRuns} breaks; with a `measure.phrase` (a document's
 * face, see longestWordEm; the PDF's fonts), a short text with Chinese in it whole (see
 * WHOLE_PHRASE), and a date in words whole. What a column needs so that its text wraps between
 * words, never inside one.
 */
export function longestToken(text: string, measure: Measure = COLUMNS): number {
  return widestSegment(text, measure);
}

/**
 * A label in lines of at most `max` terminal columns, broken as wrapLines breaks it; none for
 * blank text. At most `lines` lines, the last ending with `…` when text remains.
 */
export function wrapToWidth(text: string, max: number, lines = Number.POSITIVE_INFINITY): string[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const fitted = wrapLines(trimmed, max).map((l) => truncateToWidth(l, max));
  if (fitted.length <= lines) return fitted;
  const kept = fitted.slice(0, lines);
  kept[lines - 1] = truncateToWidth(fitted.slice(lines - 1).join(" "), max);
  return kept;
}

/**
 * The widest piece of text a line break should not split, in ems of a sans-serif face (see
 * segments with hyphens): what a table column needs so that its text wraps between words and
 * never inside one ("programm / e", "follow- / up"). A short text with Chinese in it is one piece
 * (see WHOLE_PHRASE): "每次阶段评审" is six ems, not one; without `phrases`, the widest of its
 * characters.
 */
export function longestWordEm(text: string, phrases = true): number {
  return longestToken(text, phrases ? EMS : { ...EMS, phrase: undefined });
}

/**
 * How many lines text takes in a column `em` ems wide, broken as longestWordEm breaks it (see
 * fillLines), a date Word keeps whole once glued moved to the next line whole (gluedDates). At
 * least one line; each line break ("\n") starts a new line.
 */
export function linesAtEm(text: string, em: number): number {
  return fillLines(text, EMS, em, em, gluedDates(text)).length;
}
