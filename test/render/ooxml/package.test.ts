import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { normalizePackage, type ZipEntries } from "../../../src/render/ooxml/package.js";

describe("normalizePackage", () => {
  it("gives the same bytes from a zip's entries as from the zip's bytes", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>", { date: new Date(Date.UTC(2021, 1, 2)) });
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file(
      "docProps/core.xml",
      "<cp><dcterms:created>2030-01-01T00:00:00Z</dcterms:created></cp>",
    );
    const deflated = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const fromBytes = await normalizePackage(deflated, "2024-05-06");
    const fromEntries = await normalizePackage(zip, "2024-05-06");
    expect(Buffer.from(fromEntries).equals(Buffer.from(fromBytes))).toBe(true);
    const names = Object.keys((await JSZip.loadAsync(fromEntries)).files);
    expect(names[0]).toBe("[Content_Types].xml");
  });

  it("gets a Word document's entries from docx's compiler, as Packer would zip them", async () => {
    // A document is compiled once: compiling adds to it.
    const document = () => new Document({ sections: [{ children: [new Paragraph("Hello")] }] });
    // src/render/docx/document.ts reads this internal of the pinned docx release.
    const { compiler } = Packer as unknown as {
      compiler: { compile(file: Document, prettify: undefined, overrides: []): ZipEntries };
    };
    expect(typeof compiler.compile).toBe("function");
    const packed = new Uint8Array(await Packer.toBuffer(document()));
    const viaPacker = await normalizePackage(packed, "2024-05-06");
    const viaCompiler = await normalizePackage(
      compiler.compile(document(), undefined, []),
      "2024-05-06",
    );
    expect(Buffer.from(viaCompiler).equals(Buffer.from(viaPacker))).toBe(true);
  });

  it("dates every entry at noon of the document's date, the same bytes in any time zone", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    zip.file("word/media/chart.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    const zone = process.env.TZ;
    const inZone = async (tz: string) => {
      process.env.TZ = tz;
      try {
        return Buffer.from(await normalizePackage(zip, "2024-05-06"));
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
    };
    const east = await inZone("Pacific/Kiritimati");
    const west = await inZone("Pacific/Pago_Pago");
    expect(east.equals(west)).toBe(true);
    const read = await JSZip.loadAsync(east);
    for (const entry of Object.values(read.files)) {
      // A zip's DOS time has no zone: JSZip reads it as UTC.
      expect(entry.date.toISOString()).toBe("2024-05-06T12:00:00.000Z");
    }
    expect(await read.file("word/media/chart.png")?.async("uint8array")).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    );
  });
});
