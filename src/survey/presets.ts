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
  /**
   * What the tool's own no-answer codes among `labels` stand for, as messages name them (they
   * read as `unknown`, but the respondent did not say "don't know").
   */
  codeMeanings?: Record<string, string>;
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

/** LimeSurvey's own columns, as headed with question codes. */
const LIMESURVEY_CODES = [
  "id",
  "submitdate",
  "lastpage",
  "startlanguage",
  "seed",
  "startdate",
  "datestamp",
  "ipaddr",
  "refurl",
  "token",
] as const;
type LimesurveyCode = (typeof LIMESURVEY_CODES)[number];

/**
 * LimeSurvey's own columns under full question text headings, by interface language. LimeSurvey
 * builds those headings with `gT()` in `createFieldMap` (application/helpers/common_helper.php)
 * before it switches to the survey's language, so they are in the exporting administrator's
 * interface language, whatever the export's language. Every word is the msgstr of "Response ID",
 * "Date submitted", "Last page", "Start language", "Seed", "Date started", "Date last action",
 * "IP address", "Referrer URL" and "Access code" in LimeSurvey 6.1.8's locale files
 * (locale/<lang>/<lang>.mo, read from a public copy of LimeSurvey 6.1.8, GitHub Seadtn/LimeSurvey);
 * a language whose file leaves a string untranslated shows the English, and has no entry for it
 * here (zh-Hant-HK: "Seed", "Access code"). de-informal and nl-informal differ from de and nl in
 * one word each (Zufallswert, Verwijzer-URL); pt-BR and pt share most. `gT()` HTML-escapes the
 * apostrophe (`Code d&#039;accès`), but the export writes each heading through HTML Purifier
 * (`viewHelper::flatten`), which gives it back as `'`. Earlier versions named `token` "Token"
 * (English) and 操作代码 (LimeSurvey 2.50's zh-Hans file, in DelphiQin/LimeSurvey; its other words
 * are 6.1's). Each heading names one column under every language (test/survey/presets.test.ts).
 */
const LIMESURVEY_HEADINGS: Readonly<Record<string, Partial<Record<LimesurveyCode, string>>>> = {
  en: {
    id: "Response ID",
    submitdate: "Date submitted",
    lastpage: "Last page",
    startlanguage: "Start language",
    seed: "Seed",
    startdate: "Date started",
    datestamp: "Date last action",
    ipaddr: "IP address",
    refurl: "Referrer URL",
    token: "Access code",
  },
  "en (before LimeSurvey 6)": { token: "Token" },
  "zh-Hans": {
    id: "反馈 ID",
    submitdate: "提交的日期",
    lastpage: "末页",
    startlanguage: "起始语言",
    seed: "种子",
    startdate: "开始日期",
    datestamp: "上次操作日期",
    ipaddr: "IP 地址",
    refurl: "来源网址",
    token: "访问代码",
  },
  "zh-Hans (LimeSurvey 2.50)": { token: "操作代码" },
  "zh-Hant-TW": {
    id: "回應編號",
    submitdate: "送出的日期",
    lastpage: "末頁",
    startlanguage: "起始語言",
    seed: "種子",
    startdate: "開始日期",
    datestamp: "上次操作日期",
    ipaddr: "IP 位址",
    refurl: "來源網址",
    token: "存取碼",
  },
  "zh-Hant-HK": {
    id: "回饋 ID",
    submitdate: "提交的日期",
    lastpage: "末頁",
    startlanguage: "起始語言",
    startdate: "開始日期",
    datestamp: "上次操作日期",
    ipaddr: "IP 地址",
    refurl: "來源網址",
  },
  de: {
    id: "Antwort ID",
    submitdate: "Datum Abgeschickt",
    lastpage: "Letzte Seite",
    startlanguage: "Start-Sprache",
    seed: "Zufallsgeneratorstartwert",
    startdate: "Datum gestartet",
    datestamp: "Datum letzte Aktivität",
    ipaddr: "IP-Adresse",
    refurl: "Weiterleitungs-URL",
    token: "Zugangscode",
  },
  "de-informal": {
    id: "Antwort ID",
    submitdate: "Datum Abgeschickt",
    lastpage: "Letzte Seite",
    startlanguage: "Start-Sprache",
    seed: "Zufallswert",
    startdate: "Datum gestartet",
    datestamp: "Datum letzte Aktivität",
    ipaddr: "IP-Adresse",
    refurl: "Weiterleitungs-URL",
    token: "Zugangscode",
  },
  fr: {
    id: "ID de la réponse",
    submitdate: "Date de soumission",
    lastpage: "Dernière page",
    startlanguage: "Langue de départ",
    seed: "Tête de série",
    startdate: "Date de lancement",
    datestamp: "Date de la dernière action",
    ipaddr: "Adresse IP",
    refurl: "URL référente",
    token: "Code d'accès",
  },
  es: {
    id: "ID de respuesta",
    submitdate: "Fecha de envío",
    lastpage: "Última página",
    startlanguage: "Lenguaje inicial",
    seed: "Semilla",
    startdate: "Fecha de inicio",
    datestamp: "Fecha de la última acción",
    ipaddr: "Dirección IP",
    refurl: "URL de referencia",
    token: "Código de acceso",
  },
  it: {
    id: "ID risposta",
    submitdate: "Data invio",
    lastpage: "Ultima pagina",
    startlanguage: "Lingua iniziale",
    seed: "Seme",
    startdate: "Data di inizio",
    datestamp: "Data dell'ultima azione",
    ipaddr: "Indirizzo IP",
    refurl: "URL di riferimento",
    token: "Codice d'accesso",
  },
  nl: {
    id: "Respons-ID",
    submitdate: "Datum verzonden",
    lastpage: "Laatste pagina",
    startlanguage: "Begin taal",
    seed: "Plaats",
    startdate: "Startdatum",
    datestamp: "Datum laatste actie",
    ipaddr: "IP-adres",
    refurl: "Verwijzer URL",
    token: "Toegangscode",
  },
  "nl-informal": {
    id: "Respons-ID",
    submitdate: "Datum verzonden",
    lastpage: "Laatste pagina",
    startlanguage: "Begin taal",
    seed: "Plaats",
    startdate: "Startdatum",
    datestamp: "Datum laatste actie",
    ipaddr: "IP-adres",
    refurl: "Verwijzer-URL",
    token: "Toegangscode",
  },
  pt: {
    id: "ID da resposta",
    submitdate: "Data de submissão",
    lastpage: "Última página",
    startlanguage: "Idioma inicial",
    seed: "Semente",
    startdate: "Data de início",
    datestamp: "Data da última acção",
    ipaddr: "Endereço IP",
    refurl: "URL de origem",
    token: "Código de acesso",
  },
  "pt-BR": {
    id: "ID da resposta",
    submitdate: "Data de envio",
    lastpage: "Última página",
    startlanguage: "Idioma inicial",
    seed: "Semente",
    startdate: "Data de início",
    datestamp: "Data da última ação",
    ipaddr: "Endereço IP",
    refurl: "URL de referência",
    token: "Código de acesso",
  },
  ja: {
    id: "回答ID",
    submitdate: "回答完了日時",
    lastpage: "最終ページ",
    startlanguage: "開始言語",
    seed: "シード",
    startdate: "開始日時",
    datestamp: "最終行動日時",
    ipaddr: "IPアドレス",
    refurl: "リンク元 URL",
    token: "アクセスコード",
  },
  ru: {
    id: "ID ответа",
    submitdate: "Дата записи",
    lastpage: "Последняя страница",
    startlanguage: "Начальный язык",
    seed: "Зерно",
    startdate: "Дата начала",
    datestamp: "Время последнего обращения",
    ipaddr: "IP адрес",
    refurl: "URL перехода",
    token: "Код доступа",
  },
  ko: {
    id: "응답 ID",
    submitdate: "제출 날짜",
    lastpage: "마지막 페이지",
    startlanguage: "기본 언어",
    seed: "초기값",
    startdate: "시작된 날짜",
    datestamp: "마지막 활동 날짜",
    ipaddr: "IP 주소",
    refurl: "레퍼러 URL",
    token: "액세스 코드",
  },
};

