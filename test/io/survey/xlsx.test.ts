import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { ExportError, openExport } from "../../../src/io/survey/read.js";
import { readXlsx } from "../../../src/io/survey/xlsx.js";
import { tmp } from "../../batch/helpers.js";

type Cell = string | number | boolean | { richText: { text: string }[] } | null;

/** Writes a workbook with exceljs's streaming writer (sheets are zipped before shared strings). */
async function workbook(file: string, rows: Cell[][], useSharedStrings = true): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
  const ws = wb.addWorksheet("Responses");
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

async function readAll(file: string): Promise<[number, string[]][]> {
  const reader = await openExport(file);
  const rows: [number, string[]][] = [];
  await reader.each((cells, row) => {
    rows.push([row, cells]);
  });
  return rows;
}

/** The decompressed bytes of one part, read with yauzl and zlib directly. */
function part(file: string, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, { decompress: false }, (e, s) => {
          if (e || !s) return reject(e);
          const chunks: Buffer[] = [];
          s.on("data", (c: Buffer) => chunks.push(c));
          s.on("end", () => {
            zip.close();
            resolve(inflateRawSync(Buffer.concat(chunks)));
          });
        });
      });
      zip.on("end", () => reject(new Error(`${name} not found`)));
      zip.readEntry();
    });
  });
}

