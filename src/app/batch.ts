import path from "node:path";
import type { Writable } from "node:stream";
import { CsvWriter } from "../batch/csv-out.js";
import { barProgress, type Progress, plainProgress } from "../batch/progress.js";
import { writeResultsJson } from "../batch/results-json.js";
import { type BatchSummary, runBatch } from "../batch/run.js";
import { UsageError } from "../core/diagnostics/errors.js";
import { AtomicOutput } from "../io/atomic-file.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import type { EncodingChoice } from "../io/survey/decode.js";
import { loadMapping } from "../survey/mapping.js";
import { failWithIssues, printIssues } from "./print-issues.js";

/** Options of `crm-maturity batch`, as commander parses them. */
export interface BatchCommandOptions {
  map: string;
  questionnaire?: string;
  groupBy?: string[];
  output?: string;
  respondents?: string;
  rejects?: string;
  encoding?: EncodingChoice;
  strict?: boolean;
  excludeCareless?: boolean;
}

/** What the command reads and writes; a parameter so tests can pass their own. */
export interface BatchEnvironment {
  cwd: string;
  stdout: Writable;
  stderr: NodeJS.WriteStream | Writable;
}

/** 1234567 → "1,234,567" (toLocaleString would load ICU data for a few numbers). */
const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function checkPaths(exportPath: string, opts: BatchCommandOptions, cwd: string): void {
  if (opts.map === "-") {
    throw new UsageError("--map expects a file; the mapping cannot be read from standard input");
  }
  const outputs: [string, string][] = [
    ["-o", opts.output ?? "-"],
    ...(opts.respondents ? [["--respondents", opts.respondents] as [string, string]] : []),
    ...(opts.rejects ? [["--rejects", opts.rejects] as [string, string]] : []),
  ];
  const toStdout = outputs.filter(([, f]) => f === "-");
  if (toStdout.length > 1) {
    throw new UsageError(
      `${toStdout.map(([o]) => o).join(" and ")} cannot all write to standard output; give -o a file`,
    );
  }
  const inputs = new Map<string, string>([[path.resolve(cwd, opts.map), "--map"]]);
  if (exportPath !== "-") inputs.set(path.resolve(cwd, exportPath), "the export");
  if (opts.questionnaire) inputs.set(path.resolve(cwd, opts.questionnaire), "-q");
  const seen = new Map<string, string>();
  for (const [option, file] of outputs) {
    if (file === "-") continue;
    const abs = path.resolve(cwd, file);
    const clash = inputs.get(abs) ?? seen.get(abs);
    if (clash) {
      throw new UsageError(
        `${option} ${file} would overwrite ${clash === "the export" ? "the export" : `the file given to ${clash}`}; choose another file`,
      );
    }
    seen.set(abs, option);
  }
}

function openOutput<T>(option: string, file: string, open: () => T): T {
  try {
    return open();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "its folder does not exist"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : (code ?? String(err));
    throw new UsageError(`${option} ${file}: cannot write there (${why})`);
  }
}

/** The summary printed on standard error after a run. */
export function summaryLines(s: BatchSummary, rejectsFile?: string): string[] {
  const r = s.rows;
  const parts = [`${fmt(r.total)} rows`, `${fmt(r.scored)} scored`];
  const excluded = s.exclusions.filter((e) => e.rows > 0);
  if (r.excluded) {
    parts.push(
      `${fmt(r.excluded)} excluded (${excluded.map((e) => `${e.reason}: ${fmt(e.rows)}`).join("; ")})`,
    );
  }
  if (r.rejected) {
    const kinds = Object.entries(s.rejects)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k}: ${fmt(n)}`);
    parts.push(`${fmt(r.rejected)} rejected (${kinds.join(", ")})`);
  }
  if (r.blank) parts.push(`${fmt(r.blank)} blank`);
  const c = s.careless;
  if (c.flagged && !c.excluded) {
    const reasons = Object.entries(c.reasons)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k}: ${fmt(n)}`);
    parts.push(
      `${fmt(c.flagged)} flagged as careless (${reasons.join(", ")}; kept, see --exclude-careless)`,
    );
  }
  const info = s.info;
  const source =
    info.format === "xlsx"
      ? "xlsx"
      : `${info.encoding ?? "utf-8"}, ${info.delimiter === "\t" ? "tab" : `"${info.delimiter ?? ","}"`}-separated`;
  const lines = [`crm-maturity: batch (${s.preset}, ${source}): ${parts.join(" · ")}`];
  if (s.notForRole) {
    lines.push(
      `crm-maturity: ${fmt(s.notForRole)} answer${s.notForRole === 1 ? "" : "s"} to questions not put to the respondent's role ${s.notForRole === 1 ? "was" : "were"} counted, as score counts them`,
    );
  }
  if (s.unreported) {
    lines.push(
      `crm-maturity: ${fmt(s.unreported)} more problems not shown; ${rejectsFile ? `every rejected row is in ${rejectsFile}` : "rerun with --rejects FILE to get every rejected row"}`,
    );
  }
  return lines;
}

/** `crm-maturity batch <export> --map mapping.yaml`: streams, scores and writes the outputs. */
export async function runBatchCommand(
  exportPath: string,
  opts: BatchCommandOptions,
  e: BatchEnvironment = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  checkPaths(exportPath, opts, e.cwd);
  const questionnaire = resolveQuestionnaire(opts.questionnaire, e.cwd);
  const { mapping, issues } = loadMapping(opts.map, questionnaire, e.cwd);
  if (!mapping) failWithIssues(`the mapping ${opts.map} is invalid`, issues);
  if (issues.length) printIssues(issues);

  const at = (f: string) => path.resolve(e.cwd, f);
  const results = openOutput(
    "-o",
    opts.output ?? "-",
    () => new AtomicOutput(opts.output && opts.output !== "-" ? at(opts.output) : "-", e.stdout),
  );
  const writers: { abort(): void }[] = [results];
  const open = (option: string, file: string | undefined) => {
    if (!file) return undefined;
    const w = openOutput(
      option,
      file,
      () => new CsvWriter(file === "-" ? "-" : at(file), e.stdout),
    );
    writers.push(w);
    return w;
  };
  let progress: Progress = plainProgress(e.stderr);
  try {
    const respondents = open("--respondents", opts.respondents);
    const rejects = open("--rejects", opts.rejects);
    const stderr = e.stderr as NodeJS.WriteStream;
    if (stderr.isTTY === true && exportPath !== "-") {
      const { statSync } = await import("node:fs");
      let size: number | undefined;
      try {
        size = statSync(at(exportPath)).size;
      } catch {
        size = undefined;
      }
      progress = await barProgress(stderr, size);
    }
    const outcome = await runBatch({
      questionnaire,
      mapping,
      input: exportPath === "-" ? "-" : at(exportPath),
      display: exportPath === "-" ? "<stdin>" : exportPath,
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      ...(opts.groupBy?.length ? { groupBy: opts.groupBy } : {}),
      strict: opts.strict === true,
      excludeCareless: opts.excludeCareless === true,
      ...(respondents ? { respondents } : {}),
      ...(rejects ? { rejects } : {}),
      progress,
    });
    progress.stop();
    await respondents?.commit();
    await rejects?.commit();
    await writeResultsJson(outcome, results);
    for (const line of summaryLines(outcome.summary, opts.rejects)) e.stderr.write(`${line}\n`);
    return 0;
  } catch (err) {
    progress.stop();
    for (const w of writers) w.abort();
    throw err;
  }
}
