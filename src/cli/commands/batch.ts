import { type Command, Option } from "commander";
import { processEnv } from "../../app/env.js";
import { examples, outputOption, profileOption, questionnaireOption } from "../options.js";
import { ENCODINGS } from "./map.js";

export { register as registerMap } from "./map.js";

const collect = (value: string, previous: string[]) => [...previous, value];

/** Registers `crm-maturity batch`. */
export function register(program: Command): void {
  program
    .command("batch")
    .description(
      "score survey exports row by row: aggregate results with statistics, per-respondent CSV, rejects",
    )
    .argument(
      "<exports...>",
      "the survey export (CSV or XLSX; - reads standard input); several exports of one survey, or an export and its corrected rejects file, are scored as one",
    )
    .requiredOption("--map <file>", "the mapping file (start one with `crm-maturity map init`)")
    .addOption(questionnaireOption("questionnaire to score with"))
    .option(
      "--group-by <column>",
      "break statistics down by this column (repeatable; overrides the mapping's groupBy)",
      collect,
      [],
    )
    .addOption(outputOption("write the results JSON here instead of standard output"))
    .option("--respondents <file>", "write each respondent's scores as CSV")
    .option(
      "--rejects <file>",
      "write every rejected row, whole, as CSV (correct it and score it with the export in one run: each corrected row replaces the row it came from)",
    )
    .addOption(
      new Option("--encoding <encoding>", "text encoding of a CSV export")
        .choices(ENCODINGS)
        .default("auto"),
    )
    .addOption(profileOption("chosen by the mapping's client industry and size"))
    .option("--strict", "stop with exit code 1 at the first bad row")
    .option(
      "--exclude-careless",
      "leave out rows flagged as careless (straight-lining, long strings, too fast); they go to --rejects with the reason",
    )
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity batch qualtrics-export.csv --map mapping.yaml -o results.json",
        "crm-maturity batch export.xlsx --map mapping.yaml --group-by Department --respondents respondents.csv --rejects rejects.csv -o results.json",
        "crm-maturity batch 问卷星.csv --map mapping.yaml --encoding gb18030 --strict -o results.json",
        "crm-maturity batch export.csv --map mapping.yaml --exclude-careless --rejects rejects.csv -o results.json",
        "crm-maturity batch export.csv rejects-corrected.csv --map mapping.yaml -o results.json",
      ])}
The results JSON is the model \`score --format json\` writes, plus \`statistics\`; \`report\`,
\`roadmap\` and \`compare\` read it. A summary of the rows goes to standard error.

Exit codes: 0 scored (bad rows are reported and skipped) · 1 invalid export, mapping or
questionnaire, or a bad row under --strict · 2 usage error
`,
    )
    .action(async (files: string[], opts) => {
      const { runBatchCommand } = await import("../../app/batch.js");
      process.exitCode = await runBatchCommand(files, opts, processEnv());
    });
}
