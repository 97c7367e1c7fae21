import { describe, expect, it } from "vitest";
import { type ConditionContext, evaluateCondition } from "../../../src/core/analysis/conditions.js";
import type { Condition } from "../../../src/core/questionnaire/schema.js";

// lead 2.1 (coverage 0.9, perception gap 13/3 − 10/3, i.e. 1 with floating-point noise);
// data inconclusive (coverage 0, no perception gap); question a = 2, b unanswered;
// overall 2.1, coverage 0.55; risk r1 triggered, r2 not, r3 unknown.
const ctx: ConditionContext = {
  dimensions: new Map([
    ["lead", { score: 2.1, coverage: 0.9, perceptionGap: 13 / 3 - 10 / 3 }],
    ["data", { score: null, coverage: 0, perceptionGap: null }],
  ]),
  questions: new Map([
    ["a", 2],
    ["b", null],
  ]),
  overall: { score: 2.1, coverage: 0.55 },
  risk: (id) => (id === "r1" ? true : id === "r2" ? false : null),
};

const leaves: [string, Condition, boolean][] = [
  ["dimension below (true)", { dimension: "lead", below: 2.5 }, true],
  ["dimension below (false at the bound)", { dimension: "lead", below: 2.1 }, false],
  ["dimension atLeast (true at the bound)", { dimension: "lead", atLeast: 2.1 }, true],
  ["dimension both bounds", { dimension: "lead", atLeast: 2, below: 3 }, true],
  ["dimension inconclusive is false", { dimension: "data", below: 5 }, false],
  ["dimension inconclusive atLeast is false", { dimension: "data", atLeast: 1 }, false],
  ["unknown dimension is false", { dimension: "nope", below: 5 }, false],
  ["question atMost (true at the bound)", { question: "a", atMost: 2 }, true],
  ["question atLeast (false)", { question: "a", atLeast: 3 }, false],
  ["question unanswered is false", { question: "b", atMost: 5 }, false],
  ["overall below", { overall: { below: 2.5 } }, true],
  ["overall atLeast", { overall: { atLeast: 2.5 } }, false],
  [
    "perception gap at least 1 despite float noise",
    { perceptionGap: { dimension: "lead", atLeast: 1 } },
    true,
  ],
  ["perception gap unknown is false", { perceptionGap: { dimension: "data", atLeast: 0 } }, false],
  ["overall coverage below", { coverage: { below: 0.6 } }, true],
  ["dimension coverage below (false)", { coverage: { below: 0.6, dimension: "lead" } }, false],
  ["dimension coverage 0 below", { coverage: { below: 0.6, dimension: "data" } }, true],
  ["risk triggered", { risk: "r1" }, true],
  ["risk not triggered", { risk: "r2" }, false],
  ["risk unknown", { risk: "r3" }, false],
  ["all true", { all: [{ risk: "r1" }, { question: "a", atMost: 2 }] }, true],
  ["all with one false", { all: [{ risk: "r1" }, { risk: "r2" }] }, false],
  ["any with one true", { any: [{ risk: "r2" }, { risk: "r1" }] }, true],
  ["any all false", { any: [{ risk: "r2" }, { question: "b", atMost: 5 }] }, false],
  ["not of false", { not: { risk: "r2" } }, true],
  ["not of inconclusive leaf is true", { not: { dimension: "data", atLeast: 3 } }, true],
  ["nested", { all: [{ not: { any: [{ risk: "r2" }] } }, { overall: { below: 3 } }] }, true],
];

describe("evaluateCondition", () => {
  it.each(leaves)("%s", (_name, condition, holds) => {
    expect(evaluateCondition(condition, ctx).holds).toBe(holds);
  });

  it("explains an `all` that holds with every leaf", () => {
    const result = evaluateCondition(
      {
        all: [
          { dimension: "lead", below: 2.5 },
          { perceptionGap: { dimension: "lead", atLeast: 1 } },
        ],
      },
      ctx,
    );
    expect(result.because.map((f) => f.text)).toEqual([
      "dimension lead score 2.1 is below 2.5",
      "perception gap (executive − frontline) on lead 1 is at least 1",
    ]);
  });

  it("explains an `any` that holds with the true leaves only", () => {
    const result = evaluateCondition(
      { any: [{ risk: "r2" }, { coverage: { below: 0.6 } }, { question: "b", atMost: 2 }] },
      ctx,
    );
    expect(result.because).toEqual([
      {
        condition: { coverage: { below: 0.6 } },
        holds: true,
        value: 0.55,
        text: "overall coverage 0.55 is below 0.6",
      },
    ]);
  });

  it("explains a `not` with the leaves that made its operand false", () => {
    const result = evaluateCondition(
      { not: { all: [{ risk: "r1" }, { question: "b", atMost: 2 }] } },
      ctx,
    );
    expect(result.holds).toBe(true);
    expect(result.because).toEqual([
      {
        condition: { question: "b", atMost: 2 },
        holds: false,
        value: null,
        text: "question b score is unanswered",
      },
    ]);
  });

  it("explains a failing leaf", () => {
    expect(evaluateCondition({ question: "a", atLeast: 3 }, ctx).because[0]?.text).toBe(
      "question a score 2 is not at least 3",
    );
  });
});
