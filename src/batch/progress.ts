import type { Writable } from "node:stream";
import { displayWidth } from "../core/text/width.js";
import { flow } from "../render/terminal/text.js";

/**
 * How batch lays out its lines on standard error when it is a terminal: in `width` columns, never
 * breaking inside one of `whole` (the run's paths). Without one, each message is one line.
 */
export interface StderrLayout {
  width: number;
  whole: readonly string[];
}

/** The hanging indent of a message's second and later lines on a terminal. */
const HANG = "  ";

// A quoted value as messages print it: JSON-quoted ("Strongly agree") or in backticks (`labels`).
const QUOTED = /"(?:[^"\\\n]|\\.)*"|`[^`\n]*`/g;

/**
 * The lines of a message on standard error, `command` (a command to copy) after its text. Without
 * a layout (a pipe, a file, CI: scripts parse these), one line, as ever. With one, the text is
 * wrapped with a hanging indent, never inside a path or a quoted value, and the command follows
 * on a line of its own, unbroken so that it stays copyable (the terminal folds it if it must).
 */
export function messageLines(text: string, layout?: StderrLayout, command = ""): string[] {
  if (!layout) return [text + command];
  const whole = [...layout.whole, ...(text.match(QUOTED) ?? [])];
  const lines = flow(text.trimEnd(), layout.width, "", HANG, whole);
  if (command === "") return lines;
  const indent = displayWidth(HANG + command) <= layout.width ? HANG : "";
  return [...lines, indent + command];
}

/** Progress of a batch run: rows and rows per second on standard error when it is a terminal. */
export interface Progress {
  /** Called often; cheap. `bytes` drives the bar when the file size is known. */
  update(rows: number, bytes: number): void;
  /** Prints a line above the bar (or plainly without one). */
  log(line: string): void;
  stop(): void;
}

/** A progress reporter that only logs (for pipes, files and tests), laid out by `layout`. */
export function plainProgress(stream: Writable = process.stderr, layout?: StderrLayout): Progress {
  return {
    update() {},
    log: (line) => {
      stream.write(`${messageLines(line, layout).join("\n")}\n`);
    },
    stop() {},
  };
}

/**
 * A cli-progress bar on `stream` (a TTY): percentage of bytes read when the size is known,
 * rows read and rows per second. Rendering is throttled by cli-progress. Logged lines are laid
 * out by `layout`: the bar turns the terminal's line wrapping off while it runs (a longer line
 * would be cut at the edge), prints them at its next redraw and redraws itself below them.
 */
export async function barProgress(
  stream: NodeJS.WriteStream,
  totalBytes: number | undefined,
  layout?: StderrLayout,
): Promise<Progress> {
  const { MultiBar } = (await import("cli-progress")).default;
  const started = Date.now();
  const sized = totalBytes !== undefined && totalBytes > 0;
  const multi = new MultiBar({
    stream,
    format: sized
      ? "batch |{bar}| {percentage}% · {rows} rows · {rate} rows/s"
      : "batch · {rows} rows · {rate} rows/s",
    hideCursor: true,
    clearOnComplete: true,
    fps: 8,
  });
  const bar = multi.create(sized ? totalBytes : 1, 0, { rows: "0", rate: "0" });
  let lastRows = 0;
  return {
    update(rows, bytes) {
      if (rows - lastRows < 4096) return;
      lastRows = rows;
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(sized ? Math.min(bytes, totalBytes) : 0, {
        rows: rows.toLocaleString("en-US"),
        rate: Math.round(rows / seconds).toLocaleString("en-US"),
      });
    },
    log: (line) => multi.log(`${messageLines(line, layout).join("\n")}\n`),
    stop: () => {
      // Lines logged since the last redraw wait in the bar's buffer, and stopping a bar that
      // clears itself drops them: a redraw prints them first.
      if (multi.isActive) multi.update();
      multi.stop();
    },
  };
}
