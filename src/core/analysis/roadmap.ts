import { horizonWeeks } from "../math/horizon.js";
import {
  atLeast,
  ceilTolerant,
  compareIds,
  greaterThan,
  lessThan,
  round2,
} from "../math/numbers.js";
import type { Results } from "../models/results.js";
import { type CrmSituation, PHASES, type Phase, type Pillar } from "../questionnaire/schema.js";
import type { Questionnaire, ResolvedRecommendation } from "../questionnaire/types.js";

/**
 * Rollout strategy (docs/reports.md): `small-slow` pilots every rollout in one unit before the
 * staged rollout; `big-fast` takes each rollout to all units at once.
 */
export type RoadmapStrategy = "small-slow" | "big-fast";

export const ROADMAP_STRATEGIES: readonly RoadmapStrategy[] = ["small-slow", "big-fast"];
export const DEFAULT_STRATEGY: RoadmapStrategy = "small-slow";

/** Phases in the order they run. */
export const PHASE_ORDER: readonly Phase[] = PHASES;
/** Strategy → people → process → technology (strategy first, technology last). */
const PILLAR_ORDER: readonly Pillar[] = ["strategy", "people", "process", "technology"];

/** Actions an owner role runs at once when the questionnaire does not say. */
export const DEFAULT_OWNER_CAPACITY = 2;
/** The first 90 days, in whole weeks. */
export const FIRST_DAYS_WEEKS = 13;

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
  | { kind: "readiness"; rule: string }
  | { kind: "dependency"; of: string };

/** `pilot`: the first unit under small-and-slow; `rollout`: the staged rollout that follows it. */
export type ActionStage = "pilot" | "rollout";

/** One scheduled piece of work. Weeks are 0-based offsets, end exclusive. */
export interface PlannedAction {
  /** The recommendation's id, with `:rollout` for the staged rollout after a pilot. */
  id: string;
  recommendation: ResolvedRecommendation;
  stage: ActionStage | null;
  /** The phase it runs in: its own, or another when a dependency or readiness moved it. */
  phase: Phase;
  /** When a dependency pushed it to a later phase: that dependency. */
  pushedBy: string | null;
  pillar: Pillar;
  /** Gap × dimension weight (0 when the dimension has no gap or is inconclusive). */
  priority: number;
  reasons: PlanReason[];
  /** Action ids it waits for: its own dependencies and the ordering rules (docs/reports.md). */
  after: string[];
  startWeek: number;
  endWeek: number;
  /** Lane within its owner's capacity (0-based). */
  lane: number;
  /** Person-weeks this stage takes (a pilot: its share of the pack's range); null when unknown. */
  effort: EffortRange | null;
}

/** A range of person-weeks. */
export interface EffortRange {
  low: number;
  high: number;
}

/** An action that does not fit in the horizon: the next cycle's backlog. */
export interface BacklogItem {
  id: string;
  recommendation: ResolvedRecommendation;
  stage: ActionStage | null;
  phase: Phase;
  reasons: PlanReason[];
  /**
   * Why it waits: it would end (with the hold of its phase after a rollout, `holdWeeks`) after the
   * horizon's last week but one, which the reassessment needs; or it waits for another backlog item.
   */
  because:
    | { kind: "horizon"; endWeek: number; holdWeeks?: number }
    | { kind: "waits-for"; id: string };
}

export interface PlannedPhase {
  phase: Phase;
  startWeek: number;
  endWeek: number;
  /** Action ids in schedule order. */
  actions: string[];
  /**
   * The pack's hold (`holdWeeks`): the phase closes no earlier than `weeks` after its last
   * rollout ends (`from`, end exclusive); null when the pack sets none or the phase has no rollout.
   */
  hold: { weeks: number; from: number } | null;
}

/** Where each dimension is expected to stand at a week of the plan. */
export interface Projection {
  week: number;
  /** The phase that ends that week, or the reassessment (the one score the report expects). */
  at: Phase | "reassessment";
  /** Projected score per dimension id; null while the dimension is inconclusive. */
  scores: Record<string, number | null>;
}

/**
 * How the plan moves one dimension (the one projection every date and score the report expects
 * comes from): it climbs at the questionnaire's pace from the week its first action starts.
 */
