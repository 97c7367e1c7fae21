import {
  DEFAULT_OWNER_CAPACITY,
  effortOf,
  type PlannedAction,
  type PlannedPhase,
  projectionAt,
} from "../../../core/analysis/roadmap.js";
import { lessThan } from "../../../core/math/numbers.js";
import { fmtRange, localize } from "../../../i18n/format.js";
import { addDays, type ReportContext } from "../context.js";
import type {
  RoadmapAction,
  RoadmapPhaseView,
  RoadmapReason,
  RoadmapSection,
  RoleCount,
} from "../model.js";

interface Calendar {
  weekDate: (week: number) => string;
  lastDay: (from: number, to: number) => string;
}

function calendar(ctx: ReportContext): Calendar {
  const { weekDate } = ctx;
  // The last day of a span of weeks (inclusive), so a table never shows the next span's start.
  const lastDay = (from: number, to: number) =>
    to > from ? addDays(weekDate(to), -1) : weekDate(from);
  return { weekDate, lastDay };
}

function reasonsOf(ctx: ReportContext, a: PlannedAction) {
  const { t, dimTitle } = ctx;
  const reasons: RoadmapReason[] = a.reasons.map((r) => {
    if (r.kind === "gap") {
      return {
        kind: "gap",
        ref: r.dimension,
        text: t.reasonGap({
          dimension: dimTitle.get(r.dimension) ?? r.dimension,
          level: r.level,
          appliesBelow: r.appliesBelow,
          gap: r.gap,
        }),
      };
    }
    if (r.kind === "risk") {
      return { kind: "risk", ref: r.risk, text: t.reasonRisk(ctx.riskTitle(r.risk)) };
    }
    if (r.kind === "readiness") {
      return {
        kind: "readiness",
        ref: r.rule,
        text: t.reasonReadiness(ctx.readinessTitle(r.rule)),
      };
    }
    return {
      kind: "dependency",
      ref: r.of,
      text: t.reasonDependency(ctx.recommendationTitle(r.of)),
    };
  });
  const texts = reasons.filter((r) => r.kind === "gap").map((r) => r.text);
  const risksFor = a.reasons.flatMap((r) => (r.kind === "risk" ? [ctx.riskTitle(r.risk)] : []));
  if (risksFor.length > 0) texts.push(t.reasonRisks(risksFor));
  texts.push(...reasons.filter((r) => r.kind === "readiness").map((r) => r.text));
  const needed = a.reasons.flatMap((r) =>
    r.kind === "dependency" ? [ctx.recommendationTitle(r.of)] : [],
  );
  if (needed.length > 0) texts.push(t.reasonDependencies(needed));
  if (a.pushedBy !== null) {
    texts.push(
      t.reasonPushed({ phase: t.phase[a.phase], action: ctx.recommendationTitle(a.pushedBy) }),
    );
  }
  return { reasons, reasonText: texts.join(t.sentenceJoin) };
}

function buildActions(ctx: ReportContext, cal: Calendar): RoadmapAction[] {
  const { t, lang } = ctx;
  const planned = ctx.plan.actions;
  return planned.map((a) => {
    const rec = a.recommendation;
    const { reasons, reasonText } = reasonsOf(ctx, a);
    const title = localize(rec.title, lang);
    return {
      id: a.id,
      recommendation: rec.id,
      stage: a.stage,
      title: a.stage ? t.stageTitle(a.stage, title) : title,
      description: rec.description ? localize(rec.description, lang) : null,
      phase: a.phase,
      phaseName: t.phase[a.phase],
      dimension: rec.dimension,
      dimensionTitle: ctx.dimTitle.get(rec.dimension) ?? rec.dimension,
      pillar: a.pillar,
      pillarName: t.pillar[a.pillar],
      owner: rec.owner,
      ownerName: ctx.roleName(rec.owner),
      weeks: rec.weeks,
      startWeek: a.startWeek,
      endWeek: a.endWeek,
      startDate: cal.weekDate(a.startWeek),
      endDate: cal.lastDay(a.startWeek, a.endWeek),
      lane: a.lane,
      priority: a.priority,
      steps: rec.actions.map((s) => localize(s, lang)),
      kpis: rec.kpis.map((k) => localize(k, lang)),
      // What the pack says it depends on (the ordering rules are explained once, in the intro).
      dependsOn: (a.stage === "rollout" ? a.after : rec.dependsOn).filter((d) =>
        planned.some((p) => p.id === d),
      ),
      reasons,
      reasonText,
      raci: raciOf(ctx, rec.raci),
      effort: a.effort
        ? {
            ...a.effort,
            range: fmtRange(a.effort.low, a.effort.high),
            text: t.effortRange(a.effort),
          }
        : null,
    };
  });
}

