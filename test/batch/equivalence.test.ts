import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { RespondentScorer } from "../../src/batch/respondent-scores.js";
import { resultsJsonChunks } from "../../src/batch/results-json.js";
import { materializeResults } from "../../src/batch/run.js";
import { scoreAssessment } from "../../src/core/assessment.js";
import { compareIds, round2, round2OrNull } from "../../src/core/math/numbers.js";
import { oneWayIcc } from "../../src/core/math/reliability.js";
import { reliabilityOf, respondentCodes } from "../../src/core/scoring/reliability.js";
import { questionnaire, runOn, scoreFiles, tmp, withoutStatistics } from "./helpers.js";
import { quantileForTest } from "./quantile.js";

const QUESTIONS = [
  "lead.ceo-ownership",
  "lead.programme-lead",
  "lead.bad-news",
  "cult.shared-values",
  "cult.hoarding",
  "cult.cross-department",
  "data.owner",
  "data.complete",
  "data.integration",
];
const ROLES = ["executive", "manager", "frontline", "it"];
const LABELS: Record<string, string> = {
  "1": "Strongly disagree",
  "2": "Disagree",
  "3": "Neither agree nor disagree",
  "4": "Agree",
  "5": "Strongly agree",
  na: "N/A",
  unknown: "Don't know",
};
const ASSESSMENT = {
  client: { name: "Generated Co" },
  date: "2024-03-31",
  assessor: "Test",
  questionnaire: { id: "batch-test", version: "1.0.0" },
};

