import { describe, expect, it } from "vitest";
import { checkAnswersAgainst, checkTargets } from "../../../src/core/answers/check.js";
import type { AnswersFile } from "../../../src/core/answers/schema.js";
import { meta, respondent } from "../../fixtures/scoring/build.js";
import { workedExample } from "../../fixtures/scoring/worked-example/case.js";

const q = {
  ...workedExample.questionnaire,
  dimensions: workedExample.questionnaire.dimensions.map((d) => ({
    ...d,
    questions: d.questions.map((x) =>
      x.id === "lead.kpis" ? { ...x, roles: ["executive", "frontline"] } : x,
    ),
  })),
};

describe("checkAnswersAgainst", () => {
  it("locates a stated goal that depends on an unknown dimension", () => {
    const answers: AnswersFile = {
      ...workedExample.input,
      goals: [{ text: "98% satisfaction", dimensions: ["lead", "leed"] }],
    };
    expect(checkAnswersAgainst(q, answers)).toEqual([
      expect.objectContaining({
        path: ["goals", 0, "dimensions", 1],
        code: "unknown-dimension",
        severity: "error",
      }),
    ]);
  });

  it("accepts valid answers", () => {
    const answers: AnswersFile = { ...workedExample.input, targets: { lead: 4 } };
    expect(checkAnswersAgainst(q, answers)).toEqual([]);
  });

  it("reports each problem at its path, saying expected vs found", () => {
    const answers: AnswersFile = {
      assessment: meta({ questionnaire: { id: "test", version: "0.9.0" } }),
      targets: { laed: 4, lead: 7 },
      respondents: [
        respondent("r1", "executive", { "lead.ceo-owns": 6, "lead.kpi": 3 }),
        respondent("r1", "frontlnie", {}),
        respondent("r3", "manager", { "lead.kpis": { value: 0, note: "?" } }),
      ],
    };
    expect(checkAnswersAgainst(q, answers)).toEqual([
      {
        path: ["assessment", "questionnaire", "version"],
        code: "questionnaire-mismatch",
        severity: "error",
        message: "expected test version 1.0.0, found 0.9.0",
      },
      {
        path: ["targets", "laed"],
        code: "unknown-dimension",
        severity: "error",
        message: 'expected a dimension id of test (lead), found "laed" (did you mean "lead"?)',
      },
      {
        path: ["targets", "lead"],
        code: "out-of-scale",
        severity: "error",
        message: "expected a target level from 1 to 5, found 7",
      },
      {
        path: ["respondents", 0, "answers", "lead.ceo-owns"],
        code: "out-of-scale",
        severity: "error",
        message: "expected an integer from 1 to 5, `na` or `unknown`, found 6",
      },
      {
        path: ["respondents", 0, "answers", "lead.kpi"],
        code: "unknown-question",
        severity: "error",
        message:
          'expected a question id of test 1.0.0, found "lead.kpi" (did you mean "lead.kpis"?)',
      },
      {
        path: ["respondents", 1, "id"],
        code: "duplicate-respondent",
        severity: "error",
        message: 'expected a unique respondent id, found "r1" again (first at respondents[0])',
      },
      {
        path: ["respondents", 1, "role"],
        code: "unknown-role",
        severity: "error",
        message:
          'expected one of the roles executive, manager, frontline, it, found "frontlnie" (did you mean "frontline"?)',
      },
      {
        path: ["respondents", 2, "answers", "lead.kpis", "value"],
        code: "out-of-scale",
        severity: "error",
        message: "expected an integer from 1 to 5, `na` or `unknown`, found 0",
      },
      {
        path: ["respondents", 2, "answers", "lead.kpis"],
        code: "question-not-for-role",
        severity: "warning",
        message:
          "question lead.kpis is put to executive, frontline, found an answer from a manager (it still counts)",
      },
    ]);
  });

  it("reports a different questionnaire id", () => {
    const answers: AnswersFile = {
      ...workedExample.input,
      assessment: meta({ questionnaire: { id: "other", version: "1.0.0" } }),
    };
    expect(checkAnswersAgainst(q, answers)).toMatchObject([
      { code: "questionnaire-mismatch", path: ["assessment", "questionnaire", "id"] },
    ]);
  });

  it("rejects a role that never answers and says an off-role unknown is ignored", () => {
    const withHr = {
      ...q,
      roles: [...q.roles, { id: "hr", name: { en: "HR", "zh-CN": "人力资源" }, respondent: false }],
    };
    const answers: AnswersFile = {
      assessment: meta(),
      respondents: [
        respondent("h1", "hr", {}),
        respondent("m1", "manager", { "lead.kpis": "unknown" }),
      ],
    };
    expect(checkAnswersAgainst(withHr, answers)).toEqual([
      {
        path: ["respondents", 0, "role"],
        code: "non-respondent-role",
        severity: "error",
        message:
          'expected a role that answers (executive, manager, frontline, it); found "hr", which the questionnaire marks `respondent: false` (it owns roadmap actions but never answers)',
      },
      {
        path: ["respondents", 1, "answers", "lead.kpis"],
        code: "question-not-for-role",
        severity: "warning",
        message:
          "question lead.kpis is put to executive, frontline, found an answer from a manager (`unknown` from a role not asked is ignored)",
      },
    ]);
  });

  it("checks a --targets file at its own path", () => {
    expect(checkTargets(q, { nope: 3 }, ["targets"])).toMatchObject([
      { code: "unknown-dimension", path: ["targets", "nope"] },
    ]);
  });
});
