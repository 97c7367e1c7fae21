import type { ReportContext } from "../context.js";
import type { KpiRow, ReportModel, RoadmapSection } from "../model.js";

/** The KPI scorecard: the standard KPIs, then those the roadmap's actions name. */
export function buildKpis(ctx: ReportContext, roadmap: RoadmapSection): ReportModel["kpis"] {
  const { t, method } = ctx;
  const kpiRows: KpiRow[] = (method?.kpis.standard ?? []).map((k) => ({
    kpi: ctx.methodText(k.name),
    measure: ctx.methodText(k.measure),
    frequency: ctx.methodText(k.frequency),
    phase: null,
    phaseName: null,
    owner: null,
    ownerName: null,
    source: "standard",
    sourceName: t.kpiSource.standard,
    actions: [],
  }));
  const planKpis = new Map<string, KpiRow>();
  for (const a of roadmap.actions) {
    for (const kpi of a.kpis) {
      const existing = planKpis.get(kpi);
      if (existing) {
        existing.actions.push(a.id);
        continue;
      }
      planKpis.set(kpi, {
        kpi,
        measure: t.planKpiMeasure(a.title),
        frequency: t.planKpiFrequency,
        phase: a.phase,
        phaseName: a.phaseName,
        owner: a.owner,
        ownerName: a.ownerName,
        source: "plan",
        sourceName: t.kpiSource.plan,
        actions: [a.id],
      });
    }
  }
  return {
    title: t.section.kpis,
    intro: method?.kpis.intro ? ctx.methodText(method.kpis.intro) : t.defaultKpiIntro,
    principles: (method?.kpis.principles ?? []).map((p) => ctx.methodText(p)),
    rows: [...kpiRows, ...planKpis.values()],
  };
}
