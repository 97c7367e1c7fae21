import { type Command, Option } from "commander";
import { processEnv } from "../../app/env.js";
import type { EncodingChoice } from "../../io/survey/decode.js";
import { examples, outputOption, questionnaireOption } from "../options.js";

// The decoder's choices, written out so that `--help` does not load the decoder (the type keeps
// each one valid); shared with `batch`.
export const ENCODINGS = [
  "auto",
  "utf-8",
  "gb18030",
  "windows-1252",
  "utf-16le",
] as const satisfies readonly EncodingChoice[];

/** Registers `crm-maturity map init`. */
export function register(program: Command): void {
  const map = program
    .command("map")
    .description("column mappings for survey exports (see `map init --help`)");
  map
    .command("init")
    .description(
      "suggest a mapping.yaml for a survey export: match its columns to the questionnaire's questions",
    )
    .argument("<export>", "the survey export (CSV or XLSX; - reads standard input)")
    .addOption(questionnaireOption("questionnaire to map to"))
    .addOption(outputOption("write the mapping here (never overwrites) instead of stdout"))
    .addOption(
      new Option("--encoding <encoding>", "text encoding of a CSV export")
        .choices(ENCODINGS)
        .default("auto"),
    )
    .option(
      "--survey <file>",
      "the survey's structure, to map code-headed columns and answer codes: LimeSurvey's survey structure (.txt) or a Qualtrics survey file (.qsf)",
    )
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity map init qualtrics-export.csv -o mapping.yaml",
        "crm-maturity map init results-survey123456.csv --survey limesurvey_survey_123456.txt -o mapping.yaml",
        "crm-maturity map init 问卷星导出.csv --encoding gb18030 -q my-pack/questionnaire.yaml -o mapping.yaml",
      ])}
Unmatched columns and questions are left as TODO comments; review the file, then run
  crm-maturity batch <export> --map mapping.yaml

Exit codes: 0 written · 1 unreadable export or questionnaire, or the output file exists · 2 usage error
`,
    )
    .action(async (file: string, opts) => {
      const { runMapInit } = await import("../../app/map-init.js");
      process.exitCode = await runMapInit(file, opts, processEnv());
    });
}
