import { spawnSync } from "node:child_process";
import { closeSync, openSync, readdirSync } from "node:fs";
import path from "node:path";

/** The repository root, for locating the built binary and bundled files. */
export const REPO = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(REPO, "bin/crm-maturity.cjs");

/** The answer files of a bundled example client (`examples/<client>/answers/*.yaml`), sorted. */
export function exampleAnswers(client: string): string[] {
  const dir = path.join(REPO, "examples", client, "answers");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => path.join(dir, f));
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would (no TTY), returning its output and exit code. */
export function runCli(
  args: string[],
  opts: {
    cwd?: string;
    input?: string | Buffer;
    env?: Record<string, string>;
    /** Standard output goes to this file (e.g. /dev/full) instead of a pipe. */
    stdoutFile?: string;
  } = {},
): CliResult {
  const fd = opts.stdoutFile === undefined ? undefined : openSync(opts.stdoutFile, "w");
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? REPO,
      input: opts.input,
      // GITHUB_WORKSPACE moves validate's github and sarif paths, COLUMNS the terminal layouts'
      // width: unset unless a test sets them.
      env: {
        ...process.env,
        NO_COLOR: "",
        FORCE_COLOR: "",
        GITHUB_WORKSPACE: "",
        COLUMNS: "",
        ...opts.env,
      },
      encoding: "utf8",
      timeout: 60_000,
      ...(fd === undefined ? {} : { stdio: ["pipe", fd, "pipe"] as const }),
    });
    return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Runs the CLI as runCli does, and lists the packages it loaded by name and the folders they were
 * loaded from (test/helpers/trace-requires.cjs prints them on standard error, and they are taken
 * out of `stderr`).
 */
export function runCliTraced(
  args: string[],
  opts: Parameters<typeof runCli>[1] = {},
): CliResult & { loaded: string[]; folders: string[] } {
  const hook = path.join(REPO, "test/helpers/trace-requires.cjs");
  const r = runCli(args, { ...opts, env: { ...opts.env, NODE_OPTIONS: `--require ${hook}` } });
  const lines = (tag: string) =>
    [...r.stderr.matchAll(new RegExp(`^${tag}: (.+)\n`, "gm"))].map((m) => m[1] ?? "");
  return {
    ...r,
    stderr: r.stderr.replace(/^(?:loaded|from): .+\n/gm, ""),
    loaded: lines("loaded"),
    folders: lines("from").map((line) => line.slice(line.indexOf(" ") + 1)),
  };
}

/** True when text looks like a JavaScript stack trace. */
export const hasStackTrace = (text: string): boolean => /\n\s+at .+[:(].*\d+:\d+/.test(text);
