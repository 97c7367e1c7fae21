import { describe, expect, it } from "vitest";
import type { Questionnaire } from "../../../src/core/questionnaire/types.js";
import { buildReport } from "../../../src/views/report/build.js";
import type { ReportLanguage } from "../../../src/views/report/model.js";
import { ACME, ACME_ANSWERS, loadInputs, standardPack } from "../../helpers/report.js";

/**
 * The standard pack with rigidify's hold set as given (removed when undefined), and the criterion
 * it belongs to as given (`keep`: the pack's own; null: none).
 */
function withRigidifyHold(
  holdWeeks: number | undefined,
  holdCriterion: number | null | "keep" = "keep",
): Questionnaire {
  const pack = standardPack();
  const phases = pack.methodology?.roadmap.phases;
  if (!pack.methodology || !phases) throw new Error("the standard pack has a method");
  const { holdWeeks: _, holdCriterion: own, ...rest } = phases.rigidify;
  const criterion = holdCriterion === "keep" ? own : holdCriterion;
  const rigidify =
    criterion === undefined || criterion === null ? rest : { ...rest, holdCriterion: criterion };
  return {
    ...pack,
    methodology: {
      ...pack.methodology,
      roadmap: {
        ...pack.methodology.roadmap,
        phases: {
          ...phases,
          rigidify: holdWeeks === undefined ? rigidify : { ...rigidify, holdWeeks },
        },
      },
    },
  };
}

function roadmapOf(pack: Questionnaire, lang: ReportLanguage) {
  const inputs = loadInputs(ACME, ACME_ANSWERS);
  return buildReport(inputs.results, pack, { lang, respondents: inputs.respondents }).roadmap;
}

describe("the rigidify hold in the report", () => {
  it("dates the hold after the first exit criterion, in both languages", () => {
    expect(standardPack().methodology?.roadmap.phases?.rigidify.holdWeeks).toBe(4);
    const en = roadmapOf(standardPack(), "en").phases[0];
    expect(en?.exitCriteria[1]).toMatch(
      /^The last rollout ends in week (\d+) \(\d+ \w+ 2026\); the four consecutive weeks of stable use that must follow it run to the end of week (\d+) \(\d+ \w+ 2026\), and the phase does not close before then\.$/,
    );
    const [, from, until] = /week (\d+).*week (\d+)/.exec(en?.exitCriteria[1] ?? "") ?? [];
    expect(Number(until) - Number(from)).toBe(4);
    // The phase ends with the hold: its last week is the hold's.
    expect(en?.endWeek).toBe(Number(until));
    const zh = roadmapOf(standardPack(), "zh-CN").phases[0];
    // The timeline marks the same weeks, with its legend in each language.
    const timeline = roadmapOf(standardPack(), "en").timeline;
    expect(timeline.phases.map((p) => p.hold)).toEqual([
      { startWeek: Number(from), endWeek: Number(until) },
      null,
      null,
    ]);
    expect(timeline.holdLabel).toBe("Hold: stable use before the phase closes");
    expect(roadmapOf(standardPack(), "zh-CN").timeline.holdLabel).toBe(
      "稳定执行期：阶段收尾前须保持稳定执行",
    );
    expect(zh?.exitCriteria[1]).toBe(
      `最后一项推广于第 ${from} 周（${/（(.+?)）/.exec(zh?.exitCriteria[1] ?? "")?.[1]}）结束；其后须连续四周稳定执行，至第 ${until} 周（${/至第 \d+ 周（(.+?)）/.exec(zh?.exitCriteria[1] ?? "")?.[1]}）结束，本阶段方可收尾。`,
    );
  });

  it("dates the hold after the criterion the pack says it belongs to, else after the method's criteria", () => {
    const own = standardPack().methodology?.roadmap.phases?.rigidify.exitCriteria ?? [];
    expect(standardPack().methodology?.roadmap.phases?.rigidify.holdCriterion).toBe(1);
    expect(own).toHaveLength(3);
    const isHold = (c: string) => c.startsWith("The last rollout ends in week");
    for (const [criterion, index] of [
      [1, 1],
      [2, 2],
      [3, 3],
      [null, 3],
    ] as const) {
      const rigidify = roadmapOf(withRigidifyHold(4, criterion), "en").phases[0];
      // Acme's rigidify improves dimensions: all three criteria stay, with the hold among them.
      expect(rigidify?.exitCriteria).toHaveLength(own.length + 1);
      expect(rigidify?.exitCriteria.findIndex(isHold)).toBe(index);
      expect(rigidify?.exitCriteria.filter(isHold)).toHaveLength(1);
    }
    // The criterion stays where the method put it, the hold only moves.
    const third = roadmapOf(withRigidifyHold(4, 3), "zh-CN").phases[0]?.exitCriteria ?? [];
    const first = roadmapOf(standardPack(), "zh-CN").phases[0]?.exitCriteria ?? [];
    expect([third[0], third[1], third[2]]).toEqual([first[0], first[2], first[3]]);
    expect(third[3]).toBe(first[1]);
  });

  it("leaves a pack without holdWeeks as it was: no dated hold, the phase ends with its last action", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      const without = roadmapOf(withRigidifyHold(undefined), lang);
      const zero = roadmapOf(withRigidifyHold(0), lang);
      expect(zero).toEqual(without);
      const rigidify = without.phases[0];
      const own = standardPack().methodology?.roadmap.phases?.rigidify.exitCriteria ?? [];
      expect(rigidify?.exitCriteria).toHaveLength(own.length);
      const lastEnd = Math.max(
        ...without.actions.filter((a) => a.phase === "rigidify").map((a) => a.endWeek),
      );
      expect(rigidify?.endWeek).toBe(lastEnd);
      expect(without.timeline.phases.every((p) => p.hold === null)).toBe(true);
      // The held plan closes rigidify later, and every later phase moves with it.
      const held = roadmapOf(standardPack(), lang);
      expect(held.phases[0]?.endWeek ?? 0).toBeGreaterThan(lastEnd);
      expect(held.phases[1]?.startWeek).toBe(held.phases[0]?.endWeek);
    }
  });
});
