import { describe, expect, it } from "vitest";
import {
  type CompareSide,
  compareAssessments,
  intervalBetween,
  progressToTarget,
  questionDifferences,
  rolesAnswered,
  splitRoles,
} from "../../../src/core/analysis/comparison.js";
import { OUTCOME_KPIS, outcomeDimensions } from "../../../src/core/analysis/outcomes.js";
import type { AnswerValue } from "../../../src/core/answers/schema.js";
import { scoreAssessment } from "../../../src/core/assessment.js";
import type { Questionnaire } from "../../../src/core/questionnaire/types.js";
import {
  assessment,
  dimension,
  question,
  questionnaire,
  respondent,
} from "../../fixtures/scoring/build.js";
import { loadLotus } from "../../helpers/lotus.js";

/** Scores one executive's answers (and optional extra respondents) into a compare side. */
function side(
  q: Questionnaire,
  answers: Record<string, AnswerValue>,
  opts: {
    date?: string;
    client?: string;
    frontline?: Record<string, AnswerValue>;
    targets?: Record<string, number>;
    withQuestionnaire?: boolean;
  } = {},
): CompareSide {
  const people = [respondent("ceo", "executive", answers)];
  if (opts.frontline) people.push(respondent("rep", "frontline", opts.frontline));
  const results = scoreAssessment(
    q,
    assessment(people, {
      meta: {
        date: opts.date ?? "2026-01-15",
        questionnaire: { id: q.id, version: q.version },
        ...(opts.client ? { client: { name: opts.client } } : {}),
      },
      targets: opts.targets,
    }),
  );
  return { results, questionnaire: opts.withQuestionnaire === false ? undefined : q };
}

const LATER = { date: "2026-07-15" };

describe("progressToTarget", () => {
  it.each([
    { b: 2, f: 3, t: 4, progress: 50, status: "measured" },
    { b: 2.5, f: 3.25, t: 4, progress: 50, status: "measured" },
    { b: 2, f: 2, t: 4, progress: 0, status: "measured" },
    { b: 2, f: 1.5, t: 4, progress: 0, status: "measured" }, // a decline is clamped to 0 %
    { b: 2, f: 4.6, t: 4, progress: 100, status: "measured" }, // overshoot is clamped to 100 %
    { b: 1, f: 1.01, t: 4, progress: 0, status: "measured" }, // 0.33 % rounds to 0
    { b: 1.2, f: 2.87, t: 3, progress: 93, status: "measured" },
    { b: 4, f: 4.5, t: 4, progress: null, status: "baseline-at-target" },
    { b: 4.5, f: 3, t: 4, progress: null, status: "baseline-at-target" },
    { b: null, f: 3, t: 4, progress: null, status: "inconclusive" },
    { b: 2, f: null, t: 4, progress: null, status: "inconclusive" },
  ])("($b → $f, target $t) is $progress ($status)", ({ b, f, t, progress, status }) => {
    expect(progressToTarget(b, f, t)).toEqual({ progress, status });
  });
});

describe("intervalBetween", () => {
  it.each([
    ["2026-01-15", "2026-07-15", 181, 6],
    ["2026-01-31", "2026-02-28", 28, 0],
    ["2025-12-01", "2026-01-01", 31, 1],
    ["2026-03-10", "2026-03-10", 0, 0],
    ["2026-07-15", "2026-01-15", -181, -6],
  ])("%s → %s is %i days, %i months", (from, to, days, months) => {
    expect(intervalBetween(from, to)).toEqual({ days, months });
  });
});

