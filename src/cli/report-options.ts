// Options that `report` and `roadmap` share.
import { type Command, Option } from "commander";
import { DEFAULT_STRATEGY, ROADMAP_STRATEGIES } from "../core/analysis/roadmap.js";
import { FORMATS } from "../render/report/index.js";
import { formatFollowsOutput, formatOption } from "./format-option.js";
import {
  brandOption,
  horizonOption,
  langOption,
  outputOption,
  profileOption,
  questionnaireOption,
} from "./options.js";

/**
 * The options `report` and `roadmap` share; `shownFormats` are the formats help lists (the
 * roadmap has no deck: `--format pptx` reaches it to be refused with advice).
 */
export function addReportOptions(cmd: Command, shownFormats: readonly string[] = FORMATS): Command {
  formatFollowsOutput(cmd, FORMATS);
  return cmd
    .argument(
      "<inputs...>",
      "answer files (YAML/JSON) or folders of them (`-` for standard input), or one results JSON from score/batch",
    )
    .addOption(questionnaireOption("questionnaire root file"))
    .option("--targets <file>", "per-dimension target levels for this client")
    .addOption(formatOption(FORMATS, "md", shownFormats))
    .addOption(outputOption())
    .addOption(langOption("the document"))
    .option("--template <dir>", "folder of Handlebars templates overriding the bundled ones (md)")
    .option("--font <file>", "font with Chinese glyphs for PDF (.ttf, .otf or .ttc)")
    .addOption(brandOption(shownFormats))
    .addOption(horizonOption())
    .addOption(profileOption())
    .addOption(
      new Option("--strategy <strategy>", "rollout: a pilot unit first, or every unit at once")
        .choices(ROADMAP_STRATEGIES)
        .default(DEFAULT_STRATEGY),
    )
    .option("--anonymize", "roles only: no names, nothing that singles out one respondent");
}
