import type { Command } from "commander";
import { processEnv } from "../../app/env.js";
import { COMPARE_FORMATS, DEFAULT_COMPARE_FORMAT } from "../../render/comparison/index.js";
import { formatFollowsOutput, formatOption } from "../format-option.js";
import {
  brandOption,
  examples,
  langOption,
  outputOption,
  profileOption,
  questionnaireOption,
  wholeNumber,
} from "../options.js";

/** Registers `crm-maturity compare`. */
export function register(program: Command): void {
  const cmd = program
    .command("compare")
    .description(
      "show progress between a baseline and a follow-up assessment of one client: scores, levels, progress to target, risks, readiness, questionnaire changes",
    )
    .argument(
      "<baseline>",
      "the earlier assessment: answers file (YAML/JSON), a folder of answer files, or results JSON from score/batch (- reads stdin)",
    )
    .argument("<followup>", "the later assessment, in either form")
    .addOption(
      questionnaireOption(
        "questionnaire of the follow-up, and of the baseline unless --baseline-questionnaire is given",
      ),
    )
    .option(
      "--baseline-questionnaire <file>",
      "questionnaire of the baseline when it was answered to another version (default: -q)",
    )
    .addOption(formatOption(COMPARE_FORMATS, DEFAULT_COMPARE_FORMAT))
    .addOption(langOption("the table and the documents (JSON holds both)"))
    .option(
      "--movers <n>",
      "how many of the biggest question movers to list (default 10)",
      wholeNumber("--movers"),
    )
    .addOption(outputOption())
    .addOption(profileOption())
    .option(
      "--template <dir>",
      "folder of Handlebars templates overriding the bundled compare.md.hbs and partials (md)",
    )
    .addOption(brandOption(COMPARE_FORMATS))
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity compare baseline/results.json followup/answers.yaml",
        "crm-maturity compare baseline.yaml followup.yaml --baseline-questionnaire questionnaire-v1/questionnaire.yaml -q questionnaire-v2/questionnaire.yaml",
        "crm-maturity compare baseline.json followup.json --format md --lang zh-CN -o progress.md",
        "crm-maturity compare baseline.json followup.json --format md --template my-templates/",
        "crm-maturity compare baseline.json followup.json --brand brand.yaml -o progress.pptx",
      ])}
Exit codes: 0 compared · 1 invalid input, or a follow-up dated before the baseline (file:line:column on stderr) · 2 usage error
`,
    );
  formatFollowsOutput(cmd, COMPARE_FORMATS).action(
    async (baseline: string, followup: string, opts) => {
      const { runCompare } = await import("../../app/compare.js");
      process.exitCode = await runCompare(baseline, followup, opts, processEnv());
    },
  );
}
