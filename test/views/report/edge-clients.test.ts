import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isForRole, respondentRoles } from "../../../src/core/questionnaire/types.js";
import { buildReport } from "../../../src/views/report/build.js";
import type { ReportLanguage } from "../../../src/views/report/model.js";
import { acmeReport, loadInputs, standardPack } from "../../helpers/report.js";

/**
 * A client whose every respondent (one per role) answers every question at `levelOf(dimension)`:
 * the level itself, or six minus it for a reverse-scored item, so each dimension scores exactly
 * that level.
 */
function clientAt(
  levelOf: (dimension: string) => number,
  answer: (questionId: string, level: number) => number | "unknown" = (_, level) => level,
) {
  const pack = standardPack();
  const respondents = respondentRoles(pack).map((role, i) => {
    const answers: Record<string, number | "unknown"> = {};
    for (const d of pack.dimensions) {
      for (const q of d.questions) {
        if (!isForRole(q, role.id)) continue;
        const level = levelOf(d.id);
        const value = answer(q.id, level);
        answers[q.id] =
          value === "unknown" || !(q.type === "likert" && q.reverse) ? value : 6 - value;
      }
    }
    return { id: `r${i}`, role: role.id, answers };
  });
  const doc = {
    assessment: {
      client: { name: "Edge Ltd", industry: "Logistics", size: "300 employees" },
      date: "2026-06-01",
      assessor: "Pat Lee",
      questionnaire: { id: pack.id, version: pack.version },
      horizonMonths: 12,
    },
    respondents,
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "edge-client-"));
  writeFileSync(path.join(dir, "answers.json"), JSON.stringify(doc));
  return loadInputs(dir, ["answers.json"]);
}

const report = (
  levelOf: (dimension: string) => number,
  lang: ReportLanguage = "en",
  answer?: (questionId: string, level: number) => number | "unknown",
) => {
  const inputs = clientAt(levelOf, answer);
  return buildReport(inputs.results, standardPack(), { lang, respondents: inputs.respondents });
};

describe("a client at the top of the scale (nothing to plan)", () => {
  it("has no action in its roadmap, so it counts two decisions, not three", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      const r = report(() => 5, lang);
      expect(r.roadmap.actions).toHaveLength(0);
      expect(r.decisions.items).toHaveLength(2);
      expect(r.decisions.intro).toMatch(lang === "en" ? /^Two decisions/ : /^以下两项决策/);
    }
  });

  it("dates the standing KPIs' targets by the reassessment, never by a phase that ends the day it starts", () => {
    const r = report(() => 5);
    const practice = r.kpis.scorecard.filter((row) => row.kind === "practice");
    expect(practice.length).toBeGreaterThan(0);
    for (const row of practice) {
      expect(row.target).not.toContain("1 June 2026");
      expect(row.target).toContain(`met by the reassessment (${r.roadmap.milestone.dateText})`);
    }
    const zh = report(() => 5, "zh-CN").kpis.scorecard.filter((row) => row.kind === "practice");
    for (const row of zh) expect(row.target).toContain("在复评前");
  });
});

describe("a client with two gaps", () => {
  const twoGaps = (d: string) => (d === "strategy-goals" || d === "leadership" ? 2 : 5);

  it("heads its findings with how many there are", () => {
    const en = report(twoGaps);
    expect(en.summary.findings).toHaveLength(2);
    expect(en.summary.findingsTitle).toBe("Two findings");
    expect(report(twoGaps, "zh-CN").summary.findingsTitle).toBe("两项主要发现");
  });
});

describe("perception gaps beside the scores by role", () => {
  it("says why an executive figure in a gap differs from the executives' score in the table", () => {
    const r = acmeReport();
    const gap = r.perception.gaps.find((g) => g.dimension === "leadership");
    const row = r.perception.byRole.rows.find((x) => x.dimension === "leadership");
    const exec = row?.scores[r.perception.byRole.roles.findIndex((x) => x.role === "executive")];
    // The pack has question kinds: the gap compares the experience questions both sides answered.
    expect(gap?.executive).not.toBe(exec);
    expect(r.perception.intro).toContain("only on the experience questions both of them answered");
    expect(acmeReport({ lang: "zh-CN" }).perception.intro).toContain("只比较双方都回答过的体验题");
  });
});

