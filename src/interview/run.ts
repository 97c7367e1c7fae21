import { Chalk, type ChalkInstance } from "chalk";
import type { Document } from "yaml";
import { PLACEHOLDER_PATHS, type PlaceholderField } from "../core/answers/placeholders.js";
import {
  type AnswerScalar,
  type AnswersFile,
  type AnswerValue,
  type AssessmentMeta,
  answerScalarOf,
  type StatedGoal,
} from "../core/answers/schema.js";
import { scoreAssessment } from "../core/assessment.js";
import { LANGS, type Lang } from "../core/models/languages.js";
import {
  applyProfile,
  chooseProfile,
  type ProfileClient,
  profileIds,
} from "../core/questionnaire/profiles.js";
import { type CrmSituation, questionnaireBasics } from "../core/questionnaire/schema.js";
import { type Questionnaire, respondentRoles } from "../core/questionnaire/types.js";
import { escapeControls, escapeControlsDeep } from "../core/text/controls.js";
import { shellQuote } from "../core/text/shell.js";
import { displayWidth } from "../core/text/width.js";
import { z } from "../core/zod.js";
import { localize } from "../i18n/format.js";
import { messagesFor } from "../i18n/index.js";
import type { InterviewMessages } from "../i18n/messages.js";
import { type FileOps, systemErrorCode, writeFailureOf, writeFileAtomic } from "../io/output.js";
import {
  type InputQuestion,
  isPromptExit,
  type Prompter,
  type SelectItem,
  type SelectQuestion,
} from "../io/prompts.js";
import {
  AnswersText,
  addGoal,
  addRespondent,
  answersFormatOf,
  answersOf,
  goalLines,
  newAnswersDocument,
  respondentOf,
  setRespondentAnswers,
} from "./document.js";
import { type PlannedQuestion, planInterview, questionOrder } from "./plan.js";
import {
  type AnswerChoice,
  answerChoices,
  describeAnswer,
  dimensionHeading,
  questionBlock,
  textWidth,
  wrap,
} from "./screen.js";
import {
  advance,
  canGoBack,
  current,
  goBack,
  recordAnswer,
  type SessionState,
  skipRestOfDimension,
  startSession,
  tally,
} from "./session.js";

/** Everything an interview needs; the terminal is reached only through `prompter`. */
export interface InterviewContext {
  questionnaire: Questionnaire;
  prompter: Prompter;
  /** Absolute path of the answers file. */
  file: string;
  /** The answers file as the user named it, for messages and the resume command. */
  display: string;
  /** The answers file already on disk, parsed for editing; undefined for a new file. */
  existing?: Document | undefined;
  /** `--lang`; asked when undefined. */
  lang?: Lang | undefined;
  /** `--role` for a new respondent; asked when undefined. */
  role?: string | undefined;
  /** Fields of an existing file that still hold `init`'s placeholders: asked before anything else. */
  missingDetails?: readonly PlaceholderField[] | undefined;
  /**
   * Respondent ids other answer files of the engagement folder already use; read when a
   * respondent is added, so an interview running meanwhile in another file of the folder counts.
   */
  takenIds?: (() => ReadonlySet<string>) | undefined;
  /**
   * The assessment of another answer file of the folder (one file per interview): a new file's
   * questions start from it, so the files of one engagement agree.
   */
  defaults?: AssessmentMeta | undefined;
  /** `--resume`: continue the last respondent without asking. */
  resume: boolean;
  /** Where a new file's `$schema` modeline points (see `schemaRef` of `init`). */
  schemaRef: string;
  /** `-q` as given, repeated in the resume command. */
  questionnaireArg?: string | undefined;
  color: boolean;
  /** Today's date as YYYY-MM-DD: the default of the assessment date. */
  today: () => string;
  /** The system calls that write the answers file (tests make them fail). */
  ops?: FileOps | undefined;
}

/** How an interview ended; "unsaved" when a failed save was not retried. */
export type InterviewStatus = "finished" | "quit" | "interrupted" | "unchanged" | "unsaved";

/** Thrown when the consultant stops retrying a failed save. */
class SaveAbandoned extends Error {
  override name = "SaveAbandoned";
}

/**
 * The exact command that goes on with this interview: `--resume` continues the file's last
 * respondent; a role starts a new respondent of that role instead (one the file does not hold);
 * "anew" starts the file again from the client details (a file never written).
 */
