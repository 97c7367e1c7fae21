import type { Command } from "commander";
import { processEnv } from "../../app/env.js";
import { examples, langOption, questionnaireOption } from "../options.js";

/** Registers `crm-maturity init`. */
export function register(program: Command): void {
  program
    .command("init")
    .description("scaffold an engagement folder: answers template, targets file and a README")
    .argument("[dir]", "the folder to create or complete (default: the current folder)")
    .addOption(questionnaireOption("questionnaire the answers template lists"))
    .addOption(langOption("the template comments and README"))
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity init acme-2026",
        "crm-maturity init huaxin --lang zh-CN",
        "crm-maturity init . -q my-questionnaire/questionnaire.yaml",
      ])}
Existing files are never overwritten: init creates what is missing, lists what it kept and exits 0.
`,
    )
    .action(async (dir: string | undefined, opts) => {
      const { runInit } = await import("../../app/init.js");
      runInit(dir, opts, processEnv());
    });
}
