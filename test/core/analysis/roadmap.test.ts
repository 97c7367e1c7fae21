import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  effortOf,
  PHASE_ORDER,
  type PlannedAction,
  planRoadmap,
  projectedScore,
  projectionAt,
  type Roadmap,
  type RoadmapStrategy,
} from "../../../src/core/analysis/roadmap.js";
import type { Phase, Pillar } from "../../../src/core/questionnaire/schema.js";
import type { ResolvedRecommendation } from "../../../src/core/questionnaire/types.js";
import { type DimSpec, questionnaireOf, rec, resultsOf, withHolds } from "./roadmap-helpers.js";

function plan(
  dims: DimSpec[],
  recs: ResolvedRecommendation[],
  opts: {
    risks?: string[];
    strategy?: RoadmapStrategy;
    holds?: Partial<Record<Phase, number | undefined>>;
  } = {},
): Roadmap {
  const q = questionnaireOf(dims, recs);
  return planRoadmap(resultsOf(dims, opts.risks), opts.holds ? withHolds(q, opts.holds) : q, {
    strategy: opts.strategy,
  });
}

const ids = (r: Roadmap) => r.actions.map((a) => a.id);
const byId = (r: Roadmap, id: string): PlannedAction => {
  const found = r.actions.find((a) => a.id === id);
  if (!found) throw new Error(`${id} not planned`);
  return found;
};
/** Most actions running in any one week. */
const maxParallel = (r: Roadmap) => {
  let max = 0;
  for (let w = 0; w < r.totalWeeks; w++) {
    max = Math.max(max, r.actions.filter((a) => a.startWeek <= w && w < a.endWeek).length);
  }
  return max;
};

const LOW: DimSpec = { id: "strategy", pillar: "strategy", score: 1.5, target: 4 };

describe("selection", () => {
  it("applies a recommendation when the level is below appliesBelow and there is a gap", () => {
    const dims: DimSpec[] = [
      { id: "strategy", pillar: "strategy", score: 2.4, target: 4 },
      // level 3 is not below appliesBelow 3
      { id: "process", pillar: "process", score: 3.2, target: 4 },
      // level 2 is below 3, but the target is met: no gap
      { id: "people", pillar: "people", score: 2.5, target: 2 },
      // inconclusive: no level, no gap
      { id: "technology", pillar: "technology", score: null, target: 4 },
    ];
    const r = plan(dims, [
      rec("s1", "strategy", "rigidify", { appliesBelow: 3 }),
      rec("p1", "process", "rigidify", { appliesBelow: 3 }),
      rec("h1", "people", "rigidify", { appliesBelow: 3 }),
      rec("t1", "technology", "rigidify", { appliesBelow: 5 }),
    ]);
    expect(ids(r)).toEqual(["s1"]);
    expect(byId(r, "s1").reasons).toEqual([
      { kind: "gap", dimension: "strategy", level: 2, appliesBelow: 3, gap: 1.6 },
    ]);
  });

  it("includes a recommendation that mitigates a triggered risk, even without a gap", () => {
    const dims: DimSpec[] = [{ id: "culture", pillar: "people", score: 3.5, target: 3 }];
    const r = plan(
      dims,
      [
        rec("c1", "culture", "rigidify", { appliesBelow: 3, mitigates: ["hoarding"] }),
        rec("c2", "culture", "rigidify", { appliesBelow: 3, mitigates: ["not-triggered"] }),
      ],
      { risks: ["hoarding"] },
    );
    expect(ids(r)).toEqual(["c1"]);
    expect(byId(r, "c1").reasons).toEqual([{ kind: "risk", risk: "hoarding" }]);
  });

  it("pulls in the dependencies of applied recommendations, transitively, and says why", () => {
    const dims: DimSpec[] = [
      { id: "strategy", pillar: "strategy", score: 4.2, target: 4 },
      { id: "data", pillar: "technology", score: 1.5, target: 3 },
    ];
    const r = plan(dims, [
      rec("vision", "strategy", "rigidify", { appliesBelow: 3 }),
      rec("lead", "strategy", "rigidify", { appliesBelow: 3, dependsOn: ["vision"] }),
      rec("data-strategy", "data", "rigidify", { appliesBelow: 3, dependsOn: ["lead"] }),
    ]);
    expect(ids(r)).toEqual(["vision", "lead", "data-strategy"]);
    expect(byId(r, "lead").reasons).toEqual([{ kind: "dependency", of: "data-strategy" }]);
    expect(byId(r, "vision").reasons).toEqual([{ kind: "dependency", of: "lead" }]);
  });

  it("plans nothing when every target is met and no risk is triggered", () => {
    const dims: DimSpec[] = [{ id: "strategy", pillar: "strategy", score: 4, target: 4 }];
    const r = plan(dims, [rec("s1", "strategy", "rigidify")]);
    expect(r.actions).toEqual([]);
    expect(r.totalWeeks).toBe(0);
    // The 12-month horizon's last week (52 weeks, counted from 1): the reassessment's.
    expect(r.reassessmentWeek).toBe(51);
  });
});

