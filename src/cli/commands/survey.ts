import { type Command, Option } from "commander";
import { processEnv } from "../../app/env.js";
import { examples, langOption, profileOption, questionnaireOption } from "../options.js";

// The platforms, written out so that `--help` does not load the writers (the use case checks
// each one against the writers' registry through its type).
const PLATFORMS = ["limesurvey", "qualtrics", "wjx", "google-forms", "paper"] as const;
// Every platform's formats (the use case checks the pair: qualtrics txt|qsf, paper pdf|docx).
const FORMATS = ["txt", "qsf", "gs", "pdf", "docx"] as const;

/** Registers `crm-maturity survey`. */
export function register(program: Command): void {
  program
    .command("survey")
    .description(
      "write an importable survey of the questionnaire for a survey platform, and the mapping that scores its export",
    )
    .addOption(
      new Option("--platform <platform>", "the survey platform")
        .choices(PLATFORMS)
        .makeOptionMandatory(),
    )
    .addOption(questionnaireOption("questionnaire to survey"))
    .addOption(profileOption("none, every question of the questionnaire"))
    .addOption(
      langOption(
        "the survey (LimeSurvey: its base language, every language of the questionnaire included; default: zh-CN for wjx when the questionnaire has it, else the questionnaire's first)",
        null,
      ),
    )
    .addOption(
      new Option(
        "--format <format>",
        "the survey file's format: qualtrics txt (Advanced Format, default) or qsf (survey file, every language); paper pdf (default) or docx; the other platforms have one",
      ).choices(FORMATS),
    )
    .addOption(
      new Option("-o, --output <dir>", "folder to write into (default: the current folder)"),
    )
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity survey --platform limesurvey -o survey/",
        "crm-maturity survey --platform qualtrics --lang en -o survey/",
        "crm-maturity survey --platform qualtrics --format qsf -o survey/",
        "crm-maturity survey --platform wjx -q my-pack/questionnaire.yaml -o survey/   # in Chinese unless --lang says otherwise",
        "crm-maturity survey --platform paper --lang zh-CN -o workshop/",
        "crm-maturity survey --platform paper --format docx -o workshop/",
        "crm-maturity survey --platform qualtrics --profile b2c-retail -o survey/   # leaves out what a retailer is not asked",
      ])}
Each platform's files are written beside <platform>-mapping.yaml, which scores the platform's export:
  crm-maturity batch <export> --map survey/<platform>-mapping.yaml
Import steps and export settings per platform: docs/survey.md. Existing files are never overwritten.

Exit codes: 0 written · 1 a question the platform cannot represent, an invalid questionnaire, or an existing file · 2 usage error (e.g. a --format the platform does not have)
`,
    )
    .action(async (opts) => {
      const { runSurvey } = await import("../../app/survey.js");
      process.exitCode = await runSurvey(opts, processEnv());
    });
}
