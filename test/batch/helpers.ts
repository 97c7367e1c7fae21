// Shared by the batch and survey tests: run `runBatch` on a fixture and score answer files.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CsvWriter } from "../../src/batch/csv-out.js";
import type { Progress } from "../../src/batch/progress.js";
import {
  type BatchOutcome,
  type BatchRunOptions,
  materializeResults,
  runBatch,
} from "../../src/batch/run.js";
import { scoreAssessment } from "../../src/core/assessment.js";
import type { Results } from "../../src/core/models/results.js";
import type { Questionnaire } from "../../src/core/questionnaire/types.js";
import { AtomicOutput, commitAll } from "../../src/io/atomic-file.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { loadAnswerFiles } from "../../src/io/load-answers.js";
import { type LoadedMapping, loadMapping } from "../../src/survey/mapping.js";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const QUESTIONNAIRE = path.join(
  REPO,
  "test/fixtures/batch/questionnaire/questionnaire.yaml",
);
export const SURVEY = path.join(REPO, "test/fixtures/survey");
export const BATCH = path.join(REPO, "test/fixtures/batch");

export const questionnaire = (): Questionnaire => resolveQuestionnaire(QUESTIONNAIRE, REPO);

export function mapping(file: string, q: Questionnaire = questionnaire()): LoadedMapping {
  const { mapping: loaded, issues } = loadMapping(file, q, REPO);
  if (!loaded) throw new Error(`mapping ${file}: ${JSON.stringify(issues, null, 2)}`);
  return loaded;
}

/** A progress reporter that records the lines it is given. */
export function recorder(): Progress & { lines: string[] } {
  const lines: string[] = [];
  return { lines, update() {}, log: (l) => lines.push(l), stop() {} };
}

export const tmp = () => mkdtempSync(path.join(tmpdir(), "crm-batch-"));

export interface FixtureRun {
  outcome: BatchOutcome;
  lines: string[];
  respondents: string;
  rejects: string;
}

/** Runs batch on an export (or several, scored as one) with a mapping, writing respondents and rejects CSVs. */
export async function runOn(
  exportFile: string | readonly string[],
  mappingFile: string,
  extra: Partial<BatchRunOptions> = {},
): Promise<FixtureRun> {
  const q = extra.questionnaire ?? questionnaire();
  const dir = tmp();
  const respondentsFile = path.join(dir, "respondents.csv");
  const rejectsFile = path.join(dir, "rejects.csv");
  const outputs = [respondentsFile, rejectsFile].map(
    (f) => new AtomicOutput(f, { stdout: process.stdout }),
  );
  const [respondents, rejects] = outputs.map((o) => new CsvWriter(o)) as [CsvWriter, CsvWriter];
  const progress = recorder();
  try {
    const outcome = await runBatch({
      questionnaire: q,
      mapping: mapping(mappingFile, q),
      inputs: [exportFile].flat().map((file) => ({
        path: file,
        display: path.relative(REPO, file),
      })),
      respondents,
      rejects,
      progress,
      ...extra,
    });
    await respondents.end();
    await rejects.end();
    commitAll(outputs);
    return {
      outcome,
      lines: progress.lines,
      respondents: readFileSync(respondentsFile, "utf8"),
      rejects: readFileSync(rejectsFile, "utf8"),
    };
  } catch (err) {
    respondents.abort();
    rejects.abort();
    throw err;
  }
}

/** `score` on answer files: load them with the real loader, then scoreAssessment. */
export function scoreFiles(files: string[], q: Questionnaire = questionnaire()): Results {
  const { input, issues } = loadAnswerFiles(files, q, { cwd: REPO });
  if (!input) throw new Error(JSON.stringify(issues, null, 2));
  return scoreAssessment(q, input);
}

/** Results without the batch-only statistics section. */
export function withoutStatistics(r: Results): Results {
  const { statistics: _, ...rest } = r;
  return rest;
}

/** A run's results without the row counts (which say how the rows came in, not what they hold). */
export function withoutRowCounts(outcome: BatchOutcome) {
  const results = materializeResults(outcome);
  const { rows: _, ...statistics } = results.statistics ?? {};
  return { ...results, statistics };
}
