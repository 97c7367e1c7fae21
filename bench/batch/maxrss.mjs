// Preloaded with `node --import` by bench/batch.bench.mjs: when the process exits, writes its
// peak resident set size (KiB) and CPU time (µs) as JSON to the file named by MAXRSS_FILE.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.MAXRSS_FILE) {
    const u = process.resourceUsage();
    writeFileSync(
      process.env.MAXRSS_FILE,
      JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }),
    );
  }
});
