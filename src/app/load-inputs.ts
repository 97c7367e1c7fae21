import path from "node:path";
import type { AssessmentInput } from "../core/answers/input.js";
import {
  placeholderFields,
  placeholderFieldValue,
  placeholderIssue,
} from "../core/answers/placeholders.js";
import type { Respondent } from "../core/answers/schema.js";
import { scoreAssessment } from "../core/assessment.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { FILE_START, makeIssue, type SourceFile } from "../core/diagnostics/source.js";
import { describeValue, zodIssuesToIssues } from "../core/diagnostics/zod-issues.js";
import { type Results, resultsSchema, upgradeResults } from "../core/models/results.js";
import {
  isRosterEntry,
  LISTED_RESPONDENTS,
  PLAIN_ROSTER_ENTRY,
} from "../core/models/results-facts.js";
import { profileIds } from "../core/questionnaire/profiles.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { targetFigures } from "../core/scoring/score.js";
import type { JsonTrim, TrimmedArray } from "../io/json.js";
import { expandAnswerFolders, loadAnswerFiles } from "../io/load-answers.js";
import { parseStdinText, readDataFile, readStdinText } from "../io/read.js";
import { TEMPLATE_PLACEHOLDERS } from "../views/answers-template.js";
import { profiledQuestionnaire, questionnaireForResults } from "./profile.js";

/** What a report is built from. */
export interface ReportInputs {
  results: Results;
  /** The questionnaire shaped by the profile the results were scored with. */
  questionnaire: Questionnaire;
  /** Respondents with their answers, when the inputs were answer files (for the appendix). */
  respondents?: Respondent[];
}

