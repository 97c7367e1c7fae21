import { Chalk, type ChalkInstance } from "chalk";
import type { Lang } from "../../core/models/languages.js";
import type { DimensionResult, Results } from "../../core/models/results.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { displayWidth } from "../../core/text/width.js";
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
import { layTable, type TermCell, type TermColumn, type TermTable } from "../terminal/table.js";
import { flow, type Paint, type Span, span } from "../terminal/text.js";

/** The summary lists at most this many risks; the rest are counted. */
const TOP_RISKS = 6;

/**
 * Dimension titles: a table leaves out a column rather than wrap them narrower than
 * `prefer`, and shows stacked records rather than wrap them narrower than `min`.
 */
const TITLE = { min: 16, prefer: 24 } as const;

const INDENT = "  ";

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

/** A section heading, with a note in brackets after it, wrapped to the width. */
function heading(c: ChalkInstance, lang: Lang, width: number, title: string, note = ""): string[] {
  const paren = note ? messagesFor(lang).common.punct.paren(note) : "";
  return flow([span(title, c.bold), span(paren, c.dim)], width);
}

/** Labels in one column and their values wrapped beside them. */
function labelled(rows: [string, Span[]][], width: number): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label)));
  const pad = " ".repeat(labelWidth + 2);
  return rows.flatMap(([label, value]) =>
    flow(value, width, label + " ".repeat(labelWidth + 2 - displayWidth(label)), pad),
  );
}

function header(
  results: Results,
  q: Questionnaire,
  lang: Lang,
  c: ChalkInstance,
  width: number,
): string[] {
  const m = messagesFor(lang);
  const { assessment } = results;
  const details = clientDetails(results);
  return [
    ...flow([span(localize(q.title, lang), c.bold)], width),
    ...labelled(
      [
        [
          m.common.header.client,
          [
            span(assessment.client.name, c.bold),
            span(details ? m.common.punct.paren(details) : ""),
          ],
        ],
        [
          m.common.header.date,
          [
            span(
              `${m.report.dateText(assessment.date)} · ${m.common.header.assessor} ${assessment.assessor}`,
            ),
          ],
        ],
        [
          m.common.header.questionnaire,
          [span(`${results.questionnaire.id} ${results.questionnaire.version}`)],
        ],
        [m.common.header.respondents, [span(respondentsSummary(results, q, lang))]],
        [m.common.header.profile, [span(profileSummary(results, lang))]],
      ],
      width,
    ),
  ];
}

/** One row of the profile: every cell, the level in its full and its short form. */
interface ProfileRow {
  title: string;
  score: string;
  level: string;
  levelShort: string;
  target: string;
  gap: TermCell;
  bar: string;
  coverage: string;
  confidence: string;
  /** Paints the whole row (the overall row is bold). */
  paint?: Paint;
}

function profileCells(results: Results, lang: Lang, c: ChalkInstance): ProfileRow[] {
  const m = messagesFor(lang);
  const dash = m.common.inconclusive;
  const rows = results.dimensions.map((d): ProfileRow => {
    const mark = d.cappedBy ? "*" : "";
    const paint = gapColor(c, d);
    return {
      title: localize(d.title, lang),
      score: formatScore(d.score, lang),
      level: d.level === null ? dash : `${d.level} ${localize(d.levelName, lang)}${mark}`,
      levelShort: d.level === null ? dash : `${d.level}${mark}`,
      target: formatTarget(d.target),
      gap: d.gap === null ? { text: dash } : { text: d.gap.toFixed(2), paint },
      bar: bar(c, d, d.score),
      coverage: formatPercent(d.coverage, lang),
      confidence: d.confidence === null ? dash : m.common.confidence[d.confidence],
    };
  });
  const o = results.overall;
  rows.push({
    title: m.common.overall,
    score: formatScore(o.score, lang),
    level: o.level === null ? dash : `${o.level} ${localize(o.levelName, lang)}`,
    levelShort: o.level === null ? dash : String(o.level),
    target: "",
    gap: { text: "" },
    bar: c.bold(bar(c, null, o.score)),
    coverage: formatPercent(o.coverage, lang),
    confidence: o.confidence === null ? dash : m.common.confidence[o.confidence],
    paint: c.bold,
  });
  return rows;
}

/** What a narrow terminal leaves out of the profile, in this order (the level keeps its number). */
type Narrowing = "bar" | "levelName" | "coverage";

/**
 * The maturity profile at `width`: every column when it fits; narrower, dimension titles wrap,
 * then the score bar, the level names and coverage are left out in that order; narrower still,
 * one stacked record per dimension.
 */
