import path from "node:path";
import {
  type CompareSide,
  type Comparison,
  compareAssessments,
  splitRoles,
} from "../core/analysis/comparison.js";
import type { AssessmentInput } from "../core/answers/input.js";
import { scoreAssessment } from "../core/assessment.js";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import { makeIssue, type SourceFile } from "../core/diagnostics/source.js";
import { brandView } from "../core/models/brand.js";
import type { Lang } from "../core/models/languages.js";
import type { Results } from "../core/models/results.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { escapeControls } from "../core/text/controls.js";
import { messagesFor } from "../i18n/index.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { useColor, writeOutput } from "../io/output.js";
import { readStdinText } from "../io/read.js";
import { COMPARE_RENDERERS, type CompareFormat } from "../render/comparison/index.js";
import { roleMismatchStatus, warningText } from "../views/comparison.js";
import { brandFor } from "./brand.js";
import { type Env, layoutWidth } from "./env.js";
import { checkLanguage, resultsLanguages } from "./language.js";
import { loadAssessment } from "./load-inputs.js";
import { printIssues } from "./print-issues.js";
import { checkProfileOption, declaresProfiles, questionnaireForResults } from "./profile.js";

/** Options of `crm-maturity compare`, as commander parses them. */
export interface CompareCommandOptions {
  questionnaire?: string;
  baselineQuestionnaire?: string;
  format: CompareFormat;
  lang: Lang;
  output?: string;
  movers?: number;
  template?: string;
  /** Scores answer files on both sides with this profile. */
  profile?: string;
  brand?: string;
}

type Role = "baseline" | "follow-up";

interface LoadedSide {
  side: CompareSide;
  file: SourceFile;
  /** The answers, when the side was read from answer files (so it can be scored again). */
  input?: AssessmentInput;
  /** The questionnaire named for the side's results describes other results: its texts are not used. */
  notUsed?: { option: string; file: string; questionnaire: string; scoredWith?: string };
}

/**
 * Loads questionnaires on demand, once per file: a results input may not need one, and the
 * baseline and follow-up usually share it.
 */
function questionnaireCache(cwd: string) {
  const cache = new Map<string, Questionnaire>();
  return (file: string | undefined): Questionnaire => {
    const key = file === undefined ? "" : path.resolve(cwd, file);
    let q = cache.get(key);
    if (!q) {
      q = resolveQuestionnaire(file, cwd);
      cache.set(key, q);
    }
    return q;
  };
}

// The same id and version should mean the same questions, but a locally edited pack may not
// have bumped its version; using its texts would then misreport added and removed questions.
function sameStructure(q: Questionnaire, r: Results): boolean {
  const shape = (dims: readonly { id: string; questions: readonly { id: string }[] }[]) =>
    dims.map((d) => `${d.id}:${d.questions.map((x) => x.id).join(",")}`).join(";");
  return shape(q.dimensions) === shape(r.dimensions);
}

/** Which questionnaire a side is read with, and the option that names it. */
interface QuestionnaireChoice {
  file: string | undefined;
  option: "--baseline-questionnaire" | "-q";
  /** False when the baseline fell back to -q: a mismatch is then expected, not a mistake. */
  explicit: boolean;
}

function loadSide(
  arg: string,
  role: Role,
  choice: QuestionnaireChoice,
  getQuestionnaire: (file: string | undefined) => Questionnaire,
  e: Env,
  stdin: string | undefined,
  profile: string | undefined,
): LoadedSide {
  // A questionnaire without profiles (e.g. a 1.0.0 baseline) is scored standard under --profile.
  const sideProfile = declaresProfiles(getQuestionnaire(choice.file)) ? profile : undefined;
  const { value, issues } = loadAssessment([arg], {
    cwd: e.cwd,
    stdin,
    profile: sideProfile,
    questionnaire: () => {
      const q = getQuestionnaire(choice.file);
      checkProfileOption(q, sideProfile);
      return q;
    },
  });
  if (!value) {
    const errors = issues.filter((i) => i.severity === "error");
    const hint = errors.some((i) => i.code === "questionnaire-mismatch")
      ? `; pass the questionnaire these answers were given to with ${choice.option}`
      : "";
    throw new InputError(
      `the ${role} input ${arg === "-" ? "(standard input)" : arg} is invalid: ${errors.length} error${errors.length === 1 ? "" : "s"}${hint}`,
      issues,
    );
  }
  if (issues.length > 0) printIssues(issues, e.stderr);
  if (value.from === "answers") {
    return {
      side: { results: value.results, questionnaire: value.questionnaire },
      file: value.file,
      input: value.input,
    };
  }
  const { results } = value;
  const standard = getQuestionnaire(choice.file);
  // Results scored under a profile have its questions and weights: compare them with those.
  const q = questionnaireForResults(standard, results.profile) ?? standard;
  const declared = results.questionnaire;
  const sameVersion = q.id === declared.id && q.version === declared.version;
  const matches = sameVersion && sameStructure(q, results);
  const notUsed =
    !matches && choice.explicit
      ? {
          option: choice.option,
          file: choice.file ?? "",
          questionnaire: `${q.id} ${q.version}`,
          ...(sameVersion ? {} : { scoredWith: `${declared.id} ${declared.version}` }),
        }
      : undefined;
  return {
    side: { results, questionnaire: matches ? q : undefined },
    file: value.file,
    ...(notUsed ? { notUsed } : {}),
  };
}

