import type { AnswerValue, ExclusionRule, PresetId } from "../core/models/mapping.js";
import { PRESET_IDS } from "../core/models/mapping.js";

import { normalizeLabel } from "./answer-texts.js";

/** How one survey tool lays out its export. */
export interface Preset {
  id: PresetId;
  title: string;
  /** Rows above the first response. */
  headerRows: number;
  /** The header row (1-based) whose cells name the columns in a mapping. */
  keyRow: number;
  /** Candidate respondent id columns, first present wins. */
  idColumns: string[];
  /** Columns that are never questions (matched after label normalisation). */
  metadata: string[];
  /** Exclusions `map init` suggests when their column is present. */
  exclude: ExclusionRule[];
  /**
   * Other headings the tool gives a column, by the name a mapping uses: LimeSurvey heads its own
   * columns `id`, `submitdate` … with question codes, `Response ID`, `Date submitted` … (or their
   * translations) with full headings. A mapping naming one finds the others.
   */
  aliases?: Record<string, readonly string[]>;
  /** Answer labels this tool writes on top of the built-in ones. */
  labels: Record<string, AnswerValue>;
  /** How strongly the first rows look like this tool's export (0 = not at all). */
  detect(rows: readonly (readonly string[])[]): number;
}

// A header row's normalised cells, worked out once however many presets look at the row.
const normalizedRows = new WeakMap<readonly string[], Set<string>>();

const has = (row: readonly string[] | undefined, ...names: string[]) => {
  if (!row) return false;
  let set = normalizedRows.get(row);
  if (!set) {
    set = new Set(row.map(normalizeLabel));
    normalizedRows.set(row, set);
  }
  const cells = set;
  return names.every((n) => cells.has(normalizeLabel(n)));
};

/**
 * The `Status` (response type) codes of Qualtrics responses that are not real answers, with their
 * labels: "numeric values" exports write the code, "choice text" exports the label. The codes are
 * bit flags (1 preview, 2 test, 4 imported, 8 spam, 16 Offline app, 32 Employee Experience).
 * Sources: the value labels Qualtrics writes for `Status` into its SPSS exports, as reproduced in
 * public SPSS syntax and R code (0 "IP Address", 1 "Survey Preview", 2 "Survey Test",
 * 4 "Imported", 8 "Spam", 9 "Survey Preview Spam", 12 "Imported Spam", 16 "Offline",
 * 17 "Offline Survey Preview", 32 "EX", 40 "EX Spam", 48 "EX Offline"); Qualtrics' page
 * https://www.qualtrics.com/support/employee-experience/creating-360-project/data-tab-360/understanding-your-response-data-set-360/
 * (32 / EX, 36 / Imported) shows the same flags. Real responses stay: 0 (normal), 4 (imported, as
 * when paper forms are keyed in), 16 (collected offline), 32 and 48.
 */
const QUALTRICS_NOT_REAL: readonly (readonly [number, string])[] = [
  [1, "Survey Preview"],
  [2, "Survey Test"],
  [8, "Spam"],
  [9, "Survey Preview Spam"],
  [12, "Imported Spam"],
  [17, "Offline Survey Preview"],
  [40, "EX Spam"],
];

/**
 * LimeSurvey's own columns: the heading with question codes, then the headings with full question
 * text. LimeSurvey builds those with `gT()` in `createFieldMap` (application/helpers/
 * common_helper.php) before it switches to the survey's language, so they are in the exporting
 * administrator's interface language, whatever the export's language: English (LimeSurvey 6
 * calls `token` "Access code", earlier versions "Token"), then Simplified Chinese (zh-Hans) and
 * Traditional Chinese (zh-Hant-TW, zh-Hant-HK) as LimeSurvey 6.1's locale files translate them
 * (locale/<lang>/<lang>.mo; LimeSurvey 2.50's zh-Hans file has the same words, and 操作代码 for
 * "Token"). zh-Hant-HK leaves "Seed" and "Access code" in English.
 */
