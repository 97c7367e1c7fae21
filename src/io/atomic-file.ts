import { createWriteStream, openSync, renameSync, rmSync, type WriteStream } from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { isStreamTarget, tempPathFor } from "./output.js";

/**
 * An output opened before the run and committed after it: a temporary file next to the target,
 * renamed into place on `commit` (readers never see a partial file; nothing is left behind on
 * `abort`), or standard output for `-`, or the target itself when it is a device or FIFO.
 */
export class AtomicOutput {
  readonly stream: Writable;
  private readonly tmp?: string;
  private finished = false;

  constructor(
    readonly target: string,
    stdout: Writable = process.stdout,
  ) {
    if (target === "-") {
      this.stream = stdout;
      return;
    }
    const abs = path.resolve(target);
    if (isStreamTarget(abs)) {
      this.stream = createWriteStream("", { fd: openSync(abs, "w") });
      return;
    }
    this.tmp = tempPathFor(abs);
    // Opened synchronously so that an unwritable folder fails now, before any row is read.
    const fd = openSync(this.tmp, "wx", 0o644);
    this.stream = createWriteStream("", { fd, flush: true });
  }

  /** Writes with backpressure. */
  async write(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) {
      await new Promise((resolve) => this.stream.once("drain", resolve));
    }
  }

  /** Finishes the file and moves it into place. */
  async commit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (this.target === "-") return;
    const stream = this.stream as WriteStream;
    await new Promise<void>((resolve, reject) => {
      stream.once("error", reject);
      stream.end(() => resolve());
    });
    const tmp = this.tmp;
    if (!tmp) return;
    try {
      renameSync(tmp, path.resolve(this.target));
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }

  /** Drops the output; the target is left as it was. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.target === "-") return;
    const stream = this.stream as WriteStream;
    const tmp = this.tmp;
    if (!tmp) {
      stream.destroy();
      return;
    }
    stream.once("close", () => rmSync(tmp, { force: true }));
    stream.destroy();
    rmSync(tmp, { force: true });
  }
}
