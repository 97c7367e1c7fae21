import { ceilTolerant, compareIds, greaterThan, lessThan, round2 } from "../math/numbers.js";
import type { Results } from "../models/results.js";
import type { Phase, Pillar } from "../questionnaire/schema.js";
import type { Questionnaire, ResolvedRecommendation } from "../questionnaire/types.js";

/** Rollout strategy (docs/reports.md): `small-slow` runs at most two actions at once; `big-fast` all. */
export type RoadmapStrategy = "small-slow" | "big-fast";

export const ROADMAP_STRATEGIES: readonly RoadmapStrategy[] = ["small-slow", "big-fast"];
export const DEFAULT_STRATEGY: RoadmapStrategy = "small-slow";

/** Phases in the order they run. */
export const PHASE_ORDER: readonly Phase[] = ["rigidify", "optimise", "solidify"];
/** Strategy → people → process → technology (strategy first, technology last). */
const PILLAR_ORDER: readonly Pillar[] = ["strategy", "people", "process", "technology"];

/** Parallel actions allowed by `small-slow`. */
const SMALL_SLOW_PARALLEL = 2;

/** Why a recommendation is in the plan. */
export type PlanReason =
  | {
      kind: "gap";
      dimension: string;
      level: number;
      appliesBelow: number;
      gap: number;
    }
  | { kind: "risk"; risk: string }
  | { kind: "dependency"; of: string };

/** One recommendation, selected and scheduled. Weeks are 0-based offsets, end exclusive. */
export interface PlannedAction {
  recommendation: ResolvedRecommendation;
  /** The phase it runs in: its own, or later when a dependency runs in a later phase. */
  phase: Phase;
  /** When a dependency pushed it to a later phase: that dependency. */
  pushedBy: string | null;
  pillar: Pillar;
  /** Gap × dimension weight (0 when the dimension has no gap or is inconclusive). */
  priority: number;
  reasons: PlanReason[];
  startWeek: number;
  endWeek: number;
  lane: number;
}

export interface PlannedPhase {
  phase: Phase;
  startWeek: number;
  endWeek: number;
  /** Action ids in schedule order. */
  actions: string[];
}

/** The sequenced, scheduled plan; language-neutral (the report model words it). */
export interface Roadmap {
  strategy: RoadmapStrategy;
  /** Schedule order: phase, then start week, then the in-phase sequence. */
  actions: PlannedAction[];
  phases: PlannedPhase[];
  totalWeeks: number;
  /** Week of the reassessment milestone that closes the cycle. */
  reassessmentWeek: number;
}

export interface RoadmapOptions {
  strategy?: RoadmapStrategy | undefined;
}

const phaseIndex = (phase: Phase): number => PHASE_ORDER.indexOf(phase);
const pillarIndex = (pillar: Pillar): number => PILLAR_ORDER.indexOf(pillar);

/** Weeks in a planning horizon of whole months (52 weeks a year), rounded up. */
function horizonWeeks(months: number): number {
  return ceilTolerant((months * 52) / 12);
}

/**
 * Selects, orders and schedules the recommendations (docs/reports.md, "The roadmap rules"):
 * - a recommendation applies when its dimension's level is below `appliesBelow` and the dimension
 *   has a gap, or when it mitigates a triggered risk; dependencies of applied ones are pulled in;
 * - phases run rigidify → optimise → solidify, each starting when the previous one has finished
 *   (a phase gate: the benchmark process is mastered before it is adapted, and adapted before it
 *   is fixed in policy); an action whose dependency sits in a later phase moves to that phase;
 * - inside a phase: dependencies first, then priority (gap × weight, highest first), then pillar
 *   order strategy → people → process → technology, then id;
 * - each action starts as soon as its phase has started, its dependencies have finished and (with
 *   `small-slow`) one of the two lanes is free.
 * Pure and deterministic.
 */