describe("ordering", () => {
  it("runs the phases in order rigidify → optimise → solidify, each after the previous ends", () => {
    const r = plan(
      [LOW],
      [
        rec("z-solid", "strategy", "solidify"),
        rec("y-opt", "strategy", "optimise"),
        rec("x-rigid", "strategy", "rigidify", { weeks: 6 }),
      ],
    );
    expect(ids(r)).toEqual(["x-rigid", "y-opt", "z-solid"]);
    expect(r.phases.map((p) => [p.phase, p.startWeek, p.endWeek])).toEqual([
      ["rigidify", 0, 6],
      ["optimise", 6, 10],
      ["solidify", 10, 14],
    ]);
    expect(r.reassessmentWeek).toBe(14);
  });

  it("puts dependencies first, even before higher-priority actions", () => {
    const dims: DimSpec[] = [
      { id: "strategy", pillar: "strategy", score: 3.5, target: 4, weight: 1 },
      { id: "data", pillar: "technology", score: 1, target: 4, weight: 2 },
    ];
    const r = plan(
      dims,
      [
        rec("data-clean", "data", "rigidify", { dependsOn: ["vision"] }),
        rec("vision", "strategy", "rigidify"),
      ],
      { strategy: "big-fast" },
    );
    expect(ids(r)).toEqual(["vision", "data-clean"]);
    expect(byId(r, "data-clean").startWeek).toBe(byId(r, "vision").endWeek);
  });

  it("orders by priority (gap × weight), then pillar, then id", () => {
    const dims: DimSpec[] = [
      { id: "tech", pillar: "process", score: 1, target: 4, weight: 1 }, // 3 × 1 = 3
      { id: "proc", pillar: "people", score: 2.5, target: 4, weight: 2 }, // 1.5 × 2 = 3
      { id: "ppl", pillar: "people", score: 2, target: 4, weight: 1 }, // 2 × 1 = 2
      { id: "strat", pillar: "strategy", score: 3, target: 4, weight: 2 }, // 1 × 2 = 2
      { id: "lead", pillar: "strategy", score: 2, target: 3, weight: 4 }, // 1 × 4 = 4
    ];
    const r = plan(
      dims,
      [
        rec("t", "tech", "rigidify"),
        rec("p", "proc", "rigidify"),
        rec("h", "ppl", "rigidify"),
        rec("s-b", "strat", "rigidify"),
        rec("s-a", "strat", "rigidify"),
        rec("l", "lead", "rigidify"),
      ],
      { strategy: "small-slow" },
    );
    // lead (4) first; proc and tech tie at 3: people before process; strategy and people
    // tie at 2: strategy first, its two actions by id.
    expect(r.phases[0]?.actions).toEqual(["l", "p", "t", "s-a", "s-b", "h"]);
    expect(r.actions.map((a) => a.priority)).toEqual([4, 3, 3, 2, 2, 2]);
  });

  it("moves an action to a later phase when it depends on an action of that phase", () => {
    const r = plan(
      [LOW],
      [
        rec("early", "strategy", "rigidify", { dependsOn: ["roadmap"] }),
        rec("roadmap", "strategy", "optimise"),
      ],
    );
    expect(byId(r, "early")).toMatchObject({ phase: "optimise", pushedBy: "roadmap" });
    expect(byId(r, "early").startWeek).toBeGreaterThanOrEqual(byId(r, "roadmap").endWeek);
    expect(r.phases[0]?.actions).toEqual([]);
  });

  it("never starts a technology action before the strategy and leadership actions it depends on", () => {
    const dims: DimSpec[] = [
      { id: "strategy", pillar: "strategy", score: 2, target: 3, weight: 0.5 },
      { id: "leadership", pillar: "strategy", score: 2, target: 3, weight: 0.5 },
      { id: "integration", pillar: "technology", score: 1, target: 5, weight: 3 },
    ];
    const recs = [
      rec("integ.assess", "integration", "rigidify", {
        weeks: 2,
        dependsOn: ["strat.vision", "lead.ceo"],
      }),
      rec("integ.network", "integration", "rigidify", { dependsOn: ["integ.assess"] }),
      rec("strat.vision", "strategy", "rigidify", { weeks: 6, dependsOn: ["lead.ceo"] }),
      rec("lead.ceo", "leadership", "rigidify", { weeks: 3 }),
    ];
    for (const strategy of ["small-slow", "big-fast"] as const) {
      const r = plan(dims, recs, { strategy });
      const start = byId(r, "integ.assess").startWeek;
      expect(start).toBeGreaterThanOrEqual(byId(r, "strat.vision").endWeek);
      expect(start).toBeGreaterThanOrEqual(byId(r, "lead.ceo").endWeek);
      expect(ids(r)).toEqual(["lead.ceo", "strat.vision", "integ.assess", "integ.network"]);
    }
  });

  it("does not depend on the order recommendations are declared in", () => {
    const dims: DimSpec[] = [
      { id: "a", pillar: "people", score: 2, target: 4 },
      { id: "b", pillar: "process", score: 1.5, target: 4 },
    ];
    const recs = [
      rec("a1", "a", "rigidify"),
      rec("a2", "a", "optimise", { dependsOn: ["a1"] }),
      rec("b1", "b", "rigidify"),
      rec("b2", "b", "solidify", { dependsOn: ["b1", "a2"] }),
      rec("b3", "b", "rigidify", { dependsOn: ["b1"] }),
    ];
    const forward = plan(dims, recs);
    const backward = plan(dims, [...recs].reverse());
    expect(backward).toEqual(forward);
  });
});

