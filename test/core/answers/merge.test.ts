import { describe, expect, it } from "vitest";
import { mergeAnswerFiles } from "../../../src/core/answers/merge.js";
import type { AnswersFile } from "../../../src/core/answers/schema.js";
import { meta, respondent } from "../../fixtures/scoring/build.js";

const file = (extra: Partial<AnswersFile> = {}): AnswersFile => ({
  assessment: meta(),
  respondents: [],
  ...extra,
});

describe("mergeAnswerFiles", () => {
  it("concatenates respondents and takes metadata from the first file", () => {
    const merged = mergeAnswerFiles([
      file({ respondents: [respondent("r1", "executive", { a: 1 })] }),
      file({
        assessment: meta({ assessor: "Someone Else" }),
        respondents: [respondent("r2", "frontline", { a: 2 })],
      }),
    ]);
    expect(merged.assessment.assessor).toBe("Jane Doe");
    expect(merged.respondents.map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(merged.conflicts).toEqual([
      {
        code: "metadata-mismatch",
        file: 1,
        path: ["assessment", "assessor"],
        message:
          'expected "Jane Doe" as in the first answers file, found "Someone Else"; the first file\'s value is used',
      },
    ]);
  });

  it("lets later targets override earlier ones and reports the override", () => {
    const merged = mergeAnswerFiles([
      file({ targets: { lead: 3, data: 4 } }),
      file({ targets: { lead: 4, data: 4 } }),
      file({ targets: { culture: 2 } }),
    ]);
    expect(merged.targets).toEqual({ lead: 4, data: 4, culture: 2 });
    expect(merged.conflicts).toMatchObject([
      { code: "target-override", file: 1, path: ["targets", "lead"] },
    ]);
  });

  it("reports a respondent id already used by an earlier file", () => {
    const merged = mergeAnswerFiles([
      file({ respondents: [respondent("r1", "executive", {})] }),
      file({ respondents: [respondent("r2", "it", {}), respondent("r1", "it", {})] }),
    ]);
    expect(merged.respondents).toHaveLength(3);
    expect(merged.conflicts).toMatchObject([
      { code: "duplicate-respondent", file: 1, path: ["respondents", 1, "id"] },
    ]);
  });

  it("passes a single file through without conflicts", () => {
    const single = file({ targets: { lead: 4 }, respondents: [respondent("r1", "it", { a: 3 })] });
    expect(mergeAnswerFiles([single])).toEqual({ ...single, conflicts: [] });
  });

  it("needs at least one file", () => {
    expect(() => mergeAnswerFiles([])).toThrow(RangeError);
  });
});
