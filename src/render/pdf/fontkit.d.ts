// fontkit ships no type declarations; this covers the few members the PDF renderer and the charts'
// PNG fallback use. It is pdfkit's own font engine, so importing it costs nothing extra once pdfkit
// is loaded.
declare module "fontkit" {
  /** One font face (a .ttf/.otf, or one member of a .ttc collection). */
  export interface Font {
    readonly type: string;
    readonly postscriptName: string | null;
    readonly familyName: string | null;
    readonly subfamilyName: string | null;
    readonly unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Maps text to glyphs through the character map alone (no shaping). */
    glyphsForString(text: string): Glyph[];
    /** The glyph the character map gives a code point (glyph 0 when it has none). */
    glyphForCodePoint(codePoint: number): Glyph;
    /** Full OpenType layout: glyph substitution and positioning. */
    layout(text: string, features?: unknown): unknown;
    /** The variation axes of a variable font (empty for others). */
    readonly variationAxes: Record<string, unknown>;
    /** The `post` table (decoded whole on first access). */
    readonly post: Record<string, unknown> | undefined;
    /** fontkit's table directory (internal): where each table lies in `stream`'s bytes. */
    readonly directory?: { tables: Record<string, { offset: number; length: number } | undefined> };
    /** The font file's bytes (internal), read by src/render/pdf/plain-layout.ts. */
    readonly stream?: { buffer: Uint8Array };
  }

  /** A glyph of a font. */
  export interface Glyph {
    readonly id: number;
    readonly codePoints: number[];
    readonly advanceWidth: number;
    /** The outline, read from the glyf or CFF table on first access. */
    readonly path: GlyphPath;
    /** fontkit's memo of the metrics (`_getMetrics`); internal, read by src/render/pdf/plain-layout.ts. */
    _metrics?: GlyphMetricsMemo | null;
    _getMetrics?: () => GlyphMetricsMemo;
  }

  /** What fontkit computes once per glyph for its advance and bearings. */
  export interface GlyphMetricsMemo {
    advanceWidth: number;
    advanceHeight: number;
    leftBearing: number;
    topBearing: number;
  }

  /** A glyph outline in font units (y up); the transforms return a new path. */
  export interface GlyphPath {
    scale(scaleX: number, scaleY: number): GlyphPath;
    translate(x: number, y: number): GlyphPath;
    /** SVG path data, coordinates rounded to hundredths. */
    toSVG(): string;
  }

  /** A TrueType/OpenType collection (.ttc) or a Mac dfont: several faces in one file. */
  export interface FontCollection {
    readonly type: "TTC" | "DFont";
    readonly fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }

  /** Parses a font file's bytes; with a PostScript name, returns that member of a collection. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
