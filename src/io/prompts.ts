import type { ConfirmWords } from "./confirm-prompt.js";

/**
 * The one seam through which the interview talks to the terminal. The session only ever calls a
 * {@link Prompter}; the CLI passes the inquirer-backed one, tests pass a scripted one.
 */

/** One choice of a select prompt; values are strings so a default can be compared by value. */
export interface SelectChoice<V extends string> {
  value: V;
  /** What the list shows (may span several lines). */
  name: string;
  /** What the finished prompt shows as the answer. */
  short?: string;
  /** Disabled choices stay visible (the name should say why) and cannot be chosen. */
  disabled?: boolean;
}

/** A choice, or a separator line between groups of choices. */
export type SelectItem<V extends string> = SelectChoice<V> | { separator: string };

/** A question answered by picking one choice. */
export interface SelectQuestion<V extends string> {
  message: string;
  choices: readonly SelectItem<V>[];
  default?: V | undefined;
  /** Lines of the list shown at once. */
  pageSize?: number;
  /** The key help shown under the list. */
  keys: string;
  /** What the list says when typed text matches no choice, or Enter falls on a disabled one. */
  hints: SelectHints;
}

/** The words a select prompt shows when Enter cannot choose. */
export interface SelectHints {
  /** Typed text matches no choice: Enter chooses nothing until the cursor moves. */
  noMatch: (typed: string) => string;
  /** Enter on a choice that cannot be chosen. */
  disabled: string;
}

/** A question answered with a line of text. */
export interface InputQuestion {
  message: string;
  /**
   * Pre-filled and editable, so an earlier note can be kept, changed or cleared: Enter returns
   * the line as it stands, never this text in place of an emptied line.
   */
  default?: string | undefined;
  /** Returns true, or the message to show until the text is acceptable. */
  validate?: (value: string) => true | string;
}

/** A yes/no question. */
export interface ConfirmQuestion {
  message: string;
  default?: boolean;
  /**
   * The words shown for the answer once given (and accepted as answers besides y and n), the
   * hint after the question, and the message for anything else, in the interview's language.
   */
  words: ConfirmWords;
}

/**
 * How the interview asks and tells. Every method may reject with an error named
 * `ExitPromptError` (see {@link isPromptExit}) when the user presses Ctrl-C.
 */
export interface Prompter {
  select<V extends string>(question: SelectQuestion<V>): Promise<V>;
  input(question: InputQuestion): Promise<string>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Prints a block of text followed by a newline. */
  print(text: string): void;
  /** The terminal's width in columns, for wrapping. */
  columns(): number;
  /** The terminal's height in rows, for sizing lists. */
  rows(): number;
}

/** The name inquirer gives the error it rejects with on Ctrl-C (or when the terminal closes). */
export const PROMPT_EXIT = "ExitPromptError";

/** True for the error a prompt rejects with when the user presses Ctrl-C. */
export const isPromptExit = (err: unknown): boolean =>
  err instanceof Error && err.name === PROMPT_EXIT;

/**
 * The terminal prompter: our own yes/no, list and text prompts on @inquirer/core
 * (confirm-prompt.ts, select-prompt.ts, input-prompt.ts), loaded here, lazily, so that no other
 * command pays for them.
 */
export async function createTerminalPrompter(
  stdout: NodeJS.WriteStream = process.stdout,
): Promise<Prompter> {
  const [{ confirmPrompt }, { inputPrompt }, { selectPrompt }] = await Promise.all([
    import("./confirm-prompt.js"),
    import("./input-prompt.js"),
    import("./select-prompt.js"),
  ]);
  return {
    // Values are the choices' own, so the prompt's string is one of V.
    select: <V extends string>(q: SelectQuestion<V>) =>
      selectPrompt({ ...q, pageSize: q.pageSize ?? 7 }) as Promise<V>,
    input: (q) => inputPrompt(q),
    confirm: (q) =>
      confirmPrompt({ message: q.message, default: q.default ?? false, words: q.words }),
    print: (text) => {
      stdout.write(`${text}\n`);
    },
    columns: () => stdout.columns ?? 80,
    rows: () => stdout.rows ?? 24,
  };
}
