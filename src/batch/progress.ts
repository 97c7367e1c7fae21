import type { Writable } from "node:stream";
import { displayWidth, truncateToWidth } from "../core/text/width.js";
import { messageLines, type StderrLayout } from "../render/terminal/messages.js";

/** 1234567 → "1,234,567" (toLocaleString would load ICU data for a few numbers). */
export const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** What the progress bar's line shows. */
export interface ProgressFields {
  /** The share of the input read, 0 to 1; undefined when its size is unknown (no bar). */
  fraction?: number | undefined;
  rows: number;
  /** Rows per second. */
  rate: number;
  /** Seconds left, once there is an estimate. */
  eta?: number | undefined;
}

/** The bar's widest and narrowest: below MIN_BAR, the least useful fields make room first. */
const MAX_BAR = 40;
const MIN_BAR = 10;

/** 42 → "42s", 185 → "3m 05s", 3720 → "1h 02m". */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, "0");
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${two(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${two(Math.floor(s / 60) % 60)}m`;
}

/**
 * The progress bar's line in `width` columns: `batch |===---| 42% · 1,234 rows · ETA 3m 05s ·
 * 5,678 rows/s` (without a size, no bar, percentage nor ETA). It never runs past `width - 1` (the
 * terminal would cut it at its edge): the bar shrinks from 40 columns down to 10, then the rate
 * goes, then the ETA, then the bar shrinks further; a width under 40 may cut the rows' count.
 */
export function progressLine(f: ProgressFields, width: number): string {
  const room = width - 1;
  const rows = `${fmt(f.rows)} rows`;
  const rate = `${fmt(Math.round(f.rate))} rows/s`;
  if (f.fraction === undefined) {
    const line = `batch · ${rows} · ${rate}`;
    return displayWidth(line) <= room ? line : truncateToWidth(`batch · ${rows}`, room);
  }
  const fraction = Math.min(1, Math.max(0, f.fraction));
  const percentage = `${String(Math.floor(fraction * 100)).padStart(3)}%`;
  const eta = f.eta !== undefined && Number.isFinite(f.eta) ? `ETA ${duration(f.eta)}` : "";
  const optional = [eta, rate].filter((t) => t !== "");
  const text = () => [percentage, rows, ...optional].join(" · ");
  // "batch |" + bar + "| " + the fields.
  const barRoom = () => room - displayWidth(`batch || ${text()}`);
  while (barRoom() < MIN_BAR && optional.length) optional.pop();
  const size = Math.max(3, Math.min(MAX_BAR, barRoom()));
  const done = Math.round(fraction * size);
  const line = `batch |${"=".repeat(done)}${"-".repeat(size - done)}| ${text()}`;
  return truncateToWidth(line, room);
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
 * A cli-progress bar on `stream` (a TTY): percentage of bytes read and the time left when the
 * size is known, rows read and rows per second, in a line that fits the terminal (see
 * progressLine). Rendering is throttled by cli-progress. Logged lines are laid
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
  let fields: ProgressFields = { rows: 0, rate: 0, ...(sized ? { fraction: 0 } : {}) };
  const multi = new MultiBar({
    stream,
    // The terminal's width as it is now (it may be resized), or the layout's when narrower.
    format: (_options, params) =>
      progressLine(fields, Math.min(layout?.width ?? params.maxWidth, params.maxWidth)),
    hideCursor: true,
    clearOnComplete: true,
    fps: 8,
  });
  const bar = multi.create(sized ? totalBytes : 1, 0);
  let lastRows = 0;
  return {
    update(rows, bytes) {
      if (rows - lastRows < 4096) return;
      lastRows = rows;
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const fraction = sized ? Math.min(bytes, totalBytes) / totalBytes : undefined;
      fields = {
        rows,
        rate: rows / seconds,
        fraction,
        eta: fraction ? (seconds * (1 - fraction)) / fraction : undefined,
      };
      bar.update(sized ? Math.min(bytes, totalBytes) : 0);
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