export interface ReportInputOptions {
  cwd: string;
  /** Content of standard input for a `-` path; read from file descriptor 0 when omitted. */
  stdin?: string | Uint8Array | undefined;
  /** `--targets`: win over the answers' targets and the questionnaire's defaults. */
  targets?: Record<string, number> | undefined;
  /** `--horizon`: wins over the assessment's planning horizon. */
  horizonMonths?: number | undefined;
  /** `--profile`: wins over the profile the answers' client chooses. */
  profile?: string | undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Checks results read from a file against the questionnaire a report is written with. */
function checkResultsAgainst(
  results: Results,
  file: SourceFile,
  questionnaire: Questionnaire,
): Issue[] {
  if (results.questionnaire.id !== questionnaire.id) {
    return [
      makeIssue(
        "questionnaire-mismatch",
        `expected results scored with the questionnaire "${questionnaire.id}"; found "${results.questionnaire.id}" (pass that questionnaire with -q)`,
        file.display,
        file.locate(["questionnaire", "id"]),
      ),
    ];
  }
  const issues: Issue[] = [];
  if (results.questionnaire.version !== questionnaire.version) {
    issues.push(
      makeIssue(
        "questionnaire-mismatch",
        `expected results scored with version ${questionnaire.version} of "${questionnaire.id}"; found ${results.questionnaire.version} (texts and recommendations come from ${questionnaire.version})`,
        file.display,
        file.locate(["questionnaire", "version"]),
        "warning",
      ),
    );
  }
  const known = new Set(questionnaire.dimensions.map((d) => d.id));
  results.dimensions.forEach((d, i) => {
    if (known.has(d.id)) return;
    issues.push(
      makeIssue(
        "unknown-dimension",
        `expected a dimension of "${questionnaire.id}" ${questionnaire.version}; found "${d.id}"`,
        file.display,
        file.locate(["dimensions", i, "id"]),
      ),
    );
  });
  return issues;
}

/**
 * Applies `--targets` and `--horizon` to results read from a file: targets, gaps and expectation
 * risks are recomputed from the (2-decimal) scores, exactly as scoring defines them.
 */
export function retargetResults(
  results: Results,
  targets: Record<string, number> | undefined,
  horizonMonths: number | undefined,
): Results {
  if (targets === undefined && horizonMonths === undefined) return results;
  const horizon = horizonMonths ?? results.horizonMonths;
  const { monthsPerLevel } = results;
  return {
    ...results,
    horizonMonths: horizon,
    dimensions: results.dimensions.map((d) => {
      const target =
        targets !== undefined && Object.hasOwn(targets, d.id)
          ? (targets[d.id] ?? d.target)
          : d.target;
      return {
        ...d,
        target,
        ...targetFigures(d.score, target, horizon, monthsPerLevel, results.assessment.date),
      };
    }),
  };
}

/** One assessment as its inputs give it: a results file as written, or answer files scored. */
export type LoadedAssessment =
  | { from: "results"; results: Results; file: SourceFile }
  | {
      from: "answers";
      results: Results;
      respondents: Respondent[];
      /** The answers as read and merged, to score again (e.g. on fewer respondents). */
      input: AssessmentInput;
      questionnaire: Questionnaire;
      file: SourceFile;
    };

export interface AssessmentInputOptions extends ReportInputOptions {
  /** The questionnaire answer files are scored with; asked for only when answers are read. */
  questionnaire: () => Questionnaire;
}

/**
 * A results file's roster is kept to its first respondents once read (the rest are checked and
 * counted), so a report from a million respondents costs what one from an interview does.
 */
const ROSTER_TRIM: JsonTrim = {
  key: "respondents",
  keep: LISTED_RESPONDENTS,
  check: isRosterEntry,
  plainItem: PLAIN_ROSTER_ENTRY,
};

/** Reads one input path (`-` is standard input, read once by `stdinText`). */
function readInput(
  p: string,
  opts: ReportInputOptions,
  stdinText: () => { text?: string; issue?: Issue },
): { file?: SourceFile; issues: Issue[]; trimmed?: TrimmedArray } {
  if (p !== "-") return readDataFile(path.resolve(opts.cwd, p), opts.cwd, ROSTER_TRIM);
  const read = stdinText();
  if (read.issue) return { issues: [read.issue] };
  return parseStdinText(read.text ?? "", ROSTER_TRIM);
}

/** A roster entry past the kept ones that is not `{ id, role, name? }`, as a located issue. */
function rosterIssue(file: SourceFile, trimmed: TrimmedArray | undefined): Issue[] {
  const bad = trimmed?.firstBad;
  if (bad === undefined || bad < LISTED_RESPONDENTS) return [];
  return [
    makeIssue(
      "invalid-type",
      `expected a respondent with a text id and role (and optionally a name); found something else at respondents[${bad}]`,
      file.display,
      file.locate(["respondents", bad]),
    ),
  ];
}

/** One results file as the only input: checked against the results schema, then retargeted. */
function loadResultsFile(
  first: SourceFile,
  rest: SourceFile[],
  answerFiles: Array<{ path: string; file: SourceFile }>,
  opts: AssessmentInputOptions,
  trimmed: TrimmedArray | undefined,
): { value?: LoadedAssessment; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const extra of rest) {
    issues.push(
      makeIssue(
        "invalid-value",
        `expected a single results file; found another one (${first.display} is already an input). Pass answer files to combine respondents, or use \`crm-maturity compare\` for two assessments`,
        extra.display,
        FILE_START,
      ),
    );
  }
  for (const a of answerFiles) {
    issues.push(
      makeIssue(
        "invalid-value",
        `expected either answer files or one results file; found an answers file next to the results file ${first.display}`,
        a.file.display,
        FILE_START,
      ),
    );
  }
  if (issues.length > 0) return { issues };
  const parsed = resultsSchema.safeParse(upgradeResults(first.value));
  if (!parsed.success) {
    return {
      issues: zodIssuesToIssues(parsed.error.issues, first, resultsSchema, "results file"),
    };
  }
  const roster = rosterIssue(first, trimmed);
  if (roster.length > 0) return { issues: roster };
  // A document the client reads never carries a placeholder ("Client name") on its cover.
  const assessment = parsed.data.assessment;
  const placeholders = placeholderFields(assessment, TEMPLATE_PLACEHOLDERS).map((field) =>
    placeholderIssue(field, placeholderFieldValue(assessment, field) ?? "", first, "results"),
  );
  if (placeholders.length > 0) return { issues: [...issues, ...placeholders] };
  // As with answer files: a document about nobody's answers is not a report (batch on an export
  // whose rows were all excluded, rejected or blank writes such results).
  if (parsed.data.respondents.length === 0) {
    return {
      issues: [
        ...issues,
        makeIssue(
          "missing-field",
          "expected at least one scored respondent in the results; found none (the export had no data rows, or batch excluded or rejected every one: see its summary and --rejects)",
          first.display,
          first.locate(["respondents"]),
        ),
      ],
    };
  }
  const results = retargetResults(parsed.data, opts.targets, opts.horizonMonths);
  return { value: { from: "results", results, file: first }, issues };
}

/**
 * The one answers-or-results loader: `<inputs..>` are answer files or folders of them (merged and scored with the
 * questionnaire) or one results file from `score --format json` or `batch` (checked against the
 * results schema, not yet against a questionnaire). Every problem comes back as a located
 * issue; `value` is set only when none of them is an error.
 */