const LIMESURVEY_COLUMNS: readonly (readonly [string, ...string[]])[] = [
  ["id", "Response ID", "反馈 ID", "回應編號", "回饋 ID"],
  ["submitdate", "Date submitted", "提交的日期", "送出的日期"],
  ["lastpage", "Last page", "末页", "末頁"],
  ["startlanguage", "Start language", "起始语言", "起始語言"],
  ["seed", "Seed", "种子", "種子"],
  ["startdate", "Date started", "开始日期", "開始日期"],
  ["datestamp", "Date last action", "上次操作日期"],
  ["ipaddr", "IP address", "IP 地址", "IP 位址"],
  ["refurl", "Referrer URL", "来源网址", "來源網址"],
  ["token", "Access code", "Token", "访问代码", "操作代码", "存取碼"],
];

/** Every heading of one of LimeSurvey's own columns, its code first (`submitdate`, `Date submitted` …). */
export function limesurveyHeadings(code: string): readonly string[] {
  return LIMESURVEY_COLUMNS.find((c) => c[0] === code) ?? [code];
}

/**
 * The separator of a LimeSurvey export headed "Question code & question text" (`id. Response ID`,
 * `Q1. How …`; ". " by default, chosen in the export form), read off LimeSurvey's own columns at
 * the start of the key row; undefined for other headings.
 */
