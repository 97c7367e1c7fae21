/**
 * The report model: everything a renderer needs to lay out a gap report or a roadmap, with every
 * label and generated sentence already resolved to the chosen language. Renderers format numbers
 * (decimals, percentages) and lay out; they never compute, translate or decide what to say.
 *
 * Conventions:
 * - Scores are on the 1–5 scale rounded to 2 decimals; `null` means inconclusive (never 0).
 * - Shares (coverage) are 0–1 numbers; renderers show them as percentages.
 * - Dates are ISO `YYYY-MM-DD` strings, with a `…Text` sibling already localised for display.
 * - Weeks in the roadmap are 0-based offsets from the plan start (the assessment date), the end
 *   exclusive: an action with `startWeek: 0, endWeek: 4` runs in weeks 1–4. `startDate` is its
 *   first day and `endDate` its last day (inclusive).
 * - Client-supplied text (names, notes, evidence) is raw; each renderer escapes it for its format.
 * - The model is plain JSON (no functions, no undefined) so the `json` format can print it as is.
 */

import type { Lang } from "../../i18n/labels.js";

/** Languages a report can be written in: the tool's languages (`LANGS` in i18n/labels.ts). */
export type ReportLanguage = Lang;

/** Which document is built: the full gap report or the roadmap-only document. */
export type ReportKind = "report" | "roadmap";

/** Roadmap rollout strategy (seed 001): at most two actions at a time, or all dependencies allow. */
export type RoadmapStrategy = "small-slow" | "big-fast";

export type RoadmapPhaseId = "rigidify" | "optimise" | "solidify";
export type PillarId = "strategy" | "people" | "process" | "technology";
export type SeverityId = "high" | "medium" | "low";
export type ReadinessVerdictId = "ready" | "conditional" | "not-ready";
export type ConfidenceId = "high" | "medium" | "low";

/** Sections in document order; `ReportModel.sections` lists those the document contains. */
export type SectionId =
  | "cover"
  | "summary"
  | "profile"
  | "dimensions"
  | "perception"
  | "risks"
  | "roadmap"
  | "kpis"
  | "appendix";

/** Bumped when the model changes incompatibly (it is what `--format json` prints). */
export const REPORT_MODEL_VERSION = 1;

/** The whole document. */
export interface ReportModel {
  schemaVersion: typeof REPORT_MODEL_VERSION;
  kind: ReportKind;
  lang: ReportLanguage;
  /** The sections to render, in order (the roadmap document has fewer). */
  sections: SectionId[];
  /** Static labels: headings, column headers, units. */
  labels: ReportLabels;
  meta: ReportMeta;
  cover: CoverSection;
  summary: SummarySection;
  profile: ProfileSection;
  dimensions: DimensionsSection;
  perception: PerceptionSection;
  risks: RiskSection;
  roadmap: RoadmapSection;
  kpis: KpiSection;
  appendix: AppendixSection;
}

/** Facts about the engagement. */
export interface ReportMeta {
  /** Document title, e.g. "CRM Capability Maturity Gap Report". */
  title: string;
  client: { name: string; industry: string | null; size: string | null };
  date: string;
  dateText: string;
  assessor: string;
  questionnaire: { id: string; version: string; title: string };
  horizonMonths: number;
  monthsPerLevel: number;
  strategy: RoadmapStrategy;
  strategyName: string;
  /** Where the scores came from: answer files (answers available) or a results JSON. */
  source: "answers" | "results";
  respondentCount: number;
  /** Respondents per role, questionnaire roles first; roles with nobody are left out. */
  roles: RoleCount[];
  /** Running header text for paged formats, e.g. "Acme Ltd · CRM capability maturity". */
  header: string;
  /** Running footer text for paged formats, e.g. "Confidential · 2026-03-01". */
  footer: string;
  /** Page number pattern with `{page}` and `{pages}` placeholders, e.g. "Page {page} of {pages}". */
  pageNumber: string;
}

export interface RoleCount {
  role: string;
  name: string;
  count: number;
}