describe("compareAssessments: dimensions", () => {
  const q = questionnaire([
    dimension("lead", [question("lead.a"), question("lead.b")], { target: 4 }),
    dimension("data", [question("data.a")], { target: 3 }),
  ]);

  it("reports score, level and coverage changes and progress to the follow-up target", () => {
    const c = compareAssessments(
      side(q, { "lead.a": 2, "lead.b": 2, "data.a": 3 }),
      side(q, { "lead.a": 3, "lead.b": 4, "data.a": 2 }, LATER),
    );
    const [lead, data] = c.dimensions;
    expect(lead).toMatchObject({
      id: "lead",
      status: "matched",
      score: { baseline: 2, followup: 3.5, change: 1.5 },
      level: { baseline: 2, followup: 3, change: 1 },
      coverage: { baseline: 1, followup: 1, change: 0 },
      progress: 75,
      progressStatus: "measured",
      questionsChanged: false,
    });
    // data started at its target (3): no gap to close, so no percentage, even though it fell.
    expect(data).toMatchObject({
      score: { baseline: 3, followup: 2, change: -1 },
      progress: null,
      progressStatus: "baseline-at-target",
    });
    expect(c.overall.score.change).toBe(0.25);
    expect(c.interval).toEqual({ days: 181, months: 6 });
  });

  it("is inconclusive when a dimension has no answer on one side", () => {
    const c = compareAssessments(
      side(q, { "lead.a": 2, "data.a": "unknown" }),
      side(q, { "lead.a": 3, "data.a": 3 }, LATER),
    );
    const data = c.dimensions.find((d) => d.id === "data");
    expect(data).toMatchObject({
      score: { baseline: null, followup: 3, change: null },
      level: { baseline: null, followup: 3, change: null },
      coverage: { baseline: 0, followup: 1, change: 1 },
      progress: null,
      progressStatus: "inconclusive",
    });
    const lead = c.dimensions.find((d) => d.id === "lead");
    expect(lead?.coverage).toEqual({ baseline: 0.5, followup: 0.5, change: 0 });
  });

  it("measures progress against the follow-up's target and keeps both targets", () => {
    const c = compareAssessments(
      side(q, { "lead.a": 2, "lead.b": 2, "data.a": 2 }),
      side(q, { "lead.a": 3, "lead.b": 3, "data.a": 3 }, { ...LATER, targets: { lead: 5 } }),
    );
    expect(c.dimensions[0]).toMatchObject({
      target: { baseline: 4, followup: 5 },
      progress: 33,
    });
  });

  it("lists dimensions added and removed between versions without a progress figure", () => {
    const v2 = questionnaire(
      [
        dimension("lead", [question("lead.a"), question("lead.b")], { target: 4 }),
        dimension("proc", [question("proc.a")]),
      ],
      { version: "2.0.0" },
    );
    const c = compareAssessments(
      side(q, { "lead.a": 2, "lead.b": 2, "data.a": 2 }),
      side(v2, { "lead.a": 3, "lead.b": 3, "proc.a": 2 }, LATER),
    );
    expect(c.dimensions.map((d) => [d.id, d.status, d.progressStatus])).toEqual([
      ["lead", "matched", "measured"],
      ["proc", "added", "added"],
      ["data", "removed", "removed"],
    ]);
    expect(c.dimensions[1]?.score).toEqual({ baseline: null, followup: 2, change: null });
    expect(c.dimensions.find((d) => d.id === "lead")?.questionsChanged).toBe(false);
  });
});

