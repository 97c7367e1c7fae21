import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExportError, openExport } from "../../../src/io/survey/read.js";
import { tmp } from "../../batch/helpers.js";

async function readAll(file: string, opts = {}): Promise<string[][]> {
  const reader = await openExport(file, opts);
  const rows: string[][] = [];
  await reader.each((cells) => {
    rows.push(cells);
  });
  return rows;
}

describe("openExport", () => {
  it("never throws anything but ExportError on arbitrary bytes", async () => {
    const dir = tmp();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const file = path.join(dir, "x.csv");
        writeFileSync(file, bytes);
        try {
          await readAll(file);
        } catch (err) {
          expect(err).toBeInstanceOf(ExportError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("rejects a broken workbook and an old .xls with a clear message", async () => {
    const dir = tmp();
    const xlsx = path.join(dir, "broken.xlsx");
    writeFileSync(
      xlsx,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]),
    );
    await expect(readAll(xlsx)).rejects.toThrow(/expected a readable XLSX workbook/);
    const xls = path.join(dir, "old.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(readAll(xls)).rejects.toThrow(
      /Excel 97–2003 \(\.xls\) workbook \(save it as \.xlsx or CSV\)/,
    );
    await expect(readAll(dir)).rejects.toThrow(/expected a file; found a folder/);
  });

  it("numbers rows as a spreadsheet does, counting empty lines", async () => {
    const dir = tmp();
    const file = path.join(dir, "x.csv");
    writeFileSync(file, 'a,b\n\n"1\n2",3\n4,5\n');
    const seen: [number, string[]][] = [];
    const reader = await openExport(file);
    await reader.each((cells, row) => {
      seen.push([row, cells]);
    });
    expect(seen).toEqual([
      [1, ["a", "b"]],
      [2, [""]],
      [3, ["1\n2", "3"]],
      [4, ["4", "5"]],
    ]);
    expect(reader.info).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: "," });
  });

  it("waits for a handler's promise (backpressure) and stops when told", async () => {
    const dir = tmp();
    const file = path.join(dir, "x.csv");
    writeFileSync(file, Array.from({ length: 5000 }, (_, i) => `${i},x`).join("\n"));
    const reader = await openExport(file);
    let rows = 0;
    let pending = 0;
    await reader.each(() => {
      expect(pending).toBe(0);
      rows++;
      if (rows === 4000) return false;
      if (rows % 1000 === 0) {
        pending++;
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            pending--;
            resolve();
          }, 5),
        );
      }
      return undefined;
    });
    expect(rows).toBe(4000);
  });

  it("reads a file of several megabytes whole, characters cut by its reads included", async () => {
    // Over 3 MiB of rows whose Chinese cells (3 bytes each in UTF-8) fall across the 64 KiB
    // pieces and 1 MiB reads at every offset, in UTF-8 (checked piece by piece, with the end of a
    // piece carried into the next), GB18030 and UTF-16LE (streaming decoders).
    const dir = tmp();
    const rows = Array.from({ length: 80_000 }, (_, i) => [
      `R${i}`,
      "非常同意".repeat(1 + (i % 5)),
      `${i % 7}`,
    ]);
    const text = `${rows.map((r) => r.join(",")).join("\n")}\n`;
    const utf8 = Buffer.from(text, "utf8");
    expect(utf8.length).toBeGreaterThan(3 * 1024 * 1024);
    const files: Record<string, Buffer> = {
      "utf-8": utf8,
      gb18030: gb18030(text),
      "utf-16le": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    };
    for (const [encoding, bytes] of Object.entries(files)) {
      const file = path.join(dir, `${encoding}.csv`);
      writeFileSync(file, bytes);
      const read = await readAll(file, encoding === "gb18030" ? { encoding: "gb18030" } : {});
      expect(read.length, encoding).toBe(rows.length);
      expect(read, encoding).toEqual(rows);
    }
  });
});

/** `text` in GB18030, for the four characters the test uses (and ASCII). */
function gb18030(text: string): Buffer {
  const codes: Record<string, number[]> = {
    非: [0xb7, 0xc7],
    常: [0xb3, 0xa3],
    同: [0xcd, 0xac],
    意: [0xd2, 0xe2],
  };
  const out: number[] = [];
  for (const c of text) out.push(...(codes[c] ?? [c.charCodeAt(0)]));
  return Buffer.from(out);
}