export interface DimensionOutlook {
  dimension: string;
  /** The week its first planned action starts; null when this cycle plans no action on it. */
  startWeek: number | null;
  /**
   * The week its projection reaches the target (end exclusive, like `endWeek`): 0 when it is there
   * already; null when it is inconclusive, or has a gap no planned action works on (it does not
   * move in this cycle). May lie beyond the horizon.
   */
  targetWeek: number | null;
}

/** The sequenced, scheduled plan; language-neutral (the report model words it). */
export interface Roadmap {
  strategy: RoadmapStrategy;
  situation: CrmSituation;
  horizonWeeks: number;
  /** Schedule order: phase, then start week, then the in-phase sequence. */
  actions: PlannedAction[];
  backlog: BacklogItem[];
  phases: PlannedPhase[];
  /** The end of the last planned action (before the horizon's last week). */
  totalWeeks: number;
  /**
   * Week of the reassessment milestone that closes the cycle (0-based): when the last phase
   * closes, or the horizon's last week when nothing is planned; never past the horizon's last week.
   */
  reassessmentWeek: number;
  /**
   * The buy (or relaunch) decision after the first phase, before any technology is bought,
   * configured or relaunched; null when the plan has no technology action after the first phase.
   */
  gateWeek: number | null;
  /** Ids of the actions that start in the first 90 days. */
  firstNinetyDays: string[];
  /** Phase ends (phases with actions), then the reassessment, in that order. */
  projections: Projection[];
  /** One per dimension, in the results' order. */
  outlook: DimensionOutlook[];
}

export interface RoadmapOptions {
  strategy?: RoadmapStrategy | undefined;
}

const phaseIndex = (phase: Phase): number => PHASE_ORDER.indexOf(phase);
const pillarIndex = (pillar: Pillar): number => PILLAR_ORDER.indexOf(pillar);

/** A pilot takes half the work, at least two weeks. */
const pilotWeeks = (weeks: number): number => Math.max(2, Math.ceil(weeks / 2));

interface Selection {
  recs: Map<string, ResolvedRecommendation>;
  selected: ResolvedRecommendation[];
  reasons: Map<string, PlanReason[]>;
  /** What each selected action waits for: dependencies plus the ordering rules. */
  after: Map<string, string[]>;
  phaseOf: Map<string, { phase: Phase; pushedBy: string | null }>;
  pillarFor: (rec: ResolvedRecommendation) => Pillar;
  priorityOf: (rec: ResolvedRecommendation) => number;
}

/**
 * Selects, orders and schedules the recommendations (docs/reports.md, "The roadmap rules"):
 * - a recommendation applies in the client's CRM situation when its dimension's level is below
 *   `appliesBelow` with a gap, when it mitigates a triggered risk, or when a holding readiness rule
 *   names it for the first phase; dependencies of applied ones are pulled in;
 * - ordering rules on top of `dependsOn`: technology actions wait for the strategy actions of
 *   their phase and earlier ones, rollouts wait for the training of their phase and earlier ones;
 * - phases run rigidify → optimise → solidify, each starting when the previous one has finished;
 *   an action whose dependency sits in a later phase moves to that phase;
 * - inside a phase: dependencies first, then priority (gap × weight), then pillar order, then id;
 *   each action starts when its phase has started, what it waits for has finished and its owner
 *   has capacity; under small-and-slow a rollout runs as a pilot, then the staged rollout;
 * - a phase whose method sets `holdWeeks` closes that many weeks after its last rollout ends, so
 *   the next phase starts after the hold;
 * - the horizon's last week is kept for the reassessment: what would end later (with its hold)
 *   goes to the backlog, with what waits for it.
 * Pure and deterministic.
 */
