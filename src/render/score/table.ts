import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Lang } from "../../core/models/languages.js";
import type { DimensionResult, Results } from "../../core/models/results.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { localize } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import {
  clientDetails,
  describeFinding,
  dimensionTitle,
  formatPercent,
  formatScore,
  formatTarget,
  perceptionGapsMissing,
  profileSummary,
  respondentsSummary,
  risksBySeverity,
  type ScoreRenderOptions,
  scoreBar,
} from "../../views/score.js";

/** The summary lists at most this many risks; the rest are counted. */
const TOP_RISKS = 6;

// cli-table3 colours headers red by default when @colors/colors is installed; colour is ours.
const NO_STYLE = { head: [] as string[], border: [] as string[] };

const BORDERLESS = {
  chars: {
    top: "",
    "top-mid": "",
    "top-left": "",
    "top-right": "",
    bottom: "",
    "bottom-mid": "",
    "bottom-left": "",
    "bottom-right": "",
    left: "",
    "left-mid": "",
    mid: "",
    "mid-mid": "",
    right: "",
    "right-mid": "",
    middle: "",
  },
  style: { ...NO_STYLE, "padding-left": 0, "padding-right": 2 },
};

/** Rows laid out in aligned columns without borders (cli-table3 measures CJK width for us). */
function columns(rows: string[][], indent = "  "): string {
  const table = new Table(BORDERLESS);
  table.push(...rows);
  return table
    .toString()
    .split("\n")
    .map((line) => `${indent}${line}`.trimEnd())
    .join("\n");
}

function gapColor(c: ChalkInstance, d: { gap: number | null }): ChalkInstance {
  if (d.gap === null) return c.dim;
  if (d.gap <= 0) return c.green;
  return d.gap <= 1 ? c.yellow : c.red;
}

function bar(c: ChalkInstance, d: DimensionResult | null, score: number | null): string {
  const parts = scoreBar(score, d?.target ?? null);
  const paint = d ? gapColor(c, d) : c.cyan;
  return paint(parts.filled) + c.dim(parts.shortfall) + parts.pad;
}

function header(results: Results, q: Questionnaire, lang: Lang, c: ChalkInstance): string {
  const m = messagesFor(lang);
  const { assessment } = results;
  const details = clientDetails(results);
  const rows: string[][] = [
    [
      m.common.header.client,
      c.bold(assessment.client.name) + (details ? m.common.punct.paren(details) : ""),
    ],
    [
      m.common.header.date,
      `${assessment.date} · ${m.common.header.assessor} ${assessment.assessor}`,
    ],
    [m.common.header.questionnaire, `${results.questionnaire.id} ${results.questionnaire.version}`],
    [m.common.header.respondents, respondentsSummary(results, q, lang)],
    [m.common.header.profile, profileSummary(results, lang)],
  ];
  return `${c.bold(localize(q.title, lang))}\n${columns(rows, "")}`;
}

function profile(
  results: Results,
  lang: Lang,
  c: ChalkInstance,
): { table: string; notes: string[] } {
  const m = messagesFor(lang);
  const table = new Table({
    head: [
      m.common.col.dimension,
      m.common.col.score,
      m.common.col.level,
      m.common.col.target,
      m.common.col.gap,
      m.common.col.profile,
      m.common.col.coverage,
      m.common.col.confidence,
    ].map((h) => c.bold(h)),
    colAligns: ["left", "right", "left", "right", "right", "left", "right", "left"],
    style: { ...NO_STYLE, compact: true },
  });
  const notes: string[] = [];
  for (const d of results.dimensions) {
    let level =
      d.level === null ? m.common.inconclusive : `${d.level} ${localize(d.levelName, lang)}`;
    if (d.cappedBy) {
      notes.push(
        `* ${localize(d.title, lang)}${m.common.punct.colon}${m.score.cappedBy({ question: d.cappedBy.question, score: d.cappedBy.score.toFixed(2) })}`,
      );
      level += "*";
    }
    const paint = gapColor(c, d);
    table.push([
      localize(d.title, lang),
      formatScore(d.score, lang),
      level,
      formatTarget(d.target),
      d.gap === null ? m.common.inconclusive : paint(d.gap.toFixed(2)),
      bar(c, d, d.score),
      formatPercent(d.coverage, lang),
      d.confidence === null ? m.common.inconclusive : m.common.confidence[d.confidence],
    ]);
  }
  const o = results.overall;
  table.push(
    [
      m.common.overall,
      formatScore(o.score, lang),
      o.level === null ? m.common.inconclusive : `${o.level} ${localize(o.levelName, lang)}`,
      "",
      "",
      bar(c, null, o.score),
      formatPercent(o.coverage, lang),
      o.confidence === null ? m.common.inconclusive : m.common.confidence[o.confidence],
    ].map((cell) => c.bold(cell)),
  );
  // Compact rows read faster; a rule above the overall row sets it apart from the dimensions.
  const lines = table.toString().split("\n");
  const rule = lines[2] ?? "";
  lines.splice(lines.length - 2, 0, rule);
  return { table: lines.join("\n"), notes };
}

