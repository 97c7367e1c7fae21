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
  /** The width of standard output's terminal in columns; undefined when it is not a terminal. */
  stdoutColumns?: number | undefined;
  /** The width of standard error's terminal in columns; undefined when it is not a terminal. */
  stderrColumns?: number | undefined;
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
    stdoutColumns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
    stderrColumns: process.stderr.isTTY === true ? process.stderr.columns : undefined,
    vars: process.env,
    now: () => new Date(),
  };
}

/** An Env for tests and scripts: this process's, with the given fields replaced. */
export function envWith(fields: Partial<Env>): Env {
  return { ...processEnv(), ...fields };
}

/** The width text is laid out to when nothing gives one: pipes, files and CI logs. */
export const DEFAULT_WIDTH = 80;

/** Narrower terminals get this width: below it no table or listing reads well. */
export const MIN_WIDTH = 40;

/** `COLUMNS` when set to a whole number, else 0. */
const columnsVar = (e: Env) =>
  /^\d+$/.test(e.vars.COLUMNS?.trim() ?? "") ? Number(e.vars.COLUMNS) : 0;

/**
 * The columns terminal text (tables, listings) is laid out in: `COLUMNS` when set to a whole
 * number, else the terminal's width when `output` is standard output and a terminal, else
 * {@link DEFAULT_WIDTH}, so that pipes and files get the same bytes whatever the terminal.
 */
export function layoutWidth(e: Env, output?: string): number {
  const fromVar = columnsVar(e);
  const toTerminal = (output === undefined || output === "-") && e.stdoutIsTTY;
  const width = fromVar || (toTerminal && e.stdoutColumns) || DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, width);
}

/**
 * The columns messages on standard error are laid out in when it is a terminal: `COLUMNS` when
 * set, else the terminal's width (at least {@link MIN_WIDTH}). Undefined when it is not a
 * terminal: scripts and CI logs get each message on one line, whatever `COLUMNS` says.
 */
export function stderrWidth(e: Env): number | undefined {
  if (!e.stderrIsTTY) return undefined;
  return Math.max(MIN_WIDTH, columnsVar(e) || e.stderrColumns || DEFAULT_WIDTH);
}
