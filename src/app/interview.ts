import { accessSync, constants, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type PlaceholderField, placeholderFields } from "../core/answers/placeholders.js";
import type { AssessmentMeta } from "../core/answers/schema.js";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import { LANGS, type Lang } from "../core/models/languages.js";
import { type Questionnaire, respondentRoles } from "../core/questionnaire/types.js";
import { messagesFor } from "../i18n/index.js";
import { parseAnswersDocument } from "../interview/document.js";
import { runInterviewSession } from "../interview/run.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { assessmentsBeside, loadAnswerFiles, respondentIdsBeside } from "../io/load-answers.js";
import { acquireLock, type FileLock } from "../io/lock.js";
import { makeFolder } from "../io/make-folder.js";
import { describeWriteError, type FileOps, localToday, useColor } from "../io/output.js";
import { createTerminalPrompter, type Prompter } from "../io/prompts.js";
import { displayPath } from "../io/read.js";
import { TEMPLATE_PLACEHOLDERS } from "../views/answers-template.js";
import type { Env } from "./env.js";
import { schemaRef } from "./init.js";
import { checkLanguage } from "./language.js";
import { printIssues } from "./print-issues.js";

/** Options of `crm-maturity interview`, as commander parses them. */
export interface InterviewCommandOptions {
  questionnaire?: string;
  output: string;
  resume?: boolean;
  lang?: Lang;
  role?: string;
}

/** Exit code after Ctrl-C (128 + SIGINT), as shells report an interrupted command. */
export const EXIT_INTERRUPTED = 130;

/** Makes sure the first save cannot fail after the consultant has typed the metadata. */
function ensureWritableDirectory(dir: string): void {
  try {
    makeFolder(dir);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "an error";
    throw new UsageError(`cannot write the answers file into ${dir} (${code}); choose another -o`);
  }
}

/**
 * `crm-maturity interview`: checks the questionnaire and any existing answers file first (exit 1
 * with file:line:col, the file untouched), then needs a terminal (exit 2 without one), then runs
 * the interactive session. Returns the exit code: 0, or 130 after Ctrl-C (answers saved).
 */
export async function runInterview(
  opts: InterviewCommandOptions,
  e: Env,
  /** The prompt seam; the inquirer-backed terminal prompter when omitted. */
  prompterOverride?: Prompter,
  /** The write seam of the answers file (tests make it fail). */
  ops?: FileOps,
): Promise<number> {
  if (opts.output === "-") {
    throw new UsageError("interview writes an answers file; give -o a file name, not -");
  }
  const questionnaire = resolveQuestionnaire(opts.questionnaire, e.cwd);
  if (opts.lang !== undefined) checkLanguage(questionnaire.languages, opts.lang);
  const roles = respondentRoles(questionnaire).map((r) => r.id);
  if (opts.role !== undefined && !roles.includes(opts.role)) {
    throw new UsageError(
      `--role expects one of the questionnaire's roles (${roles.join(", ")}); found ${JSON.stringify(opts.role)}`,
    );
  }
  const file = path.resolve(e.cwd, opts.output);
  const display = displayPath(file, e.cwd);
  if (holdsContent(file)) loadExisting(file, display, questionnaire, e, true);
  else if (opts.resume) {
    throw new UsageError(
      `--resume: ${display} does not exist, so there is nothing to resume; start a new interview with \`crm-maturity interview -o ${display}\``,
    );
  }
  if (!(e.stdinIsTTY && e.stdoutIsTTY)) {
    throw new UsageError(
      "interview needs an interactive terminal (standard input and output must both be a TTY).\n" +
        "  To score answers you already have:   crm-maturity score <answers.yaml>\n" +
        "  To start an answers file by hand:    crm-maturity init",
    );
  }
  ensureWritableDirectory(path.dirname(file));
  const lock = lockAnswersFile(file, display, e);
  try {
    // Read again under the lock: another interview may have saved since the check above.
    const loaded = holdsContent(file)
      ? loadExisting(file, display, questionnaire, e, false)
      : undefined;
    const prompter = prompterOverride ?? (await createTerminalPrompter());
    const status = await runInterviewSession({
      questionnaire,
      prompter,
      file,
      display,
      existing: loaded?.existing,
      missingDetails: loaded?.missingDetails ?? [],
      takenIds: () => respondentIdsBeside(file),
      defaults: loaded ? undefined : folderAssessment(file, questionnaire),
      lang: opts.lang,
      role: opts.role,
      resume: opts.resume === true,
      questionnaireArg: opts.questionnaire,
      schemaRef: schemaRef(path.dirname(file), "answers"),
      color: useColor(undefined, { isTTY: e.stdoutIsTTY, env: e.vars }),
      today: () => localToday(e.now()),
      ops,
    });
    return status === "interrupted" ? EXIT_INTERRUPTED : status === "unsaved" ? 1 : 0;
  } finally {
    lock.release();
  }
}

