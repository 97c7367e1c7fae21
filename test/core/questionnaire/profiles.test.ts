import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerValue, Respondent } from "../../../src/core/answers/schema.js";
import { scoreAssessment } from "../../../src/core/assessment.js";
import { weightedMean } from "../../../src/core/math/numbers.js";
import { resultsSchema } from "../../../src/core/models/results.js";
import {
  applyProfile,
  chooseProfile,
  employeesFromSize,
  parseProfileRequest,
  profileIds,
  scaledWeeks,
} from "../../../src/core/questionnaire/profiles.js";
import type { IndustryProfile, SizeProfile } from "../../../src/core/questionnaire/schema.js";
import type { Questionnaire } from "../../../src/core/questionnaire/types.js";
import { assessment, dimension, question, questionnaire } from "../../fixtures/scoring/build.js";

const text = (en: string) => ({ en, "zh-CN": en });

function industry(id: string, extra: Partial<IndustryProfile> = {}): IndustryProfile {
  return {
    id,
    name: text(id),
    description: text(`why ${id}`),
    match: [],
    dimensions: {},
    questions: {},
    exclude: [],
    ...extra,
  };
}

function size(id: string, min: number, max: number | undefined, factor: number): SizeProfile {
  return {
    id,
    name: text(id),
    description: text(`why ${id}`),
    employees: max === undefined ? { min } : { min, max },
    pace: { factor },
  };
}

const rec = (id: string, weeks: number) => ({
  id,
  dimension: "data",
  phase: "rigidify" as const,
  appliesBelow: 3,
  title: text(id),
  actions: [text("act")],
  owner: "manager",
  weeks,
  kpis: [],
  dependsOn: [],
  mitigates: [],
});

const base = questionnaire(
  [
    dimension("data", [question("d1"), question("d2", { weight: 2 }), question("d3")], {
      weight: 1.25,
      recommendations: [rec("data.fix", 12)],
    }),
    dimension("people", [question("p1"), question("p2")], { weight: 1 }),
  ],
  {
    recommendations: [rec("data.fix", 12)],
    profiles: {
      industries: [
        industry("retail", {
          match: ["retail", "零售"],
          dimensions: { data: { weight: 2, target: 4 } },
          questions: { d1: { weight: 3 } },
          exclude: ["d3"],
          pace: { monthsPerLevel: 8 },
        }),
        industry("industrial", { match: ["manufactur", "industrial"] }),
      ],
      sizes: [
        size("small", 1, 249, 0.75),
        size("mid", 250, 1999, 1),
        size("big", 2000, undefined, 1.5),
      ],
    },
  },
);

describe("profile requests (--profile, client.profile)", () => {
  it("reads an industry, a size band, both, or standard", () => {
    expect(parseProfileRequest(base, "retail")).toMatchObject({
      ok: true,
      industry: { id: "retail" },
    });
    expect(parseProfileRequest(base, "retail, big")).toMatchObject({
      ok: true,
      industry: { id: "retail" },
      size: { id: "big" },
    });
    expect(parseProfileRequest(base, "standard")).toEqual({ ok: true, standard: true });
  });

  it("refuses unknown ids with the known ones and a guess, two industries, or standard with others", () => {
    const unknown = parseProfileRequest(base, "retial");
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toMatch(/found "retial" \(did you mean retail\?\)/);
    expect(!unknown.ok && unknown.message).toContain(
      "retail, industrial, small, mid, big, standard",
    );
    expect(parseProfileRequest(base, "retail,industrial")).toMatchObject({ ok: false });
    expect(parseProfileRequest(base, "small,big")).toMatchObject({ ok: false });
    expect(parseProfileRequest(base, "standard,small")).toMatchObject({ ok: false });
    expect(parseProfileRequest(base, " , ")).toMatchObject({ ok: false });
  });

  it("names a profile by its ids, standard for none", () => {
    expect(profileIds(undefined)).toBe("standard");
    expect(profileIds({ industry: { id: "retail" }, size: { id: "big" } })).toBe("retail,big");
    expect(profileIds({ size: { id: "big" } })).toBe("big");
  });
});