export function planRoadmap(
  results: Results,
  questionnaire: Questionnaire,
  options: RoadmapOptions = {},
): Roadmap {
  const strategy = options.strategy ?? DEFAULT_STRATEGY;
  const situation = results.assessment.client.crmSituation ?? "none";
  const horizon = horizonWeeks(results.horizonMonths);
  const sel = select(results, questionnaire, situation);
  const capacity = new Map(
    questionnaire.roles.map((r) => [r.id, r.capacity ?? DEFAULT_OWNER_CAPACITY]),
  );
  const holdOf = (phase: Phase): number =>
    questionnaire.methodology?.roadmap.phases?.[phase].holdWeeks ?? 0;
  const scheduled = schedule(
    sel,
    strategy,
    (owner) => capacity.get(owner) ?? DEFAULT_OWNER_CAPACITY,
    holdOf,
  );
  // The horizon's last week (0-based) is the reassessment's: the work ends before it.
  const lastWeek = Math.max(0, horizon - 1);
  const { kept, backlog } = fitHorizon(scheduled, lastWeek, holdOf);
  const phases = phasesOf(kept, holdOf);
  const actions = phases.flatMap((p) =>
    p.actions.map((id) => kept.find((a) => a.id === id)).filter((a) => a !== undefined),
  );
  const totalWeeks = actions.reduce((end, a) => Math.max(end, a.endWeek), 0);
  const rigidify = phases[0];
  const laterTechnology = [...actions, ...backlog].some(
    (a) => a.phase !== "rigidify" && sel.pillarFor(a.recommendation) === "technology",
  );
  const reassessmentWeek = actions.length > 0 ? (phases.at(-1)?.endWeek ?? lastWeek) : lastWeek;
  const outlook = outlookOf(results, actions);
  return {
    strategy,
    situation,
    horizonWeeks: horizon,
    actions,
    backlog,
    phases,
    totalWeeks,
    reassessmentWeek,
    gateWeek: rigidify && rigidify.actions.length > 0 && laterTechnology ? rigidify.endWeek : null,
    firstNinetyDays: actions.filter((a) => a.startWeek < FIRST_DAYS_WEEKS).map((a) => a.id),
    projections: project(results, outlook, phases, reassessmentWeek),
    outlook,
  };
}

/** The selected actions with their reasons, what each waits for, and their phases. */
function select(
  results: Results,
  questionnaire: Questionnaire,
  situation: CrmSituation,
): Selection {
  const recs = new Map<string, ResolvedRecommendation>();
  for (const rec of questionnaire.recommendations) {
    if (rec.situations && !rec.situations.includes(situation)) continue;
    if (!recs.has(rec.id)) recs.set(rec.id, rec);
  }
  const dimResults = new Map(results.dimensions.map((d) => [d.id, d]));
  const pillarOf = new Map(questionnaire.dimensions.map((d) => [d.id, d.pillar]));
  const triggered = new Set(results.risks.map((r) => r.id));
  const holding = new Set(results.readiness.rules.map((r) => r.id));
  const firstPhase = new Map<string, string>();
  for (const rule of questionnaire.readiness) {
    if (!holding.has(rule.id)) continue;
    for (const id of rule.firstPhase ?? [])
      if (recs.has(id) && !firstPhase.has(id)) firstPhase.set(id, rule.id);
  }

  const reasons = selectReasons(recs, dimResults, triggered, firstPhase);
  const selected = [...reasons.keys()]
    .map((id) => recs.get(id))
    .filter((r): r is ResolvedRecommendation => r !== undefined);
  const pillarFor = (rec: ResolvedRecommendation): Pillar =>
    pillarOf.get(rec.dimension) ?? "technology";
  const priorityOf = (rec: ResolvedRecommendation): number => {
    const dim = dimResults.get(rec.dimension);
    return dim?.gap ? round2(dim.gap * dim.weight) : 0;
  };
  const explicit = (rec: ResolvedRecommendation): string[] =>
    rec.dependsOn.filter((d) => reasons.has(d) && d !== rec.id);
  const phaseOf = resolvePhases(selected, recs, explicit, new Set(firstPhase.keys()));
  const after = orderingRules(selected, explicit, phaseOf, pillarFor);
  return { recs, selected, reasons, after, phaseOf, pillarFor, priorityOf };
}

/**
 * What each action waits for: its dependencies, plus technology after the strategy actions and
 * rollouts after the training of the same or an earlier phase — unless that would close a cycle.
 */
