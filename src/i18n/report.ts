import type {
  ConfidenceId,
  PillarId,
  ReadinessVerdictId,
  ReportKind,
  ReportLabels,
  ReportLanguage,
  RoadmapPhaseId,
  RoadmapStrategy,
  SeverityId,
} from "../core/models/report.js";

/** Scores in sentences: always two decimals, so 3 reads "3.00" like the tables. */
export const fmtScore = (n: number): string => n.toFixed(2);
/** A 0–1 share as a whole percentage. */
export const fmtPct = (n: number): string => `${Math.round(n * 100)}%`;

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function dateParts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split("-").map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

/**
 * Puts a space between Chinese characters and Latin letters where a name is embedded in a Chinese
 * sentence ("仅供 Acme Ltd 使用"), as Chinese typesetting does; digits are left alone so that
 * dates read 2026年3月2日.
 */
export function cjkSpace(text: string): string {
  return text
    .replace(/([\u3400-\u9fff])([A-Za-z])/g, "$1 $2")
    .replace(/([A-Za-z])([\u3400-\u9fff])/g, "$1 $2");
}

/** A leaf of a risk or readiness condition, with the names a sentence needs already resolved. */
export type LeafText = { holds: boolean } & (
  | { kind: "dimension"; name: string; value: number | null; below?: number; atLeast?: number }
  | { kind: "question"; name: string; value: number | null; atMost?: number; atLeast?: number }
  | { kind: "overall"; value: number | null; below?: number; atLeast?: number }
  | { kind: "perceptionGap"; name: string; value: number | null; atLeast: number }
  | { kind: "coverage"; name: string | null; value: number | null; below: number }
  | { kind: "risk"; name: string }
);

/** Everything worded in one language: labels and sentence builders. */
export interface ReportTexts {
  labels: ReportLabels;
  /** The roadmap's title when the questionnaire's method names none. */
  roadmapTitle(questionnaireTitle: string): string;
  dateText(iso: string): string;
  listJoin(items: string[]): string;
  quote(text: string): string;
  /** Wraps text in the language's parentheses, with the spacing the language uses. */
  paren(text: string): string;
  /** Separates the items of a short inline list. */
  sep: string;
  /** Joins the sentences of one paragraph. */
  sentenceJoin: string;
  pillar: Record<PillarId, string>;
  phase: Record<RoadmapPhaseId, string>;
  /** Phase goals when the questionnaire's method gives none. */
  defaultPhaseGoal: Record<RoadmapPhaseId, string>;
  severity: Record<SeverityId, string>;
  verdict: Record<ReadinessVerdictId, string>;
  confidence: Record<ConfidenceId, string>;
  strategyName: Record<RoadmapStrategy, string>;
  strategySentence: Record<RoadmapStrategy, string>;
  kpiSource: Record<"plan" | "standard", string>;
  section: {
    cover: string;
    summary: string;
    calibration: string;
    profile: string;
    dimensions: string;
    perception: string;
    risks: string;
    roadmap: string;
    kpis: string;
    appendix: string;
    method: string;
    scale: string;
    coverage: string;
    respondents: string;
    answers: string;
  };
  cover: { notice(client: string): string; header(client: string, kind: ReportKind): string };
  footer(date: string): string;
  pageNumber: string;
  overallSentence(a: {
    client: string;
    score: number | null;
    level: number | null;
    levelName: string | null;
    coverage: number | null;
    confidence: string | null;
    /** The confidence basis: most respondents on one question, roles present and expected. */
    respondents: number;
    rolesPresent: number;
    rolesExpected: number;
  }): string;
  readinessSentence: Record<ReadinessVerdictId, string>;
  readinessReason(title: string, rationale: string | null): string;
  /** `measured`: dimensions with a score; none means no gap can be measured at all. */
  topGapsSentence(count: number, measured: number): string;
  gapSentence(a: { title: string; score: number | null; target: number; gap: number }): string;
  topRisksSentence(a: { total: number; high: number }): string;
  calibrationSentence(a: {
    horizon: number;
    monthsPerLevel: number;
    outOfReach: number;
    total: number;
  }): string;
  calibrationItem(a: {
    title: string;
    score: number | null;
    target: number;
    months: number;
    date: string;
    horizon: number;
    reachable: number;
  }): string;
  defaultCalibrationAdvice: string;
  profileIntro: string;
  dimensionsIntro: string;
  dimensionSummary(a: {
    title: string;
    score: number | null;
    level: number | null;
    levelName: string | null;
    target: number;
    gap: number | null;
    coverage: number | null;
    confidence: string | null;
  }): string;
  cappedSentence(a: { question: string; level: number; score: number }): string;
  expectationSentence(a: { months: number; date: string; horizon: number }): string;
  perceptionSentence(a: {
    executive: number;
    frontline: number;
    gap: number;
    flagged: boolean;
  }): string;
  perceptionIntro(applicable: boolean): string;
  /** Before the facts rated two or more levels apart. */
  factConflictsIntro: string;
  perceptionGapSentence(a: {
    title: string;
    executive: number;
    frontline: number;
    gap: number;
  }): string;
  risksIntro(counts: Record<SeverityId, number>): string;
  leaf(leaf: LeafText): string;
  /** How the roadmap's actions were chosen and ordered, after the method's own introduction. */
  roadmapRules: string;
  reasonGap(a: { dimension: string; level: number; appliesBelow: number; gap: number }): string;
  reasonRisk(risk: string): string;
  reasonDependency(action: string): string;
  reasonRisks(risks: string[]): string;
  reasonDependencies(actions: string[]): string;
  reasonPushed(a: { phase: string; action: string }): string;
  /** The exit criterion when the questionnaire's method gives none. */
  defaultExitCriterion: string;
  interimCriterion(d: { title: string; interim: number }): string;
  targetCriterion(d: { title: string; target: number }): string;
  noActionsInPhase: string;
  milestoneLabel: string;
  /** `week` is 1-based, as people count weeks. */
  milestoneSentence(a: { week: number; date: string }): string;
  defaultCycle: string;
  planCalibration(a: {
    weeks: number;
    months: number;
    end: string;
    horizon: number;
    outOfReach: string[];
  }): string;
  emptyRoadmap: string;
  defaultKpiIntro: string;
  planKpiMeasure(action: string): string;
  planKpiFrequency: string;
  methodParagraphs(a: { monthsPerLevel: number; horizon: number }): string[];
  coverageIntro: string;
  answersIncluded: string;
  answersNotIncluded: string;
  answerValue: { na: string; unknown: string };
}

