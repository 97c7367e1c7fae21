import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answersFile, targetsFile } from "../../../src/core/answers/schema.js";
import { resultsSchema } from "../../../src/core/models/results.js";

const valid = {
  assessment: {
    client: { name: "Acme", industry: "Manufacturing", size: "500-1000" },
    date: "2026-11-01",
    assessor: "Jane Doe",
    questionnaire: { id: "crm-maturity", version: "1.0.0" },
    horizonMonths: 12,
  },
  targets: { leadership: 4 },
  respondents: [
    {
      id: "r1",
      name: "Li Wei",
      role: "executive",
      answers: {
        "lead.ceo-owns": 4,
        "lead.kpis": { value: 3, note: "quarterly", evidence: "KPI deck" },
        "cult.hoarding": "na",
        "cult.other": "unknown",
      },
    },
  ],
};

describe("answers schema", () => {
  it("accepts the documented format", () => {
    expect(answersFile.parse(valid)).toEqual(valid);
  });

  it.each([
    ["an unknown key", { ...valid, extra: 1 }],
    ["an invalid date", { ...valid, assessment: { ...valid.assessment, date: "2026-02-30" } }],
    [
      "a non-integer level",
      { ...valid, respondents: [{ id: "r", role: "it", answers: { a: 2.5 } }] },
    ],
    [
      "an unknown keyword",
      { ...valid, respondents: [{ id: "r", role: "it", answers: { a: "n/a" } }] },
    ],
    [
      "an unknown key in the object form",
      { ...valid, respondents: [{ id: "r", role: "it", answers: { a: { value: 3, x: 1 } } }] },
    ],
  ])("rejects %s", (_name, input) => {
    expect(answersFile.safeParse(input).success).toBe(false);
  });

  it("leaves the scale range to the semantic check (out-of-scale)", () => {
    const input = { ...valid, respondents: [{ id: "r", role: "it", answers: { a: 7 } }] };
    expect(answersFile.safeParse(input).success).toBe(true);
  });

  it("parses a targets file", () => {
    expect(targetsFile.parse({ targets: { leadership: 4 } })).toEqual({
      targets: { leadership: 4 },
    });
    expect(targetsFile.safeParse({ leadership: 4 }).success).toBe(false);
  });

  it("generates JSON Schemas with descriptions and the 1–5 hint", () => {
    const schema = JSON.stringify(z.toJSONSchema(answersFile, { io: "input" }));
    expect(schema).toContain('"minimum":1,"maximum":5');
    expect(schema).toContain("not applicable");
    expect(() => z.toJSONSchema(targetsFile, { io: "input" })).not.toThrow();
    expect(() => z.toJSONSchema(resultsSchema)).not.toThrow();
  });
});