function raciOf(
  ctx: ReportContext,
  raci: PlannedAction["recommendation"]["raci"],
): RoadmapAction["raci"] {
  const ref = (role: string) => ({ role, name: ctx.roleName(role) });
  const accountable = raci ? ref(raci.accountable) : null;
  const consulted = (raci?.consulted ?? []).map(ref);
  const informed = (raci?.informed ?? []).map(ref);
  const names = (xs: Array<{ name: string }>) => xs.map((x) => x.name);
  return {
    accountable,
    consulted,
    informed,
    text: ctx.t.raciLine({
      accountable: accountable?.name ?? null,
      consulted: names(consulted),
      informed: names(informed),
    }),
  };
}

/** Person-weeks of some planned actions, worded as a phase (over its weeks) or as the plan. */
function effortView(
  ctx: ReportContext,
  planned: readonly PlannedAction[],
  weeks: number,
  as: "phase" | "plan",
): RoadmapSection["effort"] {
  const { total, byOwner } = effortOf(planned);
  if (total === null || weeks <= 0) return null;
  // Heaviest first, so the reader sees at once whose time the plan needs.
  const owners = byOwner
    .map((o) => ({
      ...o,
      role: o.owner,
      name: ctx.roleName(o.owner),
      people: ctx.rolePeople(o.owner),
    }))
    .sort((a, b) => b.high - a.high || b.low - a.low || (a.role < b.role ? -1 : 1));
  const text =
    as === "phase"
      ? ctx.t.phaseEffort({ ...total, weeks, byOwner: owners })
      : ctx.t.planEffort({
          ...total,
          weeks,
          top: owners.slice(0, 2),
        });
  return {
    ...total,
    byOwner: owners.map(({ role, name, low, high }) => ({ role, name, low, high })),
    range: fmtRange(total.low, total.high),
    text,
  };
}

type TouchedDimension = {
  title: string;
  target: number;
  interim: number;
  projected: number;
  /** Its realistic date in words; null when it has none. */
  date: string | null;
};

/**
 * The dimensions a phase improves, for the method's `{dimensions}`: "every dimension" when it is
 * all of three or more, "every dimension except …" when it is all but one or two of at least
 * four, else their titles.
 */
function dimensionsInSentence(ctx: ReportContext, touched: TouchedDimension[]): string {
  const named = new Set(touched.map((d) => d.title));
  const others = [...ctx.dimTitle.values()].filter((title) => !named.has(title));
  // One or two dimensions are named even when they are all the questionnaire has.
  const all = others.length === 0 && touched.length >= 3;
  if (all || (others.length > 0 && others.length <= 2 && touched.length >= 4)) {
    return ctx.t.everyDimension(others);
  }
  return ctx.t.listJoin(touched.map((d) => d.title));
}

/**
 * When a phase is done: the method's criteria (one naming `{dimensions}` only when the phase
 * improves any; the dated hold after its last rollout, when the method sets one, right after the
 * criterion it belongs to, `holdCriterion`, else after them all),
 * then the measured checkpoint: an interim score after optimise (the next level,
 * or less where the roadmap projects less by then), the target after solidify (or, when the
 * projection is still short of it, the projected score).
 */
