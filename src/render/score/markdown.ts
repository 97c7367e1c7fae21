import type { Lang } from "../../core/models/languages.js";
import type { Results } from "../../core/models/results.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { escapeInlineMarkdown } from "../../core/text/markdown.js";
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
} from "../../views/score.js";

/** The summary lists at most this many risks (the report lists them all). */
const TOP_RISKS = 6;

/** A label as a sentence: capitalised and closed with the language's full stop. */
function sentence(text: string, lang: Lang): string {
  return messagesFor(lang).common.punct.sentence(text.replace(/^./, (c) => c.toUpperCase()));
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(head: string[], rows: string[][], align: ("l" | "r")[]): string[] {
  const rule = align.map((a) => (a === "r" ? "---:" : "---"));
  return [row(head), row(rule), ...rows.map(row)];
}

function profile(results: Results, lang: Lang): string[] {
  const m = messagesFor(lang);
  const dash = m.common.inconclusive;
  const level = (n: number | null, name: Results["overall"]["levelName"]) =>
    n === null ? dash : `${n} ${escapeInlineMarkdown(localize(name, lang))}`;
  const rows = results.dimensions.map((d) => [
    escapeInlineMarkdown(localize(d.title, lang)),
    formatScore(d.score, lang),
    level(d.level, d.levelName) + (d.cappedBy ? "\\*" : ""),
    formatTarget(d.target),
    formatScore(d.gap, lang),
    formatPercent(d.coverage, lang),
    d.confidence === null ? dash : m.common.confidence[d.confidence],
  ]);
  const o = results.overall;
  rows.push(
    [
      m.common.overall,
      formatScore(o.score, lang),
      level(o.level, o.levelName),
      "",
      "",
      formatPercent(o.coverage, lang),
      o.confidence === null ? dash : m.common.confidence[o.confidence],
    ].map((cell) => (cell ? `**${cell}**` : cell)),
  );
  const lines = table(
    [
      m.common.col.dimension,
      m.common.col.score,
      m.common.col.level,
      m.common.col.target,
      m.common.col.gap,
      m.common.col.coverage,
      m.common.col.confidence,
    ],
    rows,
    ["l", "r", "l", "r", "r", "r", "l"],
  );
  const capped = results.dimensions.filter((d) => d.cappedBy !== null);
  if (capped.length > 0) {
    lines.push("");
    for (const d of capped) {
      lines.push(
        `\\* ${escapeInlineMarkdown(localize(d.title, lang))}${m.common.punct.colon}${messagesFor(
          lang,
        ).score.cappedBy({
          question: `\`${d.cappedBy?.question}\``,
          score: d.cappedBy?.score.toFixed(2) ?? "",
        })}  `,
      );
    }
    // The last line needs no hard break.
    lines[lines.length - 1] = (lines[lines.length - 1] ?? "").trimEnd();
  }
  return lines;
}

/**
 * A short Markdown summary of scored results (header, profile, readiness, top risks, perception
 * gaps, expectation risks). Client-supplied text is escaped; output is deterministic.
 */
export function renderScoreMarkdown(
  results: Results,
  questionnaire: Questionnaire,
  opts: ScoreRenderOptions,
): string {
  const lang = opts.lang;
  const m = messagesFor(lang);
  const { assessment } = results;
  const details = clientDetails(results);
  const colon = m.common.punct.colon.trim();
  const out: string[] = [
    `# ${escapeInlineMarkdown(localize(questionnaire.title, lang))}${m.common.punct.colon}${escapeInlineMarkdown(assessment.client.name)}`,
    "",
    `- **${m.common.header.client}${colon}** ${escapeInlineMarkdown(assessment.client.name)}${details ? m.common.punct.paren(escapeInlineMarkdown(details)) : ""}`,
    `- **${m.common.header.date}${colon}** ${m.report.dateText(assessment.date)} · **${m.common.header.assessor}${colon}** ${escapeInlineMarkdown(assessment.assessor)}`,
    `- **${m.common.header.questionnaire}${colon}** ${escapeInlineMarkdown(`${results.questionnaire.id} ${results.questionnaire.version}`)}`,
    `- **${m.common.header.respondents}${colon}** ${escapeInlineMarkdown(respondentsSummary(results, questionnaire, lang))}`,
    `- **${m.common.header.profile}${colon}** ${escapeInlineMarkdown(profileSummary(results, lang))}`,
    "",
    ...profile(results, lang),
    "",
  ];

  const { verdict, rules } = results.readiness;
  out.push(
    `## ${m.score.readiness}${m.common.punct.colon}${m.common.verdict[verdict]}`,
    "",
    sentence(m.common.verdictExplain[verdict], lang),
    "",
  );
  for (const rule of rules) {
    const because = rule.because.map((f) =>
      escapeInlineMarkdown(describeFinding(f, questionnaire, lang)),
    );
    out.push(
      `- **${escapeInlineMarkdown(localize(rule.title, lang))}**${m.common.punct.paren(m.common.verdict[rule.verdict])}${m.common.punct.colon}${because.join(m.common.punct.semicolon)}`,
    );
  }
  if (rules.length > 0) out.push("");

  const risks = risksBySeverity(results.risks);
  const shown = risks.slice(0, TOP_RISKS);
  out.push(`## ${m.score.risks}`, "");
  if (risks.length === 0) out.push(m.score.risksNone, "");
  else {
    const count =
      risks.length > shown.length
        ? m.score.risksCount({ shown: shown.length, total: risks.length })
        : m.score.risksAll(risks.length);
    out.push(
      sentence(count, lang),
      "",
      ...table(
        [m.common.col.severity, m.common.col.risk],
        shown.map((r) => [
          m.common.severity[r.severity],
          escapeInlineMarkdown(localize(r.title, lang)),
        ]),
        ["l", "l"],
      ),
      "",
    );
  }

  out.push(`## ${m.score.perceptionGaps}`, "");
  if (!results.dimensions.some((d) => d.perceptionGap !== null)) {
    out.push(perceptionGapsMissing(questionnaire, lang), "");
  } else if (results.perceptionGaps.length === 0) {
    out.push(m.score.perceptionGapsNone, "");
  } else {
    out.push(
      ...table(
        [m.common.col.dimension, m.common.col.executive, m.common.col.frontline, m.common.col.gap],
        results.perceptionGaps.map((g) => [
          escapeInlineMarkdown(dimensionTitle(questionnaire, g.dimension, lang)),
          g.executive.toFixed(2),
          g.frontline.toFixed(2),
          `+${g.gap.toFixed(2)}`,
        ]),
        ["l", "r", "r", "r"],
      ),
      "",
    );
  }

  const vars = { horizon: results.horizonMonths, pace: results.monthsPerLevel };
  out.push(`## ${m.score.expectationRisks}`, "");
  const risky = results.dimensions.filter((d) => d.expectationRisk !== null);
  if (risky.length === 0) out.push(m.score.expectationRisksNone(vars.horizon));
  else {
    out.push(
      sentence(m.score.expectationRisksNote(vars), lang).replace(
        /[.\u3002]$/, // . or 。
        m.common.punct.colon.trimEnd(),
      ),
      "",
      ...table(
        [
          m.common.col.dimension,
          m.common.col.score,
          m.common.col.target,
          m.common.col.monthsNeeded,
          m.common.col.realisticDate,
        ],
        risky.map((d) => [
          escapeInlineMarkdown(localize(d.title, lang)),
          formatScore(d.score, lang),
          formatTarget(d.target),
          String(d.expectationRisk?.monthsNeeded ?? ""),
          d.expectationRisk ? m.report.dateText(d.expectationRisk.realisticDate) : "",
        ]),
        ["l", "r", "r", "r", "l"],
      ),
    );
  }
  out.push("", m.score.expectationRisksPacing);
  return `${out.join("\n")}\n`;
}
