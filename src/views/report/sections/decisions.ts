import { localize } from "../../../i18n/format.js";
import type { ReportContext } from "../context.js";
import type { DecisionsSection, RoadmapSection } from "../model.js";

/** How many of the first 90 days' actions the next steps list. */
const NEXT_STEPS = 5;

/**
 * The three decisions the chief executive must take, drawn from the plan: approve the first
 * phase, take the gate (or fix the reassessment) on evidence, and reset the expectations that
 * cannot be met (or adopt the scorecard); then the first steps.
 */
export function buildDecisions(ctx: ReportContext, roadmap: RoadmapSection): DecisionsSection {
  const { t, plan } = ctx;
  const first = plan.phases.find((p) => p.actions.length > 0);
  const firstActions = roadmap.actions.filter((a) => first?.actions.includes(a.id));
  const owners = [...new Set(firstActions.map((a) => ctx.rolePeople(a.owner)))];
  const items: DecisionsSection["items"] = [];
  if (first && firstActions.length > 0) {
    const effort = roadmap.phases.find((p) => p.phase === first.phase)?.effort ?? null;
    items.push(
      t.decisionApprove({
        count: firstActions.length,
        owners,
        start: ctx.dateText(firstActions[0]?.startDate ?? roadmap.startDate),
        end: ctx.dateText(roadmap.phases.find((p) => p.phase === first.phase)?.endDate ?? ""),
        effort: effort && {
          low: effort.low,
          high: effort.high,
          weeks: first.endWeek - first.startWeek,
        },
      }),
    );
  }
  items.push(
    roadmap.gate
      ? t.decisionGate({
          label: roadmap.gate.label,
          week: roadmap.gate.week + 1,
          date: roadmap.gate.dateText,
        })
      : t.decisionReassess({ week: roadmap.milestone.week + 1, date: roadmap.milestone.dateText }),
  );
  const outOfReach = ctx.results.dimensions
    .filter((d) => ctx.expectations.get(d.id)?.outOfReach)
    .map((d) => localize(d.title, ctx.lang));
  items.push(
    outOfReach.length > 0
      ? t.decisionExpectations({ dimensions: outOfReach, horizon: ctx.horizon })
      : t.decisionScorecard,
  );
  const byId = new Map(roadmap.actions.map((a) => [a.id, a]));
  return {
    title: t.section.decisions,
    intro: t.decisionsIntro(ctx.client, items.length),
    items,
    nextStepsTitle: t.section.nextSteps,
    nextSteps: roadmap.firstNinetyDays.actions.slice(0, NEXT_STEPS).flatMap((id) => {
      const a = byId.get(id);
      return a
        ? [
            {
              action: a.id,
              title: a.title,
              ownerName: a.ownerName,
              start: ctx.dateText(a.startDate),
            },
          ]
        : [];
    }),
  };
}