describe("scheduling", () => {
  const dims: DimSpec[] = [{ id: "people", pillar: "people", score: 1, target: 4 }];
  const independent = ["a", "b", "c", "d", "e"].map((id) => rec(id, "people", "rigidify"));

  it("runs at most two actions of one owner at a time, and different owners side by side", () => {
    const r = plan(dims, independent);
    expect(maxParallel(r)).toBe(2);
    expect(r.actions.map((a) => [a.id, a.startWeek, a.lane])).toEqual([
      ["a", 0, 0],
      ["b", 0, 1],
      ["c", 4, 0],
      ["d", 4, 1],
      ["e", 8, 0],
    ]);
    expect(r.totalWeeks).toBe(12);
    const shared = plan(dims, [
      ...independent.slice(0, 3),
      rec("x", "people", "rigidify", { owner: "it" }),
      rec("y", "people", "rigidify", { owner: "hr" }),
    ]);
    expect(byId(shared, "x").startWeek).toBe(0);
    expect(byId(shared, "y").startWeek).toBe(0);
    expect(maxParallel(shared)).toBe(4);
  });

  it("takes an owner's capacity from the questionnaire", () => {
    const q = questionnaireOf(dims, independent);
    q.roles = q.roles.map((role) => (role.id === "pmo" ? { ...role, capacity: 1 } : role));
    const r = planRoadmap(resultsOf(dims), q);
    expect(maxParallel(r)).toBe(1);
    expect(r.totalWeeks).toBe(20);
  });

  it("small-slow pilots a rollout in one unit before the staged rollout; big-fast goes live at once", () => {
    const recs = [
      rec("go-live", "people", "rigidify", { weeks: 6, rollout: true }),
      rec("after", "people", "rigidify", { weeks: 2, dependsOn: ["go-live"] }),
    ];
    const slow = plan(dims, recs, { strategy: "small-slow" });
    expect(slow.actions.map((a) => [a.id, a.stage, a.startWeek, a.endWeek])).toEqual([
      ["go-live", "pilot", 0, 3],
      ["go-live:rollout", "rollout", 3, 9],
      // Later work builds on the pilot; the staged rollout runs on beside it.
      ["after", null, 3, 5],
    ]);
    const fast = plan(dims, recs, { strategy: "big-fast" });
    expect(fast.actions.map((a) => [a.id, a.stage, a.startWeek, a.endWeek])).toEqual([
      ["go-live", null, 0, 6],
      ["after", null, 6, 8],
    ]);
  });

  it("defaults to small-slow", () => {
    expect(plan(dims, independent).strategy).toBe("small-slow");
  });
});