export function resumeCommand(
  ctx: Pick<InterviewContext, "display" | "questionnaireArg">,
  lang?: Lang,
  how: "resume" | "anew" | { role: string } = "resume",
): string {
  const args = ["crm-maturity", "interview", "-o", shellQuote(ctx.display)];
  if (how === "resume") args.push("--resume");
  else if (how !== "anew") args.push("--role", shellQuote(how.role));
  if (ctx.questionnaireArg !== undefined) args.push("-q", shellQuote(ctx.questionnaireArg));
  if (lang) args.push("--lang", lang);
  return args.join(" ");
}

/**
 * The answers file on disk and the respondent being interviewed; writes after every change. A
 * failed write is never silent: `onFailure` shows it and says whether to try again, and `saved`
 * is what the file holds (the last successful write), which is what the interview reports.
 */
class AnswersStore {
  /** What the file on disk holds; undefined until it exists. */
  saved: AnswersFile | undefined;
  /** True while the document has changes the file does not hold. */
  dirty = false;
  private readonly order: Map<string, number>;
  private readonly text: AnswersText;

  constructor(
    readonly file: string,
    readonly doc: Document,
    questionnaire: Questionnaire,
    existsOnDisk: boolean,
    private readonly onFailure: (err: unknown) => Promise<boolean>,
    private readonly ops?: FileOps,
  ) {
    this.saved = existsOnDisk ? answersOf(doc) : undefined;
    this.order = questionOrder(questionnaire);
    this.text = new AnswersText(doc, answersFormatOf(file));
  }

  get written(): boolean {
    return this.saved !== undefined;
  }

  data(): AnswersFile {
    return answersOf(this.doc);
  }

  /** Writes the whole document, retrying while `onFailure` says so; throws SaveAbandoned otherwise. */
  async save(): Promise<void> {
    // The schema check guards the consultant's file against a bug of ours: never write junk.
    const data = answersOf(this.doc);
    this.text.reset();
    await this.write(() => this.text.whole(), data);
  }

  /**
   * Saves respondent `index`'s answers: only that respondent is checked and rendered (the rest of
   * the file's text is kept from the last whole render), so a save costs the same whatever else
   * the file holds. The file is still written whole, atomically.
   */
  async setAnswers(index: number, answers: Readonly<Record<string, AnswerValue>>): Promise<void> {
    setRespondentAnswers(this.doc, index, answers, this.order);
    const saved = this.saved;
    if (!saved) return this.save();
    const entry = respondentOf(this.doc, index);
    const respondents = [...saved.respondents];
    respondents[index] = entry;
    await this.write(() => this.text.withRespondent(index), { ...saved, respondents });
  }

  private async write(render: () => string, data: AnswersFile): Promise<void> {
    this.dirty = true;
    for (;;) {
      try {
        writeFileAtomic(this.file, render(), this.ops);
        this.saved = data;
        this.dirty = false;
        return;
      } catch (err) {
        if (!(await this.onFailure(err))) throw new SaveAbandoned();
      }
    }
  }
}

/** A few goals are what a board can follow; more belong in a workshop, not the interview. */
const MAX_GOALS = 5;

const nonEmpty = (l: InterviewMessages) => (value: string) => value.trim() !== "" || l.required;

function entry(value: AnswerScalar, note: string | undefined, evidence: string | undefined) {
  if (!note && !evidence) return value;
  return { value, ...(note ? { note } : {}), ...(evidence ? { evidence } : {}) };
}

function roleName(questionnaire: Questionnaire, role: string, lang: Lang): string {
  const found = questionnaire.roles.find((r) => r.id === role);
  return found ? localize(found.name, lang) : role;
}

/**
 * `executive-1`, `executive-2`, …: the first id not taken in this file or by the other answer
 * files of its folder, so same-role respondents interviewed into separate files score together.
 */
