// A report from results of a million respondents against the same report from the example
// client's results (goal: within 1.5× in CPU time, peak RSS under 200 MB), as Markdown and PDF.
// The million-respondent results are the example client's, with a generated roster and counts
// (written here, never committed): scores, risks and roadmap are the same, only the size differs.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BIN, exampleAnswers, REPO, report } from "./lib.mjs";
import { measureInterleaved } from "./rusage.mjs";

const RUNS = 5;
const RESPONDENTS = 1_000_000;
const dir = mkdtempSync(path.join(tmpdir(), "crm-bench-scale-"));
const client = path.join(REPO, "examples", "acme-manufacturing");
const small = path.join(dir, "acme.json");
const answers = exampleAnswers("acme-manufacturing");
const scored = spawnSync(process.execPath, [
  BIN,
  "score",
  ...answers,
  "--targets",
  path.join(client, "targets.yaml"),
  "--format",
  "json",
  "-o",
  small,
]);
if (scored.status !== 0) throw new Error(`score failed: ${scored.stderr}`);

/** The results with `n` respondents, written in `batch`'s layout (JSON.stringify(…, null, 2)). */
function writeLargeResults(file, n) {
  const results = JSON.parse(readFileSync(small, "utf8"));
  const roles = results.respondents.map((r) => r.role);
  const byRole = Object.fromEntries(Object.keys(results.respondentsByRole).map((k) => [k, 0]));
  for (let i = 0; i < n; i++) byRole[roles[i % roles.length]]++;
  const token = "@@roster@@";
  const text = `${JSON.stringify({ ...results, respondents: token, respondentsByRole: byRole }, null, 2)}\n`;
  const at = text.indexOf(`"${token}"`);
  const fd = openSync(file, "w");
  writeSync(fd, `${text.slice(0, at)}[`);
  let buf = "";
  for (let i = 0; i < n; i++) {
    const id = `r${String(i).padStart(7, "0")}`;
    buf += `${i ? "," : ""}\n    {\n      "id": "${id}",\n      "role": "${roles[i % roles.length]}"\n    }`;
    if (buf.length > 1 << 16) {
      writeSync(fd, buf);
      buf = "";
    }
  }
  writeSync(fd, `${buf}\n  ]${text.slice(at + token.length + 2)}`);
  closeSync(fd);
}
const large = path.join(dir, "million.json");
writeLargeResults(large, RESPONDENTS);

for (const format of ["md", "pdf"]) {
  const args = (input) => [
    BIN,
    "report",
    input,
    "--format",
    format,
    "-o",
    path.join(dir, `out.${format}`),
  ];
  const [base, big] = measureInterleaved([args(small), args(large)], { runs: RUNS });
  report(
    `report --format ${format} from ${RESPONDENTS.toLocaleString("en")}-respondent results, CPU (median of ${RUNS})`,
    big.cpuMs,
    "ms",
    { baseline: base.cpuMs, baselineName: "from the example client's results", goal: 1.5 },
  );
  report(`  peak RSS (baseline ${base.rssMb.toFixed(1)} MB)`, big.rssMb, "MB", {
    goal: 200,
    goalLabel: "< 200 MB",
  });
}

// The 61 MB file is not kept.
rmSync(dir, { recursive: true, force: true });