/** The two sides as compared, and as answered when they were scored again on fewer roles. */
interface ComparedSides {
  baseline: CompareSide;
  followup: CompareSide;
  answered?: { baseline: CompareSide["results"]; followup: CompareSide["results"] };
}

/**
 * A role that answered at one assessment only changes the other's applicable questions, its
 * role-balanced scores and its coverage for that reason alone. When every side with such a role
 * was read from answer files, both are scored again on the roles they share, so that every figure
 * compares like with like (docs/compare.md, Roles); a results file cannot be, and is compared as
 * it is, the warning then saying so.
 */
function onSharedRoles(baseline: LoadedSide, followup: LoadedSide): ComparedSides {
  const asIs = { baseline: baseline.side, followup: followup.side };
  const split = splitRoles(baseline.side.results, followup.side.results);
  const sides = [
    [baseline, split.onlyBaseline],
    [followup, split.onlyFollowup],
  ] as const;
  if (split.shared.length === 0) return asIs;
  if (sides.every(([, only]) => only.length === 0)) return asIs;
  if (sides.some(([s, only]) => only.length > 0 && !(s.input && s.side.questionnaire))) return asIs;
  const keep = (s: LoadedSide, only: readonly string[]): CompareSide => {
    const q = s.side.questionnaire;
    if (only.length === 0 || !s.input || !q) return s.side;
    const respondents = s.input.respondents.filter((r) => !only.includes(r.role));
    return { results: scoreAssessment(q, { ...s.input, respondents }), questionnaire: q };
  };
  return {
    baseline: keep(baseline, split.onlyBaseline),
    followup: keep(followup, split.onlyFollowup),
    answered: { baseline: baseline.side.results, followup: followup.side.results },
  };
}

/** A warning line on standard error, in the command's language, control characters made visible. */
function warn(e: Env, lang: Lang, text: string): void {
  e.stderr.write(`crm-maturity: ${messagesFor(lang).status.warning}${escapeControls(text)}\n`);
}

/**
 * Each warning on standard error in `--lang`: the document's words (dates spelt out, profiles by
 * name) and what removes it; a role mismatch with the roles' names and respondents.
 */
function printWarnings(comparison: Comparison, lang: Lang, e: Env): void {
  const said = messagesFor(lang).status.compare;
  for (const w of comparison.warnings) {
    if (w.code === "role-mismatch") {
      warn(e, lang, said.roleMismatch(roleMismatchStatus(lang, comparison, w)));
      continue;
    }
    const text = warningText(lang, comparison, w);
    warn(
      e,
      lang,
      w.code === "profile-mismatch"
        ? `${text}${messagesFor(lang).common.punct.paren(said.profileRemedy(w))}`
        : text,
    );
  }
  if (comparison.questions.basis === "ids-only") warn(e, lang, said.idsOnly);
}

/** The warning that a side's questionnaire describes other results, if it does. */
function printNotUsed(s: LoadedSide, side: "baseline" | "followup", lang: Lang, e: Env): void {
  if (s.notUsed)
    warn(e, lang, messagesFor(lang).status.compare.questionnaireNotUsed({ ...s.notUsed, side }));
}

/**
 * `crm-maturity compare <baseline> <followup>`: scores or reads both assessments, compares them
 * and writes the comparison. Throws InputError (exit 1) for bad input or a follow-up dated before
 * the baseline (dates in words); returns the exit code.
 */
