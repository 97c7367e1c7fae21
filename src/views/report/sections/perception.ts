import type { Results } from "../../../core/models/results.js";
import { surveySized } from "../../../core/models/results-facts.js";
import { missingPerceptionRoles } from "../../../core/questionnaire/types.js";
import { compareText } from "../../../core/text/compare.js";
import { headingLabel } from "../../../core/text/survey-heading.js";
import { localize } from "../../../i18n/format.js";
import type { PerceptionGapsState } from "../../../i18n/messages.js";
import type { ReportContext } from "../context.js";
import type { ReportModel } from "../model.js";

/** Perception by role: scores per role, perception gaps and question-level disagreements. */
export function buildPerception(ctx: ReportContext): ReportModel["perception"] {
  const { results, t, roles, dimTitle } = ctx;
  // Anonymized, a role of one person would be that person's scores: the section is left out.
  const applicable = roles.length >= 2 && ctx.singles.size === 0;
  const gaps: PerceptionGapsState = results.dimensions.some((d) => d.perceptionGap !== null)
    ? "measured"
    : missingPerceptionRoles(ctx.questionnaire).length > 0
      ? "no-roles"
      : "unanswered";
  const disagreements = spreadList(ctx, results.disagreements);
  const facts = spreadList(ctx, results.factConflicts);
  return {
    title: t.section.perception,
    applicable,
    gapsMeasured: gaps === "measured",
    intro: t.perceptionIntro(
      applicable,
      results.dimensions.some((d) => d.questions.some((q) => q.kind !== null)),
      gaps,
      readOnRwg(results),
    ),
    byRole: {
      roles,
      rows: results.dimensions.map((d) => ({
        dimension: d.id,
        title: localize(d.title, ctx.lang),
        scores: roles.map((r) => d.byRole[r.role] ?? null),
      })),
    },
    byGroup: buildByGroup(ctx),
    gaps: results.perceptionGaps.map((g) => ({
      ...g,
      title: dimTitle.get(g.dimension) ?? g.dimension,
      sentence: t.perceptionGapSentence({ ...g, title: dimTitle.get(g.dimension) ?? g.dimension }),
    })),
    disagreements: disagreements.items,
    ...(disagreements.more ? { disagreementsMore: disagreements.more } : {}),
    factConflicts: {
      intro: t.factConflictsIntro(surveySized(results.factConflicts)),
      items: facts.items,
      ...(facts.more ? { more: facts.more } : {}),
    },
  };
}

/** A survey's disagreements or facts to settle shown at most: the most divided (lowest rwg). */
export const SHOWN_SPREAD = 10;

/**
 * The disagreements or facts to settle as the report lists them. From a survey (items read on
 * rwg) a list longer than `SHOWN_SPREAD` keeps the most divided, in questionnaire order, and says
 * what it leaves out: a board reads ten divided questions, not seventy.
 */
function spreadList(
  ctx: ReportContext,
  all: Results["disagreements"],
): { items: SpreadItem[]; more?: string } {
  const { dimTitle, t } = ctx;
  let kept = all;
  if (surveySized(all) && all.length > SHOWN_SPREAD) {
    const chosen = new Set(
      all
        .map((item, index) => ({ item, index }))
        .sort((a, b) => (a.item.rwg ?? 1) - (b.item.rwg ?? 1) || a.index - b.index)
        .slice(0, SHOWN_SPREAD)
        .map((x) => x.item),
    );
    kept = all.filter((item) => chosen.has(item));
  }
  const items = kept.map((g) => ({
    ...g,
    dimensionTitle: dimTitle.get(g.dimension) ?? g.dimension,
    questionText: ctx.questionText(g.question),
  }));
  return kept.length < all.length
    ? {
        items,
        more: t.spreadMore({
          shown: kept.length,
          total: all.length,
          internal: ctx.edition === "internal",
        }),
      }
    : { items };
}

type SpreadItem = ReportModel["perception"]["disagreements"][number];

/**
 * Whether the results read some question's disagreement on rwg (10 answers or more, as a survey
 * has) rather than on the range: the perception intro and the method say so.
 */
export function readOnRwg(results: Results): boolean {
  return results.dimensions.some((d) => surveySized(d.questions));
}

/** Groups shown per group-by column: a table column each, so a page's width holds them. */
export const SHOWN_GROUPS = 8;
/**
 * A group of fewer respondents could single one out (its means are their answers): the client's
 * editions and an anonymized report leave it out; the internal edition, not anonymized, shows it.
 */
export const ANONYMOUS_GROUP_MINIMUM = 3;

/**
 * Batch results grouped by a column (`--group-by`): each group's mean per-respondent scores by
 * dimension and overall, for the groups with the most respondents, in the results' order.
 */
function buildByGroup(ctx: ReportContext): ReportModel["perception"]["byGroup"] {
  const { results, t, L } = ctx;
  const g = t.groupScores;
  const minimum = ctx.edition === "internal" && !ctx.anonymize ? 0 : ANONYMOUS_GROUP_MINIMUM;
  return (results.statistics?.groups ?? []).flatMap((group) => {
    const label = headingLabel(group.column);
    const eligible = group.values.filter((v) => v.respondents >= minimum);
    const chosen = new Set(
      [...eligible]
        .sort((a, b) => b.respondents - a.respondents || compareText(a.value, b.value))
        .slice(0, SHOWN_GROUPS),
    );
    const shown = group.values.filter((v) => chosen.has(v));
    // No group large enough to show: no table of empty columns (the appendix still gives ICC).
    if (shown.length === 0) return [];
    const small = group.values.length - eligible.length;
    return {
      column: group.column,
      title: g.title(label),
      intro: g.intro(label),
      values: shown.map((v) => ({
        value: v.value,
        name: v.value.trim() === "" ? g.blank : v.value,
        count: v.respondents,
      })),
      rows: [
        ...results.dimensions.map((d) => ({
          dimension: d.id,
          title: localize(d.title, ctx.lang),
          scores: shown.map((v) => v.dimensions[d.id]?.mean ?? null),
        })),
        { dimension: "overall", title: L.overall, scores: shown.map((v) => v.overall.mean) },
      ],
      ...(shown.length < group.values.length
        ? {
            more: g.more({
              shown: shown.length,
              total: group.values.length,
              small,
              minimum: ANONYMOUS_GROUP_MINIMUM,
              internal: ctx.edition === "internal",
            }),
          }
        : {}),
    };
  });
}
