// `score` on an 8 MB answers file with about 3,000 findings (answers to questions not put to the
// respondent's role, each a located warning) against the same file without them (goal: within
// 1.5× in CPU time). Locating a finding used to parse the whole file again with positions.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsYaml from "js-yaml";
import { BIN, REPO, report } from "./lib.mjs";
import { measureInterleaved } from "./rusage.mjs";

const RUNS = 3;
const RESPONDENTS = 3_000;
const dimensions = path.join(REPO, "questionnaires/crm-maturity/dimensions");
const questions = readdirSync(dimensions)
  .sort()
  .flatMap((f) => jsYaml.load(readFileSync(path.join(dimensions, f), "utf8")).questions);
// Frontline respondents answer every question open to them and, with findings, one that is not.
const open = questions.filter((q) => !q.roles || q.roles.includes("frontline")).map((q) => q.id);
const closed = questions.find((q) => q.roles && !q.roles.includes("frontline")).id;

/** An answers file of `n` frontline respondents, each answer with a note; `findings` adds one warning each. */
function answersText(n, findings) {
  const lines = [
    "assessment:",
    "  client:",
    '    name: "Scale Test Ltd."',
    "  date: 2026-03-16",
    '  assessor: "Bench"',
    "  questionnaire:",
    "    id: crm-maturity",
    "    version: 2.1.0",
    "respondents:",
  ];
  for (let i = 0; i < n; i++) {
    lines.push(`  - id: r${i}`, "    role: frontline", "    answers:");
    const ids = findings ? [...open, closed] : open;
    ids.forEach((id, k) => {
      lines.push(
        `      ${id}:`,
        `        value: ${1 + ((i + k) % 5)}`,
        `        note: "Respondent ${i} on ${id}: seen in the weekly review."`,
      );
    });
  }
  return `${lines.join("\n")}\n`;
}

const dir = mkdtempSync(path.join(tmpdir(), "crm-bench-answers-"));
const clean = path.join(dir, "clean.yaml");
const warned = path.join(dir, "warned.yaml");
writeFileSync(clean, answersText(RESPONDENTS, false));
writeFileSync(warned, answersText(RESPONDENTS, true));
const mb = (f) => (readFileSync(f).length / 1024 / 1024).toFixed(1);

const args = (input) => [BIN, "score", input, "--format", "json", "-o", path.join(dir, "out.json")];
const [base, big] = measureInterleaved([args(clean), args(warned)], { runs: RUNS });
report(
  `score on a ${mb(warned)} MB answers file with ${RESPONDENTS.toLocaleString("en")} located warnings, CPU (median of ${RUNS})`,
  big.cpuMs,
  "ms",
  { baseline: base.cpuMs, baselineName: `the same ${mb(clean)} MB file without them`, goal: 1.5 },
);
report(`  peak RSS (baseline ${base.rssMb.toFixed(1)} MB)`, big.rssMb, "MB");

rmSync(dir, { recursive: true, force: true });
