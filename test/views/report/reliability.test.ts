import { describe, expect, it } from "vitest";
import type { DimensionReliability } from "../../../src/core/models/reliability.js";
import type { Results } from "../../../src/core/models/results.js";
import { buildReport } from "../../../src/views/report/build.js";
import {
  agreementBand,
  alphaBand,
  MIN_READING_RESPONDENTS,
  weakItems,
} from "../../../src/views/report/sections/reliability.js";
import { ACME, ACME_ANSWERS, acmeReport, loadInputs, standardPack } from "../../helpers/report.js";

const dim = (
  alpha: number | null,
  respondents = 20,
  warnings: DimensionReliability["warnings"] = [],
) =>
  ({
    dimension: "d",
    items: [],
    leftOut: [],
    respondents,
    alpha,
    lower: null,
    upper: null,
    itemStatistics: [],
    rwg: null,
    rwgItems: 0,
    warnings,
  }) as DimensionReliability;

describe("reliability readings", () => {
  it.each([
    [0.95, "good"],
    [0.8, "good"],
    [0.79, "acceptable"],
    [0.7, "acceptable"],
    [0.6, "loose"],
    [0.59, "poor"],
    [-0.3, "poor"],
  ] as const)("alpha %s reads %s", (alpha, band) => {
    expect(alphaBand(dim(alpha))).toBe(band);
  });

  it("does not read alpha from fewer than 5 complete answers or without variance", () => {
    expect(alphaBand(dim(0.9, MIN_READING_RESPONDENTS - 1))).toBe("too-few");
    expect(alphaBand(dim(null, 30, ["no-variance"]))).toBe("no-variance");
    expect(alphaBand(dim(null, 1, ["few-respondents"]))).toBe("too-few");
  });

  it.each([
    [1, "strong"],
    [0.71, "strong"],
    [0.7, "moderate"],
    [0.51, "moderate"],
    [0.5, "weak"],
    [0.31, "weak"],
    [0.3, "none"],
    [null, null],
  ] as const)("rwg(j) %s reads %s (LeBreton & Senter 2008)", (rwg, band) => {
    expect(agreementBand(rwg)).toBe(band);
  });
});

describe("questions that fit poorly", () => {
  const item = (question: string, itemRest: number | null, alphaIfDeleted: number | null) => ({
    question,
    mean: 3,
    sd: 1,
    itemRest,
    alphaIfDeleted,
  });

  it("are those below 0.30 item-rest or whose removal raises alpha by 0.05", () => {
    const d = {
      ...dim(0.8),
      itemStatistics: [
        item("a", 0.6, 0.75),
        item("b", 0.29, 0.8),
        item("c", 0.4, 0.85),
        item("d", 0.3, 0.84),
      ],
    };
    expect(weakItems(d).map((i) => i.question)).toEqual(["b", "c"]);
  });

  it("are not read where alpha is not read", () => {
    const d = { ...dim(0.8, 3), itemStatistics: [item("b", 0.1, 0.9)] };
    expect(weakItems(d)).toEqual([]);
  });
});