export function limesurveyCodeTextSeparator(
  row: readonly string[] | undefined,
): string | undefined {
  const counts = new Map<string, number>();
  for (const [code, ...headings] of LIMESURVEY_COLUMNS) {
    for (const cell of row ?? []) {
      const c = cell.trim();
      if (!c.startsWith(code)) continue;
      for (const full of headings) {
        if (!c.endsWith(full) || c.length <= code.length + full.length) continue;
        const sep = c.slice(code.length, c.length - full.length);
        // A code is letters, digits, `_` and `[sub-question]`: the separator starts with none of them.
        if (/^[^A-Za-z0-9_[]/.test(sep)) counts.set(sep, (counts.get(sep) ?? 0) + 1);
        break;
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Every preset, keyed by id. */
export const PRESETS: Record<PresetId, Preset> = {
  qualtrics: {
    id: "qualtrics",
    title: "Qualtrics (CSV/XLSX with three header rows: ids, question text, ImportId)",
    headerRows: 3,
    keyRow: 1,
    idColumns: ["ResponseId", "ResponseID", "Response ID"],
    metadata: [
      "StartDate",
      "EndDate",
      "Status",
      "IPAddress",
      "Progress",
      "Duration (in seconds)",
      "Finished",
      "RecordedDate",
      "ResponseId",
      "RecipientLastName",
      "RecipientFirstName",
      "RecipientEmail",
      "ExternalReference",
      "ExternalDataReference",
      "LocationLatitude",
      "LocationLongitude",
      "DistributionChannel",
      "UserLanguage",
    ],
    exclude: [
      {
        column: "Finished",
        equals: ["0", "False"],
        reason: "unfinished response",
      },
      {
        column: "Status",
        // "Preview Spam" was in this list before; the sources above do not confirm Qualtrics writes
        // it, but no real response carries it, so it stays.
        equals: [...QUALTRICS_NOT_REAL.map(([, label]) => label), "Preview Spam"].concat(
          QUALTRICS_NOT_REAL.map(([code]) => String(code)),
        ),
        reason: "preview, test or spam response",
      },
    ],
    labels: { "-99": "unknown" },
    detect: (rows) =>
      (has(rows[0], "ResponseId") || has(rows[0], "ResponseID") ? 6 : 0) +
      (rows[2]?.some((c) => c.startsWith('{"ImportId"')) ? 6 : 0),
  },
  surveymonkey: {
    id: "surveymonkey",
    title: "SurveyMonkey (two header rows: question, then answer option or sub-question)",
    headerRows: 2,
    keyRow: 1,
    idColumns: ["Respondent ID"],
    metadata: [
      "Respondent ID",
      "Collector ID",
      "Start Date",
      "End Date",
      "IP Address",
      "Email Address",
      "First Name",
      "Last Name",
      "Custom Data 1",
    ],
    exclude: [],
    labels: {},
    detect: (rows) => (has(rows[0], "Respondent ID", "Collector ID") ? 10 : 0),
  },
  "google-forms": {
    id: "google-forms",
    title: "Google Forms (Timestamp first; grid questions as `Question [Row]`)",
    headerRows: 1,
    keyRow: 1,
    idColumns: [],
    metadata: ["Timestamp", "时间戳记", "Email Address", "Email address", "电子邮件地址", "Score"],
    exclude: [],
    labels: {},
    detect: (rows) => {
      const first = normalizeLabel(rows[0]?.[0] ?? "");
      return first === "timestamp" || first === "时间戳记" ? 8 : 0;
    },
  },
  "microsoft-forms": {
    id: "microsoft-forms",
    title: "Microsoft Forms (ID, Start time, Completion time, Email, Name)",
    headerRows: 1,
    keyRow: 1,
    idColumns: ["ID"],
    metadata: [
      "ID",
      "Start time",
      "Completion time",
      "Email",
      "Name",
      "Last modified time",
      "Total points",
      "Quiz feedback",
      "开始时间",
      "完成时间",
      "电子邮件",
      "名称",
      "上次修改时间",
    ],
    exclude: [],
    labels: {},
    detect: (rows) =>
      has(rows[0], "ID", "Start time", "Completion time") ||
      has(rows[0], "ID", "开始时间", "完成时间")
        ? 10
        : 0,
  },
  wjx: {
    id: "wjx",
    title: "问卷星 / wjx.cn (序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, `1、题目`)",
    headerRows: 1,
    keyRow: 1,
    idColumns: ["序号"],
    metadata: ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分", "用户ID"],
    exclude: [],
    labels: { "-2": "unknown", "-3": "unknown", "(跳过)": "unknown", "(空)": "unknown" },
    detect: (rows) => (has(rows[0], "序号", "提交答卷时间") ? 10 : 0),
  },
  limesurvey: {
    id: "limesurvey",
    title: "LimeSurvey (question codes or full headings; answer codes or full answers)",
    headerRows: 1,
    keyRow: 1,
    idColumns: [...limesurveyHeadings("id")],
    metadata: LIMESURVEY_COLUMNS.flat(),
    exclude: limesurveyHeadings("submitdate").map((column) => ({
      column,
      empty: true,
      reason: "incomplete response (no submit date)",
    })),
    aliases: Object.fromEntries(
      LIMESURVEY_COLUMNS.flatMap((names) =>
        names.map((name) => [name, names.filter((other) => other !== name)]),
      ),
    ),
    labels: { "No answer": "unknown", 无回答: "unknown" },
    detect: (rows) =>
      ["id", "submitdate", "lastpage"].every((code) =>
        limesurveyHeadings(code).some((name) => has(rows[0], name)),
      ) || limesurveyCodeTextSeparator(rows[0]) !== undefined
        ? 10
        : 0,
  },
  generic: {
    id: "generic",
    title: "Generic CSV/XLSX (one header row naming the columns)",
    headerRows: 1,
    keyRow: 1,
    idColumns: [
      "respondent",
      "respondent id",
      "respondent_id",
      "id",
      "response id",
      "答卷编号",
      "编号",
    ],
    metadata: [],
    exclude: [],
    labels: {},
    detect: () => 0,
  },
};

/** Picks the preset whose layout the first rows (up to three) match best; `generic` otherwise. */
export function detectPreset(rows: readonly (readonly string[])[]): Preset {
  let best: Preset = PRESETS.generic;
  let bestScore = 0;
  for (const id of PRESET_IDS) {
    const p = PRESETS[id];
    const score = p.detect(rows);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}
