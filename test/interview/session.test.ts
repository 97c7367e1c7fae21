import path from "node:path";
import { describe, expect, it } from "vitest";
import { planInterview, questionOrder } from "../../src/interview/plan.js";
import {
  advance,
  canGoBack,
  goBack,
  recordAnswer,
  type SessionState,
  skipRestOfDimension,
  startSession,
  tally,
} from "../../src/interview/session.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { isPromptExit } from "../../src/io/prompts.js";

const MINI = path.resolve(import.meta.dirname, "../fixtures/interview/mini/questionnaire.yaml");
const mini = resolveQuestionnaire(MINI);

const ids = (plan: ReturnType<typeof planInterview>) => plan.map((p) => p.question.id);
const at = (state: SessionState, plan: ReturnType<typeof planInterview>) =>
  state.cursor === null ? null : plan[state.cursor]?.question.id;

describe("planInterview", () => {
  it("puts only the role's questions, in questionnaire order, numbered per role", () => {
    const exec = planInterview(mini, "executive");
    expect(ids(exec)).toEqual(["lead.owner", "lead.sponsor", "data.quality", "data.share"]);
    expect(exec.map((p) => [p.index, p.total, p.dimensionIndex, p.dimensionCount])).toEqual([
      [0, 4, 0, 2],
      [1, 4, 0, 2],
      [2, 4, 1, 2],
      [3, 4, 1, 2],
    ]);
    const front = planInterview(mini, "frontline");
    expect(ids(front)).toEqual([
      "lead.owner",
      "lead.hoard",
      "proc.followup",
      "data.quality",
      "data.share",
    ]);
    expect(front.at(-1)?.dimensionCount).toBe(3);
  });

  it("orders every question id of the questionnaire", () => {
    expect([...questionOrder(mini).keys()]).toEqual([
      "lead.owner",
      "lead.sponsor",
      "lead.hoard",
      "proc.followup",
      "data.quality",
      "data.share",
    ]);
  });
});

describe("session state machine", () => {
  const plan = planInterview(mini, "executive");

  it("starts at the first question, or at the first unanswered one when resuming", () => {
    expect(at(startSession(plan), plan)).toBe("lead.owner");
    expect(at(startSession(plan, { "lead.owner": 3, "data.quality": "na" }), plan)).toBe(
      "lead.sponsor",
    );
    const done = startSession(plan, {
      "lead.owner": 3,
      "lead.sponsor": 2,
      "data.quality": 1,
      "data.share": "unknown",
    });
    expect(done.cursor).toBeNull();
  });

  it("records without moving, and advances past answered questions beyond the mark", () => {
    let s = startSession(plan, { "lead.sponsor": 4 });
    s = recordAnswer(s, plan, 2);
    expect(at(s, plan)).toBe("lead.owner");
    expect(s.answers["lead.owner"]).toBe(2);
    s = advance(s, plan);
    // lead.sponsor was answered in an earlier session and lies beyond the mark: passed by.
    expect(at(s, plan)).toBe("data.quality");
  });

  it("goes back, then forward again through the questions it went back over", () => {
    let s = startSession(plan);
    s = advance(recordAnswer(s, plan, 2), plan);
    s = advance(recordAnswer(s, plan, 3), plan);
    expect(at(s, plan)).toBe("data.quality");
    expect(canGoBack(s)).toBe(true);
    s = goBack(goBack(s));
    expect(at(s, plan)).toBe("lead.owner");
    expect(canGoBack(s)).toBe(false);
    expect(goBack(s)).toEqual(s);
    s = advance(recordAnswer(s, plan, 4), plan);
    expect(at(s, plan)).toBe("lead.sponsor");
    s = advance(s, plan);
    expect(at(s, plan)).toBe("data.quality");
    expect(s.answers).toEqual({ "lead.owner": 4, "lead.sponsor": 3 });
  });

  it("skips the rest of a dimension, leaving it unanswered, and ends after the last question", () => {
    let s = startSession(plan);
    s = skipRestOfDimension(s, plan);
    expect(at(s, plan)).toBe("data.quality");
    expect([...s.skipped].sort()).toEqual([0, 1]);
    s = advance(recordAnswer(s, plan, "na"), plan);
    s = advance(recordAnswer(s, plan, { value: 5, note: "n" }), plan);
    expect(s.cursor).toBeNull();
    expect(tally(s, plan)).toEqual({ answered: 1, na: 1, unknown: 0, open: 2 });
    // The next session offers the skipped questions again.
    expect(at(startSession(plan, s.answers), plan)).toBe("lead.owner");
  });

  it("keeps answers to questions outside the plan", () => {
    const s = startSession(plan, { "lead.hoard": 2 });
    expect(recordAnswer(s, plan, 1).answers).toEqual({ "lead.hoard": 2, "lead.owner": 1 });
  });
});

describe("the prompt seam", () => {
  it("recognises the error inquirer rejects with on Ctrl-C", async () => {
    // @inquirer/core is what @inquirer/prompts throws from; the seam checks the error's name only.
    const { ExitPromptError } = await import("@inquirer/core");
    expect(isPromptExit(new ExitPromptError())).toBe(true);
    expect(isPromptExit(new Error("other"))).toBe(false);
  });
});