/** Every static label a renderer may print. */
export interface ReportLabels {
  contents: string;
  // engagement fields
  client: string;
  industry: string;
  size: string;
  date: string;
  assessor: string;
  questionnaire: string;
  version: string;
  respondents: string;
  horizon: string;
  strategy: string;
  // table columns
  id: string;
  dimension: string;
  pillar: string;
  weight: string;
  score: string;
  level: string;
  levelName: string;
  target: string;
  gap: string;
  coverage: string;
  confidence: string;
  question: string;
  respondent: string;
  role: string;
  answer: string;
  note: string;
  evidence: string;
  risk: string;
  severity: string;
  mitigation: string;
  because: string;
  recommendation: string;
  action: string;
  actions: string;
  owner: string;
  owners: string;
  phase: string;
  weeks: string;
  start: string;
  end: string;
  startWeek: string;
  endWeek: string;
  dependsOn: string;
  reason: string;
  kpi: string;
  kpis: string;
  measure: string;
  frequency: string;
  source: string;
  exitCriteria: string;
  executive: string;
  frontline: string;
  perceptionGap: string;
  spread: string;
  lowest: string;
  highest: string;
  monthsNeeded: string;
  realisticDate: string;
  answered: string;
  applicable: string;
  answeredWeight: string;
  applicableWeight: string;
  strongest: string;
  weakest: string;
  notesAndEvidence: string;
  cappedBy: string;
  milestone: string;
  timeline: string;
  current: string;
  count: string;
  description: string;
  overall: string;
  readiness: string;
  steps: string;
  schedule: string;
  triggeredRisks: string;
  roadmapActions: string;
  scoresByRole: string;
  perceptionGaps: string;
  disagreements: string;
  principles: string;
  actionDetails: string;
  judgement: string;
  topGaps: string;
  topRisks: string;
  // values and units
  inconclusive: string;
  none: string;
  notApplicable: string;
  unknown: string;
  yes: string;
  no: string;
  /** Unit after a number of weeks, e.g. "weeks" / "周". */
  weeksUnit: string;
  monthsUnit: string;
  /** A week number with a `{week}` placeholder (1-based), e.g. "Week {week}" / "第 {week} 周". */
  weekPattern: string;
  /** A span of weeks with `{from}` and `{to}` placeholders (1-based, inclusive). */
  weekRangePattern: string;
  reachableByHorizon: string;
  // chart captions
  radarTitle: string;
  gapBarsTitle: string;
  timelineTitle: string;
  /** A note under a Mermaid chart: the table beside it carries the same data. */
  chartFallback: string;
}

// ---------------------------------------------------------------------------------------------
// Cover and executive summary

export interface CoverSection {
  title: string;
  subtitle: string;
  /** Label/value pairs under the title (client, industry, date, assessor, questionnaire, …). */
  fields: LabelValue[];
  /** E.g. "Confidential — prepared for Acme Ltd". */
  notice: string;
}

export interface LabelValue {
  label: string;
  value: string;
}

export interface SummarySection {
  title: string;
  overall: {
    score: number | null;
    level: number | null;
    levelName: string | null;
    /** Scale description of the level. */
    levelDescription: string | null;
    coverage: number | null;
    confidence: ConfidenceId | null;
    confidenceName: string | null;
    /** E.g. "Overall, Acme scores 2.35 — level 2, Repeatable — with high confidence (92% …)". */
    sentence: string;
  };
  readiness: {
    verdict: ReadinessVerdictId;
    verdictName: string;
    /** The verdict and what it means for buying or rolling out a system. */
    sentence: string;
    /** Why: the deciding rules' titles with their rationale, one sentence each. */
    reasons: string[];
  };
  /** The largest gaps (up to three), largest first. */
  topGaps: GapItem[];
  topGapsSentence: string;
  /** The most severe triggered risks (up to three), severity then questionnaire order. */
  topRisks: RiskBrief[];
  topRisksSentence: string;
  calibration: CalibrationSection;
  judgementTitle: string;
  /** The consulting judgement, one paragraph each (leadership executes; readiness; strategy first). */
  judgement: string[];
}

export interface GapItem {
  dimension: string;
  title: string;
  score: number | null;
  target: number;
  gap: number;
  sentence: string;
}

export interface RiskBrief {
  id: string;
  title: string;
  severity: SeverityId;
  severityName: string;
}

/** Expectation calibration: targets out of reach within the horizon, with realistic dates. */
export interface CalibrationSection {
  title: string;
  horizonMonths: number;
  /** True when every target is reachable within the horizon. */
  allReachable: boolean;
  /** The overall calibration statement. */
  sentence: string;
  items: CalibrationItem[];
  /** Staged goals advice (explicit interim goals instead of a headline promise). */
  advice: string;
}

export interface CalibrationItem {
  dimension: string;
  title: string;
  score: number | null;
  target: number;
  gap: number;
  monthsNeeded: number;
  realisticDate: string;
  realisticDateText: string;
  /** Level reachable within the horizon (score + horizon ÷ monthsPerLevel, capped at target). */
  reachableByHorizon: number;
  sentence: string;
}

// ---------------------------------------------------------------------------------------------
// Maturity profile

export interface ProfileSection {
  title: string;
  intro: string;
  radar: RadarChart;
  gapBars: GapBarChart;
  rows: ProfileRow[];
  overall: ProfileRow;
}

