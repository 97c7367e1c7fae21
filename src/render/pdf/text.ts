import type { Lang } from "../../core/models/languages.js";
import { fillPlaceholders } from "../../core/text/placeholders.js";
import { fmtCount } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import type { GlyphCoverage } from "../../io/fonts.js";
import type { ReportModel } from "../../views/report/model.js";

// Typographic symbols a font may lack, with plain stand-ins; used only when the chosen font has no
// glyph, so a symbol never turns into an empty box.
// Arrows become single angle quotes (in WinAnsi) rather than "->", which could break at the hyphen.
const FALLBACKS: Record<string, string> = {
  "\u2192": "\u203a",
  "\u2190": "\u2039",
  "\u2194": "\u2039\u203a",
  "\u21d2": "\u00bb",
  "\u25b8": "\u203a",
  "\u25b6": "\u203a",
  "\u25ba": "\u203a",
  "\u2265": ">=",
  "\u2264": "<=",
  "\u2260": "!=",
  "\u2248": "~",
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2026": "...",
  "\u2022": "-",
  "\u00b7": "-",
  "\u2713": "v",
  "\u2714": "v",
  "\u2717": "x",
  "\u2718": "x",
  "\u2605": "*",
  "\u2691": "!",
  "\u00a0": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u3000": " ",
};

// The symbols with a stand-in (each one UTF-16 unit), by code.
const STAND_IN_CODES = new Set(Object.keys(FALLBACKS).map((ch) => ch.charCodeAt(0)));

// Invisible characters that only disturb layout: C0/C1 controls (but line feeds), zero-width
// spaces and joiners, bidi controls, word joiner, byte order mark.
function isInvisible(cp: number): boolean {
  return (
    (cp <= 0x1f && cp !== 0x0a) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    cp === 0x2060 ||
    cp === 0xfeff
  );
}

// Whether normalizeText leaves `text` as it is: it has no carriage return, tab nor invisible
// character (all of them single UTF-16 units, so read unit by unit).
function isNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isInvisible(text.charCodeAt(i))) return false;
  return true;
}

/** Normalises text before measuring: CRLF to LF, tabs to spaces, invisible characters removed. */
export function normalizeText(text: string): string {
  if (isNormal(text)) return text;
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n").replace(/\t/g, " ")) {
    if (!isInvisible(ch.codePointAt(0) ?? 0)) out += ch;
  }
  return out;
}

/**
 * Every code point the document needs a glyph for, to choose a font that can show all of them.
 * Symbols with a plain stand-in count as their stand-in: they never force a font of their own.
 */
export function collectCodePoints(content: unknown): Set<number> {
  const out = new Set<number>();
  // A model repeats many strings (labels, names, levels): each is read once. The characters are
  // those of normalizeText's result, read without building it.
  const seen = new Set<string>();
  const add = (cp: number): void => {
    const fallback = STAND_IN_CODES.has(cp) ? FALLBACKS[String.fromCharCode(cp)] : undefined;
    if (fallback === undefined) out.add(cp);
    else for (const f of fallback) out.add(f.codePointAt(0) ?? 0);
  };
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      if (seen.has(value)) return;
      seen.add(value);
      // By index: an iterator would allocate a result for every character.
      for (let i = 0; i < value.length; ) {
        const cp = value.codePointAt(i) ?? 0;
        i += cp > 0xffff ? 2 : 1;
        if (cp >= 0xd800 && cp <= 0xdfff) {
          // A lone surrogate: dropping an invisible character may pair it with the next one, so
          // this (rare) string is read through normalizeText itself.
          for (const c of normalizeText(value)) add(c.codePointAt(0) ?? 0);
          return;
        }
        if (cp === 0x0d) {
          out.add(0x0a); // CR and CR LF become a line feed
        } else if (cp === 0x09) {
          out.add(0x20); // a tab becomes a space
        } else if (!isInvisible(cp)) {
          add(cp);
        }
      }
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (value !== null && typeof value === "object") {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(content);
  // Digits, separators and signs the renderer adds around model values (scores, ranges, pages).
  for (const ch of "0123456789.,:;%()-–+/ ") out.add(ch.codePointAt(0) ?? 0);
  return out;
}

// Whether `text` has a symbol with a stand-in that the font cannot show.
function needsStandIn(text: string, coverage: GlyphCoverage): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (STAND_IN_CODES.has(code) && !coverage.has(code)) return true;
  }
  return false;
}

/** `text` with each symbol the font cannot show replaced by its stand-in, character by character. */
export function withStandIns(text: string, coverage: GlyphCoverage): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += coverage.has(cp) ? ch : (FALLBACKS[ch] ?? ch);
  }
  return out;
}

/**
 * Returns a function that normalises text (normalizeText) and replaces the symbols the font
 * cannot show with their stand-ins (withStandIns); text with none is returned as it is.
 */
export function makeCleaner(coverage: GlyphCoverage): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const normal = normalizeText(text);
    const out = needsStandIn(normal, coverage) ? withStandIns(normal, coverage) : normal;
    cache.set(text, out);
    return out;
  };
}

/** A score on the 1–5 scale, or the inconclusive mark. */
export function fmtScore(value: number | null, inconclusive: string): string {
  return value === null ? inconclusive : value.toFixed(2);
}

