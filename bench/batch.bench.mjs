// `batch` end to end on a generated export (48 question columns) against DuckDB computing every
// question column's mean of the same file, against `batch` as it was before issue 15 (the build of
// BASELINE_COMMIT, made once under .bench/ and run in the same rounds), with `--respondents`, with
// `--group-by` over 1,000 groups, from GB18030 and UTF-16 input, and its peak memory.
// Goals (issue 15): ≥ 5× the baseline's rows per CPU-second; ≤ 1.5× DuckDB's CPU time;
// `--respondents` and `--group-by` 1,000 groups each ≤ 1.2× the plain run; GB18030 and UTF-16
// ≈ UTF-8; peak RSS < 200 MB at any size (issue 4 had < 300 MB).
//   node bench/batch.bench.mjs            (100k and 1M rows; the files are cached in .bench/)
//   BATCH_BENCH_ROWS=20000 node bench/batch.bench.mjs
//   BATCH_BENCH_ROWS=100000,1000000,3000000 node bench/batch.bench.mjs   (1.4 GB file)
//   BATCH_BENCH_RUNS=5 node bench/batch.bench.mjs   (each figure the median of 5 runs in turns)
// Then the XLSX figure: `batch` on the same data saved as a workbook against the CSV, in rows per
// second and peak RSS (BATCH_BENCH_XLSX_ROWS, default the first size).
// CPU time (user + system, every thread) is the figure compared: wall time on the shared 2-core
// machine varies by tens of percent between runs.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { QUESTIONS, writeExport, writeQuestionnaire } from "./batch/generate.mjs";
import { csvToXlsx } from "./batch/to-xlsx.mjs";
import { BIN, REPO, report } from "./lib.mjs";
import { measureNode } from "./rusage.mjs";

const DIR = path.join(REPO, ".bench/batch");

/** main when issue 15 was filed (`batch` on csv-parse and csv-stringify). */
const BASELINE_COMMIT = "e5d6b30f9465c30f06278b5338f4e6c058008bd4";

/**
 * The CLI of BASELINE_COMMIT, built once under .bench/ (its own `npm ci`), so the "before" figure
 * is measured on the machine as it is now: this shared machine's speed has moved by a factor of
 * two between days, which makes a figure recorded once useless as a baseline. Undefined (with a
 * notice) when it cannot be built, e.g. in a clone without history or without the npm registry.
 */
function baselineBin() {
  const dir = path.join(REPO, ".bench/baseline", BASELINE_COMMIT.slice(0, 7));
  const bin = path.join(dir, "bin/crm-maturity.cjs");
  const marker = path.join(dir, ".built");
  if (existsSync(marker)) return bin;
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync("git", ["archive", BASELINE_COMMIT], {
      cwd: REPO,
      maxBuffer: 1 << 30,
    });
    execFileSync("tar", ["-x", "-C", dir], { input: tar });
    const quiet = { cwd: dir, stdio: ["ignore", "ignore", "pipe"] };
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], quiet);
    execFileSync("npm", ["run", "build"], quiet);
    writeFileSync(marker, "");
    return bin;
  } catch (err) {
    console.log(
      `(no baseline: the build of ${BASELINE_COMMIT.slice(0, 7)} failed: ${String(err.message ?? err).split("\n")[0]})`,
    );
    return undefined;
  }
}

/** Runs node with `args` (exit 0 only): CPU time, peak RSS and wall time. */
const measure = (args) => measureNode(args, { statuses: [0] });

/** Generates (or reuses) the export with `rows` rows; returns its path. */
async function exportWith(rows) {
  mkdirSync(DIR, { recursive: true });
  writeQuestionnaire(DIR);
  // v2: with the Team column (1,000 values) for the --group-by figure.
  const file = path.join(DIR, `export-v2-${rows}.csv`);
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

const batchArgs = (file, bin = BIN) => [
  bin,
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

/** The export re-encoded as UTF-16LE with a byte-order mark (cached beside it). */
async function utf16With(rows) {
  const csv = await exportWith(rows);
  const file = csv.replace(/\.csv$/, ".utf16.csv");
  const marker = `${file}.done`;
  if (!existsSync(marker)) {
    const out = createWriteStream(file);
    out.write(Buffer.from([0xff, 0xfe]));
    for await (const chunk of createReadStream(csv, { encoding: "utf8" })) {
      if (!out.write(Buffer.from(chunk, "utf16le"))) await once(out, "drain");
    }
    await new Promise((resolve) => out.end(resolve));
    writeFileSync(marker, "");
  }
  return file;
}

/**
 * Runs each command `runs` times, round after round (so a ratio compares the same moments of a
 * drifting machine), and keeps per command the run of median CPU time and the highest RSS.
 */
function measureRounds(commands, runs) {
  const all = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [k, args] of Object.entries(commands)) all[k].push(measure(args));
  }
  return Object.fromEntries(
    Object.entries(all).map(([k, list]) => {
      const sorted = [...list].sort((a, b) => a.cpuMs - b.cpuMs);
      const mid = sorted[Math.floor((sorted.length - 1) / 2)];
      return [k, { ...mid, rssMb: Math.max(...list.map((m) => m.rssMb)) }];
    }),
  );
}

