import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/io/yaml.js";

const decode = (bytes: Uint8Array) => decodeUtf8(bytes, "a.yaml");

describe("decodeUtf8", () => {
  it("returns any well-formed text unchanged, with or without a byte-order mark", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const bytes = Buffer.from(text, "utf8");
        expect(decode(bytes)).toEqual({ text });
        expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toEqual({ text });
      }),
    );
  });

  it("locates the first invalid byte sequence", () => {
    const bytes = Buffer.concat([
      Buffer.from("id: x\nname: 质量", "utf8"),
      Buffer.from([0xc3, 0x28]),
    ]);
    const result = decode(bytes);
    expect(result).toMatchObject({
      issue: { code: "file-unreadable", file: "a.yaml", start: { line: 2, column: 9 } },
    });
  });

  it("names a UTF-16 file for what it is", () => {
    const result = decode(Buffer.from([0xff, 0xfe, 0x69, 0x00]));
    expect(result).toMatchObject({ issue: { code: "file-unreadable" } });
    expect("issue" in result && result.issue.message).toMatch(/UTF-16/);
  });
});