/** A target or level: whole numbers without decimals, others with up to two. */
export function fmtLevel(value: number | null, inconclusive: string): string {
  if (value === null) return inconclusive;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** A 0–1 share as a whole percentage. */
export function fmtPct(value: number | null, inconclusive: string): string {
  return value === null ? inconclusive : `${Math.round(value * 100)}%`;
}

type Reliability = NonNullable<ReportModel["appendix"]["reliability"]>;

/** A reliability coefficient (alpha, its interval's ends, rwg, ICC) to two decimals, or a dash. */
function fmtCoefficient(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}

/**
 * The cells of a row of the appendix's reliability table, in its columns' order (dimension,
 * items, respondents, alpha in bold, its interval, rwg, the reading): the PDF and Word tables.
 */
export function reliabilityCells(
  row: Reliability["rows"][number],
): [string, string, string, { text: string; bold: true }, string, string, string] {
  const interval =
    row.lower === null || row.upper === null
      ? "—"
      : `${fmtCoefficient(row.lower)} – ${fmtCoefficient(row.upper)}`;
  return [
    row.title,
    String(row.items),
    fmtCount(row.respondents),
    { text: fmtCoefficient(row.alpha), bold: true },
    interval,
    fmtCoefficient(row.rwg),
    row.reading,
  ];
}

/** The cells of a row of a role group's table (dimension, ICC(1), ICC(2), the reading). */
export function reliabilityGroupCells(
  row: Reliability["groups"][number]["rows"][number],
): [string, string, string, string] {
  return [row.title, fmtCoefficient(row.icc1), fmtCoefficient(row.icc2), row.reading];
}

type SpreadItem = ReportModel["perception"]["disagreements"][number];

/**
 * The columns of the disagreements and fact-conflicts tables, in the one order every format shows
 * them (the PDF, Word and, through its view, Markdown): dimension, question, lowest, highest,
 * spread; for a survey (`surveySized`) dimension, question, share rated low, share rated high,
 * rwg. Relative widths, numbers aligned right.
 */
export function spreadColumns(
  L: ReportModel["labels"],
  survey = false,
): { header: string; width: number; numeric: boolean }[] {
  return [
    { header: L.dimension, width: 1.8, numeric: false },
    { header: L.question, width: survey ? 3.6 : 4, numeric: false },
    { header: survey ? L.lowShare : L.lowest, width: 0.8, numeric: true },
    { header: survey ? L.highShare : L.highest, width: 0.8, numeric: true },
    { header: survey ? L.agreementRwg : L.spread, width: survey ? 1.2 : 0.8, numeric: true },
  ];
}

/**
 * The cells of a row of those tables, in `spreadColumns`' order; the last (spread, or rwg) in
 * bold. In a survey's table a question of fewer than 10 answers has no shares or rwg: dashes.
 */
export function spreadCells(
  item: SpreadItem,
  inconclusive: string,
  survey = false,
): [string, string, string, string, { text: string; bold: true }] {
  if (survey) {
    return [
      item.dimensionTitle,
      item.questionText,
      fmtPct(item.lowShare ?? null, "—"),
      fmtPct(item.highShare ?? null, "—"),
      { text: fmtCoefficient(item.rwg ?? null), bold: true },
    ];
  }
  return [
    item.dimensionTitle,
    item.questionText,
    fmtLevel(item.min, inconclusive),
    fmtLevel(item.max, inconclusive),
    { text: fmtLevel(item.spread, inconclusive), bold: true },
  ];
}

/** A week span from 0-based offsets: weeks 1–4 for `0..4`. */
export function fmtWeeks(startWeek: number, endWeek: number): string {
  return endWeek - startWeek <= 1 ? String(startWeek + 1) : `${startWeek + 1}–${endWeek}`;
}

/** "Week 5" or "Weeks 1–35" (0-based start, exclusive end), in the report's language. */
export function weekSpan(L: ReportModel["labels"], startWeek: number, endWeek: number): string {
  return endWeek - startWeek <= 1
    ? fillPlaceholders(L.weekPattern, { week: startWeek + 1 })
    : fillPlaceholders(L.weekRangePattern, { from: startWeek + 1, to: endWeek });
}

/** Punctuation the renderer puts between model texts: full-width forms in Chinese. */
export interface Punctuation {
  /** After a label: "Owner: …" / "负责人：…". */
  colon: string;
  /** Between list items that are sentences or titles. */
  list: string;
  /** Around a parenthetical, including the space before it in English. */
  open: string;
  close: string;
  /** A sentence's full stop ("." or "。"). */
  stop: string;
}

/** The punctuation for a report language. */
export function punctuationFor(lang: Lang): Punctuation {
  const { colon, semicolon, open, close, sentence } = messagesFor(lang).common.punct;
  return { colon, list: semicolon, open, close, stop: sentence("") };
}

type KpiRow = ReportModel["kpis"]["rows"][number];

/** A group of the list of every KPI: its rows share the one date they are due by. */
export interface KpiGroup {
  /** The phase that introduces the KPIs; null for the method's standing measures. */
  phase: KpiRow["phase"];
  title: string;
  /** "Due: End of Rigidify, 1 November 2026", said once for the group. */
  dueLine: string;
  rows: KpiRow[];
}

/**
 * The list of every KPI grouped as the plan runs, in every format (the PDF, Word and, through its
 * view, Markdown): the standing measures first, then the KPIs each phase introduces, each group
 * under its title with the date its KPIs are due, so a table never repeats one date on every row.
 */
export function kpiGroups(report: Pick<ReportModel, "kpis" | "labels" | "lang">): KpiGroup[] {
  const { colon } = messagesFor(report.lang).common.punct;
  const groups: (KpiGroup & { key: string })[] = [];
  for (const row of report.kpis.rows) {
    const key = row.phase ?? `source:${row.source}`;
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = {
        key,
        phase: row.phase,
        title: row.phase ? (row.phaseName ?? row.phase) : row.sourceName,
        dueLine: `${report.labels.due}${colon}${row.due}`,
        rows: [],
      };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return groups.map(({ key: _key, ...group }) => group);
}