describe("compareAssessments: risks", () => {
  const risk = (id: string, q: string, severity: "high" | "medium" | "low" = "high") => ({
    id,
    title: { en: `Risk ${id}`, "zh-CN": `风险 ${id}` },
    severity,
    when: { question: q, atMost: 2 },
    mitigation: { en: "m", "zh-CN": "m" },
  });
  const build = (risks: ReturnType<typeof risk>[], version = "1.0.0") =>
    questionnaire([dimension("d", [question("q1"), question("q2"), question("q3")])], {
      risks,
      version,
    });

  it("splits risks into resolved, new and persisting, ordered by severity then id", () => {
    const q = build([risk("r1", "q1"), risk("r2", "q2", "medium"), risk("r3", "q3", "low")]);
    const c = compareAssessments(
      side(q, { q1: 1, q2: 2, q3: 4 }),
      side(q, { q1: 4, q2: 1, q3: 2 }, LATER),
    );
    expect(c.risks.resolved.map((r) => r.id)).toEqual(["r1"]);
    expect(c.risks.new.map((r) => r.id)).toEqual(["r3"]);
    expect(c.risks.persisting.map((r) => r.id)).toEqual(["r2"]);
    expect(c.risks.resolved[0]).toMatchObject({
      title: { en: "Risk r1" },
      severity: { baseline: "high", followup: null },
      rule: null,
    });
    expect(c.risks.new[0]?.severity).toEqual({ baseline: null, followup: "low" });
  });

  it("says when a risk 'resolved' only because the follow-up questionnaire dropped its rule", () => {
    const v1 = build([risk("r1", "q1"), risk("r2", "q2")]);
    const v2 = build([risk("r2", "q2"), risk("r9", "q3")], "1.1.0");
    const c = compareAssessments(
      side(v1, { q1: 1, q2: 4, q3: 1 }),
      side(v2, { q1: 1, q2: 4, q3: 1 }, LATER),
    );
    expect(c.risks.resolved).toMatchObject([{ id: "r1", rule: "not-in-followup-questionnaire" }]);
    expect(c.risks.new).toMatchObject([{ id: "r9", rule: "not-in-baseline-questionnaire" }]);
  });

  it("cannot tell a dropped rule from a resolved risk without the questionnaire", () => {
    const v1 = build([risk("r1", "q1")]);
    const v2 = build([], "1.1.0");
    const c = compareAssessments(
      side(v1, { q1: 1, q2: 4, q3: 4 }, { withQuestionnaire: false }),
      side(v2, { q1: 1, q2: 4, q3: 4 }, { ...LATER, withQuestionnaire: false }),
    );
    expect(c.risks.resolved).toMatchObject([{ id: "r1", rule: null }]);
  });
});

describe("compareAssessments: readiness and perception gaps", () => {
  const q = questionnaire([dimension("d", [question("q1")])], {
    readiness: [
      {
        id: "stop",
        verdict: "not-ready",
        title: { en: "Stop" },
        when: { question: "q1", atMost: 1 },
      },
      {
        id: "wait",
        verdict: "conditional",
        title: { en: "Wait" },
        when: { question: "q1", atMost: 2 },
      },
    ],
  });

  it.each([
    [1, 3, "not-ready", "ready", "improved"],
    [3, 2, "ready", "conditional", "worsened"],
    [2, 2, "conditional", "conditional", "unchanged"],
    [1, 2, "not-ready", "conditional", "improved"],
  ] as const)("q1 %i → %i: %s → %s (%s)", (b, f, from, to, direction) => {
    const c = compareAssessments(side(q, { q1: b }), side(q, { q1: f }, LATER));
    expect(c.readiness).toMatchObject({ baseline: from, followup: to, direction });
  });

  it("keeps the rules that decided each verdict", () => {
    const c = compareAssessments(side(q, { q1: 1 }), side(q, { q1: 2 }, LATER));
    expect(c.readiness.baselineRules.map((r) => r.id)).toEqual(["stop"]);
    expect(c.readiness.followupRules.map((r) => r.id)).toEqual(["wait"]);
  });

  it("reports the executive–front-line gap on each side and its change", () => {
    const c = compareAssessments(
      side(q, { q1: 4 }, { frontline: { q1: 2 } }),
      side(q, { q1: 3 }, { ...LATER, frontline: { q1: 3 } }),
    );
    expect(c.perceptionGaps).toHaveLength(1);
    expect(c.perceptionGaps[0]).toMatchObject({
      dimension: "d",
      gap: { baseline: 2, followup: 0, change: -2 },
      flagged: { baseline: true, followup: false },
    });
  });

  it("omits dimensions without a perception gap on either side", () => {
    const c = compareAssessments(side(q, { q1: 4 }), side(q, { q1: 4 }, LATER));
    expect(c.perceptionGaps).toEqual([]);
  });
});

