// A workbook stores numbers as their values; each cell's style names a number format that decides
// what Excel shows, and what a CSV export of the sheet holds: 007 for 7 under `000` (respondent
// ids, codes), R007 under `"R"000`, 85% for 0.85 under `0%`, 1,234 under `#,##0`, 5.00 under
// `0.00`. `batch` reads that text where the format shows the whole number, and the number itself
// where it shows less (3.5 rounded to 4, 0.8567 shown as 86%, a sign or a zero hidden, fractions,
// scientific notation), so an answer is never read as a value the cell does not hold. numfmt
// renders the formats as Excel does; it is loaded only for a workbook whose styles need it.
// Dates and times are xlsx-dates.ts's.
import type { FormatInfo } from "numfmt";

type Numfmt = typeof import("numfmt");

/** Shows a number of one cell style as text. */
export type NumberRenderer = (n: number) => string;

/**
 * A number as Excel's General format shows it in the formula bar and writes it to CSV: at most 15
 * significant digits (so a formula's 0.30000000000000004 reads 0.3), without the scientific
 * notation a narrow column falls back to (a 14-digit id stays whole).
 */
export function generalText(n: number): string {
  // Whole numbers below 10^15 (answers, ids) have at most 15 digits: the common case, cheaply.
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : String(n);
}

/**
 * Excel's built-in number formats (ECMA-376 §18.8.30) that show a number other than as General,
 * leaving out dates and times (xlsx-dates.ts) and Text (`@`, id 49, under which a number shows as
 * General). Ids 5–8 and 41–44 depend on the locale Excel runs in and are written to the workbook
 * with their code, as custom formats are.
 */
const BUILTIN: ReadonlyMap<number, string> = new Map([
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00;(#,##0.00)"],
  [40, "#,##0.00;[Red](#,##0.00)"],
  [48, "##0.0E+0"],
]);

/** A code that shows numbers as General: General itself, Text, or nothing. */
const GENERAL_CODE = /^\s*(?:general|@)?\s*$/i;

/**
 * The code of a number format that may show a number other than as General (a date's excepted:
 * ask `dateKindOf` first), from its id and its code in the workbook's styles; undefined for
 * General, Text and ids Excel does not define.
 */
export function numberFormatCode(id: number, code: string | undefined): string | undefined {
  if (code === undefined) return BUILTIN.get(id);
  return GENERAL_CODE.test(code) ? undefined : code;
}

/** The kinds of format whose text shows the number's digits, in full when it is not rounded. */
const SHOWN: ReadonlySet<FormatInfo["type"]> = new Set([
  "number",
  "grouped",
  "percent",
  "currency",
]);

/** Loads numfmt (on the first workbook whose styles need it). */
export async function loadNumfmt(): Promise<Numfmt> {
  const mod = (await import("numfmt")) as Numfmt & { default?: Numfmt };
  return typeof mod.format === "function" ? mod : (mod.default as Numfmt);
}

/**
 * How a cell style with the number format `code` shows numbers, or undefined when it shows them
 * as General (Text, fractions, scientific notation, an invalid code).
 */
export function numberRenderer(numfmt: Numfmt, code: string): NumberRenderer | undefined {
  let info: FormatInfo;
  try {
    info = numfmt.getFormatInfo(code);
    numfmt.format(code, 0);
  } catch {
    return undefined;
  }
  if (!SHOWN.has(info.type)) return undefined;
  const { scale, maxDecimals } = info;
  return (n) => {
    const text = numfmt.format(code, n, { throws: false, invalid: "" });
    return showsWholeNumber(n, text, scale, maxDecimals) ? text : generalText(n);
  };
}

/**
 * Whether `text`, the format's rendering of `n`, shows all of it: `n` (times the format's scale,
 * 100 for a percentage) has no digits beyond the decimals shown, the text holds those digits
 * (padding zeros, grouping, literal text and symbols around them aside) and a negative number's
 * sign.
 */
export function showsWholeNumber(
  n: number,
  text: string,
  scale: number,
  decimals: number,
): boolean {
  const scaled = Math.abs(n * scale);
  if (!(scaled < 1e15) || decimals > 15) return false;
  const factor = 10 ** decimals;
  const rounded = Math.round(scaled * factor) / factor;
  if (Math.abs(rounded - scaled) > 1e-9 * Math.max(1, scaled)) return false;
  const digits = rounded.toFixed(decimals).replace(".", "").replace(/^0+/, "") || "0";
  if (!text.replace(/\D/g, "").includes(digits)) return false;
  return n >= 0 || /[-(\u2212]/.test(text);
}