describe("choosing a profile", () => {
  it.each([
    ["600 employees", 600],
    ["500-1000", 1000],
    ["20,000+", 20000],
    ["约 2000 人，62 家门店", 2000],
    ["large", undefined],
    [undefined, undefined],
  ])("reads the headcount in size %j as %j", (text, expected) => {
    expect(employeesFromSize(text)).toBe(expected);
  });

  it("matches industry words case-insensitively, the first profile in declaration order", () => {
    const chosen = chooseProfile(base, { industry: "Industrial equipment manufacturing" });
    expect(chosen.value).toMatchObject({ chosenBy: "answers", industry: { id: "industrial" } });
    expect(chooseProfile(base, { industry: "家电零售连锁" }).value?.industry?.id).toBe("retail");
    expect(chooseProfile(base, { industry: "Banking" }).value).toBeUndefined();
  });

  it("takes the size band from employees before the size text; band edges are inclusive", () => {
    expect(chooseProfile(base, { size: "100 staff", employees: 249 }).value?.size?.id).toBe(
      "small",
    );
    expect(chooseProfile(base, { size: "100 staff", employees: 250 }).value?.size?.id).toBe("mid");
    expect(chooseProfile(base, { size: "20,000 employees" }).value?.size?.id).toBe("big");
  });

  it("lets --profile win over client.profile, and client.profile over industry and size", () => {
    const client = { industry: "retail", employees: 100, profile: "industrial,mid" };
    expect(chooseProfile(base, client, "big").value).toEqual({
      chosenBy: "option",
      size: base.profiles?.sizes[2],
    });
    expect(chooseProfile(base, client).value).toMatchObject({
      chosenBy: "answers",
      industry: { id: "industrial" },
      size: { id: "mid" },
    });
    expect(chooseProfile(base, client, "standard")).toEqual({});
    expect(chooseProfile(base, client, "nope").error).toMatchObject({ from: "option" });
    expect(chooseProfile(base, { profile: "nope" }).error).toMatchObject({ from: "answers" });
  });
});

describe("applying a profile", () => {
  const retail = base.profiles?.industries[0] as IndustryProfile;
  const big = base.profiles?.sizes[2] as SizeProfile;

  it("changes weights, targets, questions and pace, and scales recommendation weeks", () => {
    const q = applyProfile(base, { chosenBy: "option", industry: retail, size: big });
    const data = q.dimensions[0];
    expect(data).toMatchObject({ weight: 2, target: 4 });
    expect(data?.questions.map((x) => [x.id, x.weight])).toEqual([
      ["d1", 3],
      ["d2", 2],
    ]);
    expect(q.dimensions[1]).toMatchObject({ weight: 1, target: 3 });
    expect(q.pace.monthsPerLevel).toBe(12);
    expect(q.recommendations[0]?.weeks).toBe(18);
    expect(data?.recommendations[0]?.weeks).toBe(18);
    // The questionnaire it came from is untouched.
    expect(base.dimensions[0]?.questions).toHaveLength(3);
    expect(base.pace.monthsPerLevel).toBe(9);
  });

  it("rounds scaled weeks to whole weeks, never below one", () => {
    expect(scaledWeeks(12, 0.75)).toBe(9);
    expect(scaledWeeks(1, 0.25)).toBe(1);
    expect(scaledWeeks(3, 1.5)).toBe(5);
  });

  it("names the profile in the results, and leaves excluded questions out of the scores", () => {
    const input = assessment([
      { id: "a", role: "manager", answers: { d1: 2, d2: 4, d3: 1, p1: 3, p2: 3 } },
    ]);
    const r = scoreAssessment(applyProfile(base, { chosenBy: "answers", industry: retail }), input);
    expect(resultsSchema.safeParse(r).success).toBe(true);
    expect(r.profile).toEqual({
      industry: { id: "retail", name: text("retail") },
      chosenBy: "answers",
    });
    expect(r.monthsPerLevel).toBe(8);
    const data = r.dimensions[0];
    expect(data?.questions.map((x) => x.id)).toEqual(["d1", "d2"]);
    // (2 × 3 + 4 × 2) ÷ 5, exactly as scoring defines it; d3's 1 is not counted.
    expect(data?.score).toBe(2.8);
    expect(data?.target).toBe(4);
    expect(scoreAssessment(base, input).profile).toBeUndefined();
  });
});

