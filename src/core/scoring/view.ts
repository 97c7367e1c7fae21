// What scoring hands to analysis: the unrounded scores the risk and readiness conditions read.

/** What conditions can see of one dimension (full precision; null when inconclusive). */
export interface DimensionView {
  score: number | null;
  coverage: number | null;
  /** Executive minus front-line score; null unless both roles answered. */
  perceptionGap: number | null;
}

/** The scores conditions are evaluated against. */
export interface ScoreView {
  dimensions: ReadonlyMap<string, DimensionView>;
  /** Combined question scores; null when unanswered. */
  questions: ReadonlyMap<string, number | null>;
  overall: { score: number | null; coverage: number | null };
}
