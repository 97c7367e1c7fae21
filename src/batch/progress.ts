import type { Writable } from "node:stream";

/** Progress of a batch run: rows and rows per second on standard error when it is a terminal. */
export interface Progress {
  /** Called often; cheap. `bytes` drives the bar when the file size is known. */
  update(rows: number, bytes: number): void;
  /** Prints a line above the bar (or plainly without one). */
  log(line: string): void;
  stop(): void;
}

/** A progress reporter that only logs (for pipes, files and tests). */
export function plainProgress(stream: Writable = process.stderr): Progress {
  return {
    update() {},
    log: (line) => {
      stream.write(`${line}\n`);
    },
    stop() {},
  };
}

/**
 * A cli-progress bar on `stream` (a TTY): percentage of bytes read when the size is known,
 * rows read and rows per second. Rendering is throttled by cli-progress.
 */
export async function barProgress(
  stream: NodeJS.WriteStream,
  totalBytes: number | undefined,
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
    log: (line) => multi.log(`${line}\n`),
    stop: () => multi.stop(),
  };
}