export function loadAssessment(
  inputs: readonly string[],
  opts: AssessmentInputOptions,
): { value?: LoadedAssessment; issues: Issue[] } {
  const { paths, issues } = expandAnswerFolders(inputs, opts.cwd);
  if (issues.length > 0) return { issues };
  let stdin: { text?: string; issue?: Issue } | undefined;
  const stdinText = () => {
    if (!stdin) {
      const read = readStdinText("answers or results", opts.stdin);
      stdin = "issue" in read ? { issue: read.issue } : { text: read.text };
    }
    return stdin;
  };
  const resultFiles: SourceFile[] = [];
  const trims = new Map<SourceFile, TrimmedArray | undefined>();
  const answerFiles: Array<{ path: string; file: SourceFile }> = [];
  for (const p of paths) {
    const read = readInput(p, opts, stdinText);
    if (!read.file || read.issues.length > 0) {
      issues.push(...read.issues);
      continue;
    }
    const file = read.file;
    if (!isMapping(file.value)) {
      issues.push(
        makeIssue(
          "not-a-mapping",
          `expected a results JSON (with schemaVersion) or an answers file (with assessment and respondents); found ${describeValue(file.value)}`,
          file.display,
          file.locate([]),
        ),
      );
    } else if ("schemaVersion" in file.value) {
      resultFiles.push(file);
      trims.set(file, read.trimmed);
    } else answerFiles.push({ path: p, file });
  }
  if (issues.length > 0) return { issues };

  const [first, ...rest] = resultFiles;
  if (first) return loadResultsFile(first, rest, answerFiles, opts, trims.get(first));

  const questionnaire = opts.questionnaire();
  const text = stdin?.text;
  const loaded = loadAnswerFiles(
    answerFiles.map((a) => a.path),
    questionnaire,
    {
      cwd: opts.cwd,
      stdin: text,
      placeholders: { texts: TEMPLATE_PLACEHOLDERS, severity: "error" },
    },
  );
  if (!loaded.input) return { issues: loaded.issues };
  const firstFile = answerFiles[0]?.file;
  if (!firstFile) return { issues: loaded.issues };
  if (loaded.input.respondents.length === 0) {
    return {
      issues: [
        ...loaded.issues,
        makeIssue(
          "missing-field",
          `expected at least one respondent with answers; found ${describeValue([])} in every answers file`,
          firstFile.display,
          firstFile.locate(["respondents"]),
        ),
      ],
    };
  }
  const profiled = profiledQuestionnaire(
    questionnaire,
    loaded.input.assessment.client,
    opts.profile,
  );
  const results = scoreAssessment(profiled, loaded.input, {
    targets: opts.targets,
    horizonMonths: opts.horizonMonths,
  });
  return {
    value: {
      from: "answers",
      results,
      respondents: loaded.input.respondents,
      input: loaded.input,
      questionnaire: profiled,
      file: firstFile,
    },
    issues: loaded.issues,
  };
}

/**
 * Loads `<inputs..>` of report/roadmap through `loadAssessment`; a results file must have been
 * scored with the questionnaire in use.
 */
export function loadReportInputs(
  paths: readonly string[],
  questionnaire: Questionnaire,
  opts: ReportInputOptions,
): { value?: ReportInputs; issues: Issue[] } {
  const { value, issues } = loadAssessment(paths, { ...opts, questionnaire: () => questionnaire });
  if (!value) return { issues };
  if (value.from === "answers") {
    return {
      value: {
        results: value.results,
        respondents: value.respondents,
        questionnaire: value.questionnaire,
      },
      issues,
    };
  }
  const checked = checkResultsAgainst(value.results, value.file, questionnaire);
  const profiled = questionnaireForResults(questionnaire, value.results.profile);
  if (!profiled) {
    checked.push(
      makeIssue(
        "unknown-profile",
        `expected a profile of ${questionnaire.id} ${questionnaire.version}; found ${profileIds(value.results.profile)} (pass the questionnaire the results were scored with, -q)`,
        value.file.display,
        value.file.locate(["profile"]),
      ),
    );
  } else if (opts.profile !== undefined && opts.profile !== profileIds(value.results.profile)) {
    checked.push(
      makeIssue(
        "invalid-value",
        `expected results scored with --profile ${opts.profile}; found results scored with ${profileIds(value.results.profile)} (pass the answer files to score them with another profile)`,
        value.file.display,
        value.file.locate(["profile"]),
      ),
    );
  }
  return checked.some((i) => i.severity === "error") || !profiled
    ? { issues: [...issues, ...checked] }
    : {
        value: { results: value.results, questionnaire: profiled },
        issues: [...issues, ...checked],
      };
}
