import { displayWidth } from "../../core/text/width.js";
import { flow } from "./text.js";

/**
 * How a command lays out its messages on standard error when it is a terminal: in `width`
 * columns, never breaking inside one of `whole` (the run's paths, the arguments typed). Without
 * one (a pipe, a file, CI), each message is one line.
 */
export interface StderrLayout {
  width: number;
  whole: readonly string[];
}

/** The hanging indent of a message's second and later lines on a terminal. */
const HANG = "  ";

// A quoted value as messages print it: JSON-quoted ("Strongly agree") or in backticks (`labels`).
const QUOTED = /"(?:[^"\\\n]|\\.)*"|`[^`\n]*`/g;

// A command to copy at the end of a line of a message (advice listed on lines of its own).
const COMMAND = /(?:^|\s)(crm-maturity [^:\s].*)$/;

/**
 * The lines of a message on standard error, `command` (a command to copy) after its text. Without
 * a layout (a pipe, a file, CI: scripts parse these), the message as it is, one line, as ever.
 * With one, each of its lines is wrapped with a hanging indent after its own indent, never inside
 * a path or a quoted value; a command (`command`, or a line of the text that is one) is on a line
 * of its own, unbroken so that it stays copyable (the terminal folds it if it must).
 */
export function messageLines(text: string, layout?: StderrLayout, command = ""): string[] {
  if (!layout) return [text + command];
  const lines = text
    .trimEnd()
    .split("\n")
    .flatMap((line) => lineLines(line, layout));
  return command === "" ? lines : [...lines, commandLine(command, HANG, layout.width)];
}

// One line of a message laid out (see messageLines): a command at its end on a line of its own.
function lineLines(line: string, layout: StderrLayout): string[] {
  const indent = /^ */.exec(line)?.[0] ?? "";
  const command = COMMAND.exec(line)?.[1] ?? "";
  const text = line.slice(indent.length, line.length - command.length).trimEnd();
  const whole = [...layout.whole, ...(text.match(QUOTED) ?? [])];
  const lines = flowWhole(text, layout.width, indent, indent + HANG, whole);
  if (command === "") return lines;
  return [...lines, commandLine(command, lines.length ? indent + HANG : indent, layout.width)];
}

/**
 * Text flowed in `width` (see flow), but a piece of `whole` too wide for a line (a long path, and
 * the place after it) is on a line of its own, unbroken (the terminal folds it): a path cut into
 * lines could not be copied.
 */
function flowWhole(
  text: string,
  width: number,
  first: string,
  rest: string,
  whole: readonly string[],
): string[] {
  if (text === "") return [];
  let at = -1;
  let piece = "";
  for (const p of whole) {
    const i = p === "" ? -1 : text.indexOf(p);
    if (i >= 0 && displayWidth(rest + p) > width && (at < 0 || i < at)) [at, piece] = [i, p];
  }
  if (at < 0) return flow(text, width, first, rest, whole);
  const end = at + piece.length + (/^\S*/.exec(text.slice(at + piece.length))?.[0].length ?? 0);
  const before = text.slice(0, at).trimEnd();
  const lines = before === "" ? [] : flow(before, width, first, rest, whole);
  lines.push((lines.length ? rest : first) + text.slice(at, end));
  return [...lines, ...flowWhole(text.slice(end).trim(), width, rest, rest, whole)];
}

// A command on a line of its own, indented only when it then fits.
function commandLine(command: string, indent: string, width: number): string {
  return displayWidth(indent + command) <= width ? indent + command : command;
}