describe("compareAssessments: questionnaire versions", () => {
  const anchors = (word: string) =>
    Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), { en: `${word} ${l}` }]));
  const v1 = questionnaire(
    [
      dimension("a", [
        question("a.same", { levels: anchors("x") }),
        question("a.text", { text: { en: "Old wording" } }),
        question("a.anchors", { levels: anchors("old") }),
        question("a.weight", { weight: 1 }),
        question("a.gone"),
      ]),
      dimension("b", [question("b.moves"), question("b.stays")]),
    ],
    { version: "1.0.0" },
  );
  const v2 = questionnaire(
    [
      dimension("a", [
        question("a.same", { levels: anchors("x") }),
        question("a.text", { text: { en: "New wording" } }),
        question("a.anchors", { levels: anchors("new") }),
        question("a.weight", { weight: 2, critical: true }),
        question("a.new"),
        question("b.moves"),
      ]),
      dimension("b", [question("b.stays")]),
    ],
    { version: "1.1.0" },
  );
  const answers = {
    "a.same": 2,
    "a.text": 2,
    "a.anchors": 2,
    "a.weight": 2,
    "a.gone": 2,
    "a.new": 2,
    "b.moves": 2,
    "b.stays": 2,
  } as const;
  const v1Answers = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== "a.new"));
  const v2Answers = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== "a.gone"));

  it("lists added, removed and changed questions when both questionnaires are known", () => {
    const c = compareAssessments(
      side(v1, v1Answers),
      side(v2, { ...v2Answers, "a.text": 4 }, LATER),
    );
    expect(c.questions.basis).toBe("questionnaires");
    expect(c.questions.added).toEqual([
      { id: "a.new", dimension: "a", text: { en: "a.new", "zh-CN": "a.new" } },
    ]);
    expect(c.questions.removed.map((q) => q.id)).toEqual(["a.gone"]);
    expect(c.questions.changed.map((q) => [q.id, q.fields])).toEqual([
      ["a.text", ["text"]],
      ["a.anchors", ["anchors"]],
      ["a.weight", ["weight", "critical"]],
      ["b.moves", ["dimension"]],
    ]);
    // Matched questions carry scores; a changed definition is flagged rather than hidden.
    const text = c.questions.matched.find((q) => q.id === "a.text");
    expect(text).toMatchObject({
      score: { baseline: 2, followup: 4, change: 2 },
      definitionChanged: true,
    });
    expect(c.questions.matched.map((q) => q.id)).not.toContain("a.new");
    // Both dimensions are touched: b lost b.moves to a.
    expect(c.dimensions.map((d) => [d.id, d.questionsChanged])).toEqual([
      ["a", true],
      ["b", true],
    ]);
  });

  it("marks the overall score when the dimensions' weights changed, even from results alone", () => {
    const dims = (weightB: number) => [
      dimension("a", [question("a.one")]),
      dimension("b", [question("b.one")], { weight: weightB }),
    ];
    const before = questionnaire(dims(1), { version: "1.0.0" });
    const after = questionnaire(dims(3), { version: "1.1.0" });
    const same = { "a.one": 2, "b.one": 4 };
    for (const withQuestionnaire of [true, false]) {
      const c = compareAssessments(
        side(before, same, { withQuestionnaire }),
        side(after, same, { ...LATER, withQuestionnaire }),
      );
      // Nobody answered differently: the whole overall change (3.00 → 3.50) is the re-weighting.
      expect(c.overall.score).toEqual({ baseline: 3, followup: 3.5, change: 0.5 });
      expect(c.overall.weightsChanged).toBe(true);
      expect(c.dimensions.map((d) => [d.id, d.weight])).toEqual([
        ["a", { baseline: 1, followup: 1, change: 0 }],
        ["b", { baseline: 1, followup: 3, change: 2 }],
      ]);
      expect(c.questions.changed).toEqual([]);
    }
  });

  it("does not call weights all scaled alike a change: no share of the overall moved", () => {
    const dims = (w: number) => [
      dimension("a", [question("a.one")], { weight: w }),
      dimension("b", [question("b.one")], { weight: w }),
    ];
    const c = compareAssessments(
      side(questionnaire(dims(1), { version: "1.0.0" }), { "a.one": 2, "b.one": 4 }),
      side(questionnaire(dims(2), { version: "1.1.0" }), { "a.one": 2, "b.one": 4 }, LATER),
    );
    expect(c.overall.weightsChanged).toBe(false);
    expect(c.overall.score.change).toBe(0);
  });

  it("falls back to ids when a questionnaire is unavailable, and says so", () => {
    const c = compareAssessments(
      side(v1, v1Answers, { withQuestionnaire: false }),
      side(v2, v2Answers, LATER),
    );
    expect(c.questions.basis).toBe("ids-only");
    expect(c.baseline.questionnaireAvailable).toBe(false);
    expect(c.questions.added.map((q) => q.id)).toEqual(["a.new"]);
    // The removed question's text lived only in the unavailable questionnaire.
    expect(c.questions.removed).toEqual([{ id: "a.gone", dimension: "a", text: null }]);
    // Text and anchor changes cannot be seen from results; only the move between dimensions can.
    expect(c.questions.changed.map((q) => [q.id, q.fields])).toEqual([["b.moves", ["dimension"]]]);
  });

  it("knows nothing changed when both sides used the same version", () => {
    const c = compareAssessments(
      side(v1, v1Answers, { withQuestionnaire: false }),
      side(v1, v1Answers, { ...LATER, withQuestionnaire: false }),
    );
    expect(c.questions).toMatchObject({
      basis: "same-version",
      added: [],
      removed: [],
      changed: [],
    });
    expect(c.dimensions.every((d) => !d.questionsChanged)).toBe(true);
  });

  it("ignores help and evidence edits, and key order in texts", () => {
    const a = question("x", { text: { en: "E", "zh-CN": "中" }, help: { en: "old help" } });
    const b = question("x", { text: { "zh-CN": "中", en: "E" }, help: { en: "new help" } });
    expect(questionDifferences(a, b)).toEqual([]);
    expect(
      questionDifferences(
        question("x", { type: "likert" }),
        question("x", { type: "likert", reverse: true }),
      ),
    ).toEqual(["reverse"]);
    expect(
      questionDifferences(
        question("x", { roles: ["it", "executive"] }),
        question("x", { roles: ["executive", "it"] }),
      ),
    ).toEqual([]);
    expect(questionDifferences(question("x"), question("x", { roles: ["it"] }))).toEqual(["roles"]);
    expect(questionDifferences(question("x"), question("x", { type: "likert" }))).toEqual(["type"]);
    // Pack 1.0.0 → 2.0.0: a question that becomes a fact, put to fewer roles.
    expect(
      questionDifferences(question("x"), question("x", { kind: "fact", roles: ["executive"] })),
    ).toEqual(["kind", "roles"]);
  });

  it("ranks the biggest movers by absolute change, then id, and limits them", () => {
    const q = questionnaire([
      dimension(
        "d",
        ["q1", "q2", "q3", "q4", "q5"].map((id) => question(id)),
      ),
    ]);
    const c = compareAssessments(
      side(q, { q1: 2, q2: 2, q3: 4, q4: 2, q5: 3 }),
      side(q, { q1: 3, q2: 4, q3: 2, q4: 2, q5: 4 }, LATER),
      { movers: 3 },
    );
    expect(c.questions.movers.map((m) => [m.id, m.score.change])).toEqual([
      ["q2", 2],
      ["q3", -2],
      ["q1", 1],
    ]);
    expect(c.questions.matched).toHaveLength(5);
  });
});

