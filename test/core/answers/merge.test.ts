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
          'expected "Jane Doe" as in answers file 1, found "Someone Else"; the value of answers file 1 is used',
      },
    ]);
  });

  it("reports a later file that disagrees on the profile, the headcount or the CRM situation", () => {
    const client = (extra: object) => ({ ...meta().client, ...extra });
    const merged = mergeAnswerFiles([
      file({
        assessment: meta({
          client: client({ profile: "b2c-retail,large", employees: 3000, crmSituation: "live" }),
        }),
      }),
      file({ assessment: meta({ client: client({ employees: 300, crmSituation: "none" }) }) }),
    ]);
    expect(merged.assessment.client).toMatchObject({
      profile: "b2c-retail,large",
      crmSituation: "live",
    });
    expect(merged.conflicts.map((c) => [c.file, c.path.join("."), c.message])).toEqual([
      [
        1,
        "assessment.client.employees",
        "expected 3000 as in answers file 1, found 300; the value of answers file 1 is used",
      ],
      [
        1,
        "assessment.client.crmSituation",
        'expected "live" as in answers file 1, found "none"; the value of answers file 1 is used',
      ],
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

  it("names both files of a repeated respondent id when given their names", () => {
    const merged = mergeAnswerFiles(
      [
        file({ respondents: [respondent("executive-1", "executive", {})] }),
        file({ respondents: [respondent("executive-1", "executive", {})] }),
      ],
      { names: ["answers/ceo.yaml", "answers/cfo.yaml"] },
    );
    expect(merged.conflicts).toEqual([
      {
        code: "duplicate-respondent",
        file: 1,
        path: ["respondents", 0, "id"],
        message:
          'expected a respondent id not used before, found "executive-1" already used in answers/ceo.yaml (respondents[0]); give one of them another id',
      },
    ]);
  });

  it("takes a field the first file leaves as init's placeholder from a later file that fills it", () => {
    const placeholders = {
      name: ["Client name", "客户名称"],
      industry: ["Industry"],
      size: ["Size"],
      assessor: ["Your name"],
    };
    const merged = mergeAnswerFiles(
      [
        file({ assessment: meta({ client: { name: "客户名称", industry: "Industry" } }) }),
        file({ assessment: meta({ client: { name: "Acme", industry: "Retail" } }) }),
        file({ assessment: meta({ client: { name: "Client name", industry: "Retail" } }) }),
      ],
      { placeholders },
    );
    expect(merged.assessment.client).toEqual({ name: "Acme", industry: "Retail" });
    // A placeholder in a later file never counts as a disagreement.
    expect(merged.conflicts).toEqual([]);
    // Without the placeholder list the first file wins, as before.
    expect(
      mergeAnswerFiles([
        file({ assessment: meta({ client: { name: "客户名称" } }) }),
        file({ assessment: meta({ client: { name: "Acme" } }) }),
      ]).assessment.client.name,
    ).toBe("客户名称");
  });

  it("needs at least one file", () => {
    expect(() => mergeAnswerFiles([])).toThrow(RangeError);
  });
});
