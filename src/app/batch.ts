import path from "node:path";
import type { BatchInput } from "../batch/corrections.js";
import { CsvWriter } from "../batch/csv-out.js";
import { barProgress, fmt, type Progress, plainProgress } from "../batch/progress.js";
import { writeResultsJson } from "../batch/results-json.js";
import { type BatchSummary, runBatch } from "../batch/run.js";
import { tuneJitForLongRun } from "../boot/jit.js";
import { UsageError } from "../core/diagnostics/errors.js";
import { shellQuote } from "../core/text/shell.js";
import { AtomicOutput, commitAll } from "../io/atomic-file.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { noteInput } from "../io/inputs.js";
import { displayPath } from "../io/read.js";
import type { EncodingChoice } from "../io/survey/decode.js";
import type { ExportInfo } from "../io/survey/read.js";
import { messageLines, type StderrLayout } from "../render/terminal/messages.js";
import { loadMapping } from "../survey/mapping.js";
import { TEMPLATE_PLACEHOLDERS } from "../views/answers-template.js";
import type { Env } from "./env.js";
import { failWithIssues, printIssues, stderrLayout } from "./print-issues.js";
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

/**
 * The exports as the run reads them: standard input only alone, no file twice (a file is one
 * set of rows; twice, every respondent would be a duplicate).
 */
function checkInputs(exportPaths: readonly string[], cwd: string): BatchInput[] {
  if (exportPaths.length > 1 && exportPaths.includes("-")) {
    throw new UsageError(
      "standard input (-) can be read only as the one export of a run; give the exports as files",
    );
  }
  const seen = new Set<string>();
  return exportPaths.map((file) => {
    if (file === "-") return { path: "-", display: "<stdin>" };
    const abs = path.resolve(cwd, file);
    if (seen.has(abs)) throw new UsageError(`${file} is given twice; give each export once`);
    seen.add(abs);
    return { path: abs, display: file };
  });
}

/**
 * Where a run's rejected rows went, and what the command that scores them again repeats: the
 * run's inputs and mapping, and `options`, those of the run's options that decide how rows are
 * read and scored (the questionnaire, the profile, --encoding, --group-by, --exclude-careless).
 */
interface FeedBack {
  file: string;
  inputs: readonly string[];
  map: string;
  options?: readonly string[];
}

/** The command that scores a corrected rejects file with the run's inputs. */
function feedBack(rejects: FeedBack): string {
  const args = [...rejects.inputs, rejects.file, "--map", rejects.map, ...(rejects.options ?? [])];
  return `crm-maturity batch ${args.map(shellQuote).join(" ")}`;
}

/** The options of `feedBack`'s command: those of the run that decide how rows are read and scored. */
function scoringOptions(opts: BatchCommandOptions, cwd: string): string[] {
  const file = (f: string) => displayPath(path.resolve(cwd, f), cwd);
  return [
    ...(opts.questionnaire ? ["-q", file(opts.questionnaire)] : []),
    ...(opts.profile ? ["--profile", opts.profile] : []),
    ...(opts.encoding && opts.encoding !== "auto" ? ["--encoding", opts.encoding] : []),
    ...(opts.groupBy ?? []).flatMap((column) => ["--group-by", column]),
    ...(opts.excludeCareless ? ["--exclude-careless"] : []),
  ];
}

/**
 * The summary printed on standard error after a run: a line a message, or laid out by `layout`
 * on a terminal (see messageLines), the command that scores the rejects on a line of its own.
 */
