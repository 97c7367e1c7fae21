import type { Font, Glyph } from "fontkit";
import { resolveReportFont } from "../../io/fonts.js";
import { withPlainLayout } from "../pdf/plain-layout.js";
import { composeSvg, type SvgChart, type TextDrawer } from "./svg.js";

/** Where the chart pictures' font comes from: the PDF's font settings. */
export interface ChartFontOptions {
  /** `--font`. */
  fontPath?: string | undefined;
  /** The brand's `fonts.pdf` (absolute). */
  brandFontPath?: string | undefined;
  /** Resolves a relative `fontPath`. */
  cwd?: string | undefined;
  /** Environment variables (`CRM_MATURITY_FONT`, font folders). */
  env?: NodeJS.ProcessEnv | undefined;
}

/** The faces chart texts are outlined in; without a bold face, bold text is the regular stroked. */
interface OutlineFont {
  regular: Font;
  bold: Font | null;
}

/**
 * Rasterises a document's charts to PNG (the fallback picture Word versions without SVG support
 * show), at their own size (96 dpi: a fallback, and rasterising larger costs seconds). The texts
 * are drawn as glyph outlines from the font the PDF would use (found once per document, again
 * only when a chart shows a character that font lacks), so the picture depends on that font file
 * alone, not on how the machine's fonts are configured, and resvg never lays out text: resvg-js
 * re-reads a system font file for every glyph it draws (about 1 s per Word report). Only when
 * no font can show a chart's text does resvg draw it with the system fonts. resvg is a native
 * module: imported here only, and only when a document with pictures is written.
 */
export function chartRasterizer(
  fonts: ChartFontOptions = {},
): (chart: SvgChart) => Promise<Uint8Array> {
  let font: Promise<OutlineFont | null> | undefined;
  const cache: OutlineCache = new Map();
  return async (chart) => {
    const needed = chartCodePoints(chart);
    const known = font ? await font : null;
    const lacks = (cp: number) =>
      cp > 0x20 && cp !== 0xa0 && !known?.regular.hasGlyphForCodePoint(cp);
    if (!font || (known && [...needed].some(lacks))) {
      font = findFont(fonts, needed);
    }
    const outlines = await font;
    let svg = chart.svg;
    if (outlines) {
      try {
        svg = composeSvg(chart, outliner(outlines, needed, cache));
      } catch {
        // A font that parsed may still fail when a glyph is read: draw with the system fonts.
        svg = chart.svg;
      }
    }
    const { Resvg } = await import("@resvg/resvg-js");
    const resvg = new Resvg(svg, {
      fitTo: { mode: "zoom", value: 1 },
      font:
        svg === chart.svg
          ? { loadSystemFonts: true, defaultFontFamily: "sans-serif" }
          : { loadSystemFonts: false },
    });
    return new Uint8Array(resvg.render().asPng());
  };
}

function chartCodePoints(chart: SvgChart): Set<number> {
  const cps = new Set<number>();
  for (const part of chart.parts) {
    if (typeof part === "string") continue;
    for (const ch of part.content) cps.add(ch.codePointAt(0) ?? 0);
  }
  return cps;
}

async function findFont(
  fonts: ChartFontOptions,
  codePoints: Set<number>,
): Promise<OutlineFont | null> {
  try {
    const font = await resolveReportFont({
      codePoints,
      outlines: true,
      fontPath: fonts.fontPath,
      brandFontPath: fonts.brandFontPath,
      ...(fonts.cwd !== undefined ? { cwd: fonts.cwd } : {}),
      ...(fonts.env !== undefined ? { env: fonts.env } : {}),
    });
    return font.kind === "embedded" ? { regular: font.regular, bold: font.bold } : null;
  } catch {
    // No usable font (none installed, or a damaged --font): the PDF says so; a picture need not.
    return null;
  }
}

/** Glyph outlines as SVG path data in font units, by glyph id: one per face, kept per document. */
type OutlineCache = Map<Font, Map<number, string>>;

/**
 * Draws chart texts as glyph outlines: each glyph's outline once, in `<defs>` (in font units),
 * and each text a group scaled to its size (y flipped: font units grow upwards) that places the
 * glyphs by `<use>`.
 */
function outliner(font: OutlineFont, codePoints: Set<number>, cache: OutlineCache): TextDrawer {
  const faces = [
    { key: "r", face: font.regular, layout: withPlainLayout(font.regular, codePoints) },
    ...(font.bold
      ? [{ key: "b", face: font.bold, layout: withPlainLayout(font.bold, codePoints) }]
      : []),
  ];
  const used = new Map<string, string>();
  const outline = (key: string, face: Font, glyph: Glyph): string => {
    const id = `${key}${glyph.id}`;
    if (!used.has(id)) {
      const known = cache.get(face) ?? new Map<number, string>();
      cache.set(face, known);
      const d = known.get(glyph.id) ?? glyph.path.toSVG();
      known.set(glyph.id, d);
      used.set(id, d);
    }
    return id;
  };
  return {
    text(t) {
      const { key, face, layout } =
        (t.bold ? faces[1] : undefined) ?? (faces[0] as (typeof faces)[0]);
      const run = layout.layout(t.content) as LayoutRun;
      const scale = t.size / face.unitsPerEm;
      const width = run.advanceWidth * scale;
      const x = t.anchor === "middle" ? t.x - width / 2 : t.anchor === "end" ? t.x - width : t.x;
      const uses: string[] = [];
      let pen = 0;
      run.glyphs.forEach((glyph, i) => {
        const at = run.positions[i] ?? { xAdvance: glyph.advanceWidth, xOffset: 0, yOffset: 0 };
        const y = at.yOffset === 0 ? "" : ` y="${at.yOffset}"`;
        uses.push(`<use href="#${outline(key, face, glyph)}" x="${pen + at.xOffset}"${y}/>`);
        pen += at.xAdvance;
      });
      // No bold face: stroke the outlines in the text colour to thicken them, as the PDF does.
      const stroke =
        t.bold && key === "r"
          ? ` stroke="${t.color}" stroke-width="${round((t.size * 0.045) / scale)}"`
          : "";
      return `<g transform="translate(${round(x)} ${round(t.y)}) scale(${round(scale, 1e6)} ${round(-scale, 1e6)})" fill="${t.color}"${stroke}>${uses.join("")}</g>`;
    },
    defs() {
      const paths = [...used].map(([id, d]) => `<path id="${id}" d="${d}"/>`);
      return `<defs>${paths.join("")}</defs>`;
    },
  };
}

/** What fontkit's layout (or the plain layout) returns, in font units. */
interface LayoutRun {
  glyphs: Glyph[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}

const round = (v: number, by = 1000): string => String(Math.round(v * by) / by);