describe("ordering rules", () => {
  it("starts technology after the strategy actions of its phase and earlier ones, without a declared dependency", () => {
    const dims: DimSpec[] = [
      { id: "strategy", pillar: "strategy", score: 2, target: 4 },
      { id: "tech", pillar: "technology", score: 1, target: 5, weight: 5 },
    ];
    const r = plan(dims, [
      rec("vision", "strategy", "rigidify", { weeks: 5 }),
      rec("late-vision", "strategy", "optimise", { weeks: 3 }),
      rec("crm", "tech", "rigidify", { weeks: 2, owner: "it" }),
    ]);
    expect(byId(r, "crm").startWeek).toBe(5);
    expect(byId(r, "crm").after).toEqual(["vision"]);
  });

  it("never closes a cycle: a strategy action that needs a technology action goes after it", () => {
    const dims: DimSpec[] = [
      { id: "strategy", pillar: "strategy", score: 2, target: 4 },
      { id: "tech", pillar: "technology", score: 1, target: 5 },
    ];
    const r = plan(dims, [
      rec("audit", "tech", "rigidify", { weeks: 2, owner: "it" }),
      rec("vision", "strategy", "rigidify", { weeks: 3, dependsOn: ["audit"] }),
    ]);
    expect(ids(r)).toEqual(["audit", "vision"]);
    expect(byId(r, "vision").startWeek).toBe(2);
  });

  it("trains people before each rollout of the same or a later phase", () => {
    const dims: DimSpec[] = [{ id: "people", pillar: "people", score: 1, target: 4 }];
    const r = plan(
      dims,
      [
        rec("go-live", "people", "optimise", { weeks: 4, rollout: true, owner: "it" }),
        rec("train", "people", "optimise", { weeks: 3, training: true, owner: "hr" }),
        rec("train-later", "people", "solidify", { weeks: 3, training: true, owner: "hr" }),
      ],
      { strategy: "big-fast" },
    );
    expect(byId(r, "go-live").startWeek).toBe(byId(r, "train").endWeek);
    expect(byId(r, "go-live").after).toEqual(["train"]);
  });

  it("starts in the first phase what a holding readiness rule asks for there, with what it needs", () => {
    const dims: DimSpec[] = [{ id: "data", pillar: "technology", score: 3.5, target: 3 }];
    const recs = [
      rec("data-owner", "data", "optimise", { appliesBelow: 3 }),
      rec("data-strategy", "data", "optimise", { appliesBelow: 3, dependsOn: ["data-owner"] }),
    ];
    const q = questionnaireOf(dims, recs);
    q.readiness = [
      {
        id: "dirty-data",
        verdict: "conditional",
        title: { en: "Dirty data" },
        when: { dimension: "data", below: 5 },
        firstPhase: ["data-strategy"],
      },
    ];
    const results = resultsOf(dims);
    expect(planRoadmap(results, q).actions).toEqual([]);
    results.readiness = {
      verdict: "conditional",
      rules: [
        {
          id: "dirty-data",
          verdict: "conditional",
          title: { en: "Dirty data" },
          rationale: null,
          because: [],
        },
      ],
    };
    const r = planRoadmap(results, q);
    expect(r.actions.map((a) => [a.id, a.phase])).toEqual([
      ["data-owner", "rigidify"],
      ["data-strategy", "rigidify"],
    ]);
    expect(byId(r, "data-strategy").reasons).toEqual([{ kind: "readiness", rule: "dirty-data" }]);
  });

  it("follows the client's CRM situation: a live system gets recovery, not a greenfield plan", () => {
    const dims: DimSpec[] = [{ id: "tech", pillar: "technology", score: 1, target: 4 }];
    const recs = [
      rec("select", "tech", "rigidify", { situations: ["none", "selecting"] }),
      rec("recover", "tech", "rigidify", { situations: ["live"] }),
      rec("always", "tech", "rigidify"),
    ];
    expect(ids(plan(dims, recs))).toEqual(["always", "select"]);
    const results = resultsOf(dims);
    results.assessment.client.crmSituation = "live";
    const live = planRoadmap(results, questionnaireOf(dims, recs));
    expect(live.situation).toBe("live");
    expect(ids(live)).toEqual(["always", "recover"]);
  });
});

