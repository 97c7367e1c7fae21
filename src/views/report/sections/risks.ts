import { localize } from "../../../i18n/format.js";
import { messagesFor } from "../../../i18n/index.js";
import { type LeafFinding, leafText } from "../../condition-leaf.js";
import { pickOrNull, type ReportContext } from "../context.js";
import type { ReportModel, RiskItem, SeverityId } from "../model.js";

interface Finding extends LeafFinding {
  text: string;
}

function findingText(ctx: ReportContext, finding: Finding): string {
  const leaf = leafText(finding, {
    dimension: (id) => ctx.dimTitle.get(id) ?? id,
    question: ctx.questionText,
    risk: ctx.riskTitle,
  });
  // A composite (hand-edited results file) keeps its own text.
  return leaf === null ? finding.text : messagesFor(ctx.lang).common.leaf(leaf);
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
    because: r.because.map((f) => findingText(ctx, f)),
    mitigatedBy: ctx.plan.actions
      .filter((a) => a.recommendation.mitigates.includes(r.id))
      .map((a) => a.id),
  }));
  return {
    title: t.section.risks,
    intro: t.risksIntro(counts),
    counts,
    items,
    others: { title: t.otherRisksTitle, intro: t.otherRisksIntro(0), items: [] },
  };
}
