// Preloaded into a measured child (`node -r bench/rusage.cjs …`): at exit, appends the process's
// CPU time (ms) and peak resident memory (MB) as one JSON line to $CRM_BENCH_RUSAGE.
const { appendFileSync, readFileSync } = require("node:fs");

/**
 * Peak RSS in KiB. On Linux, VmHWM of /proc/self/status: getrusage's maxRSS carries over the
 * parent's peak through fork/exec (libuv spawns with vfork), so a child started by a large bench
 * process would report the parent's memory. Elsewhere, getrusage's figure.
 */
function peakRssKiB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

const target = process.env.CRM_BENCH_RUSAGE;
if (target) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
    appendFileSync(target, `${JSON.stringify({ cpuMs, rssMb: peakRssKiB() / 1024 })}\n`);
  });
}
