// Preloaded into a measured child (`node -r bench/rusage.cjs …`): at exit, appends the process's
// CPU time (ms) and peak resident memory (MB) as one JSON line to $CRM_BENCH_RUSAGE.
const { appendFileSync } = require("node:fs");

const target = process.env.CRM_BENCH_RUSAGE;
if (target) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
    appendFileSync(target, `${JSON.stringify({ cpuMs, rssMb: u.maxRSS / 1024 })}\n`);
  });
}