function orderingRules(
  selected: ResolvedRecommendation[],
  explicit: (rec: ResolvedRecommendation) => string[],
  phaseOf: Selection["phaseOf"],
  pillarFor: (rec: ResolvedRecommendation) => Pillar,
): Map<string, string[]> {
  const after = new Map(selected.map((r) => [r.id, explicit(r)]));
  const byId = new Map(selected.map((r) => [r.id, r]));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop() ?? "";
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(after.get(id) ?? []));
    }
    return false;
  };
  const phaseAt = (r: ResolvedRecommendation) => phaseIndex(phaseOf.get(r.id)?.phase ?? r.phase);
  const waitFor = (
    isWaiter: (r: ResolvedRecommendation) => boolean,
    isFirst: (r: ResolvedRecommendation) => boolean,
  ) => {
    for (const waiter of selected.filter(isWaiter)) {
      for (const first of selected.filter(isFirst)) {
        if (first.id === waiter.id || phaseAt(first) > phaseAt(waiter)) continue;
        const list = after.get(waiter.id) ?? [];
        if (list.includes(first.id) || reaches(first.id, waiter.id)) continue;
        list.push(first.id);
        after.set(waiter.id, list);
      }
    }
  };
  waitFor(
    (r) => pillarFor(r) === "technology",
    (r) => pillarFor(r) === "strategy",
  );
  waitFor(
    (r) => r.rollout === true,
    (r) => r.training === true,
  );
  for (const [id, list] of after) after.set(id, list.filter((d) => byId.has(d)).sort(compareIds));
  return after;
}

/**
 * The pack's effort is for doing the work once, across every unit; a pilot adds its share
 * (pilot weeks ÷ weeks, at most all of it) on top, rounded up to half person-weeks.
 */
function stageEffort(
  rec: ResolvedRecommendation,
  stage: ActionStage | null,
  weeks: number,
): EffortRange | null {
  if (!rec.effort) return null;
  if (stage !== "pilot") return { low: rec.effort.low, high: rec.effort.high };
  // A pilot lasts at least two weeks, but never costs more than the full work.
  const share = (x: number) => Math.ceil((x * Math.min(weeks, rec.weeks) * 2) / rec.weeks) / 2;
  return { low: share(rec.effort.low), high: share(rec.effort.high) };
}

/** Person-weeks of a set of actions, in total and per owner role (first appearance order). */
export function effortOf(actions: readonly PlannedAction[]): {
  total: EffortRange | null;
  byOwner: Array<{ owner: string } & EffortRange>;
} {
  const byOwner: Array<{ owner: string } & EffortRange> = [];
  const sum = { low: 0, high: 0, any: false };
  for (const a of actions) {
    if (!a.effort) continue;
    sum.low += a.effort.low;
    sum.high += a.effort.high;
    sum.any = true;
    const owner = a.recommendation.owner;
    const row = byOwner.find((o) => o.owner === owner);
    if (row) {
      row.low += a.effort.low;
      row.high += a.effort.high;
    } else byOwner.push({ owner, low: a.effort.low, high: a.effort.high });
  }
  return { total: sum.any ? { low: sum.low, high: sum.high } : null, byOwner };
}

/**
 * The week (end exclusive) an action frees its phase: its end, plus its phase's hold after a
 * rollout.
 */
const closesAt = (
  a: Pick<PlannedAction, "endWeek" | "phase" | "recommendation">,
  holdOf: (phase: Phase) => number,
): number => a.endWeek + (a.recommendation.rollout === true ? holdOf(a.phase) : 0);

/**
 * Schedules every selected action phase by phase, by owner capacity; rollouts may be split, and a
 * phase with a hold ends that long after its last rollout.
 */
