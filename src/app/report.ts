import { mkdirSync } from "node:fs";
import path from "node:path";
import type { RoadmapStrategy } from "../core/analysis/roadmap.js";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { loadTargetsFile } from "../io/load-answers.js";
import { writeOutput } from "../io/output.js";
import { BINARY_FORMATS, type Format, RENDERERS } from "../render/report/index.js";
import { buildReport } from "../views/report/build.js";
import type { Edition, ReportKind, ReportLanguage } from "../views/report/model.js";
import { loadReportInputs } from "./load-inputs.js";
import { printIssues } from "./print-issues.js";

/** Options of `report` and `roadmap` as commander parses them. */
export interface ReportCommandOptions {
  questionnaire?: string;
  targets?: string;
  format: Format;
  output?: string;
  lang: ReportLanguage;
  template?: string;
  font?: string;
  horizon?: number;
  strategy: RoadmapStrategy;
  /** `report` only: board, full or internal. */
  edition?: Edition;
  anonymize?: boolean;
}

/**
 * `crm-maturity report|roadmap <inputs..>`: loads the inputs, builds the report model, renders
 * it and writes it (atomically with -o). Bad input throws InputError; returns the exit code.
 */
export async function runReport(
  kind: ReportKind,
  inputs: string[],
  opts: ReportCommandOptions,
  cwd = process.cwd(),
): Promise<number> {
  const toStdout = opts.output === undefined || opts.output === "-";
  if (BINARY_FORMATS.has(opts.format) && toStdout && process.stdout.isTTY === true) {
    throw new UsageError(
      `--format ${opts.format} writes a binary file; pass -o <file>.${opts.format} (or redirect standard output)`,
    );
  }
  const questionnaire = resolveQuestionnaire(opts.questionnaire, cwd);
  let targets: Record<string, number> | undefined;
  if (opts.targets !== undefined) {
    const loaded = loadTargetsFile(opts.targets, questionnaire, { cwd });
    if (!loaded.targets) {
      throw new InputError(`the targets file ${opts.targets} is invalid`, loaded.issues);
    }
    printWarnings(loaded.issues);
    targets = loaded.targets;
  }
  const { value, issues } = loadReportInputs(inputs, questionnaire, {
    cwd,
    targets,
    horizonMonths: opts.horizon,
  });
  if (!value) {
    const errors = issues.filter((i) => i.severity === "error");
    throw new InputError(
      `cannot build the ${kind}: ${errors.length} ${errors.length === 1 ? "problem" : "problems"} in the inputs`,
      issues,
    );
  }
  printWarnings(issues);
  const report = buildReport(value.results, questionnaire, {
    kind,
    lang: opts.lang,
    strategy: opts.strategy,
    edition: opts.edition,
    anonymize: opts.anonymize === true,
    respondents: value.respondents,
  });
  const output = await RENDERERS[opts.format](report, {
    templateDir: opts.template,
    fontPath: opts.font,
    cwd,
  });
  try {
    // A fresh `out/` folder is the usual target of the demo; create it rather than fail.
    if (!toStdout && opts.output !== undefined) {
      mkdirSync(path.dirname(path.resolve(cwd, opts.output)), { recursive: true });
    }
    writeOutput(
      output,
      toStdout || opts.output === undefined ? undefined : path.resolve(cwd, opts.output),
    );
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ENOENT" || e.code === "EACCES" || e.code === "EISDIR" || e.code === "ENOTDIR") {
      throw new UsageError(
        `cannot write ${opts.output}: ${e.code === "ENOENT" ? "no such folder" : e.message}`,
      );
    }
    throw err;
  }
  if (!toStdout && process.stderr.isTTY === true) {
    process.stderr.write(`crm-maturity: wrote ${opts.output}\n`);
  }
  return 0;
}

function printWarnings(issues: readonly import("../core/diagnostics/issue.js").Issue[]): void {
  const warnings = issues.filter((i) => i.severity === "warning");
  if (warnings.length > 0) printIssues(warnings);
}
