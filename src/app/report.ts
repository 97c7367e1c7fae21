import path from "node:path";
import type { RoadmapStrategy } from "../core/analysis/roadmap.js";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { brandView } from "../core/models/brand.js";
import { messagesFor } from "../i18n/index.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { loadTargetsFile } from "../io/load-answers.js";
import { writeOutput } from "../io/output.js";
import { displayPath } from "../io/read.js";
import { BINARY_FORMATS, type Format, RENDERERS } from "../render/report/index.js";
import { buildReport } from "../views/report/build.js";
import type { Edition, ReportKind, ReportLanguage } from "../views/report/model.js";
import { brandFor } from "./brand.js";
import type { Env } from "./env.js";
import { checkLanguage } from "./language.js";
import { loadReportInputs } from "./load-inputs.js";
import { printIssues } from "./print-issues.js";
import { checkProfileOption } from "./profile.js";

/** Options of `report` and `roadmap` as commander parses them. */
export interface ReportCommandOptions {
  questionnaire?: string;
  targets?: string;
  format: Format;
  output?: string;
  lang: ReportLanguage;
  template?: string;
  font?: string;
  brand?: string;
  horizon?: number;
  strategy: RoadmapStrategy;
  /** `report` only: board, full or internal. */
  edition?: Edition;
  anonymize?: boolean;
  profile?: string;
}

/**
 * `crm-maturity report|roadmap <inputs..>`: loads the inputs, builds the report model, renders
 * it and writes it (atomically with -o). Bad input throws InputError; returns the exit code.
 */
export async function runReport(
  kind: ReportKind,
  inputs: string[],
  opts: ReportCommandOptions,
  e: Env,
): Promise<number> {
  const { cwd } = e;
  if (kind === "roadmap" && opts.format === "pptx") {
    throw new UsageError(
      "--format pptx is the board deck of `report`; write the roadmap as md, pdf, docx or json",
    );
  }
  const toStdout = opts.output === undefined || opts.output === "-";
  if (BINARY_FORMATS.has(opts.format) && toStdout && e.stdoutIsTTY) {
    throw new UsageError(
      `--format ${opts.format} writes a binary file; pass -o <file>.${opts.format} (or redirect standard output)`,
    );
  }
  const standard = resolveQuestionnaire(opts.questionnaire, cwd);
  checkLanguage(standard.languages, opts.lang);
  checkProfileOption(standard, opts.profile);
  const brand = brandFor(opts.brand, e);
  let targets: Record<string, number> | undefined;
  if (opts.targets !== undefined) {
    const loaded = loadTargetsFile(opts.targets, standard, { cwd, stdin: e.stdin });
    if (!loaded.targets) {
      throw new InputError(`the targets file ${opts.targets} is invalid`, loaded.issues);
    }
    printWarnings(loaded.issues, e);
    targets = loaded.targets;
  }
  const { value, issues } = loadReportInputs(inputs, standard, {
    cwd,
    stdin: e.stdin,
    targets,
    horizonMonths: opts.horizon,
    profile: opts.profile,
  });
  if (!value) {
    const errors = issues.filter((i) => i.severity === "error");
    throw new InputError(
      `cannot build the ${kind}: ${errors.length} ${errors.length === 1 ? "problem" : "problems"} in the inputs`,
      issues,
    );
  }
  printWarnings(issues, e);
  const report = buildReport(value.results, value.questionnaire, {
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
    brand: brand ? brandView(brand, opts.lang) : undefined,
    cwd,
    vars: e.vars,
  });
  writeOutput(output, opts.output, e);
  if (!toStdout && e.stderrIsTTY) {
    const file = displayPath(path.resolve(cwd, opts.output ?? ""), cwd);
    e.stderr.write(`crm-maturity: ${messagesFor(opts.lang).status.wrote(file)}\n`);
  }
  return 0;
}

function printWarnings(issues: readonly Issue[], e: Env): void {
  const warnings = issues.filter((i) => i.severity === "warning");
  if (warnings.length > 0) printIssues(warnings, e.stderr);
}
