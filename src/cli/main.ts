import { Command, CommanderError } from "commander";
import { processEnv } from "../app/env.js";
import { printFailure, stderrLayout } from "../app/print-issues.js";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import { stdoutOutputPending } from "../io/atomic-file.js";
import { describeWriteError } from "../io/output.js";
import { VERSION } from "../io/version.js";
import { examples } from "./options.js";

/**
 * How errors are laid out on standard error (see printFailure): at a terminal, in its width,
 * never breaking inside a value the command was given (a path, an option's value), which
 * messages repeat; one line each when piped.
 */
function errorLayout(argv: readonly string[]) {
  const values = argv
    .slice(2)
    .flatMap((a) =>
      !a.startsWith("-") ? [a] : a.includes("=") ? [a.slice(a.indexOf("=") + 1)] : [],
    );
  return stderrLayout(processEnv(), values);
}

/** Adds one command (its flags, help and action) to the program. */
export type RegisterCommand = (program: Command) => void;

function buildProgram(commands: readonly RegisterCommand[]): Command {
  const program = new Command("crm-maturity")
    .description(
      "Assess a company's CRM capability maturity: questionnaires as code, interviews, batch scoring, gap reports and rigidify → optimise → solidify roadmaps.",
    )
    .version(VERSION)
    .option(
      "--debug",
      "print stack traces for internal errors, and whether the code cache was used",
    )
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .addHelpText(
      "after",
      `${examples(["crm-maturity validate questionnaires/", "crm-maturity schema questionnaire -o questionnaire.schema.json"])}
Exit codes: 0 ok · 1 invalid input or findings · 2 usage error or internal failure`,
    );
  for (const register of commands) register(program);
  // Subcommands made with .command() inherit exitOverride, so their usage errors reach main().
  return program;
}

/**
 * Runs the CLI with `commands` (the entries in src/cli/entry.ts and src/cli/validate-entry.ts);
 * the only place that turns errors into exit codes.
 */
export async function main(argv: string[], commands: readonly RegisterCommand[]): Promise<void> {
  // A closed pipe (`crm-maturity … | head`) is a normal way for output to end, not an error —
  // unless a streamed output (`batch -o -`, `--respondents -`) is still being written: that
  // output then fails the run itself, and the other outputs are not committed.
  // Any other failure of standard output (a full disk, /dev/full) is reported, never a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE" && stdoutOutputPending()) return;
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(
      `crm-maturity: cannot write standard output: ${describeWriteError(err)}\n`,
    );
    process.exit(1);
  });
  const program = buildProgram(commands);
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      const ok = err.code === "commander.helpDisplayed" || err.code === "commander.version";
      process.exitCode = ok || err.code === "commander.help" ? 0 : 2;
    } else if (err instanceof UsageError || err instanceof InputError) {
      printFailure(err, process.stderr, errorLayout(argv));
      process.exitCode = err instanceof UsageError ? 2 : 1;
    } else {
      const e = err as Error;
      const hint = debug ? `${e?.stack ?? ""}\n` : "(rerun with --debug to see the stack trace)\n";
      process.stderr.write(`crm-maturity: internal error: ${e?.message ?? String(err)}\n${hint}`);
      process.exitCode = 2;
    }
  }
}