/**
 * Whether `-o` names something to continue: an empty file (made with `touch`, or by an editor)
 * holds nothing to keep and is started afresh, as a missing one is; anything else is checked.
 */
function holdsContent(file: string): boolean {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file);
  } catch {
    return false; // missing
  }
  if (!st.isFile() || st.size >= 4096) return true;
  try {
    return readFileSync(file, "utf8").trim() !== "";
  } catch {
    return true; // unreadable: loadExisting says so
  }
}

/**
 * Checks an existing answers file (exit 1, the file untouched, when invalid) and parses it, with
 * the client details that still hold the `init` template's placeholders.
 */
function loadExisting(
  file: string,
  display: string,
  questionnaire: Questionnaire,
  e: Env,
  printWarnings: boolean,
): { existing: ReturnType<typeof parseAnswersDocument>; missingDetails: PlaceholderField[] } {
  const loaded = loadAnswerFiles([file], questionnaire, { cwd: e.cwd });
  if (!loaded.input) {
    const errors = loaded.issues.filter((i) => i.severity === "error").length;
    throw new InputError(
      `${display} is not a valid answers file (${errors} error${errors === 1 ? "" : "s"}); it was left untouched. Fix it, or pass another file with -o`,
      loaded.issues,
    );
  }
  // Warnings (e.g. an answer to a question not put to a role) do not stop an interview.
  if (printWarnings && loaded.issues.length > 0) printIssues(loaded.issues, e.stderr);
  return {
    existing: parseAnswersDocument(readFileSync(file, "utf8")),
    missingDetails: placeholderFields(loaded.input.assessment, TEMPLATE_PLACEHOLDERS),
  };
}

/**
 * The assessment of the first other answer file of the folder that is filled in (no `init`
 * placeholder) and answers the same questionnaire: a new file's details start from it.
 */
function folderAssessment(file: string, questionnaire: Questionnaire): AssessmentMeta | undefined {
  return assessmentsBeside(file).find(
    (a) =>
      a.questionnaire.id === questionnaire.id &&
      placeholderFields(a, TEMPLATE_PLACEHOLDERS).length === 0,
  );
}

/**
 * Takes the answers file's lock for the whole session: a second interview on the same file is
 * refused (exit 1) in both languages, since the language is not chosen yet.
 */
function lockAnswersFile(file: string, display: string, e: Env): FileLock {
  let taken: ReturnType<typeof acquireLock>;
  try {
    taken = acquireLock(file, e.now());
  } catch (err) {
    throw new UsageError(
      `cannot lock the answers file ${display} (${describeWriteError(err)}); choose another -o`,
    );
  }
  if ("lock" in taken) return taken.lock;
  const h = taken.heldBy;
  const say = (lang: Lang) => {
    const l = messagesFor(lang).interview;
    return l.locked(display, h ? l.lockHolder(h.pid, h.host, h.since) : l.lockHolderUnknown);
  };
  throw new InputError(LANGS.map(say).join("\n"));
}
