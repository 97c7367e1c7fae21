import type { Results, RiskResult } from "../core/models/results.js";
import type { Condition } from "../core/questionnaire/schema.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { type Lang, localize, t } from "../i18n/labels.js";

/** Options every score renderer takes. */
export interface ScoreRenderOptions {
  lang: Lang;
  color: boolean;
}

type Finding = Results["risks"][number]["because"][number];

/** A score or gap with two decimals; the inconclusive mark for null. */
export function formatScore(value: number | null, lang: Lang): string {
  return value === null ? t(lang, "common.inconclusive") : value.toFixed(2);
}

/** A target as written (targets may be fractional, e.g. 3.5). */
export function formatTarget(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, "");
}

/** A share as a whole percentage; the inconclusive mark for null. */
export function formatPercent(value: number | null, lang: Lang): string {
  return value === null ? t(lang, "common.inconclusive") : `${Math.round(value * 100)}%`;
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

/** "Executive 1 · Manager 2 …" for the roles that have respondents. */
export function respondentsSummary(
  results: Results,
  questionnaire: Questionnaire,
  lang: Lang,
): string {
  const parts = Object.entries(results.respondentsByRole)
    .filter(([, n]) => n > 0)
    .map(([role, n]) => `${roleName(questionnaire, role, lang)} ${n}`);
  return `${results.respondents.length}${parts.length ? ` — ${parts.join(" · ")}` : ""}`;
}

/** "Industrial equipment · 600 employees" from the optional client profile fields. */
export function clientDetails(results: Results): string {
  const { industry, size } = results.assessment.client;
  return [industry, size].filter((x): x is string => Boolean(x)).join(" · ");
}

type Bounded = { below?: number; atLeast?: number; atMost?: number };

function boundsText(spec: Bounded, lang: Lang): string {
  const parts: string[] = [];
  if (spec.atLeast !== undefined) parts.push(t(lang, "cond.atLeast", { threshold: spec.atLeast }));
  if (spec.below !== undefined) parts.push(t(lang, "cond.below", { threshold: spec.below }));
  if (spec.atMost !== undefined) parts.push(t(lang, "cond.atMost", { threshold: spec.atMost }));
  return parts.join(t(lang, "cond.and"));
}

function leafParts(
  condition: Finding["condition"],
  value: string,
  questionnaire: Questionnaire,
  lang: Lang,
): { subject: string; bounds: string } {
  const c = condition as Condition;
  if ("dimension" in c) {
    return {
      subject: t(lang, "cond.dimension", {
        dimension: dimensionTitle(questionnaire, c.dimension, lang),
        value,
      }),
      bounds: boundsText(c, lang),
    };
  }
  if ("question" in c) {
    return {
      subject: t(lang, "cond.question", { question: c.question, value }),
      bounds: boundsText(c, lang),
    };
  }
  if ("overall" in c) {
    return { subject: t(lang, "cond.overall", { value }), bounds: boundsText(c.overall, lang) };
  }
  if ("perceptionGap" in c) {
    const { dimension, atLeast } = c.perceptionGap;
    return {
      subject: t(lang, "cond.perceptionGap", {
        dimension: dimensionTitle(questionnaire, dimension, lang),
        value,
      }),
      bounds: boundsText({ atLeast }, lang),
    };
  }
  if ("coverage" in c) {
    const { dimension, below } = c.coverage;
    const subject =
      dimension === undefined
        ? t(lang, "cond.coverageOverall", { value })
        : t(lang, "cond.coverage", {
            dimension: dimensionTitle(questionnaire, dimension, lang),
            value,
          });
    return { subject, bounds: boundsText({ below }, lang) };
  }
  if ("risk" in c) {
    const risk = questionnaire.risks.find((r) => r.id === c.risk);
    return {
      subject: t(lang, "cond.risk", { risk: risk ? localize(risk.title, lang) : c.risk }),
      bounds: "",
    };
  }
  return { subject: value, bounds: "" };
}

/**
 * Explains a condition leaf in `lang` ("Leadership involvement score 1.83, below 2"): the
 * analysis keeps an English text, but the summary a client reads must be in their language.
 */
export function describeFinding(
  finding: Finding,
  questionnaire: Questionnaire,
  lang: Lang,
): string {
  const c = finding.condition as Condition;
  const value =
    finding.value === null
      ? t(lang, "common.inconclusive")
      : typeof finding.value === "boolean"
        ? ""
        : "coverage" in c
          ? `${Math.round(finding.value * 100)}%`
          : String(finding.value);
  const { subject, bounds } = leafParts(finding.condition, value, questionnaire, lang);
  if (!bounds) return subject;
  const sep = t(lang, "punct.comma");
  if ("coverage" in c) {
    const below = c.coverage.below;
    const pct = t(lang, "cond.below", { threshold: `${Math.round(below * 100)}%` });
    return `${subject}${sep}${finding.holds ? pct : negate(pct, lang)}`;
  }
  return `${subject}${sep}${finding.holds ? bounds : negate(bounds, lang)}`;
}

function negate(text: string, lang: Lang): string {
  return t(lang, "cond.not", { text });
}
