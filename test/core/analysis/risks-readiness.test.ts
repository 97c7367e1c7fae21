import { describe, expect, it } from "vitest";
import type { ScoreView } from "../../../src/core/analysis/conditions.js";
import { evaluateReadiness } from "../../../src/core/analysis/readiness.js";
import { evaluateRisks } from "../../../src/core/analysis/risks.js";
import type { Condition, ReadinessRule } from "../../../src/core/questionnaire/schema.js";
import type { ResolvedRisk } from "../../../src/core/questionnaire/types.js";

const view: ScoreView = {
  dimensions: new Map([["lead", { score: 2, coverage: 1, perceptionGap: 1.5 }]]),
  questions: new Map([["a", 1]]),
  overall: { score: 2, coverage: 1 },
};
const text = { en: "t", "zh-CN": "t" };
const risk = (id: string, when: Condition, dimension?: string): ResolvedRisk => ({
  id,
  title: text,
  severity: "high",
  when,
  ...(dimension === undefined ? {} : { dimension }),
});

describe("evaluateRisks", () => {
  it("resolves references to risks declared later (dependency order)", () => {
    const { evaluations } = evaluateRisks(
      [
        risk("combined", { all: [{ risk: "base" }, { question: "a", atMost: 1 }] }),
        risk("base", { dimension: "lead", below: 3 }, "lead"),
        risk("negated", { not: { risk: "base" } }),
      ],
      view,
    );
    expect(evaluations.map((e) => [e.id, e.holds])).toEqual([
      ["combined", true],
      ["base", true],
      ["negated", false],
    ]);
    expect(evaluations[1]).toMatchObject({ dimension: "lead", mitigation: null, severity: "high" });
  });

  it("terminates on cycles and treats the back-reference as false", () => {
    const { evaluations } = evaluateRisks(
      [
        risk("a", { any: [{ risk: "b" }, { overall: { below: 1 } }] }),
        risk("b", { risk: "a" }),
        risk("self", { not: { risk: "self" } }),
        risk("dangling", { risk: "missing" }),
      ],
      view,
    );
    expect(evaluations.map((e) => e.holds)).toEqual([false, false, true, false]);
    expect(evaluations[1]?.because[0]?.text).toBe("risk a is unknown or part of a cycle");
  });
});

describe("evaluateReadiness", () => {
  const rule = (id: string, verdict: ReadinessRule["verdict"], when: Condition): ReadinessRule => ({
    id,
    verdict,
    title: text,
    when,
  });
  const { context } = evaluateRisks([risk("weak", { dimension: "lead", below: 2.5 })], view);

  it.each([
    [
      "ready when no rule holds",
      [rule("c", "conditional", { overall: { below: 1 } })],
      "ready",
      [],
    ],
    [
      "conditional when only conditional rules hold",
      [
        rule("n", "not-ready", { overall: { below: 1 } }),
        rule("c1", "conditional", { risk: "weak" }),
        rule("c2", "conditional", { perceptionGap: { dimension: "lead", atLeast: 1 } }),
      ],
      "conditional",
      ["c1", "c2"],
    ],
    [
      "not-ready beats conditional",
      [
        rule("c", "conditional", { risk: "weak" }),
        rule("n", "not-ready", { dimension: "lead", below: 2.5 }),
      ],
      "not-ready",
      ["n"],
    ],
    ["ready without rules", [], "ready", []],
  ] as const)("%s", (_name, rules, verdict, ids) => {
    const result = evaluateReadiness(rules, context);
    expect(result.verdict).toBe(verdict);
    expect(result.rules.map((r) => r.id)).toEqual(ids);
  });
});
