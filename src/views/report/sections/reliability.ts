import type { DimensionReliability } from "../../../core/models/reliability.js";
import { localize } from "../../../i18n/format.js";
import type { AgreementBand, AlphaBand } from "../../../i18n/messages.js";
import type { ReportContext } from "../context.js";
import type { AppendixReliability } from "../model.js";

/** Below this many complete answers alpha is shown but not read: it can swing from 0 to 1. */
export const MIN_READING_RESPONDENTS = 5;

/** α bands: 0.80 good, 0.70 acceptable, 0.60 loose (Nunnally 1978's 0.70 for group research). */
export function alphaBand(d: DimensionReliability): AlphaBand {
  if (d.alpha === null) return d.warnings.includes("no-variance") ? "no-variance" : "too-few";
  if (d.respondents < MIN_READING_RESPONDENTS) return "too-few";
  if (d.alpha >= 0.8) return "good";
  if (d.alpha >= 0.7) return "acceptable";
  if (d.alpha >= 0.6) return "loose";
  return "poor";
}

/** rwg(j) bands of LeBreton & Senter (2008, Table 3): ≥ .71 strong, ≥ .51 moderate, ≥ .31 weak. */
export function agreementBand(rwg: number | null): AgreementBand | null {
  if (rwg === null) return null;
  if (rwg >= 0.71) return "strong";
  if (rwg >= 0.51) return "moderate";
  if (rwg >= 0.31) return "weak";
  return "none";
}

/** A question fits poorly below this item–rest correlation (Nunnally & Bernstein 1994's 0.30). */
export const WEAK_ITEM_REST = 0.3;
/** … or when alpha would rise by at least this much without it. */
export const WEAK_ALPHA_GAIN = 0.05;

/** The analysed questions that fit poorly, read only where alpha itself is read. */
export function weakItems(d: DimensionReliability): DimensionReliability["itemStatistics"] {
  const band = alphaBand(d);
  if (band === "too-few" || band === "no-variance" || d.alpha === null) return [];
  const alpha = d.alpha;
  return d.itemStatistics.filter(
    (i) =>
      (i.itemRest !== null && i.itemRest < WEAK_ITEM_REST) ||
      (i.alphaIfDeleted !== null && i.alphaIfDeleted - alpha >= WEAK_ALPHA_GAIN - 1e-9),
  );
}

/** ICC(2) of 0.70 or more makes group means reliable enough to compare (Bliese 2000). */
export const ICC2_RELIABLE = 0.7;

/** A coefficient for display: two decimals (ASCII minus, which Helvetica has). */
const fmt = (x: number | null): string => (x === null ? "—" : x.toFixed(2));

/** A dimension's reading, closed by whose answers its figures are when roles were asked apart. */
function withRoleGroups(ctx: ReportContext, d: DimensionReliability, reading: string): string {
  if (!d.roles || !d.roleGroups) return reading;
  const names = (roles: string[]) => roles.map((r) => ctx.roleName(r)).join(" / ");
  const headline = names(d.roles);
  const others = d.roleGroups
    // A group with fewer than two complete answers has no alpha to show.
    .filter((g) => names(g.roles) !== headline && g.respondents >= 2)
    .map((g) => ({ roles: names(g.roles), alpha: fmt(g.alpha), respondents: g.respondents }));
  return `${reading}${ctx.t.reliability.roleGroups({ roles: headline, others })}`;
}

/** The appendix's reliability and agreement tables; null without reliability figures. */
export function buildReliability(ctx: ReportContext): AppendixReliability | null {
  const { results, lang } = ctx;
  const rel = results.reliability;
  if (!rel) return null;
  const t = ctx.t.reliability;
  const titles = new Map(results.dimensions.map((d) => [d.id, localize(d.title, lang)]));
  const title = (id: string) => titles.get(id) ?? id;
  return {
    title: t.title,
    intro: t.intro,
    columns: t.columns,
    rows: rel.dimensions.map((d) => ({
      dimension: d.dimension,
      title: title(d.dimension),
      items: d.items.length,
      respondents: d.respondents,
      alpha: d.alpha,
      lower: d.lower,
      upper: d.upper,
      rwg: d.rwg,
      reading: withRoleGroups(
        ctx,
        d,
        t.reading({
          alphaBand: alphaBand(d),
          alpha: fmt(d.alpha),
          agreementBand: agreementBand(d.rwg),
          rwg: fmt(d.rwg),
          respondents: d.respondents,
          fewRespondents: d.warnings.includes("few-respondents"),
          fewItems: d.warnings.includes("few-items"),
          weakItems: weakItems(d).map((i) => ({
            id: i.question,
            text: ctx.questionText(i.question),
            itemRest: fmt(i.itemRest),
            alphaIfDeleted: fmt(i.alphaIfDeleted),
          })),
        }),
      ),
    })),
    groups: (results.statistics?.groups ?? [])
      .filter((g) => g.icc !== undefined)
      .map((g) => ({
        title: t.groupTitle(g.column),
        intro: t.groupIntro(g.column),
        columns: t.groupColumns,
        rows: g.icc.map((icc) => ({
          dimension: icc.dimension,
          title: title(icc.dimension),
          icc1: icc.icc1,
          icc2: icc.icc2,
          reading: t.groupReading({
            reliable: icc.icc2 === null ? null : icc.icc2 >= ICC2_RELIABLE,
            icc1: fmt(icc.icc1),
            column: g.column,
          }),
        })),
      })),
    notes: t.notes,
  };
}
