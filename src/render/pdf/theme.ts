import type { BrandView } from "../../core/models/brand.js";
import type { ReadinessVerdictId, RoadmapPhaseId, SeverityId } from "../../views/report/model.js";

/** A4 in points; margins leave room for the running header and footer. */
export const PAGE = {
  size: "A4",
  width: 595.28,
  height: 841.89,
  margin: { top: 74, bottom: 70, left: 58, right: 58 },
  headerY: 34,
  footerY: 800,
} as const;

/** A restrained palette: one navy accent, greys for structure, muted status colours. */
export const COLOR = {
  ink: "#1f2933",
  muted: "#5f6b7a",
  faint: "#9aa5b1",
  rule: "#d3d9e0",
  accent: "#1f3a5f",
  accentSoft: "#e7edf4",
  headerFill: "#e4eaf1",
  zebra: "#f6f8fa",
  white: "#ffffff",
  current: "#1f4e79",
  target: "#c07a2c",
  projected: "#2a8c82",
  gap: "#b5523b",
  gapSoft: "#f3dcd5",
  grid: "#e1e6ec",
  /** A figure that improved (a change up, a risk resolved); a decline uses `gap`. */
  improved: "#3f7d4e",
} as const;

/**
 * The colours a brand sets: headings, rules and accents; the current-state chart series. Both
 * take the brand's primary colour, which stands apart from the target's amber in every chart;
 * the brand's accent marks the cover and the cover line (`BrandView.colors.accent`).
 */
export interface Palette {
  readonly accent: string;
  readonly current: string;
}

/** The palette of a document: the neutral one, or the brand's primary and accent colours. */
export function paletteOf(brand: BrandView | undefined): Palette {
  const colors = brand?.colors;
  return colors ? { accent: colors.primary, current: colors.primary } : COLOR;
}

/**
 * Each phase's colours: its bars and band, its rows' shading, the hatching of its hold over them
 * (a little over halfway from the shading to the band: plain at a glance, quieter than a bar).
 */
export const PHASE_COLOR: Record<RoadmapPhaseId, { fill: string; soft: string; hatch: string }> = {
  rigidify: { fill: "#3d5a80", soft: "#e6ebf2", hatch: "#899bb3" },
  optimise: { fill: "#2a8c82", soft: "#e2f1ef", hatch: "#7db9b3" },
  solidify: { fill: "#b8862e", soft: "#f6eedd", hatch: "#d4b57d" },
};

/**
 * The hatching of a phase's hold in the timeline, in points (Word's SVG timeline draws it in as
 * many CSS pixels as these points make): a line every `step`, `width` thick over the rows, in the
 * phase's hatch colour, and `bandWidth` thick over the band and in the legend, in white. Lines
 * under a point thick fade to a grey tint when a page is shown small.
 */
export const HOLD_HATCH = { step: 4.5, width: 1, bandWidth: 1.2 } as const;

export const SEVERITY_COLOR: Record<SeverityId, string> = {
  high: "#a83a3a",
  medium: "#c58a1d",
  low: "#5f8a4e",
};

export const VERDICT_COLOR: Record<ReadinessVerdictId, string> = {
  ready: "#3f7d4e",
  conditional: "#c58a1d",
  "not-ready": "#a83a3a",
  inconclusive: "#7a7a7a",
};

/** Font sizes in points. */
export const SIZE = {
  body: 9.5,
  small: 8,
  table: 8.3,
  caption: 7.5,
  h1: 17,
  h2: 12.5,
  h3: 10.5,
  header: 7.5,
} as const;
