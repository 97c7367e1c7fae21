import { OUTCOME_KPIS, outcomeDimensions } from "../../../core/analysis/outcomes.js";
import type { Phase } from "../../../core/questionnaire/schema.js";
import type { ReportContext } from "../context.js";
import type { KpiRow, ReportModel, RoadmapSection } from "../model.js";

/** How many KPIs the scorecard carries, and how many of them are outcomes of the largest gaps. */
const SCORECARD_SIZE = 10;
const OUTCOMES = OUTCOME_KPIS;
const PER_GAP = 2;
/** Standing measures are baselined in the first month. */
const STANDARD_BASELINE_WEEK = 4;

type ScorecardRow = ReportModel["kpis"]["scorecard"][number];

/**
 * The scorecard: the measured scores of the largest gaps first (baseline from the assessment,
 * target where the roadmap should bring them by the reassessment that measures them), then the KPIs of the first actions
 * on those gaps and the method's standing measures, each with an owner, a baseline week, a target
 * and a cadence.
 */
function scorecard(
  ctx: ReportContext,
  roadmap: RoadmapSection,
  rows: KpiRow[],
  deadline: (phase: Phase | null) => Deadline,
): ScorecardRow[] {
  const { t, results } = ctx;
  const gaps = outcomeDimensions(results, OUTCOMES);
  const outcomes: ScorecardRow[] = gaps.map((d) => {
    const first = roadmap.actions.find((a) => a.dimension === d.id);
    return {
      kpi: t.outcomeKpi(ctx.dimTitle.get(d.id) ?? d.id),
      kind: "outcome",
      ownerName: first?.ownerName ?? "—",
      baseline: t.outcomeBaseline({
        score: d.score ?? 0,
        date: ctx.dateText(results.assessment.date),
      }),
      target: t.outcomeTarget({
        // Measured at the reassessment: the one score the report expects of it, as calibration,
        // the radar and the dimension sections give it.
        score: ctx.expectations.get(d.id)?.atReassessment ?? d.score ?? 0,
        date: roadmap.milestone.dateText,
      }),
      cadence: t.outcomeCadence,
    };
  });
  const byAction = new Map(roadmap.actions.map((a) => [a.id, a]));
  const practice = (row: KpiRow): ScorecardRow => {
    const action = byAction.get(row.actions[0] ?? "");
    return {
      kpi: row.kpi,
      kind: "practice",
      ownerName: row.ownerName ?? "—",
      baseline: t.baselineBy(action ? action.startWeek + 1 : STANDARD_BASELINE_WEEK),
      target: deadline(row.phase).target,
      cadence: row.frequency,
    };
  };
  // Two KPIs of the first actions on each gap, then the method's standing measures.
  const onGaps = gaps.flatMap((d) =>
    rows
      .filter((r) => r.source === "plan" && byAction.get(r.actions[0] ?? "")?.dimension === d.id)
      .slice(0, PER_GAP),
  );
  const standard = rows.filter((r) => r.source === "standard");
  const rest = rows.filter((r) => r.source === "plan" && !onGaps.includes(r));
  return [...outcomes, ...[...onGaps, ...standard, ...rest].map(practice)].slice(0, SCORECARD_SIZE);
}

/** When a KPI is to be met, in the scorecard's words (`target`) and the list's (`due`). */
interface Deadline {
  target: string;
  due: string;
}

/**
 * The one date a KPI is to be met by, which the scorecard and the list of every KPI both give: the
 * end of its phase; a standing measure (no phase of its own) is tracked all along, so it is met by
 * the end of the first phase with work in it and then held at each phase review, which is how it
 * reads; a plan without any action has no phase to meet it by (its first phase ends the day it
 * starts), so the reassessment.
 */
function deadlineOf(
  ctx: ReportContext,
  roadmap: RoadmapSection,
): (phase: Phase | null) => Deadline {
  const { t } = ctx;
  const phaseEnd = new Map(roadmap.phases.map((p) => [p.phase, p]));
  const firstPhase = roadmap.phases.find((p) => p.actions.length > 0);
  return (phase) => {
    const end = (phase ? phaseEnd.get(phase) : undefined) ?? firstPhase;
    if (!end) {
      const date = roadmap.milestone.dateText;
      return { target: t.practiceTargetAtReassessment(date), due: t.kpiDueAtReassessment(date) };
    }
    const at = { phase: end.name, date: ctx.dateText(end.endDate) };
    if (!phase) return { target: t.standingTarget(at), due: t.standingDue(at) };
    return { target: t.practiceTarget(at), due: t.kpiDue(at) };
  };
}

/** The KPIs the roadmap's actions name, each once, with the actions that name it. */
function planRows(
  ctx: ReportContext,
  roadmap: RoadmapSection,
  deadline: (p: Phase) => Deadline,
): KpiRow[] {
  const { t } = ctx;
  const rows = new Map<string, KpiRow & { titles: string[] }>();
  for (const a of roadmap.actions) {
    for (const kpi of a.kpis) {
      const existing = rows.get(kpi);
      if (existing) {
        existing.actions.push(a.id);
        existing.titles.push(a.title);
        continue;
      }
      rows.set(kpi, {
        kpi,
        measure: "",
        frequency: t.planKpiFrequency,
        due: deadline(a.phase).due,
        phase: a.phase,
        phaseName: a.phaseName,
        owner: a.owner,
        ownerName: a.ownerName,
        source: "plan",
        sourceName: t.kpiSource.plan,
        actions: [a.id],
        titles: [a.title],
      });
    }
  }
  // What it shows: whether the actions that name it are done and taking hold.
  return [...rows.values()].map(({ titles, ...row }) => ({
    ...row,
    measure: t.planKpiMeasure(titles),
  }));
}

/** The KPI section: the scorecard, then every KPI of the method and the plan. */
export function buildKpis(ctx: ReportContext, roadmap: RoadmapSection): ReportModel["kpis"] {
  const { t, method } = ctx;
  const deadline = deadlineOf(ctx, roadmap);
  const standardRows: KpiRow[] = (method?.kpis.standard ?? []).map((k) => ({
    kpi: ctx.methodText(k.name),
    measure: ctx.methodText(k.measure),
    frequency: ctx.methodText(k.frequency),
    due: deadline(null).due,
    phase: null,
    phaseName: null,
    owner: k.owner ?? null,
    ownerName: k.owner ? ctx.roleName(k.owner) : null,
    source: "standard",
    sourceName: t.kpiSource.standard,
    actions: [],
  }));
  const rows = [...standardRows, ...planRows(ctx, roadmap, deadline)];
  return {
    title: t.section.kpis,
    intro: method?.kpis.intro ? ctx.methodText(method.kpis.intro) : t.defaultKpiIntro,
    principles: (method?.kpis.principles ?? []).map((p) => ctx.methodText(p)),
    scorecardTitle: t.scorecardTitle,
    scorecard: scorecard(ctx, roadmap, rows, deadline),
    rowsTitle: t.allKpisTitle,
    rows,
  };
}
