import { type Command, Option } from "commander";
import { processEnv } from "../../app/env.js";
import { DEFAULT_FORMAT, FORMAT_NAMES } from "../../render/diagnostics/index.js";
import { examples, outputOption, wholeNumber } from "../options.js";

/** Registers `crm-maturity validate`. */
export function register(program: Command): void {
  program
    .command("validate")
    .description("check questionnaire files (for CI): syntax, schema, references, translations")
    .argument("[paths...]", "files, folders or globs (default: the current folder)")
    .addOption(
      new Option("--format <format>", "output format")
        .choices(FORMAT_NAMES)
        .default(DEFAULT_FORMAT),
    )
    .addOption(
      new Option("--fail-severity <severity>", "lowest severity that fails the run")
        .choices(["error", "warning"])
        .default("error"),
    )
    .option(
      "--max-warnings <n>",
      "fail when there are more warnings than this",
      wholeNumber("--max-warnings"),
    )
    .addOption(outputOption())
    .addHelpText(
      "after",
      examples([
        "crm-maturity validate questionnaires/",
        "crm-maturity validate 'questionnaires/**/*.yaml' --format github",
        "crm-maturity validate --format sarif -o validate.sarif",
      ]),
    )
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import("../../app/validate.js");
      process.exitCode = await runValidate(paths, opts, processEnv());
    });
}