/** Rewrites one part of a workbook in place (for XML that exceljs cannot write). */
async function editPart(file: string, name: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  zip.file(name, edit((await zip.file(name)?.async("string")) ?? ""));
  writeFileSync(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

/** Deterministic CJK text (3-byte UTF-8) with some 4-byte characters outside the BMP. */
function cjk(seed: number, length: number): string {
  let x = seed * 2654435761;
  let s = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += x % 17 === 0 ? "𠀋" : String.fromCharCode(0x4e00 + (x % 0x5000));
  }
  return s;
}

describe("readXlsx", () => {
  it("keeps multi-byte characters whole across compressed chunks (shared strings)", async () => {
    const dir = tmp();
    const file = path.join(dir, "cjk.xlsx");
    const rows: Cell[][] = [["序号", "部门", "意见"]];
    for (let i = 1; i <= 3000; i++)
      rows.push([i, `华东区第${i}销售与客户服务部门`, cjk(i, 20 + (i % 40))]);
    await workbook(file, rows);
    // The premise: the shared strings' XML is long and decompresses in 16 KiB chunks, some of
    // which end inside a character (a UTF-8 continuation byte right after the boundary).
    const xml = await part(file, "xl/sharedStrings.xml");
    expect(xml.length).toBeGreaterThan(200_000);
    const straddling = Array.from(
      { length: Math.floor(xml.length / 16384) },
      (_, k) => xml[(k + 1) * 16384] as number,
    ).filter((b) => b >= 0x80 && b < 0xc0);
    expect(straddling.length).toBeGreaterThan(5);
    const read = await readAll(file);
    expect(read.map(([, cells]) => cells)).toEqual(rows.map((r) => r.map(String)));
    expect(read.map(([n]) => n)).toEqual(rows.map((_, i) => i + 1));
    expect(JSON.stringify(read)).not.toContain("\uFFFD");
  });

  it("joins a shared string's rich-text runs", async () => {
    const file = path.join(tmp(), "rich.xlsx");
    await workbook(file, [
      ["id", "部门"],
      [1, { richText: [{ text: "华东" }, { text: "区" }, { text: " (east)" }] }],
    ]);
    const xml = (await part(file, "xl/sharedStrings.xml")).toString("utf8");
    expect(xml.match(/<r>/g)).toHaveLength(3);
    expect(await readAll(file)).toEqual([
      [1, ["id", "部门"]],
      [2, ["1", "华东区 (east)"]],
    ]);
  });

  it.each([
    ["a shared string", true, "xl/sharedStrings.xml", "<t>東京</t>", "<t>東京</t>"],
    [
      "an inline string",
      false,
      "xl/worksheets/sheet1.xml",
      '<c r="B2" t="str"><v>東京</v></c>',
      '<c r="B2" t="inlineStr"><is><t>東京</t>',
    ],
  ])(
    "leaves out the phonetic reading (rPh) of %s, as Excel shows the cell",
    async (_, shared, name, text, opening) => {
      const file = path.join(tmp(), "phonetic.xlsx");
      await workbook(
        file,
        [
          ["id", "部門"],
          [1, "東京"],
        ],
        shared,
      );
      // Japanese Excel stores the furigana of a cell beside its text; exceljs cannot write it.
      const reading = '<rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>';
      const closing = shared ? "" : "</is></c>";
      await editPart(file, name, (xml) => {
        expect(xml).toContain(text);
        return xml.replace(text, opening + reading + closing);
      });
      expect(await readAll(file)).toEqual([
        [1, ["id", "部門"]],
        [2, ["1", "東京"]],
      ]);
    },
  );

  it("counts a cell's characters over all its rich-text runs against the cell limit", async () => {
    const dir = tmp();
    const runs = ["东".repeat(200), "西".repeat(200)];
    const shared = path.join(dir, "shared.xlsx");
    await workbook(shared, [
      ["id", "text"],
      [1, { richText: runs.map((text) => ({ text })) }],
    ]);
    const inline = path.join(dir, "inline.xlsx");
    await workbook(
      inline,
      [
        ["id", "text"],
        [1, "x"],
      ],
      false,
    );
    await editPart(inline, "xl/worksheets/sheet1.xml", (xml) => {
      const cell = '<c r="B2" t="str"><v>x</v></c>';
      expect(xml).toContain(cell);
      const is = runs.map((t) => `<r><t>${t}</t></r>`).join("");
      return xml.replace(cell, `<c r="B2" t="inlineStr"><is>${is}</is></c>`);
    });
    const read = (file: string, cellChars: number) => {
      const rows: string[][] = [];
      return readXlsx({ file }, { display: "runs.xlsx", limits: { cellChars } }, (cells) => {
        rows.push(cells);
      }).then(() => rows);
    };
    // Each run is within 300 characters; the cell's 400 are not.
    await expect(read(shared, 300)).rejects.toThrow(
      /found shared string 2 in xl\/sharedStrings\.xml holding more than 300 characters/,
    );
    await expect(read(inline, 300)).rejects.toThrow(
      /found cell B2 of xl\/worksheets\/sheet1\.xml holding more than 300 characters/,
    );
    for (const file of [shared, inline]) {
      expect((await read(file, 400))[1]).toEqual(["1", runs.join("")]);
    }
  });

  it("places cells and rows that carry no reference (r) after the ones before them", async () => {
    const file = path.join(tmp(), "no-refs.xlsx");
    await workbook(file, [
      ["id", "部门", "Q1"],
      [1, "华东", 4],
      [2, "华北", 5],
    ]);
    // Row 2 keeps its references; elsewhere cells and rows follow on. Row 3's second cell jumps
    // to column D by its reference, and the cell after it follows on to E.
    await editPart(file, "xl/worksheets/sheet1.xml", (xml) => {
      const edited = xml
        .replace(/<row r="3"([^>]*)>/, "<row$1>")
        .replace(/<c r="[A-Z]+1"/g, "<c")
        .replace('<c r="B3"', '<c r="D3"')
        .replace(/<c r="C3"/, "<c");
      expect(edited).not.toContain('r="A1"');
      expect(edited).not.toContain('<row r="3"');
      return edited;
    });
    expect(await readAll(file)).toEqual([
      [1, ["id", "部门", "Q1"]],
      [2, ["1", "华东", "4"]],
      [3, ["2", "", "", "华北", "5"]],
    ]);
  });

  it("hands on the empty rows the XML leaves out, numbered, as a CSV export holds them", async () => {
    const file = path.join(tmp(), "gaps.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Responses");
    ws.getRow(1).values = ["Survey export"];
    ws.getRow(4).values = ["id", "Q1"];
    ws.getRow(5).values = [1, 4];
    ws.getRow(7).values = [2, 5];
    await wb.xlsx.writeFile(file);
    const xml = (await part(file, "xl/worksheets/sheet1.xml")).toString("utf8");
    expect(xml).not.toMatch(/<row r="[236]"/);
    expect(await readAll(file)).toEqual([
      [1, ["Survey export"]],
      [2, []],
      [3, []],
      [4, ["id", "Q1"]],
      [5, ["1", "4"]],
      [6, []],
      [7, ["2", "5"]],
    ]);
  });

  it("reads a number as its cell's format shows it, and as the number where the format rounds it", async () => {
    const file = path.join(tmp(), "formats.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Responses");
    ws.addRow(["id", "code", "Q1", "Q2", "progress", "phone", "score", "submitted", "result"]);
    const rows = [
      [1, 7, 4, 5, 1, 13_800_138_000, 3.5, 45352.38384259259, { formula: "4/2", result: 2 }],
      [12, 42, 3, 4, 0.8567, 2_000_000_000_000, 4, 45353, { formula: "0.1*3", result: 0.1 * 3 }],
    ];
    for (const r of rows) ws.addRow(r);
    const formats = ["000", '"R"000', "0.0", "@", "0%", "0", "0", "yyyy-mm-dd hh:mm:ss", "0.00"];
    formats.forEach((numFmt, c) => {
      for (const r of [2, 3]) ws.getCell(r, c + 1).numFmt = numFmt;
    });
    await wb.xlsx.writeFile(file);
    const styles = (await part(file, "xl/styles.xml")).toString("utf8");
    expect(styles).toContain('formatCode="000"');
    expect(await readAll(file)).toEqual([
      [1, ["id", "code", "Q1", "Q2", "progress", "phone", "score", "submitted", "result"]],
      // 3.5 under `0` shows as 4 in the cell: read as 3.5, never as level 4.
      [2, ["001", "R007", "4.0", "5", "100%", "13800138000", "3.5", "2024-03-01 09:12:44", "2.00"]],
      // 0.8567 under `0%` shows as 86%: read as the number. The formula's 0.30000000000000004 is
      // 0.30 to Excel.
      [
        3,
        ["012", "R042", "3.0", "4", "0.8567", "2000000000000", "4", "2024-03-02 00:00:00", "0.30"],
      ],
    ]);
  });

  it("refuses a formula whose result was never saved, rather than read it as an empty cell", async () => {
    // exceljs (like other libraries) writes a formula without its result unless given one; Excel
    // and LibreOffice always save the result. Read as empty, an answer was silently left out.
    const file = path.join(tmp(), "uncalculated.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Responses");
    ws.addRow(["id", "Q1"]);
    ws.addRow([1, { formula: "2+2", result: 4 }]);
    ws.addRow([2, { formula: "B2+1" }]);
    await wb.xlsx.writeFile(file);
    const xml = (await part(file, "xl/worksheets/sheet1.xml")).toString("utf8");
    expect(xml).toContain('<c r="B3"><f>B2+1</f></c>');
    await expect(readAll(file)).rejects.toThrow(
      /uncalculated\.xlsx: expected a readable XLSX workbook; found cell B3 holding a formula whose result was never saved .*: open it in Excel or LibreOffice and save it, or save the responses as CSV$/,
    );
  });

  it("reads inline strings, formula strings, numbers, booleans and gaps", async () => {
    const dir = tmp();
    const file = path.join(dir, "inline.xlsx");
    const long = cjk(7, 30_000);
    const rows: Cell[][] = [
      ["id", "部门", "Q1", "Q2"],
      [1, { richText: [{ text: "华东" }, { text: "区" }] }, 4, true],
      [2, long, null, 0.1 + 0.2],
      [3, "a & b <c> \uFFFD", "", false],
    ];
    await workbook(file, rows, false);
    const xml = (await part(file, "xl/worksheets/sheet1.xml")).toString("utf8");
    expect(xml).toContain('t="inlineStr"');
    expect(xml).toContain('t="str"');
    expect(await readAll(file)).toEqual([
      [1, ["id", "部门", "Q1", "Q2"]],
      [2, ["1", "华东区", "4", "TRUE"]],
      // A number as Excel shows it: 15 significant digits.
      [3, ["2", long, "", "0.3"]],
      // A replacement character in the source is kept.
      [4, ["3", "a & b <c> \uFFFD", "", "FALSE"]],
    ]);
  });

  it("reports any single flipped byte as a damaged workbook or reads it unchanged", async () => {
    const dir = tmp();
    const file = path.join(dir, "ok.xlsx");
    const rows: Cell[][] = [["id", "部门"]];
    for (let i = 1; i <= 200; i++) rows.push([i, `华南区第${i}部`]);
    await workbook(file, rows);
    const original = readFileSync(file);
    const expected = await readAll(file);
    const bad = path.join(dir, "bad.xlsx");
    let refused = 0;
    for (let at = 7; at < original.length; at += Math.ceil(original.length / 80)) {
      const bytes = Buffer.from(original);
      bytes[at] = (bytes[at] as number) ^ 0x5a;
      writeFileSync(bad, bytes);
      try {
        expect(await readAll(bad)).toEqual(expected);
      } catch (err) {
        expect(err).toBeInstanceOf(ExportError);
        const msg = (err as Error).message;
        expect(msg).toMatch(/^.*bad\.xlsx: expected a readable XLSX workbook; found /);
        expect(msg).not.toMatch(/FILE_ENDED|invalid distance|signature:|Z_|Error:/);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(25);
  });

  it("refuses parts and cells over the limits before holding them", async () => {
    const dir = tmp();
    const file = path.join(dir, "big.xlsx");
    const rows: Cell[][] = [["id", "text"]];
    for (let i = 1; i <= 500; i++) rows.push([i, `${"重复".repeat(200)}${i}`]);
    await workbook(file, rows);
    const read = (limits: object) => readXlsx({ file }, { display: "big.xlsx", limits }, () => {});
    await expect(read({ sharedStringsBytes: 100_000 })).rejects.toThrow(
      /big\.xlsx: expected a readable XLSX workbook; found shared strings \(xl\/sharedStrings\.xml\) larger than the 97.7 KiB this tool reads uncompressed; save the responses as CSV/,
    );
    await expect(read({ sheetBytes: 10_000 })).rejects.toThrow(
      /found a worksheet \(xl\/worksheets\/sheet1\.xml\) larger than/,
    );
    await expect(read({ cellChars: 300 })).rejects.toThrow(
      /found shared string 2 in xl\/sharedStrings\.xml holding more than 300 characters \(Excel's limit for a cell\)/,
    );

    // One text of 1.5 million characters is refused before the parser holds it whole.
    const huge = path.join(dir, "huge.xlsx");
    await workbook(huge, [["id"], ["x".repeat(1_500_000)]], false);
    await expect(readXlsx({ file: huge }, { display: "huge.xlsx" }, () => {})).rejects.toThrow(
      /found XML text or a tag in xl\/worksheets\/sheet1\.xml longer than 1 MiB/,
    );

    // The declared sizes lie (as in a ZIP bomb): the inflated bytes are counted as they come.
    const bytes = readFileSync(file);
    const name = Buffer.from("xl/sharedStrings.xml");
    for (
      let i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      i >= 0;
      i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)
    ) {
      const nameLength = bytes.readUInt16LE(i + 28);
      if (bytes.subarray(i + 46, i + 46 + nameLength).equals(name))
        bytes.writeUInt32LE(1000, i + 24);
    }
    const liar = path.join(dir, "liar.xlsx");
    writeFileSync(liar, bytes);
    await expect(
      readXlsx(
        { file: liar },
        { display: "liar.xlsx", limits: { sharedStringsBytes: 100_000 } },
        () => {},
      ),
    ).rejects.toThrow(/found shared strings \(xl\/sharedStrings\.xml\) larger than/);
  });

  it("reads a workbook from standard input", async () => {
    const dir = tmp();
    const file = path.join(dir, "in.xlsx");
    await workbook(file, [
      ["a", "b"],
      ["客户", 2],
    ]);
    const rows: string[][] = [];
    await readXlsx(
      {
        stream: (async function* () {
          yield readFileSync(file);
        })(),
      },
      { display: "<stdin>" },
      (cells) => {
        rows.push(cells);
      },
    );
    expect(rows).toEqual([
      ["a", "b"],
      ["客户", "2"],
    ]);
  });
});
