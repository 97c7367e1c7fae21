// End to end: the built CLI (`npm test` builds first), as a user or a script runs it.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { resultsSchema } from "../../src/core/models/results.js";
import { hasStackTrace, runCli } from "../helpers/cli.js";
import { BATCH, QUESTIONNAIRE, REPO, SURVEY, tmp } from "./helpers.js";

const Q = ["-q", QUESTIONNAIRE];
const QUALTRICS = path.join(SURVEY, "qualtrics");
const BAD = path.join(BATCH, "bad-rows");

describe("crm-maturity batch", () => {
  it("writes the results model to stdout and a summary to stderr (exit 0)", () => {
    const r = runCli([
      "batch",
      path.join(QUALTRICS, "export.csv"),
      "--map",
      path.join(QUALTRICS, "mapping.yaml"),
      ...Q,
    ]);
    expect(r.stderr).toBe(
      'crm-maturity: batch (qualtrics, utf-8, ","-separated): 10 rows · 8 scored · 2 excluded (unfinished response: 1; preview, test or spam response: 1)\n',
    );
    expect(r.status).toBe(0);
    const results = resultsSchema.parse(JSON.parse(r.stdout));
    const score = runCli(["score", path.join(QUALTRICS, "answers.yaml"), ...Q, "--format", "json"]);
    expect(score.status).toBe(0);
    const { statistics, ...rest } = results;
    // The same text as `score --format json`, apart from the statistics section.
    expect(`${JSON.stringify(rest, null, 2)}\n`).toBe(score.stdout);
    expect(statistics?.rows).toEqual({
      total: 10,
      scored: 8,
      excluded: 2,
      rejected: 0,
      duplicates: 0,
      blank: 0,
    });
  });

  it("reports bad rows, writes rejects and respondents CSVs, and still exits 0", () => {
    const dir = tmp();
    const out = (f: string) => path.join(dir, f);
    const r = runCli([
      "batch",
      "test/fixtures/batch/bad-rows/export.csv",
      "--map",
      path.join(BAD, "mapping.yaml"),
      ...Q,
      "-o",
      out("results.json"),
      "--respondents",
      out("respondents.csv"),
      "--rejects",
      out("rejects.csv"),
      "--group-by",
      "department",
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(hasStackTrace(r.stderr)).toBe(false);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(
      /^test\/fixtures\/batch\/bad-rows\/export\.csv: row 3, "lead\.programme-lead" \(column E\): expected .*; found "Maybe"/,
    );
    expect(lines[9]).toBe(
      'crm-maturity: batch (generic, utf-8, ","-separated): 16 rows · 5 scored · 1 excluded (test response: 1) · 9 rejected (invalid-answer: 2, missing-role: 1, unknown-role: 1, missing-id: 1, duplicate-id: 1, truncated-row: 1, extra-cells: 1, no-answers: 1) · 1 blank',
    );
    // What to do next, for someone who has not read docs/batch.md.
    expect(lines[10]).toBe(
      `crm-maturity: every rejected row is in ${out("rejects.csv")}: correct the rows there, then score it with the export in one run, where each corrected row replaces the row it came from: crm-maturity batch test/fixtures/batch/bad-rows/export.csv ${out("rejects.csv")} --map test/fixtures/batch/bad-rows/mapping.yaml -q test/fixtures/batch/questionnaire/questionnaire.yaml --group-by department`,
    );
    const results = resultsSchema.parse(JSON.parse(readFileSync(out("results.json"), "utf8")));
    expect(results.respondents.map((x) => x.id)).toEqual(["-r09", "@r13", "r01", "r10", "r12"]);
    expect(readFileSync(out("respondents.csv"), "utf8")).toContain("'-r09,12,frontline,");
    expect(readFileSync(out("rejects.csv"), "utf8").split("\n")).toHaveLength(11);
  });

  it("--strict stops at the first bad row with exit 1 and writes nothing", () => {
    const dir = tmp();
    const results = path.join(dir, "results.json");
    writeFileSync(results, "previous\n");
    const r = runCli([
      "batch",
      "test/fixtures/batch/bad-rows/export.csv",
      "--map",
      path.join(BAD, "mapping.yaml"),
      ...Q,
      "-o",
      results,
      "--respondents",
      path.join(dir, "r.csv"),
      "--strict",
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/row 3, "lead\.programme-lead" \(column E\)/);
    expect(r.stderr).toMatch(
      /crm-maturity: test\/fixtures\/batch\/bad-rows\/export\.csv: row 3 was rejected and --strict is set; nothing was written\n$/,
    );
    expect(readFileSync(results, "utf8")).toBe("previous\n");
    expect(existsSync(path.join(dir, "r.csv"))).toBe(false);
  });

  it("reads standard input and the GB18030 问卷星 export", () => {
    const wjx = path.join(SURVEY, "wjx-gb18030");
    const r = runCli(["batch", "-", "--map", path.join(wjx, "mapping.yaml"), ...Q], {
      input: readFileSync(path.join(wjx, "export.csv")),
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/notice: <stdin> is not valid UTF-8; reading it as GB18030/);
    expect(JSON.parse(r.stdout).respondents).toHaveLength(8);
  });

  it("reads an export from a named pipe, such as the shell's <(…), as it reads the file", () => {
    const dir = tmp();
    const forms = path.join(SURVEY, "microsoft-forms");
    for (const [file, mapping] of [
      [path.join(QUALTRICS, "export.csv"), path.join(QUALTRICS, "mapping.yaml")],
      [path.join(forms, "export.xlsx"), path.join(forms, "mapping.yaml")],
    ] as const) {
      const pipe = path.join(dir, "pipe");
      rmSync(pipe, { force: true });
      expect(spawnSync("mkfifo", [pipe]).status).toBe(0);
      // The writer blocks until the CLI opens the pipe (it used to refuse it: ESPIPE).
      const writer = spawn("sh", ["-c", 'cat "$0" > "$1"', file, pipe]);
      const fromPipe = runCli(["batch", pipe, "--map", mapping, ...Q]);
      writer.kill();
      const fromFile = runCli(["batch", file, "--map", mapping, ...Q]);
      expect(fromPipe.status, fromPipe.stderr).toBe(0);
      expect(fromPipe.stdout).toBe(fromFile.stdout);
      expect(fromPipe.stderr.replace(pipe, file)).toBe(fromFile.stderr);
    }
  });

  it("leaves no temporary file beside its outputs when a signal ends it mid-export", async () => {
    const dir = tmp();
    const [header, ...rows] = readFileSync(path.join(QUALTRICS, "export.csv"), "utf8").split("\n");
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      const outs = ["-o", "r.json", "--respondents", "r.csv", "--rejects", "x.csv"];
      const child = spawn(
        process.execPath,
        [
          path.join(REPO, "bin/crm-maturity.cjs"),
          "batch",
          "-",
          "--map",
          path.join(QUALTRICS, "mapping.yaml"),
          ...Q,
          ...outs,
        ],
        { cwd: dir, stdio: ["pipe", "ignore", "ignore"] },
      );
      // Half the export, and standard input kept open: the run waits for the rest.
      child.stdin.write(`${[header, ...rows.slice(0, 6)].join("\n")}\n`);
      const ended = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("exit", (_code, sig) => resolve(sig)),
      );
      const started = Date.now();
      while (readdirSync(dir).filter((f) => f.endsWith(".tmp")).length < 3) {
        if (Date.now() - started > 20_000) throw new Error("batch never opened its outputs");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill(signal);
      expect(await ended, signal).toBe(signal);
      expect(readdirSync(dir), signal).toEqual([]);
    }
  });

  it("fails with file:line:column for an invalid mapping (exit 1)", () => {
    const dir = tmp();
    const map = path.join(dir, "mapping.yaml");
    writeFileSync(
      map,
      readFileSync(path.join(QUALTRICS, "mapping.yaml"), "utf8").replace(
        "Q6: data.owner",
        "Q6: data.ownr",
      ),
    );
    const r = runCli(["batch", path.join(QUALTRICS, "export.csv"), "--map", "mapping.yaml", ...Q], {
      cwd: dir,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^mapping\.yaml:\d+:7 {2}error {2}expected a question id of questionnaire batch-test 1\.0\.0; found "data\.ownr" {2}\(unresolved-reference\)\n/,
    );
    expect(r.stderr).toMatch(
      /crm-maturity: the mapping mapping\.yaml is invalid: 1 error; nothing was scored\n$/,
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("fails on unreadable or broken exports (exit 1)", () => {
    const dir = tmp();
    const map = path.join(QUALTRICS, "mapping.yaml");
    const missing = runCli(["batch", path.join(dir, "nope.csv"), "--map", map, ...Q]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /nope\.csv: expected a readable CSV or XLSX file; found no such file/,
    );
    const broken = path.join(dir, "broken.csv");
    const header = readFileSync(path.join(BAD, "export.csv"), "utf8").split("\r\n")[0];
    writeFileSync(broken, `${header}\nr1,executive,"Sales,3,3\n`);
    const b = runCli(["batch", broken, "--map", path.join(BAD, "mapping.yaml"), ...Q]);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(
      /broken\.csv:\d+: expected valid CSV; found a quoted field that is never closed/,
    );
    const forced = runCli([
      "batch",
      path.join(SURVEY, "wjx-gb18030/export.csv"),
      "--map",
      path.join(SURVEY, "wjx-gb18030/mapping.yaml"),
      ...Q,
      "--encoding",
      "utf-8",
    ]);
    expect(forced.status).toBe(1);
    expect(forced.stderr).toMatch(/expected UTF-8 text; found an invalid byte sequence at byte 1/);
    expect(hasStackTrace(forced.stderr + b.stderr + missing.stderr)).toBe(false);
  });

  it.each([
    [["batch", "x.csv"], /required option '--map <file>' not specified/],
    [
      ["batch", "x.csv", "--map", "m.yaml", "--encoding", "latin1"],
      /Allowed choices are auto, utf-8, gb18030, windows-1252, utf-16le/,
    ],
    [
      ["batch", "x.csv", "--map", "m.yaml", "--respondents", "-"],
      /-o and --respondents cannot all write to standard output/,
    ],
  ])("exits 2 on usage errors: %j", (args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("scores an XLSX export exactly as its CSV, and refuses a damaged one (exit 1)", async () => {
    const dir = tmp();
    const rows = parse(readFileSync(path.join(QUALTRICS, "export.csv")), {
      relax_column_count: true,
      bom: true,
    }) as string[][];
    const xlsx = path.join(dir, "export.xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
    const ws = wb.addWorksheet("Responses");
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
    const args = ["--map", path.join(QUALTRICS, "mapping.yaml"), ...Q];
    const fromCsv = runCli(["batch", path.join(QUALTRICS, "export.csv"), ...args]);
    const fromXlsx = runCli(["batch", xlsx, ...args]);
    expect(fromXlsx.stderr).toMatch(/^crm-maturity: batch \(qualtrics, xlsx\): 10 rows · 8 scored/);
    expect(fromXlsx.status).toBe(0);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    // Damage the worksheet's compressed data itself (ExcelJS stamps the workbook with the time,
    // so a fixed offset could land in a part the reader never needs).
    const bytes = readFileSync(xlsx);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const header = bytes.indexOf(name);
    expect(header).toBeGreaterThan(0);
    const at = header + name.length + 40;
    bytes[at] = (bytes[at] as number) ^ 0x10;
    const bad = path.join(dir, "bad.xlsx");
    writeFileSync(bad, bytes);
    for (const cmd of [
      ["batch", bad, ...args],
      ["map", "init", bad, ...Q],
    ]) {
      const r = runCli(cmd);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stderr).toMatch(
        /bad\.xlsx: expected a readable XLSX workbook; found (a damaged workbook|its compressed data is damaged)/,
      );
    }
  });

  it("says when no row was scored, and such results make no report (exit 1)", () => {
    const dir = tmp();
    const exportFile = path.join(dir, "export.csv");
    // The Qualtrics export's three header rows and nothing else.
    const rows = readFileSync(path.join(QUALTRICS, "export.csv"), "utf8").split(/\r?\n/);
    writeFileSync(exportFile, `${rows.slice(0, 3).join("\n")}\n`);
    const mapping = path.join(QUALTRICS, "mapping.yaml");
    const r = runCli(["batch", exportFile, "--map", mapping, ...Q, "-o", "results.json"], {
      cwd: dir,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^crm-maturity: no row was scored \(the export has no data rows\): the results hold no respondent, and report, roadmap and compare refuse them$/m,
    );
    const results = resultsSchema.parse(
      JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")),
    );
    expect(results.respondents).toEqual([]);
    const report = runCli(["report", "results.json", ...Q, "-o", "report.md"], { cwd: dir });
    expect(report.status).toBe(1);
    expect(report.stderr).toMatch(
      /^results\.json:\d+:\d+ {2}error {2}expected at least one scored respondent in the results; found none .*\(missing-field\)$/m,
    );
    expect(existsSync(path.join(dir, "report.md"))).toBe(false);
    // A run that scores rows says nothing of the kind.
    const scored = runCli(["batch", path.join(QUALTRICS, "export.csv"), "--map", mapping, ...Q]);
    expect(scored.stderr).not.toMatch(/no row was scored/);
  });

  it("exits 2 for a --group-by column the export does not have", () => {
    const r = runCli([
      "batch",
      path.join(BAD, "export.csv"),
      "--map",
      path.join(BAD, "mapping.yaml"),
      ...Q,
      "--group-by",
      "Region",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--group-by "Region": expected a column of .*export\.csv/);
    // Nothing like it in the header: no guess.
    expect(r.stderr).not.toMatch(/did you mean/);
  });

  it("names the column a mistyped --group-by may mean", () => {
    const r = runCli([
      "batch",
      path.join(BAD, "export.csv"),
      "--map",
      path.join(BAD, "mapping.yaml"),
      ...Q,
      "--group-by",
      "Departmnt",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /--group-by "Departmnt": expected a column of .*export\.csv \(a header in row 1 or #N\); found none \(did you mean "department" \(column C\)\?\)/,
    );
  });

  it("says which questions no column of the mapping answers (they count as unanswered)", () => {
    const dir = tmp();
    const mappingFile = path.join(dir, "mapping.yaml");
    // The mapping of an older survey: the data integration question has no column.
    writeFileSync(
      mappingFile,
      readFileSync(path.join(QUALTRICS, "mapping.yaml"), "utf8").replace(/^ {2}Q7_2: .*\n/m, ""),
    );
    const r = runCli(["batch", path.join(QUALTRICS, "export.csv"), "--map", mappingFile, ...Q]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "crm-maturity: 1 question of the questionnaire has no column in the mapping and counts as unanswered by every respondent it is put to: data.integration (map its column under questions, or check that the survey asked it)\n",
    );
    const full = runCli([
      "batch",
      path.join(QUALTRICS, "export.csv"),
      "--map",
      path.join(QUALTRICS, "mapping.yaml"),
      ...Q,
    ]);
    expect(full.stderr).not.toMatch(/no column in the mapping/);
  });

  it("exits 2 for a --group-by header two columns share, naming both", () => {
    const dir = tmp();
    const file = path.join(dir, "export.csv");
    const lines = readFileSync(path.join(QUALTRICS, "export.csv"), "utf8").split(/\r?\n/);
    // Two columns headed "Department" (in every header row), as a merged export can have.
    writeFileSync(
      file,
      lines
        .map((l, i) =>
          l === ""
            ? l
            : `${l},${i < 2 ? "Department,Department" : i === 2 ? "{},{}" : "Sales,East"}`,
        )
        .join("\n"),
    );
    const r = runCli([
      "batch",
      file,
      "--map",
      path.join(QUALTRICS, "mapping.yaml"),
      ...Q,
      "--group-by",
      "Department",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /--group-by "Department": expected one column of .*export\.csv; found it in columns \w+, \w+ \(refer to one as "#\d+" or "#\d+"\)/,
    );
    expect(r.stderr).not.toMatch(/found none/);
  });

  it("keeps memory flat by spilling to TMPDIR, and removes the temporary files", () => {
    // 40,000 respondents: more than a block of scores, so the statistics go to disk.
    const dir = tmp();
    const spill = path.join(dir, "spill");
    mkdirSync(spill);
    const header = readFileSync(path.join(BAD, "export.csv"), "utf8").split(/\r?\n/)[0];
    const roles = ["executive", "manager", "frontline", "it"];
    const rows = Array.from({ length: 40_000 }, (_, i) => {
      const a = (k: number) => String(1 + ((i * 7 + k * 3) % 5));
      const id = `R_${((i * 7919) % 40_000).toString(36)}`;
      return `${id},${roles[i % 4]},D${i % 3},${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(a).join(",")},complete`;
    });
    writeFileSync(path.join(dir, "export.csv"), `${header}\n${rows.join("\n")}\n`);
    const args = [
      "batch",
      path.join(dir, "export.csv"),
      "--map",
      path.join(BAD, "mapping.yaml"),
      ...Q,
      "-o",
      path.join(dir, "results.json"),
    ];
    const r = runCli(args, { env: { TMPDIR: spill } });
    expect(r.stderr).toContain("40,000 scored");
    expect(r.status).toBe(0);
    expect(readdirSync(spill)).toEqual([]);
    const results = resultsSchema.parse(
      JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")),
    );
    expect(results.respondents).toHaveLength(40_000);
    expect(results.respondents[0]?.id).toBe("R_0");
    expect(results.statistics?.all.overall.n).toBe(40_000);

    const broken = runCli(args, { env: { TMPDIR: path.join(dir, "missing") } });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(
      `cannot write temporary files in ${path.join(dir, "missing")} (ENOENT); set TMPDIR to a folder with free space`,
    );
    expect(hasStackTrace(broken.stderr)).toBe(false);
  });

  it("has --help with examples", () => {
    const r = runCli(["batch", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\s+/g, " ")).toContain(
      "Default: chosen by the mapping's client industry and size",
    );
    expect(r.stdout).toMatch(
      /Examples:\n {2}\$ crm-maturity batch qualtrics-export\.csv --map mapping\.yaml/,
    );
    expect(runCli(["map", "init", "--help"]).stdout).toMatch(
      /\$ crm-maturity map init qualtrics-export\.csv -o mapping\.yaml/,
    );
  });
});

describe("crm-maturity map init", () => {
  it("writes a suggestion once and never overwrites it", () => {
    const dir = tmp();
    const args = [
      "map",
      "init",
      path.join(SURVEY, "surveymonkey/export.csv"),
      ...Q,
      "-o",
      "mapping.yaml",
    ];
    const first = runCli(args, { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(
      /map init \(surveymonkey\): 9 of 9 questions matched to columns; 0 columns left as TODO; wrote mapping\.yaml/,
    );
    const text = readFileSync(path.join(dir, "mapping.yaml"), "utf8");
    expect(text).toMatch(/^preset: surveymonkey/m);
    const second = runCli(args, { cwd: dir });
    expect(second.status).toBe(1);
    expect(second.stderr).toBe(
      "crm-maturity: mapping.yaml already exists; map init never overwrites a file (delete it or choose another -o)\n",
    );
    expect(readFileSync(path.join(dir, "mapping.yaml"), "utf8")).toBe(text);
  });

  it("names the mapping it wrote relative inside the current folder, absolute outside it", () => {
    const dir = tmp();
    const exportFile = path.join(SURVEY, "surveymonkey/export.csv");
    const inside = runCli(["map", "init", exportFile, ...Q, "-o", "./maps/../m.yaml"], {
      cwd: dir,
    });
    expect(inside.stderr).toMatch(/; wrote m\.yaml\n$/);
    const elsewhere = path.join(tmp(), "mapping.yaml");
    const outside = runCli(["map", "init", exportFile, ...Q, "-o", path.relative(dir, elsewhere)], {
      cwd: dir,
    });
    expect(outside.status, outside.stderr).toBe(0);
    expect(outside.stderr).toMatch(
      new RegExp(`; wrote ${elsewhere.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n$`),
    );
  });

  it("carries its placeholders to no report: batch warns, report refuses until they are filled in", () => {
    const dir = tmp();
    const exportFile = path.join(SURVEY, "surveymonkey/export.csv");
    expect(
      runCli(["map", "init", exportFile, ...Q, "-o", "mapping.yaml"], { cwd: dir }).status,
    ).toBe(0);
    const score = () =>
      runCli(["batch", exportFile, "--map", "mapping.yaml", ...Q, "-o", "results.json"], {
        cwd: dir,
      });
    const report = () => runCli(["report", "results.json", ...Q, "-o", "report.md"], { cwd: dir });
    const suggested = score();
    expect(suggested.status).toBe(0);
    expect(suggested.stderr).toMatch(
      /^mapping\.yaml:5:\d+ {2}warning {2}expected the client's name in assessment\.client\.name; found "TODO client name", a placeholder .*\(template-placeholder\)$/m,
    );
    expect(suggested.stderr).toMatch(/^mapping\.yaml:7:\d+ {2}warning .*"TODO your name"/m);
    const refused = report();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^results\.json:\d+:\d+ {2}error {2}expected the client's name .*carried over from the answers or the mapping .*\(template-placeholder\)$/m,
    );
    expect(existsSync(path.join(dir, "report.md"))).toBe(false);
    const mapping = path.join(dir, "mapping.yaml");
    writeFileSync(
      mapping,
      readFileSync(mapping, "utf8")
        .replace('"TODO client name"', "Acme")
        .replace('"TODO your name"', "Jane Doe"),
    );
    const filled = score();
    expect(filled.stderr).not.toMatch(/template-placeholder/);
    expect(report().status).toBe(0);
    expect(readFileSync(path.join(dir, "report.md"), "utf8")).toMatch(/^\*\*Acme\*\*$/m);
  });

  it("publishes the mapping JSON Schema (committed in schema/)", () => {
    const r = runCli(["schema", "mapping"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(REPO, "schema/mapping.schema.json"), "utf8"));
  });
});

describe("crm-maturity batch with a profile", () => {
  /** The batch fixture questionnaire with an industry profile that leaves out cult.hoarding. */
  function profiledCopy(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-batch-profile-"));
    const src = path.dirname(QUESTIONNAIRE);
    cpSync(src, dir, { recursive: true });
    const root = path.join(dir, "questionnaire.yaml");
    writeFileSync(
      root,
      readFileSync(root, "utf8").replace("include:\n", "include:\n  - profiles.yaml\n"),
    );
    writeFileSync(
      path.join(dir, "profiles.yaml"),
      [
        "profiles:",
        "  industries:",
        "    - id: industrial",
        "      name: { en: Industrial, zh-CN: 工业 }",
        "      description: { en: Plants., zh-CN: 工厂。 }",
        "      match: [manufactur]",
        "      exclude: [cult.hoarding]",
        "",
      ].join("\n"),
    );
    return root;
  }
  const run = (q: string, extra: string[] = []) =>
    runCli([
      "batch",
      path.join(QUALTRICS, "export.csv"),
      "--map",
      path.join(QUALTRICS, "mapping.yaml"),
      "-q",
      q,
      ...extra,
    ]);

  it("scores with the profile the mapping's client chooses, and names it in the results", () => {
    const r = run(profiledCopy());
    expect(r.status).toBe(0);
    const results = resultsSchema.parse(JSON.parse(r.stdout));
    expect(results.profile).toMatchObject({ industry: { id: "industrial" }, chosenBy: "answers" });
    const culture = results.dimensions.find((d) => d.id === "culture");
    expect(culture?.questions.map((q) => q.id)).not.toContain("cult.hoarding");
  });

  it("takes --profile standard over the mapping, and refuses an unknown profile (exit 2)", () => {
    const q = profiledCopy();
    const standard = run(q, ["--profile", "standard"]);
    expect(standard.status).toBe(0);
    expect(resultsSchema.parse(JSON.parse(standard.stdout)).profile).toBeUndefined();
    const unknown = run(q, ["--profile", "retail"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      '--profile: expected a profile of batch-test 1.0.0 (industrial, standard); found "retail"',
    );
  });
});