function schedule(
  sel: Selection,
  strategy: RoadmapStrategy,
  capacityOf: (owner: string) => number,
  holdOf: (phase: Phase) => number,
): PlannedAction[] {
  const planned = new Map<string, PlannedAction>();
  const out: PlannedAction[] = [];
  const better = (a: ResolvedRecommendation, b: ResolvedRecommendation): number =>
    sel.priorityOf(b) - sel.priorityOf(a) ||
    pillarIndex(sel.pillarFor(a)) - pillarIndex(sel.pillarFor(b)) ||
    compareIds(a.id, b.id);
  const waits = (rec: ResolvedRecommendation) => sel.after.get(rec.id) ?? [];
  let phaseStart = 0;
  for (const phase of PHASE_ORDER) {
    const members = sel.selected.filter((r) => sel.phaseOf.get(r.id)?.phase === phase);
    const lanes = new Map<string, number[]>();
    let phaseEnd = phaseStart;
    for (const rec of orderWithinPhase(members, waits, better)) {
      let ready = phaseStart;
      for (const dep of waits(rec))
        ready = Math.max(ready, planned.get(dep)?.endWeek ?? phaseStart);
      const ownerLanes = lanes.get(rec.owner) ?? [];
      lanes.set(rec.owner, ownerLanes);
      const split = strategy === "small-slow" && rec.rollout === true;
      const stages: Array<{ stage: ActionStage | null; weeks: number }> = split
        ? [
            { stage: "pilot", weeks: pilotWeeks(rec.weeks) },
            { stage: "rollout", weeks: rec.weeks },
          ]
        : [{ stage: null, weeks: rec.weeks }];
      let previous: string | null = null;
      for (const { stage, weeks } of stages) {
        const { lane, start } = pickLane(ownerLanes, ready, capacityOf(rec.owner));
        const end = start + weeks;
        ownerLanes[lane] = end;
        phaseEnd = Math.max(phaseEnd, end + (rec.rollout === true ? holdOf(phase) : 0));
        const resolved = sel.phaseOf.get(rec.id) ?? { phase, pushedBy: null };
        const action: PlannedAction = {
          id: stage === "rollout" ? `${rec.id}:rollout` : rec.id,
          recommendation: rec,
          stage,
          phase,
          pushedBy: resolved.pushedBy,
          pillar: sel.pillarFor(rec),
          priority: sel.priorityOf(rec),
          reasons: sel.reasons.get(rec.id) ?? [],
          after: previous ? [previous] : waits(rec),
          startWeek: start,
          endWeek: end,
          lane,
          effort: stageEffort(rec, stage, weeks),
        };
        // Later work builds on the pilot; the staged rollout runs on beside it.
        if (stage !== "rollout") planned.set(rec.id, action);
        out.push(action);
        previous = action.id;
        ready = end;
      }
    }
    phaseStart = phaseEnd;
  }
  return out;
}

/**
 * Keeps what ends (with its hold) by `lastWeek`, the week the reassessment needs; the rest, and
 * whatever waits for it, is the backlog.
 */
function fitHorizon(
  actions: PlannedAction[],
  lastWeek: number,
  holdOf: (phase: Phase) => number,
): { kept: PlannedAction[]; backlog: BacklogItem[] } {
  const out = new Map<string, BacklogItem["because"]>();
  for (const a of actions) {
    const waiting = a.after.find((id) => out.has(id));
    const hold = closesAt(a, holdOf) - a.endWeek;
    if (waiting !== undefined) out.set(a.id, { kind: "waits-for", id: waiting });
    else if (a.endWeek + hold > lastWeek)
      out.set(a.id, {
        kind: "horizon",
        endWeek: a.endWeek,
        ...(hold > 0 ? { holdWeeks: hold } : {}),
      });
  }
  const backlog: BacklogItem[] = [];
  for (const a of actions) {
    const because = out.get(a.id);
    if (!because) continue;
    backlog.push({
      id: a.id,
      recommendation: a.recommendation,
      stage: a.stage,
      phase: a.phase,
      reasons: a.reasons,
      because,
    });
  }
  return { kept: actions.filter((a) => !out.has(a.id)), backlog };
}

/**
 * The phases with the actions they kept, each starting when the previous one ended; a phase with
 * a hold ends no earlier than that long after its last rollout.
 */
