import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AssessmentInput } from "../../../src/core/answers/input.js";
import type { AnswerValue, Respondent } from "../../../src/core/answers/schema.js";
import { scoreAssessment } from "../../../src/core/assessment.js";
import { resultsSchema } from "../../../src/core/models/results.js";
import type { Question } from "../../../src/core/questionnaire/schema.js";
import type { Questionnaire } from "../../../src/core/questionnaire/types.js";
import { assessment, dimension, question, questionnaire } from "../../fixtures/scoring/build.js";

const ROLES = ["executive", "manager", "frontline", "it"] as const;
// Weights that do not add up exactly in binary floating point, on purpose.
const weightArb = fc.constantFrom(0.1, 0.2, 0.7, 1, 2, 3);

const questionArb = fc.record({
  type: fc.constantFrom("level" as const, "likert" as const),
  reverse: fc.boolean(),
  critical: fc.boolean(),
  weight: weightArb,
  roles: fc.option(fc.subarray([...ROLES], { minLength: 1 }), { nil: undefined }),
});

const questionnaireArb = fc
  .array(
    fc.record({
      weight: weightArb,
      questions: fc.array(questionArb, { minLength: 1, maxLength: 4 }),
    }),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((dims) =>
    questionnaire(
      dims.map((d, i) =>
        dimension(
          `d${i}`,
          d.questions.map((q, j) => {
            const extra: Partial<Question> = {
              type: q.type,
              weight: q.weight,
              critical: q.critical,
            };
            if (q.type === "likert") extra.reverse = q.reverse;
            if (q.roles) extra.roles = q.roles;
            return question(`d${i}.q${j}`, extra);
          }),
          { weight: d.weight },
        ),
      ),
    ),
  );

const scalarArb = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.constantFrom("na" as const, "unknown" as const),
);
const answerArb: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
  { arbitrary: scalarArb, weight: 6 },
  { arbitrary: fc.record({ value: scalarArb, note: fc.string() }), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

function caseArb(minRespondents = 0): fc.Arbitrary<{ q: Questionnaire; input: AssessmentInput }> {
  return questionnaireArb.chain((q) => {
    const ids = q.dimensions.flatMap((d) => d.questions.map((x) => x.id));
    const respondentArb = fc.record({
      role: fc.constantFrom(...ROLES),
      answers: fc.tuple(...ids.map(() => answerArb)),
    });
    return fc.array(respondentArb, { minLength: minRespondents, maxLength: 6 }).map((rs) => {
      const respondents: Respondent[] = rs.map((r, i) => {
        const answers: Record<string, AnswerValue> = {};
        r.answers.forEach((a, k) => {
          const id = ids[k];
          if (a !== undefined && id !== undefined) answers[id] = a;
        });
        return { id: `r${i}`, role: r.role, answers };
      });
      return { q, input: assessment(respondents) };
    });
  });
}

function inRange(x: number | null): boolean {
  return x === null || (x >= 1 && x <= 5);
}

describe("scoring invariants", () => {
  it("keeps every score within [1, 5] and the results valid", () => {
    fc.assert(
      fc.property(caseArb(), ({ q, input }) => {
        const r = scoreAssessment(q, input);
        resultsSchema.parse(r);
        expect(inRange(r.overall.score)).toBe(true);
        for (const d of r.dimensions) {
          expect(inRange(d.score)).toBe(true);
          for (const s of Object.values(d.byRole)) expect(inRange(s)).toBe(true);
          for (const x of d.questions) {
            expect(inRange(x.score)).toBe(true);
            for (const s of Object.values(x.byRole)) expect(inRange(s)).toBe(true);
          }
        }
      }),
    );
  });

  it("does not depend on respondent order", () => {
    const arb = caseArb().chain(({ q, input }) =>
      fc
        .shuffledSubarray(input.respondents, {
          minLength: input.respondents.length,
          maxLength: input.respondents.length,
        })
        .map((shuffled) => ({ q, input, shuffled })),
    );
    fc.assert(
      fc.property(arb, ({ q, input, shuffled }) => {
        expect(scoreAssessment(q, { ...input, respondents: shuffled })).toEqual(
          scoreAssessment(q, input),
        );
      }),
    );
  });

  it("never lowers a dimension's score or level when a non-reversed answer is raised", () => {
    const arb = caseArb(1).chain((c) =>
      fc.record({ c: fc.constant(c), pick: fc.nat(), by: fc.integer({ min: 1, max: 4 }) }),
    );
    fc.assert(
      fc.property(arb, ({ c: { q, input }, pick, by }) => {
        const candidates: { r: number; d: number; id: string; value: number }[] = [];
        input.respondents.forEach((respondent, r) => {
          q.dimensions.forEach((dim, d) => {
            for (const x of dim.questions) {
              const raw = respondent.answers[x.id];
              const value = typeof raw === "object" ? raw.value : raw;
              if (typeof value === "number" && value < 5 && !(x.type === "likert" && x.reverse)) {
                candidates.push({ r, d, id: x.id, value });
              }
            }
          });
        });
        fc.pre(candidates.length > 0);
        const chosen = candidates[pick % candidates.length];
        if (!chosen) return;
        const raised = input.respondents.map((respondent, r) =>
          r === chosen.r
            ? {
                ...respondent,
                answers: { ...respondent.answers, [chosen.id]: Math.min(5, chosen.value + by) },
              }
            : respondent,
        );
        const before = scoreAssessment(q, input).dimensions[chosen.d];
        const after = scoreAssessment(q, { ...input, respondents: raised }).dimensions[chosen.d];
        expect(after?.score).toBeGreaterThanOrEqual(before?.score ?? Number.NaN);
        expect(after?.level).toBeGreaterThanOrEqual(before?.level ?? Number.NaN);
      }),
    );
  });

  it("treats `na` from everyone like removing the question", () => {
    const arb = caseArb()
      .filter(({ q }) => q.dimensions.some((d) => d.questions.length > 1))
      .chain((c) => fc.record({ c: fc.constant(c), pick: fc.nat() }));
    fc.assert(
      fc.property(arb, ({ c: { q, input }, pick }) => {
        const d = q.dimensions.findIndex((x) => x.questions.length > 1);
        const dim = q.dimensions[d];
        if (!dim) return;
        const removed = dim.questions[pick % dim.questions.length];
        if (!removed) return;

        const withNa = input.respondents.map((r) => ({
          ...r,
          answers: { ...r.answers, [removed.id]: "na" as const },
        }));
        const without = input.respondents.map((r) => {
          const { [removed.id]: _, ...answers } = r.answers;
          return { ...r, answers };
        });
        const smaller: Questionnaire = {
          ...q,
          dimensions: q.dimensions.map((x, i) =>
            i === d ? { ...x, questions: x.questions.filter((y) => y.id !== removed.id) } : x,
          ),
        };
        const a = scoreAssessment(q, { ...input, respondents: withNa });
        const b = scoreAssessment(smaller, { ...input, respondents: without });
        // Confidence also asks whether the roles the questionnaire puts questions to took part,
        // and removing a question can remove a role from those: compare everything else.
        const strip = <T extends { confidence: unknown; confidenceBasis: object }>(x: T) => {
          const { confidence: _c, confidenceBasis, ...rest } = x;
          const {
            rolesExpected: _e,
            rolesPresent: _p,
            limitedBy: _l,
            ...basis
          } = confidenceBasis as Record<string, unknown>;
          return { ...rest, basis };
        };
        const { questions: _qa, ...dimA } = a.dimensions[d] ?? {};
        const { questions: _qb, ...dimB } = b.dimensions[d] ?? {};
        expect(strip(dimA as never)).toEqual(strip(dimB as never));
        expect(strip(a.overall)).toEqual(strip(b.overall));
      }),
    );
  });
});
