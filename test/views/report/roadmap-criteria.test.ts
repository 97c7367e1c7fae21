import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/views/report/build.js";
import type { ReportLanguage } from "../../../src/views/report/model.js";
import { ACME, ACME_ANSWERS, loadInputs, standardPack } from "../../helpers/report.js";

/** The rigidify phase's exit criterion that names the dimensions it improves. */
function deviations(targets: Record<string, number>, lang: ReportLanguage): string | undefined {
  const inputs = loadInputs(ACME, ACME_ANSWERS, { targets });
  const { roadmap } = buildReport(inputs.results, standardPack(), {
    lang,
    respondents: inputs.respondents,
  });
  const rigidify = roadmap.phases.find((p) => p.phase === "rigidify");
  return rigidify?.exitCriteria.find((c) => /Deviations|偏离既定实践/.test(c));
}

const every = (level: number) =>
  Object.fromEntries(standardPack().dimensions.map((d) => [d.id, level]));

describe("the phase criterion on deviations from the adopted practice", () => {
  it("says 'every dimension' rather than listing all nine", () => {
    expect(deviations(every(5), "en")).toBe(
      "Deviations from the adopted practice in every dimension are tracked and corrected, not accepted as local variants.",
    );
    expect(deviations(every(5), "zh-CN")).toMatch(/^各个维度中偏离既定实践的情况/);
  });

  it("names the one dimension left out rather than the eight others", () => {
    const targets = { ...every(5), culture: 1 };
    expect(deviations(targets, "en")).toMatch(
      /^Deviations from the adopted practice in every dimension except Customer-centric culture are/,
    );
    expect(deviations(targets, "zh-CN")).toMatch(/^除以客户为中心的文化以外的各个维度中偏离/);
  });

  it("lists the dimensions when the phase improves only a few", () => {
    const targets = { ...every(1), leadership: 5, "data-quality": 5 };
    expect(deviations(targets, "en")).toMatch(
      /^Deviations from the adopted practice in (Leadership involvement and Customer data quality|Customer data quality and Leadership involvement) are/,
    );
  });
});
