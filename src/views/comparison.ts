import type {
  Change,
  Comparison,
  ComparisonWarning,
  DimensionChange,
  QuestionChange,
  QuestionRef,
  RiskChange,
  RoleMismatchWarning,
  RoleRef,
  Verdict,
} from "../core/analysis/comparison.js";
import { NOISE_BAND_FLOOR } from "../core/analysis/comparison.js";
import { round2 } from "../core/math/numbers.js";
import type { Lang } from "../core/models/languages.js";
import { STANDARD_PROFILE } from "../core/questionnaire/profiles.js";
import type { LocalizedText } from "../core/questionnaire/schema.js";
import { fmtCount, localize } from "../i18n/format.js";
import { messagesFor } from "../i18n/index.js";
import type { RoleMismatchStatus, RoleMismatchText } from "../i18n/messages.js";

/**
 * The comparison laid out for people: every label and number already formatted in the chosen
 * language, client text still raw (each renderer escapes for its format). Shared by the `table`
 * and `md` renderers so both say the same thing.
 */

/** Which way a figure moved: colours in the terminal, nothing in Markdown. */
export type Trend = "up" | "down" | "same" | "none";

/** One table cell: `code` marks an identifier (a code span in Markdown). */
export interface Cell {
  text: string;
  trend?: Trend;
  code?: boolean;
  /**
   * A flagged figure (a perception gap of a level or more): the label shown beside `text`. Text
   * formats write "⚑ label" (`cellText`); the PDF draws a flag, Word and the deck tint the label.
   */
  flag?: string;
}

/** A cell as one line of text: the figure, then "⚑" and the label when it is flagged. */
export const cellText = (c: Cell): string => (c.flag ? `${c.text} ⚑ ${c.flag}` : c.text);

export interface Column {
  label: string;
  /** Numbers are right-aligned. */
  right: boolean;
  /**
   * What the column holds: names (`title`) and sentences (`text`), which documents wrap and a
   * narrow terminal wraps or cuts; verdicts (`signal`). Unset: figures, kept to one line.
   */
  role?: "title" | "text" | "signal";
  /** Where a narrow table leaves the column out: 1 first, then 2…; never when unset. */
  drop?: number;
}

/** Whether documents wrap the column's cells (names and sentences); the others keep to one line. */
export const wraps = (c: Column): boolean => c.role === "title" || c.role === "text";

export interface TableView {
  columns: Column[];
  rows: Cell[][];
}

export interface ListItem {
  /** Identifier shown first (a code span in Markdown). */
  id: string;
  text: string;
  /** Extra detail after the text, already in brackets of the language (or empty). */
  detail: string;
}

export interface ListGroup {
  /** Label with the count, e.g. `Resolved (4)`. */
  heading: string;
  count: number;
  items: ListItem[];
  trend: Trend;
  /** Bullet for plain-text lists: ✓ resolved, ✗ new, + added, … */
  mark: string;
  /** What the group says when it is empty ("No new risk has appeared."); null: left unsaid. */
  none: string | null;
}