/**
 * Measures one size: `before` (the old CLI, when given), DuckDB's column means, then `batch`
 * plain and with each option, each BATCH_BENCH_RUNS times (default 1) in turns, taking the
 * median CPU time.
 */
export async function benchBatch(rows, runs = Number(process.env.BATCH_BENCH_RUNS ?? 1), before) {
  const file = await exportWith(rows);
  const utf16File = await utf16With(rows);
  const m = measureRounds(
    {
      ...(before ? { before: batchArgs(file, before) } : {}),
      duckdb: [path.join(REPO, "bench/batch/duckdb-means.mjs"), file, String(QUESTIONS)],
      batch: batchArgs(file),
      respondents: [...batchArgs(file), "--respondents", path.join(DIR, "respondents.csv")],
      groups: [...batchArgs(file), "--group-by", "Team"],
      // The export is ASCII, so read as GB18030 it is the same text through the GB18030 decoder.
      gb18030: [...batchArgs(file), "--encoding", "gb18030"],
      utf16: batchArgs(utf16File),
    },
    runs,
  );
  return { rows, ...m };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.env.BATCH_BENCH_ROWS
    ? process.env.BATCH_BENCH_ROWS.split(",").map(Number)
    : [100_000, 1_000_000];
  const rss = [];
  const runs = Number(process.env.BATCH_BENCH_RUNS ?? 1);
  console.log(`(CPU figures: the median of ${runs} run${runs === 1 ? "" : "s"} in turns)`);
  const before = baselineBin();
  for (const rows of sizes) {
    const m = await benchBatch(rows, runs, before);
    const n = rows.toLocaleString("en-US");
    const perCpuSecond = (rows / m.batch.cpuMs) * 1000;
    const baseline = m.before ? (rows / m.before.cpuMs) * 1000 : undefined;
    console.log(
      [
        `batch ${n} rows × 48 questions: ${perCpuSecond.toFixed(0)} rows per CPU-second`,
        baseline
          ? `before issue 15 (${BASELINE_COMMIT.slice(0, 7)}, same rounds) ${baseline.toFixed(0)} · ratio ${(perCpuSecond / baseline).toFixed(2)}× · ${perCpuSecond / baseline >= 5 ? "meets" : "MISSES"} goal ≥ 5×`
          : "(no baseline)",
        `wall ${(m.batch.wallMs / 1000).toFixed(1)} s`,
      ].join(" · "),
    );
    report(`batch ${n} rows, CPU time`, m.batch.cpuMs, "ms", {
      baseline: m.duckdb.cpuMs,
      baselineName: "DuckDB means of every question column",
      goal: 1.5,
    });
    report(`batch ${n} rows --respondents, CPU time`, m.respondents.cpuMs, "ms", {
      baseline: m.batch.cpuMs,
      baselineName: "without",
      goal: 1.2,
    });
    report(`batch ${n} rows --group-by Team (1,000 groups), CPU time`, m.groups.cpuMs, "ms", {
      baseline: m.batch.cpuMs,
      baselineName: "grouped by Department (6)",
      goal: 1.2,
    });
    report(`batch ${n} rows read as GB18030, CPU time`, m.gb18030.cpuMs, "ms", {
      baseline: m.batch.cpuMs,
      baselineName: "UTF-8",
    });
    report(`batch ${n} rows from UTF-16LE, CPU time`, m.utf16.cpuMs, "ms", {
      baseline: m.batch.cpuMs,
      baselineName: "UTF-8",
    });
    const peak = Math.max(m.batch.rssMb, m.respondents.rssMb, m.groups.rssMb, m.utf16.rssMb);
    report(`batch ${n} rows, peak RSS (any of the runs)`, peak, "MB", {
      goal: 200,
      goalLabel: "< 200 MB",
    });
    console.log(`  (DuckDB's own peak RSS: ${m.duckdb.rssMb.toFixed(1)} MB)`);
    rss.push(m.batch.rssMb);
  }
  if (rss.length > 1) {
    const mb = (list) => list.map((r) => `${r.toFixed(0)} MB`).join(" → ");
    console.log(
      `peak RSS from ${sizes[0].toLocaleString("en-US")} to ${sizes.at(-1).toLocaleString("en-US")} rows: ${mb(rss)}`,
    );
  }
  // XLSX: the same data as a workbook (BATCH_BENCH_XLSX_ROWS, default the first size).
  const xlsxRows = Number(process.env.BATCH_BENCH_XLSX_ROWS ?? sizes[0]);
  const { xlsx, csv } = await benchXlsx(xlsxRows);
  const n = xlsxRows.toLocaleString("en-US");
  const perSecond = (m) => (xlsxRows / m.wallMs) * 1000;
  report(`batch ${n} rows from XLSX, rows per second`, perSecond(xlsx), "rows/s", {
    baseline: perSecond(csv),
    baselineName: "the same data as CSV",
  });
  report(`batch ${n} rows from XLSX, peak RSS`, xlsx.rssMb, "MB", {
    baseline: csv.rssMb,
    baselineName: "the same data as CSV",
  });
}
