import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import { LANGS, type Lang } from "../core/models/languages.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { makeFolder } from "../io/make-folder.js";
import { createFileAtomic, localToday } from "../io/output.js";
import { displayPath, readYamlFile } from "../io/read.js";
import { isMultilingual, SURVEY_WRITERS } from "../survey/export/index.js";
import {
  planSurvey,
  renderMapping,
  SURVEY_DEFAULT_LANG,
  SURVEY_FORMATS,
  type SurveyFormat,
  type SurveyPlatform,
  type SurveyProblem,
} from "../survey/export/plan.js";
import type { Env } from "./env.js";
import { checkLanguage, writtenLanguages } from "./language.js";
import { profiledQuestionnaire } from "./profile.js";

/** Options of `crm-maturity survey`, as commander parses them. */
export interface SurveyOptions {
  platform: SurveyPlatform;
  questionnaire?: string;
  profile?: string;
  lang?: Lang;
  /** The survey file's format (default: the platform's first, e.g. Qualtrics's Advanced Format TXT). */
  format?: string;
  output?: string;
}

/** `--format`, checked against the platform's formats (a usage error otherwise). */
function surveyFormat(platform: SurveyPlatform, format?: string): SurveyFormat {
  const formats: readonly SurveyFormat[] = SURVEY_FORMATS[platform];
  if (format === undefined) return formats[0] as SurveyFormat;
  if (!formats.includes(format as SurveyFormat))
    throw new UsageError(
      `--format ${format}: a ${platform} survey is written as ${formats.join(" or ")}`,
    );
  return format as SurveyFormat;
}

/**
 * The languages of the survey: `--lang` first (else the platform's own language when the
 * questionnaire has it, else the questionnaire's first), then the others.
 */
function surveyLangs(
  platform: SurveyPlatform,
  multilingual: boolean,
  declared: string[],
  lang?: Lang,
): Lang[] {
  const available = writtenLanguages(declared);
  if (lang) checkLanguage(declared, lang);
  const preferred = SURVEY_DEFAULT_LANG[platform];
  const base =
    lang ?? (preferred !== undefined && available.includes(preferred) ? preferred : available[0]);
  if (!base)
    throw new UsageError(
      `the questionnaire's languages (${declared.join(", ")}) include none this tool writes (${LANGS.join(", ")})`,
    );
  return multilingual ? [base, ...available.filter((l) => l !== base)] : [base];
}

/** `crm-maturity survey`: writes an importable survey and the mapping that scores its export. */
export async function runSurvey(opts: SurveyOptions, e: Env): Promise<number> {
  const format = surveyFormat(opts.platform, opts.format);
  const standard = resolveQuestionnaire(opts.questionnaire, e.cwd);
  // The survey leaves out the questions the profile does not ask (no client yet: the option only).
  const questionnaire = profiledQuestionnaire(standard, {}, opts.profile);
  const plan = planSurvey(
    questionnaire,
    surveyLangs(
      opts.platform,
      isMultilingual(opts.platform, format),
      questionnaire.languages,
      opts.lang,
    ),
  );
  const writer = await SURVEY_WRITERS[opts.platform]();
  const problems = writer.check(plan, format);
  if (problems.length) {
    throw new InputError(
      `${problems.map((p) => describeProblem(p, e.cwd)).join("\n")}\n${problems.length} question${problems.length === 1 ? "" : "s"} cannot be written for ${opts.platform}; nothing was written`,
    );
  }
  const dir = path.resolve(e.cwd, opts.output ?? ".");
  const files = [
    ...(await writer.files(plan, format)),
    {
      name: `${opts.platform}-mapping.yaml`,
      data: renderMapping(plan, writer.layout(plan), {
        platform: opts.platform,
        date: localToday(e.now()),
        questionnaireArg: opts.questionnaire,
      }),
    },
  ];
  const shown = (name: string) => displayPath(path.join(dir, name), e.cwd);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new UsageError(`-o ${opts.output}: expected a folder; found a file`);
  const existing = files.filter((f) => existsSync(path.join(dir, f.name)));
  if (existing.length)
    throw new InputError(
      `${existing.map((f) => shown(f.name)).join(", ")} already exist${existing.length === 1 ? "s" : ""}; survey never overwrites a file (delete ${existing.length === 1 ? "it" : "them"} or choose another -o folder); nothing was written`,
    );
  try {
    makeFolder(dir);
    for (const f of files) {
      if (!createFileAtomic(path.join(dir, f.name), f.data))
        throw new InputError(`${shown(f.name)} appeared while writing; nothing more was written`);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`-o ${opts.output ?? "."}: cannot write there (${code ?? String(err)})`);
  }
  e.stderr.write(
    `crm-maturity: survey (${opts.platform}, ${plan.langs.join(" + ")}): the role question and ${plan.items.length} questions → ${files.map((f) => shown(f.name)).join(", ")}\n`,
  );
  return 0;
}

/** `dimensions/leadership.yaml:12:5: question lead.ceo-ownership has no zh-CN text`. */
function describeProblem(p: SurveyProblem, cwd: string): string {
  if (!p.item) return p.message;
  const { file } = readYamlFile(p.item.dimension.file, cwd);
  const at = file?.locate(["questions", p.item.index]).start;
  const shown = file?.display ?? displayPath(p.item.dimension.file, cwd);
  return `${shown}${at ? `:${at.line}:${at.column}` : ""}: question ${p.item.question.id} ${p.message}`;
}
