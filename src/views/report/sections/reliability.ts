import { agreementBand } from "../../../core/math/reliability.js";
import type { DimensionReliability } from "../../../core/models/reliability.js";
import { headingLabel } from "../../../core/text/survey-heading.js";
import { localize } from "../../../i18n/format.js";
import type { AlphaBand } from "../../../i18n/messages.js";
import type { ReportContext } from "../context.js";
import type { AppendixReliability } from "../model.js";

/** Below this many complete answers alpha is neither read nor shown: it can swing anywhere. */
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

/** rwg(j) bands of LeBreton & Senter (2008, Table 3), the one table in `core/math/reliability.ts`. */
export { agreementBand };

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

/** Whose answers a dimension's figures are, and alpha within the other role groups (internal). */
function roleGroupsOf(ctx: ReportContext, d: DimensionReliability, dimension: string): string {
  const names = (roles: string[]) => roles.map((r) => ctx.roleName(r)).join(" / ");
  const headline = names(d.roles ?? []);
  const others = (d.roleGroups ?? [])
    // A group with fewer than two complete answers has no alpha to show.
    .filter((g) => names(g.roles) !== headline && g.respondents >= 2)
    .map((g) => ({ roles: names(g.roles), alpha: fmt(g.alpha), respondents: g.respondents }));
  return ctx.t.reliability.roleGroups({ dimension, roles: headline, others });
}

/**
 * What limits the figures, folded into a few short notes under the table so that each dimension
 * keeps one line: indicative dimensions, few questions, questions that fit poorly, and role
 * groups (named in the full edition, detailed in the internal one).
 */
function caveatsOf(
  ctx: ReportContext,
  dims: readonly DimensionReliability[],
  title: (id: string) => string,
): string[] {
  const t = ctx.t.reliability;
  const few = dims.filter((d) => d.warnings.includes("few-respondents"));
  const fewItems = dims.filter((d) => d.warnings.includes("few-items"));
  const grouped = dims.filter((d) => d.roles && d.roleGroups);
  return [
    ...(few.length > 0
      ? [
          t.indicative({
            dimensions: few.map((d) => title(d.dimension)),
            all: few.length === dims.length,
          }),
        ]
      : []),
    ...(fewItems.length > 0 ? [t.fewItems(fewItems.map((d) => title(d.dimension)))] : []),
    ...dims.flatMap((d) =>
      weakItems(d).map((i) =>
        t.weakItem({
          dimension: title(d.dimension),
          id: i.question,
          text: ctx.questionText(i.question),
          itemRest: fmt(i.itemRest),
          alphaIfDeleted: fmt(i.alphaIfDeleted),
        }),
      ),
    ),
    ...(grouped.length === 0
      ? []
      : ctx.edition === "internal"
        ? grouped.map((d) => roleGroupsOf(ctx, d, title(d.dimension)))
        : [
            t.roleGroupsNote({
              dimensions: grouped.map((d) => title(d.dimension)),
              all: grouped.length === dims.length,
            }),
          ]),
  ];
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
    rows: rel.dimensions.map((d) => {
      // Below MIN_READING_RESPONDENTS alpha swings anywhere (-13.00 from two answers) and its
      // interval spans most of the line: the report shows neither, and the reading says why;
      // the results JSON keeps both.
      const read = d.respondents >= MIN_READING_RESPONDENTS;
      return {
        dimension: d.dimension,
        title: title(d.dimension),
        items: d.items.length,
        respondents: d.respondents,
        alpha: read ? d.alpha : null,
        lower: read ? d.lower : null,
        upper: read ? d.upper : null,
        rwg: d.rwg,
        reading: t.reading({ alphaBand: alphaBand(d), agreementBand: agreementBand(d.rwg) }),
      };
    }),
    caveats: caveatsOf(ctx, rel.dimensions, title),
    groups: (results.statistics?.groups ?? [])
      .filter((g) => g.icc !== undefined)
      .map((g) => ({ ...g, label: headingLabel(g.column) }))
      .map((g) => ({
        title: t.groupTitle(g.label),
        intro: t.groupIntro(g.label),
        columns: t.groupColumns,
        rows: g.icc.map((icc) => {
          // Below 0 (the group means differ less than chance would make them), ICC(2) runs to
          // any negative figure (-10.64 from five departments of 60): the report shows neither
          // figure and says what it means; the results JSON keeps both.
          const chance = icc.icc2 !== null && icc.icc2 < 0;
          return {
            dimension: icc.dimension,
            title: title(icc.dimension),
            icc1: chance ? null : icc.icc1,
            icc2: chance ? null : icc.icc2,
            reading: t.groupReading({
              reliable: icc.icc2 === null ? null : icc.icc2 >= ICC2_RELIABLE,
              chance,
              icc1: fmt(icc.icc1),
              column: g.label,
            }),
          };
        }),
      })),
    notes: t.notes,
  };
}
