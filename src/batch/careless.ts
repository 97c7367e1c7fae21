import { ANSWER_NA } from "../core/scoring/answer-codes.js";
import { columnsByName, type SurveyColumn, type SurveyHeader } from "../survey/header.js";
import { limesurveyHeadings } from "../survey/presets.js";
import { trimCell } from "../survey/respondent.js";

/** Why a row looks careless, in the order they are checked. */
export const CARELESS_REASONS = ["straight-lining", "long-string", "too-fast"] as const;
export type CarelessReason = (typeof CARELESS_REASONS)[number];

/** A run (or a straight line) must cover at least this many answers whatever the survey's length. */
export const MIN_CARELESS_RUN = 5;
/** Too fast below this many seconds per answered question (Huang et al. 2012). */
export const SECONDS_PER_ITEM = 2;

/** Columns holding the time a response took, in seconds (as exported). */
const DURATION_HEADERS = ["Duration (in seconds)", "所用时间", "Duration", "Time taken"];
/**
 * Start and end time columns of the common survey tools; LimeSurvey's `startdate` and
 * `submitdate` under every heading it gives them (`Date started`, `开始日期` …: see presets.ts).
 */
const TIME_PAIRS: [string, string][] = [
  ["StartDate", "EndDate"],
  ["Start Date", "End Date"],
  ["Start time", "Completion time"],
  ["开始时间", "完成时间"],
  ...limesurveyHeadings("startdate").flatMap((start) =>
    limesurveyHeadings("submitdate").map((end): [string, string] => [start, end]),
  ),
];

/** How a row's response time is read, if the export has it. */
export type Timing =
  | { kind: "duration"; column: SurveyColumn }
  | { kind: "interval"; start: SurveyColumn; end: SurveyColumn };

/** The first duration column, else the first start/end pair, the export's header has. */
export function detectTiming(header: SurveyHeader): Timing | undefined {
  // Hundreds of names (LimeSurvey's start and end columns in every language and form, paired).
  const find = columnsByName(header);
  const one = (name: string) => {
    const found = find(name);
    return found.length === 1 ? found[0] : undefined;
  };
  for (const name of DURATION_HEADERS) {
    const column = one(name);
    if (column) return { kind: "duration", column };
  }
  for (const [a, b] of TIME_PAIRS) {
    const start = one(a);
    const end = one(b);
    if (start && end) return { kind: "interval", start, end };
  }
  return undefined;
}

/** A duration cell in seconds: `95`, `95.5`, `95秒`, `1分35秒`, `1:35`; null otherwise. */
export function parseSeconds(cell: string): number | null {
  const s = trimCell(cell);
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  // 1小时2分3秒, 2分钟, 95秒 (小时 or 时 for hours, 分 or 分钟 for minutes).
  const zh =
    /^(?:(\d+)\s*(?:\u5C0F\u65F6|\u65F6))?\s*(?:(\d+)\s*\u5206(?:\u949F)?)?\s*(?:(\d+)\s*\u79D2)?$/.exec(
      s,
    );
  if (zh && (zh[1] || zh[2] || zh[3])) {
    return Number(zh[1] ?? 0) * 3600 + Number(zh[2] ?? 0) * 60 + Number(zh[3] ?? 0);
  }
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return null;
}

/**
 * A date-time cell as seconds on a naive clock (only differences are used, so the time zone does
 * not matter): `2024-03-11 09:12:01`, `2024/3/11 9:12`, ISO with `T` (offsets are ignored), and
 * US `3/11/2024 9:12:01 AM`. Null for anything else.
 */
export function parseClock(cell: string): number | null {
  const s = trimCell(cell);
  let y: number;
  let mo: number;
  let d: number;
  let rest: string;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]?(.*)$/.exec(s);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s+(.*)$/.exec(s);
  if (iso) {
    [y, mo, d, rest] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ?? ""];
  } else if (us) {
    const year = Number(us[3]);
    [y, mo, d, rest] = [year < 100 ? 2000 + year : year, Number(us[1]), Number(us[2]), us[4] ?? ""];
  } else return null;
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?/.exec(rest.trim());
  if (!t || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  let h = Number(t[1]);
  const ampm = t[4]?.toLowerCase();
  if (ampm === "pm" && h < 12) h += 12;
  if (ampm === "am" && h === 12) h = 0;
  return Date.UTC(y, mo - 1, d, h, Number(t[2]), Number(t[3] ?? 0)) / 1000;
}