export function planRoadmap(
  results: Results,
  questionnaire: Questionnaire,
  options: RoadmapOptions = {},
): Roadmap {
  const strategy = options.strategy ?? DEFAULT_STRATEGY;
  const recs = new Map<string, ResolvedRecommendation>();
  for (const rec of questionnaire.recommendations) if (!recs.has(rec.id)) recs.set(rec.id, rec);
  const dimResults = new Map(results.dimensions.map((d) => [d.id, d]));
  const pillarOf = new Map(questionnaire.dimensions.map((d) => [d.id, d.pillar]));
  const triggered = new Set(results.risks.map((r) => r.id));

  const reasons = selectReasons(recs, dimResults, triggered);
  const selected = [...reasons.keys()]
    .map((id) => recs.get(id))
    .filter((r): r is ResolvedRecommendation => r !== undefined);
  const deps = (rec: ResolvedRecommendation): string[] =>
    rec.dependsOn.filter((d) => reasons.has(d) && d !== rec.id);

  const phaseOf = resolvePhases(selected, recs, deps);

  const priorityOf = (rec: ResolvedRecommendation): number => {
    const dim = dimResults.get(rec.dimension);
    return dim?.gap ? round2(dim.gap * dim.weight) : 0;
  };
  const pillarFor = (rec: ResolvedRecommendation): Pillar =>
    pillarOf.get(rec.dimension) ?? "technology";
  const better = (a: ResolvedRecommendation, b: ResolvedRecommendation): number =>
    priorityOf(b) - priorityOf(a) ||
    pillarIndex(pillarFor(a)) - pillarIndex(pillarFor(b)) ||
    compareIds(a.id, b.id);

  const planned = new Map<string, PlannedAction>();
  const phases: PlannedPhase[] = [];
  let phaseStart = 0;
  for (const phase of PHASE_ORDER) {
    const members = selected.filter((r) => phaseOf.get(r.id)?.phase === phase);
    const sequence = orderWithinPhase(members, deps, better);
    const lanes: number[] = [];
    const capacity = strategy === "small-slow" ? SMALL_SLOW_PARALLEL : Number.POSITIVE_INFINITY;
    let phaseEnd = phaseStart;
    for (const rec of sequence) {
      let ready = phaseStart;
      for (const dep of deps(rec)) ready = Math.max(ready, planned.get(dep)?.endWeek ?? phaseStart);
      const { lane, start } = pickLane(lanes, ready, capacity);
      const end = start + rec.weeks;
      lanes[lane] = end;
      phaseEnd = Math.max(phaseEnd, end);
      const resolved = phaseOf.get(rec.id) ?? { phase, pushedBy: null };
      planned.set(rec.id, {
        recommendation: rec,
        phase,
        pushedBy: resolved.pushedBy,
        pillar: pillarFor(rec),
        priority: priorityOf(rec),
        reasons: reasons.get(rec.id) ?? [],
        startWeek: start,
        endWeek: end,
        lane,
      });
    }
    const seqIndex = new Map(sequence.map((r, i) => [r.id, i]));
    const ids = sequence
      .map((r) => r.id)
      .sort(
        (a, b) =>
          (planned.get(a)?.startWeek ?? 0) - (planned.get(b)?.startWeek ?? 0) ||
          (seqIndex.get(a) ?? 0) - (seqIndex.get(b) ?? 0),
      );
    phases.push({ phase, startWeek: phaseStart, endWeek: phaseEnd, actions: ids });
    phaseStart = phaseEnd;
  }

  const actions = phases.flatMap((p) =>
    p.actions.map((id) => planned.get(id)).filter((a): a is PlannedAction => a !== undefined),
  );
  const totalWeeks = phaseStart;
  return {
    strategy,
    actions,
    phases,
    totalWeeks,
    reassessmentWeek: totalWeeks > 0 ? totalWeeks : horizonWeeks(results.horizonMonths),
  };
}

/** Appends a reason to an action's list, selecting the action if it is new. */
function addReason(reasons: Map<string, PlanReason[]>, id: string, reason: PlanReason): void {
  const list = reasons.get(id);
  if (list) list.push(reason);
  else reasons.set(id, [reason]);
}

