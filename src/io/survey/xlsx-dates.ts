// Dates and times in a workbook are numbers (days since the workbook's epoch) that only their cell
// style's number format marks as dates. A CSV export of the sheet holds them as text, which is
// what the rest of `batch` reads (response times for the careless screening, exclusion rules):
// these functions give that text in one unambiguous form.

/**
 * How a number format shows a number, when not as a number: a date, a time of day, both, or a
 * duration in hours that may pass 24 (`[h]:mm:ss`).
 */
export type DateKind = "date" | "time" | "datetime" | "elapsed";

/**
 * Excel's built-in number formats that show dates or times (ECMA-376 §18.8.30, with the ids
 * Chinese, Japanese and Korean Excel give their own date formats).
 */
const BUILTIN: ReadonlyMap<number, DateKind> = new Map<number, DateKind>([
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].map(
    (id) => [id, "date"] as const,
  ),
  ...[18, 19, 20, 21, 32, 33, 34, 35, 45, 47, 55, 56].map((id) => [id, "time"] as const),
  [22, "datetime"],
  [46, "elapsed"],
]);

/**
 * The kind of a format, undefined for a number shown as a number: a built-in format by its id, a
 * custom one by the codes of its first section.
 */
export function dateKindOf(id: number, code: string | undefined): DateKind | undefined {
  if (code === undefined) return BUILTIN.get(id);
  const section = (code.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "") // literal text
    .replace(/\\./g, "") // escaped characters
    .replace(/[_*]./g, "") // spacing and fill characters
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "") // colours, locales, conditions; not [h] [mm] [ss]
    .toLowerCase();
  if (/\[(h+|m+|s+)\]/.test(section)) return "elapsed";
  const time = /[hs]/.test(section);
  // `m` is minutes beside hours or seconds, else months.
  const date = /[dy]/.test(section) || (!time && section.includes("m"));
  if (date) return time ? "datetime" : "date";
  return time ? "time" : undefined;
}

/** Excel's last date, 9999-12-31, in the 1900 date system. */
const MAX_SERIAL = 2_958_465;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A date serial as the text a CSV export would hold, in ISO order: `2024-03-01 09:12:44`,
 * `2024-03-01`, `9:12:44`, or `27:01:35` for a duration in hours. Undefined for a number no
 * date shows (negative, or past 9999).
 */
export function formatDateSerial(
  serial: number,
  kind: DateKind,
  date1904: boolean,
): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return undefined;
  // To the second, as Excel shows a time without fractions.
  const total = Math.round(serial * 86_400);
  const seconds = total % 86_400;
  const minutesSeconds = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  if (kind === "elapsed") return `${Math.floor(total / 3600)}:${minutesSeconds}`;
  if (kind === "time") return `${Math.floor(seconds / 3600)}:${minutesSeconds}`;
  const days = Math.floor(total / 86_400);
  let day: string;
  if (date1904) day = isoDay(Date.UTC(1904, 0, 1), days);
  // The 1900 system counts 29 February 1900, which never was (Lotus 1-2-3's error, kept).
  else if (days === 60) day = "1900-02-29";
  else if (days === 0) day = "1900-01-00";
  else day = isoDay(days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30), days);
  if (kind === "date") return day;
  return `${day} ${pad(Math.floor(seconds / 3600))}:${minutesSeconds}`;
}

function isoDay(epoch: number, days: number): string {
  const d = new Date(epoch + days * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
