import { describe, expect, it } from "vitest";
import { resultsContext, selectJudgement } from "../../../src/core/analysis/judgement.js";
import type { Results } from "../../../src/core/models/results.js";
import type { Methodology } from "../../../src/core/questionnaire/schema.js";
import { ACME, ACME_ANSWERS, acmeReport, loadInputs } from "../../helpers/report.js";

const text = (en: string) => ({ en });

function acme(): Results {
  return loadInputs(ACME, ACME_ANSWERS).results;
}

describe("selectJudgement", () => {
  it("keeps sentences whose verdict and condition hold, and drops emptied paragraphs", () => {
    const results = acme();
    const verdict = results.readiness.verdict;
    const other = verdict === "ready" ? "not-ready" : "ready";
    const leadership = results.dimensions.find((d) => d.id === "leadership")?.score ?? null;
    expect(leadership).not.toBeNull();
    const judgement: Methodology["judgement"] = [
      {
        sentences: [
          { text: text("always") },
          { text: text("this verdict"), verdict: [verdict] },
          { text: text("other verdict"), verdict: [other] },
          {
            text: text("below"),
            when: { dimension: "leadership", below: (leadership ?? 0) + 0.01 },
          },
          {
            text: text("at least"),
            when: { dimension: "leadership", atLeast: (leadership ?? 0) + 0.01 },
          },
        ],
      },
      { sentences: [{ text: text("never"), verdict: [other] }] },
    ];
    expect(selectJudgement(judgement, results)).toEqual([
      [text("always"), text("this verdict"), text("below")],
    ]);
  });

  it("sees triggered risks, question scores and perception gaps as scoring left them", () => {
    const results = acme();
    const ctx = resultsContext(results);
    const risk = results.risks[0];
    expect(risk).toBeDefined();
    expect(ctx.risk(risk?.id ?? "")).toBe(true);
    expect(ctx.risk("no-such-risk")).toBe(false);
    const dim = results.dimensions.find((d) => d.perceptionGap !== null);
    expect(ctx.dimensions.get(dim?.id ?? "")?.perceptionGap).toBe(dim?.perceptionGap?.gap);
    const q = results.dimensions[0]?.questions[0];
    expect(ctx.questions.get(q?.id ?? "")).toBe(q?.score);
  });

  it("reproduces the standard pack's judgement for the example client", () => {
    const r = acmeReport();
    const lead = acme().dimensions.find((d) => d.id === "leadership");
    expect(r.summary.judgement).toHaveLength(3);
    // Below 3, so the sentence for an executive team that supports rather than leads applies.
    expect(lead?.score).toBeLessThan(3);
    expect(r.summary.judgement[0]).toContain(
      `Leadership involvement currently scores ${lead?.score?.toFixed(2)}, which suggests that the executive team supports`,
    );
  });
});