function phasesOf(actions: PlannedAction[], holdOf: (phase: Phase) => number): PlannedPhase[] {
  let phaseStart = 0;
  return PHASE_ORDER.map((phase) => {
    const members = actions.filter((a) => a.phase === phase);
    const end = members.reduce((e, a) => Math.max(e, closesAt(a, holdOf)), phaseStart);
    const rollouts = members.filter((a) => a.recommendation.rollout === true);
    const hold =
      holdOf(phase) > 0 && rollouts.length > 0
        ? { weeks: holdOf(phase), from: Math.max(...rollouts.map((a) => a.endWeek)) }
        : null;
    const order = new Map(members.map((a, i) => [a.id, i]));
    const ids = [...members]
      .sort((a, b) => a.startWeek - b.startWeek || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((a) => a.id);
    const planned: PlannedPhase = {
      phase,
      startWeek: phaseStart,
      endWeek: end,
      actions: ids,
      hold,
    };
    phaseStart = end;
    return planned;
  });
}

/** Weeks a climb of `levels` takes at `monthsPerLevel` months a level (52 weeks a year), rounded up. */
function climbWeeks(levels: number, monthsPerLevel: number): number {
  return ceilTolerant((levels * monthsPerLevel * 52) / 12);
}

/** Each dimension's outlook: when its first action starts, and when it reaches its target. */
function outlookOf(results: Results, actions: PlannedAction[]): DimensionOutlook[] {
  const firstStart = new Map<string, number>();
  for (const a of actions) {
    const d = a.recommendation.dimension;
    firstStart.set(d, Math.min(firstStart.get(d) ?? a.startWeek, a.startWeek));
  }
  return results.dimensions.map((d) => {
    const startWeek = firstStart.get(d.id) ?? null;
    const targetWeek =
      d.score === null
        ? null
        : atLeast(d.score, d.target)
          ? 0
          : startWeek === null
            ? null
            : startWeek + climbWeeks(d.target - d.score, results.monthsPerLevel);
    return { dimension: d.id, startWeek, targetWeek };
  });
}

/**
 * A dimension's projected score at a week: its score until its first action starts, then one
 * level per `monthsPerLevel` months up to its target, which it reaches in its `targetWeek` and not
 * before (a projection short of the target never rounds up to it).
 */
export function projectedScore(
  d: Results["dimensions"][number],
  outlook: DimensionOutlook,
  week: number,
  monthsPerLevel: number,
): number | null {
  if (d.score === null) return null;
  const { startWeek, targetWeek } = outlook;
  if (startWeek === null || targetWeek === null || targetWeek === 0) return d.score;
  if (week >= targetWeek) return d.target;
  const months = (Math.max(0, week - startWeek) * 12) / 52;
  return Math.max(
    d.score,
    Math.min(round2(d.score + months / monthsPerLevel), round2(d.target - 0.01)),
  );
}

/**
 * Projected scores (docs/reports.md, "Projections") at the end of each phase with actions and at
 * the reassessment, which measures them: no score is projected for a day nobody measures.
 */
function project(
  results: Results,
  outlook: DimensionOutlook[],
  phases: PlannedPhase[],
  reassessmentWeek: number,
): Projection[] {
  const at = (week: number): Record<string, number | null> => {
    const scores: Record<string, number | null> = {};
    results.dimensions.forEach((d, i) => {
      const o = outlook[i] ?? { dimension: d.id, startWeek: null, targetWeek: null };
      scores[d.id] = projectedScore(d, o, week, results.monthsPerLevel);
    });
    return scores;
  };
  return [
    ...phases
      .filter((p) => p.actions.length > 0)
      .map((p) => ({ week: p.endWeek, at: p.phase, scores: at(p.endWeek) })),
    { week: reassessmentWeek, at: "reassessment" as const, scores: at(reassessmentWeek) },
  ];
}

/** The projected scores at a point of the plan (empty for a phase without actions). */
export function projectionAt(
  roadmap: Pick<Roadmap, "projections">,
  at: Projection["at"],
): Record<string, number | null> {
  return roadmap.projections.find((p) => p.at === at)?.scores ?? {};
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
  firstPhase: ReadonlyMap<string, string>,
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
    const rule = firstPhase.get(rec.id);
    if (rule !== undefined) add(rec.id, { kind: "readiness", rule });
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

/**
 * Resolves each selected action's effective phase and the dependency that pushed it there; what a
 * holding readiness rule asks for in the first phase runs there, with everything it depends on.
 */
function resolvePhases(
  selected: ResolvedRecommendation[],
  recs: Map<string, ResolvedRecommendation>,
  deps: (rec: ResolvedRecommendation) => string[],
  first: ReadonlySet<string>,
): Map<string, { phase: Phase; pushedBy: string | null }> {
  const forced = new Set<string>();
  const queue = [...first];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? "";
    const rec = recs.get(id);
    if (!rec || forced.has(id)) continue;
    forced.add(id);
    queue.push(...deps(rec));
  }
  // Effective phase: never before a dependency's phase (memoised; validate rejects cycles, and a
  // cycle that slips through is cut by the `visiting` guard).
  const phaseOf = new Map<string, { phase: Phase; pushedBy: string | null }>();
  const visiting = new Set<string>();
  const resolvePhase = (rec: ResolvedRecommendation): { phase: Phase; pushedBy: string | null } => {
    const known = phaseOf.get(rec.id);
    if (known) return known;
    if (forced.has(rec.id)) {
      const result = { phase: PHASE_ORDER[0] ?? rec.phase, pushedBy: null };
      phaseOf.set(rec.id, result);
      return result;
    }
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
