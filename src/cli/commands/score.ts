import type { Command } from "commander";
import { processEnv } from "../../app/env.js";
import { SCORE_FORMATS } from "../../render/score/index.js";
import { formatFollowsOutput, formatOption } from "../format-option.js";
import {
  examples,
  horizonOption,
  langOption,
  outputOption,
  profileOption,
  questionnaireOption,
} from "../options.js";

/** Registers `crm-maturity score`. */
export function register(program: Command): void {
  const cmd = program
    .command("score")
    .description(
      "score answer files: maturity profile, gaps, readiness verdict, risks, perception gaps",
    )
    .argument(
      "<answers...>",
      "answer files (YAML or JSON) or folders of them; several merge into one assessment; - reads stdin",
    )
    .addOption(questionnaireOption("questionnaire to score with"))
    .option("--targets <file>", "targets file overriding the per-dimension target levels")
    .addOption(horizonOption())
    .addOption(profileOption())
    .addOption(formatOption(SCORE_FORMATS, "table"))
    .addOption(langOption("the table and Markdown"))
    .addOption(outputOption())
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity score examples/acme-manufacturing/answers/*.yaml --targets examples/acme-manufacturing/targets.yaml",
        "crm-maturity score answers.yaml --format json -o results.json",
        "crm-maturity score answers/*.yaml --profile b2c-retail,enterprise",
        "crm-maturity score answers/*.yaml --format md --lang zh-CN -o summary.md",
        "cat answers.json | crm-maturity score -",
      ])}
Exit codes: 0 scored · 1 invalid answers, targets or questionnaire (file:line:column on stderr) · 2 usage error
`,
    );
  formatFollowsOutput(cmd, SCORE_FORMATS).action(async (paths: string[], opts) => {
    const { runScore } = await import("../../app/score.js");
    process.exitCode = await runScore(paths, opts, processEnv());
  });
}
