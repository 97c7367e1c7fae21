import path from "node:path";
import {
  PLACEHOLDER_PATHS,
  placeholderFields,
  placeholderFieldValue,
  placeholderMessage,
} from "../core/answers/placeholders.js";
import type { Respondent } from "../core/answers/schema.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { FILE_START, makeIssue, type SourceFile } from "../core/diagnostics/source.js";
import { describeValue, zodIssuesToIssues } from "../core/diagnostics/zod-issues.js";
import { type Results, resultsSchema, upgradeResults } from "../core/models/results.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { scoreAssessment, targetFigures } from "../core/scoring/score.js";
import { loadAnswerFiles } from "../io/load-answers.js";
import { displayPath, readStdinText, readYamlFile, STDIN_DISPLAY } from "../io/read.js";
import { parseYamlSource } from "../io/yaml.js";
import { TEMPLATE_PLACEHOLDERS } from "../views/answers-template.js";

/** What a report is built from. */
export interface ReportInputs {
  results: Results;
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
}

/** A results file names its schema version; an answers file never does. */
function looksLikeResults(value: unknown): boolean {
  return (
    value !== null && typeof value === "object" && !Array.isArray(value) && "schemaVersion" in value
  );
}

/** Checks a results file against the results schema and the questionnaire in use. */
function parseResults(
  file: SourceFile,
  questionnaire: Questionnaire,
): { results?: Results; issues: Issue[] } {
  const parsed = resultsSchema.safeParse(upgradeResults(file.value));
  if (!parsed.success) {
    return {
      issues: zodIssuesToIssues(parsed.error.issues, file, resultsSchema, "results file"),
    };
  }
  const results = parsed.data;
  const issues: Issue[] = placeholderFields(results.assessment, TEMPLATE_PLACEHOLDERS).map(
    (field) =>
      makeIssue(
        "template-placeholder",
        placeholderMessage(
          field,
          placeholderFieldValue(results.assessment, field) ?? "",
          file.display,
        ),
        file.display,
        file.locate(PLACEHOLDER_PATHS[field]),
      ),
  );
  if (results.questionnaire.id !== questionnaire.id) {
    issues.push(
      makeIssue(
        "questionnaire-mismatch",
        `expected results scored with the questionnaire "${questionnaire.id}"; found "${results.questionnaire.id}" (pass that questionnaire with -q)`,
        file.display,
        file.locate(["questionnaire", "id"]),
      ),
    );
    return { issues };
  }
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
  return issues.some((i) => i.severity === "error") ? { issues } : { results, issues };
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

/**
 * Loads `<inputs..>` of report/roadmap: answer files (scored here, answers kept for the
 * appendix) or one results file from `score --format json` / `batch`. Every problem comes back
 * as a located issue; `value` is set only when none of them is an error.
 */
export function loadReportInputs(
  paths: readonly string[],
  questionnaire: Questionnaire,
  opts: ReportInputOptions,
): { value?: ReportInputs; issues: Issue[] } {
  const issues: Issue[] = [];
  let stdinText: string | undefined;
  const resultFiles: SourceFile[] = [];
  const answerPaths: string[] = [];
  for (const p of paths) {
    let file: SourceFile | undefined;
    if (p === "-") {
      const read = readStdinText("answers or results", opts.stdin);
      if ("issue" in read) {
        issues.push(read.issue);
        continue;
      }
      stdinText = read.text;
      const parsed = parseYamlSource(stdinText, STDIN_DISPLAY, STDIN_DISPLAY);
      if (parsed.issues.length > 0) {
        issues.push(...parsed.issues);
        continue;
      }
      file = parsed.file;
    } else {
      const read = readYamlFile(path.resolve(opts.cwd, p), opts.cwd);
      if (!read.file || read.issues.length > 0) {
        issues.push(...read.issues);
        continue;
      }
      file = read.file;
    }
    if (looksLikeResults(file.value)) resultFiles.push(file);
    else answerPaths.push(p);
  }
  if (issues.length > 0) return { issues };

  if (resultFiles.length > 0) {
    const [first, ...rest] = resultFiles;
    if (!first) return { issues };
    for (const extra of [...rest]) {
      issues.push(
        makeIssue(
          "invalid-value",
          `expected a single results file; found another one (${first.display} is already an input). Pass answer files to combine respondents, or use \`crm-maturity compare\` for two assessments`,
          extra.display,
          FILE_START,
        ),
      );
    }
    for (const p of answerPaths) {
      const display = p === "-" ? STDIN_DISPLAY : displayPath(path.resolve(opts.cwd, p), opts.cwd);
      issues.push(
        makeIssue(
          "invalid-value",
          `expected either answer files or one results file; found an answers file next to the results file ${first.display}`,
          display,
          FILE_START,
        ),
      );
    }
    if (issues.length > 0) return { issues };
    const parsed = parseResults(first, questionnaire);
    if (!parsed.results) return { issues: parsed.issues };
    return {
      value: { results: retargetResults(parsed.results, opts.targets, opts.horizonMonths) },
      issues: parsed.issues,
    };
  }

  // A document the client reads never carries `init`'s "Client name" on its cover.
  const loaded = loadAnswerFiles(answerPaths, questionnaire, {
    cwd: opts.cwd,
    stdin: stdinText,
    placeholders: { texts: TEMPLATE_PLACEHOLDERS, severity: "error" },
  });
  if (!loaded.input) return { issues: loaded.issues };
  if (loaded.input.respondents.length === 0) {
    return {
      issues: [
        ...loaded.issues,
        makeIssue(
          "missing-field",
          `expected at least one respondent with answers; found ${describeValue([])} in every answers file`,
          answerPaths[0] === undefined || answerPaths[0] === "-"
            ? STDIN_DISPLAY
            : displayPath(path.resolve(opts.cwd, answerPaths[0]), opts.cwd),
          FILE_START,
        ),
      ],
    };
  }
  const results = scoreAssessment(questionnaire, loaded.input, {
    targets: opts.targets,
    horizonMonths: opts.horizonMonths,
  });
  return { value: { results, respondents: loaded.input.respondents }, issues: loaded.issues };
}