describe("the appendix's reliability table", () => {
  it("shows every dimension's figures from the results, in both languages", () => {
    const inputs = loadInputs(ACME, ACME_ANSWERS);
    const rel = inputs.results.reliability;
    if (!rel) throw new Error("the fixture has several respondents");
    for (const lang of ["en", "zh-CN"] as const) {
      const table = acmeReport({ lang }).appendix.reliability;
      // Alpha and its interval only where alpha is read: from fewer answers alpha swings
      // anywhere (-13.00 from two) and its interval spans most of the line.
      expect(table?.rows.map((r) => [r.dimension, r.alpha, r.lower, r.upper, r.rwg])).toEqual(
        rel.dimensions.map((d) =>
          d.respondents >= MIN_READING_RESPONDENTS
            ? [d.dimension, d.alpha, d.lower, d.upper, d.rwg]
            : [d.dimension, null, null, null, d.rwg],
        ),
      );
      expect(
        rel.dimensions.some((d) => d.respondents < MIN_READING_RESPONDENTS && d.lower !== null),
      ).toBe(true);
      expect(table?.rows.every((r) => r.reading.length > 0)).toBe(true);
      expect(table?.groups).toEqual([]);
    }
    // Each dimension keeps one short line: the table shows the figures, the reading does not
    // repeat them (a reading with caveats and role groups wrapped to ten lines a row).
    const en = acmeReport({ lang: "en" }).appendix.reliability;
    const zh = acmeReport({ lang: "zh-CN" }).appendix.reliability;
    for (const r of [...(en?.rows ?? []), ...(zh?.rows ?? [])]) {
      expect(r.reading).not.toMatch(/\d\.\d\d/);
      expect(r.reading.length).toBeLessThanOrEqual(60);
    }
    expect(en?.rows.map((r) => r.reading)).toContain(
      "Too few answers or questions to judge; strong agreement",
    );
    expect(zh?.caveats.length).toBe(en?.caveats.length);
    // The PDF's standard Helvetica has no Greek letters: English never needs a font for them.
    expect(JSON.stringify(en)).not.toMatch(/[α−]/);
  });

  it("gives alpha and its interval where alpha is read (5 or more complete answers), not below", () => {
    const { results } = loadInputs(ACME, ACME_ANSWERS);
    const copy = structuredClone(results);
    const first = copy.reliability?.dimensions[0];
    if (!first || first.lower === null)
      throw new Error("the fixture's first dimension has an interval");
    const row = () => buildReport(copy, standardPack()).appendix.reliability?.rows[0];
    first.respondents = MIN_READING_RESPONDENTS;
    expect([row()?.alpha, row()?.lower, row()?.upper]).toEqual([
      first.alpha,
      first.lower,
      first.upper,
    ]);
    first.respondents = MIN_READING_RESPONDENTS - 1;
    first.alpha = -13;
    expect([row()?.alpha, row()?.lower, row()?.upper]).toEqual([null, null, null]);
    expect(row()?.reading).toContain("Too few answers or questions to judge");
  });

  it("is absent with a single respondent", () => {
    const inputs = loadInputs(ACME, ["answers/it.yaml"]);
    expect(inputs.results.respondents).toHaveLength(1);
    const report = buildReport(inputs.results, standardPack(), { respondents: inputs.respondents });
    expect(report.appendix.reliability).toBeNull();
  });

  it("adds a table of ICC(1)/ICC(2) per --group-by column of batch results", () => {
    const inputs = loadInputs(ACME, ACME_ANSWERS);
    const results: Results = structuredClone(inputs.results);
    results.statistics = {
      groups: [
        {
          column: "Department",
          values: [],
          icc: [
            { dimension: "leadership", icc1: 0.21, icc2: 0.74, groups: 4, respondents: 120 },
            { dimension: "culture", icc1: 0.02, icc2: 0.18, groups: 4, respondents: 120 },
            { dimension: "data-quality", icc1: null, icc2: null, groups: 1, respondents: 3 },
            { dimension: "integration", icc1: -0.01, icc2: -10.64, groups: 5, respondents: 313 },
          ],
        },
      ],
    } as unknown as Results["statistics"];
    const report = buildReport(results, standardPack(), { lang: "en" });
    const group = report.appendix.reliability?.groups[0];
    expect(group?.title).toBe("Agreement across Department");
    expect(group?.rows.map((r) => r.reading)).toEqual([
      "Department groups differ reliably (ICC(1) = 0.21): their averages can be compared.",
      "Department group averages are not reliable enough to compare (ICC(1) = 0.02).",
      "Not enough Department groups or answers to compare.",
      "Department groups differ no more than chance would make them: their averages should not be compared.",
    ]);
    // Below 0, neither figure is shown (ICC(2) runs to any negative number).
    expect(group?.rows.map((r) => [r.icc1, r.icc2])).toEqual([
      [0.21, 0.74],
      [0.02, 0.18],
      [null, null],
      [null, null],
    ]);
  });

  it("folds what limits the figures into short notes; the role groups' detail is internal", () => {
    const inputs = loadInputs(ACME, ACME_ANSWERS);
    const dims = inputs.results.reliability?.dimensions ?? [];
    const grouped = dims.filter((d) => d.roles && d.roleGroups);
    expect(grouped.length).toBeGreaterThan(0);
    const model = (edition: "full" | "internal") =>
      buildReport(inputs.results, standardPack(), {
        lang: "en",
        edition,
        respondents: inputs.respondents,
      }).appendix.reliability;
    const full = model("full");
    const internal = model("internal");
    // Indicative figures are said once for the table, not once per row.
    expect(full?.caveats.filter((c) => c.includes("fewer than 10 complete"))).toHaveLength(1);
    // The full edition names the dimensions answered by role groups in one note ...
    const note = full?.caveats.filter((c) => c.includes("different questions to different roles"));
    expect(note).toHaveLength(1);
    expect(full?.caveats.join(" ")).not.toMatch(/Within the other groups/);
    // ... the internal edition gives each one's groups.
    const detail = internal?.caveats.filter((c) => c.includes("the group with the most complete"));
    expect(detail).toHaveLength(grouped.length);
    expect(internal?.rows).toEqual(full?.rows);
  });
});
