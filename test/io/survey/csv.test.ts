import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CsvSyntaxError,
  discoverRecordDelimiter,
  parseCsvChunks,
} from "../../../src/io/survey/csv.js";
import { openExport } from "../../../src/io/survey/read.js";
import { tmp } from "../../batch/helpers.js";

type Outcome = { rows: string[][] } | { error: string; line: number | undefined };

/** What csv-parse alone makes of the whole text, with the options the reader always used. */
function csvParse(text: string, delimiter: "," | ";" | "\t"): Outcome {
  try {
    const rows = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return { rows };
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return { error: err.code, line: err.lines as number | undefined };
  }
}

const CODES: Record<string, string> = {
  'a quoted field that is never closed (a missing closing ")': "CSV_QUOTE_NOT_CLOSED",
};

/** What the reader makes of the same text cut into the given chunks. */
async function chunked(chunks: string[], delimiter: "," | ";" | "\t"): Promise<Outcome> {
  async function* gen() {
    yield* chunks;
  }
  const rows: string[][] = [];
  const numbers: number[] = [];
  try {
    await parseCsvChunks(gen(), delimiter, (cells, row) => {
      rows.push(cells);
      numbers.push(row);
    });
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    return { error: CODES[err.message] ?? err.message, line: err.line };
  }
  expect(numbers).toEqual(rows.map((_, i) => i + 1));
  return { rows };
}

/** Cuts `text` at the given fractions (sorted), keeping every piece. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

const piece = fc.constantFrom(
  "a",
  "bc",
  ",",
  ";",
  "\t",
  '"',
  '""',
  "\n",
  "\r",
  "\r\n",
  " ",
  "中",
  "\u3000",
);
const csvText = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
const delimiterArb = fc.constantFrom<"," | ";" | "\t">(",", ";", "\t");
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

describe("parseCsvChunks", () => {
  it("gives csv-parse's records, row numbers and errors for any text cut anywhere", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, delimiterArb, cuts, async (text, delimiter, at) => {
        expect(await chunked(cut(text, at), delimiter)).toEqual(csvParse(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with csv-parse on well-formed quoted exports (quoted newlines, CRLF) cut anywhere", async () => {
    const cell = fc.oneof(
      fc.constantFrom("1", "Strongly agree", "", "N/A", "中文"),
      fc
        .array(fc.constantFrom("x", ",", "\n", "\r\n", '"', " "), { maxLength: 6 })
        .map((p) => `"${p.join("").replaceAll('"', '""')}"`),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((c) => c.join(","));
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        cuts,
        async (rows, eol, trailing, at) => {
          const text = rows.join(eol) + (trailing ? eol : "");
          expect(await chunked(cut(text, at), ",")).toEqual(csvParse(text, ","));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads a long export in many chunks with quoted newlines across chunk ends", async () => {
    const lines = ["id,text,q1"];
    for (let i = 0; i < 20_000; i++) lines.push(`r${i},"line one\r\nline ""two"", ${i}",${i % 5}`);
    const text = `${lines.join("\r\n")}\r\n`;
    const chunks: string[] = [];
    for (let at = 0; at < text.length; at += 4093) chunks.push(text.slice(at, at + 4093));
    const got = await chunked(chunks, ",");
    expect(got).toEqual(csvParse(text, ","));
    expect("rows" in got && got.rows[20_000]).toEqual([
      "r19999",
      'line one\r\nline "two", 19999',
      "4",
    ]);
  });

  it("names the line of an unclosed quote as csv-parse does, after rows read fast", async () => {
    const text = `a,b\n1,2\n3,4\n"5,6\n7,8\n`;
    const want = csvParse(text, ",");
    expect(want).toMatchObject({ error: "CSV_QUOTE_NOT_CLOSED" });
    expect(await chunked([text.slice(0, 9), text.slice(9)], ",")).toEqual(want);
  });

  it("passes a handler's error on and closes the chunks, on the fast path and after falling back", async () => {
    for (const text of ["a\nb\nc\nd\n", 'a\n"b"x\nc\nd\n']) {
      let closed = false;
      async function* gen() {
        try {
          yield text.slice(0, 3);
          yield text.slice(3);
          yield "e\n";
        } finally {
          closed = true;
        }
      }
      const boom = new Error("stop here");
      const seen: number[] = [];
      await expect(
        parseCsvChunks(gen(), ",", (_cells, row) => {
          seen.push(row);
          if (row === 3) throw boom;
        }),
      ).rejects.toBe(boom);
      expect(seen).toEqual([1, 2, 3]);
      expect(closed, JSON.stringify(text)).toBe(true);
    }
  });

  it("discovers the record delimiter csv-parse would (the first line end outside quotes)", () => {
    expect(discoverRecordDelimiter('"a\nb",c\r\nd', ",", true)).toBe("\r\n");
    expect(discoverRecordDelimiter('x"a\rb', ",", true)).toBe("\r");
    expect(discoverRecordDelimiter('"a""\n', ",", false)).toBeUndefined();
    expect(discoverRecordDelimiter("abc\r", ",", false)).toBeUndefined();
    expect(discoverRecordDelimiter("abc", ",", true)).toBe("\n");
  });
});

describe("openExport on CSV", () => {
  const rows = [
    ["ResponseId", "Role", "Q1", "Comment"],
    ["R_1", "Executive", "Strongly agree", "多行\n文本"],
    ["R_2", "一线员工", "非常同意", 'said "no", twice'],
  ];
  const csv = (eol: string) =>
    `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join(eol)}${eol}`;

  async function readAll(file: string): Promise<string[][]> {
    const reader = await openExport(file);
    const out: string[][] = [];
    await reader.each((cells) => {
      out.push(cells);
    });
    return out;
  }

  it("reads the same records from UTF-8 (with and without BOM, LF and CRLF) and UTF-16", async () => {
    const dir = tmp();
    const le = (text: string) => Buffer.from(text, "utf16le");
    const be = (text: string) => le(text).swap16();
    const files: [string, Buffer][] = [
      ["utf8.csv", Buffer.from(csv("\n"))],
      ["bom-crlf.csv", Buffer.from(`\uFEFF${csv("\r\n")}`)],
      ["utf16le.csv", le(`\uFEFF${csv("\r\n")}`)],
      ["utf16be.csv", be(`\uFEFF${csv("\n")}`)],
    ];
    for (const [name, bytes] of files) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      expect(await readAll(file), name).toEqual(rows);
    }
  });

  it("reads a GB18030 export as the same text saved as UTF-8", async () => {
    const gb = path.resolve("test/fixtures/survey/wjx-gb18030/export.csv");
    const file = path.join(tmp(), "utf8.csv");
    writeFileSync(file, new TextDecoder("gb18030").decode(readFileSync(gb)));
    const fromGb = await readAll(gb);
    expect(fromGb.length).toBeGreaterThan(3);
    expect(fromGb).toEqual(await readAll(file));
  });
});