export interface ProfileRow {
  dimension: string;
  title: string;
  pillar: PillarId | null;
  pillarName: string | null;
  weight: number;
  score: number | null;
  level: number | null;
  levelName: string | null;
  target: number | null;
  gap: number | null;
  coverage: number | null;
  confidence: ConfidenceId | null;
  confidenceName: string | null;
}

/** Radar of current scores vs targets; axes in questionnaire order. */
export interface RadarChart {
  title: string;
  min: number;
  max: number;
  axes: { id: string; label: string }[];
  /** `current` (null where inconclusive) and `target`, values aligned with `axes`. */
  series: ChartSeries[];
}

export interface ChartSeries {
  key: "current" | "target";
  label: string;
  values: (number | null)[];
}

/** Horizontal gap bars: current vs target per dimension, largest gap first. */
export interface GapBarChart {
  title: string;
  max: number;
  bars: {
    dimension: string;
    label: string;
    current: number | null;
    target: number;
    gap: number | null;
  }[];
}

// ---------------------------------------------------------------------------------------------
// Dimensions

export interface DimensionsSection {
  title: string;
  intro: string;
  items: DimensionDetail[];
}

export interface DimensionDetail {
  id: string;
  title: string;
  description: string | null;
  pillar: PillarId;
  pillarName: string;
  weight: number;
  score: number | null;
  level: number | null;
  levelName: string | null;
  target: number;
  gap: number | null;
  coverage: number | null;
  confidence: ConfidenceId | null;
  confidenceName: string | null;
  /** One-paragraph reading of the dimension (score vs target, confidence). */
  summary: string;
  /** Set when a critical question capped the level. */
  cappedBy: { question: string; questionText: string; score: number; sentence: string } | null;
  expectation: { monthsNeeded: number; realisticDate: string; sentence: string } | null;
  perceptionGap: {
    executive: number;
    frontline: number;
    gap: number;
    flagged: boolean;
    sentence: string;
  } | null;
  /** Up to three best-scoring answered questions, best first. */
  strongest: QuestionBrief[];
  /** Up to three lowest-scoring answered questions, weakest first. */
  weakest: QuestionBrief[];
  /** Every question's result, in questionnaire order. */
  questions: QuestionBrief[];
  /** Notes and evidence recorded for this dimension's questions. */
  notes: NoteItem[];
  /** Triggered risks declared by this dimension (ids into `risks.items`). */
  risks: string[];
  /** Roadmap actions improving this dimension (ids into `roadmap.actions`). */
  actions: string[];
}

export interface QuestionBrief {
  id: string;
  text: string;
  score: number | null;
  spread: number | null;
  answered: number;
  disagreement: boolean;
  critical: boolean;
}

export interface NoteItem {
  question: string;
  questionText: string;
  respondent: string;
  role: string;
  roleName: string;
  note: string | null;
  evidence: string | null;
}

// ---------------------------------------------------------------------------------------------
// Perception gaps and disagreements

export interface PerceptionSection {
  title: string;
  /** False when fewer than two roles answered; `intro` then says so. */
  applicable: boolean;
  intro: string;
  /** Scores per role per dimension (roles with respondents only). */
  byRole: {
    roles: RoleCount[];
    rows: { dimension: string; title: string; scores: (number | null)[] }[];
  };
  /** Flagged executive-vs-front-line gaps. */
  gaps: {
    dimension: string;
    title: string;
    executive: number;
    frontline: number;
    gap: number;
    sentence: string;
  }[];
  disagreements: {
    dimension: string;
    dimensionTitle: string;
    question: string;
    questionText: string;
    spread: number;
    min: number;
    max: number;
  }[];
}

// ---------------------------------------------------------------------------------------------
// Risk register

export interface RiskSection {
  title: string;
  intro: string;
  counts: Record<SeverityId, number>;
  items: RiskItem[];
}

export interface RiskItem {
  id: string;
  title: string;
  description: string | null;
  severity: SeverityId;
  severityName: string;
  dimension: string | null;
  dimensionTitle: string | null;
  mitigation: string | null;
  /** Localised explanations of the conditions that triggered it. */
  because: string[];
  /** Roadmap actions that mitigate it. */
  mitigatedBy: string[];
}

// ---------------------------------------------------------------------------------------------
// Roadmap