const weightArb = fc.constantFrom(0.1, 0.2, 0.7, 1, 1.25, 2, 3);
const answerArb: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 6 },
  { arbitrary: fc.constantFrom("na" as const, "unknown" as const), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

/** A questionnaire of 1–3 dimensions, respondents answering it, and a random industry profile. */
const caseArb = fc
  .array(
    fc.record({
      weight: weightArb,
      questions: fc.array(weightArb, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .chain((dims) => {
    const q = questionnaire(
      dims.map((d, i) =>
        dimension(
          `d${i}`,
          d.questions.map((w, j) => question(`d${i}.q${j}`, { weight: w })),
          { weight: d.weight },
        ),
      ),
    );
    const ids = q.dimensions.flatMap((d) => d.questions.map((x) => x.id));
    const respondentArb = fc.record({
      role: fc.constantFrom("executive", "manager", "frontline", "it"),
      answers: fc.tuple(...ids.map(() => answerArb)),
    });
    const profileArb = fc.record({
      dimensionWeights: fc.tuple(
        ...q.dimensions.map(() => fc.option(weightArb, { nil: undefined })),
      ),
      questionWeights: fc.tuple(...ids.map(() => fc.option(weightArb, { nil: undefined }))),
    });
    return fc
      .tuple(fc.array(respondentArb, { minLength: 1, maxLength: 5 }), profileArb)
      .map(([rs, p]) => {
        const respondents: Respondent[] = rs.map((r, i) => {
          const answers: Record<string, AnswerValue> = {};
          r.answers.forEach((a, k) => {
            if (a !== undefined) answers[ids[k] as string] = a;
          });
          return { id: `r${i}`, role: r.role, answers };
        });
        const profile = industry("p", {
          dimensions: Object.fromEntries(
            q.dimensions.flatMap((d, i) => {
              const w = p.dimensionWeights[i];
              return w === undefined ? [] : [[d.id, { weight: w }]];
            }),
          ),
          questions: Object.fromEntries(
            ids.flatMap((id, k) => {
              const w = p.questionWeights[k];
              return w === undefined ? [] : [[id, { weight: w }]];
            }),
          ),
        });
        return { q, input: assessment(respondents), profile };
      });
  });

/** Results without the key that names the profile. */
function withoutProfile(r: ReturnType<typeof scoreAssessment>) {
  const { profile: _, ...rest } = r;
  return rest;
}

describe("scoring under a profile (properties)", () => {
  it("a profile that changes nothing gives identical scores", () => {
    fc.assert(
      fc.property(caseArb, ({ q, input }) => {
        const neutral = industry("neutral");
        const plain = scoreAssessment(q, input);
        const profiled = scoreAssessment(
          applyProfile(q, { chosenBy: "option", industry: neutral }),
          input,
        );
        expect(withoutProfile(profiled)).toEqual(plain);
        expect(profiled.profile?.industry?.id).toBe("neutral");
      }),
    );
  });

  it("the overall score is the mean of the dimension scores under the profile's weights", () => {
    fc.assert(
      fc.property(caseArb, ({ q, input, profile }) => {
        const profiled = applyProfile(q, { chosenBy: "option", industry: profile });
        const r = scoreAssessment(profiled, input);
        // From the (2-decimal) dimension scores under the profile's weights: within the two roundings.
        const byHand = weightedMean(
          q.dimensions.flatMap((d, i) => {
            const s = r.dimensions[i]?.score;
            const w = profile.dimensions[d.id]?.weight ?? d.weight;
            return s === null || s === undefined ? [] : [[s, w] as const];
          }),
        );
        if (byHand === null) expect(r.overall.score).toBeNull();
        else
          expect(Math.abs((r.overall.score as number) - byHand)).toBeLessThanOrEqual(0.01 + 1e-9);
        // Dimension weights alone never change a dimension's own score.
        const dimsOnly = applyProfile(q, {
          chosenBy: "option",
          industry: { ...profile, questions: {} },
        });
        const a = scoreAssessment(dimsOnly, input).dimensions.map((d) => d.score);
        expect(a).toEqual(scoreAssessment(q, input).dimensions.map((d) => d.score));
      }),
    );
  });

  it("leaving a question out scores as if the questionnaire never had it", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ q, input }, pick) => {
        const ids = q.dimensions.flatMap((d) => d.questions.map((x) => x.id));
        const removed = ids[pick % ids.length] as string;
        const d = q.dimensions.find((x) => x.questions.some((y) => y.id === removed));
        if (!d || d.questions.length < 2) return;
        const profiled = applyProfile(q, {
          chosenBy: "option",
          industry: industry("x", { exclude: [removed] }),
        });
        const smaller: Questionnaire = {
          ...q,
          dimensions: q.dimensions.map((x) => ({
            ...x,
            questions: x.questions.filter((y) => y.id !== removed),
          })),
        };
        expect(withoutProfile(scoreAssessment(profiled, input))).toEqual(
          scoreAssessment(smaller, input),
        );
      }),
    );
  });
});
