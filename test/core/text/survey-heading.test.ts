import { describe, expect, it } from "vitest";
import { headingLabel } from "../../../src/core/text/survey-heading.js";

describe("a survey column's heading as a document shows it", () => {
  it.each([
    ["74、您所在的部门：", "您所在的部门"],
    ["Q2. Department:", "Department"],
    ["Question 3: Region", "Region"],
    ["3) 所属区域", "所属区域"],
    ["Department", "Department"],
    // Its own characters stay: full-width brackets are not turned into ASCII ones.
    ["5、所在事业部（含子公司）：", "所在事业部（含子公司）"],
  ])("%s reads %s", (heading, label) => {
    expect(headingLabel(heading)).toBe(label);
  });

  it("keeps a heading that is nothing but numbering, or a position", () => {
    expect(headingLabel("12、")).toBe("12、");
    expect(headingLabel("#81")).toBe("#81");
  });
});
