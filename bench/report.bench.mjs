// Cold-start time to render the demo clients' gap reports through the CLI, as Markdown, PDF, Word
// and PowerPoint (goal for PDF, DOCX and PPTX: under 1.5 s), in English (Acme) and Chinese (Huaxin,
// whose PDF embeds a CJK font subset). Each figure is printed with its ratio to `node -e 0`.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BIN, median, REPO, report, timeRuns } from "./lib.mjs";

const RUNS = 10;
const out = mkdtempSync(path.join(tmpdir(), "crm-bench-report-"));
const node0 = median(timeRuns(process.execPath, ["-e", "0"], { runs: RUNS }));
const base = { baseline: node0, baselineName: "node -e 0" };

const argsFor = (client) => {
  const dir = path.join(REPO, "examples", client);
  const answers = readdirSync(path.join(dir, "answers"))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => path.join(dir, "answers", f));
  return [...answers, "--targets", path.join(dir, "targets.yaml")];
};

for (const [client, lang] of [
  ["acme-manufacturing", "en"],
  ["huaxin-retail", "zh-CN"],
]) {
  for (const format of ["md", "pdf", "docx", "pptx"]) {
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
    if (format !== "md")
      report("  against the goal", ms, "ms", { goal: 1500, goalLabel: "< 1500 ms" });
  }
}
