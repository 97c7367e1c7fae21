import type { Lang } from "../core/models/languages.js";
import type { LocalizedText } from "../core/questionnaire/schema.js";

/** Scores in sentences: always two decimals, so 3 reads "3.00" like the tables. */
export const fmtScore = (n: number): string => n.toFixed(2);
/** "3–5", or "4" when both ends agree; `digits` decimals, trailing zeros dropped. */
export function fmtRange(low: number, high: number, digits = 1): string {
  const f = (n: number) => String(Number(n.toFixed(digits)));
  return f(low) === f(high) ? f(low) : `${f(low)}–${f(high)}`;
}

/**
 * A count as a reader's figures show it, thousands grouped in either language: a survey's
 * "98,011 respondents", not "98011". Not `toLocaleString`: its first call loads ICU's number
 * data, about 35 ms of every report's start-up for a few commas.
 */
export const fmtCount = (n: number): string =>
  Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ",") : String(n);

/** A 0–1 share as a whole percentage. */
export const fmtPct = (n: number): string => `${Math.round(n * 100)}%`;

/** Year, month and day of an ISO date (YYYY-MM-DD). */
export function dateParts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split("-").map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

/**
 * Puts a space between Chinese characters and Latin letters where a name is embedded in a Chinese
 * sentence ("仅供 Acme Ltd 使用"), as Chinese typesetting does; digits are left alone so that
 * dates read 2026年3月2日.
 */
export function cjkSpace(text: string): string {
  return (
    text
      .replace(/([\u3400-\u9fff])([A-Za-z])/g, "$1 $2")
      // A Latin word may end in a full stop or a bracket ("Acme Manufacturing Ltd.的").
      .replace(/([A-Za-z][.)]?)([\u3400-\u9fff])/g, "$1 $2")
  );
}

/** Joins a list with `sep`, the last two items with `last` ("a, b and c"). */
export function joinList(items: readonly string[], sep: string, last: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(sep)}${last}${items[items.length - 1]}`;
}

/**
 * An English possessive of a name: "Acme's", and "Skippy Stores'" for a name ending in s (most
 * such company names are plural forms: Stores, Systems, Industries, Partners).
 */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/**
 * Fills a questionnaire text's `{client}'s` (or `{client}’s`) with the client's possessive, so a
 * client ending in s never reads "Stores's"; the other placeholders are left to fillPlaceholders.
 */
export function clientPossessive(text: string, client: string): string {
  return text.replace(/\{client\}['\u2019]s\b/g, () => possessive(client));
}

/** Picks a questionnaire text in `lang`, falling back to English, then to any language. */
export function localize(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) return "";
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? "";
}

const QUOTE_PAIRS: Record<string, string> = {
  "“": "”",
  '"': '"',
  "「": "」",
  "『": "』",
  "‘": "’",
};
// “ ” " 「 」 『 』 ‘ ’
const QUOTE_MARKS = /[\u201C\u201D"\u300C\u300D\u300E\u300F\u2018\u2019]/;

/**
 * A note ready to be put in double quotation marks: the client's own enclosing marks are taken off
 * ("“We set targets.”"), and double marks inside become single ones, as nested quotations are
 * written in both languages (“总经理说‘愿景在我脑子里’”).
 */
export function forQuoting(text: string): string {
  const close = QUOTE_PAIRS[text.charAt(0)];
  if (close !== undefined && text.length >= 2 && text.endsWith(close)) {
    const inner = text.slice(1, -1);
    if (!QUOTE_MARKS.test(inner)) return inner;
  }
  return nestQuotes(text);
}

/**
 * A text about to be put in double quotation marks, its own double marks turned single, so that a
 * quoted title never shows nested double quotes (“高层只‘支持’不‘执行’”, not “高层只“支持”不“执行””).
 */
export function nestQuotes(text: string): string {
  return text.replace(/\u201C/g, "‘").replace(/\u201D/g, "’");
}