/** Selects the actions (gap or triggered risk, then their dependencies) with why each was chosen. */
function selectReasons(
  recs: Map<string, ResolvedRecommendation>,
  dimResults: Map<string, Results["dimensions"][number]>,
  triggered: Set<string>,
): Map<string, PlanReason[]> {
  // Direct reasons first, in questionnaire order.
  const reasons = new Map<string, PlanReason[]>();
  const add = (id: string, reason: PlanReason): void => addReason(reasons, id, reason);
  for (const rec of recs.values()) {
    const dim = dimResults.get(rec.dimension);
    if (
      dim &&
      dim.level !== null &&
      dim.gap !== null &&
      lessThan(dim.level, rec.appliesBelow) &&
      greaterThan(dim.gap, 0)
    ) {
      add(rec.id, {
        kind: "gap",
        dimension: rec.dimension,
        level: dim.level,
        appliesBelow: rec.appliesBelow,
        gap: dim.gap,
      });
    }
    for (const risk of rec.mitigates) if (triggered.has(risk)) add(rec.id, { kind: "risk", risk });
  }
  // Pull in dependencies transitively, remembering which selected action needed each.
  const queue = [...reasons.keys()];
  for (let i = 0; i < queue.length; i++) {
    const rec = recs.get(queue[i] ?? "");
    if (!rec) continue;
    for (const dep of rec.dependsOn) {
      if (!recs.has(dep)) continue;
      const existing = reasons.get(dep);
      if (existing) {
        if (!existing.some((r) => r.kind !== "dependency"))
          add(dep, { kind: "dependency", of: rec.id });
        continue;
      }
      add(dep, { kind: "dependency", of: rec.id });
      queue.push(dep);
    }
  }
  return reasons;
}

/** Resolves each selected action's effective phase and the dependency that pushed it there. */
function resolvePhases(
  selected: ResolvedRecommendation[],
  recs: Map<string, ResolvedRecommendation>,
  deps: (rec: ResolvedRecommendation) => string[],
): Map<string, { phase: Phase; pushedBy: string | null }> {
  // Effective phase: never before a dependency's phase (memoised; validate rejects cycles, and a
  // cycle that slips through is cut by the `visiting` guard).
  const phaseOf = new Map<string, { phase: Phase; pushedBy: string | null }>();
  const visiting = new Set<string>();
  const resolvePhase = (rec: ResolvedRecommendation): { phase: Phase; pushedBy: string | null } => {
    const known = phaseOf.get(rec.id);
    if (known) return known;
    visiting.add(rec.id);
    let result: { phase: Phase; pushedBy: string | null } = { phase: rec.phase, pushedBy: null };
    for (const dep of [...deps(rec)].sort(compareIds)) {
      const depRec = recs.get(dep);
      if (!depRec || visiting.has(dep)) continue;
      const depPhase = resolvePhase(depRec).phase;
      if (phaseIndex(depPhase) > phaseIndex(result.phase))
        result = { phase: depPhase, pushedBy: dep };
    }
    visiting.delete(rec.id);
    phaseOf.set(rec.id, result);
    return result;
  };
  for (const rec of selected) resolvePhase(rec);
  return phaseOf;
}

/** Topological order where, among the actions whose dependencies are placed, the best goes next. */
function orderWithinPhase(
  members: ResolvedRecommendation[],
  deps: (rec: ResolvedRecommendation) => string[],
  better: (a: ResolvedRecommendation, b: ResolvedRecommendation) => number,
): ResolvedRecommendation[] {
  const inPhase = new Set(members.map((m) => m.id));
  const placed = new Set<string>();
  const out: ResolvedRecommendation[] = [];
  const remaining = [...members];
  while (remaining.length > 0) {
    const ready = remaining.filter((r) => deps(r).every((d) => !inPhase.has(d) || placed.has(d)));
    // A dependency cycle (rejected by validate) must not hang the plan: fall back to all.
    const pool = ready.length > 0 ? ready : remaining;
    const next = [...pool].sort(better)[0];
    if (!next) break;
    out.push(next);
    placed.add(next.id);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return out;
}

/** The lane where an action ready at `ready` starts earliest (lowest lane on ties). */
function pickLane(
  lanes: number[],
  ready: number,
  capacity: number,
): { lane: number; start: number } {
  let best = -1;
  let bestStart = Number.POSITIVE_INFINITY;
  for (let i = 0; i < lanes.length; i++) {
    const start = Math.max(lanes[i] ?? 0, ready);
    if (start < bestStart) {
      best = i;
      bestStart = start;
    }
  }
  if (lanes.length < capacity && (best === -1 || bestStart > ready)) {
    return { lane: lanes.length, start: ready };
  }
  return { lane: best, start: bestStart };
}