describe("compareAssessments: warnings and determinism", () => {
  const q = questionnaire([dimension("d", [question("q1")])]);

  it("warns (without failing) when the client names differ", () => {
    const c = compareAssessments(
      side(q, { q1: 2 }, { client: "Acme Ltd" }),
      side(q, { q1: 3 }, { ...LATER, client: "Acme Holdings" }),
    );
    expect(c.warnings).toEqual([
      { code: "client-mismatch", baseline: "Acme Ltd", followup: "Acme Holdings" },
    ]);
  });

  it("warns when both assessments carry the same date or other questionnaires", () => {
    const other = questionnaire([dimension("d", [question("q1")])], { id: "other" });
    const c = compareAssessments(side(q, { q1: 2 }), side(other, { q1: 3 }));
    expect(c.warnings.map((w) => w.code)).toEqual(["questionnaire-mismatch", "same-date"]);
  });

  it("gives byte-identical JSON for the same input", async () => {
    const lotus = await loadLotus();
    const a = JSON.stringify(compareAssessments(lotus.baseline, lotus.followup));
    const b = JSON.stringify(compareAssessments(lotus.baseline, lotus.followup));
    expect(a).toBe(b);
  });
});

describe("the Lotus fixture (six months, questionnaire 1.0.0 → 1.1.0)", () => {
  it("shows improved leadership, a resolved and a new risk, and the version changes", async () => {
    const { baseline, followup } = await loadLotus();
    const c = compareAssessments(baseline, followup);
    const lead = c.dimensions.find((d) => d.id === "leadership");
    expect(lead?.score.change).toBeGreaterThan(0.5);
    expect(lead?.level).toEqual({ baseline: 1, followup: 3, change: 2 });
    expect(lead?.progressStatus).toBe("measured");
    expect(c.risks.resolved.map((r) => r.id)).toContain("sponsor-not-owner");
    expect(c.risks.new.map((r) => r.id)).toEqual(["customer-resource-hoarding"]);
    expect(c.readiness).toMatchObject({
      baseline: "not-ready",
      followup: "conditional",
      direction: "improved",
    });
    expect(c.questions.basis).toBe("questionnaires");
    expect(c.questions.added.map((q) => q.id)).toEqual(["data.quality-measured"]);
    expect(c.questions.removed.map((q) => q.id)).toEqual(["cult.not-my-job"]);
    expect(c.questions.changed).toMatchObject([{ id: "lead.expectations", fields: ["anchors"] }]);
    expect(c.interval.months).toBe(6);
    expect(c.warnings).toEqual([]);
  });
});

