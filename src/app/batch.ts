import path from "node:path";
import { CsvWriter } from "../batch/csv-out.js";
import { barProgress, type Progress, plainProgress } from "../batch/progress.js";
import { writeResultsJson } from "../batch/results-json.js";
import { type BatchSummary, runBatch } from "../batch/run.js";
import { tuneJitForLongRun } from "../boot/jit.js";
import { UsageError } from "../core/diagnostics/errors.js";
import { AtomicOutput, commitAll } from "../io/atomic-file.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { noteInput } from "../io/inputs.js";
import { displayPath } from "../io/read.js";
import type { EncodingChoice } from "../io/survey/decode.js";
import { loadMapping } from "../survey/mapping.js";
import { TEMPLATE_PLACEHOLDERS } from "../views/answers-template.js";
import type { Env } from "./env.js";
import { failWithIssues, printIssues } from "./print-issues.js";
import { checkProfileOption, profiledQuestionnaire } from "./profile.js";

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
  profile?: string;
}

/** 1234567 → "1,234,567" (toLocaleString would load ICU data for a few numbers). */
const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * Usage checks on the outputs: one of them at most on standard output, no two onto one file.
 * Outputs onto an input (by device and inode) are refused by the output seam itself.
 */
function checkOutputs(opts: BatchCommandOptions, cwd: string): void {
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
  const seen = new Map<string, string>();
  for (const [option, file] of outputs) {
    if (file === "-") continue;
    const abs = path.resolve(cwd, file);
    const clash = seen.get(abs);
    if (clash)
      throw new UsageError(`${option} ${file} is also the file of ${clash}; choose another file`);
    seen.set(abs, option);
  }
}

/** The summary printed on standard error after a run. */
export function summaryLines(s: BatchSummary, rejectsFile?: string): string[] {
  const r = s.rows;
  const parts = [`${fmt(r.total)} row${r.total === 1 ? "" : "s"}`, `${fmt(r.scored)} scored`];
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
    const one = s.notForRole === 1;
    lines.push(
      `crm-maturity: ${fmt(s.notForRole)} ${one ? "answer was" : "answers were"} given to ${one ? "a question" : "questions"} not meant for the respondent's role (the survey showed ${one ? "it" : "them"} anyway); ${one ? "it counts" : "they count"} in the scores like any other answer`,
    );
  }
  const hidden = info.hiddenRows;
  if (hidden?.count) {
    const one = hidden.count === 1;
    lines.push(
      `crm-maturity: ${fmt(hidden.count)} ${one ? "row" : "rows"} hidden in the workbook (${one ? "row" : "rows"} ${hidden.first.join(", ")}${hidden.count > hidden.first.length ? ", …" : ""}) ${one ? "was" : "were"} read like the others: hiding or filtering rows in Excel does not leave ${one ? "it" : "them"} out (delete ${one ? "it" : "them"}, or exclude ${one ? "it" : "them"} with a rule in the mapping)`,
    );
  }
  const unmapped = s.unmapped;
  if (unmapped.length) {
    const shown = unmapped.slice(0, 5).join(", ");
    const more = unmapped.length > 5 ? ` and ${fmt(unmapped.length - 5)} more` : "";
    lines.push(
      `crm-maturity: ${fmt(unmapped.length)} question${unmapped.length === 1 ? "" : "s"} of the questionnaire ${unmapped.length === 1 ? "has" : "have"} no column in the mapping and ${unmapped.length === 1 ? "counts" : "count"} as unanswered by every respondent it is put to: ${shown}${more} (map ${unmapped.length === 1 ? "its column" : "their columns"} under questions, or check that the survey asked ${unmapped.length === 1 ? "it" : "them"})`,
    );
  }
  if (r.scored === 0) {
    lines.push(
      `crm-maturity: no row was scored${r.total === 0 ? " (the export has no data rows)" : ""}: the results hold no respondent, and report, roadmap and compare refuse them`,
    );
  }
  // What to do about the rejected rows: where they are, and how they come back.
  if (r.rejected || s.unreported) {
    const unreported = s.unreported ? `${fmt(s.unreported)} more problems not shown; ` : "";
    lines.push(
      `crm-maturity: ${unreported}${rejectsFile ? `every rejected row is in ${rejectsFile}: correct the rows there and score that file with the same mapping` : "rerun with --rejects FILE to get every rejected row in a file to correct and score again"}`,
    );
  }
  return lines;
}

/**
 * `crm-maturity batch <export> --map mapping.yaml`: streams, scores and writes the outputs. The
 * outputs are opened (as temporary files) before the first row is read and committed together
 * after the last: a failure or a kill leaves every old output as it was.
 */
export async function runBatchCommand(
  exportPath: string,
  opts: BatchCommandOptions,
  e: Env,
): Promise<number> {
  tuneJitForLongRun();
  checkOutputs(opts, e.cwd);
  const at = (f: string) => path.resolve(e.cwd, f);
  // The export is opened by the run, after the outputs: it is an input from the start.
  if (exportPath !== "-") noteInput(at(exportPath), exportPath);
  const standard = resolveQuestionnaire(opts.questionnaire, e.cwd);
  checkProfileOption(standard, opts.profile);
  const { mapping, issues } = loadMapping(opts.map, standard, e.cwd, TEMPLATE_PLACEHOLDERS);
  if (!mapping) failWithIssues(`the mapping ${opts.map} is invalid`, issues);
  if (issues.length) printIssues(issues, e.stderr);
  // Columns of questions the profile leaves out are read (and screened) but not scored.
  const questionnaire = profiledQuestionnaire(
    standard,
    mapping.mapping.assessment.client,
    opts.profile,
  );

  const outputs: AtomicOutput[] = [];
  const open = (option: string, file: string) => {
    const out = new AtomicOutput(file, { stdout: e.stdout, cwd: e.cwd, option });
    outputs.push(out);
    return out;
  };
  let progress: Progress = plainProgress(e.stderr);
  try {
    const results = open("-o", opts.output ?? "-");
    const respondents = opts.respondents
      ? new CsvWriter(open("--respondents", opts.respondents))
      : undefined;
    // Written with the export's delimiter once it is known (see writeHeaderRows in batch/run).
    const rejects = opts.rejects ? new CsvWriter(open("--rejects", opts.rejects)) : undefined;
    if (e.stderrIsTTY && exportPath !== "-") {
      const { statSync } = await import("node:fs");
      let size: number | undefined;
      try {
        size = statSync(at(exportPath)).size;
      } catch {
        size = undefined;
      }
      progress = await barProgress(e.stderr as NodeJS.WriteStream, size);
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
    await respondents?.end();
    await rejects?.end();
    await writeResultsJson(outcome, results);
    commitAll(outputs);
    for (const line of summaryLines(
      outcome.summary,
      opts.rejects && displayPath(path.resolve(e.cwd, opts.rejects), e.cwd),
    ))
      e.stderr.write(`${line}\n`);
    return 0;
  } catch (err) {
    progress.stop();
    for (const w of outputs) w.abort();
    throw err;
  }
}
