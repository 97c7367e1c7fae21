import { missingPerceptionRoles } from "../../../core/questionnaire/types.js";
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
  return {
    title: t.section.perception,
    applicable,
    gapsMeasured: gaps === "measured",
    intro: t.perceptionIntro(
      applicable,
      results.dimensions.some((d) => d.questions.some((q) => q.kind !== null)),
      gaps,
    ),
    byRole: {
      roles,
      rows: results.dimensions.map((d) => ({
        dimension: d.id,
        title: localize(d.title, ctx.lang),
        scores: roles.map((r) => d.byRole[r.role] ?? null),
      })),
    },
    gaps: results.perceptionGaps.map((g) => ({
      ...g,
      title: dimTitle.get(g.dimension) ?? g.dimension,
      sentence: t.perceptionGapSentence({ ...g, title: dimTitle.get(g.dimension) ?? g.dimension }),
    })),
    disagreements: results.disagreements.map((g) => ({
      ...g,
      dimensionTitle: dimTitle.get(g.dimension) ?? g.dimension,
      questionText: ctx.questionText(g.question),
    })),
    factConflicts: {
      intro: t.factConflictsIntro,
      items: results.factConflicts.map((g) => ({
        ...g,
        dimensionTitle: dimTitle.get(g.dimension) ?? g.dimension,
        questionText: ctx.questionText(g.question),
      })),
    },
  };
}