function readiness(results: Results, q: Questionnaire, lang: Lang, c: ChalkInstance): string {
  const m = messagesFor(lang);
  const { verdict, rules } = results.readiness;
  const paint =
    verdict === "ready"
      ? c.green
      : verdict === "conditional" || verdict === "inconclusive"
        ? c.yellow
        : c.red;
  const colon = m.common.punct.colon;
  const label = c.bold(`${m.score.readiness}${colon.trimEnd()}`);
  const space = colon.slice(colon.trimEnd().length);
  const lines = [
    `${label}${space}${paint.bold(m.common.verdict[verdict].toUpperCase())}${m.common.punct.dash}${m.common.verdictExplain[verdict]}`,
  ];
  for (const rule of rules) {
    const mark = rule.verdict === "not-ready" ? c.red("✖") : c.yellow("▲");
    lines.push(`  ${mark} ${localize(rule.title, lang)}`);
    for (const finding of rule.because) {
      lines.push(`      ${c.dim(describeFinding(finding, q, lang))}`);
    }
  }
  return lines.join("\n");
}

function risks(results: Results, lang: Lang, c: ChalkInstance): string {
  const m = messagesFor(lang);
  const all = risksBySeverity(results.risks);
  const shown = all.slice(0, TOP_RISKS);
  const title = c.bold(`${m.score.risks}`);
  if (all.length === 0) return `${title}\n  ${m.score.risksNone}`;
  const paint = { high: c.red, medium: c.yellow, low: c.dim } as const;
  const rows = shown.map((r) => [
    paint[r.severity](m.common.severity[r.severity]),
    localize(r.title, lang),
  ]);
  const more =
    all.length > shown.length ? `\n  ${c.dim(m.common.andMore(all.length - shown.length))}` : "";
  const count =
    all.length > shown.length
      ? m.score.risksCount({ shown: shown.length, total: all.length })
      : m.score.risksAll(all.length);
  return `${title}${c.dim(m.common.punct.paren(count))}\n${columns(rows)}${more}`;
}

function perceptionGaps(results: Results, q: Questionnaire, lang: Lang, c: ChalkInstance): string {
  const m = messagesFor(lang);
  const title = c.bold(m.score.perceptionGaps);
  const measured = results.dimensions.some((d) => d.perceptionGap !== null);
  if (!measured) return `${title}\n  ${perceptionGapsMissing(q, lang)}`;
  if (results.perceptionGaps.length === 0) {
    return `${title}\n  ${m.score.perceptionGapsNone}`;
  }
  const rows = [
    [m.common.col.dimension, m.common.col.executive, m.common.col.frontline, m.common.col.gap].map(
      (h) => c.dim(h),
    ),
    ...results.perceptionGaps.map((g) => [
      dimensionTitle(q, g.dimension, lang),
      g.executive.toFixed(2),
      g.frontline.toFixed(2),
      c.red(`+${g.gap.toFixed(2)}`),
    ]),
  ];
  return `${title}\n${columns(rows)}`;
}

/** Facts rated two or more levels apart, for the assessor to settle (shown only when there are some). */
function factConflicts(results: Results, lang: Lang, c: ChalkInstance): string[] {
  if (results.factConflicts.length === 0) return [];
  const m = messagesFor(lang);
  const title = `${c.bold(m.score.factConflicts)}${c.dim(m.common.punct.paren(m.score.factConflictsNote))}`;
  const rows = [
    [m.score.colQuestion, m.score.colRatings].map((h) => c.dim(h)),
    ...results.factConflicts.map((f) => [f.question, c.yellow(`${f.min}–${f.max}`)]),
  ];
  return [`${title}\n${columns(rows)}`];
}

function expectationRisks(results: Results, lang: Lang, c: ChalkInstance): string {
  const m = messagesFor(lang);
  const vars = { horizon: results.horizonMonths, pace: results.monthsPerLevel };
  const note = m.score.expectationRisksNote(vars);
  const title = `${c.bold(m.score.expectationRisks)}${c.dim(m.common.punct.paren(note))}`;
  const risky = results.dimensions.filter((d) => d.expectationRisk !== null);
  if (risky.length === 0) return `${title}\n  ${m.score.expectationRisksNone(vars.horizon)}`;
  const rows = [
    [
      m.common.col.dimension,
      m.common.col.score,
      m.common.col.target,
      m.common.col.monthsNeeded,
      m.common.col.realisticDate,
    ].map((h) => c.dim(h)),
    ...risky.map((d) => [
      localize(d.title, lang),
      formatScore(d.score, lang),
      formatTarget(d.target),
      String(d.expectationRisk?.monthsNeeded ?? ""),
      c.yellow(d.expectationRisk?.realisticDate ?? ""),
    ]),
  ];
  return `${title}\n${columns(rows)}`;
}

/**
 * The consultant's at-a-glance summary of scored results: header, the maturity profile table,
 * readiness verdict with its deciding rules, top risks, perception gaps and expectation risks.
 * Deterministic for the same input; ANSI colour only when `opts.color` is true.
 */
export function renderScoreTable(
  results: Results,
  questionnaire: Questionnaire,
  opts: ScoreRenderOptions,
): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lang = opts.lang;
  const { table, notes } = profile(results, lang, c);
  const blocks = [
    header(results, questionnaire, lang, c),
    notes.length ? `${table}\n${c.dim(notes.join("\n"))}` : table,
    readiness(results, questionnaire, lang, c),
    risks(results, lang, c),
    perceptionGaps(results, questionnaire, lang, c),
    ...factConflicts(results, lang, c),
    expectationRisks(results, lang, c),
  ];
  return `${blocks.join("\n\n")}\n`;
}
