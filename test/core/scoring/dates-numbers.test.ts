import { describe, expect, it } from "vitest";
import { compareIds, floorLevel, round2, weightedMean } from "../../../src/core/math/numbers.js";
import { addMonths } from "../../../src/core/scoring/dates.js";

describe("addMonths", () => {
  it.each([
    ["2026-11-01", 9, "2027-08-01"],
    ["2026-11-01", 0, "2026-11-01"],
    ["2026-11-15", 2, "2027-01-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2027-05-31", 9, "2028-02-29"],
    ["2026-08-31", 1, "2026-09-30"],
    ["2099-12-31", 14, "2101-02-28"],
    ["2000-01-29", 1, "2000-02-29"],
    ["1900-01-29", 1, "1900-02-28"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("rejects a date that is not YYYY-MM-DD", () => {
    expect(() => addMonths("2026-1-1", 1)).toThrow(RangeError);
  });
});

describe("numbers", () => {
  it("rounds half away from zero to 2 decimals, absorbing binary noise", () => {
    expect(round2(107 / 40)).toBe(2.68); // 2.675 exactly, stored as 2.67499999…
    expect(round2(17 / 8)).toBe(2.13);
    expect(round2(-17 / 8)).toBe(-2.13);
    expect(round2(11 / 3)).toBe(3.67);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });

  it("floors with a tolerance for floating-point noise", () => {
    expect(floorLevel(2.9999999999999996)).toBe(3);
    expect(floorLevel(2.99)).toBe(2);
  });

  it("keeps a weighted mean inside the range of its values", () => {
    // 0.5 + 1 = 1.5 over 0.1 + 0.2 = 0.30000000000000004 would give 4.999999999999999.
    expect(
      weightedMean([
        [5, 0.1],
        [5, 0.2],
      ]),
    ).toBe(5);
    expect(weightedMean([])).toBeNull();
    expect(weightedMean([[3, 0]])).toBeNull();
  });

  it("orders ids naturally", () => {
    expect(["r10", "r2", "r1", "a"].sort(compareIds)).toEqual(["a", "r1", "r2", "r10"]);
  });
});
