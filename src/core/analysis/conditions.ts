import { atLeast, atMost, lessThan, round2 } from "../math/numbers.js";
import type { Condition } from "../questionnaire/schema.js";
import type { ScoreView } from "../scoring/view.js";

export type { DimensionView, ScoreView } from "../scoring/view.js";

/** A score view plus the outcome of other risks, for `{ risk: id }` leaves. */
export interface ConditionContext extends ScoreView {
  /** Whether the named risk is triggered; null when it is unknown or caught in a cycle. */
  risk(id: string): boolean | null;
}

/** A condition without `all`, `any` or `not`. */
export type LeafCondition = Exclude<
  Condition,
  { all: Condition[] } | { any: Condition[] } | { not: Condition }
>;

/** One leaf that decided a condition's outcome. */
export interface LeafFinding {
  condition: LeafCondition;
  holds: boolean;
  /** The value the leaf looked at; null when inconclusive or unanswered. */
  value: number | boolean | null;
  /** A short English explanation, e.g. `dimension leadership score 2.1 is below 2.5`. */
  text: string;
}

/** A condition's outcome and the leaves that justify it (the true ones when it holds). */
export interface ConditionResult {
  holds: boolean;
  because: LeafFinding[];
}

type Bound = { op: "below" | "atLeast" | "atMost"; threshold: number };

const OP_TEXT: Record<Bound["op"], string> = {
  below: "below",
  atLeast: "at least",
  atMost: "at most",
};

function satisfies(value: number, bound: Bound): boolean {
  if (bound.op === "below") return lessThan(value, bound.threshold);
  if (bound.op === "atLeast") return atLeast(value, bound.threshold);
  return atMost(value, bound.threshold);
}

function bounds(spec: { below?: number; atLeast?: number; atMost?: number }): Bound[] {
  const out: Bound[] = [];
  if (spec.atLeast !== undefined) out.push({ op: "atLeast", threshold: spec.atLeast });
  if (spec.below !== undefined) out.push({ op: "below", threshold: spec.below });
  if (spec.atMost !== undefined) out.push({ op: "atMost", threshold: spec.atMost });
  return out;
}

/** A numeric leaf: false while the value is null; with no bound it holds whenever it is known. */
function compare(
  condition: LeafCondition,
  label: string,
  value: number | null,
  list: Bound[],
  missing: string,
): LeafFinding {
  if (value === null) return { condition, holds: false, value: null, text: `${label} ${missing}` };
  const parts = list.map((b) => {
    const ok = satisfies(value, b);
    return { ok, text: `is ${ok ? "" : "not "}${OP_TEXT[b.op]} ${b.threshold}` };
  });
  const holds = parts.every((p) => p.ok);
  const detail = parts.length > 0 ? ` ${parts.map((p) => p.text).join(" and ")}` : " is known";
  return { condition, holds, value, text: `${label} ${round2(value)}${detail}` };
}

function evaluateLeaf(cond: LeafCondition, ctx: ConditionContext): LeafFinding {
  if ("dimension" in cond) {
    const score = ctx.dimensions.get(cond.dimension)?.score ?? null;
    return compare(
      cond,
      `dimension ${cond.dimension} score`,
      score,
      bounds(cond),
      "is inconclusive",
    );
  }
  if ("question" in cond) {
    const score = ctx.questions.get(cond.question) ?? null;
    return compare(cond, `question ${cond.question} score`, score, bounds(cond), "is unanswered");
  }
  if ("overall" in cond) {
    return compare(
      cond,
      "overall score",
      ctx.overall.score,
      bounds(cond.overall),
      "is inconclusive",
    );
  }
  if ("perceptionGap" in cond) {
    const { dimension, atLeast: min } = cond.perceptionGap;
    const gap = ctx.dimensions.get(dimension)?.perceptionGap ?? null;
    return compare(
      cond,
      `perception gap (executive − frontline) on ${dimension}`,
      gap,
      [{ op: "atLeast", threshold: min }],
      "is unknown (needs executive and frontline answers)",
    );
  }
  if ("coverage" in cond) {
    const { dimension, below } = cond.coverage;
    const coverage =
      dimension === undefined
        ? ctx.overall.coverage
        : (ctx.dimensions.get(dimension)?.coverage ?? null);
    const label = dimension === undefined ? "overall coverage" : `coverage of ${dimension}`;
    return compare(cond, label, coverage, [{ op: "below", threshold: below }], "is unknown");
  }
  const triggered = ctx.risk(cond.risk);
  if (triggered === null) {
    return {
      condition: cond,
      holds: false,
      value: null,
      text: `risk ${cond.risk} is unknown or part of a cycle`,
    };
  }
  return {
    condition: cond,
    holds: triggered,
    value: triggered,
    text: `risk ${cond.risk} is ${triggered ? "" : "not "}triggered`,
  };
}

/**
 * Evaluates a risk or readiness condition. A leaf over an inconclusive dimension, an unanswered
 * question or an unknown perception gap is false (so `not` of it is true).
 */
export function evaluateCondition(cond: Condition, ctx: ConditionContext): ConditionResult {
  if ("all" in cond) {
    const results = cond.all.map((c) => evaluateCondition(c, ctx));
    const holds = results.every((r) => r.holds);
    const deciding = holds ? results : results.filter((r) => !r.holds);
    return { holds, because: deciding.flatMap((r) => r.because) };
  }
  if ("any" in cond) {
    const results = cond.any.map((c) => evaluateCondition(c, ctx));
    const holds = results.some((r) => r.holds);
    const deciding = holds ? results.filter((r) => r.holds) : results;
    return { holds, because: deciding.flatMap((r) => r.because) };
  }
  if ("not" in cond) {
    const inner = evaluateCondition(cond.not, ctx);
    return { holds: !inner.holds, because: inner.because };
  }
  const finding = evaluateLeaf(cond, ctx);
  return { holds: finding.holds, because: [finding] };
}
