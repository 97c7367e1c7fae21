import type { Font, Glyph } from "fontkit";
import type { FontFactsStore } from "../../io/font-facts.js";

/**
 * The positions pdfkit reads from a layout run, in font units (pdfkit scales them in place and
 * sets `advanceWidth` on each; it is there from the start, so adding it changes no object's shape).
 */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

// Scripts whose glyphs must be substituted or positioned by OpenType shaping to read correctly:
// Hebrew to Myanmar (Arabic, Indic, Thai, …), Khmer, Mongolian, and the Arabic/Hebrew forms.
function needsShaping(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x109f) ||
    (cp >= 0x1780 && cp <= 0x18af) ||
    (cp >= 0xa800 && cp <= 0xabff) ||
    (cp >= 0xfb1d && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

/**
 * A view of `font` whose layout maps characters to glyphs with the character map alone. Chinese
 * and Latin text need no OpenType shaping, and skipping it (decoding GSUB/GPOS of a large CJK font
 * and running their lookups on every text run) roughly halves the PDF rendering time. Returns the
 * font itself when the text contains a script that does need shaping.
 *
 * The `post` table's header, which pdfkit reads when it embeds the font, is read from the table's
 * bytes (postHeader) rather than decoded whole by fontkit. With `facts` (src/io/font-facts.ts),
 * it and each glyph's metrics come from the cache when they are there, and are added to it when
 * they are not. The values are fontkit's own, so the PDF is the same byte for byte with or
 * without the cache. Variable fonts, whose metrics vary, are left alone.
 */
export function withPlainLayout(
  font: Font,
  codePoints: ReadonlySet<number>,
  facts: FontFactsStore | null = null,
): Font {
  for (const cp of codePoints) if (needsShaping(cp)) return font;
  const store = facts && Object.keys(font.variationAxes ?? {}).length === 0 ? facts : null;
  // The glyph of each code point, looked up in the character map once: Chinese text has no
  // spaces, so pdfkit's layout cache (per space-separated word) rarely hits and each line would
  // map every character again. The same glyphs fontkit's glyphsForString gives, which is still
  // used for text with variation selectors (they pick a glyph with the character before them).
  const byCodePoint = new Map<number, Glyph>();
  const glyphsOf = (text: string): Glyph[] => {
    const glyphs: Glyph[] = [];
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i) ?? 0;
      i += cp > 0xffff ? 2 : 1;
      let glyph = byCodePoint.get(cp);
      if (glyph === undefined) {
        if (isVariationSelector(cp)) return glyphsWithSelectors(text);
        glyph = font.glyphForCodePoint(cp);
        if (store) primeMetrics(glyph, store);
        byCodePoint.set(cp, glyph);
      }
      glyphs.push(glyph);
    }
    return glyphs;
  };
  const glyphsWithSelectors = (text: string): Glyph[] => {
    const glyphs = font.glyphsForString(text);
    if (store) for (const g of glyphs) primeMetrics(g, store);
    return glyphs;
  };
  const layout = (text: string) => {
    const glyphs = glyphsOf(text);
    const positions: Position[] = glyphs.map((g) => ({
      xAdvance: g.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
      advanceWidth: 0,
    }));
    return {
      glyphs,
      positions,
      // A getter, as on fontkit's GlyphRun: pdfkit rescales the positions after layout.
      get advanceWidth() {
        let sum = 0;
        for (let i = 0; i < positions.length; i++) sum += (positions[i] as Position).xAdvance;
        return sum;
      },
    };
  };
  let header: Record<string, number> | null | undefined;
  const post = () => {
    if (store?.facts.post) return store.facts.post;
    if (header === undefined) header = postHeader(font);
    if (header) {
      store?.setPost(header);
      return header;
    }
    const table = font.post;
    if (store && table) store.setPost(numericFields(table));
    return table;
  };
  return new Proxy(font, {
    get(target, prop, receiver) {
      if (prop === "layout") return layout;
      if (prop === "post") return post();
      // Getters run on the view, so those that read `post` (italicAngle, …) read it through it.
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

// The glyph's metrics from the cache, or fontkit's, recorded. fontkit memoises them on the glyph
// (`_metrics`), where every later reader (layout, pdfkit's widths, the subset) finds them.
function primeMetrics(glyph: Glyph, store: FontFactsStore): void {
  if (glyph._metrics) return;
  const cached = store.facts.glyphs.get(glyph.id);
  if (cached) {
    const [advanceWidth, advanceHeight, leftBearing, topBearing] = cached;
    glyph._metrics = { advanceWidth, advanceHeight, leftBearing, topBearing };
    return;
  }
  if (typeof glyph._getMetrics !== "function") return;
  const m = glyph._getMetrics();
  const metrics = [m.advanceWidth, m.advanceHeight, m.leftBearing, m.topBearing] as const;
  if (metrics.every((n) => typeof n === "number" && Number.isFinite(n))) {
    store.addGlyph(glyph.id, metrics);
  }
}

/**
 * The `post` table's header as fontkit decodes it (the numeric fields of `font.post`), read from
 * the table's bytes: fontkit decodes the whole table on first access, every glyph name with it
 * (~75 ms for WenQuanYi Micro Hei), where pdfkit reads two of its numbers. Null when the font has
 * no such table or one of a version fontkit does not know (fontkit then answers, or fails, as
 * before).
 */
export function postHeader(font: Font): Record<string, number> | null {
  const table = font.directory?.tables.post;
  const bytes = font.stream?.buffer;
  if (!table || !bytes || table.length < 32) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
  // Fixed-point 16.16 numbers, as fontkit's fixed32.
  const version = view.getInt32(0) / 65536;
  if (![1, 2, 2.5, 3, 4].includes(version)) return null;
  const header: Record<string, number> = {
    version,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  if (version === 2 || version === 2.5) {
    if (table.length < 34) return null;
    header.numberOfGlyphs = view.getUint16(32);
  }
  return header;
}

/** The numeric fields of a table (the `post` header without its glyph-name arrays). */
export function numericFields(table: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === "number") out[key] = value;
  }
  return out;
}
