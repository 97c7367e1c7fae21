import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CsvCell,
  CsvWriter,
  csvLine,
  neutralize,
  numberText,
  textCell,
} from "../../src/batch/csv-out.js";
import type { AtomicOutput } from "../../src/io/atomic-file.js";

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
  fc.constantFrom(0, -0, 2.5, -2, 1e21, 1e-7, 0.29, 4.42, 10, 10.01, 1000, 2 ** 53 - 1, 2 ** 53),
  fc.maxSafeNat(),
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
          expect(rows.map((r) => csvLine(r)).join("")).toBe(want);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([";", "\t"] as const)(
    "separates cells by %j when asked, quoting the cells that hold it",
    (delimiter) => {
      fc.assert(
        fc.property(
          fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
          (rows) => {
            const text = rows.map((r) => csvLine(r, delimiter)).join("");
            const want = rows.map((r) =>
              r.map((c) =>
                typeof c === "string" ? neutralize(c) : c === null ? "" : numberText(c),
              ),
            );
            expect(parse(text, { delimiter, relax_column_count: true })).toEqual(want);
          },
        ),
        { numRuns: 1000 },
      );
    },
  );

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

/** An output that keeps what it is handed, as a stream does (so a reused buffer would show). */
function memoryOutput(): { out: AtomicOutput; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = {
    write(chunk: string | Uint8Array) {
      chunks.push(
        typeof chunk === "string"
          ? Buffer.from(chunk, "utf8")
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
      );
      return undefined;
    },
    abort() {},
  } as unknown as AtomicOutput;
  return { out, bytes: () => Buffer.concat(chunks) };
}

describe("CsvWriter", () => {
  // Long cells (up to 50,000 characters, some not ASCII) cross the 64 KiB flush and the
  // buffer's own size, where a cell is handed on as text.
  const long = fc
    .tuple(fc.constantFrom("a", "中", "😀", "\uD800", ","), fc.integer({ min: 1, max: 50_000 }))
    .map(([c, n]) => c.repeat(n));
  const anyCell: fc.Arbitrary<CsvCell> = fc.oneof(
    { weight: 8, arbitrary: cell },
    { weight: 1, arbitrary: long },
  );

  it("writes the byte-order mark and exactly csvLine's UTF-8 for rows and for lines written cell by cell", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            byCell: fc.boolean(),
            cells: fc.array(anyCell, { minLength: 1, maxLength: 6 }),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const { out, bytes } = memoryOutput();
          const w = new CsvWriter(out);
          for (const { byCell, cells } of rows) {
            if (!byCell) w.row(cells);
            else {
              // Numbers after the first cell go through numberCell, as the respondents CSV writes them.
              const text = (c: CsvCell) =>
                typeof c === "number" ? numberText(c) : c === null ? "" : textCell(c);
              w.text(text(cells[0] as CsvCell));
              for (const c of cells.slice(1)) {
                if (typeof c === "number") w.numberCell(c);
                else w.cell(text(c));
              }
              w.endLine();
            }
          }
          void w.end();
          const want = `\uFEFF${rows.map((r) => csvLine(r.cells)).join("")}`;
          expect(bytes().equals(Buffer.from(want, "utf8"))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
