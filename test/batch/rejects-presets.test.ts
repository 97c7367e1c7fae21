// Every preset's fixture export through its rejects file: rows rejected under a stricter mapping
// (no role values, no built-in labels), fed back with the fixture's own mapping, are scored as
// in the export itself, whatever the export's format, encoding, delimiter and header rows.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { materializeResults } from "../../src/batch/run.js";
import { runOn, SURVEY, tmp } from "./helpers.js";

const FIXTURES = readdirSync(SURVEY, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** A respondents CSV's lines as sets of cells without the `row` column (rows are renumbered). */
function scoredLines(csv: string, withIds: boolean): string[] {
  const [, ...rows] = parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
  return rows.map((r) => [withIds ? r[0] : "", ...r.slice(2)].join(",")).sort();
}

describe("the rejects file of every preset's fixture", () => {
  it.each(FIXTURES)("%s: its rows read back as in the export", async (fixture) => {
    const dir = path.join(SURVEY, fixture);
    const exportFile = path.join(
      dir,
      readdirSync(dir).find((f) => f.startsWith("export.")) as string,
    );
    const mappingFile = path.join(dir, "mapping.yaml");
    const mapping = parseYaml(readFileSync(mappingFile, "utf8"));
    const withIds = mapping.respondent.id !== undefined;
    const strict = { ...mapping, builtinLabels: false };
    strict.respondent = { ...mapping.respondent, role: { ...mapping.respondent.role, values: {} } };
    const work = tmp();
    const strictFile = path.join(work, "strict.yaml");
    writeFileSync(strictFile, stringifyYaml(strict));

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
    ).toEqual(scoredLines(all.respondents, withIds));
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
