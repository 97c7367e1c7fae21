import { existsSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import { parse } from "yaml";
import type {
  ConfirmQuestion,
  InputQuestion,
  Prompter,
  SelectQuestion,
} from "../../src/io/prompts.js";

/**
 * One scripted reply. `expect` must occur in the prompt's message; `before` runs when the prompt
 * is shown, before the reply (what happens meanwhile elsewhere, e.g. another interview saving).
 */
export type Step = { before?: () => void } & (
  | { select: string; expect?: string }
  | { input: string; expect?: string }
  /** Presses Enter on an input: returns its default (pre-filled text), or "". */
  | { enter: true; expect?: string }
  | { confirm: boolean; expect?: string }
  /** The user presses Ctrl-C at this prompt. */
  | { interrupt: "select" | "input" | "confirm"; expect?: string }
);

/** The error inquirer rejects with on Ctrl-C (same name, which is all the interview checks). */
export function exitPromptError(): Error {
  const err = new Error("User force closed the prompt with SIGINT");
  err.name = "ExitPromptError";
  return err;
}

type Answer = { value: unknown; note?: string; evidence?: string };

/**
 * A prompter that replays a script and, before every prompt, checks that the answers file on disk
 * holds every answer (and note) given so far: "nothing is ever lost" after each single step.
 */
export class ScriptedPrompter implements Prompter {
  readonly printed: string[] = [];
  readonly asked: {
    kind: string;
    message: string;
    default?: unknown;
    choices?: unknown;
    /** A select's key help and hints; a confirm's answer words. */
    keys?: string | undefined;
    hints?: SelectQuestion<string>["hints"];
    words?: ConfirmQuestion["words"];
  }[] = [];
  /** Answers given, by respondent index then question id, as the file must hold them. */
  readonly ledger = new Map<number, Map<string, Answer>>();
  private step = 0;
  private currentQuestion: string | undefined;
  private pendingNote: { respondent: number; id: string; field: "note" | "evidence" } | undefined;
  checks = 0;

  constructor(
    private readonly steps: Step[],
    private readonly opts: { file: string; questionIds: readonly string[]; columns?: number },
  ) {}

  columns(): number {
    return this.opts.columns ?? 100;
  }

  rows(): number {
    return 40;
  }

  print(text: string): void {
    this.printed.push(text);
    for (const line of text.split("\n")) {
      const id = line.trim().split(" ")[0];
      if (id !== undefined && this.opts.questionIds.includes(id)) this.currentQuestion = id;
    }
  }

  get output(): string {
    return this.printed.join("\n");
  }

  /** Steps not yet replayed. */
  get remaining(): number {
    return this.steps.length - this.step;
  }

  private fileAnswers(): unknown[] {
    if (!existsSync(this.opts.file)) return [];
    // An empty file (before the first save) parses to null.
    const data = parse(readFileSync(this.opts.file, "utf8")) as { respondents?: unknown[] } | null;
    return data?.respondents ?? [];
  }

  /** Asserts that the file holds every answer the ledger records. */
  checkFile(): void {
    this.checks++;
    const respondents = this.fileAnswers() as { answers?: Record<string, unknown> }[];
    for (const [index, answers] of this.ledger) {
      const onDisk = respondents[index]?.answers ?? {};
      for (const [id, given] of answers) {
        const found = onDisk[id];
        const value = typeof found === "object" && found !== null ? (found as Answer).value : found;
        expect(value, `${id} of respondent ${index} on disk`).toEqual(given.value);
        for (const field of ["note", "evidence"] as const) {
          if (given[field] === undefined) continue;
          expect((found as Answer)[field], `${field} of ${id} on disk`).toEqual(given[field]);
        }
      }
    }
  }

  private next(kind: string, message: string): Step {
    // After a failed save the file lags by design until the retry succeeds.
    if (!/Try saving again|重试保存/.test(message)) this.checkFile();
    const step = this.steps[this.step++];
    if (!step) throw new Error(`script ended; the interview asked (${kind}) ${message}`);
    if (step.expect !== undefined) expect(message).toContain(step.expect);
    step.before?.();
    if ("interrupt" in step) {
      expect(step.interrupt, `interrupt at ${message}`).toBe(kind);
      throw exitPromptError();
    }
    return step;
  }

  private respondentIndex(): number {
    return Math.max(0, this.fileAnswers().length - 1);
  }

  async select<V extends string>(q: SelectQuestion<V>): Promise<V> {
    this.asked.push({
      kind: "select",
      message: q.message,
      default: q.default,
      choices: q.choices,
      keys: q.keys,
      hints: q.hints,
    });
    const step = this.next("select", q.message);
    if (!("select" in step))
      throw new Error(`expected ${JSON.stringify(step)}, got a select: ${q.message}`);
    const choice = q.choices.find((c) => "value" in c && c.value === step.select);
    if (!choice || !("value" in choice)) {
      throw new Error(`no choice ${step.select} in ${q.message}`);
    }
    if (choice.disabled) throw new Error(`choice ${step.select} is disabled: ${q.message}`);
    if (/^([1-5]|na|unknown)$/.test(step.select) && this.currentQuestion) {
      const index = this.respondentIndex();
      const answers = this.ledger.get(index) ?? new Map<string, Answer>();
      const value = /^[1-5]$/.test(step.select) ? Number(step.select) : step.select;
      const prior = answers.get(this.currentQuestion);
      answers.set(this.currentQuestion, { ...prior, value });
      this.ledger.set(index, answers);
      this.pendingNote = { respondent: index, id: this.currentQuestion, field: "note" };
    }
    return choice.value;
  }

  async input(q: InputQuestion): Promise<string> {
    this.asked.push({ kind: "input", message: q.message, default: q.default });
    const step = this.next("input", q.message);
    let text: string;
    if ("enter" in step) text = q.default ?? "";
    else if ("input" in step) text = step.input;
    else throw new Error(`expected ${JSON.stringify(step)}, got an input: ${q.message}`);
    const verdict = q.validate?.(text) ?? true;
    if (verdict !== true) throw new Error(`input ${JSON.stringify(text)} rejected: ${verdict}`);
    const pending = this.pendingNote;
    if (pending && /note|备注|evidence|证据/i.test(q.message)) {
      const field = /note|备注/i.test(q.message) ? "note" : "evidence";
      const answer = this.ledger.get(pending.respondent)?.get(pending.id);
      if (answer) answer[field] = text.trim() || undefined;
      if (answer && answer[field] === undefined) delete answer[field];
    }
    return text;
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    this.asked.push({ kind: "confirm", message: q.message, default: q.default, words: q.words });
    const step = this.next("confirm", q.message);
    if (!("confirm" in step))
      throw new Error(`expected ${JSON.stringify(step)}, got a confirm: ${q.message}`);
    return step.confirm;
  }
}