describe("compareAssessments: outcome KPIs and noise", () => {
  it("follows the baseline's largest weighted gaps, with the dimensions' own scores and noise", async () => {
    const { baseline, followup } = await loadLotus();
    const c = compareAssessments(baseline, followup);
    const expected = outcomeDimensions(baseline.results, OUTCOME_KPIS).map((d) => d.id);
    expect(c.kpis.map((k) => k.dimension)).toEqual(expected);
    for (const k of c.kpis) {
      const d = c.dimensions.find((x) => x.id === k.dimension);
      expect(k.score).toEqual(d?.score);
      expect(k.noise).toEqual(d?.noise);
      expect(k.target).toBe(d?.target.followup);
    }
    // Lotus: leadership's +0.92 is real; data quality's +0.50 is within its band.
    const signal = Object.fromEntries(c.dimensions.map((d) => [d.id, d.noise.signal]));
    expect(signal).toMatchObject({
      leadership: "gain",
      culture: "loss",
      "data-quality": "within-noise",
    });
  });
});

describe("compareAssessments: roles that answered at one assessment only", () => {
  // The front line answers only the first dimension; the second is put to executives alone.
  const q = questionnaire([
    dimension("shared", [question("q1")]),
    dimension("exec", [question("q2", { roles: ["executive"] })]),
  ]);
  const withFront = side(q, { q1: 4, q2: 3 }, { frontline: { q1: 2 } });
  const without = side(q, { q1: 4, q2: 3 }, LATER);

  it("lists the roles each side answered as, and those only one has", () => {
    expect(rolesAnswered(withFront.results)).toEqual(["executive", "frontline"]);
    expect(splitRoles(withFront.results, without.results)).toEqual({
      shared: ["executive"],
      onlyBaseline: ["frontline"],
      onlyFollowup: [],
    });
  });

  it("warns with the roles, their names and the dimensions they answered on", () => {
    const c = compareAssessments(withFront, without);
    expect(c.warnings).toEqual([
      {
        code: "role-mismatch",
        baseline: "executive, frontline",
        followup: "executive",
        onlyBaseline: [
          {
            id: "frontline",
            name: { en: "frontline", "zh-CN": "frontline" },
            people: { en: "frontline", "zh-CN": "frontline" },
            respondents: 1,
          },
        ],
        onlyFollowup: [],
        shared: [
          {
            id: "executive",
            name: { en: "executive", "zh-CN": "executive" },
            people: { en: "executive", "zh-CN": "executive" },
            respondents: 1,
          },
        ],
        comparedOn: "all-respondents",
        dimensions: ["shared"],
      },
    ]);
    // As answered, the front line's 2 pulled the baseline down: a rise that is not real change.
    expect(c.dimensions[0]?.score).toEqual({ baseline: 3, followup: 4, change: 1 });
  });

  it("takes names from the roles given when neither questionnaire is known, else the id", () => {
    const bare = (s: CompareSide): CompareSide => ({ results: s.results });
    const named = compareAssessments(bare(without), bare(withFront), {
      roles: [{ id: "frontline", name: { en: "Front line", "zh-CN": "一线" } }],
    });
    expect(named.warnings[0]).toMatchObject({
      onlyFollowup: [{ id: "frontline", name: { en: "Front line" }, people: { en: "Front line" } }],
      shared: [{ id: "executive", name: null, people: null }],
    });
  });

  it("compared on the shared roles: figures from the sides given, people and gaps as answered", () => {
    const shared = side(q, { q1: 4, q2: 3 });
    const c = compareAssessments(shared, without, {
      answered: { baseline: withFront.results, followup: without.results },
    });
    expect(c.warnings[0]).toMatchObject({ code: "role-mismatch", comparedOn: "shared-roles" });
    expect(c.dimensions[0]?.score).toEqual({ baseline: 4, followup: 4, change: 0 });
    // The header counts who answered; the perception gap is the one the baseline measured.
    expect(c.baseline.respondents).toBe(2);
    expect(c.perceptionGaps).toMatchObject([
      { dimension: "shared", gap: { baseline: 2, followup: null, change: null } },
    ]);
  });

  it("follows the KPIs the baseline's report set, from everyone who answered it", () => {
    const four = questionnaire(
      ["a", "b", "c", "d"].map((id) => dimension(id, [question(`${id}1`)])),
    );
    const exec = { a1: 1, b1: 1, c1: 3, d1: 3 } as const;
    // The front line rates d low: with it, d has a gap; without it, none.
    const answered = side(four, exec, { frontline: { d1: 1 } });
    const shared = side(four, exec);
    const later = side(four, exec, LATER);
    expect(compareAssessments(shared, later).kpis.map((k) => k.dimension)).toEqual(["a", "b"]);
    const c = compareAssessments(shared, later, {
      answered: { baseline: answered.results, followup: later.results },
    });
    expect(c.kpis.map((k) => k.dimension)).toEqual(["a", "b", "d"]);
    // Measured, like every figure, on the roles both share.
    expect(c.kpis[2]?.score).toEqual({ baseline: 3, followup: 3, change: 0 });
  });

  it("says nothing when both sides had the same roles", () => {
    const c = compareAssessments(
      withFront,
      side(q, { q1: 3, q2: 3 }, { ...LATER, frontline: { q1: 3 } }),
    );
    expect(c.warnings).toEqual([]);
  });
});