const en: ReportTexts = {
  labels: {
    contents: "Contents",
    client: "Client",
    industry: "Industry",
    size: "Size",
    date: "Assessment date",
    assessor: "Assessor",
    questionnaire: "Questionnaire",
    version: "Version",
    respondents: "Respondents",
    horizon: "Planning horizon",
    strategy: "Rollout strategy",
    id: "ID",
    dimension: "Dimension",
    pillar: "Pillar",
    weight: "Weight",
    score: "Score",
    level: "Level",
    levelName: "Level name",
    target: "Target",
    gap: "Gap",
    coverage: "Coverage",
    confidence: "Confidence",
    question: "Question",
    respondent: "Respondent",
    role: "Role",
    answer: "Answer",
    note: "Note",
    evidence: "Evidence",
    risk: "Risk",
    severity: "Severity",
    mitigation: "Mitigation",
    because: "Triggered because",
    recommendation: "Recommendation",
    action: "Action",
    actions: "Actions",
    owner: "Owner",
    owners: "Owners",
    phase: "Phase",
    weeks: "Weeks",
    start: "Start",
    end: "End",
    startWeek: "From week",
    endWeek: "To week",
    dependsOn: "Depends on",
    reason: "Why",
    kpi: "KPI",
    kpis: "KPIs",
    measure: "What it measures",
    frequency: "Frequency",
    source: "Source",
    exitCriteria: "Exit criteria",
    executive: "Executives",
    frontline: "Front line",
    perceptionGap: "Perception gap",
    spread: "Spread",
    lowest: "Lowest",
    highest: "Highest",
    monthsNeeded: "Months needed",
    realisticDate: "Realistic date",
    answered: "Answered",
    applicable: "Applicable",
    answeredWeight: "Answered weight",
    applicableWeight: "Applicable weight",
    strongest: "Strongest questions",
    weakest: "Weakest questions",
    notesAndEvidence: "Notes and evidence",
    cappedBy: "Level capped by",
    milestone: "Milestone",
    timeline: "Timeline",
    current: "Current",
    count: "Count",
    description: "Description",
    overall: "Overall",
    readiness: "Readiness",
    steps: "Steps",
    schedule: "Schedule",
    triggeredRisks: "Triggered risks",
    roadmapActions: "Roadmap actions",
    scoresByRole: "Scores by role",
    perceptionGaps: "Perception gaps",
    disagreements: "Disagreements",
    factConflicts: "Facts to settle with evidence",
    principles: "Principles",
    actionDetails: "Actions in detail",
    judgement: "Consulting judgement",
    topGaps: "Largest gaps",
    topRisks: "Top risks",
    inconclusive: "inconclusive",
    none: "None",
    notApplicable: "n/a",
    unknown: "unknown",
    yes: "yes",
    no: "no",
    weeksUnit: "weeks",
    monthsUnit: "months",
    weekPattern: "Week {week}",
    weekRangePattern: "Weeks {from}–{to}",
    reachableByHorizon: "Expected within the horizon",
    radarTitle: "Current maturity vs target",
    gapBarsTitle: "Gap to target by dimension",
    timelineTitle: "Roadmap timeline",
    chartFallback: "The table below gives the same figures as the chart.",
  },
  roadmapTitle: (title) => `${title}: roadmap`,
  dateText(iso) {
    const { y, m, d } = dateParts(iso);
    return `${d} ${MONTHS_EN[m - 1] ?? ""} ${y}`;
  },
  listJoin(items) {
    if (items.length <= 1) return items.join("");
    if (items.length === 2) return `${items[0]} and ${items[1]}`;
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
  },
  quote: (text) => `“${text}”`,
  paren: (text) => ` (${text})`,
  sep: ", ",
  sentenceJoin: " ",
  pillar: { strategy: "Strategy", people: "People", process: "Process", technology: "Technology" },
  phase: { rigidify: "Rigidify", optimise: "Optimise", solidify: "Solidify" },
  defaultPhaseGoal: {
    rigidify:
      "Adopt the recommended practices as designed and apply them consistently before changing them.",
    optimise:
      "Adapt the practices to the company's business, on the evidence gathered in the first phase.",
    solidify: "Write the improved practices into policy, system configuration, KPIs and training.",
  },
  severity: { high: "High", medium: "Medium", low: "Low" },
  verdict: {
    ready: "Ready",
    conditional: "Ready with conditions",
    "not-ready": "Not ready",
    inconclusive: "Inconclusive",
  },
  confidence: { high: "high", medium: "medium", low: "low" },
  strategyName: { "small-slow": "Small and slow", "big-fast": "Big and fast" },
  strategySentence: {
    "small-slow":
      "Rollout strategy: small and slow. At most two actions run at the same time, so the organisation absorbs each change before the next one starts; for most companies this is the safer choice.",
    "big-fast":
      "Rollout strategy: big and fast. Every action starts as soon as its dependencies allow. This shortens the plan but needs strong executive ownership and spare change capacity across the company.",
  },
  kpiSource: { plan: "Roadmap", standard: "Standard" },
  section: {
    cover: "Cover",
    summary: "Executive summary",
    calibration: "Expectation calibration",
    profile: "Maturity profile",
    dimensions: "Dimensions",
    perception: "Perception gaps and disagreements",
    risks: "Risk register",
    roadmap: "Roadmap",
    kpis: "KPI scorecard for change management",
    appendix: "Appendix",
    method: "Method",
    scale: "Maturity scale",
    coverage: "Coverage",
    respondents: "Respondents",
    answers: "Answers",
  },
  cover: {
    notice: (client) => `Confidential. Prepared for ${client}${/[.!?]$/.test(client) ? "" : "."}`,
    header: (client, kind) =>
      `${client} · ${kind === "report" ? "CRM capability maturity" : "CRM capability roadmap"}`,
  },
  footer: (date) => `Confidential · Assessment of ${date}`,
  pageNumber: "Page {page} of {pages}",
  overallSentence(a) {
    if (a.score === null || a.level === null) {
      return `The overall level of ${a.client} is inconclusive: no dimension has enough answers to be scored.`;
    }
    const cov =
      a.coverage === null || a.confidence === null
        ? ""
        : ` Confidence in this result is ${a.confidence}: ${fmtPct(a.coverage)} of the applicable question weight was answered, by at most ${a.respondents} ${a.respondents === 1 ? "respondent" : "respondents"} on any one question, and ${a.rolesPresent} of the ${a.rolesExpected} roles that should answer took part.`;
    return `Overall, ${a.client} scores ${fmtScore(a.score)} on the five-level scale, which puts its CRM capability at level ${a.level}${a.levelName ? `, ${a.levelName}` : ""}.${cov}`;
  },
  readinessSentence: {
    ready:
      "Verdict: ready. No readiness rule holds, so the company can start or continue its CRM programme, still in the order strategy, then people and process, then technology.",
    conditional:
      "Verdict: ready with conditions. The company can proceed only if the conditions below are built into the first phase of the roadmap; otherwise the programme is likely to disappoint.",
    "not-ready":
      "Verdict: not ready. The company should not buy or roll out a CRM system yet. It should first build the capability named below; a system bought now would automate today's weaknesses.",
    inconclusive:
      "Verdict: inconclusive. Nobody has yet given a rating to any question, so this document cannot say whether the company is ready. Complete the interviews before drawing any conclusion from it.",
  },
  readinessReason: (title, rationale) => (rationale ? `${title}: ${rationale}` : `${title}.`),
  topGapsSentence: (count, measured) =>
    measured === 0
      ? "No gap can be measured yet: no dimension has enough answers to be scored."
      : count === 0
        ? "No dimension falls short of its target."
        : count === 1
          ? "One dimension falls short of its target:"
          : `The ${count === 2 ? "two" : count === 3 ? "three" : count} largest gaps between the current score and the target:`,
  gapSentence: (a) =>
    `${a.title}: ${a.score === null ? "inconclusive" : fmtScore(a.score)} against a target of ${a.target} (gap ${fmtScore(a.gap)}).`,
  topRisksSentence: (a) =>
    a.total === 0
      ? "No risk rule is triggered by these answers."
      : `${a.total} ${a.total === 1 ? "risk is" : "risks are"} triggered, ${a.high === 0 ? "none" : a.high} of them high severity. The most serious:`,
  calibrationSentence: (a) =>
    a.total === 0
      ? "Expectations cannot be calibrated yet: no dimension has a score to measure the targets against."
      : a.outOfReach === 0
        ? `Every target is within reach of the ${a.horizon}-month horizon at a realistic pace of about ${a.monthsPerLevel} months per maturity level.`
        : `${a.outOfReach} of the ${a.total} targets cannot be reached within the ${a.horizon}-month horizon: capability realistically climbs about one level every ${a.monthsPerLevel} months. Plan on the dates below instead of the original expectations.`,
  calibrationItem: (a) =>
    `${a.title}: moving from ${a.score === null ? "an inconclusive score" : fmtScore(a.score)} to ${a.target} takes about ${a.months} months, so realistically by ${a.date}; within ${a.horizon} months expect about ${fmtScore(a.reachable)}.`,
  defaultCalibrationAdvice:
    "Agree explicit, staged goals for each phase instead of a single distant target, and review them at each phase end.",
  profileIntro:
    "The radar chart compares each dimension's current score with its target on the five-level scale; the table beside it gives the same figures, including coverage and confidence.",
  dimensionsIntro:
    "Each dimension with its score, level, target and gap, the questions that scored best and worst, and what the interviews recorded.",
  dimensionSummary(a) {
    if (a.score === null || a.level === null) {
      return `${a.title} is inconclusive: none of its questions was answered. Collect the evidence before relying on this dimension.`;
    }
    const conf =
      a.coverage === null || a.confidence === null
        ? ""
        : ` Confidence is ${a.confidence} (${fmtPct(a.coverage)} coverage).`;
    const gap =
      a.gap !== null && a.gap > 0
        ? `against a target of ${a.target}, a gap of ${fmtScore(a.gap)}`
        : `which meets its target of ${a.target}`;
    return `${a.title} scores ${fmtScore(a.score)} (level ${a.level}${a.levelName ? `, ${a.levelName}` : ""}), ${gap}.${conf}`;
  },
  cappedSentence: (a) =>
    `The level is capped at ${a.level} by the critical question ${en.quote(a.question)}, which scores ${fmtScore(a.score)}.`,
  expectationSentence: (a) =>
    `The target is out of reach within ${a.horizon} months: about ${a.months} months are needed, so realistically by ${a.date}.`,
  perceptionSentence: (a) =>
    `Executives rate this dimension ${fmtScore(a.executive)} and the front line ${fmtScore(a.frontline)}, a difference of ${fmtScore(a.gap)}.${a.flagged ? " This is the good-news-only bias: problems are being filtered on their way to the top." : ""}`,
  perceptionIntro: (applicable) =>
    applicable
      ? "Scores by role. When executives rate a dimension a full level or more above the front line, plans are being made on a flattering picture; questions whose answers differ by two levels or more deserve a follow-up conversation."
      : "Only one role answered, so perception gaps between roles cannot be shown. Interview executives and front-line staff separately to reveal them.",
  factConflictsIntro:
    "These questions ask about facts of the organisation, not opinions, yet the people who can see the evidence rated them two or more levels apart. Before this report is relied on, the assessor should look at the documents or records concerned and correct the answers; until then each counts with the average of the ratings.",
  perceptionGapSentence: (a) =>
    `${a.title}: executives ${fmtScore(a.executive)}, front line ${fmtScore(a.frontline)} (gap ${fmtScore(a.gap)}).`,
  risksIntro: (c) => {
    const total = c.high + c.medium + c.low;
    return total === 0
      ? "No risk rule is triggered by these answers."
      : `${total} ${total === 1 ? "risk is" : "risks are"} triggered (${c.high} high, ${c.medium} medium, ${c.low} low severity). Each comes with its mitigation; the roadmap includes the actions that address it.`;
  },
  leaf(l) {
    const v = (x: number | null) => (x === null ? "inconclusive" : fmtScore(x));
    const bounds = (b: { below?: number; atLeast?: number; atMost?: number }): string => {
      const parts: string[] = [];
      if (b.below !== undefined) parts.push(`below ${b.below}`);
      if (b.atMost !== undefined) parts.push(`at most ${b.atMost}`);
      if (b.atLeast !== undefined) parts.push(`at least ${b.atLeast}`);
      return `${l.holds ? "" : "not "}${parts.join(" and ")}`;
    };
    const not = l.holds ? "" : "not ";
    switch (l.kind) {
      case "dimension":
        return `${l.name} scores ${v(l.value)}, ${bounds(l)}`;
      case "question":
        return `${en.quote(l.name)} scores ${v(l.value)}, ${bounds(l)}`;
      case "overall":
        return `the overall score is ${v(l.value)}, ${bounds(l)}`;
      case "perceptionGap":
        return `executives rate ${l.name} ${v(l.value)} higher than the front line, ${not}at least ${l.atLeast}`;
      case "coverage":
        return `${l.name === null ? "overall coverage" : `coverage of ${l.name}`} is ${l.value === null ? "unknown" : fmtPct(l.value)}, ${not}below ${fmtPct(l.below)}`;
      case "risk":
        return `the risk ${en.quote(l.name)} is ${not}triggered`;
    }
  },
  roadmapRules:
    "Actions were selected from the gaps and the triggered risks. Within each phase, actions come after the actions they depend on, then by priority (gap × dimension weight), then in the order strategy, people, process, technology. A phase starts when the previous one is complete. During rollout, staffing key positions and strengthening core processes offsets resistance, and training is the main lever.",
  reasonGap: (a) =>
    `${a.dimension} is at level ${a.level}, below ${a.appliesBelow}, with a gap of ${fmtScore(a.gap)}.`,
  reasonRisk: (risk) => `Mitigates the risk ${en.quote(risk)}.`,
  reasonDependency: (action) => `Must be done first for ${en.quote(action)}.`,
  reasonRisks: (risks) =>
    `Mitigates the ${risks.length === 1 ? "risk" : "risks"} ${en.listJoin(risks.map(en.quote))}.`,
  reasonDependencies: (actions) => `Must be done first for ${en.listJoin(actions.map(en.quote))}.`,
  reasonPushed: (a) => `Runs in the ${a.phase} phase because it depends on ${en.quote(a.action)}.`,
  defaultExitCriterion: "Every action of the phase is complete.",
  interimCriterion: (d) =>
    `${d.title} reaches at least ${fmtScore(d.interim)} in an interim check with the same questionnaire.`,
  targetCriterion: (d) =>
    `${d.title} reaches its target of ${d.target}, confirmed by the reassessment.`,
  noActionsInPhase: "No action is needed in this phase.",
  milestoneLabel: "Reassessment",
  milestoneSentence: (a) =>
    `Reassess in week ${a.week} (${a.date}) with the same questionnaire and roles, and compare the two assessments to measure progress against the targets.`,
  defaultCycle:
    "Reassess at the agreed interval and start the next round of the cycle from what the reassessment shows.",
  planCalibration(a) {
    const within =
      a.weeks <= (a.horizon * 52) / 12
        ? `within the ${a.horizon}-month planning horizon`
        : `beyond the ${a.horizon}-month planning horizon, so the steering committee should agree which phase ends inside the horizon`;
    const reach =
      a.outOfReach.length > 0
        ? ` Whatever the plan, ${en.listJoin(a.outOfReach)} cannot reach ${a.outOfReach.length === 1 ? "its target" : "their targets"} within the horizon at a realistic pace; see the realistic dates under expectation calibration.`
        : "";
    return `The plan takes ${a.weeks} weeks (about ${a.months} months) and ends on ${a.end}, ${within}.${reach}`;
  },
  emptyRoadmap:
    "No recommendation of the questionnaire applies to these results: no scored dimension is below a recommendation's threshold with a gap, and no triggered risk has a recommendation that mitigates it. Keep the practices that work, complete any missing evidence and reassess as planned.",
  defaultKpiIntro:
    "The KPIs named by the roadmap's actions, each with its phase and owner, so that progress is measured from the first week.",
  planKpiMeasure: (action) => `Tracks ${en.quote(action)}`,
  planKpiFrequency: "At each phase review",
  methodParagraphs: (a) => [
    "Each question is answered on the five-level scale; a reverse-scored agreement item scores six minus the answer. Not applicable takes a question out of every calculation; unknown counts as applicable but unanswered.",
    "With several respondents, a question's score is the mean over the roles present of each role's mean, so that many front-line answers do not drown a single executive. A dimension's score is the weighted mean of its answered questions, and its level is the whole part of the score, capped by any critical question that scores lower. The overall score is the weighted mean of the dimensions that could be scored.",
    "Coverage is the share of applicable question weight that was answered. Confidence weighs four things together: coverage, how many people answered, whether every role that should answer took part, and whether respondents agree. It is high only when coverage reaches 80%, at least three people answered, every expected role is present and respondents agree on 80% of the answered weight; medium at 50%, two people, half the roles and 50% agreement; low otherwise. A single interview therefore never gives more than low confidence. The gap is the target minus the score when positive.",
    `A target is out of reach when the gap exceeds what the organisation can climb within the ${a.horizon}-month horizon at about ${a.monthsPerLevel} months per level; the report then gives the realistic date. Executives rating a dimension a full level above the front line is flagged as a perception gap, and answers two or more levels apart as a disagreement.`,
    "Risks and the readiness verdict follow from rules written in the questionnaire; the roadmap is built from its recommendations as described in the roadmap section.",
  ],
  coverageIntro:
    "How much of each dimension was answered. Low coverage lowers confidence; collect the missing evidence before relying on a dimension.",
  answersIncluded: "Every answer, with the notes and evidence recorded in the interviews.",
  answersNotIncluded:
    "The individual answers are not included: this report was built from a results file, which holds scores but not answers. Run crm-maturity report on the answer files themselves to include every answer with its notes and evidence.",
  answerValue: { na: "n/a", unknown: "unknown" },
};

