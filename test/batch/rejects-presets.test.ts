// Every preset's fixture export through its rejects file, whatever the export's format, encoding,
// delimiter and header rows: rows rejected under a stricter mapping read back on their own with
// the fixture's own mapping as in the export; corrected and scored with the export in one run,
// they replace the rows they came from, as if the export had been corrected.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { REJECT_COLUMNS } from "../../src/batch/rejects.js";
import { type BatchOutcome, materializeResults } from "../../src/batch/run.js";
import type { PresetId } from "../../src/core/models/mapping.js";
import { builtinLabelMap, normalizeLabel } from "../../src/survey/answer-texts.js";
import { parseHeader } from "../../src/survey/header.js";
import { PRESETS } from "../../src/survey/presets.js";
import { runCli } from "../helpers/cli.js";
import { QUESTIONNAIRE, REPO, runOn, SURVEY, tmp, withoutRowCounts } from "./helpers.js";

const FIXTURES = readdirSync(SURVEY, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/**
 * A respondents CSV's lines in order, without the `row` and `file` columns (rows are renumbered),
 * and without the ids when the export has none (they are numbered by row).
 */
function scoredLines(csv: string, withIds: boolean): string[] {
  const [header = [], ...rows] = parse(csv.replace(/^\uFEFF/, ""), {
    relax_column_count: true,
  }) as string[][];
  const keep = (_: string, c: number) => !["row", "file"].includes(header[c] as string);
  return rows.map((r) => [withIds ? (r[0] as string) : "", ...r.slice(1)].filter(keep).join(","));
}

/** A mapping as read from YAML (only the parts these tests change). */
interface MappingYaml {
  preset: PresetId;
  headerRows: number;
  respondent: { id?: string; role: { column: string; values: Record<string, string> } };
  labels: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * A preset's fixture: its export, its mapping, and in a work directory two stricter mappings:
 * `strictFile` (no role values, no built-in labels) and `someFile`, which rejects only some rows.
 */
function fixtureFiles(fixture: string) {
  const dir = path.join(SURVEY, fixture);
  const exportFile = path.join(
    dir,
    readdirSync(dir).find((f) => f.startsWith("export.")) as string,
  );
  const mappingFile = path.join(dir, "mapping.yaml");
  const mapping = parseYaml(readFileSync(mappingFile, "utf8")) as MappingYaml;
  const work = tmp();
  const strictFile = writeMapping(work, "strict.yaml", mapping, { values: {} });
  // Stricter for some rows only (so that the export keeps good rows): the executives' role
  // labels, and the built-in labels but those of level 5 and of N/A.
  const values = Object.entries(mapping.respondent.role.values).filter(
    ([, v]) => v !== "executive",
  );
  const labels = [...builtinLabelMap()].filter(([, v]) => v !== 5 && v !== "na");
  const someFile = writeMapping(
    work,
    "some.yaml",
    { ...mapping, labels: { ...mapping.labels, ...Object.fromEntries(labels) } },
    { values: Object.fromEntries(values) },
  );
  return {
    exportFile,
    mappingFile,
    mapping,
    withIds: mapping.respondent.id !== undefined,
    work,
    strictFile,
    someFile,
  };
}

/** Writes `mapping` without built-in labels, its role settings changed by `role`. */
function writeMapping(
  dir: string,
  name: string,
  mapping: MappingYaml,
  role: Partial<MappingYaml["respondent"]["role"]>,
): string {
  const file = path.join(dir, name);
  const respondent = { ...mapping.respondent, role: { ...mapping.respondent.role, ...role } };
  writeFileSync(file, stringifyYaml({ ...mapping, builtinLabels: false, respondent }));
  return file;
}

describe("the rejects file of every preset's fixture", () => {
  it.each(FIXTURES)("%s: its rows read back as in the export", async (fixture) => {
    const { exportFile, mappingFile, withIds, work, strictFile } = fixtureFiles(fixture);
    const all = await runOn(exportFile, mappingFile);
    const first = await runOn(exportFile, strictFile);
    const rejected = first.outcome.summary.rows.rejected;
    expect(rejected).toBeGreaterThan(0);
    const rejectsFile = path.join(work, "rejects.csv");
    writeFileSync(rejectsFile, first.rejects);
    const again = await runOn(rejectsFile, mappingFile);
    expect(again.outcome.summary.rows).toMatchObject({ total: rejected, scored: rejected });
    expect(
      [
        ...scoredLines(first.respondents, withIds),
        ...scoredLines(again.respondents, withIds),
      ].sort(),
    ).toEqual(scoredLines(all.respondents, withIds).sort());
    if (withIds) {
      const ids = [first, again].flatMap((r) =>
        materializeResults(r.outcome).respondents.map((p) => `${p.id}:${p.role}`),
      );
      expect(ids.sort()).toEqual(
        materializeResults(all.outcome)
          .respondents.map((p) => `${p.id}:${p.role}`)
          .sort(),
      );
    }
  });
});

/**
 * A rejects file's lines as cells: its header rows, their columns as the preset reads them, where
 * the reject columns start, its rows, and the delimiter it is written with (the export's).
 */
function rejectsTable(csv: string, mapping: MappingYaml) {
  const delimiter = [";", "\t", ","].find((d) => csv.includes(REJECT_COLUMNS.slice(0, 2).join(d)));
  const lines = parse(csv, { bom: true, delimiter, relax_column_count: true }) as string[][];
  const header = lines.slice(0, mapping.headerRows);
  const keyRow = header.findIndex((cells) => cells.includes(REJECT_COLUMNS[0]));
  const { columns } = parseHeader(header, PRESETS[mapping.preset], keyRow + 1);
  const at = (header[keyRow] as string[]).indexOf(REJECT_COLUMNS[0]);
  const write = (rows: string[][]) => `\uFEFF${stringify([...header, ...rows], { delimiter })}`;
  return { columns, at, rows: lines.slice(mapping.headerRows), write };
}

/**
 * A rejects file with its rows corrected as a consultant would: each rejected answer label
 * replaced by the level the built-in labels give it (emptied when they read it as N/A or don't
 * know), each rejected role label by the role the fixture's mapping gives it. Rows for which
 * `fix` is false are left as they are.
 */
function correct(csv: string, mapping: MappingYaml, fix = (_row: number) => true): string {
  const { columns, at, rows, write } = rejectsTable(csv, mapping);
  const labels = builtinLabelMap();
  const roles = new Map(
    Object.entries(mapping.respondent.role.values).map(([k, v]) => [normalizeLabel(k), v]),
  );
  const fixed = rows.map((cells, i) => {
    if (!fix(i)) return cells;
    const out = [...cells];
    const [kinds, names, values] = [1, 2, 3].map((k) => (cells[at + k] ?? "").split(" | "));
    kinds?.forEach((kind, k) => {
      const column = columns.find((c) => c.key === names?.[k])?.index ?? -1;
      const found = normalizeLabel(values?.[k] as string);
      const value = kind === "unknown-role" ? roles.get(found) : labels.get(found);
      if (column < 0 || value === undefined) throw new Error(`cannot correct ${cells.join()}`);
      out[column] = typeof value === "number" || kind === "unknown-role" ? String(value) : "";
    });
    return out;
  });
  return write(fixed);
}

/** Rows of a rejects file with their reject columns emptied (so that they replace nothing). */
const asExportRows = (rows: string[][], at: number) =>
  rows.map((cells) => cells.map((c, i) => (i >= at && i < at + REJECT_COLUMNS.length ? "" : c)));

/**
 * Writes the export as the run over it and its corrections reads it: its rows not in `rejects`
 * (in order), then the `corrections` — every row of the export read back from a rejects file
 * of a run that rejects them all (its role column pointed at the first column, nothing excluded).
 */
async function inReadingOrder(
  fixture: ReturnType<typeof fixtureFiles>,
  rejects: string,
  corrections: readonly string[][],
): Promise<string> {
  const { exportFile, mapping, work } = fixture;
  const nothing = writeMapping(
    work,
    "nothing.yaml",
    { ...mapping, exclude: [] },
    {
      column: "#1",
      values: {},
    },
  );
  const every = await runOn(exportFile, nothing);
  expect(every.outcome.summary.rows.scored).toBe(0);
  const whole = rejectsTable(every.rejects, mapping);
  const gone = new Set(rejectsTable(rejects, mapping).rows.map((r) => r[whole.at]));
  const good = whole.rows.filter((r) => !gone.has(r[whole.at]));
  const file = path.join(work, "in-reading-order.csv");
  writeFileSync(file, whole.write(asExportRows([...good, ...corrections], whole.at)));
  return file;
}

/** The results to compare: without ids when the export has none (they name the file and row). */
function comparable(outcome: BatchOutcome, withIds: boolean) {
  const results = withoutRowCounts(outcome);
  if (withIds) return results;
  const respondents = results.respondents
    .map((r) => JSON.stringify({ ...r, id: "" }))
    .sort()
    .map((r) => JSON.parse(r));
  return { ...results, respondents };
}

describe("the corrected rejects file of every preset's fixture, scored with its export", () => {
  it.each(FIXTURES)("%s: each correction replaces its row", async (fixture) => {
    const files = fixtureFiles(fixture);
    const { exportFile, mapping, withIds, work, someFile } = files;
    const first = await runOn(exportFile, someFile);
    const rejected = first.outcome.summary.rows.rejected;
    expect(rejected).toBeGreaterThan(0);
    const corrected = path.join(work, "rejects-corrected.csv");
    const corrections = correct(first.rejects, mapping);
    writeFileSync(corrected, corrections);
    const one = await runOn([exportFile, corrected], someFile);
    expect(one.outcome.summary.rows).toMatchObject({ rejected: 0, replaced: rejected });
    // The export's good rows, then the corrected ones: the order the run reads them in.
    const fixed = await runOn(
      await inReadingOrder(files, first.rejects, rejectsTable(corrections, mapping).rows),
      someFile,
    );
    expect(fixed.outcome.summary.rows.rejected).toBe(0);
    expect(comparable(one.outcome, withIds)).toEqual(comparable(fixed.outcome, withIds));
    expect(scoredLines(one.respondents, withIds)).toEqual(scoredLines(fixed.respondents, withIds));
  });

  it("wjx-gb18030 read with --encoding gb18030 (the built CLI): the printed command scores the corrections, UTF-8 with a mark, with the export", async () => {
    const { exportFile, mapping, work, someFile } = fixtureFiles("wjx-gb18030");
    const options = ["-q", QUESTIONNAIRE, "--encoding", "gb18030"];
    const outputs = ["--rejects", "rejects.csv", "-o", "first.json"];
    const first = runCli(["batch", exportFile, "--map", "some.yaml", ...options, ...outputs], {
      cwd: work,
    });
    expect(first.status).toBe(0);
    const printed = /: (crm-maturity batch .*)\n$/.exec(first.stderr)?.[1];
    expect(printed).toBe(
      `crm-maturity batch ${exportFile} rejects.csv --map some.yaml ${options.join(" ")}`,
    );
    const rejects = path.join(work, "rejects.csv");
    writeFileSync(rejects, correct(readFileSync(rejects, "utf8"), mapping));
    const again = runCli((printed as string).split(" ").slice(1), { cwd: work });
    expect(again.stderr).toContain(
      "rejects.csv starts with a UTF-8 byte-order mark and its text is UTF-8; reading it as UTF-8, not as --encoding gb18030",
    );
    expect(again.status).toBe(0);
    const rejected = JSON.parse(readFileSync(path.join(work, "first.json"), "utf8")).statistics.rows
      .rejected;
    expect(rejected).toBeGreaterThan(0);
    expect(JSON.parse(again.stdout).statistics.rows).toMatchObject({
      rejected: 0,
      replaced: rejected,
    });
    // As read without --encoding (the export's GB18030 detected).
    const detected = await runOn([exportFile, rejects], someFile);
    const { rows: _, ...statistics } = JSON.parse(again.stdout).statistics;
    expect(statistics).toEqual(
      JSON.parse(JSON.stringify(withoutRowCounts(detected.outcome).statistics)),
    );
  });

  it.each(FIXTURES.filter((f) => fixtureFiles(f).mapping.headerRows > 1))(
    "%s: a second round replaces rows of the first corrections, named by file and row",
    async (fixture) => {
      const files = fixtureFiles(fixture);
      const { exportFile, mapping, work, someFile } = files;
      const first = await runOn(exportFile, someFile);
      const rejected = first.outcome.summary.rows.rejected;
      expect(rejected).toBeGreaterThan(1);
      // Only the first rejected row corrected: the others are rejected again, named by file and row.
      const partly = path.join(work, "partly.csv");
      const partlyCsv = correct(first.rejects, mapping, (row) => row === 0);
      writeFileSync(partly, partlyCsv);
      const second = await runOn([exportFile, partly], someFile);
      expect(second.outcome.summary.rows).toMatchObject({
        rejected: rejected - 1,
        replaced: rejected,
      });
      const again = rejectsTable(second.rejects, mapping);
      // After the header rows and the corrected row: the rows left are named by partly.csv's rows.
      expect(again.rows.map((r) => r[again.at])).toEqual(
        Array.from(
          { length: rejected - 1 },
          (_, i) => `${path.relative(REPO, partly)}:${i + mapping.headerRows + 2}`,
        ),
      );
      // Those corrected and scored with the export and the first corrections: every row in once.
      const rest = path.join(work, "rest.csv");
      const restCsv = correct(second.rejects, mapping);
      writeFileSync(rest, restCsv);
      const third = await runOn([exportFile, partly, rest], someFile);
      expect(third.outcome.summary.rows).toMatchObject({
        rejected: 0,
        replaced: 2 * rejected - 1,
      });
      const fixed = await runOn(
        await inReadingOrder(files, first.rejects, [
          rejectsTable(partlyCsv, mapping).rows[0] as string[],
          ...rejectsTable(restCsv, mapping).rows,
        ]),
        someFile,
      );
      expect(comparable(third.outcome, files.withIds)).toEqual(
        comparable(fixed.outcome, files.withIds),
      );
      expect(scoredLines(third.respondents, files.withIds)).toEqual(
        scoredLines(fixed.respondents, files.withIds),
      );
    },
  );
});