describe("fitting the horizon", () => {
  const dims: DimSpec[] = [{ id: "people", pillar: "people", score: 1, target: 4 }];

  it("moves what would end after the horizon, and what waits for it, to the backlog", () => {
    const r = plan(dims, [
      rec("first", "people", "rigidify", { weeks: 30 }),
      rec("long", "people", "optimise", { weeks: 30 }),
      rec("next", "people", "solidify", { weeks: 2, dependsOn: ["long"] }),
    ]);
    expect(r.horizonWeeks).toBe(52);
    expect(ids(r)).toEqual(["first"]);
    expect(r.totalWeeks).toBe(30);
    expect(r.backlog.map((b) => [b.id, b.because])).toEqual([
      ["long", { kind: "horizon", endWeek: 60 }],
      ["next", { kind: "waits-for", id: "long" }],
    ]);
  });

  it("keeps the horizon's last week for the reassessment, so a plan that fills it never reassesses after it", () => {
    // 30 + 21 weeks end with week 51 (counted from 1): the reassessment takes week 52, the last.
    const fits = plan(dims, [
      rec("first", "people", "rigidify", { weeks: 30 }),
      rec("second", "people", "optimise", { weeks: 21 }),
    ]);
    expect(ids(fits)).toEqual(["first", "second"]);
    expect(fits.reassessmentWeek).toBe(51);
    expect(fits.projections.find((p) => p.at === "reassessment")?.week).toBe(51);
    // 30 + 22 weeks would fill the horizon to its end and push the reassessment to week 53: the
    // action that takes the last week goes to the next cycle, with what waits for it.
    const full = plan(dims, [
      rec("first", "people", "rigidify", { weeks: 30 }),
      rec("second", "people", "optimise", { weeks: 22 }),
      rec("third", "people", "solidify", { weeks: 1, dependsOn: ["second"] }),
    ]);
    expect(ids(full)).toEqual(["first"]);
    expect(full.backlog.map((b) => [b.id, b.because])).toEqual([
      ["second", { kind: "horizon", endWeek: 52 }],
      ["third", { kind: "waits-for", id: "second" }],
    ]);
    expect(full.reassessmentWeek).toBe(30);
    expect(full.reassessmentWeek).toBeLessThan(full.horizonWeeks);
  });

  it("marks the first 90 days, and gates technology behind the first phase", () => {
    const two: DimSpec[] = [
      { id: "people", pillar: "people", score: 1, target: 4 },
      { id: "tech", pillar: "technology", score: 1, target: 4 },
    ];
    const r = plan(two, [
      rec("quick", "people", "rigidify", { weeks: 2 }),
      rec("slow", "people", "rigidify", { weeks: 14 }),
      rec("config", "tech", "optimise", { weeks: 4, owner: "it" }),
    ]);
    expect(r.firstNinetyDays).toEqual(["quick", "slow"]);
    expect(r.gateWeek).toBe(14);
    expect(plan(dims, [rec("quick", "people", "rigidify")]).gateWeek).toBeNull();
  });

  it("projects each dimension at the pace of the questionnaire from its first action, up to its target", () => {
    const two: DimSpec[] = [
      { id: "people", pillar: "people", score: 2, target: 4 },
      { id: "idle", pillar: "process", score: 2.5, target: 4 },
    ];
    const r = plan(two, [rec("train", "people", "rigidify", { weeks: 26 })]);
    // No score for the end of the horizon, which nobody measures: the reassessment's is the last.
    expect(r.projections.map((p) => p.at)).toEqual(["rigidify", "reassessment"]);
    // 26 weeks are 6 months: 2 + 6 / 9 = 2.67.
    expect(r.projections[0]).toEqual({
      week: 26,
      at: "rigidify",
      scores: { people: 2.67, idle: 2.5 },
    });
    // The reassessment closes the plan when its last action ends: the same week here.
    expect(r.reassessmentWeek).toBe(26);
    expect(projectionAt(r, "reassessment")).toEqual({ people: 2.67, idle: 2.5 });
    expect(projectionAt(r, "solidify")).toEqual({});
  });

  it("dates each dimension's climb from its first action to the week it reaches its target", () => {
    const three: DimSpec[] = [
      { id: "people", pillar: "people", score: 2, target: 3 },
      { id: "process", pillar: "process", score: 2.46, target: 4 },
      { id: "done", pillar: "strategy", score: 3.5, target: 3 },
      { id: "idle", pillar: "technology", score: 2, target: 4 },
      { id: "unknown", pillar: "technology", score: null, target: 4 },
    ];
    const r = plan(three, [
      rec("train", "people", "rigidify", { weeks: 6 }),
      rec("map", "process", "optimise", { weeks: 4 }),
    ]);
    // One level at 9 months a level is 39 weeks; 1.54 levels 60.06, so 61.
    expect(r.outlook).toEqual([
      { dimension: "people", startWeek: 0, targetWeek: 39 },
      { dimension: "process", startWeek: 6, targetWeek: 67 },
      { dimension: "done", startWeek: null, targetWeek: 0 },
      { dimension: "idle", startWeek: null, targetWeek: null },
      { dimension: "unknown", startWeek: null, targetWeek: null },
    ]);
    const process = resultsOf(three).dimensions[1];
    const o = r.outlook[1];
    if (!process || !o) throw new Error("missing");
    // Short of the target until the week it is reached, even where rounding would reach it
    // (2.46 + 60 / 39 = 3.9985).
    expect(projectedScore(process, o, 66, 9)).toBe(3.99);
    expect(projectedScore(process, o, 67, 9)).toBe(4);
    expect(projectedScore(process, o, 6, 9)).toBe(2.46);
    expect(projectionAt(r, "reassessment")).toMatchObject({ idle: 2, done: 3.5, unknown: null });
  });
});