function exitCriteria(
  ctx: ReportContext,
  cal: Calendar,
  planned: PlannedPhase,
  touched: TouchedDimension[],
) {
  const { t } = ctx;
  const { phase, hold } = planned;
  const method = ctx.method?.roadmap.phases?.[phase];
  const own = method?.exitCriteria;
  const dimensions = dimensionsInSentence(ctx, touched);
  // Each criterion with its place in the method's list (1-based, as `holdCriterion` counts).
  const general = own
    ? own
        .map((c, i) => ({ n: i + 1, c }))
        .filter(
          ({ c }) =>
            touched.length > 0 || !Object.values(c).some((x) => x.includes("{dimensions}")),
        )
        .map(({ n, c }) => ({ n, text: ctx.methodText(c, { dimensions }) }))
    : [{ n: 1, text: t.defaultExitCriterion }];
  const checkpoints =
    phase === "optimise"
      ? touched.map((d) => t.interimCriterion(d))
      : phase === "solidify"
        ? touched.map((d) =>
            lessThan(d.projected, d.target) ? t.shortOfTargetCriterion(d) : t.targetCriterion(d),
          )
        : [];
  // The hold the method asks for after the last rollout, dated (weeks counted from 1 end there),
  // after the criterion that states it (or where it would stand, when left out), else after all.
  const held = hold
    ? [
        t.holdCriterion({
          weeks: hold.weeks,
          from: { week: hold.from, date: t.dateText(cal.lastDay(0, hold.from)) },
          until: {
            week: hold.from + hold.weeks,
            date: t.dateText(cal.lastDay(0, hold.from + hold.weeks)),
          },
        }),
      ]
    : [];
  const after = method?.holdCriterion ?? Number.POSITIVE_INFINITY;
  return [
    ...general.filter((g) => g.n <= after).map((g) => g.text),
    ...held,
    ...general.filter((g) => g.n > after).map((g) => g.text),
    ...checkpoints,
  ];
}

function buildPhases(
  ctx: ReportContext,
  cal: Calendar,
  actions: RoadmapAction[],
): RoadmapPhaseView[] {
  const { t } = ctx;
  const byId = new Map(actions.map((a) => [a.id, a]));
  const dims = new Map(ctx.results.dimensions.map((d) => [d.id, d]));
  return ctx.plan.phases.map((p) => {
    const projected = projectionAt(ctx.plan, p.phase);
    const phaseMethod = ctx.method?.roadmap.phases?.[p.phase];
    const members = p.actions.map((id) => byId.get(id)).filter((a) => a !== undefined);
    const owners: RoleCount[] = [];
    for (const a of members) {
      const o = owners.find((x) => x.role === a.owner);
      if (o) o.count++;
      else owners.push({ role: a.owner, name: a.ownerName, count: 1 });
    }
    const kpis: string[] = [];
    for (const a of members) for (const k of a.kpis) if (!kpis.includes(k)) kpis.push(k);
    const touched: TouchedDimension[] = [];
    const seen = new Set<string>();
    for (const a of members) {
      if (seen.has(a.dimension)) continue;
      seen.add(a.dimension);
      const d = dims.get(a.dimension);
      if (!d || d.level === null || d.gap === null || d.gap <= 0) continue;
      // A checkpoint never asks more than the roadmap projects for the end of the phase.
      const atEnd = projected[d.id] ?? d.score ?? d.level;
      const realistic = ctx.expectations.get(d.id)?.realisticDate ?? null;
      touched.push({
        title: a.dimensionTitle,
        target: d.target,
        interim: Math.min(d.target, d.level + 1, atEnd),
        projected: atEnd,
        date: realistic === null ? null : ctx.dateText(realistic),
      });
    }
    return {
      phase: p.phase,
      name: t.phase[p.phase],
      goal: phaseMethod ? ctx.methodText(phaseMethod.goal) : t.defaultPhaseGoal[p.phase],
      startWeek: p.startWeek,
      endWeek: p.endWeek,
      startDate: cal.weekDate(p.startWeek),
      endDate: cal.lastDay(p.startWeek, p.endWeek),
      startDateText: ctx.dateText(cal.weekDate(p.startWeek)),
      endDateText: ctx.dateText(cal.lastDay(p.startWeek, p.endWeek)),
      actions: p.actions,
      owners,
      kpis,
      exitCriteria:
        members.length === 0
          ? [t.noActionsInPhase(ctx.plan.backlog.filter((b) => b.phase === p.phase).length)]
          : exitCriteria(ctx, cal, p, touched),
      effort: effortView(
        ctx,
        ctx.plan.actions.filter((a) => p.actions.includes(a.id)),
        p.endWeek - p.startWeek,
        "phase",
      ),
    };
  });
}

