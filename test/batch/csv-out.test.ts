import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CsvCell,
  csvLine,
  neutralize,
  numberText,
  textCell,
} from "../../src/batch/csv-out.js";

const text = fc
  .array(
    fc.constantFrom(
      "a",
      "中",
      ",",
      '"',
      "\n",
      "\r",
      "\t",
      " ",
      "=",
      "+",
      "-",
      "@",
      "1",
      ".",
      "e",
      ";",
    ),
    {
      maxLength: 12,
    },
  )
  .map((p) => p.join(""));
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  text,
  fc.constant(null),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 2.5, -2, 1e21, 1e-7, 0.29, 4.42, 10, 10.01, 1000),
  fc.integer({ min: -10, max: 1100 }).map((k) => k / 100),
);

describe("csvLine", () => {
  it("writes exactly what csv-stringify writes for the neutralised cells", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const want = stringify(
            rows.map((r) => r.map((c) => (typeof c === "string" ? neutralize(c) : c))),
          );
          expect(rows.map(csvLine).join("")).toBe(want);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is the cells' textCell and numberText joined by commas (how the respondents CSV is built)", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (row) => {
        const parts = row.map((c) =>
          typeof c === "number" ? numberText(c) : c === null ? "" : textCell(c),
        );
        expect(`${parts.join(",")}\n`).toBe(csvLine(row));
      }),
      { numRuns: 2000 },
    );
  });
});