describe("what to expect of a dimension", () => {
  it("is one score per dimension: the calibration, the radar and the scorecard give the same", () => {
    // A client at level 1 everywhere: every target is out of reach, and work on the later
    // dimensions starts weeks after the assessment.
    const r = report(() => 1);
    const radar = r.profile.radar;
    const projected = radar?.series.find((s) => s.key === "projected")?.values ?? [];
    expect(r.summary.calibration.items.length).toBeGreaterThan(0);
    for (const item of r.summary.calibration.items) {
      const axis = radar?.axes.findIndex((a) => a.id === item.dimension) ?? -1;
      expect(item.expectedAtReassessment).toBe(projected[axis]);
      expect(item.sentence).toContain(
        `expect about ${item.expectedAtReassessment.toFixed(2)} at the reassessment on ${r.roadmap.milestone.dateText}`,
      );
    }
    // The scorecard's score is measured at the reassessment: the same score, dated by it.
    const outcomes = r.kpis.scorecard.filter((x) => x.kind === "outcome");
    expect(outcomes.length).toBeGreaterThan(0);
    for (const row of outcomes) {
      const item = r.summary.calibration.items.find((i) => row.kpi.startsWith(i.title));
      expect(item).toBeDefined();
      expect(row.target).toBe(
        `${item?.expectedAtReassessment.toFixed(2)} by ${r.roadmap.milestone.dateText}`,
      );
    }
  });
});

describe("a finding on a thinly answered dimension", () => {
  it("says how little of it was answered, and only then", () => {
    // People and training: one question answered (at 1), the rest unknown; the others at 5.
    const levelOf = (d: string) => (d === "people-training" ? 1 : 5);
    let first = true;
    const answer = (id: string, level: number) => {
      if (!id.startsWith("train.")) return level;
      const keep = first;
      first = false;
      return keep ? level : "unknown";
    };
    const en = report(levelOf, "en", answer);
    const thin = en.summary.findings.find((f) => f.dimension === "people-training");
    expect(thin?.sentence).toMatch(
      /on only \d+% of its question weight answered, so read it with caution/,
    );
    first = true;
    const zh = report(levelOf, "zh-CN", answer).summary.findings[0];
    expect(zh?.sentence).toMatch(/该维度仅有 \d+% 的题目权重获得作答，请审慎看待/);
    for (const f of report((d) => (d === "leadership" ? 2 : 5)).summary.findings)
      expect(f.sentence).not.toContain("with caution");
  });

  it("introduces a single answer as one, and states the finding alone for the deck", () => {
    const levelOf = (d: string) => (d === "people-training" ? 1 : d === "leadership" ? 2 : 5);
    let first = true;
    const answer = (id: string, level: number) => {
      if (!id.startsWith("train.")) return level;
      const keep = first;
      first = false;
      return keep ? level : "unknown";
    };
    const findings = report(levelOf, "en", answer).summary.findings;
    const one = findings.find((f) => f.dimension === "people-training");
    const two = findings.find((f) => f.dimension === "leadership");
    expect(one?.evidence).toHaveLength(1);
    expect(one?.sentence).toMatch(/\. The answer behind this finding:$/);
    expect(two?.evidence).toHaveLength(2);
    expect(two?.sentence).toMatch(/\. The answers behind this finding:$/);
    for (const f of findings) {
      expect(f.sentence.startsWith(f.statement)).toBe(true);
      expect(f.statement).toMatch(/\.$/);
    }
    first = true;
    for (const f of report(levelOf, "zh-CN", answer).summary.findings) {
      expect(f.sentence).toBe(`${f.statement}支撑这一判断的作答如下：`);
      expect(f.statement).toMatch(/。$/);
    }
  });
});