function profile(results: Results, lang: Lang, c: ChalkInstance, width: number): string[] {
  const m = messagesFor(lang);
  const col = m.common.col;
  const rows = profileCells(results, lang, c);
  const variant = (without: Narrowing[]): TermTable => {
    const all: { column: TermColumn; cell: (r: ProfileRow) => TermCell; drop?: Narrowing }[] = [
      {
        column: { head: col.dimension, give: "wrap", ...TITLE },
        cell: (r) => ({ text: r.title }),
      },
      { column: { head: col.score, right: true }, cell: (r) => ({ text: r.score }) },
      {
        column: { head: col.level },
        cell: (r) => ({ text: without.includes("levelName") ? r.levelShort : r.level }),
      },
      { column: { head: col.target, right: true }, cell: (r) => ({ text: r.target }) },
      { column: { head: col.gap, right: true }, cell: (r) => r.gap },
      { column: { head: col.profile }, cell: (r) => ({ text: r.bar }), drop: "bar" },
      {
        column: { head: col.coverage, right: true },
        cell: (r) => ({ text: r.coverage }),
        drop: "coverage",
      },
      { column: { head: col.confidence }, cell: (r) => ({ text: r.confidence }) },
    ];
    const columns = all.filter((x) => x.drop === undefined || !without.includes(x.drop));
    const names = { bar: col.profile, levelName: m.common.levelNames, coverage: col.coverage };
    return {
      columns: columns.map((x) => x.column),
      rows: rows.map((r) =>
        columns.map((x) => {
          const cell = x.cell(r);
          return { ...cell, paint: r.paint ?? cell.paint };
        }),
      ),
      omitted: without.map((x) => names[x]),
    };
  };
  const variants: Narrowing[][] = [
    [],
    ["bar"],
    ["bar", "levelName"],
    ["bar", "levelName", "coverage"],
  ];
  return layTable(
    variants.map(variant),
    width,
    { kind: "grid", head: c.bold, ruleBefore: results.dimensions.length },
    { stack: variant(["bar"]), label: c.dim, narrowed: m.common.narrowed },
  );
}

/** The critical questions that capped a level (the `*` of the profile). */
function cappedNotes(results: Results, lang: Lang, c: ChalkInstance, width: number): string[] {
  const m = messagesFor(lang);
  return results.dimensions.flatMap((d) =>
    d.cappedBy
      ? flow(
          [
            span(
              `* ${localize(d.title, lang)}${m.common.punct.colon}${m.score.cappedBy({ question: d.cappedBy.question, score: d.cappedBy.score.toFixed(2) })}`,
              c.dim,
            ),
          ],
          width,
          "",
          INDENT,
        )
      : [],
  );
}

function readiness(
  results: Results,
  q: Questionnaire,
  lang: Lang,
  c: ChalkInstance,
  width: number,
): string[] {
  const m = messagesFor(lang);
  const { verdict, rules } = results.readiness;
  const paint =
    verdict === "ready"
      ? c.green
      : verdict === "conditional" || verdict === "inconclusive"
        ? c.yellow
        : c.red;
  const colon = m.common.punct.colon;
  const lines = flow(
    [
      span(`${m.score.readiness}${colon.trimEnd()}`, c.bold),
      span(colon.slice(colon.trimEnd().length)),
      span(m.common.verdict[verdict].toUpperCase(), paint.bold),
      span(`${m.common.punct.dash}${m.common.verdictExplain[verdict]}`),
    ],
    width,
  );
  for (const rule of rules) {
    const mark = rule.verdict === "not-ready" ? span("✖", c.red) : span("▲", c.yellow);
    lines.push(...flow([mark, span(` ${localize(rule.title, lang)}`)], width, INDENT, "    "));
    for (const finding of rule.because) {
      lines.push(...flow([span(describeFinding(finding, q, lang), c.dim)], width, "      "));
    }
  }
  return lines;
}

function risks(results: Results, lang: Lang, c: ChalkInstance, width: number): string[] {
  const m = messagesFor(lang);
  const all = risksBySeverity(results.risks);
  const shown = all.slice(0, TOP_RISKS);
  if (all.length === 0)
    return [...heading(c, lang, width, m.score.risks), ...flow(m.score.risksNone, width, INDENT)];
  const paint = { high: c.red, medium: c.yellow, low: c.dim } as const;
  const count =
    all.length > shown.length
      ? m.score.risksCount({ shown: shown.length, total: all.length })
      : m.score.risksAll(all.length);
  const table: TermTable = {
    columns: [{ head: "" }, { head: "", give: "wrap", min: 20 }],
    rows: shown.map((r) => [
      { text: m.common.severity[r.severity], paint: paint[r.severity] },
      localize(r.title, lang),
    ]),
  };
  const more =
    all.length > shown.length
      ? flow([span(m.common.andMore(all.length - shown.length), c.dim)], width, INDENT)
      : [];
  return [
    ...heading(c, lang, width, m.score.risks, count),
    ...layTable([table], width, { kind: "plain", indent: INDENT }, { title: 1 }),
    ...more,
  ];
}

