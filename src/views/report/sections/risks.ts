import type { Condition } from "../../../core/questionnaire/schema.js";
import { localize } from "../../../i18n/labels.js";
import type { LeafText } from "../../../i18n/report.js";
import { pickOrNull, type ReportContext } from "../context.js";
import type { ReportModel, RiskItem, SeverityId } from "../model.js";

interface Finding {
  condition: Condition;
  holds: boolean;
  value: number | boolean | null;
  text: string;
}

function leafText(ctx: ReportContext, finding: Finding): string {
  const { dimTitle } = ctx;
  const c = finding.condition;
  // Findings are leaves by contract; a composite (hand-edited results file) keeps its own text.
  if ("all" in c || "any" in c || "not" in c) return finding.text;
  const value = typeof finding.value === "number" ? finding.value : null;
  const base = { holds: finding.holds };
  let leaf: LeafText;
  if ("dimension" in c) {
    leaf = { ...base, kind: "dimension", name: dimTitle.get(c.dimension) ?? c.dimension, value };
    if (c.below !== undefined) leaf.below = c.below;
    if (c.atLeast !== undefined) leaf.atLeast = c.atLeast;
  } else if ("question" in c) {
    leaf = { ...base, kind: "question", name: ctx.questionText(c.question), value };
    if (c.atMost !== undefined) leaf.atMost = c.atMost;
    if (c.atLeast !== undefined) leaf.atLeast = c.atLeast;
  } else if ("overall" in c) {
    leaf = { ...base, kind: "overall", value };
    if (c.overall.below !== undefined) leaf.below = c.overall.below;
    if (c.overall.atLeast !== undefined) leaf.atLeast = c.overall.atLeast;
  } else if ("perceptionGap" in c) {
    leaf = {
      ...base,
      kind: "perceptionGap",
      name: dimTitle.get(c.perceptionGap.dimension) ?? c.perceptionGap.dimension,
      value,
      atLeast: c.perceptionGap.atLeast,
    };
  } else if ("coverage" in c) {
    const dim = c.coverage.dimension;
    leaf = {
      ...base,
      kind: "coverage",
      name: dim === undefined ? null : (dimTitle.get(dim) ?? dim),
      value,
      below: c.coverage.below,
    };
  } else {
    leaf = { ...base, kind: "risk", name: ctx.riskTitle(c.risk) };
  }
  return ctx.t.leaf(leaf);
}

/** The risk register, most severe first, with the findings behind each risk and its mitigations. */
export function buildRisks(ctx: ReportContext): ReportModel["risks"] {
  const { results, t, lang, dimTitle } = ctx;
  const counts: Record<SeverityId, number> = { high: 0, medium: 0, low: 0 };
  for (const r of results.risks) counts[r.severity]++;
  const items: RiskItem[] = ctx.sortedRisks.map((r) => ({
    id: r.id,
    title: localize(r.title, lang),
    description: pickOrNull(ctx.riskDefs.get(r.id)?.description, lang),
    severity: r.severity,
    severityName: t.severity[r.severity],
    dimension: r.dimension,
    dimensionTitle: r.dimension === null ? null : (dimTitle.get(r.dimension) ?? r.dimension),
    mitigation: pickOrNull(r.mitigation, lang),
    because: r.because.map((f) => leafText(ctx, f)),
    mitigatedBy: ctx.plan.actions
      .filter((a) => a.recommendation.mitigates.includes(r.id))
      .map((a) => a.id),
  }));
  return {
    title: t.section.risks,
    intro: t.risksIntro(counts),
    counts,
    items,
  };
}