export function summaryLines(s: BatchSummary, rejects?: FeedBack, layout?: StderrLayout): string[] {
  const r = s.rows;
  const parts = [`${fmt(r.total)} row${r.total === 1 ? "" : "s"}`, `${fmt(r.scored)} scored`];
  if (r.replaced) parts.push(`${fmt(r.replaced)} replaced by corrections`);
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
  const format = (info: ExportInfo) =>
    info.format === "xlsx"
      ? "xlsx"
      : `${info.encoding ?? "utf-8"}, ${info.delimiter === "\t" ? "tab" : `"${info.delimiter ?? ","}"`}-separated`;
  const several = s.sources.length > 1;
  const source = several
    ? s.sources.map((x) => `${x.display}: ${format(x.info)}`).join("; ")
    : format(s.info);
  const lines = [
    `crm-maturity: batch (${s.preset}${several ? "; " : ", "}${source}): ${parts.join(" · ")}`,
  ];
  if (s.notForRole) {
    const one = s.notForRole === 1;
    lines.push(
      `crm-maturity: ${fmt(s.notForRole)} ${one ? "answer was" : "answers were"} given to ${one ? "a question" : "questions"} not meant for the respondent's role (the survey showed ${one ? "it" : "them"} anyway); ${one ? "it counts" : "they count"} in the scores like any other answer`,
    );
  }
  for (const { display, info } of s.sources) {
    const hidden = info.hiddenRows;
    if (!hidden?.count) continue;
    const one = hidden.count === 1;
    lines.push(
      `crm-maturity: ${fmt(hidden.count)} ${one ? "row" : "rows"} hidden in the workbook${several ? ` ${display}` : ""} (${one ? "row" : "rows"} ${hidden.first.join(", ")}${hidden.count > hidden.first.length ? ", …" : ""}) ${one ? "was" : "were"} read like the others: hiding or filtering rows in Excel does not leave ${one ? "it" : "them"} out (delete ${one ? "it" : "them"}, or exclude ${one ? "it" : "them"} with a rule in the mapping)`,
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
      `crm-maturity: ${unreported}${rejects ? `every rejected row is in ${rejects.file}: correct the rows there, then ${rejects.inputs.length ? `score it with the ${rejects.inputs.length === 1 ? "export" : "same inputs"} in one run, where each corrected row replaces the row it came from` : "score that file with the same mapping"}: ` : "rerun with --rejects FILE to get every rejected row in a file to correct and score again"}`,
    );
  }
  const command = rejects && (r.rejected || s.unreported) ? feedBack(rejects) : "";
  return lines.flatMap((line, i) =>
    messageLines(line, layout, i === lines.length - 1 ? command : ""),
  );
}

/**
 * `crm-maturity batch <export> --map mapping.yaml`: streams, scores and writes the outputs. The
 * outputs are opened (as temporary files) before the first row is read and committed together
 * after the last: a failure or a kill leaves every old output as it was.
 */
export async function runBatchCommand(
  exportPaths: readonly string[],
  opts: BatchCommandOptions,
  e: Env,
): Promise<number> {
  tuneJitForLongRun();
  checkOutputs(opts, e.cwd);
  const at = (f: string) => path.resolve(e.cwd, f);
  const inputs = checkInputs(exportPaths, e.cwd);
  // The exports are opened by the run, after the outputs: they are inputs from the start.
  for (const input of inputs) if (input.path !== "-") noteInput(input.path, input.display);
  const standard = resolveQuestionnaire(opts.questionnaire, e.cwd);
  checkProfileOption(standard, opts.profile);
  const layout = stderrLayout(e, [...inputs.map((input) => input.display), opts.map]);
  const { mapping, issues } = loadMapping(opts.map, standard, e.cwd, TEMPLATE_PLACEHOLDERS);
  if (!mapping) failWithIssues(`the mapping ${opts.map} is invalid`, issues);
  if (issues.length) printIssues(issues, e.stderr, layout);
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
  let progress: Progress = plainProgress(e.stderr, layout);
  try {
    const results = open("-o", opts.output ?? "-");
    const respondents = opts.respondents
      ? new CsvWriter(open("--respondents", opts.respondents))
      : undefined;
    // Written with the export's delimiter once it is known (see writeHeaderRows in batch/run).
    const rejects = opts.rejects ? new CsvWriter(open("--rejects", opts.rejects)) : undefined;
    if (e.stderrIsTTY && inputs.every((input) => input.path !== "-")) {
      const { statSync } = await import("node:fs");
      let size: number | undefined;
      try {
        size = inputs.reduce((n, input) => n + statSync(input.path).size, 0);
      } catch {
        size = undefined;
      }
      progress = await barProgress(e.stderr as NodeJS.WriteStream, size, layout);
    }
    const outcome = await runBatch({
      questionnaire,
      mapping,
      inputs,
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
    const fedBack = opts.rejects
      ? {
          file: displayPath(at(opts.rejects), e.cwd),
          // Standard input cannot be read again: the corrections are then scored alone.
          inputs: exportPaths.includes("-") ? [] : inputs.map((input) => input.display),
          map: displayPath(at(opts.map), e.cwd),
          options: scoringOptions(opts, e.cwd),
        }
      : undefined;
    for (const line of summaryLines(
      outcome.summary,
      fedBack,
      layout && fedBack ? { ...layout, whole: [...layout.whole, fedBack.file] } : layout,
    ))
      e.stderr.write(`${line}\n`);
    return 0;
  } catch (err) {
    progress.stop();
    for (const w of outputs) w.abort();
    throw err;
  }
}
