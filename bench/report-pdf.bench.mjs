// The PDF renderer: cold CLI time for the demo gap report in English (standard Helvetica, nothing
// embedded) and in Chinese (a subset of a CJK font embedded), against the 1.5 s goal, then where an
// in-process render spends its time: laying out text versus finishing the file (font subsetting
// and stream compression happen in pdfkit's end()).
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BIN, median, REPO, report, timeRuns } from "./lib.mjs";

const RUNS = 7;
const dist = (p) => path.join(REPO, "dist", p);
if (!existsSync(dist("report/render/pdf.js"))) {
  console.log("report --format pdf: skipped (run npm run build first)");
  process.exit(0);
}
const clients = {
  en: path.join(REPO, "examples/acme-manufacturing"),
  "zh-CN": path.join(REPO, "examples/huaxin-retail"),
};
const out = mkdtempSync(path.join(tmpdir(), "crm-bench-pdf-"));
const node0 = median(timeRuns(process.execPath, ["-e", "0"], { runs: RUNS }));

const argsFor = (lang) => {
  const dir = existsSync(clients[lang])
    ? clients[lang]
    : path.join(REPO, "test/fixtures/report/acme");
  const answers = readdirSync(path.join(dir, "answers"))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => path.join(dir, "answers", f));
  const targets = path.join(dir, "targets.yaml");
  return { dir, answers, targets: existsSync(targets) ? targets : undefined };
};

for (const lang of ["en", "zh-CN"]) {
  const { dir, answers, targets } = argsFor(lang);
  const args = [BIN, "report", ...answers, ...(targets ? ["--targets", targets] : [])];
  args.push("--lang", lang, "--format", "pdf", "-o", path.join(out, `report.${lang}.pdf`));
  const ms = median(timeRuns(process.execPath, args, { runs: RUNS }));
  const name = `report ${path.relative(REPO, dir)} --format pdf --lang ${lang} (cold CLI, median of ${RUNS})`;
  report(name, ms, "ms", { baseline: node0, baselineName: "node -e 0" });
  report(`  against the goal`, ms, "ms", { goal: 1500, goalLabel: "< 1500 ms" });
}

// In process: build each model once, then time the renderer, split at pdfkit's end().
const { resolveQuestionnaire } = await import(dist("questionnaire/bundled.js"));
const { loadTargetsFile } = await import(dist("answers/load.js"));
const { loadReportInputs } = await import(dist("report/inputs.js"));
const { buildReport } = await import(dist("report/build.js"));
const { renderPdf } = await import(dist("report/render/pdf.js"));
const { default: PDFDocument } = await import("pdfkit");
let endMs = 0;
const end = PDFDocument.prototype.end;
PDFDocument.prototype.end = function (...a) {
  const t = performance.now();
  this.once("end", () => {
    endMs += performance.now() - t;
  });
  return end.apply(this, a);
};
const questionnaire = resolveQuestionnaire(undefined, REPO);
for (const lang of ["en", "zh-CN"]) {
  const { answers, targets } = argsFor(lang);
  const t = targets ? loadTargetsFile(targets, questionnaire, { cwd: REPO }).targets : undefined;
  const { value } = loadReportInputs(answers, questionnaire, { cwd: REPO, targets: t });
  const model = buildReport(value.results, questionnaire, { lang, respondents: value.respondents });
  const totals = [];
  const ends = [];
  for (let i = 0; i < RUNS; i++) {
    endMs = 0;
    const t0 = performance.now();
    await renderPdf(model, {});
    totals.push(performance.now() - t0);
    ends.push(endMs);
  }
  const total = median(totals);
  const finish = median(ends);
  report(`renderPdf ${lang} in process (warm, median of ${RUNS})`, total, "ms");
  console.log(
    `  layout ${(total - finish).toFixed(1)} ms · end() (font subset + compression) ${finish.toFixed(1)} ms`,
  );
}
