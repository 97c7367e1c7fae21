// Cold-start cost of `validate` on the bundled pack versus a bare Node start (wall and CPU time),
// and validation of a generated 2,000-question questionnaire.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BIN, median, report, timeInterleaved, timeRuns } from "./lib.mjs";
import { measureInterleaved } from "./rusage.mjs";

const RUNS = 21;
const [node0, validate] = timeInterleaved(
  [
    [process.execPath, ["-e", "0"]],
    [process.execPath, [BIN, "validate", "questionnaires/"]],
  ],
  { runs: RUNS },
).map(median);
report(
  `validate questionnaires/ (median of ${RUNS}, taking turns with node -e 0)`,
  validate,
  "ms",
  {
    baseline: node0,
    baselineName: "node -e 0",
    goal: 2.5,
  },
);

// The same in CPU time (goal ≤ 2×), which the machine's other work disturbs much less.
const [node0Cpu, validateCpu] = measureInterleaved(
  [
    ["-e", "0"],
    [BIN, "validate", "questionnaires/"],
  ],
  { runs: RUNS },
).map((m) => m.cpuMs);
report(`validate questionnaires/, CPU (median of ${RUNS}, taking turns)`, validateCpu, "ms", {
  baseline: node0Cpu,
  baselineName: "node -e 0",
  goal: 2,
});

// 2,000 questions: 40 dimensions × 50 level questions, each with five bilingual anchors.
const dir = mkdtempSync(path.join(tmpdir(), "crm-bench-"));
mkdirSync(path.join(dir, "dimensions"));
const text = (s) => `{ en: "${s}", zh-CN: "${s}（中文）" }`;
const scale = [1, 2, 3, 4, 5]
  .map(
    (l) =>
      `  - { level: ${l}, name: ${text(`Level ${l}`)}, description: ${text(`Level ${l} practice`)} }`,
  )
  .join("\n");
const includes = [];
for (let d = 0; d < 40; d++) {
  const qs = [];
  for (let q = 0; q < 50; q++) {
    const anchors = [1, 2, 3, 4, 5]
      .map((l) => `      ${l}: ${text(`Anchor ${l} of question ${q}`)}`)
      .join("\n");
    qs.push(
      `  - id: d${d}.q${q}\n    type: level\n    text: ${text(`Question ${q} of dimension ${d}?`)}\n    help: ${text("Probe for evidence.")}\n    levels:\n${anchors}`,
    );
  }
  const recs = [0, 1, 2]
    .map(
      (r) =>
        `  - id: d${d}.r${r}\n    phase: ${["rigidify", "optimise", "solidify"][r]}\n    appliesBelow: 4\n    title: ${text(`Action ${r}`)}\n    actions: [${text("Do it")}]\n    owner: executive\n    weeks: 4\n    kpis: [${text("Measured")}]${r ? `\n    dependsOn: [d${d}.r${r - 1}]` : ""}`,
    )
    .join("\n");
  writeFileSync(
    path.join(dir, "dimensions", `d${d}.yaml`),
    `id: d${d}\ntitle: ${text(`Dimension ${d}`)}\npillar: process\nweight: 1\ntarget: 3\nquestions:\n${qs.join("\n")}\nrisks:\n  - id: d${d}.risk\n    title: ${text("Risk")}\n    severity: high\n    when: { dimension: d${d}, below: 2 }\n    mitigation: ${text("Mitigate")}\nrecommendations:\n${recs}\n`,
  );
  includes.push(`  - dimensions/d${d}.yaml`);
}
writeFileSync(
  path.join(dir, "questionnaire.yaml"),
  `id: big\nversion: 1.0.0\nlanguages: [en, zh-CN]\ntitle: ${text("Big")}\nscale:\n${scale}\nroles:\n  - { id: executive, name: ${text("Executive")} }\ninclude:\n${includes.join("\n")}\n`,
);
const big = median(timeRuns(process.execPath, [BIN, "validate", dir], { runs: 5 }));
report("validate 2,000-question questionnaire (median of 5)", big, "ms", {
  goal: 1000,
  goalLabel: "< 1000 ms",
});
rmSync(dir, { recursive: true, force: true });
