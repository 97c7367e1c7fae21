/**
 * Rasterises an SVG chart to PNG (the fallback picture Word versions without SVG support show),
 * at its own size (96 dpi: a fallback, and rasterising larger costs seconds). resvg is a native module: imported here only,
 * and only when a document with pictures is written.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: 1 },
    font: { loadSystemFonts: true, defaultFontFamily: "sans-serif" },
  });
  return new Uint8Array(resvg.render().asPng());
}
