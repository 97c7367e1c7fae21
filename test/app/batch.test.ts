// The summary `batch` prints on standard error: what to do with the rejected rows.
import { describe, expect, it } from "vitest";
import { summaryLines } from "../../src/app/batch.js";
import type { BatchSummary } from "../../src/batch/run.js";

const csv: BatchSummary["info"] = { format: "csv", encoding: "utf-8", delimiter: ",", notices: [] };

/** A run of 10 rows, 2 of them rejected, over the given inputs. */
function summary(inputs: string[]): BatchSummary {
  return {
    rows: { total: 10, scored: 8, excluded: 0, rejected: 2, duplicates: 0, blank: 0 },
    exclusions: [],
    careless: {
      threshold: 5,
      secondsPerItem: 2,
      timing: null,
      flagged: 0,
      excluded: 0,
      reasons: { "straight-lining": 0, "long-string": 0, "too-fast": 0 },
    },
    rejects: { "invalid-answer": 2 } as BatchSummary["rejects"],
    notForRole: 0,
    unmapped: [],
    unreported: 0,
    info: csv,
    sources: inputs.map((display) => ({ display, info: csv })),
    preset: "generic",
  };
}

describe("summaryLines", () => {
  it("gives the command that scores the corrections with the run's inputs, quoted for the shell", () => {
    const lines = summaryLines(summary(["wave 1.csv", "wave2.csv"]), {
      file: "rejects.csv",
      inputs: ["wave 1.csv", "wave2.csv"],
      map: "mapping.yaml",
    });
    expect(lines[0]).toBe(
      'crm-maturity: batch (generic; wave 1.csv: utf-8, ","-separated; wave2.csv: utf-8, ","-separated): 10 rows · 8 scored · 2 rejected (invalid-answer: 2)',
    );
    expect(lines.at(-1)).toBe(
      "crm-maturity: every rejected row is in rejects.csv: correct the rows there, then score it with the same inputs in one run, where each corrected row replaces the row it came from: crm-maturity batch 'wave 1.csv' wave2.csv rejects.csv --map mapping.yaml",
    );
  });

  it("repeats the run's options that decide how rows are read and scored", () => {
    const lines = summaryLines(summary(["export.csv"]), {
      file: "rejects.csv",
      inputs: ["export.csv"],
      map: "mapping.yaml",
      options: ["-q", "our pack.yaml", "--encoding", "gb18030", "--exclude-careless"],
    });
    expect(lines.at(-1)).toMatch(
      /: crm-maturity batch export\.csv rejects\.csv --map mapping\.yaml -q 'our pack\.yaml' --encoding gb18030 --exclude-careless$/,
    );
  });

  it("after standard input, which cannot be read again, scores the corrections alone", () => {
    const lines = summaryLines(summary(["<stdin>"]), {
      file: "rejects.csv",
      inputs: [],
      map: "mapping.yaml",
    });
    expect(lines[0]).toMatch(/^crm-maturity: batch \(generic, utf-8, ","-separated\): 10 rows/);
    expect(lines.at(-1)).toBe(
      "crm-maturity: every rejected row is in rejects.csv: correct the rows there, then score that file with the same mapping: crm-maturity batch rejects.csv --map mapping.yaml",
    );
  });
});
