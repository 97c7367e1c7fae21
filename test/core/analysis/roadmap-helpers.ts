import type { DimensionResult, Results } from "../../../src/core/models/results.js";
import type { Phase, Pillar } from "../../../src/core/questionnaire/schema.js";
import type {
  ComposedDimension,
  Questionnaire,
  ResolvedRecommendation,
} from "../../../src/core/questionnaire/types.js";

const text = (s: string) => ({ en: s, "zh-CN": `${s}（中文）` });

/** A recommendation with sensible defaults; only what a case varies needs to be given. */
export function rec(
  id: string,
  dimension: string,
  phase: Phase,
  opts: {
    weeks?: number;
    appliesBelow?: number;
    dependsOn?: string[];
    mitigates?: string[];
    owner?: string;
    training?: boolean;
    rollout?: boolean;
    situations?: ResolvedRecommendation["situations"];
    effort?: { low: number; high: number };
  } = {},
): ResolvedRecommendation {
  return {
    id,
    dimension,
    phase,
    appliesBelow: opts.appliesBelow ?? 4,
    title: text(`Do ${id}`),
    actions: [text(`First step of ${id}`)],
    owner: opts.owner ?? "pmo",
    weeks: opts.weeks ?? 4,
    kpis: [text(`KPI of ${id}`)],
    dependsOn: opts.dependsOn ?? [],
    mitigates: opts.mitigates ?? [],
    ...(opts.training ? { training: true } : {}),
    ...(opts.rollout ? { rollout: true } : {}),
    ...(opts.situations ? { situations: opts.situations } : {}),
    ...(opts.effort ? { effort: opts.effort } : {}),
  };
}

export interface DimSpec {
  id: string;
  pillar: Pillar;
  weight?: number;
  /** Current score; its floor is the level. null = inconclusive. */
  score: number | null;
  target?: number;
}

/** A minimal composed questionnaire over the given dimensions and recommendations. */
export function questionnaireOf(
  dims: DimSpec[],
  recommendations: ResolvedRecommendation[],
): Questionnaire {
  const dimensions: ComposedDimension[] = dims.map((d) => ({
    id: d.id,
    title: text(d.id),
    pillar: d.pillar,
    weight: d.weight ?? 1,
    target: d.target ?? 3,
    questions: [{ id: `${d.id}.q1`, type: "level", text: text("q"), weight: 1 }],
    risks: [],
    recommendations: recommendations.filter((r) => r.dimension === d.id),
    file: `${d.id}.yaml`,
  }));
  return {
    id: "test",
    version: "1.0.0",
    languages: ["en", "zh-CN"],
    title: text("Test"),
    scale: [1, 2, 3, 4, 5].map((level) => ({
      level,
      name: text(`L${level}`),
      description: text(`Level ${level}`),
    })),
    roles: [
      { id: "executive", name: text("Executive") },
      { id: "frontline", name: text("Front line") },
      { id: "pmo", name: text("PMO") },
      { id: "it", name: text("IT") },
    ],
    pace: { monthsPerLevel: 9 },
    dimensions,
    risks: [],
    recommendations,
    readiness: [],
    source: { root: "/tmp/test.yaml", files: [] },
  };
}

const HIGH_BASIS: DimensionResult["confidenceBasis"] = {
  respondents: 3,
  rolesExpected: ["executive"],
  rolesPresent: ["executive"],
  agreement: 1,
  limitedBy: [],
};

/** Results whose dimensions have exactly the given scores, targets and triggered risks. */
export function resultsOf(dims: DimSpec[], triggeredRisks: string[] = []): Results {
  const dimensions: DimensionResult[] = dims.map((d) => {
    const target = d.target ?? 3;
    return {
      id: d.id,
      title: text(d.id),
      pillar: d.pillar,
      weight: d.weight ?? 1,
      score: d.score,
      level: d.score === null ? null : Math.floor(d.score),
      levelName: d.score === null ? null : text(`L${Math.floor(d.score)}`),
      cappedBy: null,
      answeredWeight: 1,
      applicableWeight: 1,
      coverage: 1,
      confidence: "high",
      confidenceBasis: HIGH_BASIS,
      byRole: {},
      target,
      gap: d.score === null ? null : Math.max(0, Math.round((target - d.score) * 100) / 100),
      expectationRisk: null,
      perceptionGap: null,
      questions: [],
    };
  });
  return {
    schemaVersion: 2,
    assessment: { client: { name: "Test Co" }, date: "2026-01-05", assessor: "A. Consultant" },
    questionnaire: { id: "test", version: "1.0.0" },
    horizonMonths: 12,
    monthsPerLevel: 9,
    respondents: [],
    respondentsByRole: {},
    overall: {
      score: 2,
      level: 2,
      levelName: text("L2"),
      coverage: 1,
      confidence: "high",
      confidenceBasis: HIGH_BASIS,
    },
    dimensions,
    perceptionGaps: [],
    disagreements: [],
    factConflicts: [],
    risks: triggeredRisks.map((id) => ({
      id,
      title: text(id),
      severity: "high",
      mitigation: null,
      dimension: null,
      because: [],
    })),
    readiness: { verdict: "ready", rules: [] },
  };
}

/** The questionnaire with a method whose phases hold the practice as given (`holdWeeks`). */
export function withHolds(
  q: Questionnaire,
  holds: Partial<Record<Phase, number | undefined>>,
): Questionnaire {
  const phase = (p: Phase) => ({
    goal: text(`Goal of ${p}`),
    exitCriteria: [text(`Every action of ${p} is complete.`)],
    ...(holds[p] === undefined ? {} : { holdWeeks: holds[p] }),
  });
  return {
    ...q,
    methodology: {
      judgement: [],
      method: [],
      roadmap: {
        intro: [],
        phases: {
          rigidify: phase("rigidify"),
          optimise: phase("optimise"),
          solidify: phase("solidify"),
        },
      },
      kpis: { principles: [], standard: [] },
    },
  };
}
