import { type Command, Option } from "commander";
import { UsageError } from "../../core/diagnostics/errors.js";
import { LANGS } from "../../i18n/labels.js";
import { SCORE_FORMATS } from "../../render/score/index.js";
import { formatOption } from "../format-option.js";
import { examples } from "../options.js";

function months(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(
      `--horizon expects a whole number of months ≥ 1; found ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** Registers `crm-maturity score`. */
export function register(program: Command): void {
  program
    .command("score")
    .description(
      "score answer files: maturity profile, gaps, readiness verdict, risks, perception gaps",
    )
    .argument(
      "<answers...>",
      "answer files (YAML or JSON; several merge into one assessment; - reads stdin)",
    )
    .option(
      "-q, --questionnaire <file>",
      "questionnaire to score with (default: the bundled standard pack)",
    )
    .option("--targets <file>", "targets file overriding the per-dimension target levels")
    .option(
      "--horizon <months>",
      "planning horizon for expectation risk (default: the answers' horizonMonths, else 12)",
      months,
    )
    .addOption(formatOption(SCORE_FORMATS, "table"))
    .addOption(
      new Option("--lang <lang>", "language of the table and Markdown")
        .choices(LANGS)
        .default("en"),
    )
    .option("-o, --output <file>", "write to a file instead of standard output")
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity score examples/acme-manufacturing/answers/*.yaml --targets examples/acme-manufacturing/targets.yaml",
        "crm-maturity score answers.yaml --format json -o results.json",
        "crm-maturity score answers/*.yaml --format md --lang zh-CN -o summary.md",
        "cat answers.json | crm-maturity score -",
      ])}
Exit codes: 0 scored · 1 invalid answers, targets or questionnaire (file:line:column on stderr) · 2 usage error
`,
    )
    .action(async (paths: string[], opts) => {
      const { runScore } = await import("../../app/score.js");
      process.exitCode = await runScore(paths, opts);
    });
}
