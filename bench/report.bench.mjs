// Cold-start time to render the demo clients' gap reports through the CLI, as Markdown, PDF, Word
// and PowerPoint, in English (Acme) and Chinese (Huaxin, whose PDF embeds a CJK font subset): wall
// time with its ratio to `node -e 0`, then CPU time (measured by the child, taking turns with
// `node -e 0`) against the goals: PDF under 1.0 s, Word and PowerPoint under 1.5 s.
// The font facts cache (src/io/font-facts.ts) lives in a fresh folder, filled by the warm-up run;
// the Chinese PDF is also timed without it, as a first run on a machine pays.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BIN, exampleAnswers, median, REPO, report, timeRuns } from "./lib.mjs";
import { measureInterleaved } from "./rusage.mjs";

const CPU_GOAL_MS = { pdf: 1000, docx: 1500, pptx: 1500 };
// CRM_BENCH_FORMATS=pdf (a comma list) times only those formats.
const FORMATS = ["md", "pdf", "docx", "pptx"].filter(
  (f) => !process.env.CRM_BENCH_FORMATS || process.env.CRM_BENCH_FORMATS.split(",").includes(f),
);

const RUNS = 10;
const out = mkdtempSync(path.join(tmpdir(), "crm-bench-report-"));
process.env.CRM_MATURITY_CACHE_DIR = path.join(out, "cache");
const node0 = median(timeRuns(process.execPath, ["-e", "0"], { runs: RUNS }));
const base = { baseline: node0, baselineName: "node -e 0" };

const argsFor = (client) => {
  const dir = path.join(REPO, "examples", client);
  return [...exampleAnswers(client), "--targets", path.join(dir, "targets.yaml")];
};

for (const [client, lang] of [
  ["acme-manufacturing", "en"],
  ["huaxin-retail", "zh-CN"],
]) {
  for (const format of FORMATS) {
    const file = path.join(out, `${client}.${format}`);
    const args = [
      BIN,
      "report",
      ...argsFor(client),
      "--lang",
      lang,
      "--format",
      format,
      "-o",
      file,
    ];
    const ms = median(timeRuns(process.execPath, args, { runs: RUNS }));
    const name = `report examples/${client} --format ${format} --lang ${lang} (median of ${RUNS})`;
    report(name, ms, "ms", base);
    const [node0Cpu, cpu] = measureInterleaved([["-e", "0"], args], { runs: RUNS }).map(
      (m) => m.cpuMs,
    );
    report(`  CPU (median of ${RUNS}, taking turns)`, cpu, "ms", {
      baseline: node0Cpu,
      baselineName: "node -e 0",
    });
    const goal = CPU_GOAL_MS[format];
    if (goal !== undefined) {
      report("  CPU against the goal", cpu, "ms", { goal, goalLabel: `< ${goal} ms` });
    }
    if (format === "pdf" && lang === "zh-CN") {
      const [warm, first] = measureInterleaved([args, args], {
        runs: RUNS,
        envs: [{}, { CRM_MATURITY_CACHE_DIR: "" }],
      }).map((m) => m.cpuMs);
      report(`  CPU without the font facts cache (median of ${RUNS}, taking turns)`, first, "ms", {
        baseline: warm,
        baselineName: "with it",
      });
    }
  }
}
rmSync(out, { recursive: true, force: true });
