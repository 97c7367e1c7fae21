import { Command, CommanderError, Option } from "commander";
import { printIssues } from "./commands/print-issues.js";
import { InputError, UsageError } from "./errors.js";
import { DEFAULT_FORMAT, FORMAT_NAMES } from "./validate/formatters/index.js";
import { VERSION } from "./version.js";

const EXAMPLES = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

function buildProgram(): Command {
  const program = new Command("crm-maturity")
    .description(
      "Assess a company's CRM capability maturity: questionnaires as code, interviews, batch scoring,\ngap reports and rigidify → optimise → solidify roadmaps.",
    )
    .version(VERSION)
    .option("--debug", "print stack traces for internal errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .addHelpText(
      "after",
      `${EXAMPLES(["crm-maturity validate questionnaires/", "crm-maturity schema questionnaire -o questionnaire.schema.json"])}
Exit codes: 0 ok · 1 invalid input or findings · 2 usage error or internal failure`,
    );

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
    .option("--max-warnings <n>", "fail when there are more warnings than this", parseCount)
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .addHelpText(
      "after",
      EXAMPLES([
        "crm-maturity validate questionnaires/",
        "crm-maturity validate 'questionnaires/**/*.yaml' --format github",
        "crm-maturity validate --format sarif -o validate.sarif",
      ]),
    )
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import("./commands/validate.js");
      process.exitCode = runValidate(paths, opts);
    });

  program
    .command("schema")
    .description("print the JSON Schema of a file format")
    .argument("[format]", "questionnaire | dimension", "questionnaire")
    .option("-o, --output <file>", "write to a file instead of standard output")
    .addHelpText(
      "after",
      EXAMPLES(["crm-maturity schema questionnaire -o questionnaire.schema.json"]),
    )
    .action(async (format: string, opts) => {
      const { runSchema } = await import("./commands/schema.js");
      runSchema(format, opts);
    });

  return program;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new UsageError(
      `--max-warnings expects a whole number ≥ 0; found ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** Runs the CLI; the only place that turns errors into exit codes. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode =
        err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
      if (err.code === "commander.executeSubCommandAsync") process.exitCode = 2;
    } else if (err instanceof UsageError) {
      process.stderr.write(`crm-maturity: error: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof InputError) {
      if (err.issues.length) printIssues(err.issues);
      process.stderr.write(`crm-maturity: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      const e = err as Error;
      process.stderr.write(
        `crm-maturity: internal error: ${e?.message ?? String(err)}\n${debug ? `${e?.stack ?? ""}\n` : "(rerun with --debug to see the stack trace)\n"}`,
      );
      process.exitCode = 2;
    }
  }
}

await main(process.argv);
