import { stripVTControlCharacters, styleText } from "node:util";
import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isUpKey,
  type KeypressEvent,
  makeTheme,
  useEffect,
  useKeypress,
  usePagination,
  usePrefix,
  useRef,
  useState,
} from "@inquirer/core";
import { escapeControls } from "../core/text/controls.js";
import { truncateToWidth } from "../core/text/width.js";

// The select prompt of the terminal prompter, built on @inquirer/core. @inquirer/select moves the
// cursor to a choice whose name starts with what is typed, ignores text that matches none, and
// picks the highlighted line on Enter: `b` (or `12`) then Enter at a fresh question recorded level
// 1, the line the cursor starts on, without a word. Here text that matches no choice shows a hint
// and Enter chooses nothing until the cursor moves, the text is erased, or new text matches.

/** How long typed characters add up to one search, as in @inquirer/select. */
const SEARCH_WINDOW_MS = 700;
const POINTER = "\u276f";
const CURSOR_HIDE = "\u001b[?25l";

/** A line of the list: `SelectItem` of prompts.ts (which imports this module, so not named). */
type Choice = { value: string; name: string; short?: string | undefined; disabled?: boolean };
type Item = Choice | { separator: string };

/** What the select prompt needs; see `SelectQuestion` in prompts.ts for the fields. */
export interface SelectPromptConfig {
  message: string;
  choices: readonly Item[];
  default?: string | undefined;
  pageSize: number;
  keys: string;
  hints: { noMatch: (typed: string) => string; disabled: string };
}

/**
 * The index of the first choice whose name starts with `typed` (case-insensitive; leading symbols
 * such as an arrow ignored; only a name's first line), an enabled one before a disabled one; -1
 * when none does.
 */
export function matchChoice(items: readonly Item[], typed: string): number {
  const term = typed.trim().toLowerCase();
  if (term === "") return -1;
  const matches = (item: Item): item is Choice => {
    if ("separator" in item) return false;
    const first = stripVTControlCharacters(item.name).split("\n")[0] ?? "";
    return first
      .replace(/^[^\p{L}\p{N}]+/u, "")
      .toLowerCase()
      .startsWith(term);
  };
  const enabled = items.findIndex((item) => matches(item) && !item.disabled);
  return enabled !== -1 ? enabled : items.findIndex(matches);
}

/** What a key does; see {@link selectPrompt}. */
export type SelectStep =
  | { kind: "move"; to: number }
  | { kind: "clear" }
  | { kind: "typed"; to: number }
  | { kind: "unmatched"; typed: string }
  | { kind: "refuse"; why: "unmatched" | "disabled" }
  | { kind: "choose"; value: string }
  | { kind: "none" };

/** Where the prompt stands when a key arrives. */
export interface SelectState {
  items: readonly Item[];
  active: number;
  /** Text typed that matches no choice, while it stands. */
  unmatched: string | undefined;
}

/** What `key` does in `s`, with `line` the text typed so far (readline's line). */
export function selectStep(
  s: SelectState,
  key: KeypressEvent,
  line: string,
  keybindings: Parameters<typeof isUpKey>[1] = [],
): SelectStep {
  const { items, active } = s;
  if (isEnterKey(key)) {
    if (s.unmatched !== undefined) return { kind: "refuse", why: "unmatched" };
    const item = items[active];
    if (item === undefined || "separator" in item) return { kind: "none" };
    if (item.disabled) return { kind: "refuse", why: "disabled" };
    return { kind: "choose", value: item.value };
  }
  const up = isUpKey(key, keybindings);
  if (up || isDownKey(key, keybindings)) {
    const offset = up ? -1 : 1;
    let next = active + offset;
    while (items[next] !== undefined && "separator" in (items[next] ?? {})) next += offset;
    return { kind: "move", to: items[next] === undefined ? active : next };
  }
  if (isBackspaceKey(key)) return { kind: "clear" };
  const typed = line.replace(/[\t\r\n]/g, "");
  if (typed.trim() === "") return { kind: "none" };
  const to = matchChoice(items, typed);
  return to === -1 ? { kind: "unmatched", typed } : { kind: "typed", to };
}

/** The line the cursor starts on: the default when it can be chosen, else the first choice. */
export function startIndex(items: readonly Item[], value: string | undefined) {
  const byDefault = items.findIndex(
    (item) => !("separator" in item) && !item.disabled && item.value === value,
  );
  return byDefault !== -1 ? byDefault : items.findIndex((item) => !("separator" in item));
}

/**
 * A select prompt: ↑↓ move; typing moves to the first choice whose name starts with the text;
 * text that matches nothing shows `hints.noMatch` and Enter chooses nothing until the cursor
 * moves, the text is erased or new text matches; Enter on a disabled choice shows `hints.disabled`.
 */
export const selectPrompt = createPrompt<string, SelectPromptConfig>((config, done) => {
  const theme = makeTheme({}, {});
  const items = config.choices;
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [active, setActive] = useState(() => startIndex(items, config.default));
  const [unmatched, setUnmatched] = useState<string | undefined>(undefined);
  const [refused, setRefused] = useState(false);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useEffect(() => () => clearTimeout(timer.current), []);
  useKeypress((key, rl) => {
    const step = selectStep({ items, active, unmatched }, key, rl.line, theme.keybindings);
    if (step.kind === "choose") {
      setStatus("done");
      done(step.value);
    } else if (step.kind === "refuse") {
      setRefused(step.why === "disabled");
    } else if (step.kind === "move" || step.kind === "clear") {
      rl.clearLine(0);
      setUnmatched(undefined);
      setRefused(false);
      if (step.kind === "move") setActive(step.to);
    } else if (step.kind === "typed" || step.kind === "unmatched") {
      setUnmatched(step.kind === "unmatched" ? step.typed : undefined);
      setRefused(false);
      if (step.kind === "typed") setActive(step.to);
      // A pause ends the search; what is typed after it starts a new one.
      clearTimeout(timer.current);
      timer.current = setTimeout(() => rl.clearLine(0), SEARCH_WINDOW_MS);
    }
  });
  const message = theme.style.message(config.message, status);
  const chosen = items[active];
  if (status === "done" && chosen !== undefined && !("separator" in chosen)) {
    return `${prefix} ${message} ${theme.style.answer(chosen.short ?? chosen.name)}`;
  }
  const page = usePagination({
    items,
    active,
    pageSize: config.pageSize,
    loop: false,
    renderItem: ({ item, isActive }) => {
      if ("separator" in item) return ` ${item.separator}`;
      if (item.disabled) return styleText("dim", `${isActive ? POINTER : "-"} ${item.name}`);
      const line = `${isActive ? POINTER : " "} ${item.name}`;
      return isActive ? theme.style.highlight(line) : line;
    },
  });
  // What was typed, as typed (pasted text cut short), in a hint that fits one line.
  const typed = unmatched === undefined ? "" : truncateToWidth(escapeControls(unmatched), 12);
  const hint =
    unmatched !== undefined ? config.hints.noMatch(typed) : refused ? config.hints.disabled : "";
  return `${[`${prefix} ${message}`, page, " ", hint ? theme.style.error(hint) : "", config.keys]
    .filter(Boolean)
    .join("\n")
    .trimEnd()}${CURSOR_HIDE}`;
});