export function nextRespondentId(role: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${role}-${n}`;
    if (!taken.has(id)) return id;
  }
}

class Interview {
  private lang: Lang = "en";
  /** False until the language is known, so an early Ctrl-C does not put a guess in the command. */
  private langChosen = false;
  private l: InterviewMessages = messagesFor("en").interview;
  private readonly c: ChalkInstance;
  private readonly p: Prompter;
  private store: AnswersStore | undefined;
  /** The respondent being interviewed (index into respondents). */
  private respondent: number | undefined;
  /** The goal being saved: while set, a failed save is the goal's. */
  private unsavedGoal: StatedGoal | undefined;
  /**
   * The questionnaire as the screens show it: a pack's text may hold control characters (an ESC
   * that sets the terminal's title or colours), which reach the terminal only made visible.
   * Ids are plain, so plans and answers made from it are the questionnaire's own.
   */
  private readonly q: Questionnaire;

  constructor(private readonly ctx: InterviewContext) {
    this.c = new Chalk({ level: ctx.color ? 1 : 0 });
    this.p = ctx.prompter;
    this.q = escapeControlsDeep(ctx.questionnaire);
    if (ctx.existing) {
      this.store = this.newStore(ctx.existing, true);
    }
  }

  private newStore(doc: Document, existsOnDisk: boolean): AnswersStore {
    return new AnswersStore(
      this.ctx.file,
      doc,
      this.ctx.questionnaire,
      existsOnDisk,
      (err) => this.saveFailed(err),
      this.ctx.ops,
    );
  }

  /** Shows a failed save in the interview's language and asks whether to try again. */
  private async saveFailed(err: unknown): Promise<boolean> {
    const { l } = this;
    const failure = writeFailureOf(err, this.ctx.file);
    const reason = l.saveFailureReason(failure, systemErrorCode(err));
    this.say(l.saveFailed(this.ctx.display, reason, !!this.store?.written), this.c.red);
    // A goal: No shows it, to be added by hand (resuming does not ask for goals again).
    if (this.unsavedGoal) return this.confirm(l.retryGoalSave(failure), true);
    // Before a respondent (the client details): no answers to list, no one to add again.
    if (this.respondent === undefined) return this.confirm(l.retryDetailsSave(failure), true);
    // A respondent the file does not hold yet has no answers to list, only a start to make again.
    const unsaved = this.unsavedRespondent();
    return this.confirm(l.retrySave(failure, unsaved ? this.who(unsaved) : undefined), true);
  }

  async run(): Promise<InterviewStatus> {
    try {
      await this.chooseLanguage();
      return await this.conduct();
    } catch (err) {
      if (err instanceof SaveAbandoned) {
        if (this.sayNotCreated()) return "unsaved";
        this.sayNotSaved();
        this.printUnsaved();
        this.printSaved();
        return "unsaved";
      }
      if (!isPromptExit(err)) throw err;
      this.p.print("");
      if (this.sayNotCreated()) return "interrupted";
      if (this.store?.dirty) {
        this.sayNotSaved();
        this.printUnsaved();
      }
      if (!this.store?.written) {
        if (!this.store?.dirty) this.say(this.words((l) => l.nothingSaved));
        return "interrupted";
      }
      this.p.print(this.c.yellow(this.words((l) => l.interrupted)));
      this.printSaved();
      return "interrupted";
    }
  }

  /** A message in the interview's language; before it is chosen, in every language offered. */
  private words(pick: (l: InterviewMessages) => string): string {
    if (this.langChosen) return pick(this.l);
    const offered = LANGS.filter((lang) => this.q.languages.includes(lang));
    return [...new Set(offered.map((lang) => pick(messagesFor(lang).interview)))].join("\n");
  }

  private async chooseLanguage(): Promise<void> {
    const offered = LANGS.filter((lang) => this.q.languages.includes(lang));
    let lang: Lang = this.ctx.lang ?? offered[0] ?? "en";
    if (this.ctx.lang === undefined && offered.length > 1) {
      // Before the language is chosen, the list speaks every language offered.
      const all = offered.map((l) => messagesFor(l).interview);
      lang = await this.p.select<Lang>({
        message: messagesFor("en").interview.languagePrompt,
        choices: offered.map((value) => ({ value, name: messagesFor(value).common.languageName })),
        keys: this.keyHelp(all.map((l) => l.selectKeys).join(" / ")),
        hints: {
          noMatch: (typed) => all.map((l) => l.selectNoMatch(typed)).join("\n  "),
          disabled: all.map((l) => l.selectDisabled).join("\n  "),
        },
      });
    }
    this.lang = lang;
    this.l = messagesFor(lang).interview;
    this.langChosen = true;
  }

  private async conduct(): Promise<InterviewStatus> {
    const first = await this.chooseStart();
    if (first === "unchanged") return "unchanged";
    const store = this.requireStore();
    let index: number | undefined = first === "new" ? undefined : first;
    for (;;) {
      if (index === undefined) {
        // Until the new respondent is added, nobody is being interviewed in this session.
        this.respondent = undefined;
        index = await this.newRespondent();
      }
      this.respondent = index;
      if ((await this.interview(index)) === "quit") {
        this.printSaved();
        return "quit";
      }
      if (!(await this.confirm(this.l.anotherRespondent, false))) break;
      index = undefined;
    }
    await this.printScores(store.data());
    return "finished";
  }

  private requireStore(): AnswersStore {
    if (!this.store) throw new Error("the interview has no answers file");
    return this.store;
  }

  /** Decides whom to interview first: a respondent's index, "new", or "unchanged" to stop. */
  private async chooseStart(): Promise<number | "new" | "unchanged"> {
    if (!this.store) {
      const meta = await this.askMetadata();
      this.store = this.newStore(
        newAnswersDocument(meta, {
          schemaRef: this.ctx.schemaRef,
          format: answersFormatOf(this.ctx.file),
        }),
        false,
      );
      await this.store.save();
      await this.askGoals();
      return "new";
    }
    await this.askMissingDetails();
    const data = this.store.data();
    const lastIndex = data.respondents.length - 1;
    const last = data.respondents[lastIndex];
    const plan = last ? planInterview(this.q, last.role) : [];
    const open = last ? startSession(plan, last.answers).cursor !== null : false;
    const who = last ? this.who(last) : "";
    const continueLast = () => {
      if (last && this.ctx.role !== undefined && this.ctx.role !== last.role) {
        const role = roleName(this.q, last.role, this.lang);
        this.say(this.l.roleIgnored(who, role, "--role"), this.c.dim);
      }
      return lastIndex;
    };
    if (this.ctx.resume) {
      if (last && open) return continueLast();
      const add = await this.confirm(
        last ? this.l.resumeComplete(who) : this.l.resumeNothing(this.ctx.display),
        true,
      );
      return add ? "new" : "unchanged";
    }
    this.say(this.l.existingFile(this.ctx.display, data.respondents.length));
    const choices: SelectItem<"continue" | "new" | "quit">[] = [];
    if (last && open) {
      const t = tally(startSession(plan, last.answers), plan);
      choices.push({
        value: "continue",
        name: this.l.continueRespondent(who, plan.length - t.open, plan.length),
      });
    }
    choices.push({ value: "new", name: this.l.addRespondent });
    choices.push({ value: "quit", name: this.l.quitUnchanged });
    const choice = await this.select({ message: this.l.existingChoice, choices });
    if (choice === "quit") return "unchanged";
    return choice === "continue" ? continueLast() : "new";
  }

  private who(r: { id: string; name?: string | undefined }): string {
    return escapeControls(r.name || r.id);
  }

  /** Asks to pick from a list, with the key help and hints in the interview's language. */
  private select<V extends string>(
    q: Omit<SelectQuestion<V>, "keys" | "hints"> & { keys?: string },
  ): Promise<V> {
    const { l } = this;
    return this.p.select<V>({
      ...q,
      message: this.fit(q.message),
      keys: this.keyHelp(q.keys ?? l.selectKeys),
      hints: { noMatch: l.selectNoMatch, disabled: l.selectDisabled },
    });
  }

  /** A list's key help, dimmed and wrapped at words (the prompt library would cut a word). */
  private keyHelp(keys: string): string {
    return wrap(keys, textWidth(this.p.columns()))
      .map((line) => this.c.dim(line))
      .join("\n");
  }

  /** Asks a yes/no question; the answer is shown in the interview's language. */
  private confirm(message: string, byDefault: boolean): Promise<boolean> {
    const { yes, no, yesNoInvalid: invalid } = this.l;
    const hint = (mark: (answer: string) => string) => this.l.yesNoHint(byDefault, mark);
    return this.p.confirm({
      message: this.fit(message, Math.max(8, displayWidth(hint((answer) => answer)) + 3)),
      default: byDefault,
      words: { yes, no, hint, invalid },
    });
  }

  /** Asks for a line of text. */
  private input(q: InputQuestion): Promise<string> {
    return this.p.input({ ...q, message: this.fit(q.message) });
  }

  /**
   * Wraps a prompt's message at words: the prompt library breaks a long line anywhere, even
   * inside a word. Continuation lines are indented past the prompt's "? "; the lines leave `room`
   * for what follows the message (a yes/no question's hint, a pre-filled answer).
   */
  private fit(message: string, room = 8): string {
    return wrap(message, textWidth(this.p.columns()) - room).join("\n  ");
  }

  /** Prints a paragraph wrapped to the terminal. */
  private say(text: string, style: (s: string) => string = (s) => s): void {
    this.p.print(
      wrap(text, textWidth(this.p.columns()))
        .map((line) => style(line))
        .join("\n"),
    );
  }

  /**
   * Replaces `init`'s placeholders in an existing file with the client details, asks the CRM
   * situation (init writes `none` as a default, not as an answer) and saves; then, as for a new
   * file, offers the executives' goals when the file has none.
   */
  private async askMissingDetails(): Promise<void> {
    const fields = this.ctx.missingDetails ?? [];
    const store = this.store;
    if (fields.length === 0 || !store) return;
    const { l, p, c } = this;
    p.print(`\n${c.bold.cyan(l.metaHeading)}`);
    this.say(l.placeholdersLeft(this.ctx.display), c.yellow);
    const prompts: Record<PlaceholderField, { message: string; required: boolean }> = {
      name: { message: l.clientName, required: true },
      industry: { message: l.clientIndustry, required: false },
      size: { message: l.clientSize, required: false },
      assessor: { message: l.assessor, required: true },
    };
    for (const field of fields) {
      const { message, required } = prompts[field];
      const value = (
        await this.input({ message, ...(required ? { validate: nonEmpty(l) } : {}) })
      ).trim();
      if (value === "") store.doc.deleteIn(PLACEHOLDER_PATHS[field]);
      else store.doc.setIn(PLACEHOLDER_PATHS[field], value);
    }
    // As for a new file: the profile the details choose goes into the file, unless one is there.
    const doc = store.doc.toJS() as { assessment?: { client?: Record<string, unknown> } };
    const details = doc.assessment?.client ?? {};
    if (details.profile === undefined) {
      const text = (key: string) => (typeof details[key] === "string" ? details[key] : undefined);
      const chosen = this.announceProfile({
        industry: text("industry"),
        size: text("size"),
        ...(typeof details.employees === "number" ? { employees: details.employees } : {}),
      });
      if (chosen) store.doc.setIn(["assessment", "client", "profile"], chosen);
    }
    const situation = questionnaireBasics().crmSituation.safeParse(details.crmSituation);
    store.doc.setIn(
      ["assessment", "client", "crmSituation"],
      await this.askCrmSituation(situation.success ? situation.data : undefined),
    );
    await store.save();
    if (!store.data().goals?.length) await this.askGoals();
  }

  /** The company's CRM system today: it chooses the roadmap's path. */
  private askCrmSituation(current: CrmSituation | undefined): Promise<CrmSituation> {
    const { l } = this;
    return this.select<CrmSituation>({
      message: l.crmSituation,
      choices: questionnaireBasics().crmSituation.options.map((value) => ({
        value,
        name: l.crmSituations[value],
      })),
      default: current,
    });
  }

  /** Chooses the profile a client's industry and size match and says so; its ids, or undefined. */
  private announceProfile(client: ProfileClient): string | undefined {
    const { l, c } = this;
    const chosen = chooseProfile(this.q, client).value;
    if (!chosen) return undefined;
    const names = [chosen.industry, chosen.size].flatMap((x) =>
      x ? [localize(x.name, this.lang)] : [],
    );
    this.say(l.profileChosen(names.join(" · "), profileIds(chosen)), c.dim);
    return profileIds(chosen);
  }

  private async askMetadata(): Promise<AssessmentMeta> {
    const { l, p, c } = this;
    const d = this.ctx.defaults;
    p.print(`\n${c.bold.cyan(l.metaHeading)}`);
    if (d) this.say(l.detailsFromFolder, c.dim);
    const name = (
      await this.input({ message: l.clientName, default: d?.client.name, validate: nonEmpty(l) })
    ).trim();
    const industry = (
      await this.input({ message: l.clientIndustry, default: d?.client.industry })
    ).trim();
    const size = (await this.input({ message: l.clientSize, default: d?.client.size })).trim();
    // The folder's headcount and profile go with its industry and size, unless those changed.
    const same =
      d !== undefined && industry === (d.client.industry ?? "") && size === (d.client.size ?? "");
    const employees = same ? d.client.employees : undefined;
    const carried = same ? d.client.profile : undefined;
    // Written into the file, where the consultant sees it and can change it.
    const chosen = this.announceProfile({ industry, size, employees, profile: carried });
    const profile = carried ?? chosen;
    const crmSituation = await this.askCrmSituation(d?.client.crmSituation);
    const assessor = (
      await this.input({ message: l.assessor, default: d?.assessor, validate: nonEmpty(l) })
    ).trim();
    const date = (
      await this.input({
        message: l.date,
        default: d?.date ?? this.ctx.today(),
        validate: (v) => z.iso.date().safeParse(v.trim()).success || l.dateInvalid,
      })
    ).trim();
    return {
      client: {
        name,
        ...(industry ? { industry } : {}),
        ...(size ? { size } : {}),
        ...(employees !== undefined ? { employees } : {}),
        ...(profile ? { profile } : {}),
        crmSituation,
      },
      date,
      assessor,
      questionnaire: { id: this.q.id, version: this.q.version },
      ...(d?.horizonMonths !== undefined ? { horizonMonths: d.horizonMonths } : {}),
    };
  }

  /**
   * The goals the executives stated (optional, a few): each in their words with its target, the
   * date they expect it by and the capabilities it rests on; saved as soon as it is complete.
   */
  private async askGoals(): Promise<void> {
    const { l, c, lang } = this;
    const store = this.requireStore();
    const dims = this.q.dimensions;
    if (!(await this.confirm(l.goalsAsk, false))) return;
    this.say(l.goalsIntro, c.dim);
    for (let n = 0; n < MAX_GOALS; n++) {
      const text = (await this.input({ message: l.goalText, validate: nonEmpty(l) })).trim();
      const metric = (await this.input({ message: l.goalMetric })).trim();
      const target = (await this.input({ message: l.goalTarget })).trim();
      const by = (
        await this.input({
          message: l.goalBy,
          validate: (v) =>
            v.trim() === "" || z.iso.date().safeParse(v.trim()).success || l.dateInvalid,
        })
      ).trim();
      const chosen: string[] = [];
      do {
        chosen.push(
          await this.select({
            message: chosen.length === 0 ? l.goalDimension : l.goalNextDimension,
            choices: dims
              .filter((d) => !chosen.includes(d.id))
              .map((d) => ({ value: d.id, name: localize(d.title, lang) })),
          }),
        );
      } while (chosen.length < dims.length && (await this.confirm(l.goalAnotherDimension, false)));
      const goal: StatedGoal = {
        text,
        ...(metric ? { metric } : {}),
        ...(target ? { target } : {}),
        ...(by ? { by } : {}),
        dimensions: chosen,
      };
      addGoal(store.doc, goal);
      this.unsavedGoal = goal;
      await store.save();
      this.unsavedGoal = undefined;
      if (n + 1 === MAX_GOALS || !(await this.confirm(l.goalAnother, false))) break;
    }
  }

  private async newRespondent(): Promise<number> {
    const { l, p, c, lang } = this;
    const store = this.requireStore();
    p.print(`\n${c.bold.cyan(l.respondentHeading)}`);
    const name = (await this.input({ message: l.respondentName })).trim();
    const role =
      this.ctx.role ??
      (await this.select({
        message: l.respondentRole,
        choices: respondentRoles(this.q).map((r) => ({
          value: r.id,
          name: `${localize(r.name, lang)} ${c.dim(`· ${r.id}`)}`,
          short: localize(r.name, lang),
        })),
      }));
    const taken = new Set([
      ...store.data().respondents.map((r) => r.id),
      ...(this.ctx.takenIds?.() ?? []),
    ]);
    const index = addRespondent(store.doc, {
      id: nextRespondentId(role, taken),
      name: name || undefined,
      role,
    });
    // Set before the save, so that a failed one is reported for this respondent.
    this.respondent = index;
    await store.save();
    return index;
  }

  /** Interviews one respondent; "quit" when the user chose save-and-quit. */
  private async interview(index: number): Promise<"finished" | "quit"> {
    const { l, p, c, lang } = this;
    const questionnaire = this.q;
    const store = this.requireStore();
    const respondent = store.data().respondents[index];
    if (!respondent) throw new Error(`no respondent ${index} in the answers file`);
    const plan = planInterview(questionnaire, respondent.role);
    const role = roleName(questionnaire, respondent.role, lang);
    if (plan.length === 0) {
      this.say(l.noQuestions(role));
      return "finished";
    }
    let state = startSession(plan, respondent.answers);
    const id = respondent.name ? respondent.id : undefined;
    p.print("");
    this.say(l.sessionStart(this.who(respondent), role, id, plan.length, this.ctx.display), c.bold);
    const before = tally(state, plan);
    if (state.cursor !== null && before.open < plan.length) {
      this.say(l.resuming(plan.length - before.open, plan.length), c.dim);
    }
    let shownDimension = -1;
    let heading = "";
    for (let item = current(state, plan); item; item = current(state, plan)) {
      if (item.dimensionIndex !== shownDimension) {
        heading = dimensionHeading(item, lang, c, p.columns());
        p.print(heading);
        shownDimension = item.dimensionIndex;
      }
      const choice = await this.ask(item, state, plan, heading.split("\n").length);
      heading = "";
      if (choice === "quit") return "quit";
      if (choice === "back") {
        state = goBack(state);
      } else if (choice === "skip") {
        const skippedBefore = state.skipped.size;
        state = skipRestOfDimension(state, plan);
        p.print(c.dim(l.skipped(state.skipped.size - skippedBefore)));
      } else {
        state = await this.answer(item, state, plan, index, choice);
        state = advance(state, plan);
      }
    }
    const t = tally(state, plan);
    p.print("");
    this.say(l.finished(this.who(respondent), t.answered, t.na, t.unknown, t.open), c.bold.green);
    return "finished";
  }

  private async ask(
    item: PlannedQuestion,
    state: SessionState,
    plan: readonly PlannedQuestion[],
    headingLines: number,
  ): Promise<AnswerChoice> {
    const { l, p, c, lang } = this;
    const questionnaire = this.q;
    const answer = state.answers[item.question.id];
    const t = tally(state, plan);
    const block = questionBlock(
      item,
      answer,
      plan.length - t.open,
      questionnaire,
      lang,
      c,
      p.columns(),
    );
    p.print(block);
    // The list scrolls rather than push the question off a short terminal; the rest goes to the
    // prompt's message, the blank line and the key help.
    const keys = item.question.type === "likert" ? l.keysLikert : l.keys;
    const keyLines = this.keyHelp(keys).split("\n").length;
    const room = p.rows() - headingLines - block.split("\n").length - 2 - keyLines;
    const { choices, lines } = answerChoices(
      item,
      questionnaire,
      lang,
      p.columns(),
      canGoBack(state),
    );
    return this.select<AnswerChoice>({
      message: item.question.type === "likert" ? l.askLikert : l.askLevel,
      choices,
      default: answer === undefined ? undefined : (String(answerScalarOf(answer)) as AnswerChoice),
      pageSize: Math.min(lines, Math.max(7, room)),
      keys,
    });
  }

  /** Records a value, saves at once, then asks for the optional note and evidence. */
  private async answer(
    item: PlannedQuestion,
    state: SessionState,
    plan: readonly PlannedQuestion[],
    index: number,
    choice: Exclude<AnswerChoice, "back" | "skip" | "quit">,
  ): Promise<SessionState> {
    const store = this.requireStore();
    const value: AnswerScalar = choice === "na" || choice === "unknown" ? choice : Number(choice);
    const previous = state.answers[item.question.id];
    const prior = typeof previous === "object" ? previous : undefined;
    let next = state;
    const save = async (answer: AnswerValue) => {
      if (JSON.stringify(answer) === JSON.stringify(next.answers[item.question.id])) return;
      next = recordAnswer(next, plan, answer);
      await store.setAnswers(index, next.answers);
    };
    // Saved at each step: a crash while typing the note loses only the note being typed.
    await save(entry(value, prior?.note, prior?.evidence));
    const note =
      (await this.input({ message: this.l.note, default: prior?.note })).trim() || undefined;
    await save(entry(value, note, prior?.evidence));
    // Evidence backs a level; for N/A and unknown the earlier evidence (if any) is kept as is.
    if (typeof value === "number") {
      const evidence = await this.input({
        message: this.l.evidenceSeen,
        default: prior?.evidence,
      });
      await save(entry(value, note, evidence.trim() || undefined));
    }
    return next;
  }

  /**
   * Lists the answers of this session's respondent that the file does not hold (a failed save
   * not retried), so that none is lost: the consultant gives them again on resuming.
   */
  private printUnsaved(): void {
    const { store, respondent: index, l, lang } = this;
    if (!store || index === undefined) return;
    const questions = new Map(
      this.q.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q] as const)),
    );
    const given = store.data().respondents[index]?.answers ?? {};
    const saved = store.saved?.respondents[index]?.answers ?? {};
    const lines = Object.entries(given).flatMap(([id, answer]) => {
      const question = questions.get(id);
      if (!question || JSON.stringify(answer) === JSON.stringify(saved[id])) return [];
      const text = describeAnswer(answerScalarOf(answer), question, this.q, lang);
      const { note, evidence } = typeof answer === "object" ? answer : {};
      const shown = (s: string | undefined) => (s ? escapeControls(s) : undefined);
      return [l.unsavedAnswer(id, text, shown(note), shown(evidence))];
    });
    if (lines.length === 0) return;
    this.say(l.unsavedAnswers(this.ctx.display), this.c.red);
    const width = textWidth(this.p.columns()) - 2;
    for (const line of lines)
      this.p.print(
        wrap(line, width)
          .map((part) => `  ${part}`)
          .join("\n"),
      );
  }

  /**
   * The session's new respondent when the file does not hold them (their first save failed):
   * `--resume` would continue the file's previous respondent, so they are started again.
   */
  private unsavedRespondent() {
    const saved = this.store?.saved;
    const index = this.respondent;
    if (!saved || index === undefined || saved.respondents[index]) return undefined;
    return this.store?.data().respondents[index];
  }

  /**
   * When the file's first save (the client details) failed and was given up, says that nothing
   * was saved and how to start again, and returns true; else false.
   */
  private sayNotCreated(): boolean {
    const store = this.store;
    if (!store || store.written || !store.dirty) return false;
    this.say(this.l.notCreated(this.ctx.display), this.c.red);
    this.p.print(`  ${this.c.bold(resumeCommand(this.ctx, this.lang, "anew"))}`);
    return true;
  }

  /**
   * Says the last answers (or the goal) are not in the file, but not for a respondent who is not
   * in it at all: `printSaved` says that, with the command that adds them again (one message,
   * not two).
   */
  private sayNotSaved(): void {
    if (this.unsavedGoal) {
      this.sayGoalNotSaved(this.unsavedGoal);
      return;
    }
    if (this.unsavedRespondent()) return;
    const before = this.respondent === undefined;
    this.say((before ? this.l.detailsNotSaved : this.l.notSaved)(this.ctx.display), this.c.red);
  }

  /**
   * A goal the file does not hold: what the file keeps (the answers in it are safe), and the goal
   * as the file would hold it, to add by hand, since resuming does not ask for goals again.
   */
  private sayGoalNotSaved(goal: StatedGoal): void {
    const saved = this.store?.saved;
    const answers = (saved?.respondents ?? []).reduce(
      (n, r) => n + Object.keys(r.answers).length,
      0,
    );
    const earlier = (saved?.goals?.length ?? 0) > 0;
    this.say(this.l.goalNotSaved(this.ctx.display, { answers, earlier }), this.c.red);
    const format = answersFormatOf(this.ctx.file);
    for (const line of goalLines(escapeControlsDeep(goal), format, !earlier)) this.p.print(line);
  }

  private printSaved(): void {
    const saved = this.store?.saved;
    if (!saved) return;
    // Before a respondent is chosen nothing was answered in this session; only say how to go on.
    // The count is what the file holds (the last successful save), not what was typed.
    const index = this.respondent;
    const respondent = index === undefined ? undefined : saved.respondents[index];
    const lang = this.langChosen ? this.lang : undefined;
    if (respondent) {
      this.say(this.l.saved(Object.keys(respondent.answers).length, this.ctx.display));
    }
    const unsaved = this.unsavedRespondent();
    if (unsaved) {
      this.say(this.l.restartRespondent(this.who(unsaved), this.ctx.display));
      this.p.print(`  ${this.c.bold(resumeCommand(this.ctx, lang, { role: unsaved.role }))}`);
      return;
    }
    this.p.print(
      `${this.words((l) => l.resumeWith)}\n  ${this.c.bold(resumeCommand(this.ctx, lang))}`,
    );
  }

  // The table (cli-table3) is loaded only for an interview that ends with scores.
  private async printScores(data: AnswersFile): Promise<void> {
    const { SCORE_RENDERERS } = await import("../render/score/index.js");
    const chosen = chooseProfile(this.ctx.questionnaire, data.assessment.client).value;
    const questionnaire = chosen
      ? applyProfile(this.ctx.questionnaire, chosen)
      : this.ctx.questionnaire;
    const results = scoreAssessment(questionnaire, data);
    this.p.print(`\n${this.c.bold.cyan(this.l.scoreHeading)}\n`);
    // The registry's table, which makes control characters in the file's text visible.
    const table = await SCORE_RENDERERS.table(
      { results, questionnaire },
      { lang: this.lang, color: this.ctx.color, width: this.p.columns() },
    );
    this.p.print(String(table).trimEnd());
  }
}

/**
 * Runs an interactive interview: language, assessment metadata (new files only), respondent,
 * then every question put to the respondent's role; the answers file is written atomically after
 * every answer. Ctrl-C (a prompt rejecting with ExitPromptError) ends it as "interrupted" after
 * printing the command that resumes it.
 */
export function runInterviewSession(ctx: InterviewContext): Promise<InterviewStatus> {
  return new Interview(ctx).run();
}
