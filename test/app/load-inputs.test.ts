import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAssessment, loadReportInputs, retargetResults } from "../../src/app/load-inputs.js";
import type { Results } from "../../src/core/models/results.js";
import { LISTED_RESPONDENTS } from "../../src/core/models/results-facts.js";
import { buildReport } from "../../src/views/report/build.js";
import { ACME, ACME_ANSWERS, loadInputs, standardPack } from "../helpers/report.js";

/** A temp folder with the fixture's results JSON (as `score --format json` writes it). */
function resultsDir(edit?: (results: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-results-"));
  const { results } = loadInputs(ACME, ACME_ANSWERS);
  const copy = JSON.parse(JSON.stringify(results)) as Record<string, unknown>;
  edit?.(copy);
  writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(copy, null, 2)}\n`);
  return dir;
}

describe("report inputs", () => {
  it("builds the same report from a results JSON, without the answers", () => {
    const fromAnswers = loadInputs(ACME, ACME_ANSWERS);
    const fromResults = loadInputs(resultsDir(), ["results.json"]);
    expect(fromResults.respondents).toBeUndefined();
    const a = buildReport(fromAnswers.results, standardPack(), {
      respondents: fromAnswers.respondents,
    });
    const b = buildReport(fromResults.results, standardPack());
    expect(b.meta.source).toBe("results");
    expect(b.appendix.answers.included).toBe(false);
    expect(b.appendix.answers.note).toContain("stays in the assessment's working papers");
    const internal = buildReport(fromResults.results, standardPack(), { edition: "internal" });
    expect(internal.appendix.answers.note).toContain("crm-maturity report on the answer files");
    expect(b.roadmap).toEqual(a.roadmap);
    expect(b.summary).toEqual(a.summary);
  });

  it("applies --targets and --horizon to a results JSON", () => {
    const { results } = loadInputs(resultsDir(), ["results.json"], {
      targets: { culture: 5 },
      horizonMonths: 6,
    });
    const culture = results.dimensions.find((d) => d.id === "culture");
    expect(culture).toMatchObject({ target: 5, gap: 2.02 });
    // (5 − 2.98) × 9 = 18.18 → 19 months from 2026-03-02
    expect(culture?.expectationRisk).toEqual({ monthsNeeded: 19, realisticDate: "2027-10-02" });
    expect(results.horizonMonths).toBe(6);
  });

  it("leaves results untouched without overrides", () => {
    const { results } = loadInputs(ACME, ACME_ANSWERS);
    expect(retargetResults(results, undefined, undefined)).toBe(results);
  });

  it("reports a malformed results file at the offending line", () => {
    const dir = resultsDir((r) => {
      (r.overall as Record<string, unknown>).score = "high";
    });
    const { value, issues } = loadReportInputs(["results.json"], standardPack(), { cwd: dir });
    expect(value).toBeUndefined();
    expect(issues[0]).toMatchObject({ file: "results.json", code: "invalid-type" });
    expect(issues[0]?.start.line).toBeGreaterThan(1);
  });

  it("keeps a large roster to its first respondents and lists only those", () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      id: `r${String(i).padStart(3, "0")}`,
      role: "frontline",
    }));
    const dir = resultsDir((r) => {
      r.respondents = many;
      r.respondentsByRole = { frontline: 250 };
    });
    const { value, issues } = loadReportInputs(["results.json"], standardPack(), { cwd: dir });
    expect(issues).toEqual([]);
    expect(value?.results.respondents).toEqual(many.slice(0, LISTED_RESPONDENTS));
    const results = value?.results as Results;
    const internal = buildReport(results, standardPack(), { edition: "internal" });
    expect(internal.meta.respondentCount).toBe(250);
    expect(internal.appendix.respondents.items).toHaveLength(LISTED_RESPONDENTS);
    expect(internal.appendix.respondents.more).toBe(
      `The first ${LISTED_RESPONDENTS} of 250 respondents are listed; every respondent is in the respondents CSV that crm-maturity batch writes with --respondents.`,
    );
    expect(internal.appendix.answers.note).toMatch(/^The individual answers are not included/);
    // The client's edition speaks of working papers, never of commands and files.
    const full = buildReport(results, standardPack());
    expect(full.appendix.respondents.items).toHaveLength(LISTED_RESPONDENTS);
    expect(full.appendix.respondents.more).toBe(
      `The first ${LISTED_RESPONDENTS} of 250 respondents are listed; the complete list is part of the assessment's working papers and is available on request.`,
    );
    for (const lang of ["en", "zh-CN"] as const) {
      const client = buildReport(results, standardPack(), { lang });
      const notes = [client.appendix.respondents.more, client.appendix.answers.note].join("\n");
      expect(notes).not.toMatch(/crm-maturity|--respondents|CSV/);
      expect(notes).toMatch(/working papers|工作底稿/);
    }
  });

  it("locates a malformed roster entry past the ones kept", () => {
    const dir = resultsDir((r) => {
      r.respondents = Array.from({ length: 150 }, (_, i) =>
        i === 120 ? { id: "r120", role: 7 } : { id: `r${i}`, role: "frontline" },
      );
      r.respondentsByRole = { frontline: 150 };
    });
    const { value, issues } = loadReportInputs(["results.json"], standardPack(), { cwd: dir });
    expect(value).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "invalid-type", file: "results.json" });
    expect(issues[0]?.message).toContain("respondents[120]");
    const text = readFileSync(path.join(dir, "results.json"), "utf8").split("\n");
    expect(text[(issues[0]?.start.line ?? 0) - 1]?.trim()).toBe("{");
    expect(text[issues[0]?.start.line ?? 0]?.trim()).toBe('"id": "r120",');
  });

  it("reports a results JSON that is not valid JSON at its line and column", () => {
    const dir = resultsDir();
    const file = path.join(dir, "results.json");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace('"schemaVersion": 2,', '"schemaVersion": 2'),
    );
    const { value, issues } = loadReportInputs(["results.json"], standardPack(), { cwd: dir });
    expect(value).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        code: "yaml-syntax",
        file: "results.json",
        start: { line: 3, column: 3 },
        message: 'expected valid JSON; found the value "assessment" where it cannot stand',
      }),
    ]);
  });

  it("refuses results from another questionnaire", () => {
    const dir = resultsDir((r) => {
      r.questionnaire = { id: "other-pack", version: "1.0.0" };
    });
    const { value, issues } = loadReportInputs(["results.json"], standardPack(), { cwd: dir });
    expect(value).toBeUndefined();
    expect(issues[0]).toMatchObject({ code: "questionnaire-mismatch", file: "results.json" });
  });

  it("refuses a mix of answer files and results, or two results files", () => {
    const dir = resultsDir();
    writeFileSync(path.join(dir, "copy.json"), "{}");
    const twice = loadReportInputs(["results.json", "results.json"], standardPack(), { cwd: dir });
    expect(twice.issues[0]?.message).toMatch(/^expected a single results file/);
    const mixed = loadReportInputs(
      ["results.json", path.join(ACME, "answers/it.yaml")],
      standardPack(),
      { cwd: dir },
    );
    expect(mixed.value).toBeUndefined();
    expect(mixed.issues[0]?.message).toMatch(/^expected either answer files or one results file/);
  });

  it("reports answer-file problems with file and position", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-bad-"));
    writeFileSync(path.join(dir, "bad.yaml"), "assessment:\n  client: [\n");
    const { value, issues } = loadReportInputs(["bad.yaml"], standardPack(), { cwd: dir });
    expect(value).toBeUndefined();
    expect(issues[0]).toMatchObject({ file: "bad.yaml", code: "yaml-syntax" });
  });

  it("reads results without asking for a questionnaire, and answers only with one", () => {
    const noQuestionnaire = () => {
      throw new Error("a results file must not need the questionnaire");
    };
    const fromResults = loadAssessment(["results.json"], {
      cwd: resultsDir(),
      questionnaire: noQuestionnaire,
    });
    expect(fromResults.value?.from).toBe("results");
    let asked = 0;
    const fromAnswers = loadAssessment(ACME_ANSWERS, {
      cwd: ACME,
      questionnaire: () => {
        asked++;
        return standardPack();
      },
    });
    expect(fromAnswers.value?.from).toBe("answers");
    expect(fromAnswers.value?.results).toEqual(loadInputs(ACME, ACME_ANSWERS).results);
    expect(asked).toBe(1);
  });

  it("locates a file that is neither results nor answers, and answers with no respondent", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-kinds-"));
    writeFileSync(path.join(dir, "list.yaml"), "- 1\n- 2\n");
    writeFileSync(
      path.join(dir, "empty.yaml"),
      "assessment:\n  client: { name: Acme }\n  date: 2026-03-02\n  assessor: A\n  questionnaire: { id: crm-maturity, version: 2.1.0 }\nrespondents: []\n",
    );
    const list = loadReportInputs(["list.yaml"], standardPack(), { cwd: dir });
    expect(list.issues).toEqual([
      expect.objectContaining({
        code: "not-a-mapping",
        file: "list.yaml",
        start: expect.objectContaining({ line: 1, column: 1 }),
      }),
    ]);
    const empty = loadReportInputs(["empty.yaml"], standardPack(), { cwd: dir });
    expect(empty.value).toBeUndefined();
    expect(empty.issues).toContainEqual(
      expect.objectContaining({
        code: "missing-field",
        file: "empty.yaml",
        start: expect.objectContaining({ line: 6 }),
      }),
    );
  });
});
