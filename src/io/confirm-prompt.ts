import { styleText } from "node:util";
import {
  createPrompt,
  isEnterKey,
  makeTheme,
  useKeypress,
  usePrefix,
  useState,
} from "@inquirer/core";

// The yes/no prompt of the terminal prompter, built on @inquirer/core. @inquirer/confirm builds its
// hint from the first letters of its keywords ("(y/N)") and reads only their prefixes and the
// English y/yes/n/no: a Chinese interview showed a Latin hint and turned down 是 and 否. Here the
// hint is the interview's own, and the words it shows for the answers are accepted as answers.

/** The words of a yes/no prompt: the answers as shown (and accepted), the hint, the error. */
export interface ConfirmWords {
  yes: string;
  no: string;
  /**
   * Shown after the question, e.g. "(y/N)"; it says what Enter alone answers, and passes that
   * answer ("N") through `mark`, so the prompt can highlight it.
   */
  hint: (mark: (answer: string) => string) => string;
  /** Shown for anything that is not an answer. */
  invalid: string;
}

/** What the yes/no prompt needs; see `ConfirmQuestion` in prompts.ts for the fields. */
export interface ConfirmPromptConfig {
  message: string;
  default: boolean;
  words: ConfirmWords;
}

/**
 * The answer typed text gives, or undefined when it gives none: an empty line is the default;
 * y, yes, n and no (any case, full-width letters too) and the answers' own words (是, 否) answer.
 */
export function yesNoOf(
  typed: string,
  words: Pick<ConfirmWords, "yes" | "no">,
  byDefault: boolean,
): boolean | undefined {
  const text = typed.normalize("NFKC").trim().toLowerCase();
  if (text === "") return byDefault;
  if (text === "y" || text === "yes" || text === words.yes.toLowerCase()) return true;
  if (text === "n" || text === "no" || text === words.no.toLowerCase()) return false;
  return undefined;
}

/** The hint as shown: dim, but for the answer Enter gives, highlighted as a list's current line. */
export function styleHint(hint: ConfirmWords["hint"], highlight: (text: string) => string): string {
  // The default answer is cut out between NULs (no message holds one) and styled on its own:
  // dim and a colour do not nest in the terminal's codes.
  return hint((answer) => `\0${answer}\0`)
    .split("\0")
    .map((part, i) => (i % 2 === 1 ? highlight(part) : part && styleText("dim", part)))
    .join("");
}

/** A yes/no prompt with the hint and the answers in the interview's language. */
export const confirmPrompt = createPrompt<boolean, ConfirmPromptConfig>((config, done) => {
  const theme = makeTheme({}, {});
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [line, setLine] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  const { words } = config;
  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (!isEnterKey(key)) {
      setLine(rl.line);
      setError(undefined);
      return;
    }
    const answer = yesNoOf(line, words, config.default);
    if (answer === undefined) {
      // Enter emptied readline's line: put the text back to be corrected.
      rl.write(line);
      setError(words.invalid);
      return;
    }
    setLine(answer ? words.yes : words.no);
    setStatus("done");
    done(answer);
  });
  const message = theme.style.message(config.message, status);
  if (status === "done") return `${prefix} ${message} ${theme.style.answer(line)}`;
  const hint = styleHint(words.hint, theme.style.highlight);
  return [`${prefix} ${message} ${hint} ${line}`, error ? theme.style.error(error) : ""];
});
