import type { Results } from "../../core/models/results.js";
import type { Questionnaire } from "../../core/questionnaire/types.js";
import { escapeInlineMarkdown } from "../../core/text/markdown.js";
import { type Lang, localize, t } from "../../i18n/labels.js";
import {
  clientDetails,
  describeFinding,
  dimensionTitle,
  formatPercent,
  formatScore,
  formatTarget,
  respondentsSummary,
  risksBySeverity,
  type ScoreRenderOptions,
} from "../../views/score.js";

/** The summary lists at most this many risks (the report lists them all). */
const TOP_RISKS = 6;

/** A label as a sentence: capitalised and closed with the language's full stop. */
function sentence(text: string, lang: Lang): string {
  return t(lang, "punct.sentence", { text: text.replace(/^./, (c) => c.toUpperCase()) });
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(head: string[], rows: string[][], align: ("l" | "r")[]): string[] {
  const rule = align.map((a) => (a === "r" ? "---:" : "---"));
  return [row(head), row(rule), ...rows.map(row)];
}

function profile(results: Results, lang: Lang): string[] {
  const dash = t(lang, "common.inconclusive");
  const level = (n: number | null, name: Results["overall"]["levelName"]) =>
    n === null ? dash : `${n} ${escapeInlineMarkdown(localize(name, lang))}`;
  const rows = results.dimensions.map((d) => [
    escapeInlineMarkdown(localize(d.title, lang)),
    formatScore(d.score, lang),
    level(d.level, d.levelName) + (d.cappedBy ? "\\*" : ""),
    formatTarget(d.target),
    formatScore(d.gap, lang),
    formatPercent(d.coverage, lang),
    d.confidence === null ? dash : t(lang, `confidence.${d.confidence}`),
  ]);
  const o = results.overall;
  rows.push(
    [
      t(lang, "common.overall"),
      formatScore(o.score, lang),
      level(o.level, o.levelName),
      "",
      "",
      formatPercent(o.coverage, lang),
      o.confidence === null ? dash : t(lang, `confidence.${o.confidence}`),
    ].map((cell) => (cell ? `**${cell}**` : cell)),
  );
  const lines = table(
    [
      t(lang, "col.dimension"),
      t(lang, "col.score"),
      t(lang, "col.level"),
      t(lang, "col.target"),
      t(lang, "col.gap"),
      t(lang, "col.coverage"),
      t(lang, "col.confidence"),
    ],
    rows,
    ["l", "r", "l", "r", "r", "r", "l"],
  );
  const capped = results.dimensions.filter((d) => d.cappedBy !== null);
  if (capped.length > 0) {
    lines.push("");
    for (const d of capped) {
      lines.push(
        `\\* ${escapeInlineMarkdown(localize(d.title, lang))}${t(lang, "punct.colon")}${t(
          lang,
          "note.cappedBy",
          {
            question: `\`${d.cappedBy?.question}\``,
            score: d.cappedBy?.score.toFixed(2) ?? "",
          },
        )}  `,
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
  const { assessment } = results;
  const details = clientDetails(results);
  const colon = t(lang, "punct.colon").trim();
  const out: string[] = [
    `# ${escapeInlineMarkdown(localize(questionnaire.title, lang))}${t(lang, "punct.colon")}${escapeInlineMarkdown(assessment.client.name)}`,
    "",
    `- **${t(lang, "header.client")}${colon}** ${escapeInlineMarkdown(assessment.client.name)}${details ? t(lang, "punct.paren", { text: escapeInlineMarkdown(details) }) : ""}`,
    `- **${t(lang, "header.date")}${colon}** ${assessment.date} · **${t(lang, "header.assessor")}${colon}** ${escapeInlineMarkdown(assessment.assessor)}`,
    `- **${t(lang, "header.questionnaire")}${colon}** ${escapeInlineMarkdown(`${results.questionnaire.id} ${results.questionnaire.version}`)}`,
    `- **${t(lang, "header.respondents")}${colon}** ${escapeInlineMarkdown(respondentsSummary(results, questionnaire, lang))}`,
    "",
    ...profile(results, lang),
    "",
  ];

  const { verdict, rules } = results.readiness;
  out.push(
    `## ${t(lang, "section.readiness")}${t(lang, "punct.colon")}${t(lang, `verdict.${verdict}`)}`,
    "",
    sentence(t(lang, `verdict.${verdict}.explain`), lang),
    "",
  );
  for (const rule of rules) {
    const because = rule.because.map((f) =>
      escapeInlineMarkdown(describeFinding(f, questionnaire, lang)),
    );
    out.push(
      `- **${escapeInlineMarkdown(localize(rule.title, lang))}**${t(lang, "punct.paren", { text: t(lang, `verdict.${rule.verdict}`) })}${t(lang, "punct.colon")}${because.join(t(lang, "punct.semicolon"))}`,
    );
  }
  if (rules.length > 0) out.push("");

  const risks = risksBySeverity(results.risks);
  const shown = risks.slice(0, TOP_RISKS);
  out.push(`## ${t(lang, "section.risks")}`, "");
  if (risks.length === 0) out.push(t(lang, "section.risks.none"), "");
  else {
    const count =
      risks.length > shown.length
        ? t(lang, "section.risksCount", { shown: shown.length, total: risks.length })
        : t(lang, "section.risksAll", { total: risks.length });
    out.push(
      sentence(count, lang),
      "",
      ...table(
        [t(lang, "col.severity"), t(lang, "col.risk")],
        shown.map((r) => [
          t(lang, `severity.${r.severity}`),
          escapeInlineMarkdown(localize(r.title, lang)),
        ]),
        ["l", "l"],
      ),
      "",
    );
  }

  out.push(`## ${t(lang, "section.perceptionGaps")}`, "");
  if (!results.dimensions.some((d) => d.perceptionGap !== null)) {
    out.push(t(lang, "section.perceptionGaps.missing"), "");
  } else if (results.perceptionGaps.length === 0) {
    out.push(t(lang, "section.perceptionGaps.none"), "");
  } else {
    out.push(
      ...table(
        [
          t(lang, "col.dimension"),
          t(lang, "col.executive"),
          t(lang, "col.frontline"),
          t(lang, "col.gap"),
        ],
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
  out.push(`## ${t(lang, "section.expectationRisks")}`, "");
  const risky = results.dimensions.filter((d) => d.expectationRisk !== null);
  if (risky.length === 0) out.push(t(lang, "section.expectationRisks.none", vars));
  else {
    out.push(
      sentence(t(lang, "section.expectationRisks.note", vars), lang).replace(
        /[.。]$/,
        t(lang, "punct.colon").trimEnd(),
      ),
      "",
      ...table(
        [
          t(lang, "col.dimension"),
          t(lang, "col.score"),
          t(lang, "col.target"),
          t(lang, "col.monthsNeeded"),
          t(lang, "col.realisticDate"),
        ],
        risky.map((d) => [
          escapeInlineMarkdown(localize(d.title, lang)),
          formatScore(d.score, lang),
          formatTarget(d.target),
          String(d.expectationRisk?.monthsNeeded ?? ""),
          d.expectationRisk?.realisticDate ?? "",
        ]),
        ["l", "r", "r", "r", "l"],
      ),
    );
  }
  return `${out.join("\n")}\n`;
}
