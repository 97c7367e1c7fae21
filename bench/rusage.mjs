// CPU time and peak memory of child processes, measured by the child itself (bench/rusage.cjs):
// wall time is noisy on a shared machine, CPU time much less so.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "./lib.mjs";

const PRELOAD = path.join(REPO, "bench/rusage.cjs");

/**
 * Runs `node <args>` once; returns its CPU time (ms), peak RSS (MB) and wall time (ms). Exit 0 or
 * 1 only (`statuses` to narrow that).
 */
export function measureNode(args, { cwd = REPO, env = {}, statuses = [0, 1] } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-rusage-"));
  const file = path.join(dir, "rusage.jsonl");
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-r", PRELOAD, ...args], {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ...env, CRM_BENCH_RUSAGE: file },
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (!statuses.includes(r.status)) {
      throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    }
    return { ...JSON.parse(readFileSync(file, "utf8").trim().split("\n").at(-1)), wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs several `node` commands in turn, round after round (after one warm-up round); returns for
 * each the median CPU time (ms) and the largest peak RSS (MB). `envs[c]` adds variables to
 * command c's environment.
 */
export function measureInterleaved(commands, { runs = 5, cwd = REPO, envs = [] } = {}) {
  const samples = commands.map(() => []);
  for (let i = 0; i <= runs; i++) {
    commands.forEach((args, c) => {
      const m = measureNode(args, { cwd, env: envs[c] ?? {} });
      if (i > 0) samples[c].push(m);
    });
  }
  return samples.map((list) => {
    const cpu = list.map((m) => m.cpuMs).sort((a, b) => a - b);
    return { cpuMs: cpu[Math.floor(cpu.length / 2)], rssMb: Math.max(...list.map((m) => m.rssMb)) };
  });
}
