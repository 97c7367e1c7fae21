// Small helpers shared by the benchmarks: timing child processes and printing results.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

export const REPO = path.resolve(new URL("..", import.meta.url).pathname);
export const BIN = path.join(REPO, "bin/crm-maturity.cjs");

/** The answer files of a bundled example client (`examples/<client>/answers/*.yaml`), sorted. */
export function exampleAnswers(client) {
  const dir = path.join(REPO, "examples", client, "answers");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Median of a list of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function timeOnce(cmd, args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return ms;
}

/** Runs a command `runs` times (after one warm-up) and returns the wall times in milliseconds. */
export function timeRuns(cmd, args, { runs = 15, cwd = REPO } = {}) {
  return timeInterleaved([[cmd, args]], { runs, cwd })[0];
}

/**
 * Runs several commands in turn, round after round (after one warm-up round), and returns each
 * one's wall times in milliseconds. Taking turns keeps a ratio between them honest on a machine
 * whose speed drifts: both sides see the same moments.
 */
export function timeInterleaved(commands, { runs = 15, cwd = REPO } = {}) {
  const times = commands.map(() => []);
  for (let i = 0; i <= runs; i++) {
    commands.forEach(([cmd, args], c) => {
      const ms = timeOnce(cmd, args, cwd);
      if (i > 0) times[c].push(ms);
    });
  }
  return times;
}

/** Prints one benchmark line: the figure, its baseline, the ratio and whether it meets the goal. */
export function report(name, value, unit, { baseline, baselineName, goal, goalLabel } = {}) {
  const parts = [`${name}: ${value.toFixed(1)} ${unit}`];
  if (baseline !== undefined) {
    const ratio = value / baseline;
    parts.push(`${baselineName} ${baseline.toFixed(1)} ${unit}`, `ratio ${ratio.toFixed(2)}×`);
    if (goal !== undefined) parts.push(`${ratio <= goal ? "meets" : "MISSES"} goal ≤ ${goal}×`);
  } else if (goal !== undefined) {
    parts.push(`${value <= goal ? "meets" : "MISSES"} goal ${goalLabel ?? `≤ ${goal} ${unit}`}`);
  }
  console.log(parts.join(" · "));
}
