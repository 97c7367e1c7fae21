import { accessSync, constants, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type PlaceholderField, placeholderFields } from "../core/answers/placeholders.js";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import type { Lang } from "../core/models/languages.js";
import { respondentRoles } from "../core/questionnaire/types.js";
import { parseAnswersDocument } from "../interview/document.js";
import { type InterviewStatus, runInterviewSession } from "../interview/run.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { loadAnswerFiles, respondentIdsBeside } from "../io/load-answers.js";
import { localToday, useColor } from "../io/output.js";
import { createTerminalPrompter, type Prompter } from "../io/prompts.js";
import { displayPath } from "../io/read.js";
import { TEMPLATE_PLACEHOLDERS } from "../views/answers-template.js";
import { schemaRef } from "./init.js";
import { printIssues } from "./print-issues.js";

/** Options of `crm-maturity interview`, as commander parses them. */
export interface InterviewCommandOptions {
  questionnaire?: string;
  output: string;
  resume?: boolean;
  lang?: Lang;
  role?: string;
}

/** What the command reads from its surroundings; a parameter so tests can pass their own. */
export interface InterviewEnvironment {
  cwd: string;
  /** Both standard input and standard output are terminals. */
  interactive: boolean;
  color: boolean;
  /** The prompt seam; the inquirer-backed terminal prompter when omitted. */
  prompter?: Prompter;
  /** Today as YYYY-MM-DD (the only date the interview generates). */
  today: () => string;
}

/** Exit code after Ctrl-C (128 + SIGINT), as shells report an interrupted command. */
export const EXIT_INTERRUPTED = 130;

/** Makes sure the first save cannot fail after the consultant has typed the metadata. */
function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "an error";
    throw new UsageError(`cannot write the answers file into ${dir} (${code}); choose another -o`);
  }
}

function defaultEnvironment(): InterviewEnvironment {
  return {
    cwd: process.cwd(),
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    color: useColor(undefined, { isTTY: process.stdout.isTTY === true, env: process.env }),
    today: () => localToday(),
  };
}

/**
 * `crm-maturity interview`: checks the questionnaire and any existing answers file first (exit 1
 * with file:line:col, the file untouched), then needs a terminal (exit 2 without one), then runs
 * the interactive session. Returns the exit code: 0, or 130 after Ctrl-C (answers saved).
 */
export async function runInterview(
  opts: InterviewCommandOptions,
  e: InterviewEnvironment = defaultEnvironment(),
): Promise<number> {
  if (opts.output === "-") {
    throw new UsageError("interview writes an answers file; give -o a file name, not -");
  }
  const questionnaire = resolveQuestionnaire(opts.questionnaire, e.cwd);
  const roles = respondentRoles(questionnaire).map((r) => r.id);
  if (opts.role !== undefined && !roles.includes(opts.role)) {
    throw new UsageError(
      `--role expects one of the questionnaire's roles (${roles.join(", ")}); found ${JSON.stringify(opts.role)}`,
    );
  }
  const file = path.resolve(e.cwd, opts.output);
  const display = displayPath(file, e.cwd);
  let existing: ReturnType<typeof parseAnswersDocument> | undefined;
  let missingDetails: PlaceholderField[] = [];
  if (existsSync(file)) {
    const loaded = loadAnswerFiles([file], questionnaire, { cwd: e.cwd });
    if (!loaded.input) {
      const errors = loaded.issues.filter((i) => i.severity === "error").length;
      throw new InputError(
        `${display} is not a valid answers file (${errors} error${errors === 1 ? "" : "s"}); it was left untouched. Fix it, or pass another file with -o`,
        loaded.issues,
      );
    }
    // Warnings (e.g. an answer to a question not put to a role) do not stop an interview.
    if (loaded.issues.length > 0) printIssues(loaded.issues);
    existing = parseAnswersDocument(readFileSync(file, "utf8"));
    missingDetails = placeholderFields(loaded.input.assessment, TEMPLATE_PLACEHOLDERS);
  } else if (opts.resume) {
    throw new UsageError(
      `--resume: ${display} does not exist, so there is nothing to resume; start a new interview with \`crm-maturity interview -o ${display}\``,
    );
  }
  if (!e.interactive) {
    throw new UsageError(
      "interview needs an interactive terminal (standard input and output must both be a TTY).\n" +
        "  To score answers you already have:   crm-maturity score <answers.yaml>\n" +
        "  To start an answers file by hand:    crm-maturity init",
    );
  }
  ensureWritableDirectory(path.dirname(file));
  const prompter = e.prompter ?? (await createTerminalPrompter());
  const status: InterviewStatus = await runInterviewSession({
    questionnaire,
    prompter,
    file,
    display,
    existing,
    missingDetails,
    takenIds: respondentIdsBeside(file),
    lang: opts.lang,
    role: opts.role,
    resume: opts.resume === true,
    questionnaireArg: opts.questionnaire,
    schemaRef: schemaRef(path.dirname(file), "answers"),
    color: e.color,
    today: e.today,
  });
  return status === "interrupted" ? EXIT_INTERRUPTED : 0;
}
