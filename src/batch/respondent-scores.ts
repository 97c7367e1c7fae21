import { floorLevel } from "../core/math/numbers.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { isForRole } from "../core/questionnaire/types.js";
import { ANSWER_ABSENT, ANSWER_NA, ANSWER_UNKNOWN } from "../core/scoring/answer-codes.js";

/** One respondent's scores, as `scoreAssessment` would give for that respondent alone. */
export interface RespondentScores {
  /** Per dimension, NaN when inconclusive. */
  dimension: Float64Array;
  /** Per dimension, 0 when inconclusive; capped by critical questions. */
  level: Uint8Array;
  overall: number;
  overallLevel: number;
  coverage: number;
}

/**
 * Scores one respondent from compact answer codes (questionnaire order). Uses the same
 * arithmetic, in the same order, as `scoreAssessment` on a single respondent (weighted means
 * clamped to the values' range, floor with tolerance, critical caps), so the numbers are equal.
 */
export class RespondentScorer {
  private readonly dimStart: Int32Array;
  private readonly weight: Float64Array;
  private readonly reverse: Uint8Array;
  private readonly critical: Uint8Array;
  /** asked[q * roles + r]: whether question q is put to role r. */
  private readonly asked: Uint8Array;
  private readonly roleCount: number;
  private readonly dimWeight: Float64Array;
  readonly out: RespondentScores;

  constructor(questionnaire: Questionnaire) {
    const dims = questionnaire.dimensions;
    const questions = dims.flatMap((d) => d.questions);
    const roles = questionnaire.roles.map((r) => r.id);
    this.roleCount = roles.length;
    this.dimStart = new Int32Array(dims.length + 1);
    let q = 0;
    dims.forEach((d, i) => {
      this.dimStart[i] = q;
      q += d.questions.length;
    });
    this.dimStart[dims.length] = q;
    this.weight = Float64Array.from(questions.map((x) => x.weight));
    this.reverse = Uint8Array.from(
      questions.map((x) => (x.type === "likert" && x.reverse ? 1 : 0)),
    );
    this.critical = Uint8Array.from(questions.map((x) => (x.critical ? 1 : 0)));
    this.asked = new Uint8Array(questions.length * roles.length);
    questions.forEach((x, i) => {
      roles.forEach((r, j) => {
        this.asked[i * roles.length + j] = isForRole(x, r) ? 1 : 0;
      });
    });
    this.dimWeight = Float64Array.from(dims.map((d) => d.weight));
    this.out = {
      dimension: new Float64Array(dims.length),
      level: new Uint8Array(dims.length),
      overall: Number.NaN,
      overallLevel: 0,
      coverage: Number.NaN,
    };
  }

  /** Scores `codes` for a respondent of role index `role`; the result is in `out` (reused). */
  score(codes: ArrayLike<number>, role: number): RespondentScores {
    const out = this.out;
    const dims = this.dimWeight.length;
    let oSum = 0;
    let oWeights = 0;
    let oLo = Number.POSITIVE_INFINITY;
    let oHi = Number.NEGATIVE_INFINITY;
    let cSum = 0;
    let cWeights = 0;
    let cLo = Number.POSITIVE_INFINITY;
    let cHi = Number.NEGATIVE_INFINITY;
    for (let d = 0; d < dims; d++) {
      let sum = 0;
      let weights = 0;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      let answeredWeight = 0;
      let applicableWeight = 0;
      let cap = Number.POSITIVE_INFINITY;
      for (let q = this.dimStart[d] as number; q < (this.dimStart[d + 1] as number); q++) {
        const code = codes[q] as number;
        const w = this.weight[q] as number;
        const wPos = Math.max(0, w);
        if (code === ANSWER_ABSENT) {
          if (this.asked[q * this.roleCount + role]) applicableWeight += wPos;
          continue;
        }
        if (code === ANSWER_NA) continue;
        applicableWeight += wPos;
        if (code === ANSWER_UNKNOWN) continue;
        const s = this.reverse[q] ? 6 - code : code;
        answeredWeight += wPos;
        if (w > 0) {
          sum += s * w;
          weights += w;
          if (s < lo) lo = s;
          if (s > hi) hi = s;
        }
        if (this.critical[q] && s < cap) cap = s;
      }
      if (weights > 0) {
        const score = Math.min(hi, Math.max(lo, sum / weights));
        out.dimension[d] = score;
        const level = floorLevel(score);
        out.level[d] = cap < level ? floorLevel(cap) : level;
        const dw = this.dimWeight[d] as number;
        if (dw > 0) {
          oSum += score * dw;
          oWeights += dw;
          if (score < oLo) oLo = score;
          if (score > oHi) oHi = score;
        }
      } else {
        out.dimension[d] = Number.NaN;
        out.level[d] = 0;
      }
      if (applicableWeight > 0) {
        const coverage = answeredWeight / applicableWeight;
        const dw = this.dimWeight[d] as number;
        if (dw > 0) {
          cSum += coverage * dw;
          cWeights += dw;
          if (coverage < cLo) cLo = coverage;
          if (coverage > cHi) cHi = coverage;
        }
      }
    }
    out.overall = oWeights > 0 ? Math.min(oHi, Math.max(oLo, oSum / oWeights)) : Number.NaN;
    out.overallLevel = Number.isNaN(out.overall) ? 0 : floorLevel(out.overall);
    out.coverage = cWeights > 0 ? Math.min(cHi, Math.max(cLo, cSum / cWeights)) : Number.NaN;
    return out;
  }
}
