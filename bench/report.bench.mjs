// Cold-start time to render the demo client's gap report via the CLI: Markdown, and PDF once the
// PDF renderer exists (goal: under 1.5 s). Each figure is printed with its ratio to `node -e 0`.
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BIN, median, REPO, report, timeRuns } from "./lib.mjs";

const RUNS = 10;
const demo = path.join(REPO, "examples/acme-manufacturing");
const client = existsSync(demo) ? demo : path.join(REPO, "test/fixtures/report/acme");
const answers = readdirSync(path.join(client, "answers"))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => path.join(client, "answers", f));
const targets = path.join(client, "targets.yaml");
const common = [...answers, ...(existsSync(targets) ? ["--targets", targets] : [])];
const out = mkdtempSync(path.join(tmpdir(), "crm-bench-report-"));
const label = path.relative(REPO, client);

const node0 = median(timeRuns(process.execPath, ["-e", "0"], { runs: RUNS }));
const base = { baseline: node0, baselineName: "node -e 0" };

const md = median(
  timeRuns(process.execPath, [BIN, "report", ...common, "-o", path.join(out, "report.md")], {
    runs: RUNS,
  }),
);
report(`report ${label} --format md (median of ${RUNS})`, md, "ms", base);

const mdZh = median(
  timeRuns(
    process.execPath,
    [BIN, "report", ...common, "--lang", "zh-CN", "-o", path.join(out, "report.zh-CN.md")],
    { runs: RUNS },
  ),
);
report(`report ${label} --format md --lang zh-CN (median of ${RUNS})`, mdZh, "ms", base);

if (existsSync(path.join(REPO, "dist/report/render/pdf.js"))) {
  const pdf = median(
    timeRuns(
      process.execPath,
      [BIN, "report", ...common, "--format", "pdf", "-o", path.join(out, "report.pdf")],
      { runs: RUNS },
    ),
  );
  report(`report ${label} --format pdf (median of ${RUNS})`, pdf, "ms", base);
  report("report --format pdf against the goal", pdf, "ms", { goal: 1500, goalLabel: "< 1500 ms" });
} else {
  console.log("report --format pdf: skipped (dist/report/render/pdf.js not built yet)");
}
