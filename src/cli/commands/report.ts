import { type Command, Option } from "commander";
import { DEFAULT_STRATEGY, ROADMAP_STRATEGIES } from "../../core/analysis/roadmap.js";
import { UsageError } from "../../core/diagnostics/errors.js";
import { FORMATS } from "../../render/report/index.js";
import { REPORT_LANGUAGES } from "../../views/report/model.js";
import { formatOption } from "../format-option.js";
import { examples } from "../options.js";

/** Parses `--horizon`: whole months, at least 1. */
function months(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 120) {
    throw new UsageError(
      `--horizon expects whole months from 1 to 120; found ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** The options `report` and `roadmap` share. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .argument(
      "<inputs...>",
      "answer files (YAML/JSON, `-` for standard input) or one results JSON from score/batch",
    )
    .option(
      "-q, --questionnaire <file>",
      "questionnaire root file (default: the bundled standard pack)",
    )
    .option("--targets <file>", "per-dimension target levels for this client")
    .addOption(formatOption(FORMATS, "md"))
    .option("-o, --output <file>", "write to a file (atomically) instead of standard output")
    .addOption(
      new Option("--lang <lang>", "language of the document")
        .choices(REPORT_LANGUAGES)
        .default("en"),
    )
    .option("--template <dir>", "folder of Handlebars templates overriding the bundled ones (md)")
    .option("--font <file>", "font with Chinese glyphs for PDF (.ttf, .otf or .ttc)")
    .option(
      "--horizon <months>",
      "planning horizon in months (default: the assessment's, else 12)",
      months,
    )
    .addOption(
      new Option("--strategy <strategy>", "rollout: at most two actions at a time, or all at once")
        .choices(ROADMAP_STRATEGIES)
        .default(DEFAULT_STRATEGY),
    );
}

/** Registers `crm-maturity report`. */
export function register(program: Command): void {
  addReportOptions(
    program
      .command("report")
      .description(
        "write the gap report: summary, profile, dimensions, risks, roadmap, KPIs, appendix",
      ),
  )
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity report answers/*.yaml --targets targets.yaml -o report.md",
        "crm-maturity report answers/*.yaml --lang zh-CN --format pdf -o report.pdf",
        "crm-maturity score answers/*.yaml --format json > results.json && crm-maturity report results.json",
        "crm-maturity report answers/*.yaml --template my-templates/ -o report.md",
      ])}
Exit codes: 0 written · 1 invalid input (file:line:col on standard error) · 2 usage error
`,
    )
    .action(async (inputs: string[], opts) => {
      const { runReport } = await import("../../app/report.js");
      process.exitCode = await runReport("report", inputs, opts);
    });
}

export { register as registerRoadmap } from "./roadmap.js";
