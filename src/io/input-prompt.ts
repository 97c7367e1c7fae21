import {
  createPrompt,
  isEnterKey,
  makeTheme,
  useEffect,
  useKeypress,
  usePrefix,
  useState,
} from "@inquirer/core";
import { escapeControls } from "../core/text/controls.js";

// The text prompt of the terminal prompter, built on @inquirer/core. @inquirer/input returns its
// default when the line is empty, even with the default pre-filled for editing: deleting an
// earlier note and pressing Enter kept the note. Here the default is only the line's starting
// text, and Enter returns the line as it stands, so a note can be kept, changed or cleared.

/** How a line break of a pre-filled text shows in the one-line editor (and is read back). */
const LINE_BREAK = "\u21b5";

/** What the text prompt needs; see `InputQuestion` in prompts.ts for the fields. */
export interface InputPromptConfig {
  message: string;
  default?: string | undefined;
  validate?: ((value: string) => true | string) | undefined;
}

/**
 * The line a default starts as: line breaks shown as ↵ (read back as line breaks), other control
 * characters made visible, so what is shown is what Enter returns.
 */
export function prefillOf(text: string): string {
  return escapeControls(text.replace(/\r?\n/g, LINE_BREAK));
}

/** The text a line stands for: each ↵ is a line break again. */
export const textOf = (line: string): string => line.replaceAll(LINE_BREAK, "\n");

/** A text prompt whose default is pre-filled and editable; Enter returns the line as shown. */
export const inputPrompt = createPrompt<string, InputPromptConfig>((config, done) => {
  const theme = makeTheme({}, {});
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [line, setLine] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useEffect((rl) => {
    const start = prefillOf(config.default ?? "");
    if (start === "") return;
    rl.write(start);
    setLine(start);
  }, []);
  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (!isEnterKey(key)) {
      setLine(rl.line);
      setError(undefined);
      return;
    }
    const text = textOf(line);
    const verdict = config.validate?.(text) ?? true;
    if (verdict === true) {
      setStatus("done");
      done(text);
    } else {
      // Enter emptied readline's line: put the text back to be corrected.
      rl.write(line);
      setError(verdict);
    }
  });
  const message = theme.style.message(config.message, status);
  const shown = status === "done" ? theme.style.answer(line) : line;
  return [`${prefix} ${message} ${shown}`, error ? theme.style.error(error) : ""];
});