export async function runCompare(
  baselineArg: string,
  followupArg: string,
  opts: CompareCommandOptions,
  e: Env,
): Promise<number> {
  if (baselineArg === "-" && followupArg === "-") {
    throw new UsageError(
      "standard input (-) can be read only once; pass the other input as a file",
    );
  }
  // Standard input can be read only once, so it is read here for whichever side names it.
  let stdin: string | undefined;
  if (baselineArg === "-" || followupArg === "-") {
    const read = readStdinText("results or answers", e.stdin);
    if ("issue" in read) throw new InputError("cannot read the standard input", [read.issue]);
    stdin = read.text;
  }
  const getQuestionnaire = questionnaireCache(e.cwd);
  const sidesDeclaring = [opts.baselineQuestionnaire ?? opts.questionnaire, opts.questionnaire]
    .map((file) => declaresProfiles(getQuestionnaire(file)))
    .filter(Boolean).length;
  // With profiles on neither side, --profile names nothing that exists: the usual usage error.
  if (sidesDeclaring === 0) checkProfileOption(getQuestionnaire(opts.questionnaire), opts.profile);
  const baseline = loadSide(
    baselineArg,
    "baseline",
    {
      file: opts.baselineQuestionnaire ?? opts.questionnaire,
      option: "--baseline-questionnaire",
      explicit: opts.baselineQuestionnaire !== undefined,
    },
    getQuestionnaire,
    e,
    stdin,
    opts.profile,
  );
  printNotUsed(baseline, "baseline", opts.lang, e);
  const followup = loadSide(
    followupArg,
    "follow-up",
    { file: opts.questionnaire, option: "-q", explicit: opts.questionnaire !== undefined },
    getQuestionnaire,
    e,
    stdin,
    opts.profile,
  );
  printNotUsed(followup, "followup", opts.lang, e);

  // JSON holds every language; the other formats would put one side's texts in another language.
  if (opts.format !== "json") {
    for (const [side, role] of [
      [baseline.side, "baseline"],
      [followup.side, "follow-up"],
    ] as const) {
      const declared = side.questionnaire?.languages ?? resultsLanguages(side.results.dimensions);
      checkLanguage(declared, opts.lang, `the ${role}'s questionnaire`);
    }
  }

  const bDate = baseline.side.results.assessment.date;
  const fDate = followup.side.results.assessment.date;
  // ISO dates compare correctly as strings. A follow-up before its baseline is almost always
  // swapped arguments, and every progress figure would be inverted, so it is refused.
  if (fDate < bDate) {
    // Located findings stay in English (README); their dates in words, as every warning's are.
    const { dateText } = messagesFor("en").report;
    throw new InputError(messagesFor(opts.lang).status.compare.followupFirst, [
      makeIssue(
        "invalid-value",
        `expected the follow-up to be dated on or after the baseline of ${dateText(bDate)} (${baseline.file.display}); found ${dateText(fDate)}. Are the arguments swapped? The order is: compare <baseline> <followup>`,
        followup.file.display,
        followup.file.locate(["assessment", "date"]),
      ),
    ]);
  }

  const brand = brandFor(opts.brand, e);
  const sides = onSharedRoles(baseline, followup);
  const comparison = compareAssessments(sides.baseline, sides.followup, {
    movers: opts.movers,
    profileUnavailable: opts.profile !== undefined && sidesDeclaring === 1,
    answered: sides.answered,
    // Role names for results read without their questionnaire: the one -q names.
    roles: getQuestionnaire(opts.questionnaire).roles,
  });
  printWarnings(comparison, opts.lang, e);
  if (
    (opts.format === "pdf" || opts.format === "docx" || opts.format === "pptx") &&
    (opts.output === undefined || opts.output === "-") &&
    e.stdoutIsTTY
  ) {
    throw new UsageError(
      `--format ${opts.format} writes a binary file; pass -o <file>.${opts.format} (or redirect standard output)`,
    );
  }
  const color =
    opts.format === "table" && useColor(opts.output, { isTTY: e.stdoutIsTTY, env: e.vars });
  const text = await COMPARE_RENDERERS[opts.format](comparison, {
    lang: opts.lang,
    color,
    width: layoutWidth(e, opts.output),
    templateDir: opts.template,
    brand: brand ? brandView(brand, opts.lang) : undefined,
    cwd: e.cwd,
  });
  writeOutput(text, opts.output, e);
  return 0;
}
