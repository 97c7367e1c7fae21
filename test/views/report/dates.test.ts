import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FIRST_DAYS_WEEKS,
  projectionAt,
  ROADMAP_STRATEGIES,
} from "../../../src/core/analysis/roadmap.js";
import type { Results } from "../../../src/core/models/results.js";
import { isForRole, respondentRoles } from "../../../src/core/questionnaire/types.js";
import { buildReport } from "../../../src/views/report/build.js";
import { addDays, buildContext } from "../../../src/views/report/context.js";
import type { ReportLanguage, ReportModel } from "../../../src/views/report/model.js";
import { loadInputs, standardPack } from "../../helpers/report.js";

/**
 * Every date and duration a report states, checked against the plan and against each other: a
 * board reads the phase table, the milestones, the scorecard, the calibration and the decisions
 * side by side, and none of them may contradict another.
 */

const SITUATIONS = ["none", "selecting", "implementing", "live"] as const;
const HORIZONS = [1, 3, 6, 7, 9, 12, 18, 24, 36];

interface Case {
  /** Per dimension, the two levels its questions alternate between (a fractional score). */
  levels: Array<[number, number]>;
  targets: number[];
  horizonMonths: number;
  strategy: (typeof ROADMAP_STRATEGIES)[number];
  situation: (typeof SITUATIONS)[number];
  lang: ReportLanguage;
  goals: Array<{ by: string; dims: number[] }>;
}

const DIMENSIONS = standardPack().dimensions.map((d) => d.id);

