import type { Writable } from "node:stream";
import { isatty } from "node:tty";

/**
 * The one Env seam: everything a use case reads from its surroundings. `src/cli/` builds it from
 * the process ({@link processEnv}) and passes it to every use case; no use case reads `process.*`
 * itself, so tests pass their own.
 */
export interface Env {
  /** The working directory relative paths are resolved against. */
  cwd: string;
  /** A stand-in for standard input (tests); file descriptor 0 is read when undefined. */
  stdin?: string | Uint8Array | undefined;
  stdout: Writable;
  stderr: Writable;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Environment variables (NO_COLOR, font settings, …). */
  vars: NodeJS.ProcessEnv;
  /** The clock: the only source of "today". */
  now: () => Date;
}

/** The Env of this process. */
export function processEnv(): Env {
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    // Not process.stdin.isTTY: that builds the stdin stream, a few milliseconds of every command's
    // start-up, though most never read standard input.
    stdinIsTTY: isatty(0),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    vars: process.env,
    now: () => new Date(),
  };
}

/** An Env for tests and scripts: this process's, with the given fields replaced. */
export function envWith(fields: Partial<Env>): Env {
  return { ...processEnv(), ...fields };
}