/**
 * The board's timeline: one bar per dimension and phase, from its first action's start to its
 * last action's end, so that a year's plan reads on one page.
 */
function workstreams(ctx: ReportContext, actions: RoadmapAction[]) {
  const bars = new Map<string, RoadmapSection["timeline"]["bars"][number] & { count: number }>();
  for (const a of actions) {
    const key = `${a.phase}/${a.dimension}`;
    const bar = bars.get(key);
    if (bar) {
      bar.startWeek = Math.min(bar.startWeek, a.startWeek);
      bar.endWeek = Math.max(bar.endWeek, a.endWeek);
      bar.count++;
    } else {
      bars.set(key, {
        id: key,
        label: a.dimensionTitle,
        phase: a.phase,
        lane: 0,
        startWeek: a.startWeek,
        endWeek: a.endWeek,
        count: 1,
      });
    }
  }
  return [...bars.values()].map(({ count, ...bar }) => ({
    ...bar,
    label: ctx.t.workstreamLabel(bar.label, count),
  }));
}

/** The buy, go-live or relaunch decision that closes the first phase. */
function gateOf(ctx: ReportContext, cal: Calendar): RoadmapSection["gate"] {
  const { t, plan } = ctx;
  if (plan.gateWeek === null) return null;
  const date = cal.weekDate(plan.gateWeek);
  return {
    label: t.gateLabel[plan.situation],
    week: plan.gateWeek,
    date,
    dateText: t.dateText(date),
    sentence: t.gateSentence(plan.situation, { week: plan.gateWeek + 1, date: t.dateText(date) }),
  };
}

/** What does not fit into the horizon, with why. */
function backlogOf(ctx: ReportContext): RoadmapSection["backlog"] {
  const { t, plan, lang } = ctx;
  const titleOf = (
    id: string,
    stage: PlannedAction["stage"],
    rec: PlannedAction["recommendation"],
  ) => {
    const title = localize(rec.title, lang);
    return stage ? t.stageTitle(stage, title) : title || id;
  };
  const titles = new Map(
    [...plan.actions, ...plan.backlog].map((a) => [a.id, titleOf(a.id, a.stage, a.recommendation)]),
  );
  return {
    title: t.labels.backlog,
    intro: t.backlogIntro(plan.backlog.length, ctx.horizon),
    items: plan.backlog.map((b) => ({
      id: b.id,
      title: titles.get(b.id) ?? b.id,
      phase: b.phase,
      phaseName: t.phase[b.phase],
      ownerName: ctx.roleName(b.recommendation.owner),
      reason:
        b.because.kind === "horizon"
          ? t.backlogBeyond({
              week: b.because.endWeek + (b.because.holdWeeks ?? 0),
              horizon: ctx.horizon,
              hold: b.because.holdWeeks ?? 0,
              beyond: b.because.endWeek + (b.because.holdWeeks ?? 0) > plan.horizonWeeks,
            })
          : t.backlogWaits(titles.get(b.because.id) ?? b.because.id),
    })),
  };
}

/**
 * How many actions the plan's owners run at once: the figure most of them share (the default on
 * a tie) and, in the questionnaire's role order, the owners with another.
 */
function ownerCapacities(ctx: ReportContext): {
  usual: number;
  others: { owner: string; n: number }[];
} {
  const owners = new Set(ctx.plan.actions.map((a) => a.recommendation.owner));
  const roles = ctx.questionnaire.roles
    .filter((r) => owners.has(r.id))
    .map((r) => ({ id: r.id, n: r.capacity ?? DEFAULT_OWNER_CAPACITY }));
  const counts = new Map<number, number>();
  for (const r of roles) counts.set(r.n, (counts.get(r.n) ?? 0) + 1);
  let usual = DEFAULT_OWNER_CAPACITY;
  for (const [n, count] of counts) {
    const best = counts.get(usual) ?? 0;
    if (count > best) usual = n;
  }
  const others = roles
    .filter((r) => r.n !== usual)
    .map((r) => ({ owner: ctx.roleName(r.id), n: r.n }));
  return { usual, others };
}

