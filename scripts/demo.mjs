// The README demo: validates the bundled pack, scores an example client and writes its gap report
// and roadmap as Markdown and PDF into out/. `node scripts/demo.mjs zh-CN` runs the Chinese example.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const lang = process.argv[2] === "zh-CN" ? "zh-CN" : "en";
const client = lang === "zh-CN" ? "huaxin-retail" : "acme-manufacturing";
const root = path.resolve(new URL("..", import.meta.url).pathname);
const bin = path.join(root, "bin/crm-maturity.cjs");
const example = path.join("examples", client);
const answers = path.join(example, "answers");
const inputs = readdirSync(path.join(root, answers))
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => path.join(answers, f));
const common = [...inputs, "--targets", path.join(example, "targets.yaml"), "--lang", lang];

// Echo the command as a user would type it, with the answers as a glob.
const shown = (args) =>
  args
    .filter((a) => !inputs.includes(a) || a === inputs[0])
    .map((a) => (a === inputs[0] ? path.join(answers, "*.yaml") : a))
    .join(" ");

const run = (args) => {
  console.log(`\n$ crm-maturity ${shown(args)}`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 2);
};

mkdirSync(path.join(root, "out"), { recursive: true });
run(["validate", "questionnaires/"]);
run(["score", ...common]);
const written = [];
for (const kind of ["report", "roadmap"]) {
  for (const format of ["md", "pdf"]) {
    const out = path.join("out", `${client}-${kind}.${lang}.${format}`);
    run([kind, ...common, "--format", format, "-o", out]);
    written.push(out);
  }
}
console.log(`\nWritten:\n${written.map((f) => `  ${f}`).join("\n")}`);