export interface RoadmapSection {
  title: string;
  /** Opening paragraphs: strategy → people/process → technology; the three phases explained. */
  intro: string[];
  strategy: RoadmapStrategy;
  strategyName: string;
  strategySentence: string;
  /** Plan start (the assessment date) and length. */
  startDate: string;
  startDateText: string;
  totalWeeks: number;
  phases: RoadmapPhaseView[];
  /** Every scheduled action, in schedule order (phase, then start week, then sequence). */
  actions: RoadmapAction[];
  milestone: RoadmapMilestone;
  /** The statement that the cycle repeats (re-optimise, re-solidify). */
  cycle: string;
  /** Expectation calibration for the plan (horizon vs realistic dates); "" with no actions. */
  calibration: string;
  /** Sentence shown when no recommendation applies. */
  empty: string | null;
  timeline: TimelineChart;
}

export interface RoadmapPhaseView {
  phase: RoadmapPhaseId;
  name: string;
  /** What the phase means (rigidify: adopt the benchmark process as it is and follow it strictly…). */
  goal: string;
  startWeek: number;
  endWeek: number;
  startDate: string;
  endDate: string;
  /** Action ids, in schedule order. */
  actions: string[];
  owners: RoleCount[];
  kpis: string[];
  exitCriteria: string[];
}

export interface RoadmapAction {
  id: string;
  title: string;
  description: string | null;
  phase: RoadmapPhaseId;
  phaseName: string;
  dimension: string;
  dimensionTitle: string;
  pillar: PillarId;
  pillarName: string;
  owner: string;
  ownerName: string;
  weeks: number;
  startWeek: number;
  endWeek: number;
  startDate: string;
  endDate: string;
  /** Parallel lane within the schedule (0-based); at most 2 lanes with `small-slow`. */
  lane: number;
  /** Gap × dimension weight that ordered it inside its phase. */
  priority: number;
  steps: string[];
  kpis: string[];
  dependsOn: string[];
  reasons: RoadmapReason[];
  /** All reasons as one sentence. */
  reasonText: string;
}

export interface RoadmapReason {
  kind: "gap" | "risk" | "dependency";
  /** The dimension (gap), the risk id (risk) or the action that needs it (dependency). */
  ref: string;
  text: string;
}

export interface RoadmapMilestone {
  label: string;
  /** 0-based offset like the actions' weeks: the milestone falls at the start of that week. */
  week: number;
  date: string;
  dateText: string;
  sentence: string;
}

/** A timeline (Gantt-like) of the plan by phase. */
export interface TimelineChart {
  title: string;
  totalWeeks: number;
  startDate: string;
  phases: { phase: RoadmapPhaseId; label: string; startWeek: number; endWeek: number }[];
  bars: {
    id: string;
    label: string;
    phase: RoadmapPhaseId;
    lane: number;
    startWeek: number;
    endWeek: number;
  }[];
  milestones: { label: string; week: number }[];
}

// ---------------------------------------------------------------------------------------------
// KPI scorecard

export interface KpiSection {
  title: string;
  intro: string;
  /** Balanced-KPI principles: team over individual, funnel stages over one revenue number, … */
  principles: string[];
  rows: KpiRow[];
}

export interface KpiRow {
  kpi: string;
  /** What it measures and how. */
  measure: string;
  frequency: string;
  /** The phase it is first tracked in; null for standing KPIs. */
  phase: RoadmapPhaseId | null;
  phaseName: string | null;
  owner: string | null;
  ownerName: string | null;
  /** `plan`: from a roadmap action; `standard`: the balanced change-management set. */
  source: "plan" | "standard";
  sourceName: string;
  /** Action ids the KPI comes from (plan KPIs). */
  actions: string[];
}

// ---------------------------------------------------------------------------------------------
// Appendix

export interface AppendixSection {
  title: string;
  method: { title: string; paragraphs: string[] };
  scale: { title: string; levels: { level: number; name: string; description: string }[] };
  coverage: {
    title: string;
    intro: string;
    rows: {
      dimension: string;
      title: string;
      answeredWeight: number;
      applicableWeight: number;
      coverage: number | null;
      confidence: ConfidenceId | null;
      confidenceName: string | null;
    }[];
    overall: {
      coverage: number | null;
      confidence: ConfidenceId | null;
      confidenceName: string | null;
    };
  };
  respondents: {
    title: string;
    items: { id: string; name: string | null; role: string; roleName: string }[];
  };
  answers: {
    title: string;
    /** False when the input was a results JSON: `note` then says which command includes them. */
    included: boolean;
    note: string;
    dimensions: AppendixDimensionAnswers[];
  };
}

export interface AppendixDimensionAnswers {
  dimension: string;
  title: string;
  questions: {
    id: string;
    text: string;
    answers: AppendixAnswer[];
  }[];
}

export interface AppendixAnswer {
  respondent: string;
  role: string;
  roleName: string;
  value: number | "na" | "unknown";
  /** The value for display: "3", "n/a", "unknown" (localised). */
  valueText: string;
  note: string | null;
  evidence: string | null;
}