describe("holding a phase after its last rollout (holdWeeks)", () => {
  const dims: DimSpec[] = [{ id: "people", pillar: "people", score: 1, target: 4 }];
  const recs = [
    rec("train", "people", "rigidify", { weeks: 4, training: true }),
    rec("go-live", "people", "rigidify", { weeks: 6, rollout: true }),
    rec("tune", "people", "optimise", { weeks: 4 }),
  ];
  const spans = (r: Roadmap) => r.phases.map((p) => [p.phase, p.startWeek, p.endWeek]);

  it("closes the phase holdWeeks after its last rollout, and starts the next phase after it", () => {
    const r = plan(dims, recs, { strategy: "big-fast", holds: { rigidify: 4 } });
    // The rollout waits for the training and ends in week 10; the phase holds until week 14.
    expect(byId(r, "go-live")).toMatchObject({ startWeek: 4, endWeek: 10 });
    expect(spans(r)).toEqual([
      ["rigidify", 0, 14],
      ["optimise", 14, 18],
      ["solidify", 18, 18],
    ]);
    expect(r.phases[0]?.hold).toEqual({ weeks: 4, from: 10 });
    expect(byId(r, "tune")).toMatchObject({ startWeek: 14, endWeek: 18 });
    // The gate follows the phase, hold included; the reassessment follows the last phase.
    expect(r.reassessmentWeek).toBe(18);
    expect(r.projections[0]).toMatchObject({ week: 14, at: "rigidify" });
  });

  it("counts the hold from the staged rollout after a pilot, and ends a last phase with it", () => {
    const r = plan(dims, recs.slice(0, 2), { holds: { rigidify: 4 } });
    // Training 0–4, pilot 4–7, staged rollout 7–13, hold to 17.
    expect(byId(r, "go-live:rollout")).toMatchObject({ startWeek: 7, endWeek: 13 });
    expect(r.phases[0]).toMatchObject({ endWeek: 17, hold: { weeks: 4, from: 13 } });
    expect(r.totalWeeks).toBe(13);
    expect(r.reassessmentWeek).toBe(17);
  });

  it("holds nothing in a phase without a rollout, nor with holdWeeks 0", () => {
    const noRollout = plan(dims, [rec("train", "people", "rigidify", { weeks: 4 })], {
      holds: { rigidify: 4 },
    });
    expect(noRollout.phases[0]).toMatchObject({ endWeek: 4, hold: null });
    const zero = plan(dims, recs, { strategy: "big-fast", holds: { rigidify: 0 } });
    expect(spans(zero)).toEqual(spans(plan(dims, recs, { strategy: "big-fast" })));
    expect(zero.phases[0]?.hold).toBeNull();
  });

  it("leaves a pack without holdWeeks as it was", () => {
    const without = plan(dims, recs, { strategy: "big-fast", holds: {} });
    const bare = plan(dims, recs, { strategy: "big-fast" });
    expect(without).toEqual(bare);
    expect(spans(bare)).toEqual([
      ["rigidify", 0, 10],
      ["optimise", 10, 14],
      ["solidify", 14, 14],
    ]);
    expect(bare.phases.every((p) => p.hold === null)).toBe(true);
  });

  it("sends a rollout whose hold would take the reassessment's week to the next cycle", () => {
    const r = plan(
      dims,
      [
        rec("first", "people", "rigidify", { weeks: 40 }),
        rec("go-live", "people", "rigidify", { weeks: 8, rollout: true, dependsOn: ["first"] }),
      ],
      { strategy: "big-fast", holds: { rigidify: 4 } },
    );
    // 40 + 8 = 48, plus the four-week hold: week 52, which the reassessment needs.
    expect(ids(r)).toEqual(["first"]);
    expect(r.backlog.map((b) => [b.id, b.because])).toEqual([
      ["go-live", { kind: "horizon", endWeek: 48, holdWeeks: 4 }],
    ]);
    expect(r.phases[0]).toMatchObject({ endWeek: 40, hold: null });
    expect(r.reassessmentWeek).toBe(40);
  });
});

