import type { Lang } from "../core/models/languages.js";
import type { Results, RiskResult } from "../core/models/results.js";
import { respondentCount } from "../core/models/results-facts.js";
import { missingPerceptionRoles, type Questionnaire } from "../core/questionnaire/types.js";
import { fmtCount, localize } from "../i18n/format.js";
import { messagesFor } from "../i18n/index.js";
import { leafText } from "./condition-leaf.js";

/** Options every score renderer takes. */
export interface ScoreRenderOptions {
  lang: Lang;
  color: boolean;
  /** The terminal columns the table is laid out in (the other formats ignore it). */
  width: number;
}

type Finding = Results["risks"][number]["because"][number];

/** A score or gap with two decimals; the inconclusive mark for null. */
export function formatScore(value: number | null, lang: Lang): string {
  return value === null ? messagesFor(lang).common.inconclusive : value.toFixed(2);
}

/** A target as written (targets may be fractional, e.g. 3.5). */
export function formatTarget(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, "");
}

/** A share as a whole percentage; the inconclusive mark for null. */
export function formatPercent(value: number | null, lang: Lang): string {
  return value === null ? messagesFor(lang).common.inconclusive : `${Math.round(value * 100)}%`;
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** Bar cells per scale level; 2 keeps the 1–5 scale within 10 columns. */
const CELLS_PER_LEVEL = 2;

/** The bar's width in columns for a scale whose top level is `max`. */
export const barWidth = (max = 5): number => max * CELLS_PER_LEVEL;

/**
 * A horizontal bar: the score in solid blocks (eighths for the fraction), then light shade up to
 * the target, padded with spaces so every bar has the same width.
 */
export function scoreBar(
  score: number | null,
  target: number | null,
  max = 5,
): { filled: string; shortfall: string; pad: string } {
  const width = barWidth(max);
  const eighths = score === null ? 0 : Math.round(Math.min(score, max) * CELLS_PER_LEVEL * 8);
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8] ?? "";
  const filled = "█".repeat(full) + part;
  const used = full + (part ? 1 : 0);
  const targetCells =
    target === null ? 0 : Math.min(width, Math.round(Math.min(target, max) * CELLS_PER_LEVEL));
  const shortfall = "░".repeat(Math.max(0, targetCells - used));
  const pad = " ".repeat(Math.max(0, width - used - shortfall.length));
  return { filled, shortfall, pad };
}

/** Risks ordered by severity (high first), keeping questionnaire order within a severity. */
export function risksBySeverity(risks: readonly RiskResult[]): RiskResult[] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return risks
    .map((risk, index) => ({ risk, index }))
    .sort((a, b) => rank[a.risk.severity] - rank[b.risk.severity] || a.index - b.index)
    .map((x) => x.risk);
}

/** The name of a role in `lang`, or its id when the questionnaire does not declare it. */
export function roleName(questionnaire: Questionnaire, role: string, lang: Lang): string {
  const found = questionnaire.roles.find((r) => r.id === role);
  return found ? localize(found.name, lang) : role;
}

/** A dimension's title in `lang`, or its id when unknown. */
export function dimensionTitle(questionnaire: Questionnaire, id: string, lang: Lang): string {
  const found = questionnaire.dimensions.find((d) => d.id === id);
  return found ? localize(found.title, lang) : id;
}

/** Why no perception gap was measured: the questionnaire lacks the roles, or they did not both answer. */
export function perceptionGapsMissing(questionnaire: Questionnaire, lang: Lang): string {
  const m = messagesFor(lang).score;
  return missingPerceptionRoles(questionnaire).length > 0
    ? m.perceptionGapsNoRoles
    : m.perceptionGapsMissing;
}

/** "Executive 1 · Manager 2 …" for the roles that have respondents. */
export function respondentsSummary(
  results: Results,
  questionnaire: Questionnaire,
  lang: Lang,
): string {
  const parts = Object.entries(results.respondentsByRole)
    .filter(([, n]) => n > 0)
    .map(([role, n]) => `${roleName(questionnaire, role, lang)} ${fmtCount(n)}`);
  return `${fmtCount(respondentCount(results))}${parts.length ? ` — ${parts.join(" · ")}` : ""}`;
}

/** The profile the results were scored with, named in `lang`, or the standard weights. */
export function profileSummary(results: Pick<Results, "profile">, lang: Lang): string {
  const m = messagesFor(lang).common.profiles;
  const p = results.profile;
  const names = [p?.industry, p?.size].flatMap((x) => (x ? [localize(x.name, lang)] : []));
  return p && names.length > 0 ? m.named(names, p.chosenBy) : m.standard;
}

/**
 * The profile's names alone, for a client document's cover ("B2B manufacturing and industrial ·
 * Mid-size (250 to 1,999 employees)"): how it was chosen is the consultant's business, not the
 * reader's. The standard weights are named as in `profileSummary`.
 */
export function profileNames(results: Pick<Results, "profile">, lang: Lang): string {
  const p = results.profile;
  const names = [p?.industry, p?.size].flatMap((x) => (x ? [localize(x.name, lang)] : []));
  return names.length > 0 ? names.join(" · ") : messagesFor(lang).common.profiles.standard;
}

/** "Industrial equipment · 600 employees" from the optional client profile fields. */
export function clientDetails(results: Results): string {
  const { industry, size } = results.assessment.client;
  return [industry, size].filter((x): x is string => Boolean(x)).join(" · ");
}

/** The text of a question in `lang`, or its id when unknown. */
function questionText(questionnaire: Questionnaire, id: string, lang: Lang): string {
  for (const d of questionnaire.dimensions) {
    const found = d.questions.find((q) => q.id === id);
    if (found) return localize(found.text, lang);
  }
  return id;
}

/**
 * Explains a condition leaf in `lang`, in the report's words: the analysis keeps an English
 * text, but the summary a client reads must be in their language.
 */
export function describeFinding(
  finding: Finding,
  questionnaire: Questionnaire,
  lang: Lang,
): string {
  const leaf = leafText(finding, {
    dimension: (id) => dimensionTitle(questionnaire, id, lang),
    question: (id) => questionText(questionnaire, id, lang),
    risk: (id) => {
      const risk = questionnaire.risks.find((r) => r.id === id);
      return (risk && localize(risk.title, lang)) || id;
    },
  });
  // A composite (hand-edited results file) keeps its own text.
  return leaf === null ? finding.text : messagesFor(lang).common.leaf(leaf);
}
