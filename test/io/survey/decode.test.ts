import { describe, expect, it } from "vitest";
import {
  DecodeError,
  type DecodeState,
  decodeText,
  detectBom,
  type EncodingChoice,
  looksWindows1252,
  SNIFF_BYTES,
} from "../../../src/io/survey/decode.js";
import { sniffDelimiter } from "../../../src/io/survey/sniff.js";

async function decode(
  chunks: Uint8Array[],
  choice: EncodingChoice = "auto",
): Promise<{ text: string; state: DecodeState }> {
  const state: DecodeState = { bom: false, bytesRead: 0, notices: [] };
  async function* source() {
    yield* chunks;
  }
  // Pieces joined as they come: a piece that ended inside a character would hold U+FFFD.
  const out: string[] = [];
  for await (const b of decodeText(source(), choice, state, "export.csv")) {
    out.push(b);
  }
  return { text: out.join(""), state };
}

/** Splits bytes into chunks of `size` (to cut multi-byte characters). */
const split = (bytes: Uint8Array, size: number) => {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};

// "序号,非常同意\r\n" in GB18030.
const GB = Uint8Array.from([
  0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xb7, 0xc7, 0xb3, 0xa3, 0xcd, 0xac, 0xd2, 0xe2, 0x0d, 0x0a,
]);

