import type { Font } from "fontkit";

/** The positions pdfkit reads from a layout run, in font units (pdfkit scales them in place). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
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
 */
export function withPlainLayout(font: Font, codePoints: ReadonlySet<number>): Font {
  for (const cp of codePoints) if (needsShaping(cp)) return font;
  const layout = (text: string) => {
    const glyphs = font.glyphsForString(text);
    const positions: Position[] = glyphs.map((g) => ({
      xAdvance: g.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }));
    return {
      glyphs,
      positions,
      // A getter, as on fontkit's GlyphRun: pdfkit rescales the positions after layout.
      get advanceWidth() {
        let sum = 0;
        for (const p of positions) sum += p.xAdvance;
        return sum;
      },
    };
  };
  return new Proxy(font, {
    get(target, prop) {
      if (prop === "layout") return layout;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