/**
 * Each of LimeSurvey's own columns: its code, then its full headings (English first), then the
 * same headings as the export option "Convert spaces in question text to underscores" writes them
 * (`Antwort_ID`, `Date_submitted`: `str_replace(' ', '_', …)` in `Writer::getHeadingText`,
 * application/helpers/admin/export/Writer.php), once each. Every use of the own columns (the id,
 * the metadata, the exclusion, the aliases, detection, timing) reads them from here.
 */
const LIMESURVEY_COLUMNS: readonly (readonly [string, ...string[]])[] = LIMESURVEY_CODES.map(
  (code) => {
    const headings = Object.values(LIMESURVEY_HEADINGS).flatMap((names) => names[code] ?? []);
    return [code, ...new Set([...headings, ...headings.map((h) => h.replaceAll(" ", "_"))])];
  },
);

/**
 * LimeSurvey's "No answer" (the option it adds to a question that is not mandatory:
 * `gT('No answer')` in application/core/QuestionTypes/<type>/Render<type>.php, and in
 * `getExtendedAnswer`, application/helpers/common_helper.php), in the survey's language: English,
 * then the msgstr of "No answer" in LimeSurvey 6.1.8's locale/<lang>/<lang>.mo (the public copy
 * cited above) for the interface languages of LIMESURVEY_HEADINGS; de-informal, nl-informal and
 * pt-BR say what de, nl and pt say. zh-Hans and zh-Hant-HK say 拒答; 无回答 (an earlier wording)
 * stays. zh-Hant-TW's 不適用 ("not applicable") is left out: as an answer it reads as N/A.
 */
const LIMESURVEY_NO_ANSWER = [
  "No answer",
  "无回答",
  "拒答",
  "Keine Antwort", // de, de-informal
  "Sans réponse", // fr
  "Sin respuesta", // es
  "Nessuna risposta", // it
  "Geen antwoord", // nl, nl-informal
  "Sem resposta", // pt, pt-BR
  "回答なし", // ja
  "Нет ответа", // ru
  "답변이 없음", // ko
] as const;

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
    codeMeanings: { "-99": "seen, not answered" },
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
    // 问卷星 writes -2 (跳过) for a question the respondent skipped past (jump logic) and -3 for
    // one left empty or never shown (未填): not answered, so unknown, never "don't know".
    labels: { "-2": "unknown", "-3": "unknown", "(跳过)": "unknown", "(空)": "unknown" },
    codeMeanings: { "-2": "skipped", "-3": "left empty or not shown" },
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
    labels: Object.fromEntries(LIMESURVEY_NO_ANSWER.map((label) => [label, "unknown" as const])),
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