describe("invariants (property)", () => {
  const PILLARS: Pillar[] = ["strategy", "people", "process", "technology"];
  const arbitraryCase = fc
    .record({
      dims: fc.array(
        fc.record({
          pillar: fc.constantFrom(...PILLARS),
          score: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
          target: fc.integer({ min: 1, max: 5 }),
          weight: fc.constantFrom(0.5, 1, 1.5, 2),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      recs: fc.array(
        fc.record({
          dim: fc.nat(),
          phase: fc.constantFrom<Phase>(...PHASE_ORDER),
          weeks: fc.integer({ min: 1, max: 12 }),
          appliesBelow: fc.integer({ min: 1, max: 5 }),
          deps: fc.array(fc.nat(), { maxLength: 3 }),
          risky: fc.boolean(),
          rollout: fc.boolean(),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      strategy: fc.constantFrom<RoadmapStrategy>("small-slow", "big-fast"),
      // A pack without a method, or one whose phases may hold the practice after a rollout.
      holds: fc.option(
        fc.record({
          rigidify: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
          optimise: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
          solidify: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    })
    .map(({ dims, recs, strategy, holds }) => {
      const dimSpecs: DimSpec[] = dims.map((d, i) => ({ id: `d${i}`, ...d }));
      // Dependencies only point to earlier recommendations, so there is never a cycle.
      const recommendations = recs.map((r, i) =>
        rec(`r${i}`, `d${r.dim % dims.length}`, r.phase, {
          weeks: r.weeks,
          appliesBelow: r.appliesBelow,
          dependsOn: i === 0 ? [] : [...new Set(r.deps.map((d) => `r${d % i}`))],
          mitigates: r.risky ? ["risk"] : [],
          rollout: r.rollout,
        }),
      );
      return { dimSpecs, recommendations, strategy, holds };
    });

  it("honours dependencies, phase order and the parallel limit", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ dimSpecs, recommendations, strategy, holds }) => {
        const r = plan(dimSpecs, recommendations, {
          risks: ["risk"],
          strategy,
          ...(holds ? { holds } : {}),
        });
        const planned = new Set(ids(r));
        for (const a of r.actions) {
          for (const dep of a.after) {
            expect(planned.has(dep)).toBe(true);
            expect(a.startWeek).toBeGreaterThanOrEqual(byId(r, dep).endWeek);
          }
          // A staged rollout waits for its pilot, which waited for the dependencies.
          if (a.stage !== "rollout")
            for (const dep of a.recommendation.dependsOn) expect(a.after).toContain(dep);
          expect(a.endWeek).toBeLessThanOrEqual(r.horizonWeeks);
          const phase = r.phases.find((p) => p.phase === a.phase);
          expect(a.startWeek).toBeGreaterThanOrEqual(phase?.startWeek ?? 0);
          expect(a.endWeek).toBeLessThanOrEqual(phase?.endWeek ?? 0);
          expect(PHASE_ORDER.indexOf(a.phase)).toBeGreaterThanOrEqual(
            PHASE_ORDER.indexOf(a.recommendation.phase),
          );
        }
        for (let i = 1; i < r.phases.length; i++) {
          expect(r.phases[i]?.startWeek).toBe(r.phases[i - 1]?.endWeek);
        }
        // One owner (pmo) runs every action: never more than its capacity at once.
        expect(maxParallel(r)).toBeLessThanOrEqual(2);
        const everything = new Set([...ids(r), ...r.backlog.map((b) => b.id)]);
        expect(everything.size).toBe(r.actions.length + r.backlog.length);
        // A projection reaches a dimension's target in its target week, never before.
        const results = resultsOf(dimSpecs, ["risk"]);
        results.dimensions.forEach((d, i) => {
          const o = r.outlook[i];
          if (!o || o.targetWeek === null || o.targetWeek === 0) return;
          expect(projectedScore(d, o, o.targetWeek, 9)).toBe(d.target);
          expect(projectedScore(d, o, o.targetWeek - 1, 9)).toBeLessThan(d.target);
        });
        // The reassessment follows every action and every hold, and keeps the horizon's last
        // week: never after it.
        expect(r.reassessmentWeek).toBeLessThanOrEqual(r.horizonWeeks - 1);
        const holdOf = (phase: Phase) => holds?.[phase] ?? 0;
        for (const a of r.actions) {
          const closes = a.endWeek + (a.recommendation.rollout ? holdOf(a.phase) : 0);
          expect(closes).toBeLessThanOrEqual(r.reassessmentWeek);
          expect(closes).toBeLessThanOrEqual(
            r.phases.find((p) => p.phase === a.phase)?.endWeek ?? 0,
          );
        }
        for (const p of r.phases) {
          const rollouts = r.actions.filter((a) => a.phase === p.phase && a.recommendation.rollout);
          expect(p.hold).toEqual(
            holdOf(p.phase) > 0 && rollouts.length > 0
              ? { weeks: holdOf(p.phase), from: Math.max(...rollouts.map((a) => a.endWeek)) }
              : null,
          );
        }
        if (r.actions.length > 0) expect(r.reassessmentWeek).toBe(r.phases.at(-1)?.endWeek);
        for (const b of r.backlog)
          if (b.because.kind === "horizon")
            expect(b.because.endWeek + (b.because.holdWeeks ?? 0)).toBeGreaterThanOrEqual(
              r.horizonWeeks,
            );
        for (const p of r.projections) {
          for (const d of r.actions) {
            const dim = d.recommendation.dimension;
            const spec = dimSpecs.find((x) => x.id === dim);
            const v = p.scores[dim];
            if (spec?.score != null && v != null) {
              // Projections are rounded to two decimals.
              expect(v).toBeGreaterThanOrEqual(Math.min(spec.score, spec.target ?? 3) - 0.005);
              expect(v).toBeLessThanOrEqual(Math.max(spec.score, spec.target ?? 3) + 0.005);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("effort", () => {
  const dims: DimSpec[] = [LOW, { id: "process", pillar: "process", score: 1.5, target: 4 }];

  it("carries the pack's range; a pilot adds its share of the weeks, rounded up to half weeks", () => {
    const recs = [
      rec("charter", "strategy", "rigidify", { owner: "executive", effort: { low: 2, high: 3 } }),
      rec("go-live", "process", "rigidify", {
        owner: "manager",
        weeks: 6,
        rollout: true,
        effort: { low: 5, high: 9 },
      }),
      rec("unknown", "process", "rigidify", { owner: "manager" }),
    ];
    const slow = plan(dims, recs, { strategy: "small-slow" });
    expect(byId(slow, "charter").effort).toEqual({ low: 2, high: 3 });
    // Pilot: 3 of 6 weeks → half of 5–9, rounded up to half person-weeks.
    expect(byId(slow, "go-live").effort).toEqual({ low: 2.5, high: 4.5 });
    expect(byId(slow, "go-live:rollout").effort).toEqual({ low: 5, high: 9 });
    expect(byId(slow, "unknown").effort).toBeNull();
    expect(effortOf(slow.actions)).toEqual({
      total: { low: 9.5, high: 16.5 },
      byOwner: [
        { owner: "executive", low: 2, high: 3 },
        { owner: "manager", low: 7.5, high: 13.5 },
      ],
    });
    const fast = plan(dims, recs, { strategy: "big-fast" });
    expect(effortOf(fast.actions).total).toEqual({ low: 7, high: 12 });
  });

  it("has no total when the pack gives no effort", () => {
    const r = plan(dims, [rec("charter", "strategy", "rigidify")]);
    expect(effortOf(r.actions)).toEqual({ total: null, byOwner: [] });
  });

  it("sums to the same total by owner and over all actions, low never above high", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            owner: fc.constantFrom("executive", "manager", "it"),
            low: fc.integer({ min: 1, max: 40 }),
            extra: fc.integer({ min: 0, max: 40 }),
            weeks: fc.integer({ min: 1, max: 12 }),
            rollout: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom<RoadmapStrategy>("small-slow", "big-fast"),
        (specs, strategy) => {
          const recs = specs.map((s, i) =>
            rec(`r${i}`, "strategy", "rigidify", {
              owner: s.owner,
              weeks: s.weeks,
              rollout: s.rollout,
              effort: { low: s.low, high: s.low + s.extra },
            }),
          );
          const r = plan([LOW], recs, { strategy });
          const { total, byOwner } = effortOf(r.actions);
          if (r.actions.length === 0) return;
          expect(total).not.toBeNull();
          expect(byOwner.reduce((n, o) => n + o.low, 0)).toBe(total?.low);
          expect(byOwner.reduce((n, o) => n + o.high, 0)).toBe(total?.high);
          for (const a of r.actions) {
            expect(a.effort?.low).toBeLessThanOrEqual(a.effort?.high ?? 0);
            // A pilot never costs more than the full work.
            if (a.stage === "pilot") {
              expect(a.effort?.high).toBeLessThanOrEqual(a.recommendation.effort?.high ?? 0);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