/** The screening of one row. */
export interface CarelessCheck {
  /** Longest run of identical consecutive levels, in the export's column order. */
  longestRun: number;
  /**
   * Seconds per answered question (a level or N/A; unknown answers do not count); null without
   * timing or with an unreadable time.
   */
  secondsPerItem: number | null;
  /** Why the row looks careless, in the order of CARELESS_REASONS; empty for most rows. */
  reasons: readonly CarelessReason[];
}

/** The reasons of a row not flagged: shared, so screening a clean row allocates nothing. */
const NO_REASONS: readonly CarelessReason[] = Object.freeze([]);

/**
 * Screens rows for careless responding: straight-lining (every level the same), long strings of
 * identical answers, and responses too fast to have been read. Answers are taken as given (not
 * reversed), in the order of the export's columns, which is the order respondents saw.
 */
export class CarelessScreen {
  /** Slot indices in column order. */
  private readonly order: Int32Array;
  /** Answers in one run or straight line needed to flag a row. */
  readonly threshold: number;
  readonly out: CarelessCheck = { longestRun: 0, secondsPerItem: null, reasons: NO_REASONS };

  constructor(
    slotColumns: readonly SurveyColumn[],
    readonly timing: Timing | undefined,
  ) {
    this.order = Int32Array.from(
      slotColumns
        .map((c, i) => ({ c: c.index, i }))
        .sort((a, b) => a.c - b.c)
        .map((x) => x.i),
    );
    this.threshold = Math.max(MIN_CARELESS_RUN, Math.ceil(slotColumns.length / 2));
  }

  /** Screens one row's codes (per slot) and cells; the result is in `out` (reused). */
  check(slotCodes: ArrayLike<number>, cells: readonly string[]): CarelessCheck {
    let run = 0;
    let longest = 0;
    let previous = -1;
    let levels = 0;
    let answered = 0;
    let first = -1;
    let same = true;
    const order = this.order;
    // Written without branches on the answers where it can be (answers are random enough to
    // defeat the processor's branch prediction): the loop alone takes a quarter less time.
    for (let k = 0; k < order.length; k++) {
      const code = slotCodes[order[k] as number] as number;
      // Answered: a level or N/A. Unknown is left out: it holds what the platform never showed
      // (问卷星's −2 skipped by the survey's logic and −3 not shown), and counting those as read
      // would flag as too fast a respondent whose survey skipped many questions.
      answered += +((code - 1) >>> 0 < ANSWER_NA); // 1 ≤ code ≤ ANSWER_NA, one comparison
      if (code < 1 || code > 5) {
        run = 0;
        previous = -1;
        continue;
      }
      levels++;
      if (first === -1) first = code;
      else if (same && code !== first) same = false;
      run = run * +(code === previous) + 1;
      previous = code;
      longest = Math.max(longest, run);
    }
    const out = this.out;
    out.longestRun = longest;
    let reasons = NO_REASONS;
    if (levels >= this.threshold && same) reasons = ["straight-lining"];
    else if (longest >= this.threshold) reasons = ["long-string"];
    out.secondsPerItem = null;
    const seconds = this.seconds(cells);
    if (seconds !== null && answered > 0) {
      out.secondsPerItem = seconds / answered;
      if (out.secondsPerItem < SECONDS_PER_ITEM) reasons = [...reasons, "too-fast"];
    }
    out.reasons = reasons;
    return out;
  }

  private seconds(cells: readonly string[]): number | null {
    const timing = this.timing;
    if (!timing) return null;
    if (timing.kind === "duration") return parseSeconds(cells[timing.column.index] ?? "");
    const start = parseClock(cells[timing.start.index] ?? "");
    const end = parseClock(cells[timing.end.index] ?? "");
    return start === null || end === null || end < start ? null : end - start;
  }
}