export interface CompareView {
  lang: Lang;
  /** Document heading with the client's name. */
  heading: string;
  /** The title on its own and the client (the follow-up's name), for a deck's title slide. */
  cover: { title: string; client: string };
  /** Header rows: label, baseline value, follow-up value. */
  header: { columns: Column[]; rows: Cell[][] };
  /** `: ` in English, `：` in Chinese, for `label: value` lines. */
  colon: string;
  interval: { label: string; value: string };
  /** The running footer of the PDF, Word and deck: confidential, and the two dates. */
  footer: string;
  labels: Record<
    | "dimensions"
    | "readiness"
    | "risks"
    | "perception"
    | "questionnaire"
    | "movers"
    | "warnings"
    | "method"
    | "kpis",
    string
  >;
  dimensions: TableView;
  /** The baseline's outcome KPIs and how they moved (the progress documents show them). */
  kpis: TableView | null;
  kpisIntro: string;
  /** Set when a dimension is marked † (its questions changed between versions). */
  dimensionsFootnote: string | null;
  /** Set when the overall row is marked ‡ (the dimensions' weights changed between versions). */
  overallFootnote: string | null;
  readiness: {
    /** Follows a label ("Readiness: not ready → …"). */
    line: string;
    /** The line as a paragraph of its own: with a capital (English verdicts are lower-case). */
    paragraph: string;
    trend: Trend;
    /** e.g. `Baseline (not ready), for these reasons:` with the rules that decided it. */
    sides: { heading: string; rules: ListItem[] }[];
  };
  risks: ListGroup[];
  perception: TableView | null;
  perceptionNone: string;
  questionnaire: { intro: string; groups: ListGroup[]; none: string | null };
  /** The biggest movers with their question ids (the terminal table). */
  movers: TableView | null;
  /**
   * The biggest movers for the documents (Markdown, PDF, Word, deck): each question by its text,
   * as risks go by their titles; by its id only where no questionnaire gives its text.
   */
  moversByText: TableView | null;
  /** False when questions moved but none is listed (`--movers 0`): the section is left out. */
  showMovers: boolean;
  /** Set when a listed mover's definition changed between versions (marked †). */
  moversFootnote: string | null;
  moversNone: string;
  warnings: string[];
  method: string[];
}

const MINUS = "-";

/** Text in brackets of the language: ` (x)` in English, `（x）` in Chinese; empty for empty text. */
export function paren(lang: Lang, text: string): string {
  if (!text) return "";
  return messagesFor(lang).common.punct.paren(text);
}

function num(value: number | null, digits = 2): string {
  return value === null ? "—" : value.toFixed(digits);
}

