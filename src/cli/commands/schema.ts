import type { Command } from "commander";
import { processEnv } from "../../app/env.js";
import { examples, outputOption } from "../options.js";

/** Registers `crm-maturity schema`. */
export function register(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of a file format")
    .argument(
      "[format]",
      "questionnaire | dimension | answers | targets | results | mapping | report | comparison | brand",
      "questionnaire",
    )
    .addOption(outputOption())
    .addHelpText(
      "after",
      examples([
        "crm-maturity schema questionnaire -o questionnaire.schema.json",
        "crm-maturity schema answers",
      ]),
    )
    .action(async (format: string, opts) => {
      const { runSchema } = await import("../../app/schema.js");
      runSchema(format, opts, processEnv());
    });
}
