import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/views/report/build.js";
import { ACME, ACME_ANSWERS, loadInputs, standardPack } from "../../helpers/report.js";

/** The roadmap's method paragraph (the last paragraph of its introduction). */
function rules(capacities: Record<string, number>, lang: "en" | "zh-CN" = "en"): string {
  const q = standardPack();
  q.roles = q.roles.map((r) => (r.id in capacities ? { ...r, capacity: capacities[r.id] } : r));
  const report = buildReport(loadInputs(ACME, ACME_ANSWERS).results, q, { lang });
  return report.roadmap.intro.at(-1) ?? "";
}

describe("the roadmap's method paragraph", () => {
  it("states how many actions an owner runs at once, as the questionnaire sets it", () => {
    expect(rules({})).toContain("each owner carries at most two actions at a time.");
    expect(rules({}, "zh-CN")).toContain("每个责任方同一时间最多承担两项行动。");
    // One owner with its own capacity is named; the rest keep the usual figure.
    const pmoAlone = rules({ pmo: 1 });
    expect(pmoAlone).toMatch(/at most two actions at a time \([^)]*: one\)\./);
    expect(rules({ pmo: 1 }, "zh-CN")).toMatch(/最多承担两项行动（[^）]+一项）。/);
    // When most owners share another figure, that figure leads.
    expect(rules({ pmo: 3, it: 3, hr: 3, manager: 3 })).toMatch(
      /at most three actions at a time \([^)]*: two\)\./,
    );
    expect(rules({ pmo: 1, it: 1, hr: 1, manager: 1, executive: 1 })).toContain(
      "at most one action at a time.",
    );
  });
});