const arbitraryCase: fc.Arbitrary<Case> = fc.record({
  levels: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), {
    minLength: DIMENSIONS.length,
    maxLength: DIMENSIONS.length,
  }),
  targets: fc.array(fc.integer({ min: 2, max: 5 }), {
    minLength: DIMENSIONS.length,
    maxLength: DIMENSIONS.length,
  }),
  horizonMonths: fc.constantFrom(...HORIZONS),
  strategy: fc.constantFrom(...ROADMAP_STRATEGIES),
  situation: fc.constantFrom(...SITUATIONS),
  lang: fc.constantFrom<ReportLanguage>("en", "zh-CN"),
  goals: fc.array(
    fc.record({
      by: fc.constantFrom("2026-12-31", "2027-06-30", "2028-06-30", "2031-01-01"),
      dims: fc.array(fc.nat({ max: DIMENSIONS.length - 1 }), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
});

/** Loads a client answering as the case says, one respondent per role. */
function resultsOf(c: Case): Results {
  const pack = standardPack();
  const respondents = respondentRoles(pack).map((role, i) => {
    const answers: Record<string, number> = {};
    pack.dimensions.forEach((d, di) => {
      const [lo, hi] = c.levels[di] ?? [3, 3];
      d.questions.forEach((q, qi) => {
        if (!isForRole(q, role.id)) return;
        const level = (qi + i) % 2 === 0 ? lo : hi;
        answers[q.id] = q.type === "likert" && q.reverse ? 6 - level : level;
      });
    });
    return { id: `r${i}`, role: role.id, answers };
  });
  const doc = {
    assessment: {
      client: { name: "Date Ltd", crmSituation: c.situation },
      date: "2026-06-01",
      assessor: "Pat Lee",
      questionnaire: { id: pack.id, version: pack.version },
    },
    respondents,
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "report-dates-"));
  writeFileSync(path.join(dir, "answers.json"), JSON.stringify(doc));
  const targets = Object.fromEntries(DIMENSIONS.map((id, i) => [id, c.targets[i] ?? 3]));
  const { results } = loadInputs(dir, ["answers.json"], {
    targets,
    horizonMonths: c.horizonMonths,
  });
  results.assessment.goals = c.goals.map((g, i) => ({
    text: `Goal ${i}`,
    by: g.by,
    dimensions: [...new Set(g.dims.map((d) => DIMENSIONS[d] ?? "leadership"))],
  }));
  return results;
}

const max = (dates: string[]) => dates.reduce((a, b) => (b > a ? b : a));

type Context = ReturnType<typeof buildContext>;

/** The schedule: actions inside their phases, phases in order, milestones after the work. */
function checkSchedule(r: ReportModel, ctx: Context) {
  const rm = r.roadmap;
  const start = ctx.results.assessment.date;
  const horizonEnd = ctx.weekDate(ctx.plan.horizonWeeks);
  const horizonLast = addDays(horizonEnd, -1);
  for (const a of rm.actions) {
    const phase = rm.phases.find((p) => p.phase === a.phase);
    expect(
      a.startDate >= start && a.startDate <= a.endDate && a.endDate <= horizonLast,
      `${a.id} runs ${a.startDate}..${a.endDate}, outside ${start}..${horizonLast}`,
    ).toBe(true);
    expect(
      a.startDate >= (phase?.startDate ?? "") && a.endDate <= (phase?.endDate ?? ""),
      `${a.id} runs ${a.startDate}..${a.endDate}, outside its phase`,
    ).toBe(true);
  }
  const worked = rm.phases.filter((p) => p.actions.length > 0);
  for (let i = 1; i < worked.length; i++) {
    expect(worked[i]?.startDate ?? "").toBe(addDays(worked[i - 1]?.endDate ?? "", 1));
  }
  // The reassessment falls on the day after the last phase closes (after the last action and any
  // hold; the horizon's last week when there is none), never after the horizon's last week, and
  // the week it names is within the horizon.
  const lastEnd = rm.actions.length > 0 ? max(rm.actions.map((a) => a.endDate)) : null;
  const lastClose = worked.length > 0 ? max(worked.map((p) => p.endDate)) : null;
  const horizonLastWeek = ctx.weekDate(ctx.plan.horizonWeeks - 1);
  expect(rm.milestone.date).toBe(lastClose ? addDays(lastClose, 1) : horizonLastWeek);
  expect(
    rm.milestone.date <= horizonLastWeek,
    `reassessment ${rm.milestone.date} after the horizon's last week (${horizonLastWeek})`,
  ).toBe(true);
  expect(rm.milestone.week + 1).toBeLessThanOrEqual(ctx.plan.horizonWeeks);
  expect(rm.milestone.sentence).toContain(`${rm.milestone.week + 1}`);
  expect(rm.milestone.sentence).toContain(rm.milestone.dateText);
  expect(rm.timeline.totalWeeks).toBe(rm.milestone.week);
  if (rm.gate) {
    expect(rm.gate.date).toBe(addDays(worked[0]?.endDate ?? "", 1));
    expect(rm.gate.date <= rm.milestone.date, "gate after the reassessment").toBe(true);
  }
  // "The plan takes N weeks and ends on <the last action's last day>, within the horizon."
  if (lastEnd) expect(rm.calibration).toContain(ctx.dateText(lastEnd));
  for (const id of rm.firstNinetyDays.actions) {
    const a = rm.actions.find((x) => x.id === id);
    expect(a && a.startDate < addDays(start, FIRST_DAYS_WEEKS * 7), `${id} in the 90 days`).toBe(
      true,
    );
  }
  for (const step of r.decisions.nextSteps) {
    const a = rm.actions.find((x) => x.id === step.action);
    expect(step.start).toBe(ctx.dateText(a?.startDate ?? ""));
  }
}

/**
 * A phase that holds the practice after its last rollout closes no earlier than the hold ends, the
 * next phase and the reassessment start after it, and its exit criteria name the hold's dates.
 */
function checkHolds(r: ReportModel, ctx: Context) {
  for (const p of ctx.plan.phases) {
    const view = r.roadmap.phases.find((x) => x.phase === p.phase);
    const holdWeeks = ctx.questionnaire.methodology?.roadmap.phases?.[p.phase].holdWeeks ?? 0;
    const rollouts = r.roadmap.actions.filter(
      (a) =>
        a.phase === p.phase && ctx.plan.actions.find((x) => x.id === a.id)?.recommendation.rollout,
    );
    if (holdWeeks === 0 || rollouts.length === 0) {
      expect(p.hold).toBeNull();
      continue;
    }
    const lastRollout = max(rollouts.map((a) => a.endDate));
    const holdEnd = addDays(lastRollout, 7 * holdWeeks);
    expect(p.hold?.weeks).toBe(holdWeeks);
    expect((view?.endDate ?? "") >= holdEnd, `${p.phase} closes before ${holdEnd}`).toBe(true);
    expect(r.roadmap.milestone.date > holdEnd, "reassessment within the hold").toBe(true);
    for (const later of r.roadmap.phases.filter(
      (x) => x.startWeek >= p.endWeek && x.actions.length,
    ))
      expect(later.startDate > holdEnd, `${later.phase} starts within the hold`).toBe(true);
    const dated = (view?.exitCriteria ?? []).filter(
      (c) => c.includes(ctx.dateText(holdEnd)) && c.includes(ctx.dateText(lastRollout)),
    );
    expect(dated, `${p.phase}: no exit criterion dates the hold to ${holdEnd}`).toHaveLength(1);
    expect(dated[0]).toContain(`${(p.hold?.from ?? 0) + holdWeeks}`);
  }
}

/** The scorecard measures at the reassessment; standing measures by a phase's end or by it. */
function checkScorecard(r: ReportModel, ctx: Context) {
  const atReassessment = projectionAt(ctx.plan, "reassessment");
  const outcomes = r.kpis.scorecard.filter((row) => row.kind === "outcome");
  for (const row of outcomes) {
    expect(row.target).toContain(r.roadmap.milestone.dateText);
    const dim = r.dimensions.items.find((d) => row.kpi.startsWith(d.title));
    const expected = atReassessment[dim?.id ?? ""];
    expect(expected).not.toBeUndefined();
    expect(row.target).toContain((expected ?? 0).toFixed(2));
    // The one score the report expects of the dimension: the calibration's, where it lists it.
    expect(ctx.expectations.get(dim?.id ?? "")?.atReassessment).toBe(expected);
    const item = r.summary.calibration.items.find((i) => i.dimension === dim?.id);
    if (item) expect(item.expectedAtReassessment).toBe(expected);
  }
  const phaseEnds = r.roadmap.phases.map((p) => ctx.dateText(p.endDate));
  for (const row of r.kpis.scorecard.filter((x) => x.kind === "practice")) {
    const dated = [...phaseEnds, r.roadmap.milestone.dateText].some((d) => row.target.includes(d));
    expect(dated, `${row.kpi}: ${row.target} names no phase end nor the reassessment`).toBe(true);
  }
}

/** Calibration, dimension sections, roadmap summary and decisions name the same dates. */
function checkCalibration(r: ReportModel, ctx: Context) {
  const cal = r.summary.calibration;
  for (const d of ctx.results.dimensions) {
    const item = cal.items.find((i) => i.dimension === d.id);
    const detail = r.dimensions.items.find((x) => x.id === d.id);
    const firstStart = r.roadmap.actions
      .filter((a) => a.dimension === d.id)
      .reduce<number | null>((m, a) => (m === null ? a.startWeek : Math.min(m, a.startWeek)), null);
    const e = ctx.expectations.get(d.id);
    const projected = e?.atReassessment ?? null;
    if (!item) {
      // Not listed: the projection reaches the target by the reassessment, or there is no gap.
      expect(detail?.expectation ?? null).toBeNull();
      if (d.score !== null && (d.gap ?? 0) > 0) {
        expect(e?.targetWeek ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(
          ctx.plan.reassessmentWeek,
        );
        expect(projected).toBe(d.target);
      }
      continue;
    }
    expect(item.expectedAtReassessment).toBe(projected);
    expect(item.expectedAtReassessment).toBeLessThan(d.target);
    expect(item.startWeek).toBe(firstStart);
    expect(detail?.expectation).toMatchObject({
      startWeek: item.startWeek,
      monthsNeeded: item.monthsNeeded,
      realisticDate: item.realisticDate,
    });
    if (item.realisticDate === null) {
      expect(firstStart).toBeNull();
      expect(item.expectedAtReassessment).toBe(d.score);
    } else {
      // Later than the reassessment, which measures it; maybe still within the horizon.
      expect(e?.targetWeek ?? 0).toBeGreaterThan(ctx.plan.reassessmentWeek);
      expect(
        item.realisticDate > r.roadmap.milestone.date,
        `${d.id}: realistic ${item.realisticDate} by the reassessment (${r.roadmap.milestone.date})`,
      ).toBe(true);
      expect(item.realisticDateText).toBe(ctx.dateText(item.realisticDate));
      expect(detail?.expectation?.sentence).toContain(item.realisticDateText);
    }
  }
  // The roadmap's summary and the decisions name exactly the dimensions out of reach.
  const titles = cal.items.map((i) => i.title);
  const others = r.dimensions.items.map((d) => d.title).filter((t) => !titles.includes(t));
  const decision = r.decisions.items.at(-1)?.sentence ?? "";
  for (const text of r.roadmap.actions.length > 0 ? [r.roadmap.calibration, decision] : [decision])
    for (const t of titles) expect(text).toContain(t);
  for (const t of others.filter((t) => !titles.some((x) => x.includes(t))))
    expect(r.roadmap.calibration).not.toContain(t);
  expect(cal.allReachable).toBe(cal.items.length === 0);
}

/** A goal is dated by the latest date of the capability it rests on. */
function checkGoals(r: ReportModel, ctx: Context) {
  for (const [i, g] of r.summary.calibration.goals.entries()) {
    const goal = ctx.results.assessment.goals?.[i];
    const dates = g.dimensions.map((id) => ctx.expectations.get(id)?.realisticDate ?? null);
    const expected = dates.includes(null)
      ? null
      : max([ctx.results.assessment.date, ...(dates as string[])]);
    expect(g.realisticDate).toBe(expected);
    expect(g.feasible).toBe(expected === null ? null : expected <= (goal?.by ?? ""));
    if (expected) expect(g.sentence).toContain(ctx.dateText(expected));
  }
}

/** Exit criteria never ask more of a phase than the roadmap projects for its end (English text). */
function checkExitCriteria(r: ReportModel, ctx: Context) {
  for (const p of r.roadmap.phases) {
    const projected = projectionAt(ctx.plan, p.phase);
    for (const criterion of p.exitCriteria) {
      const dim = r.dimensions.items.find((d) => criterion.startsWith(`${d.title} reaches`));
      if (!dim) continue;
      const at = projected[dim.id] ?? dim.score ?? 0;
      const least = /reaches at least (\d+\.\d\d)/.exec(criterion);
      if (least) expect(Number(least[1])).toBeLessThanOrEqual(at);
      if (criterion.includes("reaches its target")) expect(at).toBe(dim.target);
      // Short of the target at the reassessment: the target follows on its realistic date, later.
      const follows = /its target of [\d.]+ follows by (.+)\.$/.exec(criterion);
      if (follows) {
        const realistic = ctx.expectations.get(dim.id)?.realisticDate ?? "";
        expect(follows[1]).toBe(ctx.dateText(realistic));
        expect(realistic > r.roadmap.milestone.date, `${dim.id} reached after ${realistic}`).toBe(
          true,
        );
      }
    }
  }
}

describe("the dates and durations of a report (property)", () => {
  it("agree with the plan and with each other, in the order the text claims", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const results = resultsOf(c);
        const pack = standardPack();
        const r = buildReport(results, pack, { lang: c.lang, strategy: c.strategy });
        const ctx = buildContext(results, pack, { lang: c.lang, strategy: c.strategy });
        checkSchedule(r, ctx);
        checkHolds(r, ctx);
        checkScorecard(r, ctx);
        checkCalibration(r, ctx);
        checkGoals(r, ctx);
        if (c.lang === "en") checkExitCriteria(r, ctx);
        for (const b of ctx.plan.backlog)
          if (b.because.kind === "horizon")
            // It would take the horizon's last week, the reassessment's, or run past it.
            expect(b.because.endWeek + (b.because.holdWeeks ?? 0)).toBeGreaterThanOrEqual(
              ctx.plan.horizonWeeks,
            );
      }),
      { numRuns: 60 },
    );
  });
});
