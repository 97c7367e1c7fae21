import { scoreAssessment } from "../core/assessment.js";
import { UsageError } from "../core/diagnostics/errors.js";
import type { Lang } from "../core/models/languages.js";
import { messagesFor } from "../i18n/index.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { expandAnswerFolders, loadAnswerFiles, loadTargetsFile } from "../io/load-answers.js";
import { useColor, writeOutput } from "../io/output.js";
import { SCORE_RENDERERS, type ScoreFormat } from "../render/score/index.js";
import { TEMPLATE_PLACEHOLDERS } from "../views/answers-template.js";
import { type Env, layoutWidth } from "./env.js";
import { checkLanguage } from "./language.js";
import { failWithIssues, printIssues } from "./print-issues.js";
import { checkProfileOption, profiledQuestionnaire } from "./profile.js";

/** Options of `crm-maturity score`, as commander parses them. */
export interface ScoreCommandOptions {
  questionnaire?: string;
  targets?: string;
  horizon?: number;
  format: ScoreFormat;
  lang: Lang;
  output?: string;
  profile?: string;
}

/** `crm-maturity score <answers..>`: merges answer files, scores them and renders the results. */
export async function runScore(
  paths: string[],
  opts: ScoreCommandOptions,
  e: Env,
): Promise<number> {
  const stdinUses = paths.filter((p) => p === "-").length + (opts.targets === "-" ? 1 : 0);
  if (stdinUses > 1) {
    throw new UsageError(
      "standard input (-) can be read only once; pass the other inputs as files",
    );
  }
  const standard = resolveQuestionnaire(opts.questionnaire, e.cwd);
  // JSON holds no sentence: only the table and Markdown are written in a language.
  if (opts.format !== "json") checkLanguage(standard.languages, opts.lang);
  checkProfileOption(standard, opts.profile);
  const inputs = expandAnswerFolders(paths, e.cwd);
  const said = messagesFor(opts.lang).status;
  if (inputs.issues.length > 0) failWithIssues(said.answersInvalid, inputs.issues);
  const answers = loadAnswerFiles(inputs.paths, standard, {
    cwd: e.cwd,
    stdin: e.stdin,
    placeholders: { texts: TEMPLATE_PLACEHOLDERS, severity: "warning" },
  });
  if (!answers.input) failWithIssues(said.answersInvalid, answers.issues);
  const questionnaire = profiledQuestionnaire(
    standard,
    answers.input.assessment.client,
    opts.profile,
  );

  let targets: Record<string, number> | undefined;
  const warnings = answers.issues;
  if (opts.targets !== undefined) {
    const loaded = loadTargetsFile(opts.targets, questionnaire, { cwd: e.cwd, stdin: e.stdin });
    if (!loaded.targets)
      failWithIssues(
        (errors) => said.targetsInvalid({ file: opts.targets ?? "", errors }),
        loaded.issues,
      );
    targets = loaded.targets;
    warnings.push(...loaded.issues);
  }
  // Warnings (merge decisions, answers to questions not put to a role) never block scoring.
  if (warnings.length > 0) printIssues(warnings, e.stderr);

  const results = scoreAssessment(questionnaire, answers.input, {
    targets,
    horizonMonths: opts.horizon,
  });
  const text = await SCORE_RENDERERS[opts.format](
    { results, questionnaire },
    {
      lang: opts.lang,
      color:
        opts.format === "table" && useColor(opts.output, { isTTY: e.stdoutIsTTY, env: e.vars }),
      width: layoutWidth(e, opts.output),
    },
  );
  writeOutput(text, opts.output, e);
  return 0;
}
