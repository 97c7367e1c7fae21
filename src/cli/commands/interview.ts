import type { Command } from "commander";
import { processEnv } from "../../app/env.js";
import { examples, langOption, outputOption, questionnaireOption } from "../options.js";

/** Registers `crm-maturity interview`. */
export function register(program: Command): void {
  program
    .command("interview")
    .description(
      "interview a respondent interactively; every answer is saved to the answers file at once",
    )
    .addOption(questionnaireOption("questionnaire to interview with"))
    .addOption(
      outputOption(
        "answers file to write; an existing one is continued or extended, never overwritten",
      ).default("answers.yaml"),
    )
    .option("--resume", "continue the last respondent at their first unanswered question")
    .addOption(langOption("the questions (asked when omitted)", null))
    .option("--role <role>", "the new respondent's role id, e.g. executive (asked when omitted)")
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity interview -o acme/answers/ceo.yaml --lang zh-CN --role executive",
        "crm-maturity interview -o acme/answers/ceo.yaml --resume",
        "crm-maturity interview -q my-pack/questionnaire.yaml -o answers.yaml",
      ])}
Keys: ↑↓ move · 1–5 jump to a level · Enter choose · Ctrl-C save and stop (prints the resume command).
The file is written after every answer; running again on an existing file offers to continue the
last respondent or to add a new one.

Exit codes: 0 done or saved · 1 invalid questionnaire or answers file (file:line:column on stderr,
the file is left untouched) · 2 usage error or no terminal · 130 interrupted with Ctrl-C (answers saved)
`,
    )
    .action(async (opts) => {
      const { runInterview } = await import("../../app/interview.js");
      process.exitCode = await runInterview(opts, processEnv());
    });
}
