// The interview's autosave: the cost of saving one answer (the respondent's answers set, checked,
// rendered and the file written atomically) with 1 and with 50 respondents in the answers file.
// Goal: the same cost whatever the file holds (≤ 1.5×). The whole-document render every save
// used to do is printed beside it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { median, REPO, report } from "./lib.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "crm-bench-autosave-"));
// The interview's own functions, bundled from the sources for this process.
const entry = path.join(dir, "entry.ts");
writeFileSync(
  entry,
  [
    `export * from ${JSON.stringify(path.join(REPO, "src/interview/document.ts"))};`,
    `export { writeFileAtomic } from ${JSON.stringify(path.join(REPO, "src/io/output.ts"))};`,
  ].join("\n"),
);
const bundle = path.join(dir, "autosave.mjs");
await build({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: bundle,
  logLevel: "warning",
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
const m = await import(pathToFileURL(bundle).href);

const QUESTIONS = Array.from({ length: 48 }, (_, i) => `q${i}`);
const ORDER = new Map(QUESTIONS.map((id, i) => [id, i]));

/** An answers file with `n` respondents who answered every question, some with notes. */
function answersText(n) {
  const lines = [
    "# yaml-language-server: $schema=../schema/answers.schema.json",
    "assessment:",
    "  client: { name: Acme }",
    "  date: 2026-03-02",
    "  assessor: Jane",
    "  questionnaire: { id: crm-maturity, version: 2.0.0 }",
    "respondents:",
  ];
  for (let r = 0; r < n; r++) {
    lines.push(`  - id: r${r}`, "    role: manager", "    answers:");
    for (const [i, q] of QUESTIONS.entries()) {
      if (i % 6 === 0) {
        lines.push(
          `      ${q}:`,
          `        value: ${(i % 5) + 1}`,
          `        note: Seen in the CRM, ${q}.`,
        );
      } else lines.push(`      ${q}: ${(i % 5) + 1} # checked`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const SAVES = 200;
/**
 * Median CPU time (ms) of one save of the last respondent's answers, done `way`. CPU time, not
 * wall time: the fsync's wait for the disk is the same for every file size and noisy here.
 */
function saveCost(respondents, way) {
  const file = path.join(dir, `answers-${respondents}-${way}.yaml`);
  const text = answersText(respondents);
  writeFileSync(file, text);
  const doc = m.parseAnswersDocument(text);
  const answersText_ = new m.AnswersText(doc, "yaml");
  const index = respondents - 1;
  const times = [];
  for (let i = 0; i < SAVES; i++) {
    const answers = { ...m.respondentOf(doc, index).answers, [QUESTIONS[i % 48]]: (i % 5) + 1 };
    const start = process.cpuUsage();
    m.setRespondentAnswers(doc, index, answers, ORDER);
    if (way === "in place") {
      m.respondentOf(doc, index);
      m.writeFileAtomic(file, answersText_.withRespondent(index));
    } else {
      m.answersOf(doc);
      m.writeFileAtomic(file, m.renderAnswersDocument(doc, "yaml"));
    }
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  if (way === "in place" && !answersText_.inPlace) throw new Error("the save was not in place");
  return median(times.slice(10));
}

const one = saveCost(1, "in place");
const fifty = saveCost(50, "in place");
report(
  `autosave of one answer, 50 respondents in the file, CPU (median of ${SAVES})`,
  fifty,
  "ms",
  {
    baseline: one,
    baselineName: "1 respondent",
    goal: 1.5,
  },
);
const wholeOne = saveCost(1, "whole");
const wholeFifty = saveCost(50, "whole");
report("  the whole-document save it replaces, 50 respondents", wholeFifty, "ms", {
  baseline: wholeOne,
  baselineName: "1 respondent",
});

rmSync(dir, { recursive: true, force: true });