describe("decodeText", () => {
  it("detects byte-order marks", () => {
    expect(detectBom(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      encoding: "utf-8",
      length: 3,
    });
    expect(detectBom(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toEqual({
      encoding: "utf-16le",
      length: 2,
    });
    expect(detectBom(Uint8Array.from([0xfe, 0xff, 0, 0x41]))).toEqual({
      encoding: "utf-16be",
      length: 2,
    });
    expect(detectBom(Uint8Array.from([0x41, 0x42]))).toBeUndefined();
  });

  it("passes UTF-8 through, drops its BOM, and survives characters cut across chunks", async () => {
    const bytes = Buffer.from("\uFEFF序号,非常同意\n1,5😀\n", "utf8");
    for (const size of [1, 2, 3, 5, 64]) {
      const { text, state } = await decode(split(bytes, size));
      expect(text).toBe("序号,非常同意\n1,5😀\n");
      expect(state.encoding).toBe("utf-8");
      expect(state.bom).toBe(true);
      expect(state.notices).toEqual([]);
    }
  });

  it("falls back to GB18030 with a notice when the start is not UTF-8", async () => {
    const { text, state } = await decode(split(GB, 3));
    expect(text).toBe("序号,非常同意\r\n");
    expect(state.encoding).toBe("gb18030");
    expect(state.notices[0]).toMatch(/export\.csv is not valid UTF-8; reading it as GB18030/);
  });

  it("falls back to Windows-1252 when the bytes are Western Excel's, not Chinese Excel's", async () => {
    // What Excel saves as "CSV (Comma delimited)" on a Western Windows. Read as GB18030, "Zürich"
    // became "Z" and a Chinese character (FC 72) and "Don’t" (92 74) another: silent nonsense.
    const text = "id,city,Q1\r\nr1,Zürich,Don’t know\r\nr2,Malmö,Agree\r\nr3,São Paulo,Neutral\r\n";
    const bytes = Uint8Array.from(text, (c) => (c === "’" ? 0x92 : c.charCodeAt(0)));
    expect(looksWindows1252(bytes)).toBe(true);
    const { text: read, state } = await decode(split(bytes, 7));
    expect(read).toBe(text);
    expect(state.encoding).toBe("windows-1252");
    expect(state.notices).toEqual([
      'export.csv is not valid UTF-8; reading it as Windows-1252, the encoding Excel saves "CSV" in on a Western Windows (use --encoding to choose another)',
    ]);
    // Chinese Excel's GB18030 stays GB18030, rare characters (ASCII second bytes) included.
    expect(looksWindows1252(GB)).toBe(false);
    expect(looksWindows1252(Uint8Array.from([...GB, 0x81, 0x40, 0xd0, 0xf2]))).toBe(false);
    expect((await decode([bytes], "windows-1252")).text).toBe(text);
  });

  it("decodes UTF-16LE and UTF-16BE with a BOM, split anywhere", async () => {
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("序号\t非常同意😀\n", "utf16le"),
    ]);
    const be = Buffer.from(le);
    be.swap16();
    for (const size of [1, 3, 7, 19]) {
      expect((await decode(split(le, size))).text).toBe("序号\t非常同意😀\n");
      const r = await decode(split(be, size));
      expect(r.text).toBe("序号\t非常同意😀\n");
      expect(r.state.encoding).toBe("utf-16be");
    }
  });

  it("guesses BOM-less UTF-16LE from NUL bytes", async () => {
    const { text, state } = await decode([Buffer.from("respondent\trole\n", "utf16le")]);
    expect(text).toBe("respondent\trole\n");
    expect(state.encoding).toBe("utf-16le");
    expect(state.notices[0]).toMatch(/looks like UTF-16LE/);
  });

  it("follows --encoding over the bytes", async () => {
    const { text, state } = await decode([GB], "gb18030");
    expect(text).toBe("序号,非常同意\r\n");
    expect(state.notices).toEqual([]);
    const utf16 = await decode([Buffer.from("a,b\n", "utf16le")], "utf-16le");
    expect(utf16.text).toBe("a,b\n");
  });

  it("follows a UTF-8 byte-order mark over --encoding when the text is UTF-8, and --encoding when it is not", async () => {
    // A rejects file batch wrote (UTF-8 with a mark), fed back with an export read with --encoding.
    const bytes = Buffer.from("\uFEFF序号,非常同意,Don’t know\r\n", "utf8");
    for (const choice of ["gb18030", "windows-1252", "utf-16le"] as const) {
      for (const size of [2, 64]) {
        const { text, state } = await decode(split(bytes, size), choice);
        expect(text).toBe("序号,非常同意,Don’t know\r\n");
        expect(state).toMatchObject({ encoding: "utf-8", bom: true });
        expect(state.notices).toEqual([
          `export.csv starts with a UTF-8 byte-order mark and its text is UTF-8; reading it as UTF-8, not as --encoding ${choice}`,
        ]);
      }
    }
    // A mark in front of text that is not UTF-8 ("Zürich" in Windows-1252): --encoding overrules it.
    const zurich = Uint8Array.from([0xef, 0xbb, 0xbf, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]);
    const marked = await decode([zurich], "windows-1252");
    expect(marked.text).toBe("ï»¿Zürich");
    expect(marked.state.encoding).toBe("windows-1252");
    expect(marked.state.notices).toEqual([
      "export.csv starts with a UTF-8 byte-order mark but --encoding windows-1252 was given; following --encoding",
    ]);
  });

  it("reports invalid UTF-8 after the sniffed start, with the byte offset", async () => {
    const start = Buffer.alloc(SNIFF_BYTES + 10, "a");
    await expect(decode([start, Uint8Array.from([0x61, 0xff, 0x61])])).rejects.toThrow(
      /invalid byte sequence at byte 65548.*--encoding gb18030/,
    );
    await expect(decode([Uint8Array.from([0x61, 0xff])], "utf-8")).rejects.toBeInstanceOf(
      DecodeError,
    );
  });

  it("reports bytes that are not GB18030 either when it is forced", async () => {
    await expect(decode([Uint8Array.from([0x81, 0x20])], "gb18030")).rejects.toThrow(
      /expected GB18030 text/,
    );
  });
});

describe("sniffDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\r\n1;2;3\r\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ['"x,y";b;c\n"1,2";2;3\n', ";"],
    ['id;"Q1, the first"\n1;5\n', ";"],
    ["a,b\n1,2,,,\n", ","],
    ["only\n1\n", ","],
  ])("%j → %j", (head, expected) => {
    expect(sniffDelimiter(head)).toBe(expected);
  });
});
