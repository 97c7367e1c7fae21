import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleAnswers, hasStackTrace, REPO, runCli, runCliTraced } from "../helpers/cli.js";
import { BASELINE, FOLLOWUP, V1, V2 } from "../helpers/lotus.js";

// The CLI runs from a CommonJS bundle with a V8 code cache made at build time (src/boot/).
describe("start-up with the build's code cache", () => {
  it("runs `validate` from its own bundle, with the cache the build made for it", () => {
    const r = runCli(["--debug", "validate", "questionnaires/"]);
    expect(r.stderr).toBe(
      "crm-maturity: debug: V8 code cache accepted (dist/crm-maturity-validate.v8-cache for dist/crm-maturity-validate.cjs)\n",
    );
    expect(r.stdout).toBe("✔ 11 files checked, no problems\n");
    expect(r.status).toBe(0);
  });

  it("runs every other command line from the whole CLI's bundle, with its general cache", () => {
    for (const args of [
      ["schema", "answers"],
      ["--help"],
      ["help", "validate"],
      ["--help", "report"],
    ]) {
      const r = runCli([...args, "--debug"]);
      expect(r.stderr).toBe(
        "crm-maturity: debug: V8 code cache accepted (dist/crm-maturity.v8-cache for dist/crm-maturity.cjs)\n",
      );
      expect(r.status).toBe(0);
    }
    // `validate` after another option is the whole CLI's: its help lists every command.
    const help = runCli(["--help", "validate"]);
    expect(help.stdout).toMatch(/^ {2}validate \[options\] \[paths\.\.\.\]/m);
    expect(help.stdout).toMatch(/^ {2}report \[options\] <inputs\.\.\.>/m);
  });

  /** The fixture client's report in `format` with `--debug`; the run and the file written. */
  const debugReport = (format: string) => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-boot-report-")), `r.${format}`);
    const r = runCli([
      "report",
      ...["executives", "frontline", "it", "managers"].map((f) =>
        path.join(REPO, "test/fixtures/report/acme/answers", `${f}.yaml`),
      ),
      "--format",
      format,
      "-o",
      out,
      "--debug",
    ]);
    return { r, out };
  };

  it("runs pdfkit and fontkit from their own bundle with the cache the build made for them", () => {
    const { r, out } = debugReport("pdf");
    expect(r.stderr).toContain("crm-maturity: debug: V8 code cache accepted (dist/pdf-stack.cjs)");
    // `report` and `roadmap` run the whole CLI's bundle with the cache trained by reports.
    expect(r.stderr).toContain(
      "crm-maturity: debug: V8 code cache accepted (dist/crm-maturity-documents.v8-cache for dist/crm-maturity.cjs)",
    );
    expect(r.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("runs docx from its own bundle with the cache the build made for it", () => {
    const { r, out } = debugReport("docx");
    expect(r.stderr).toContain("crm-maturity: debug: V8 code cache accepted (dist/docx.cjs)");
    expect(r.status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  describe("zod in the validate bundle: loaded only to explain a file the precompiled checks refuse", () => {
    const traced = (args: string[]) => runCliTraced(["--debug", ...args]);

    it("checks the valid pack without it", () => {
      const r = traced(["validate", "questionnaires/"]);
      expect(r.stdout).toBe("✔ 11 files checked, no problems\n");
      expect(r.loaded).not.toContain("zod");
      expect(r.stderr).not.toContain("dist/zod.cjs");
    });

    it("explains a refused file with zod from its side bundle, with the cache the build made", () => {
      const r = traced(["validate", "test/fixtures/validate/unknown-key"]);
      expect(r.loaded).toContain("zod");
      expect(r.stderr).toContain("crm-maturity: debug: V8 code cache accepted (dist/zod.cjs)\n");
      expect(r.stdout).toMatch(/4:1\s+error\s+[\s\S]*unknown key\s+"colour"/);
      expect(r.status).toBe(1);
    });
  });

  it("only reports on the cache when asked to debug", () => {
    const r = runCli(["validate", "questionnaires/"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("✔ 11 files checked, no problems\n");
  });

  /** A package whose dist/ is a copy, so its cache can be damaged or removed. */
  const copyPackage = () => {
    const pkg = mkdtempSync(path.join(tmpdir(), "crm-boot-"));
    cpSync(path.join(REPO, "dist"), path.join(pkg, "dist"), { recursive: true });
    cpSync(path.join(REPO, "package.json"), path.join(pkg, "package.json"));
    for (const dir of ["questionnaires", "templates", "node_modules"]) {
      symlinkSync(path.join(REPO, dir), path.join(pkg, dir));
    }
    afterAll(() => rmSync(pkg, { recursive: true, force: true }));
    return pkg;
  };
  const pkg = copyPackage();
  const cache = (bundle: string, from = pkg) => path.join(from, "dist", `${bundle}.v8-cache`);
  const runCopy = (args: string[], env: Record<string, string> = {}, from = pkg) =>
    spawnSync(process.execPath, [path.join(from, "dist", "cli.cjs"), ...args, "--debug"], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });

  /** A cache file's stamp (its first line, the Node build that made it) and its V8 data. */
  const stampAndData = (bundle: string) => {
    const bytes = readFileSync(cache(bundle));
    const end = bytes.indexOf(0x0a) + 1;
    return { stamp: bytes.subarray(0, end), data: bytes.subarray(end) };
  };

  // Node 20.19.0 accepted a cache made by 20.20 (the same V8 version number) and crashed. A Node
  // the build's cache does not fit records its own in the cache folder and uses it from then on.
  it("does not give V8 a cache that another Node build made, and records this Node's own", () => {
    const { stamp, data } = stampAndData("crm-maturity-validate");
    expect(stamp.toString("latin1")).toBe(
      `crm-maturity V8 code cache: node ${process.version} v8 ${process.versions.v8} ${process.platform}-${process.arch}\n`,
    );
    const other = stamp.toString("latin1").replace(process.version, "v20.19.0");
    writeFileSync(cache("crm-maturity-validate"), Buffer.concat([Buffer.from(other), data]));
    const folder = mkdtempSync(path.join(tmpdir(), "crm-boot-cache-"));
    const env = { CRM_MATURITY_CACHE_DIR: folder };
    const nodeFolder = path.join(
      folder,
      "v8",
      `${process.version}-${process.platform}-${process.arch}`,
    );
    const build =
      "V8 code cache stale (dist/crm-maturity-validate.v8-cache for dist/crm-maturity-validate.cjs)";
    const bundle = path.join(pkg, "dist", "crm-maturity-validate.cjs");
    try {
      const first = runCopy(["validate", "questionnaires/"], env);
      // A folder an installed copy of the package (named by a hash): this copy's, so far.
      const installs = readdirSync(nodeFolder);
      expect(installs).toHaveLength(1);
      const own = path.join(nodeFolder, installs[0] ?? "", "crm-maturity-validate.v8-cache");
      expect(first.stderr).toContain(`${build}; this Node's own cache recording (${own})`);
      const ownBytes = readFileSync(own);
      const { size, mtimeMs } = statSync(bundle);
      const header = `${stamp.toString("latin1")}bundle ${bundle} ${size} ${mtimeMs}\n`;
      expect(ownBytes.subarray(0, header.length).toString("utf8")).toBe(header);
      const second = runCopy(["validate", "questionnaires/"], env);
      expect(second.stderr).toContain(`${build}; this Node's own cache accepted (${own})`);
      // A changed bundle (a new version installed) records its cache afresh.
      utimesSync(bundle, new Date(), new Date(mtimeMs + 1000));
      const changed = runCopy(["validate", "questionnaires/"], env);
      expect(changed.stderr).toContain(`${build}; this Node's own cache recording (${own})`);
      const off = runCopy(["validate", "questionnaires/"], { CRM_MATURITY_CACHE_DIR: "" });
      expect(off.stderr).toBe(`crm-maturity: debug: ${build}\n`);
      for (const r of [first, second, changed, off]) {
        expect(r.stdout).toBe("✔ 11 files checked, no problems\n");
        expect(r.status).toBe(0);
      }
    } finally {
      writeFileSync(cache("crm-maturity-validate"), Buffer.concat([stamp, data]));
      rmSync(folder, { recursive: true, force: true });
    }
  });

  // batch sets V8's own JIT flags for its run; a cache recorded under them is refused later.
  it("records this Node's own cache under the flags it is read with, also after batch", () => {
    const { stamp, data } = stampAndData("crm-maturity");
    const other = stamp.toString("latin1").replace(process.version, "v20.19.0");
    writeFileSync(cache("crm-maturity"), Buffer.concat([Buffer.from(other), data]));
    const env = { CRM_MATURITY_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "crm-boot-cache-")) };
    const survey = path.join(REPO, "test/fixtures/survey/qualtrics");
    try {
      const batch = runCopy(
        [
          "batch",
          path.join(survey, "export.csv"),
          "--map",
          path.join(survey, "mapping.yaml"),
          "-q",
          path.join(REPO, "test/fixtures/batch/questionnaire/questionnaire.yaml"),
        ],
        env,
      );
      expect(batch.status, batch.stderr).toBe(0);
      expect(batch.stderr).toContain("this Node's own cache recording");
      const schema = runCopy(["schema", "answers"], env);
      expect(schema.stderr).toContain("this Node's own cache accepted");
      expect(schema.status).toBe(0);
    } finally {
      writeFileSync(cache("crm-maturity"), Buffer.concat([stamp, data]));
      rmSync(env.CRM_MATURITY_CACHE_DIR, { recursive: true, force: true });
    }
  });

  // Two installed copies run by one Node (a global install and a project's) keep a cache each.
  it("keeps this Node's own cache for each installed copy of the package", () => {
    const second = copyPackage();
    const env = { CRM_MATURITY_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "crm-boot-cache-")) };
    const copies = [pkg, second];
    const saved = copies.map((from) => readFileSync(cache("crm-maturity-validate", from)));
    try {
      for (const [i, from] of copies.entries()) {
        const bytes = saved[i] ?? Buffer.alloc(0);
        const end = bytes.indexOf(0x0a) + 1;
        const other = bytes
          .subarray(0, end)
          .toString("latin1")
          .replace(process.version, "v20.19.0");
        writeFileSync(
          cache("crm-maturity-validate", from),
          Buffer.concat([Buffer.from(other), bytes.subarray(end)]),
        );
      }
      const own = (r: { stderr: string }) =>
        /this Node's own cache (\w+) \((.*)\)$/m.exec(r.stderr)?.slice(1) ?? [];
      const runs = [pkg, second, pkg, second].map((from) =>
        runCopy(["validate", "questionnaires/"], env, from),
      );
      expect(runs.map((r) => own(r)[0])).toEqual([
        "recording",
        "recording",
        "accepted",
        "accepted",
      ]);
      const files = runs.map((r) => own(r)[1]);
      expect(files[0]).not.toBe(files[1]);
      expect(files.slice(2)).toEqual(files.slice(0, 2));
      for (const r of runs) expect(r.stdout).toBe("✔ 11 files checked, no problems\n");
    } finally {
      for (const [i, from] of copies.entries()) {
        writeFileSync(cache("crm-maturity-validate", from), saved[i] ?? Buffer.alloc(0));
      }
      rmSync(env.CRM_MATURITY_CACHE_DIR, { recursive: true, force: true });
    }
  });

  // What no run will read again goes when a run records a cache: the caches of a copy that was
  // uninstalled (under any Node build), and the files of the layout before caches were kept per
  // installed copy. Other files, and the caches of copies still there, stay.
  it("removes the own caches of copies no longer installed when it records one", () => {
    const gone = copyPackage();
    const folder = mkdtempSync(path.join(tmpdir(), "crm-boot-cache-"));
    const env = { CRM_MATURITY_CACHE_DIR: folder };
    const v8 = path.join(folder, "v8");
    const nodeFolder = path.join(v8, `${process.version}-${process.platform}-${process.arch}`);
    const saved = readFileSync(cache("crm-maturity-validate"));
    const stale = (from: string, bytes: Buffer) => {
      const end = bytes.indexOf(0x0a) + 1;
      const other = bytes.subarray(0, end).toString("latin1").replace(process.version, "v20.19.0");
      writeFileSync(
        cache("crm-maturity-validate", from),
        Buffer.concat([Buffer.from(other), bytes.subarray(end)]),
      );
    };
    const ownFile = (r: { stderr: string }) =>
      /this Node's own cache recording \((.*)\)$/m.exec(r.stderr)?.[1] ?? "";
    try {
      for (const from of [pkg, gone]) stale(from, saved);
      const [kept, removed] = [pkg, gone].map((from) =>
        ownFile(runCopy(["validate", "questionnaires/"], env, from)),
      );
      expect(path.dirname(kept ?? "")).not.toBe(path.dirname(removed ?? ""));
      // The same two installs' caches as an older Node build keeps them.
      const elsewhere = [kept, removed].map((file) => {
        const copy = path.join(v8, "v20.0.0-linux-x64", path.relative(nodeFolder, file ?? ""));
        mkdirSync(path.dirname(copy), { recursive: true });
        cpSync(file ?? "", copy);
        return copy;
      });
      const oldLayout = path.join(nodeFolder, "crm-maturity-validate.v8-cache");
      const unrelated = path.join(nodeFolder, "notes.txt");
      writeFileSync(oldLayout, readFileSync(kept ?? ""));
      writeFileSync(unrelated, "not a cache");
      rmSync(gone, { recursive: true, force: true });
      // A run that accepts its cache records nothing and removes nothing.
      const accepted = runCopy(["validate", "questionnaires/"], env);
      expect(accepted.stderr).toContain("this Node's own cache accepted");
      expect(existsSync(removed ?? "") && existsSync(oldLayout)).toBe(true);
      // A new version of the package (its bundle changed) records its cache afresh.
      const bundle = path.join(pkg, "dist", "crm-maturity-validate.cjs");
      utimesSync(bundle, new Date(), new Date(statSync(bundle).mtimeMs + 2000));
      const recorded = runCopy(["validate", "questionnaires/"], env);
      expect(ownFile(recorded)).toBe(kept);
      expect(recorded.status).toBe(0);
      expect(
        [
          kept,
          elsewhere[0],
          unrelated,
          removed,
          path.dirname(removed ?? ""),
          elsewhere[1],
          oldLayout,
        ].map((file) => existsSync(file ?? "")),
      ).toEqual([true, true, true, false, false, false, false]);
    } finally {
      writeFileSync(cache("crm-maturity-validate"), saved);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("compiles afresh and works the same when a cache is damaged", () => {
    for (const bundle of ["crm-maturity-validate", "crm-maturity"]) {
      const { stamp, data } = stampAndData(bundle);
      const damaged = data.subarray(0, data.length >> 1).reverse();
      writeFileSync(cache(bundle), Buffer.concat([stamp, damaged]));
    }
    const r = runCopy(["validate", "questionnaires/"]);
    expect(r.stderr).toContain("V8 code cache rejected (dist/crm-maturity-validate.v8-cache");
    expect(r.stdout).toBe("✔ 11 files checked, no problems\n");
    expect(r.status).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const schema = runCopy(["schema", "answers"]);
    expect(schema.stderr).toContain("V8 code cache rejected (dist/crm-maturity.v8-cache");
    expect(JSON.parse(schema.stdout).$schema).toMatch(/json-schema/);
    expect(schema.status).toBe(0);
  });

  it("compiles afresh and works the same when a cache is missing", () => {
    for (const bundle of ["crm-maturity-validate", "crm-maturity"]) {
      rmSync(cache(bundle), { force: true });
    }
    const r = runCopy(["validate", "test/fixtures/validate/unknown-key"]);
    expect(r.stderr).toContain("V8 code cache absent (dist/crm-maturity-validate.v8-cache");
    expect(r.stdout).toMatch(/4:1\s+error\s+[\s\S]*unknown key\s+"colour"/);
    expect(r.status).toBe(1);
    const schema = runCopy(["schema", "answers"]);
    expect(schema.stderr).toContain("V8 code cache absent (dist/crm-maturity.v8-cache");
    expect(schema.status).toBe(0);
  });
});

// Packages that cost tens of milliseconds to load are loaded by the runs that need them only.
describe("start-up without the packages a run does not need", () => {
  const survey = path.join(REPO, "test/fixtures/survey/qualtrics");
  const batch = (file: string, input?: string) =>
    runCliTraced(
      [
        "batch",
        file,
        "--map",
        path.join(survey, "mapping.yaml"),
        "-q",
        path.join(REPO, "test/fixtures/batch/questionnaire/questionnaire.yaml"),
      ],
      input === undefined ? {} : { input },
    );

  it("batch reads a clean export with PapaParse alone, without yaml (~70 ms) or csv-parse", () => {
    const r = batch(path.join(survey, "export.csv"));
    expect(r.status, r.stderr).toBe(0);
    expect(r.loaded).toContain("papaparse");
    expect(r.loaded).not.toContain("yaml");
    expect(r.loaded).not.toContain("csv-parse");
  });

  it("batch loads csv-parse for an export PapaParse cannot read alone (a quote never closed)", () => {
    const text = readFileSync(path.join(survey, "export.csv"), "utf8");
    const lines = text.split("\n");
    const broken = [...lines.slice(0, 3), `"${lines[3] ?? ""}`, ...lines.slice(4)].join("\n");
    const r = batch("-", broken);
    expect(r.loaded).toContain("csv-parse");
    expect(r.stdout + r.stderr).toContain("never closed");
    expect(r.status).toBe(1);
  });

  it("score's table measures English and Chinese text without string-width (~60 ms)", () => {
    const answers = exampleAnswers("acme-manufacturing");
    const en = runCliTraced(["score", ...answers]);
    expect(en.stdout).toContain("┌");
    expect(en.stdout).toContain("▸");
    // cli-table3 loads a string-width of its own (4.x, without Intl.Segmenter); the CLI's is 7.x.
    const ours = path.join(REPO, "node_modules/string-width");
    expect(en.loaded).toContain("cli-table3");
    expect(en.folders).toContain(path.join(REPO, "node_modules/cli-table3"));
    expect(en.folders).not.toContain(ours);
    // The Chinese example: its readiness findings are marked ✖, which string-width counts two.
    const zh = runCliTraced(["score", ...exampleAnswers("huaxin-retail"), "--lang", "zh-CN"]);
    expect(zh.stdout).toContain("┌");
    expect(zh.stdout).toContain("✖");
    expect(zh.folders).toContain(path.join(REPO, "node_modules/cli-table3"));
    expect(zh.folders).not.toContain(ours);
    for (const r of [en, zh]) expect(r.status).toBe(0);
  });

  it("compare's tables in Chinese measure their text (signs, arrows, flags) without string-width", () => {
    const QS = ["--baseline-questionnaire", V1, "-q", V2, "--lang", "zh-CN"];
    const r = runCliTraced(["compare", BASELINE, FOLLOWUP, ...QS]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("▼ -0.56");
    expect(r.stdout).toContain("⚑");
    expect(r.stdout).toContain("（复评得分 − 基线得分）");
    expect(r.folders).not.toContain(path.join(REPO, "node_modules/string-width"));
  });
});
