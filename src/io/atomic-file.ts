import { closeSync, openSync, rmSync } from "node:fs";
import type { Writable } from "node:stream";
import {
  checkTarget,
  describeWriteError,
  ensureFolder,
  type FileOps,
  NODE_FILE_OPS,
  type OutputTarget,
  outputError,
  outputTarget,
  tempPathFor,
  writeAll,
} from "./output.js";

/** Where a streamed output goes: standard output, a device written in place, or a file. */
type Sink =
  | { kind: "stdout"; stream: Writable }
  | { kind: "device"; fd: number }
  | { kind: "file"; fd: number; tmp: string; existed: boolean };

/** Outputs to standard output opened and not yet published or dropped. */
let pendingOnStdout = 0;

/**
 * Whether an output to standard output is still being written. A closed pipe then means that
 * output is incomplete and the run must fail (the output reports it), rather than end quietly
 * as a closed pipe after a finished output may (see main.ts).
 */
export function stdoutOutputPending(): boolean {
  return pendingOnStdout > 0;
}

/**
 * Resolves when a full stream drains, or when it fails or closes instead (a reader that quits
 * early, `| head`): waiting for "drain" alone would then wait forever, and Node would exit 0 with
 * the outputs unwritten. The failure itself is reported by the next write or the commit.
 */
function whenWritable(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("error", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("error", done);
    stream.on("close", done);
  });
}

/**
 * The temporary files of streamed outputs not yet published or dropped. A signal that ends the
 * run (Ctrl-C, `kill`, a closed terminal) would otherwise leave them beside their targets: while
 * there are any, the signal removes them first and then takes its usual course (exit 130 for
 * Ctrl-C, as the shell reports it).
 */
const pendingTemps = new Set<string>();
const ENDING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function removeTempsAndResignal(signal: NodeJS.Signals): void {
  for (const tmp of pendingTemps) rmSync(tmp, { force: true });
  pendingTemps.clear();
  for (const s of ENDING_SIGNALS) process.off(s, removeTempsAndResignal);
  // With no other listener left, the signal's default action ends the process.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function trackTemp(tmp: string): void {
  if (pendingTemps.size === 0) {
    for (const s of ENDING_SIGNALS) process.on(s, removeTempsAndResignal);
  }
  pendingTemps.add(tmp);
}

function untrackTemp(tmp: string): void {
  if (!pendingTemps.delete(tmp) || pendingTemps.size > 0) return;
  for (const s of ENDING_SIGNALS) process.off(s, removeTempsAndResignal);
}

/**
 * A streamed output of the one output seam (see output.ts), opened before a run and committed
 * after it: a temporary file next to the target, every byte checked as it is written, fsynced and
 * renamed into place on commit (readers never see a partial file; nothing is left behind on
 * `abort`); standard output for `-`; the target itself when it is a device or FIFO. Several
 * outputs commit together with {@link commitAll}. Every failure is an InputError naming the
 * option and the path.
 */
export class AtomicOutput {
  private readonly sink: Sink;
  readonly target: OutputTarget;
  private finished = false;
  private streamError: unknown;

  constructor(
    target: string,
    o: { stdout: Writable; cwd?: string; option?: string; ops?: FileOps },
    private readonly ops: FileOps = o.ops ?? NODE_FILE_OPS,
  ) {
    this.target = outputTarget(target, o.cwd ?? process.cwd(), o.option);
    if (target === "-") {
      this.sink = { kind: "stdout", stream: o.stdout };
      pendingOnStdout++;
      o.stdout.on("error", (err) => {
        this.streamError ??= err;
      });
      return;
    }
    const st = checkTarget(this.target);
    if (st && !st.isFile()) {
      this.sink = { kind: "device", fd: this.open(() => openSync(this.target.abs, "w"), true) };
      return;
    }
    ensureFolder(this.target);
    const tmp = tempPathFor(this.target.abs);
    // Opened synchronously so that an unwritable folder fails now, before any row is read.
    const fd = this.open(() => openSync(tmp, "wx", 0o644), st !== undefined);
    trackTemp(tmp);
    this.sink = { kind: "file", fd, tmp, existed: st !== undefined };
  }

  private open(fn: () => number, existed: boolean): number {
    try {
      return fn();
    } catch (err) {
      throw outputError(this.target, describeWriteError(err, this.target.abs), existed);
    }
  }

  private fail(err: unknown): never {
    const existed = this.sink.kind === "file" && this.sink.existed;
    this.abort();
    throw outputError(this.target, describeWriteError(err, this.target.abs), existed);
  }

  /**
   * Writes a chunk: at once and checked for a file or device; for standard output, a promise
   * while the stream is full (backpressure), else undefined.
   */
  write(chunk: string | Uint8Array): Promise<void> | undefined {
    const sink = this.sink;
    if (sink.kind === "stdout") {
      if (this.streamError) this.fail(this.streamError);
      if (sink.stream.write(chunk)) return undefined;
      return whenWritable(sink.stream);
    }
    try {
      writeAll(sink.fd, typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk, this.ops);
    } catch (err) {
      this.fail(err);
    }
    return undefined;
  }

  /** Makes the content durable (fsync) without publishing it; the first half of a commit. */
  finish(): void {
    const sink = this.sink;
    if (this.finished || sink.kind === "stdout") return;
    try {
      if (sink.kind === "file") this.ops.fsyncSync(sink.fd);
    } catch (err) {
      this.fail(err);
    }
  }

  /** Moves the finished file into place; the second half of a commit. */
  publish(): void {
    if (this.finished) return;
    const sink = this.sink;
    if (sink.kind === "stdout") {
      this.finished = true;
      pendingOnStdout--;
      if (this.streamError) this.fail(this.streamError);
      return;
    }
    try {
      closeSync(sink.fd);
    } catch {
      // Closed by a failed write already.
    }
    this.finished = true;
    if (sink.kind === "device") return;
    try {
      checkTarget(this.target);
      this.ops.renameSync(sink.tmp, this.target.abs);
    } catch (err) {
      rmSync(sink.tmp, { force: true });
      if (err instanceof Error && err.name === "InputError") throw err;
      throw outputError(this.target, describeWriteError(err, this.target.abs), sink.existed);
    } finally {
      untrackTemp(sink.tmp);
    }
  }

  /** Finishes the output and moves it into place. */
  async commit(): Promise<void> {
    commitAll([this]);
  }

  /** Drops the output; the target is left as it was. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    const sink = this.sink;
    if (sink.kind === "stdout") {
      pendingOnStdout--;
      return;
    }
    try {
      closeSync(sink.fd);
    } catch {
      // Already closed.
    }
    if (sink.kind === "file") {
      rmSync(sink.tmp, { force: true });
      untrackTemp(sink.tmp);
    }
  }
}

/**
 * Commits outputs together: every one is made durable first, then each is renamed into place,
 * so a failure (a full disk, a kill) before the renames leaves every old file as it was and the
 * renames follow one another within microseconds. On failure all not yet renamed are dropped.
 */
export function commitAll(outputs: readonly AtomicOutput[]): void {
  try {
    for (const o of outputs) o.finish();
    for (const o of outputs) o.publish();
  } catch (err) {
    for (const o of outputs) o.abort();
    throw err;
  }
}
