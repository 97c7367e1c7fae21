import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  brandFooter,
  brandSchema,
  brandTextFor,
  brandView,
  imageKind,
  normalizeHex,
} from "../../../src/core/models/brand.js";

const hexDigit = fc.constantFrom(..."0123456789abcdefABCDEF");

describe("brand schema", () => {
  it("accepts a full brand file and one with only the firm", () => {
    expect(
      brandSchema().safeParse({
        firm: { en: "Northwind", "zh-CN": "北风" },
        logo: "logo.png",
        colors: { primary: "#0b4f6c", accent: "#E0A526" },
        fonts: { heading: "Source Sans Pro", body: "Calibri", pdf: "fonts/a.ttf" },
        footer: "Northwind Advisory",
        confidentiality: { en: "Confidential" },
        coverLine: "Independent",
      }).success,
    ).toBe(true);
    expect(brandSchema().safeParse({ firm: "Northwind" }).success).toBe(true);
  });

  it.each([
    ["a colour that is not hex", { firm: "N", colors: { primary: "navy" } }],
    ["a colour without #", { firm: "N", colors: { primary: "0b4f6c" } }],
    ["a four-digit colour", { firm: "N", colors: { primary: "#0b4f" } }],
    ["no firm", { footer: "x" }],
    ["an unknown key", { firm: "N", colour: "#000" }],
    ["an unknown language", { firm: { fr: "N" } }],
    ["a text in no language", { firm: {} }],
    ["an empty text", { firm: "" }],
    ["a font name that could be markup", { firm: "N", fonts: { body: '<a href="x">' } }],
  ])("refuses %s", (_what, value) => {
    expect(brandSchema().safeParse(value).success).toBe(false);
  });

  it("accepts every #rgb and #rrggbb colour and normalises it to lower-case #rrggbb", () => {
    fc.assert(
      fc.property(fc.array(hexDigit, { minLength: 6, maxLength: 6 }), (digits) => {
        const color = `#${digits.join("")}`;
        expect(brandSchema().safeParse({ firm: "N", colors: { primary: color } }).success).toBe(
          true,
        );
        expect(normalizeHex(color)).toBe(color.toLowerCase());
      }),
    );
    fc.assert(
      fc.property(fc.array(hexDigit, { minLength: 3, maxLength: 3 }), (digits) => {
        const short = normalizeHex(`#${digits.join("")}`);
        expect(short).toMatch(/^#[0-9a-f]{6}$/);
        expect(short).toBe(`#${digits.map((d) => d.toLowerCase().repeat(2)).join("")}`);
      }),
    );
  });
});

describe("brand texts", () => {
  it("picks the language's text, else English, else the first given", () => {
    expect(brandTextFor("One", "zh-CN")).toBe("One");
    expect(brandTextFor({ en: "E", "zh-CN": "中" }, "zh-CN")).toBe("中");
    expect(brandTextFor({ en: "E" }, "zh-CN")).toBe("E");
    expect(brandTextFor({ "zh-CN": "中" }, "en")).toBe("中");
    expect(brandTextFor(undefined, "en")).toBeUndefined();
  });

  it("puts footer and confidentiality in the footer, or keeps the document's own", () => {
    const view = brandView(
      { firm: "N", fonts: {}, footer: "F", confidentiality: { en: "C", "zh-CN": "机密" } },
      "zh-CN",
    );
    expect(brandFooter(view, "own")).toBe("F  ·  机密");
    expect(brandFooter(brandView({ firm: "N", fonts: {} }, "en"), "own")).toBe("own");
  });
});

describe("imageKind", () => {
  it("knows PNG and JPEG by their signatures and nothing else", () => {
    expect(imageKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      "png",
    );
    expect(imageKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpg");
    expect(imageKind(new TextEncoder().encode("<svg xmlns="))).toBeNull();
    expect(imageKind(new Uint8Array([0x89, 0x50]))).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), (bytes) => {
        const kind = imageKind(bytes);
        if (kind === "png") expect(bytes[0]).toBe(0x89);
        if (kind === "jpg") expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      }),
    );
  });
});