/** The phased roadmap: dated actions with their reasons, phases, milestone and timeline. */
export function buildRoadmapSection(ctx: ReportContext): RoadmapSection {
  const { results, t, plan } = ctx;
  const start = results.assessment.date;
  const cal = calendar(ctx);
  const actions = buildActions(ctx, cal);
  const phases = buildPhases(ctx, cal, actions);
  const milestoneDate = cal.weekDate(plan.reassessmentWeek);
  const outOfReach = results.dimensions
    .filter((d) => ctx.expectations.get(d.id)?.outOfReach)
    .map((d) => ctx.dimTitle.get(d.id) ?? d.id);
  const horizon = results.horizonMonths;
  return {
    title: t.section.roadmap,
    detail: ctx.edition !== "board",
    intro: [
      ...(ctx.method?.roadmap.intro ?? []).map((p) => ctx.methodText(p)),
      t.roadmapRules(ownerCapacities(ctx)),
    ],
    gloss: t.phaseGloss,
    strategy: plan.strategy,
    strategyName: t.strategyName[plan.strategy],
    strategySentence: t.strategySentence[plan.strategy],
    startDate: start,
    startDateText: t.dateText(start),
    totalWeeks: plan.totalWeeks,
    phases,
    actions,
    milestone: {
      label: t.milestoneLabel,
      week: plan.reassessmentWeek,
      date: milestoneDate,
      dateText: t.dateText(milestoneDate),
      sentence: t.milestoneSentence({
        week: plan.reassessmentWeek + 1,
        date: t.dateText(milestoneDate),
      }),
    },
    situation: plan.situation,
    situationName: t.situationName[plan.situation],
    horizonWeeks: plan.horizonWeeks,
    firstNinetyDays: {
      title: t.labels.firstNinetyDays,
      sentence: t.firstNinetyDaysSentence(plan.firstNinetyDays.length),
      actions: plan.firstNinetyDays,
    },
    gate: gateOf(ctx, cal),
    backlog: backlogOf(ctx),
    effort: effortView(ctx, plan.actions, plan.totalWeeks, "plan"),
    cycle: ctx.method?.roadmap.cycle ? ctx.methodText(ctx.method.roadmap.cycle) : t.defaultCycle,
    calibration:
      actions.length === 0
        ? ""
        : t.planCalibration({
            weeks: plan.totalWeeks,
            months: Math.round((plan.totalWeeks * 12) / 52),
            // The last day of the last action, the day the phase table ends it.
            end: t.dateText(cal.lastDay(0, plan.totalWeeks)),
            horizon,
            backlog: plan.backlog.length,
            backlogListed: ctx.edition !== "board",
            outOfReach,
          }),
    empty: actions.length === 0 ? t.emptyRoadmap : null,
    timeline: {
      title: t.labels.timelineTitle,
      totalWeeks: plan.reassessmentWeek,
      startDate: start,
      phases: phases.map((p) => {
        const hold = plan.phases.find((x) => x.phase === p.phase)?.hold ?? null;
        return {
          phase: p.phase,
          label: p.name,
          startWeek: p.startWeek,
          endWeek: p.endWeek,
          hold: hold ? { startWeek: hold.from, endWeek: hold.from + hold.weeks } : null,
        };
      }),
      bars:
        ctx.edition === "board"
          ? workstreams(ctx, actions)
          : actions.map((a) => ({
              id: a.id,
              label: a.title,
              phase: a.phase,
              lane: a.lane,
              startWeek: a.startWeek,
              endWeek: a.endWeek,
            })),
      milestones: [
        ...(plan.gateWeek === null
          ? []
          : [{ label: t.gateLabel[plan.situation], week: plan.gateWeek }]),
        { label: t.milestoneLabel, week: plan.reassessmentWeek },
      ],
      horizonWeek: plan.horizonWeeks,
      horizonLabel: t.labels.horizonEnd,
      holdLabel: t.timelineHold,
    },
  };
}
