// `batch` end to end on a generated export (48 question columns) versus csv-parse alone parsing
// the same file in the same run, and peak memory at 100k and 1M rows.
// Goals (issue 4): ≤ 1.5× csv-parse at 1,000,000 rows; peak RSS < 300 MB at any size.
//   node bench/batch.bench.mjs            (100k and 1M rows; the files are cached in .bench/)
//   BATCH_BENCH_ROWS=20000 node bench/batch.bench.mjs
//   BATCH_BENCH_ROWS=100000,1000000,3000000 node bench/batch.bench.mjs   (1.4 GB file, ~2 min)
// Then the XLSX figure: `batch` on the same data saved as a workbook against the CSV, in rows per
// second and peak RSS (BATCH_BENCH_XLSX_ROWS, default the first size).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeExport, writeQuestionnaire } from "./batch/generate.mjs";
import { csvToXlsx } from "./batch/to-xlsx.mjs";
import { BIN, REPO, report } from "./lib.mjs";

const DIR = path.join(REPO, ".bench/batch");
const PRELOAD = path.join(REPO, "bench/batch/maxrss.mjs");

/** Runs node with `args`: wall time (ms), CPU time (user + system, ms) and peak RSS (MB). */
function measure(args) {
  const rssFile = path.join(DIR, `maxrss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", PRELOAD, ...args], {
    cwd: REPO,
    env: { ...process.env, MAXRSS_FILE: rssFile },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const usage = JSON.parse(readFileSync(rssFile, "utf8"));
  rmSync(rssFile, { force: true });
  return { ms, cpuMs: usage.cpu / 1000, rssMB: usage.maxRSS / 1024 };
}

/** Generates (or reuses) the export with `rows` rows; returns its path. */
async function exportWith(rows) {
  mkdirSync(DIR, { recursive: true });
  writeQuestionnaire(DIR);
  const file = path.join(DIR, `export-${rows}.csv`);
  const marker = `${file}.done`;
  if (!existsSync(marker)) {
    await writeExport(file, rows);
    writeFileSync(marker, "");
  }
  return file;
}

/** The same export as an XLSX workbook (cached beside the CSV). */
async function xlsxWith(rows) {
  const csv = await exportWith(rows);
  const file = csv.replace(/\.csv$/, ".xlsx");
  const marker = `${file}.done`;
  if (!existsSync(marker)) {
    await csvToXlsx(csv, file);
    writeFileSync(marker, "");
  }
  return file;
}

const batchArgs = (file) => [
  BIN,
  "batch",
  file,
  "--map",
  path.join(DIR, "mapping.yaml"),
  "-q",
  path.join(DIR, "questionnaire.yaml"),
  "-o",
  path.join(DIR, "results.json"),
];

/** `batch` on the XLSX and on the CSV of the same data: rows per second and peak RSS. */
export async function benchXlsx(rows) {
  const xlsx = await xlsxWith(rows);
  const csv = await exportWith(rows);
  return { rows, xlsx: measure(batchArgs(xlsx)), csv: measure(batchArgs(csv)) };
}

/** Measures one size: csv-parse alone, then `batch` end to end (results JSON to a file). */
export async function benchBatch(rows) {
  const file = await exportWith(rows);
  const parse = measure([path.join(REPO, "bench/batch/parse-only.mjs"), file]);
  const batch = measure(batchArgs(file));
  return { rows, parse, batch };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.env.BATCH_BENCH_ROWS
    ? process.env.BATCH_BENCH_ROWS.split(",").map(Number)
    : [100_000, 1_000_000];
  const rss = [];
  const parseRss = [];
  for (const rows of sizes) {
    const { parse, batch } = await benchBatch(rows);
    const n = rows.toLocaleString("en-US");
    report(`batch ${n} rows × 48 questions, end to end`, batch.ms, "ms", {
      baseline: parse.ms,
      baselineName: "csv-parse alone",
      goal: rows >= 1_000_000 ? 1.5 : undefined,
    });
    report(`batch ${n} rows, CPU time (user + system)`, batch.cpuMs, "ms", {
      baseline: parse.cpuMs,
      baselineName: "csv-parse alone",
      goal: rows >= 1_000_000 ? 1.5 : undefined,
    });
    report(`batch ${n} rows, peak RSS`, batch.rssMB, "MB", {
      goal: 300,
      goalLabel: "< 300 MB",
    });
    console.log(
      `  (csv-parse alone on the same file: peak RSS ${parse.rssMB.toFixed(1)} MB; batch ${(batch.rssMB / parse.rssMB).toFixed(2)}× that)`,
    );
    rss.push(batch.rssMB);
    parseRss.push(parse.rssMB);
  }
  if (rss.length > 1) {
    const first = sizes[0];
    const last = sizes.at(-1);
    // Growth between the smallest and largest size: what the duplicate table costs per id, plus
    // noise from the garbage collector's heap sizing.
    const perRow = ((rss.at(-1) - rss[0]) * 1024 * 1024) / (last - first);
    const at10M = rss.at(-1) + (perRow * (10_000_000 - last)) / (1024 * 1024);
    const mb = (list) => list.map((r) => `${r.toFixed(0)} MB`).join(" → ");
    console.log(
      `peak RSS from ${first.toLocaleString("en-US")} to ${last.toLocaleString("en-US")} rows: ${mb(rss)} (csv-parse alone: ${mb(parseRss)}) · batch grows ${perRow.toFixed(1)} bytes a row · extrapolated to 10,000,000 rows: ${at10M.toFixed(0)} MB`,
    );
  }
  // XLSX: the same data as a workbook (BATCH_BENCH_XLSX_ROWS, default the first size).
  const xlsxRows = Number(process.env.BATCH_BENCH_XLSX_ROWS ?? sizes[0]);
  const { xlsx, csv } = await benchXlsx(xlsxRows);
  const n = xlsxRows.toLocaleString("en-US");
  const perSecond = (m) => (xlsxRows / m.ms) * 1000;
  report(`batch ${n} rows from XLSX, rows per second`, perSecond(xlsx), "rows/s", {
    baseline: perSecond(csv),
    baselineName: "the same data as CSV",
  });
  report(`batch ${n} rows from XLSX, peak RSS`, xlsx.rssMB, "MB", {
    baseline: csv.rssMB,
    baselineName: "the same data as CSV",
  });
}
