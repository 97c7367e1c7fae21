import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Font } from "fontkit";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { CACHE_DIR_ENV } from "../../../src/io/cache-dir.js";
import { openFontFacts } from "../../../src/io/font-facts.js";
import {
  numericFields,
  postHeader,
  withPlainLayout,
} from "../../../src/render/pdf/plain-layout.js";
import { WQY } from "./helpers.js";

const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const file = existsSync(WQY) ? WQY : DEJAVU;

function openFace(): Font {
  const parsed = fontkit.create(readFileSync(file));
  return "fonts" in parsed ? (parsed.fonts[0] as Font) : parsed;
}

interface Run {
  glyphs: { id: number; codePoints: number[]; advanceWidth: number }[];
  positions: { xAdvance: number }[];
}
const layoutOf = (font: Font, text: string): Run => font.layout(text) as Run;
const ids = (run: Run) => run.glyphs.map((g) => [g.id, g.advanceWidth]);

const TEXTS = [
  "Customer data quality",
  "客户数据质量，以客户为中心。",
  "mixed 混合 text — “quotes” ≥ 2",
  // A supplementary ideograph (a surrogate pair), a lone surrogate, an unknown character.
  "\u{20000}\ud800x\u{10ffff}",
  // A variation selector after an ideograph.
  "葛\u{e0100}葛",
  "",
];

describe.skipIf(!existsSync(file) && !process.env.CI)("withPlainLayout", () => {
  it("maps text to the glyphs and advances fontkit's character map gives", () => {
    const font = openFace();
    const plain = withPlainLayout(font, new Set([0x4e2d]));
    for (const text of [...TEXTS, ...TEXTS]) {
      const run = layoutOf(plain, text);
      expect(ids(run)).toEqual(font.glyphsForString(text).map((g) => [g.id, g.advanceWidth]));
      expect(run.positions.map((p) => p.xAdvance)).toEqual(run.glyphs.map((g) => g.advanceWidth));
    }
  });

  it("gives the same glyphs and metrics from a font facts cache as without it", () => {
    const env = { [CACHE_DIR_ENV]: mkdtempSync(path.join(os.tmpdir(), "crm-plain-layout-")) };
    const reference = withPlainLayout(openFace(), new Set([0x4e2d]));
    const expected = TEXTS.map((t) => ids(layoutOf(reference, t)));
    const expectedPost = { ...reference.post };
    // A fresh font each time, so the metrics come from the cache, not from fontkit's memo.
    for (let pass = 0; pass < 2; pass++) {
      const face = openFace();
      const store = openFontFacts(file, face.postscriptName, env);
      const before = store?.facts.glyphs.size ?? 0;
      if (pass === 0) expect(before).toBe(0);
      else expect(before).toBeGreaterThan(20);
      const cached = withPlainLayout(face, new Set([0x4e2d]), store);
      expect(TEXTS.map((t) => ids(layoutOf(cached, t)))).toEqual(expected);
      expect(cached.post?.isFixedPitch).toBe(expectedPost.isFixedPitch);
      expect((cached as unknown as { italicAngle: number }).italicAngle).toBe(
        expectedPost.italicAngle,
      );
      store?.save();
    }
  });

  it("leaves a font alone when the text needs shaping", () => {
    const font = openFace();
    expect(withPlainLayout(font, new Set([0x0627]))).toBe(font);
  });
});

// The post table's header is read from its bytes rather than by fontkit, which decodes every glyph
// name with it; it must be what fontkit's decoding gives, for every face of every font at hand.
const POST_FONTS = [
  WQY,
  DEJAVU,
  "/usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf",
  "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
].filter((f) => existsSync(f));
describe.skipIf(POST_FONTS.length === 0)("the post table's header", () => {
  it.each(POST_FONTS)("of %s is fontkit's", (fontFile) => {
    const parsed = fontkit.create(readFileSync(fontFile));
    const faces = "fonts" in parsed ? (parsed.fonts as Font[]) : [parsed];
    for (const face of faces) {
      const header = postHeader(face);
      expect(header).not.toBeNull();
      expect(header).toEqual(numericFields(face.post ?? {}));
    }
  });

  it("is left to fontkit for a version it does not know", () => {
    const face = fontkit.create(readFileSync(POST_FONTS[0] ?? "")) as Font | { fonts: Font[] };
    const font = "fonts" in face ? (face.fonts[0] as Font) : face;
    const table = font.directory?.tables.post;
    const bytes = font.stream?.buffer;
    if (!table || !bytes) throw new Error("no post table");
    const copy = new Uint8Array(bytes);
    new DataView(copy.buffer).setInt32(table.offset, 0x00070000);
    const altered = { directory: font.directory, stream: { buffer: copy } } as unknown as Font;
    expect(postHeader(altered)).toBeNull();
  });
});