const zh: ReportTexts = {
  labels: {
    contents: "目录",
    client: "客户",
    industry: "行业",
    size: "规模",
    date: "评估日期",
    assessor: "评估人",
    questionnaire: "问卷",
    version: "版本",
    respondents: "受访者",
    horizon: "规划期",
    strategy: "推行策略",
    id: "编号",
    dimension: "维度",
    pillar: "支柱",
    weight: "权重",
    score: "得分",
    level: "等级",
    levelName: "等级名称",
    target: "目标",
    gap: "差距",
    coverage: "覆盖率",
    confidence: "可信度",
    question: "题目",
    respondent: "受访者",
    role: "角色",
    answer: "回答",
    note: "备注",
    evidence: "证据",
    risk: "风险",
    severity: "严重程度",
    mitigation: "应对措施",
    because: "触发原因",
    recommendation: "改进建议",
    action: "行动",
    actions: "行动",
    owner: "负责人",
    owners: "负责方",
    phase: "阶段",
    weeks: "周数",
    start: "开始",
    end: "结束",
    startWeek: "起始周",
    endWeek: "结束周",
    dependsOn: "前置行动",
    reason: "原因",
    kpi: "指标",
    kpis: "考核指标",
    measure: "衡量内容",
    frequency: "频率",
    source: "来源",
    exitCriteria: "阶段完成标准",
    executive: "高层",
    frontline: "一线",
    perceptionGap: "认知差距",
    spread: "分歧幅度",
    lowest: "最低",
    highest: "最高",
    monthsNeeded: "所需月数",
    realisticDate: "现实可达日期",
    answered: "已作答",
    applicable: "适用",
    answeredWeight: "已答权重",
    applicableWeight: "适用权重",
    strongest: "表现最好的题目",
    weakest: "表现最弱的题目",
    notesAndEvidence: "备注与证据",
    cappedBy: "等级受限于",
    milestone: "里程碑",
    timeline: "时间线",
    current: "现状",
    count: "数量",
    description: "说明",
    overall: "总体",
    readiness: "就绪度",
    steps: "具体步骤",
    schedule: "时间安排",
    triggeredRisks: "已触发的风险",
    roadmapActions: "路线图行动",
    scoresByRole: "分角色得分",
    perceptionGaps: "认知差距",
    disagreements: "意见分歧",
    factConflicts: "需凭证据核实的事实",
    principles: "原则",
    actionDetails: "行动详情",
    judgement: "咨询判断",
    topGaps: "最大差距",
    topRisks: "主要风险",
    inconclusive: "无法判定",
    none: "无",
    notApplicable: "不适用",
    unknown: "不清楚",
    yes: "是",
    no: "否",
    weeksUnit: "周",
    monthsUnit: "个月",
    weekPattern: "第 {week} 周",
    weekRangePattern: "第 {from}–{to} 周",
    reachableByHorizon: "规划期内预计可达",
    radarTitle: "成熟度现状与目标对比",
    gapBarsTitle: "各维度与目标的差距",
    timelineTitle: "路线图时间线",
    chartFallback: "下表列出与图表相同的数据。",
  },
  roadmapTitle: (title) => `${title}：路线图`,
  dateText(iso) {
    const { y, m, d } = dateParts(iso);
    return `${y}年${m}月${d}日`;
  },
  listJoin(items) {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join("、")}和${items[items.length - 1]}`;
  },
  quote: (text) => `“${text}”`,
  paren: (text) => `（${text}）`,
  sep: "、",
  sentenceJoin: "",
  pillar: { strategy: "战略", people: "人员", process: "流程", technology: "技术" },
  phase: { rigidify: "僵化", optimise: "优化", solidify: "固化" },
  defaultPhaseGoal: {
    rigidify: "按设计原样引入建议的做法并一贯执行，在调整之前先做到熟练。",
    optimise: "依据第一阶段积累的证据，结合企业自身业务调整这些做法。",
    solidify: "把改进后的做法写入制度、系统配置、考核指标和培训。",
  },
  severity: { high: "高", medium: "中", low: "低" },
  verdict: {
    ready: "已就绪",
    conditional: "有条件就绪",
    "not-ready": "尚未就绪",
    inconclusive: "无法判断",
  },
  confidence: { high: "高", medium: "中", low: "低" },
  strategyName: { "small-slow": "小步慢跑", "big-fast": "大步快跑" },
  strategySentence: {
    "small-slow":
      "推行策略：小步慢跑。同一时间最多并行两项行动，让组织消化一项变革后再开始下一项；对大多数企业而言，这是更稳妥的选择。",
    "big-fast":
      "推行策略：大步快跑。每项行动在前置条件满足后立即启动。这样可以缩短整体周期，但要求高层强力主导，并且全公司有足够的变革承载能力。",
  },
  kpiSource: { plan: "路线图", standard: "标准指标" },
  section: {
    cover: "封面",
    summary: "管理层摘要",
    calibration: "期望值校准",
    profile: "成熟度概况",
    dimensions: "各维度详情",
    perception: "认知差距与意见分歧",
    risks: "风险登记表",
    roadmap: "路线图",
    kpis: "变革管理考核指标",
    appendix: "附录",
    method: "评估方法",
    scale: "成熟度等级",
    coverage: "作答覆盖率",
    respondents: "受访者",
    answers: "作答明细",
  },
  cover: {
    notice: (client) => cjkSpace(`保密文件，仅供${client}使用。`),
    header: (client, kind) =>
      `${client} · ${kind === "report" ? "CRM 能力成熟度评估" : "CRM 能力提升路线图"}`,
  },
  footer: (date) => `保密 · ${date}评估`,
  pageNumber: "第 {page} 页，共 {pages} 页",
  overallSentence(a) {
    if (a.score === null || a.level === null) {
      return `${cjkSpace(`${a.client}的`)}总体等级无法判定：没有任何维度获得足够的作答来计算得分。`;
    }
    const cov =
      a.coverage === null || a.confidence === null
        ? ""
        : `本结论的可信度为${a.confidence}：适用题目权重的作答覆盖率为 ${fmtPct(a.coverage)}，单题最多 ${a.respondents} 位受访者作答，应参与作答的 ${a.rolesExpected} 类角色中有 ${a.rolesPresent} 类参与。`;
    return `${cjkSpace(`${a.client}的`)}总体得分为 ${fmtScore(a.score)}（五级量表），CRM 能力处于第 ${a.level} 级${a.levelName ? `“${a.levelName}”` : ""}。${cov}`;
  },
  readinessSentence: {
    ready:
      "结论：已就绪。没有任何就绪度规则被触发，企业可以启动或继续推进 CRM 项目，但仍须遵循先战略、再人员与流程、最后技术的顺序。",
    conditional:
      "结论：有条件就绪。只有把下列条件纳入路线图的第一阶段，企业才可推进；否则项目很可能不及预期。",
    "not-ready":
      "结论：尚未就绪。企业目前不宜采购或上线 CRM 系统，应先建设下列能力；现在上系统只会把眼下的弱点自动化。",
    inconclusive:
      "结论：无法判断。目前还没有任何受访者对任何题目给出评级，本文件无法说明企业是否已经就绪。请先完成访谈，再据此得出任何结论。",
  },
  readinessReason: (title, rationale) => (rationale ? `${title}：${rationale}` : `${title}。`),
  topGapsSentence: (count, measured) =>
    measured === 0
      ? "目前还无法衡量差距：没有任何维度获得足够的作答来计算得分。"
      : count === 0
        ? "所有维度均已达到目标。"
        : count === 1
          ? "有一个维度未达到目标："
          : `现状得分与目标差距最大的 ${count} 个维度：`,
  gapSentence: (a) =>
    `${a.title}：得分 ${a.score === null ? "无法判定" : fmtScore(a.score)}，目标 ${a.target}（差距 ${fmtScore(a.gap)}）。`,
  topRisksSentence: (a) =>
    a.total === 0
      ? "本次作答未触发任何风险规则。"
      : `共触发 ${a.total} 项风险，其中${a.high === 0 ? "没有高风险" : `高风险 ${a.high} 项`}。最严重的几项：`,
  calibrationSentence: (a) =>
    a.total === 0
      ? "目前还无法校准期望值：没有任何维度有得分可与目标对照。"
      : a.outOfReach === 0
        ? `按每提升一级约需 ${a.monthsPerLevel} 个月的现实节奏，所有目标都能在 ${a.horizon} 个月的规划期内达成。`
        : `${a.total} 个目标中有 ${a.outOfReach} 个无法在 ${a.horizon} 个月的规划期内达成：按现实节奏，能力大约每 ${a.monthsPerLevel} 个月才能提升一级。请以下列日期代替原有预期来做计划。`,
  calibrationItem: (a) =>
    `${a.title}：从 ${a.score === null ? "无法判定的现状" : fmtScore(a.score)} 提升到 ${a.target} 约需 ${a.months} 个月，现实可达日期为${a.date}；${a.horizon} 个月内预计可达到约 ${fmtScore(a.reachable)}。`,
  defaultCalibrationAdvice:
    "为每个阶段约定明确的分段目标，而不是只设一个遥远的总目标，并在每个阶段结束时复核。",
  profileIntro:
    "雷达图对比各维度在五级量表上的现状得分与目标；旁边的表格列出相同数据，并给出覆盖率和可信度。",
  dimensionsIntro:
    "逐一列出各维度的得分、等级、目标与差距，得分最高和最低的题目，以及访谈中记录的备注与证据。",
  dimensionSummary(a) {
    if (a.score === null || a.level === null) {
      return `${a.title}无法判定：该维度没有任何题目得到作答。在依据该维度做决策之前，应先补充收集证据。`;
    }
    const conf =
      a.coverage === null || a.confidence === null
        ? ""
        : `可信度为${a.confidence}（覆盖率 ${fmtPct(a.coverage)}）。`;
    const gap =
      a.gap !== null && a.gap > 0
        ? `目标为 ${a.target}，差距 ${fmtScore(a.gap)}`
        : `已达到目标 ${a.target}`;
    return `${a.title}得分 ${fmtScore(a.score)}（第 ${a.level} 级${a.levelName ? `“${a.levelName}”` : ""}），${gap}。${conf}`;
  },
  cappedSentence: (a) =>
    `该维度等级被关键题目${zh.quote(a.question)}限制在第 ${a.level} 级，该题得分为 ${fmtScore(a.score)}。`,
  expectationSentence: (a) =>
    `该目标无法在 ${a.horizon} 个月内达成：约需 ${a.months} 个月，现实可达日期为${a.date}。`,
  perceptionSentence: (a) =>
    `高层对该维度的评分为 ${fmtScore(a.executive)}，一线为 ${fmtScore(a.frontline)}，相差 ${fmtScore(a.gap)}。${a.flagged ? "这正是“报喜不报忧”的偏差：问题在向上传递的过程中被过滤了。" : ""}`,
  factConflictsIntro:
    "以下题目询问的是企业的客观事实而非看法，但能够看到相关证据的受访者给出的评级相差两级或以上。在依据本报告做决定之前，评估人应查阅相关文件或记录并更正答案；在此之前，每题按各评级的平均值计分。",
  perceptionIntro: (applicable) =>
    applicable
      ? "按角色列出的得分。高层评分比一线高出一级或以上时，决策所依据的是被美化的图景；受访者回答相差两级或以上的题目，值得进一步访谈核实。"
      : "只有一类角色作答，无法显示角色之间的认知差距。请分别访谈高层与一线员工，以揭示差距。",
  perceptionGapSentence: (a) =>
    `${a.title}：高层 ${fmtScore(a.executive)}，一线 ${fmtScore(a.frontline)}（差距 ${fmtScore(a.gap)}）。`,
  risksIntro: (c) => {
    const total = c.high + c.medium + c.low;
    return total === 0
      ? "本次作答未触发任何风险规则。"
      : `共触发 ${total} 项风险（高 ${c.high} 项、中 ${c.medium} 项、低 ${c.low} 项）。每项风险都附有应对措施，路线图已纳入相应行动。`;
  },
  leaf(l) {
    const v = (x: number | null) => (x === null ? "无法判定" : fmtScore(x));
    const bounds = (b: { below?: number; atLeast?: number; atMost?: number }): string => {
      const parts: string[] = [];
      if (b.below !== undefined) parts.push(`低于 ${b.below}`);
      if (b.atMost !== undefined) parts.push(`不高于 ${b.atMost}`);
      if (b.atLeast !== undefined) parts.push(`不低于 ${b.atLeast}`);
      return `${l.holds ? "" : "并非"}${parts.join("且")}`;
    };
    const not = l.holds ? "" : "并非";
    switch (l.kind) {
      case "dimension":
        return `${l.name}得分 ${v(l.value)}，${bounds(l)}`;
      case "question":
        return `${zh.quote(l.name)}得分 ${v(l.value)}，${bounds(l)}`;
      case "overall":
        return `总体得分 ${v(l.value)}，${bounds(l)}`;
      case "perceptionGap":
        return `高层对${l.name}的评分比一线高 ${v(l.value)}，${not}不低于 ${l.atLeast}`;
      case "coverage":
        return `${l.name === null ? "总体" : l.name}覆盖率为 ${l.value === null ? "未知" : fmtPct(l.value)}，${not}低于 ${fmtPct(l.below)}`;
      case "risk":
        return l.holds ? `已触发风险${zh.quote(l.name)}` : `未触发风险${zh.quote(l.name)}`;
    }
  },
  roadmapRules:
    "行动依据差距和已触发的风险选定。每个阶段内，行动先排在其前置行动之后，再按优先级（差距 × 维度权重）排序，然后按战略、人员、流程、技术的顺序排列。上一阶段完成后，下一阶段才开始。推行过程中，配齐关键岗位、强化核心流程可以抵消变革阻力，而培训是最主要的抓手。",
  reasonGap: (a) =>
    `${a.dimension}处于第 ${a.level} 级，低于 ${a.appliesBelow} 级，差距 ${fmtScore(a.gap)}。`,
  reasonRisk: (risk) => `应对风险${zh.quote(risk)}。`,
  reasonDependency: (action) => `是${zh.quote(action)}的前置行动。`,
  reasonRisks: (risks) => `应对风险${zh.listJoin(risks.map(zh.quote))}。`,
  reasonDependencies: (actions) => `是${zh.listJoin(actions.map(zh.quote))}的前置行动。`,
  reasonPushed: (a) => `因依赖${zh.quote(a.action)}，安排在“${a.phase}”阶段。`,
  defaultExitCriterion: "本阶段所有行动均已完成。",
  interimCriterion: (d) => `${d.title}在使用同一问卷的中期检查中达到 ${fmtScore(d.interim)} 以上。`,
  targetCriterion: (d) => `${d.title}达到目标 ${d.target}，并经复评确认。`,
  noActionsInPhase: "本阶段无需行动。",
  milestoneLabel: "复评",
  milestoneSentence: (a) =>
    `在第 ${a.week} 周（${a.date}）使用同一问卷、面向相同角色进行复评，并对比两次评估结果，衡量相对目标的进展。`,
  defaultCycle: "按约定周期复评，并以复评结果开始下一轮循环。",
  planCalibration(a) {
    const within =
      a.weeks <= (a.horizon * 52) / 12
        ? `在 ${a.horizon} 个月的规划期之内`
        : `超出了 ${a.horizon} 个月的规划期，指导委员会应明确哪个阶段须在规划期内完成`;
    const reach =
      a.outOfReach.length > 0
        ? `按现实节奏，无论计划如何安排，${zh.listJoin(a.outOfReach)}都无法在规划期内达到目标；现实可达日期见“期望值校准”。`
        : "";
    return `整个计划历时 ${a.weeks} 周（约 ${a.months} 个月），于${a.end}结束，${within}。${reach}`;
  },
  emptyRoadmap:
    "问卷中没有适用于本次结果的改进建议：没有存在差距且低于建议适用等级的已计分维度，已触发的风险也没有对应的改进建议。请保持行之有效的做法，补齐缺失的证据，并按计划复评。",
  defaultKpiIntro:
    "路线图各项行动所列的考核指标，以及各自所属阶段和责任人，使进展从第一周起就有据可查。",
  planKpiMeasure: (action) => `跟踪${zh.quote(action)}`,
  planKpiFrequency: "每次阶段评审",
  methodParagraphs: (a) => [
    "每道题按五级量表作答；反向计分的态度题按“6 减去回答值”计分。“不适用”的题目不参与任何计算；“不清楚”视为适用但未作答。",
    "有多名受访者时，题目得分为各角色平均分的平均值，避免大量一线答卷淹没个别高层的意见。维度得分是已作答题目的加权平均，等级取得分的整数部分，并受得分更低的关键题目限制。总体得分是可计分维度的加权平均。",
    "覆盖率是已作答题目权重占适用题目权重的比例。可信度综合四个因素：覆盖率、作答人数、应当作答的角色是否都已参与、受访者之间是否一致。只有覆盖率达到 80%、至少三人作答、所有应参与的角色均已参与、且 80% 的已答权重上意见一致时，可信度才为高；覆盖率 50%、两人作答、半数角色参与、50% 一致时为中；否则为低。因此仅凭一次访谈，可信度最多为低。差距为目标减去得分（为正时）。",
    `按每提升一级约需 ${a.monthsPerLevel} 个月计算，若差距超出 ${a.horizon} 个月规划期内可提升的幅度，即视为目标无法按期达成，报告会给出现实可达日期。高层评分比一线高出一级或以上记为认知差距，回答相差两级或以上记为意见分歧。`,
    "风险与就绪度结论由问卷中定义的规则得出；路线图依据问卷中的改进建议生成，规则见路线图一节。",
  ],
  coverageIntro:
    "各维度的作答情况。覆盖率低会降低可信度；在依据某个维度做决策之前，应先补充缺失的证据。",
  answersIncluded: "全部作答，附访谈中记录的备注与证据。",
  answersNotIncluded:
    "未包含逐题作答：本报告依据结果文件生成，结果文件只含得分、不含作答。请直接对答卷文件运行 crm-maturity report，即可附上全部作答及其备注与证据。",
  answerValue: { na: "不适用", unknown: "不清楚" },
};

const TEXTS: Record<ReportLanguage, ReportTexts> = { en, "zh-CN": zh };

/** The wording of a report in one language. */
export function textsFor(lang: ReportLanguage): ReportTexts {
  return TEXTS[lang];
}