/** A seeded generator, so failures reproduce. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

interface Person {
  id: string;
  role: string;
  dept: string;
  answers: Record<string, number | "na" | "unknown">;
}

function generate(n: number, seed: number): Person[] {
  const rnd = random(seed);
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const role = ROLES[Math.floor(rnd() * ROLES.length)] as string;
    const answers: Person["answers"] = {};
    const bias = Math.floor(rnd() * 5);
    for (const q of QUESTIONS) {
      if (q === "cult.hoarding" && !["manager", "frontline"].includes(role) && rnd() < 0.9)
        continue;
      if (q === "data.integration" && role !== "it" && rnd() < 0.9) continue;
      const x = rnd();
      if (x < 0.07) continue; // blank cell: left out
      // `na` and `unknown` also for questions not put to the role: score and batch both read
      // them as "not asked" (docs/scoring.md §1), so the two paths must still agree.
      if (x < 0.1) answers[q] = "na";
      else if (x < 0.13) answers[q] = "unknown";
      else answers[q] = Math.min(5, Math.max(1, 1 + bias + Math.floor(rnd() * 3) - 1));
    }
    const id = `R_${Math.floor(rnd() * 36 ** 6).toString(36)}${i}`;
    people.push({
      id,
      role,
      dept: ["Sales", "Service", "IT", ""][Math.floor(rnd() * 4)] as string,
      answers,
    });
  }
  return people;
}

function writeFixture(people: Person[]) {
  const dir = tmp();
  const header = ["ResponseId", "Role", "Department", ...QUESTIONS];
  const rows = people.map((p, i) => [
    p.id,
    p.role,
    p.dept,
    ...QUESTIONS.map((q) => {
      const v = p.answers[q];
      if (v === undefined) return "";
      // Alternate how answers are written: numbers, labels, "5 - Strongly agree".
      if (i % 3 === 0) return String(v);
      if (i % 3 === 1 || typeof v !== "number") return LABELS[String(v)];
      return `${v} - ${LABELS[String(v)]}`;
    }),
  ]);
  writeFileSync(path.join(dir, "export.csv"), stringify([header, ...rows]));
  writeFileSync(
    path.join(dir, "mapping.yaml"),
    toYaml({
      assessment: ASSESSMENT,
      respondent: { id: "ResponseId", role: { column: "Role" } },
      groupBy: ["Department"],
      questions: Object.fromEntries(QUESTIONS.map((q) => [q, q])),
    }),
  );
  writeFileSync(
    path.join(dir, "answers.yaml"),
    toYaml({
      assessment: ASSESSMENT,
      respondents: people.map((p) => ({ id: p.id, role: p.role, answers: p.answers })),
    }),
  );
  return dir;
}

describe("batch equals score", () => {
  for (const [n, seed] of [
    [1, 1],
    [7, 2],
    [250, 3],
    [1200, 4],
  ] as const) {
    it(`on ${n} generated respondents (seed ${seed}): aggregate, per respondent and statistics`, async () => {
      const people = generate(n, seed);
      const dir = writeFixture(people);
      const q = questionnaire();
      const { outcome, respondents } = await runOn(
        path.join(dir, "export.csv"),
        path.join(dir, "mapping.yaml"),
      );
      expect(outcome.summary.rows.scored).toBe(n);

      // 1. The aggregate results: identical to `score` on the same answers as an answers file.
      const batch = materializeResults(outcome);
      expect(withoutStatistics(batch)).toEqual(scoreFiles([path.join(dir, "answers.yaml")], q));
      expect(batch.respondents.map((r) => r.id)).toEqual(people.map((p) => p.id).sort(compareIds));

      // 2. Each respondent's row: `score` on that respondent alone.
      const table = parse(respondents.slice(1), { columns: true }) as Record<string, string>[];
      expect(table).toHaveLength(n);
      const byId = new Map(people.map((p) => [p.id, p]));
      const singles = new Map<string, ReturnType<typeof scoreAssessment>>();
      for (const row of table) {
        const p = byId.get(row.respondent as string) as Person;
        const alone = scoreAssessment(q, {
          assessment: ASSESSMENT,
          respondents: [{ id: p.id, role: p.role, answers: p.answers }],
        });
        singles.set(p.id, alone);
        const cell = (x: number | null) => (x === null ? "" : String(x));
        expect(row.overall).toBe(cell(alone.overall.score));
        expect(row.overall_level).toBe(cell(alone.overall.level));
        expect(row.coverage).toBe(cell(alone.overall.coverage));
        for (const d of alone.dimensions) {
          expect(row[d.id]).toBe(cell(d.score));
          expect(row[`${d.id}.level`]).toBe(cell(d.level));
        }
      }

      // 3. Statistics: the same numbers computed naively from the unrounded single scores.
      const stats = batch.statistics;
      if (!stats) throw new Error("no statistics");
      const unrounded = (p: Person, dim?: string) => {
        const alone = scoreAssessment(q, {
          assessment: ASSESSMENT,
          respondents: [{ id: p.id, role: p.role, answers: p.answers }],
        });
        // Recompute unrounded values the way results do before rounding.
        const d = dim ? alone.dimensions.find((x) => x.id === dim) : undefined;
        return {
          score: dim ? d?.score : alone.overall.score,
          level: dim ? d?.level : alone.overall.level,
        };
      };
      const check = (
        set: Person[],
        dim: string | undefined,
        got: (typeof stats.all)["overall"],
      ) => {
        const scores = set
          .map((p) => unrounded(p, dim))
          .filter(
            (x): x is { score: number; level: number } => x.score !== null && x.score !== undefined,
          );
        expect(got.n).toBe(scores.length);
        const levels: Record<string, number> = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
        for (const s of scores) levels[String(s.level)] = (levels[String(s.level)] ?? 0) + 1;
        expect(got.levels).toEqual(levels);
        if (!scores.length) return;
        // Rounded single scores differ from the unrounded ones by < 0.005: compare loosely.
        const sorted = scores.map((s) => s.score).sort((a, b) => a - b);
        const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
        expect(Math.abs((got.mean as number) - round2(mean))).toBeLessThanOrEqual(0.011);
        expect(Math.abs((got.median as number) - quantileForTest(sorted, 0.5))).toBeLessThanOrEqual(
          0.011,
        );
        expect(Math.abs((got.q1 as number) - quantileForTest(sorted, 0.25))).toBeLessThanOrEqual(
          0.011,
        );
        expect(Math.abs((got.q3 as number) - quantileForTest(sorted, 0.75))).toBeLessThanOrEqual(
          0.011,
        );
      };
      check(people, undefined, stats.all.overall);
      for (const d of q.dimensions) check(people, d.id, stats.all.dimensions[d.id] as never);
      for (const role of ROLES) {
        const set = people.filter((p) => p.role === role);
        if (set.length)
          check(set, "leadership", stats.byRole[role]?.dimensions.leadership as never);
        else expect(stats.byRole[role]).toBeUndefined();
      }
      for (const v of stats.groups[0]?.values ?? []) {
        check(
          people.filter((p) => p.dept === v.value),
          "culture",
          v.dimensions.culture as never,
        );
      }
      expect(singles.size).toBe(n);

      // 4. Group agreement: ICC from the unrounded single scores, rwg(j) as `score` gives it
      //    for the group's respondents alone.
      const scorer = new RespondentScorer(q);
      const roleIds = q.roles.map((r) => r.id);
      const groupCol = stats.groups[0];
      if (!groupCol) throw new Error("no group statistics");
      q.dimensions.forEach((dim, d) => {
        const sums = groupCol.values.map((v) => {
          const xs = people
            .filter((p) => p.dept === v.value)
            .map((p) => {
              const r = { id: p.id, role: p.role, answers: p.answers };
              return scorer.score(respondentCodes(q, r), roleIds.indexOf(p.role)).dimension[
                d
              ] as number;
            })
            .filter((x) => !Number.isNaN(x));
          return {
            n: xs.length,
            sum: xs.reduce((a, b) => a + b, 0),
            sumSquares: xs.reduce((a, b) => a + b * b, 0),
          };
        });
        const icc = oneWayIcc(sums);
        expect(groupCol.icc[d]).toEqual({
          dimension: dim.id,
          icc1: round2OrNull(icc.icc1),
          icc2: round2OrNull(icc.icc2),
          groups: icc.groups,
          respondents: icc.respondents,
        });
      });
      for (const v of groupCol.values) {
        const members = people
          .filter((p) => p.dept === v.value)
          .map((p) => ({ id: p.id, role: p.role, answers: p.answers }));
        const alone = reliabilityOf(q, members);
        for (const dim of q.dimensions) {
          const expected =
            alone?.dimensions.find((x) => x.dimension === dim.id)?.rwg ??
            // One respondent: no variance to compare, so rwg(j) has no items.
            null;
          expect(v.rwg[dim.id]).toBe(expected);
        }
      }
    });
  }

  it("gives the same text when ids and scores spill to disk (tiny memory limits)", async () => {
    const people = generate(3000, 5);
    const dir = writeFixture(people);
    const args = [path.join(dir, "export.csv"), path.join(dir, "mapping.yaml")] as const;
    const inMemory = await runOn(...args);
    const spillDir = tmp();
    const spilled = await runOn(...args, {
      limits: {
        roster: { chunkBytes: 1, readBytes: 1 },
        statistics: { blockRows: 97, collectValues: 5 },
        tmpdir: spillDir,
      },
    });
    expect(inMemory.outcome.tempFiles).toEqual([]);
    expect([...spilled.outcome.tempFiles].sort()).toEqual(["roster-log", "roster-runs", "scores"]);
    // Files are unlinked as soon as they are open: the folder stays empty throughout.
    expect(readdirSync(spillDir)).toEqual([]);
    const text = (o: typeof inMemory.outcome) =>
      Buffer.concat([...resultsJsonChunks(o)].map((c) => Buffer.from(c))).toString("utf8");
    const expected = `${JSON.stringify(materializeResults(inMemory.outcome), null, 2)}\n`;
    expect(text(inMemory.outcome)).toBe(expected);
    expect(text(spilled.outcome)).toBe(expected);
    expect(spilled.respondents).toBe(inMemory.respondents);
    // The aggregate part is `score`'s text on the same answers.
    const score = scoreFiles([path.join(dir, "answers.yaml")]);
    expect(
      `${JSON.stringify(withoutStatistics(materializeResults(spilled.outcome)), null, 2)}\n`,
    ).toBe(`${JSON.stringify(score, null, 2)}\n`);
    spilled.outcome.dispose();
    inMemory.outcome.dispose();
  });
});