function perceptionGaps(
  results: Results,
  q: Questionnaire,
  lang: Lang,
  c: ChalkInstance,
  width: number,
): string[] {
  const m = messagesFor(lang);
  const title = heading(c, lang, width, m.score.perceptionGaps);
  const measured = results.dimensions.some((d) => d.perceptionGap !== null);
  if (!measured) return [...title, ...flow(perceptionGapsMissing(q, lang), width, INDENT)];
  if (results.perceptionGaps.length === 0) {
    return [...title, ...flow(m.score.perceptionGapsNone, width, INDENT)];
  }
  const table: TermTable = {
    columns: [
      { head: m.common.col.dimension, give: "wrap", ...TITLE },
      { head: m.common.col.executive },
      { head: m.common.col.frontline },
      { head: m.common.col.gap },
    ],
    rows: results.perceptionGaps.map((g) => [
      dimensionTitle(q, g.dimension, lang),
      g.executive.toFixed(2),
      g.frontline.toFixed(2),
      { text: `+${g.gap.toFixed(2)}`, paint: c.red },
    ]),
  };
  const style = { kind: "plain", indent: INDENT, head: c.dim } as const;
  return [...title, ...layTable([table], width, style, { label: c.dim })];
}

/** Facts rated two or more levels apart, for the assessor to settle (shown only when there are some). */
function factConflicts(results: Results, lang: Lang, c: ChalkInstance, width: number): string[][] {
  if (results.factConflicts.length === 0) return [];
  const m = messagesFor(lang);
  const onRwg = results.factConflicts.filter((f) => f.rwg !== undefined).length;
  const read = onRwg === 0 ? "range" : onRwg === results.factConflicts.length ? "rwg" : "both";
  const table: TermTable = {
    columns: [{ head: m.score.colQuestion }, { head: m.score.colFactSpread(read) }],
    rows: results.factConflicts.map((f) => [
      f.question,
      {
        text: f.rwg === undefined ? `${f.min}–${f.max}` : `rwg ${f.rwg.toFixed(2)}`,
        paint: c.yellow,
      },
    ]),
  };
  const style = { kind: "plain", indent: INDENT, head: c.dim } as const;
  return [
    [
      ...heading(c, lang, width, m.score.factConflicts, m.score.factConflictsNote(onRwg > 0)),
      ...layTable([table], width, style, { label: c.dim }),
    ],
  ];
}

/** The widest a note under a table is set, however wide the terminal. */
const NOTE_WIDTH = 80;

function expectationRisks(results: Results, lang: Lang, c: ChalkInstance, width: number): string[] {
  const m = messagesFor(lang);
  const vars = { horizon: results.horizonMonths, pace: results.monthsPerLevel };
  const title = heading(
    c,
    lang,
    width,
    m.score.expectationRisks,
    m.score.expectationRisksNote(vars),
  );
  const risky = results.dimensions.filter((d) => d.expectationRisk !== null);
  // A note, kept to a readable measure in a wide terminal.
  const pacing = flow(
    [span(m.score.expectationRisksPacing, c.dim)],
    Math.min(width, NOTE_WIDTH),
    INDENT,
  );
  if (risky.length === 0)
    return [
      ...title,
      ...flow(m.score.expectationRisksNone(vars.horizon), width, INDENT),
      ...pacing,
    ];
  const table: TermTable = {
    columns: [
      { head: m.common.col.dimension, give: "wrap", ...TITLE },
      { head: m.common.col.score },
      { head: m.common.col.target },
      { head: m.common.col.monthsNeeded },
      { head: m.common.col.realisticDate },
    ],
    rows: risky.map((d) => [
      localize(d.title, lang),
      formatScore(d.score, lang),
      formatTarget(d.target),
      String(d.expectationRisk?.monthsNeeded ?? ""),
      {
        text: d.expectationRisk ? m.report.dateText(d.expectationRisk.realisticDate) : "",
        paint: c.yellow,
      },
    ]),
  };
  const style = { kind: "plain", indent: INDENT, head: c.dim } as const;
  return [...title, ...layTable([table], width, style, { label: c.dim }), ...pacing];
}

/**
 * The consultant's at-a-glance summary of scored results: header, the maturity profile table,
 * readiness verdict with its deciding rules, top risks, perception gaps and expectation risks.
 * Every line fits in `opts.width` columns (CJK characters count two). Deterministic for the same
 * input and width; ANSI colour only when `opts.color` is true.
 */
export function renderScoreTable(
  results: Results,
  questionnaire: Questionnaire,
  opts: ScoreRenderOptions,
): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const { lang, width } = opts;
  const blocks = [
    header(results, questionnaire, lang, c, width),
    [...profile(results, lang, c, width), ...cappedNotes(results, lang, c, width)],
    readiness(results, questionnaire, lang, c, width),
    risks(results, lang, c, width),
    perceptionGaps(results, questionnaire, lang, c, width),
    ...factConflicts(results, lang, c, width),
    expectationRisks(results, lang, c, width),
  ];
  return `${blocks.map((b) => b.join("\n")).join("\n\n")}\n`;
}