function pct(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

export function trendOf(delta: number | null): Trend {
  if (delta === null) return "none";
  return delta > 0 ? "up" : delta < 0 ? "down" : "same";
}

/**
 * Which way the overall score moved, as the documents colour it. The overall score has no noise
 * band (it mixes dimensions of different reliability), but no change below the band's floor, a
 * quarter level, is presented as progress (docs/compare.md).
 */
export function overallTrend(change: number | null): Trend {
  if (change !== null && Math.abs(change) + 1e-9 < NOISE_BAND_FLOOR) return "same";
  return trendOf(change);
}

/** A dimension's two scores under its radar axis: "2.27 → 3.19" (baseline → follow-up). */
export function beforeAfter(followup: number | null, baseline: number | null): string {
  return `${num(baseline)} → ${num(followup)}`;
}

/** `▲ +0.85`, `▼ -0.12`, `= 0.00`; `—` when either side is missing. */
export function arrow(delta: number | null, digits = 2): string {
  if (delta === null) return "—";
  const abs = Math.abs(delta).toFixed(digits);
  if (delta > 0) return `▲ +${abs}`;
  if (delta < 0) return `▼ ${MINUS}${abs}`;
  return `= ${abs}`;
}

// Levels and coverage read as "from → to" (the change is plain from the two, and coloured by its
// trend): a bracketed difference beside them made these cells wrap over three lines in the documents.
// A level crossed by a change within the noise ("1.93 → 2.06") is not coloured as progress: the
// score beside it says it may be noise.
function levelCell(c: Change, real = true): Cell {
  if (c.baseline === null && c.followup === null) return { text: "—", trend: "none" };
  const trend = real ? trendOf(c.change) : "same";
  return { text: `${num(c.baseline, 0)} → ${num(c.followup, 0)}`, trend };
}

function coverageCell(c: Change): Cell {
  if (c.baseline === null && c.followup === null) return { text: "—", trend: "none" };
  const points = c.change === null ? null : Math.round(c.change * 100);
  return { text: `${pct(c.baseline)} → ${pct(c.followup)}`, trend: trendOf(points) };
}

function progressCell(lang: Lang, d: DimensionChange): Cell {
  // Progress made of a change within the noise keeps its figure but not the colour of progress.
  const real = d.noise.signal !== "within-noise";
  if (d.progressStatus === "measured") {
    const p = d.progress ?? 0;
    return { text: `${p}%`, trend: p > 0 && real ? "up" : "same" };
  }
  const m = messagesFor(lang).comparison;
  // No gap at baseline: say whether the follow-up kept the target or fell below it again.
  const { followup } = d.score;
  const target = d.target.followup;
  if (
    d.progressStatus === "baseline-at-target" &&
    followup !== null &&
    target !== null &&
    round2(target - followup) > 0
  ) {
    return { text: m.progressSlipped, trend: real ? "down" : "same" };
  }
  return { text: m.progress[d.progressStatus], trend: "none" };
}

function targetCell(lang: Lang, d: DimensionChange): Cell {
  const { baseline, followup } = d.target;
  if (followup === null) return { text: num(baseline, 0) };
  const now = Number.isInteger(followup) ? String(followup) : num(followup);
  if (baseline === null || baseline === followup) return { text: now };
  const was = Number.isInteger(baseline) ? String(baseline) : num(baseline);
  return { text: messagesFor(lang).comparison.targetWas({ now, was }) };
}

/** Real change or noise, as the comparison model judged it (core/analysis/comparison.ts). */
export function signalCell(lang: Lang, d: Pick<Comparison["dimensions"][number], "noise">): Cell {
  const s = messagesFor(lang).comparison.signal;
  switch (d.noise.signal) {
    case "gain":
      return { text: s.gain, trend: "up" };
    case "loss":
      return { text: s.loss, trend: "down" };
    case "within-noise":
      return { text: s.noise({ band: (d.noise.band ?? 0).toFixed(2) }), trend: "same" };
    default:
      return { text: "—", trend: "none" };
  }
}

/** The baseline's outcome KPIs at both assessments; null when it had none (no gap to target). */
function kpisTable(lang: Lang, c: Comparison): TableView | null {
  if (c.kpis.length === 0) return null;
  const m = messagesFor(lang);
  const columns: Column[] = [
    { label: m.comparison.kpis.column, right: false, role: "title" },
    { label: m.comparison.baseline, right: true },
    { label: m.comparison.followup, right: true },
    { label: m.comparison.change, right: true },
    { label: m.comparison.signal.column, right: false, role: "signal" },
    { label: m.common.col.target, right: true, drop: 1 },
  ];
  const rows: Cell[][] = c.kpis.map((k) => {
    const signal = signalCell(lang, k);
    return [
      // The dimension alone: "score at reassessment", the report's name for the KPI, would
      // contradict the baseline column beside it.
      { text: localize(k.title, lang) },
      { text: num(k.score.baseline) },
      { text: num(k.score.followup) },
      {
        text: arrow(k.score.change),
        trend: signal.trend === "same" ? "same" : trendOf(k.score.change),
      },
      signal,
      { text: k.target === null ? "—" : String(k.target) },
    ];
  });
  return { columns, rows };
}

function dimensionsTable(lang: Lang, c: Comparison): TableView {
  const m = messagesFor(lang);
  const columns: Column[] = [
    { label: m.common.col.dimension, right: false, role: "title" },
    { label: m.comparison.baseline, right: true },
    { label: m.comparison.followup, right: true },
    { label: m.comparison.change, right: true },
    { label: m.common.col.level, right: true, drop: 1 },
    { label: m.common.col.target, right: true, drop: 3 },
    { label: m.comparison.signal.column, right: false, role: "signal" },
    { label: m.comparison.progressShort, right: true, role: "signal" },
    { label: m.common.col.coverage, right: true, drop: 2 },
  ];
  const rows: Cell[][] = c.dimensions.map((d) => [
    { text: `${localize(d.title, lang)}${d.questionsChanged ? " †" : ""}` },
    { text: num(d.score.baseline) },
    { text: num(d.score.followup) },
    // A change within the noise keeps its arrow but not the colour of real progress.
    {
      text: arrow(d.score.change),
      trend: d.noise.signal === "within-noise" ? "same" : trendOf(d.score.change),
    },
    levelCell(d.level, d.noise.signal !== "within-noise"),
    targetCell(lang, d),
    signalCell(lang, d),
    progressCell(lang, d),
    coverageCell(d.coverage),
  ]);
  const o = c.overall;
  rows.push([
    { text: `${m.common.overall}${o.weightsChanged ? " ‡" : ""}` },
    { text: num(o.score.baseline) },
    { text: num(o.score.followup) },
    { text: arrow(o.score.change), trend: overallTrend(o.score.change) },
    levelCell(o.level, overallTrend(o.score.change) !== "same"),
    { text: "—" },
    { text: "—" },
    { text: "—" },
    coverageCell(o.coverage),
  ]);
  return { columns, rows };
}

function questionText(lang: Lang, q: QuestionRef): string {
  return q.text ? localize(q.text, lang) : "";
}

function riskItem(lang: Lang, r: RiskChange): ListItem {
  const m = messagesFor(lang);
  const sev = r.severity.followup ?? r.severity.baseline;
  const parts = sev ? [m.common.severity[sev]] : [];
  const { baseline, followup } = r.severity;
  if (baseline && followup && baseline !== followup) {
    parts[0] = `${m.common.severity[baseline]} → ${m.common.severity[followup]}`;
  }
  if (r.rule) parts.push(m.comparison.riskRule[r.rule]);
  return {
    id: r.id,
    text: localize(r.title, lang),
    detail: paren(lang, parts.join(m.common.listSeparator)),
  };
}

/**
 * The biggest movers: with `ids`, each question's id then its text (the terminal); without, its
 * text alone, or its id where no questionnaire gives the text (results compared without them).
 */
function moversTable(lang: Lang, c: Comparison, ids: boolean): TableView | null {
  const m = messagesFor(lang);
  if (c.questions.movers.length === 0) return null;
  // Results compared without their questionnaires carry no question texts: then the table has
  // no empty text column, and the id carries the changed-definition mark.
  const withText = c.questions.movers.some((q) => questionText(lang, q) !== "");
  const mark = (q: QuestionChange) => (q.definitionChanged ? " †" : "");
  const byText = withText && !ids;
  const label = (q: QuestionChange): Cell[] => {
    if (byText) {
      const text = questionText(lang, q);
      return [text ? { text: `${text}${mark(q)}` } : { text: `${q.id}${mark(q)}`, code: true }];
    }
    return withText
      ? [{ text: q.id, code: true }, { text: `${questionText(lang, q)}${mark(q)}` }]
      : [{ text: `${q.id}${mark(q)}`, code: true }];
  };
  const row = (q: QuestionChange): Cell[] => [
    ...label(q),
    { text: num(q.score.baseline) },
    { text: num(q.score.followup) },
    { text: arrow(q.score.change), trend: trendOf(q.score.change) },
  ];
  const text = { label: m.comparison.col.question, right: false, role: "text" as const };
  return {
    columns: [
      ...(byText
        ? [text]
        : [
            { label: m.comparison.col.questionId, right: false },
            ...(withText ? [{ ...text, drop: 1 }] : []),
          ]),
      { label: m.comparison.baseline, right: true },
      { label: m.comparison.followup, right: true },
      { label: m.comparison.change, right: true },
    ],
    rows: c.questions.movers.map(row),
  };
}

function perceptionTable(lang: Lang, c: Comparison): TableView | null {
  const m = messagesFor(lang);
  if (c.perceptionGaps.length === 0) return null;
  const flag = (gap: number | null, flagged: boolean): Cell =>
    gap === null
      ? { text: "—" }
      : { text: num(gap), ...(flagged ? { flag: m.comparison.perception.flagged } : {}) };
  return {
    columns: [
      { label: m.common.col.dimension, right: false, role: "title" },
      { label: m.comparison.baseline, right: true },
      { label: m.comparison.followup, right: true },
      { label: m.comparison.change, right: true },
    ],
    rows: c.perceptionGaps.map((p) => [
      { text: localize(p.title, lang) },
      flag(p.gap.baseline, p.flagged.baseline),
      flag(p.gap.followup, p.flagged.followup),
      // A shrinking gap is the good direction, so the colour is inverted.
      { text: arrow(p.gap.change), trend: trendOf(p.gap.change === null ? null : -p.gap.change) },
    ]),
  };
}

function questionnaireSection(lang: Lang, c: Comparison): CompareView["questionnaire"] {
  const m = messagesFor(lang);
  const q = c.questions;
  const { id } = c.followup.questionnaire;
  const from = c.baseline.questionnaire.version;
  const to = c.followup.questionnaire.version;
  // Both answered to one version (the usual reassessment): say so rather than "2.1.0 → 2.1.0".
  const sameQuestions =
    c.baseline.questionnaire.id === id &&
    from === to &&
    q.added.length + q.removed.length + q.changed.length === 0;
  const same = q.basis === "same-version" || sameQuestions;
  let intro = same
    ? m.comparison.questions.same({ id, version: to })
    : m.comparison.questions.versions({ id, from, to });
  if (q.basis === "ids-only") intro = `${intro} ${m.comparison.questions.idsOnly}`;
  const sep = m.common.listSeparator;
  const ref = (r: QuestionRef, detail = ""): ListItem => ({
    id: r.id,
    text: questionText(lang, r),
    detail: paren(lang, detail),
  });
  const all: ListGroup[] = [
    {
      heading: `${m.comparison.questions.added}${paren(lang, String(q.added.length))}`,
      count: q.added.length,
      items: q.added.map((r) => ref(r)),
      trend: "none",
      mark: "+",
      none: null,
    },
    {
      heading: `${m.comparison.questions.removed}${paren(lang, String(q.removed.length))}`,
      count: q.removed.length,
      items: q.removed.map((r) => ref(r)),
      trend: "none",
      mark: "-",
      none: null,
    },
    {
      heading: `${m.comparison.questions.changed}${paren(lang, String(q.changed.length))}`,
      count: q.changed.length,
      items: q.changed.map((r) => ref(r, r.fields.map((f) => m.comparison.field[f]).join(sep))),
      trend: "none",
      mark: "~",
      none: null,
    },
  ];
  // Listed only when the shares moved: weights all scaled alike change no score.
  const reweighted = c.overall.weightsChanged
    ? c.dimensions.filter(
        (d) => d.weight.baseline !== null && d.weight.followup !== null && d.weight.change !== 0,
      )
    : [];
  all.push({
    heading: `${m.comparison.questions.weights}${paren(lang, String(reweighted.length))}`,
    count: reweighted.length,
    items: reweighted.map((d) => ({
      id: d.id,
      text: localize(d.title, lang),
      detail: paren(
        lang,
        m.comparison.questions.weightChange({
          from: String(d.weight.baseline),
          to: String(d.weight.followup),
        }),
      ),
    })),
    trend: "none",
    mark: "~",
    none: null,
  });
  const groups = all.filter((g) => g.count > 0);
  return {
    intro,
    groups,
    // "The questions are the same" already says it.
    none:
      groups.length === 0 && q.basis !== "ids-only" && !same
        ? m.comparison.questions.noChanges
        : null,
  };
}

/**
 * A role-mismatch in words: roles by their people's name (inside the document's sentence) or by
 * their name (in `compare`'s list on standard error), dimensions by title.
 */
function roleMismatchText(
  lang: Lang,
  c: Comparison,
  w: RoleMismatchWarning,
  by: "people" | "name" = "people",
): RoleMismatchText {
  const named = (r: RoleRef) => {
    const text = by === "people" ? (r.people ?? r.name) : r.name;
    return text ? localize(text, lang) : r.id;
  };
  const titles = new Map(c.dimensions.map((d) => [d.id, localize(d.title, lang)]));
  const concerned = new Set(w.dimensions);
  const others = c.dimensions.filter((d) => !concerned.has(d.id));
  // Eight of nine dimensions read better as "every dimension except the ninth".
  const except =
    others.length > 0 && others.length <= 2 && w.dimensions.length >= 4
      ? others.map((d) => localize(d.title, lang))
      : [];
  return {
    onlyBaseline: w.onlyBaseline.map(named),
    onlyFollowup: w.onlyFollowup.map(named),
    shared: w.shared.map(named),
    comparedOn: w.comparedOn,
    dimensions: w.dimensions.map((id) => titles.get(id) ?? id),
    all: w.dimensions.length > 0 && w.dimensions.length === c.dimensions.length,
    except,
  };
}

/** A role-mismatch for `compare`'s standard error: roles by name, each with its respondents. */
export function roleMismatchStatus(
  lang: Lang,
  c: Comparison,
  w: RoleMismatchWarning,
): RoleMismatchStatus {
  const text = roleMismatchText(lang, c, w, "name");
  const counted = (names: string[], refs: RoleRef[]) =>
    names.map((name, i) => ({ name, respondents: refs[i]?.respondents ?? 0 }));
  return {
    ...text,
    onlyBaseline: counted(text.onlyBaseline, w.onlyBaseline),
    onlyFollowup: counted(text.onlyFollowup, w.onlyFollowup),
  };
}

/**
 * A warning of the comparison in words, for the reader in `lang` (dates spelt out; roles,
 * profiles and dimensions by name): the document's and `compare`'s on standard error.
 */
export function warningText(lang: Lang, c: Comparison, w: ComparisonWarning): string {
  const m = messagesFor(lang);
  const profile = (names: LocalizedText[]) =>
    names.length === 0
      ? m.comparison.standardProfile
      : names.map((n) => localize(n, lang)).join(" · ");
  switch (w.code) {
    case "same-date":
      return m.comparison.warning["same-date"]({
        baseline: m.report.dateText(w.baseline),
        followup: m.report.dateText(w.followup),
      });
    case "profile-mismatch":
      return m.comparison.warning["profile-mismatch"]({
        baseline: profile(w.names.baseline),
        followup: profile(w.names.followup),
      });
    case "profile-unavailable": {
      const standard = w.baseline === STANDARD_PROFILE ? "baseline" : "followup";
      return m.comparison.warning["profile-unavailable"]({
        standard,
        profile: standard === "baseline" ? profile(w.names.followup) : profile(w.names.baseline),
      });
    }
    case "role-mismatch":
      return m.comparison.warning["role-mismatch"](roleMismatchText(lang, c, w));
    default:
      return m.comparison.warning[w.code](w);
  }
}

/** A side's respondents: all of them, and those compared when roles were left out. */
function respondentsText(lang: Lang, c: Comparison, side: "baseline" | "followup"): string {
  const all = c[side].respondents;
  const roles = c.warnings.find((w) => w.code === "role-mismatch");
  if (roles?.comparedOn !== "shared-roles") return fmtCount(all);
  const only = side === "baseline" ? roles.onlyBaseline : roles.onlyFollowup;
  const left = only.reduce((n, r) => n + r.respondents, 0);
  if (left === 0) return fmtCount(all);
  return messagesFor(lang).comparison.respondentsCompared({ all, compared: all - left });
}

/** Readiness then and now: one line, and the rules that decided each side's verdict. */
function readinessSection(lang: Lang, c: Comparison): CompareView["readiness"] {
  const m = messagesFor(lang);
  const verdict = (v: Verdict) => m.common.verdict[v];
  const dir = c.readiness.direction;
  const readinessTrend: Trend = dir === "improved" ? "up" : dir === "worsened" ? "down" : "same";
  const arrowFor = { up: "▲", down: "▼", same: "=", none: "" }[readinessTrend];
  // One verdict at both assessments reads as a sentence, not as "conditional → conditional (=)".
  const readinessLine =
    dir === "unchanged" && c.readiness.baseline === c.readiness.followup
      ? m.comparison.readiness.same(verdict(c.readiness.followup))
      : `${verdict(c.readiness.baseline)} → ${verdict(c.readiness.followup)}${paren(lang, `${arrowFor} ${m.comparison.readiness[dir]}`)}`;
  const sides = [
    { label: m.comparison.baseline, v: c.readiness.baseline, list: c.readiness.baselineRules },
    { label: m.comparison.followup, v: c.readiness.followup, list: c.readiness.followupRules },
  ];
  return {
    line: readinessLine,
    paragraph: readinessLine.replace(/^./, (ch) => ch.toUpperCase()),
    trend: readinessTrend,
    sides: sides
      .filter((x) => x.list.length > 0)
      .map((x) => ({
        heading: m.comparison.readiness.sideHeading({
          side: x.label,
          verdict: paren(lang, verdict(x.v)),
        }),
        rules: x.list.map((r) => ({ id: r.id, text: localize(r.title, lang), detail: "" })),
      })),
  };
}

/** Lays the comparison out in `lang`. Pure. */
export function buildCompareView(c: Comparison, lang: Lang): CompareView {
  const m = messagesFor(lang);
  const b = c.baseline;
  const f = c.followup;
  const client = f.client.name;
  const side = (label: string, bv: string, fv: string): Cell[] => [
    { text: label },
    { text: bv },
    { text: fv },
  ];
  const riskGroups: ListGroup[] = [
    { key: "resolved" as const, trend: "up" as const, mark: "✓" },
    { key: "new" as const, trend: "down" as const, mark: "✗" },
    { key: "persisting" as const, trend: "same" as const, mark: "•" },
  ].map(({ key, trend, mark }) => ({
    heading: `${m.comparison.risks[key]}${paren(lang, String(c.risks[key].length))}`,
    count: c.risks[key].length,
    items: c.risks[key].map((r) => riskItem(lang, r)),
    trend,
    mark,
    none: m.comparison.risks.noneOf[key],
  }));
  const anyDagger = c.dimensions.some((d) => d.questionsChanged);
  return {
    lang,
    heading: m.comparison.heading(client),
    cover: { title: m.comparison.title, client },
    header: {
      columns: [
        { label: "", right: false },
        { label: m.comparison.baseline, right: false, role: "text" },
        { label: m.comparison.followup, right: false, role: "text" },
      ],
      rows: [
        side(m.common.header.client, b.client.name, f.client.name),
        // Dates spelled out, as the report's cover gives them.
        side(m.common.header.date, m.report.dateText(b.date), m.report.dateText(f.date)),
        side(m.common.header.assessor, b.assessor, f.assessor),
        side(
          m.common.header.questionnaire,
          m.comparison.questionnaireValue(b.questionnaire),
          m.comparison.questionnaireValue(f.questionnaire),
        ),
        side(
          m.common.header.respondents,
          respondentsText(lang, c, "baseline"),
          respondentsText(lang, c, "followup"),
        ),
      ],
    },
    colon: m.common.punct.colon,
    footer: m.comparison.footer({
      baseline: m.report.dateText(b.date),
      followup: m.report.dateText(f.date),
    }),
    interval: {
      label: m.comparison.interval,
      value: m.comparison.intervalValue(c.interval),
    },
    labels: {
      dimensions: m.comparison.section.dimensions,
      readiness: m.comparison.section.readiness,
      risks: m.comparison.section.risks,
      perception: m.comparison.section.perception,
      questionnaire: m.comparison.section.questionnaire,
      movers: m.comparison.section.movers,
      warnings: m.comparison.section.warnings,
      method: m.comparison.section.method,
      kpis: m.comparison.section.kpis,
    },
    kpis: kpisTable(lang, c),
    kpisIntro: m.comparison.kpis.intro,
    dimensions: dimensionsTable(lang, c),
    dimensionsFootnote: anyDagger ? m.comparison.questions.footnote : null,
    overallFootnote: c.overall.weightsChanged ? m.comparison.questions.overallFootnote : null,
    readiness: readinessSection(lang, c),
    risks: riskGroups,
    perception: perceptionTable(lang, c),
    perceptionNone: m.comparison.perception.none,
    questionnaire: questionnaireSection(lang, c),
    movers: moversTable(lang, c, true),
    moversByText: moversTable(lang, c, false),
    showMovers: c.questions.movers.length > 0 || !c.questions.matched.some((q) => q.score.change),
    moversFootnote: c.questions.movers.some((q) => q.definitionChanged)
      ? m.comparison.movers.definitionChanged
      : null,
    moversNone: m.comparison.movers.none,
    warnings: c.warnings.map((w) => warningText(lang, c, w)),
    method: [m.comparison.method.progress, m.comparison.method.arrows, m.comparison.method.signal],
  };
}
