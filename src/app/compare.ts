import path from "node:path";
import { type CompareSide, compareAssessments } from "../core/analysis/comparison.js";
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
    };
  }
  const { results } = value;
  const standard = getQuestionnaire(choice.file);
  // Results scored under a profile have its questions and weights: compare them with those.
  const q = questionnaireForResults(standard, results.profile) ?? standard;
  const declared = results.questionnaire;
  const sameVersion = q.id === declared.id && q.version === declared.version;
  const matches = sameVersion && sameStructure(q, results);
  if (!matches && choice.explicit) {
    const why = sameVersion
      ? `has other dimensions or questions than the ${role} results, although both say ${q.id} ${q.version}`
      : `is ${q.id} ${q.version} but the ${role} results were scored with ${declared.id} ${declared.version}`;
    e.stderr.write(
      `crm-maturity: warning: ${choice.option} ${choice.file} ${why}; its question texts are not used\n`,
    );
  }
  return { side: { results, questionnaire: matches ? q : undefined }, file: value.file };
}

/**
 * `crm-maturity compare <baseline> <followup>`: scores or reads both assessments, compares them
 * and writes the comparison. Throws InputError (exit 1) for bad input or a follow-up dated before
 * the baseline; returns the exit code.
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
  const followup = loadSide(
    followupArg,
    "follow-up",
    { file: opts.questionnaire, option: "-q", explicit: opts.questionnaire !== undefined },
    getQuestionnaire,
    e,
    stdin,
    opts.profile,
  );

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
    throw new InputError("the follow-up is dated before the baseline", [
      makeIssue(
        "invalid-value",
        `expected the follow-up to be dated on or after the baseline's ${bDate} (${baseline.file.display}); found ${fDate}. Are the arguments swapped? The order is: compare <baseline> <followup>`,
        followup.file.display,
        followup.file.locate(["assessment", "date"]),
      ),
    ]);
  }

  const brand = brandFor(opts.brand, e);
  const comparison = compareAssessments(baseline.side, followup.side, {
    movers: opts.movers,
    profileUnavailable: opts.profile !== undefined && sidesDeclaring === 1,
  });
  // The document states each caveat; the consultant is told here how to remove it.
  const remedy: Partial<Record<(typeof comparison.warnings)[number]["code"], string>> = {
    "profile-mismatch": "score both with the same --profile to compare like with like",
  };
  for (const w of comparison.warnings) {
    const warning = messagesFor("en").comparison.warning[w.code](w);
    const how = remedy[w.code];
    e.stderr.write(`crm-maturity: warning: ${escapeControls(warning)}${how ? ` (${how})` : ""}\n`);
  }
  if (comparison.questions.basis === "ids-only") {
    e.stderr.write(
      "crm-maturity: warning: questions are compared by id only; pass both questionnaires (--baseline-questionnaire and -q) to compare their texts, anchors, types and weights\n",
    );
  }
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
