// Writes a synthetic survey export (N rows × 48 question columns, Qualtrics-like single header
// row) plus a matching 48-question questionnaire and mapping, for bench/batch.bench.mjs.
//   node bench/batch/generate.mjs <dir> <rows>
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const DIMENSIONS = 8;
const PER_DIMENSION = 6;
export const QUESTIONS = DIMENSIONS * PER_DIMENSION;
const LIKERT = [
  "Strongly disagree",
  "Disagree",
  "Neither agree nor disagree",
  "Agree",
  "Strongly agree",
];
const ROLES = ["Executive", "Manager", "Front-line employee", "IT staff"];
const ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DEPARTMENTS = ["Sales", "Service", "Marketing", "Finance", "IT", "Operations"];

const text = (s) => `{ en: ${JSON.stringify(s)}, zh-CN: ${JSON.stringify(`${s}（中文）`)} }`;

/** A 48-question questionnaire: level and likert items, reversed, critical and role-restricted. */
export function writeQuestionnaire(dir) {
  mkdirSync(path.join(dir, "dimensions"), { recursive: true });
  const includes = [];
  for (let d = 0; d < DIMENSIONS; d++) {
    const qs = [];
    for (let q = 0; q < PER_DIMENSION; q++) {
      const id = `d${d}.q${q}`;
      const level = q < 2;
      const lines = [
        `  - id: ${id}`,
        `    type: ${level ? "level" : "likert"}`,
        `    text: ${text(`Question ${q} of dimension ${d}`)}`,
        `    weight: ${1 + (q % 3) * 0.5}`,
      ];
      if (q === 0) lines.push("    critical: true");
      if (q === 4) lines.push("    reverse: true");
      if (q === 5 && d % 2 === 0) lines.push("    roles: [manager, frontline]");
      if (level) {
        lines.push("    levels:");
        for (let l = 1; l <= 5; l++) lines.push(`      ${l}: ${text(`Anchor ${l} of ${id}`)}`);
      }
      qs.push(lines.join("\n"));
    }
    writeFileSync(
      path.join(dir, "dimensions", `d${d}.yaml`),
      `id: d${d}\ntitle: ${text(`Dimension ${d}`)}\npillar: process\nweight: ${1 + (d % 2)}\ntarget: 3\nquestions:\n${qs.join("\n")}\n`,
    );
    includes.push(`  - dimensions/d${d}.yaml`);
  }
  const scale = [1, 2, 3, 4, 5]
    .map(
      (l) => `  - { level: ${l}, name: ${text(`Level ${l}`)}, description: ${text(`Level ${l}`)} }`,
    )
    .join("\n");
  const roles = ["executive", "manager", "frontline", "it"]
    .map((r, i) => `  - { id: ${r}, name: { en: ${JSON.stringify(ROLES[i])}, zh-CN: 角色${i} } }`)
    .join("\n");
  writeFileSync(
    path.join(dir, "questionnaire.yaml"),
    `id: bench\nversion: 1.0.0\nlanguages: [en, zh-CN]\ntitle: ${text("Bench")}\nscale:\n${scale}\nroles:\n${roles}\ninclude:\n${includes.join("\n")}\n`,
  );
  const questions = [];
  for (let d = 0; d < DIMENSIONS; d++) {
    for (let q = 0; q < PER_DIMENSION; q++)
      questions.push(`  Q${d * PER_DIMENSION + q + 1}: d${d}.q${q}`);
  }
  writeFileSync(
    path.join(dir, "mapping.yaml"),
    `assessment:\n  client: { name: Bench Co }\n  date: 2024-03-31\n  assessor: Bench\n  questionnaire: { id: bench, version: 1.0.0 }\npreset: generic\nrespondent:\n  id: ResponseId\n  role: { column: Role }\ngroupBy: [Department]\nexclude:\n  - { column: Finished, equals: ["0"], reason: unfinished response }\nquestions:\n${questions.join("\n")}\n`,
  );
}

/** Distinct teams: a `--group-by Team` run has this many groups. */
export const TEAMS = 1000;

/** Writes the export: ids, role, department, finished flag, 48 answers (numbers and labels), team. */
export async function writeExport(file, rows) {
  const out = createWriteStream(file);
  const header = ["ResponseId", "StartDate", "Finished", "Role", "Department"];
  for (let q = 1; q <= QUESTIONS; q++) header.push(`Q${q}`);
  header.push("Team");
  out.write(`${header.join(",")}\n`);
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  let chunk = "";
  for (let r = 0; r < rows; r++) {
    // Qualtrics-like response ids: R_ and 15 random letters and digits (so sorting is real work).
    let id = "R_";
    for (let k = 0; k < 15; k++) id += ALNUM[Math.floor(rand() * ALNUM.length)];
    const cells = [
      id,
      "2024-03-01 09:12:44",
      rand() < 0.02 ? "0" : "1",
      ROLES[Math.floor(rand() * 4)],
      DEPARTMENTS[Math.floor(rand() * 6)],
    ];
    const base = 1 + Math.floor(rand() * 5);
    for (let q = 0; q < QUESTIONS; q++) {
      const x = rand();
      const v = Math.min(5, Math.max(1, base + (x < 0.3 ? -1 : x > 0.7 ? 1 : 0)));
      if (x < 0.02) cells.push("");
      else if (x > 0.99) cells.push("N/A");
      else if (q % 2 === 0) cells.push(String(v));
      else cells.push(LIKERT[v - 1]);
    }
    // Not from rand(), so the other cells are those of the exports without this column.
    cells.push(`T${String((r * 7919) % TEAMS).padStart(3, "0")}`);
    chunk += `${cells.join(",")}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise((resolve) => out.end(resolve));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, rows] = process.argv.slice(2);
  mkdirSync(dir, { recursive: true });
  writeQuestionnaire(dir);
  await writeExport(path.join(dir, "export.csv"), Number(rows));
}
