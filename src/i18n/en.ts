import type { WriteFailure } from "../core/diagnostics/write-failure.js";
import {
  dateParts,
  fmtCount,
  fmtPct,
  fmtRange,
  fmtScore,
  joinList,
  nestQuotes,
  possessive,
} from "./format.js";
import type { Messages, RoleMismatchText } from "./messages.js";

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

const common: Messages["common"] = {
  languageName: "English",
  officeLanguage: "en-GB",
  officeLatinLanguage: "en-GB",
  officeFont: "Calibri",
  officeFontWithBrand: (brandFont) => brandFont,
  inconclusive: "—",
  overall: "Overall",
  andMore: (count) => `… and ${count} more`,
  monthTick(iso, withYear) {
    const { y, m } = dateParts(iso);
    const month = (MONTHS_EN[m - 1] ?? "").slice(0, 3);
    return withYear ? `${month} ${y}` : month;
  },
  listSeparator: ", ",
  levelNames: "level names",
  narrowed: (left) =>
    `Left out at this width: ${joinList(left, ", ", " and ")}. Widen the terminal (or set COLUMNS=160) to see ${left.length === 1 ? "it" : "them"}, or use --format md or json.`,
  punct: {
    colon: ": ",
    open: " (",
    close: ")",
    paren: (text) => ` (${text})`,
    dash: " — ",
    sentence: (text) => `${text}.`,
    semicolon: "; ",
  },
  header: {
    client: "Client",
    date: "Date",
    assessor: "Assessor",
    questionnaire: "Questionnaire",
    respondents: "Respondents",
    profile: "Profile",
  },
  profiles: {
    named: (names, chosenBy) =>
      `${names.join(" · ")} (${chosenBy === "option" ? "chosen for this run" : "from the client's industry and size"})`,
    standard: "Standard weights, targets and pace (no industry or size profile)",
  },
  col: {
    dimension: "Dimension",
    score: "Score",
    level: "Level",
    target: "Target",
    gap: "Gap",
    profile: "Score ▸ target",
    coverage: "Coverage",
    confidence: "Confidence",
    severity: "Severity",
    risk: "Risk",
    executive: "Executive",
    frontline: "Front line",
    monthsNeeded: "Months needed",
    realisticDate: "Realistic by",
  },
  confidence: { high: "high", medium: "medium", low: "low" },
  severity: { high: "high", medium: "medium", low: "low" },
  verdict: {
    ready: "ready",
    conditional: "ready with conditions",
    "not-ready": "not ready",
    inconclusive: "inconclusive",
  },
  verdictExplain: {
    ready: "no readiness rule holds: the organisation can proceed",
    conditional: "proceed only once these conditions are addressed",
    "not-ready": "build these capabilities before implementing a CRM system",
    inconclusive:
      "no respondent gave a level to any question, so there is nothing to judge readiness on",
  },
  leaf(l) {
    const v = (x: number | null) => (x === null ? "inconclusive" : fmtScore(x));
    // The evidence in a consultant's words: the figure, then the warning range it falls in or
    // outside (no "short of 2.5", no "not at most").
    const sign = (b: { below?: number; atLeast?: number; atMost?: number }): string => {
      const parts: string[] = [];
      if (b.below !== undefined) parts.push(`below ${b.below}`);
      if (b.atMost !== undefined) parts.push(`${b.atMost} or lower`);
      if (b.atLeast !== undefined) parts.push(`${b.atLeast} or higher`);
      return ` (${l.holds ? "in" : "outside"} the warning range: ${parts.join(" and ")})`;
    };
    switch (l.kind) {
      case "dimension":
        return `${l.name} scores ${v(l.value)} out of 5${sign(l)}`;
      case "question":
        // The question's score, reversed items already turned round, so "scores", not "rate".
        return `the question ${report.quote(l.name)} scores ${v(l.value)} out of 5${sign(l)}`;
      case "overall":
        return `the overall score is ${v(l.value)} out of 5${sign(l)}`;
      case "perceptionGap":
        return `executives rate ${l.name} ${v(l.value)} higher than the front line does${sign(l)}`;
      case "coverage":
        return `${l.name === null ? "the answers cover" : `the answers on ${l.name} cover`} ${l.value === null ? "an unknown share" : fmtPct(l.value)} of the questions${l.holds ? `, below the ${fmtPct(l.below)} a firm reading needs` : `, enough for a firm reading (${fmtPct(l.below)} or more)`}`;
      case "risk":
        return l.holds
          ? `the risk ${report.quote(l.name)} also applies`
          : `the risk ${report.quote(l.name)} does not apply`;
    }
  },
};

const score: Messages["score"] = {
  readiness: "Readiness",
  risks: "Top risks",
  risksCount: (a) => `${a.shown} of ${a.total} triggered`,
  risksAll: (total) => `${total} triggered`,
  perceptionGaps: "Perception gaps (executive vs front line)",
  perceptionGapsNone: "No dimension where executives rate a full level above the front line.",
  perceptionGapsMissing: "Not measured: needs executive and front-line respondents.",
  perceptionGapsNoRoles:
    "Not measured: the questionnaire has no executive and front-line roles (role ids executive and frontline) to compare.",
  factConflicts: "Facts to settle with evidence",
  factConflictsNote: (survey) =>
    survey
      ? "facts the respondents are divided on (rwg below 0.51); check the records"
      : "facts rated two or more levels apart; check the records",
  colQuestion: "Question",
  colFactSpread: (read) =>
    ({ range: "Ratings", rwg: "Agreement", both: "Ratings or agreement" })[read],
  expectationRisks: "Expectation risks",
  expectationRisksNote: (a) =>
    `targets out of reach within ${a.horizon} ${a.horizon === 1 ? "month" : "months"} at ${a.pace} months per level`,
  expectationRisksNone: (horizon) =>
    `Every target is reachable within ${horizon} ${horizon === 1 ? "month" : "months"}.`,
  expectationRisksPacing:
    "This estimate assumes work on every dimension starts now, all at once, and ignores the roadmap's sequencing. The report dates each target by the plan and judges it at the reassessment that closes the plan, so it can show later dates and more targets out of reach.",
  risksNone: "No risk triggered.",
  disagreements: "Disagreements",
  cappedBy: (a) => `level capped by critical question ${a.question} (${a.score})`,
};

const reliability: Messages["report"]["reliability"] = {
  title: "Reliability and agreement",
  intro:
    "Whether the answers can carry the scores: do a dimension's questions measure one thing (Cronbach's alpha), and do the respondents see it alike (rwg(j))?",
  columns: {
    dimension: "Dimension",
    items: "Questions",
    respondents: "Complete answers",
    alpha: "Alpha",
    interval: "95% interval",
    rwg: "rwg(j)",
    reading: "Reading",
  },
  reading(r) {
    const alpha = {
      good: "Questions hang together well",
      acceptable: "Questions hang together acceptably",
      loose: "Questions hang together loosely: read with care",
      poor: "Questions do not hang together: read them one by one",
      "no-variance": "Everyone answered alike",
      "too-few": "Too few answers or questions to judge",
    }[r.alphaBand];
    const agreement =
      r.agreementBand === null
        ? ""
        : {
            strong: "; strong agreement",
            moderate: "; partial agreement",
            weak: "; weak agreement",
            none: "; hardly any agreement",
          }[r.agreementBand];
    return `${alpha}${agreement}`;
  },
  indicative: (r) =>
    r.all
      ? "Every dimension rests on fewer than 10 complete sets of answers: read the figures as indicative."
      : `${report.listJoin(r.dimensions)} ${r.dimensions.length === 1 ? "rests" : "rest"} on fewer than 10 complete sets of answers: read ${r.dimensions.length === 1 ? "its" : "their"} figures as indicative.`,
  fewItems: (dimensions) =>
    `Fewer than 3 questions enter alpha in ${report.listJoin(dimensions)}, so alpha says little there.`,
  weakItem: (w) =>
    `In ${w.dimension}, the question “${w.text}” (${w.id}) fits poorly with the others (item-rest r = ${w.itemRest}; alpha without it ${w.alphaIfDeleted}).`,
  roleGroupsNote: (r) =>
    `${r.all ? "Every dimension puts" : `${report.listJoin(r.dimensions)} ${r.dimensions.length === 1 ? "puts" : "put"}`} different questions to different roles: the figures are those of the role group with the most complete answers; the internal edition gives the other groups.`,
  roleGroups: (r) =>
    `${r.dimension}: the figures are for the questions put to ${r.roles}, the group with the most complete answers.${r.others.length ? ` Within the other groups: ${r.others.map((o) => `${o.roles}, alpha = ${o.alpha} (${fmtCount(o.respondents)} complete)`).join("; ")}.` : ""}`,
  notes: [
    "Alpha (Cronbach 1951) is computed over the respondents who rated every question of the dimension (reversed questions scored reversed); a question rated by fewer than half of them is left out. Where a dimension puts different questions to different roles, alpha is computed within each group of roles over the questions that group is asked, and the table shows the group with the most complete answers. 0.80 or more reads as good, 0.70 as acceptable, 0.60 as loose. The interval is Feldt's (1965).",
    "rwg(j) (James, Demaree & Wolf 1984) compares the spread of the answers with random answering on the five-point scale: 0.71 or more is strong agreement, 0.51–0.70 moderate, 0.31–0.50 weak (LeBreton & Senter 2008).",
    "Fewer than 10 complete answers or fewer than 3 questions make the figures indicative only. A question fits poorly when it correlates below 0.30 with the sum of the others (item-rest) or alpha would rise by 0.05 or more without it.",
  ],
  groupTitle: (column) => `Agreement across ${column}`,
  groupIntro: (column) =>
    `ICC(1) is the share of the differences between respondents that lies between the ${column} groups; ICC(2) is how reliable the groups' averages are (Bliese 2000). ICC(2) of 0.70 or more lets the groups be compared.`,
  groupColumns: { dimension: "Dimension", icc1: "ICC(1)", icc2: "ICC(2)", reading: "Reading" },
  groupReading({ reliable, chance, icc1, column }) {
    if (reliable === null) return `Not enough ${column} groups or answers to compare.`;
    if (chance)
      return `${column} groups differ no more than chance would make them: their averages should not be compared.`;
    return reliable
      ? `${column} groups differ reliably (ICC(1) = ${icc1}): their averages can be compared.`
      : `${column} group averages are not reliable enough to compare (ICC(1) = ${icc1}).`;
  },
};

/** The sentence that sends the reader to the disagreements: by the range, or a survey's by rwg. */
const followUp = (survey: boolean) =>
  survey
    ? "Questions on which respondents are clearly divided (agreement, rwg, below 0.51; the table shows the shares rating them low and high) deserve a follow-up conversation."
    : "Questions whose answers differ by two levels or more deserve a follow-up conversation.";

const report: Messages["report"] = {
  reliability,
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
    because: "The evidence",
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
    exitCriteria: "Exit criteria",
    executive: "Executives",
    frontline: "Front line",
    perceptionGap: "Perception gap",
    spread: "Spread",
    lowest: "Lowest",
    highest: "Highest",
    lowShare: "Rated low",
    highShare: "Rated high",
    agreementRwg: "Agreement (rwg)",
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
    triggeredRisks: "Risks identified",
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
    morePattern: common.andMore("{count}"),
    expectedAtReassessment: "Expected at the reassessment",
    radarTitle: "Current maturity vs target",
    gapBarsTitle: "Gap to target by dimension",
    timelineTitle: "Roadmap timeline",
    chartFallback: "The table below gives the same figures as the chart.",
    firstNinetyDays: "The first 90 days",
    backlog: "Backlog for the next cycle",
    nextCycle: "Next cycle",
    horizonEnd: "End of horizon",
    reverseScored: "agreement lowers the score",
    baseline: "Baseline",
    due: "Due",
    raci: "Who takes part",
    accountable: "Accountable",
    consulted: "Consulted",
    informed: "Informed",
    effort: "Effort",
    effortUnit: "person-weeks",
  },
  roadmapTitle: (title) => `${title}: roadmap`,
  dateText(iso) {
    const { y, m, d } = dateParts(iso);
    return `${d} ${MONTHS_EN[m - 1] ?? ""} ${y}`;
  },
  listJoin: (items) => joinList(items, ", ", " and "),
  everyDimension: (except) =>
    except.length === 0
      ? "every dimension"
      : `every dimension except ${joinList(except, ", ", " and ")}`,
  quote: (text) => `“${nestQuotes(text)}”`,
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
      "Rollout strategy: small and slow. Every rollout starts with a pilot in one unit and then extends unit by unit, so the organisation absorbs each change before the next; for most companies this is the safer choice.",
    "big-fast":
      "Rollout strategy: big and fast. Each rollout reaches every unit at once, as soon as the work it depends on is done. This shortens the plan but needs strong executive ownership and spare change capacity across the company.",
  },
  kpiSource: { plan: "Roadmap", standard: "Standard KPIs" },
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
    decisions: "Decisions and next steps",
    nextSteps: "Next steps",
    appendix: "Appendix",
    method: "Method",
    scale: "Maturity scale",
    coverage: "Coverage",
    respondents: "Respondents",
    answers: "Answers",
  },
  cover: {
    notice: (client) => `Confidential. Prepared for ${client}${/[.!?]$/.test(client) ? "" : "."}`,
    header: (client, kind, title) =>
      `${client} · ${title ?? (kind === "report" ? "CRM capability maturity" : "CRM capability roadmap")}`,
    respondents: (total, roles) =>
      roles.length > 0
        ? `${fmtCount(total)}${report.paren(roles.map((r) => `${r.name} ${fmtCount(r.count)}`).join(report.sep))}`
        : fmtCount(total),
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
        : ` Confidence in this result is ${a.confidence}: ${fmtPct(a.coverage)} of the applicable question weight was answered, ${a.respondents === 1 ? "by a single respondent" : `with up to ${fmtCount(a.respondents)} respondents on a question`}, and ${rolesTookPart(a.rolesPresent, a.rolesExpected)}.`;
    return `Overall, ${a.client} scores ${fmtScore(a.score)} on the five-level scale, which puts its CRM capability at level ${a.level}${a.levelName ? `, ${a.levelName}` : ""}.${cov}`;
  },
  readinessSentence: {
    ready: (client) =>
      `Nothing in the answers stands in the way: ${client} can start or continue its CRM programme, still in the order strategy, then people and process, then technology.`,
    conditional: (client) =>
      `${client} can go ahead, provided the conditions below are built into the first phase of the roadmap; without them the programme is likely to disappoint.`,
    "not-ready": (client) =>
      `We advise ${client} to hold back from buying or rolling out a CRM system for now and to build the capability named below first; a system introduced today would largely automate today's weaknesses.`,
    inconclusive: (client) =>
      `Nobody has yet rated any question, so this document cannot yet say whether ${client} is ready. Complete the interviews before drawing any conclusion from it.`,
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
  findingsTitle: (count) =>
    count === 1 ? "One finding" : `${count === 2 ? "Two" : "Three"} findings`,
  gapSentence: (a) =>
    `${a.title}: ${a.score === null ? "inconclusive" : fmtScore(a.score)} against a target of ${a.target} (gap ${fmtScore(a.gap)}).`,
  topRisksSentence: (a) =>
    a.total === 0
      ? "The answers point to none of the risks the method looks for."
      : `The assessment identifies ${a.total} ${a.total === 1 ? "risk" : "risks"}, ${a.high === 0 ? "none" : a.high} of them high severity. The most serious:`,
  calibrationSentence: (a) =>
    a.total === 0
      ? "Expectations cannot be calibrated yet: no dimension has a score to measure the targets against."
      : a.outOfReach === 0
        ? `Every target is within reach by the reassessment on ${a.reassessment}, at a realistic pace of about ${a.monthsPerLevel} months per maturity level, counted from the week the roadmap starts work on each dimension.`
        : `At a realistic pace, ${a.outOfReach} of the ${a.total} targets will still fall short at the reassessment on ${a.reassessment}: capability climbs about one level every ${a.monthsPerLevel} months once work on it starts. We suggest planning on the dates below instead.`,
  calibrationItem: (a) =>
    a.start === null || a.months === null || a.date === null
      ? `${a.title}: the roadmap plans no action on it within the ${a.horizon} months, so it stays at about ${a.score === null ? "its inconclusive score" : fmtScore(a.score)}; its target of ${a.target} is a goal for the next cycle.`
      : `${a.title}: work on it starts in week ${a.start}; at a realistic pace it climbs from ${a.score === null ? "an inconclusive score" : fmtScore(a.score)} to ${a.target} about ${a.months} months after the assessment, by ${a.date}; with the work the roadmap schedules, expect about ${fmtScore(a.expected)} at the reassessment on ${a.reassessment}.`,
  goalSentence(a) {
    const measure = a.metric && a.target ? `${a.metric}: ${a.target}` : (a.metric ?? a.target);
    const stated = [measure, a.by ? `by ${a.by}` : null].filter((x) => x !== null).join(", ");
    const goal = `${report.quote(a.text)}${stated ? ` (${stated})` : ""} rests on ${report.listJoin(a.dimensions)}.`;
    if (a.realistic === null && a.unplanned.length > 0) {
      return `${goal} The roadmap plans no action on ${report.listJoin(a.unplanned)} within the horizon, so no date can be promised yet; set one when the next cycle is planned.`;
    }
    if (a.realistic === null) {
      return `${goal} Part of that capability could not be measured, so no date can be promised yet; set one once it has been assessed.`;
    }
    if (a.feasible === false) {
      return `${goal} At a realistic pace the capability it needs is in place only by ${a.realistic}. We recommend restating the goal for that date, with staged milestones before it.`;
    }
    if (a.feasible === true) {
      return `${goal} At a realistic pace the capability it needs is in place by ${a.realistic}, so the goal can stand.`;
    }
    return `${goal} At a realistic pace the capability it needs is in place by ${a.realistic}: the earliest date to promise it.`;
  },
  defaultCalibrationAdvice:
    "Agree explicit, staged goals for each phase instead of a single distant target, and review them at each phase end.",
  profileIntro: (a) =>
    a.radar
      ? `The radar chart compares each dimension's current score with its target on the five-level scale${a.projected ? ", and marks where the roadmap is expected to bring it by the reassessment that closes the cycle" : ""}; the table below gives the same figures, with coverage and confidence.`
      : "The bars and the table below compare each dimension's current score with its target on the five-level scale, with coverage and confidence.",
  dimensionsIntro: ({ notes }) =>
    `Each dimension with its score, level, target and gap, and the questions that scored best and worst${notes ? ", with what the interviews recorded" : ""}.`,
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
        ? `${fmtScore(a.gap)} points short of its target of ${a.target}`
        : `which meets its target of ${a.target}`;
    return `${a.title} scores ${fmtScore(a.score)} (level ${a.level}${a.levelName ? `, ${a.levelName}` : ""}), ${gap}.${conf}`;
  },
  cappedSentence: (a) =>
    `The level is capped at ${a.level} by the critical question ${report.quote(a.question)}, which scores ${fmtScore(a.score)}.`,
  expectationSentence: (a) =>
    a.start === null || a.months === null || a.date === null
      ? `The roadmap plans no action on this dimension within the ${a.horizon}-month horizon, so its target is not reached in this cycle; it is a goal for the next one.`
      : `At a realistic pace, climbing from week ${a.start}, when the roadmap starts work on it, this target needs about ${a.months} months from the assessment, so it is realistically reached by ${a.date}, after the reassessment on ${a.reassessment}; expect about ${fmtScore(a.expected)} then.`,
  perceptionSentence: (a) =>
    `${a.onExperience ? "On the experience statements both answered, executives" : "Executives"} rate this dimension ${fmtScore(a.executive)} and the front line ${fmtScore(a.frontline)}, ${a.gap < 0 ? `so the front line is the more positive by ${fmtScore(-a.gap)}` : `a difference of ${fmtScore(a.gap)}`}.${a.flagged ? " A difference this large is often the mark of good news only: problems may be filtered on their way to the top." : ""}`,
  groupScores: {
    title: (column) => `Scores by ${column}`,
    intro: (column) =>
      `The mean of the respondents' own scores in each group of “${column}” (respondents in brackets). Unlike the scores by role, these means are not balanced across roles: a group with many front-line respondents can read lower for that reason alone. Whether the groups differ by more than chance is shown in the appendix, under reliability and agreement.`,
    blank: "Not given",
    more: ({ shown, total, small, minimum, internal }) =>
      [
        small > 0
          ? `${small === 1 ? "One group" : `${small} groups`} of fewer than ${minimum} respondents ${small === 1 ? "is" : "are"} not shown, so that no one's answers can be singled out.`
          : "",
        total - small > shown
          ? `Of the ${fmtCount(total - small)} groups, the ${shown} with the most respondents are shown.`
          : "",
        internal
          ? "Every group's figures are in the results JSON that crm-maturity batch wrote, under statistics.groups; each respondent's scores, with their group, are in the respondents CSV it writes with --respondents."
          : "Every group's figures are in the assessment's working papers.",
      ]
        .filter(Boolean)
        .join(" "),
  },
  factConflictsIntro: (survey) =>
    survey
      ? "These questions ask about facts of the organisation, not opinions, yet the respondents are clearly divided on them (agreement, rwg, below 0.51; the table shows the shares rating them low and high). A division this wide on a matter of record usually means practice differs from team to team, or that the facts are not widely known. Before this report is relied on, the assessor should check the documents or records concerned and note what they show beside the score; until then each is scored on the average of the ratings."
      : "These questions ask about facts of the organisation, not opinions, yet the people who can see the evidence rated them two or more levels apart. Before this report is relied on, the assessor should look at the documents or records concerned and correct the answers; until then each is scored on the average of the ratings.",
  spreadMore: ({ shown, total, internal }) =>
    `The ${shown} questions on which respondents are most divided are shown; ${total - shown} more also fall short of moderate agreement. When this many questions divide the respondents, the division lies in the organisation as a whole rather than in particular topics. ${internal ? "Every question's figures are in the results JSON that crm-maturity batch wrote: each question's rwg, and every divided question under disagreements and factConflicts." : "Every question's figures are in the assessment's working papers."}`,
  perceptionIntro: (applicable, onExperience, gaps, survey) =>
    applicable && gaps !== "measured"
      ? `${followUp(survey)} Perception gaps, which set the executives' view against the front line's, ${gaps === "no-roles" ? "are not measured: this questionnaire has no executive and front-line roles to compare." : "need answers from both, so none is measured here."}`
      : applicable
        ? `When executives rate a dimension a full level or more above the front line, plans are being made on a flattering picture; ${followUp(survey).replace(/^Q/, "q")}${onExperience ? " The perception gaps compare the two sides only on the experience questions both of them answered, leaving out the facts of the organisation, so their figures can differ from the scores by role." : ""}`
        : "Only one role answered, so perception gaps between roles cannot be shown. Interview executives and front-line staff separately to reveal them.",
  perceptionGapSentence: (a) =>
    `${a.title}: executives ${fmtScore(a.executive)}, front line ${fmtScore(a.frontline)} (gap ${fmtScore(a.gap)}).`,
  otherRisksTitle: "Further risks",
  otherRisksIntro: (n) =>
    `The assessment identifies ${n === 1 ? "one further risk" : `${n} further risks`}, listed most severe first, each with the roadmap actions that address it.`,
  risksIntro: (c) => {
    const total = c.high + c.medium + c.low;
    return total === 0
      ? "The answers point to none of the risks the method looks for."
      : `The assessment identifies ${total} ${total === 1 ? "risk" : "risks"} (${c.high} high, ${c.medium} medium, ${c.low} low severity). Each comes with its mitigation; the roadmap includes the actions that address it.`;
  },

  roadmapRules: ({ usual, others }) => {
    const actions = (n: number) =>
      `${n <= 9 ? ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][n] : n} ${n === 1 ? "action" : "actions"}`;
    const except = others.length
      ? ` (${others.map((o) => `${o.owner}: ${actions(o.n).replace(/ actions?$/, "")}`).join("; ")})`
      : "";
    return `Actions were selected from the gaps, the risks identified and the conditions of the readiness verdict. Within each phase, actions come after the actions they depend on, then by priority (gap × dimension weight), then in the order strategy, people, process, technology; technology waits for the strategy decisions, and every rollout for the training before it. A phase starts when the previous one is complete, and each owner carries at most ${actions(usual)} at a time${except}. What does not fit into the horizon is kept for the next cycle. During rollout, staffing key positions and strengthening core processes offsets resistance, and training is the main lever.`;
  },
  reasonGap: (a) =>
    `${a.dimension} is at level ${a.level} today, ${fmtScore(a.gap)} points short of its target; this is part of the work that takes a company to level ${a.appliesBelow}.`,
  reasonRisk: (risk) => `Mitigates the risk ${report.quote(risk)}.`,
  reasonDependency: (action) => `Must be done first for ${report.quote(action)}.`,
  reasonRisks: (risks) =>
    `Mitigates the ${risks.length === 1 ? "risk" : "risks"} ${report.listJoin(risks.map(report.quote))}.`,
  reasonDependencies: (actions) =>
    `Must be done first for ${report.listJoin(actions.map(report.quote))}.`,
  reasonPushed: (a) =>
    `Runs in the ${a.phase} phase because it depends on ${report.quote(a.action)}.`,
  defaultExitCriterion: "Every action of the phase is complete.",
  interimCriterion: (d) =>
    `${d.title} reaches at least ${fmtScore(d.interim)} in an interim check with the same questionnaire.`,
  targetCriterion: (d) =>
    `${d.title} reaches its target of ${d.target}, confirmed by the reassessment.`,
  shortOfTargetCriterion: (d) =>
    `${d.title} reaches at least ${fmtScore(d.projected)}, confirmed by the reassessment; ${d.date === null ? `its target of ${d.target} is left to the next cycle` : `at a realistic pace its target of ${d.target} follows by ${d.date}`}.`,
  holdCriterion: (a) =>
    `The last rollout ends in week ${a.from.week} (${a.from.date}); the ${a.weeks <= 9 ? ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][a.weeks] : a.weeks} consecutive weeks of stable use that must follow it run to the end of week ${a.until.week} (${a.until.date}), and the phase does not close before then.`,
  noActionsInPhase: (deferred) =>
    deferred === 0
      ? "No action is needed in this phase."
      : `None of this phase's actions fits into the horizon; ${deferred === 1 ? "its one action opens" : `its ${deferred} actions open`} the next cycle.`,
  milestoneLabel: "Reassessment",
  timelineHold: "Hold: stable use before the phase closes",
  milestoneSentence: (a) =>
    `Reassess in week ${a.week} (${a.date}) with the same questionnaire and roles, and compare the two assessments to measure progress against the targets.`,
  defaultCycle:
    "Reassess at the agreed interval and start the next round of the cycle from what the reassessment shows.",
  planCalibration(a) {
    const backlog =
      a.backlog === 0
        ? ""
        : ` It leaves ${a.backlog === 1 ? "one further action" : `${a.backlog} further actions`} for the next cycle${a.backlogListed ? ", listed after the phases" : `; the full report lists ${a.backlog === 1 ? "it" : "them"} with the reason`}.`;
    const reach =
      a.outOfReach.length > 0
        ? ` At a realistic pace, and with the work this plan schedules, ${report.listJoin(a.outOfReach)} will not yet have reached ${a.outOfReach.length === 1 ? "its target" : "their targets"} at the reassessment; see the realistic dates under expectation calibration.`
        : "";
    return `The plan takes ${a.weeks} weeks (about ${a.months} ${a.months === 1 ? "month" : "months"}) and ends on ${a.end}, within the ${a.horizon}-month horizon.${backlog}${reach}`;
  },
  levelPortrait: (a) =>
    `A typical company at level ${a.level} looks like this (where ${possessive(a.client)} own answers and notes differ, they take precedence): ${a.description}`,
  phaseGloss:
    "On the phase names: to rigidify is to adopt a proven practice exactly as designed and hold to it until it is mastered, which asks for discipline, not for a stiffer organisation; to optimise is then to adapt it to the business on the evidence gathered; to solidify is to write the improved practice into policy, system configuration, KPIs and training.",
  stageTitle: (stage, title) =>
    stage === "pilot" ? `${title} (pilot unit)` : `${title} (staged rollout)`,
  reasonReadiness: (rule) =>
    `The readiness verdict asks for it in the first phase (${report.quote(rule)}).`,
  situationName: {
    none: "No CRM system yet",
    selecting: "Selecting a CRM system",
    implementing: "Implementing a CRM system",
    live: "CRM system in use",
  },
  gateLabel: {
    none: "Buy decision",
    selecting: "Buy decision",
    implementing: "Go-live decision",
    live: "Relaunch decision",
  },
  // Always printed after its label ("Buy decision: …"), so the sentence does not repeat it.
  gateSentence(situation, a) {
    const when = `In week ${a.week} (${a.date}), with the first phase complete,`;
    if (situation === "live") {
      return `${when} the steering committee reviews how the system is used and decides how to relaunch it, before any further technology work starts.`;
    }
    if (situation === "implementing") {
      return `${when} the steering committee confirms that the configuration follows the agreed processes before the rollout continues.`;
    }
    return `${when} the steering committee decides whether to buy a system, and which, on the processes and requirements that phase produced, and not before.`;
  },
  firstNinetyDaysSentence: (count) =>
    count === 0
      ? "No action starts in the first 90 days."
      : `${count === 1 ? "One action starts in the first 90 days" : `In the first 90 days, ${count} actions start`}. Finishing ${count === 1 ? "it" : "them"} on time shows the organisation early that the programme is real.`,
  backlogIntro: (count, horizon) =>
    count === 0
      ? `Every selected action fits into the ${horizon}-month horizon.`
      : `${count === 1 ? "This action does" : `These ${count} actions do`} not fit into the ${horizon}-month horizon. ${count === 1 ? "It is" : "They are"} the starting point of the next cycle, to be confirmed at the reassessment.`,
  backlogBeyond: (a) =>
    `${a.hold > 0 ? `With the ${a.hold}-week hold of its phase, would` : "Would"} run until week ${a.week}, ${a.beyond ? `beyond the ${a.horizon}-month horizon` : `into the last week of the ${a.horizon}-month horizon, which is kept for the reassessment`}.`,
  backlogWaits: (action) => `Waits for ${report.quote(action)}.`,
  workstreamLabel: (dimension, actions) =>
    `${dimension} (${actions} ${actions === 1 ? "action" : "actions"})`,
  effortRange: (a) => `${fmtRange(a.low, a.high)} person-weeks`,
  raciLine: (a) =>
    [
      a.accountable === null ? "" : `Accountable: ${a.accountable}`,
      a.consulted.length === 0 ? "" : `Consulted: ${a.consulted.join(", ")}`,
      a.informed.length === 0 ? "" : `Informed: ${a.informed.join(", ")}`,
    ]
      .filter((x) => x !== "")
      .join("; "),
  phaseEffort: (a) => {
    const people = (low: number, high: number) => fmtRange(low / a.weeks, high / a.weeks, 1);
    // The person-weeks are the subject ("32–53 fall to the managers"), so any role agrees.
    const shares = a.byOwner.map(
      (o, i) =>
        `${fmtRange(o.low, o.high)} ${i === 0 ? (o.high <= 1 ? "falls " : "fall ") : ""}to ${o.people} (${people(o.low, o.high)}${i === 0 ? " FTE" : ""})`,
    );
    const owners = shares.length > 0 ? ` Of these, ${report.listJoin(shares)}.` : "";
    return `About ${fmtRange(a.low, a.high)} person-weeks over ${a.weeks} weeks, or ${people(a.low, a.high)} people full time.${owners}`;
  },
  planEffort: (a) => {
    const people = fmtRange(a.low / a.weeks, a.high / a.weeks, 1);
    // The roles' people as groups ("the managers"), never the pack's singular labels.
    const top = a.top.map(
      (o, i) => `${o.people} (${fmtRange(o.low, o.high)}${i === 0 ? " person-weeks" : ""})`,
    );
    return `The plan asks for about ${fmtRange(a.low, a.high)} person-weeks of the company's own people over ${a.weeks} weeks, on average ${people} people full time${top.length > 0 ? `; the largest shares fall to ${report.listJoin(top)}` : ""}. This time has to be freed before the first phase starts, or the plan will slip however well it is designed.`;
  },
  findingSentence: (a) =>
    `${a.title}: ${fmtScore(a.score)}${a.level === null ? "" : ` (level ${a.level})`} against a target of level ${a.target}${a.thinCoverage === null ? "" : `, on only ${fmtPct(a.thinCoverage)} of its question weight answered, so read it with caution`}.${a.answers === 0 ? "" : a.answers === 1 ? " The answer behind this finding:" : " The answers behind this finding:"}`,
  decisionsIntro: (client, count) =>
    `${count === 2 ? "Two" : "Three"} decisions fall to the leadership of ${client} in person; the programme team cannot take them on its behalf.`,
  decisionApprove: (a) => ({
    title: "Approve the first phase and commit its owners",
    sentence: `Approve ${a.count === 1 ? "the action" : `the ${a.count} actions`} of the first phase, which runs from ${a.start} to ${a.end}, and free the time of ${report.listJoin(a.owners)}, who carry ${a.count === 1 ? "it" : "them"}${a.effort ? `: about ${fmtRange(a.effort.low, a.effort.high)} person-weeks over ${a.effort.weeks} weeks, or ${fmtRange(a.effort.low / a.effort.weeks, a.effort.high / a.effort.weeks)} people full time` : ""}.`,
  }),
  decisionGate: (a) => ({
    title: `Take the ${a.label.toLowerCase()} on evidence, in week ${a.week}`,
    sentence: `Set ${a.date} for the ${a.label.toLowerCase()}, and take it on what the first phase has produced rather than on the vendor's timetable.`,
  }),
  decisionReassess: (a) => ({
    title: `Commit to the reassessment in week ${a.week}`,
    sentence: `Fix ${a.date} for the reassessment with the same questionnaire and roles, so that progress is measured, not asserted.`,
  }),
  decisionExpectations: (a) => ({
    title: "Restate the targets this cycle will not reach",
    sentence: `Replace the original targets for ${report.listJoin(a.dimensions)} with the realistic dates in this report, and say so to the management team before the ${a.horizon}-month plan starts.`,
  }),
  decisionScorecard: {
    title: "Adopt the KPI scorecard and review it monthly",
    sentence:
      "Put the scorecard on the agenda of the monthly management meeting, chaired in person, so that the programme is steered by its measures from the first month.",
  },

  emptyRoadmap:
    "None of the method's actions applies to these results: every scored dimension either meets its target or already stands above the levels the actions are meant for, and none of the risks identified has an action that addresses it. Keep the practices that work, complete any missing evidence and reassess as planned.",
  defaultKpiIntro:
    "The KPIs named by the roadmap's actions, each with its phase and owner, so that progress is measured from the first week.",
  planKpiMeasure: (actions) =>
    `Shows whether ${report.listJoin(actions.map((a) => report.quote(a)))} ${actions.length === 1 ? "is" : "are"} working`,
  planKpiFrequency: "At each phase review",
  scorecardTitle: "The scorecard",
  allKpisTitle: "Every KPI of the plan",
  outcomeKpi: (dimension) => `${dimension}: score at reassessment`,
  outcomeBaseline: (a) => `${fmtScore(a.score)} (assessment of ${a.date})`,
  outcomeTarget: (a) => `${fmtScore(a.score)} by ${a.date}`,
  outcomeCadence: "Interim check and reassessment",
  baselineBy: (week) => `To be measured by week ${week}`,
  practiceTarget: (a) =>
    `Agreed with the baseline; met by the end of the ${a.phase} phase (${a.date})`,
  kpiDue: (a) => `End of ${a.phase}, ${a.date}`,
  standingTarget: (a) =>
    `Agreed with the baseline; met by the end of the ${a.phase} phase (${a.date}), then held`,
  standingDue: (a) => `By the end of ${a.phase} (${a.date}), then at each phase review`,
  kpiDueAtReassessment: (date) => `Reassessment, ${date}`,
  practiceTargetAtReassessment: (date) =>
    `Agreed with the baseline; met by the reassessment (${date})`,
  profileParagraph: (name, why) => `This assessment was scored with the profile “${name}”. ${why}`,
  methodParagraphs: (a) => [
    "Each question is answered on the five-level scale; a reverse-scored agreement item scores six minus the answer. Not applicable takes a question out of every calculation; unknown counts as applicable but unanswered.",
    "With several respondents, a question's score is the mean over the roles present of each role's mean, so that many front-line answers do not drown a single executive. A dimension's score is the weighted mean of its answered questions, and its level is the whole part of the score, capped by any critical question that scores lower. The overall score is the weighted mean of the dimensions that could be scored.",
    "Coverage is the share of applicable question weight that was answered. Confidence weighs four things together: coverage, how many people answered, whether every role that should answer took part, and whether respondents agree. It is high only when coverage reaches 80%, at least three people answered, every expected role is present and respondents agree on 80% of the answered weight; medium at 50%, two people, half the roles and 50% agreement; low otherwise. One respondent alone therefore never gives more than low confidence. The gap is the target minus the score when positive.",
    `A dimension climbs about one level every ${a.monthsPerLevel} months from the week the roadmap starts work on it; a target is out of reach when that climb has not reached it by the reassessment that closes the roadmap, inside the ${a.horizon}-month horizon, and the report then gives the realistic date. Executives rating a dimension a full level above the front line is flagged as a perception gap, and ${a.survey ? "a question as a disagreement when its respondents agree less than moderately (rwg below 0.51; LeBreton & Senter 2008). With ten or more answers to a question, as in this survey, some answers almost always lie two levels apart, so that test, kept for interviews, would say little." : "answers two or more levels apart as a disagreement."}`,
    "Risks and the readiness verdict follow from rules written in the questionnaire; the roadmap is built from its recommendations as described in the roadmap section.",
  ],
  coverageIntro:
    "How much of each dimension was answered. Low coverage lowers confidence; collect the missing evidence before relying on a dimension.",
  respondentsMore: ({ listed, total }) =>
    `The first ${fmtCount(listed)} of ${fmtCount(total)} respondents are listed; every respondent is in the respondents CSV that crm-maturity batch writes with --respondents.`,
  respondentsMoreOnRequest: ({ listed, total }) =>
    `The first ${fmtCount(listed)} of ${fmtCount(total)} respondents are listed; the complete list is part of the assessment's working papers and is available on request.`,
  respondentsSurvey: ({ total, internal }) =>
    `${fmtCount(total)} people answered the survey; the cover gives their number in each role. They are not listed one by one here: ${internal ? "each respondent's scores are in the respondents CSV that crm-maturity batch writes with --respondents." : "each respondent's scores are part of the assessment's working papers and are available on request."}`,
  answersIncluded: "Every answer, with the notes and evidence recorded in the interviews.",
  answersInWorkingPapers:
    "The dimensions section quotes, for each dimension, its strongest and weakest questions and every note and piece of evidence. The answer-by-answer record stays in the assessment's working papers and is available on request.",
  answersNotIncluded:
    "The individual answers are not included: this report was built from a results file, which holds scores but not answers. Run crm-maturity report on the answer files themselves to include every answer with its notes and evidence.",
  answersFromResultsOnRequest:
    "The dimensions section gives each dimension's strongest and weakest questions. The answer-by-answer record is not reproduced in this report; it stays in the assessment's working papers and is available on request.",
  answersAnonymized:
    "The individual answers are not included: this report is anonymized, so that no answer can be traced to the person who gave it.",
  answerValue: { na: "n/a", unknown: "unknown" },
};

/** "all 4 roles that should answer took part", or "3 of the 4 …" when some are missing. */
function rolesTookPart(present: number, expected: number): string {
  if (present === expected) {
    return expected === 1
      ? "the one role that should answer took part"
      : `all ${expected} roles that should answer took part`;
  }
  return `${present} of the ${expected} roles that should answer took part`;
}

/** The dimensions a role mismatch bears on: "every dimension (except …)", or their titles. */
function concernedEn(a: Pick<RoleMismatchText, "all" | "except" | "dimensions">): string {
  return a.all || a.except.length > 0
    ? report.everyDimension(a.all ? [] : a.except)
    : report.listJoin(a.dimensions);
}

/** Roles that answered at one assessment only: who, what the comparison rests on, where. */
function roleMismatchEn(a: Parameters<Messages["comparison"]["warning"]["role-mismatch"]>[0]) {
  const list = report.listJoin;
  const who = [
    a.onlyBaseline.length > 0 ? `${list(a.onlyBaseline)} took part in the baseline only` : "",
    a.onlyFollowup.length > 0
      ? `${list(a.onlyFollowup)}${a.onlyBaseline.length > 0 ? "" : " took part"} in the follow-up only`
      : "",
  ]
    .filter((part) => part !== "")
    .join(", and ");
  const opening = `${who.charAt(0).toUpperCase()}${who.slice(1)}.`;
  const where = concernedEn(a);
  if (a.comparedOn === "shared-roles") {
    const which =
      a.onlyBaseline.length > 0 && a.onlyFollowup.length > 0
        ? "both assessments' figures here differ from those in their own reports"
        : `the ${a.onlyBaseline.length > 0 ? "baseline" : "follow-up"}'s figures here differ from those in its own report`;
    return `${opening} To compare like with like, both assessments are scored here on the roles that took part in both (${list(a.shared)}), so ${which}. The answers left out bear on ${where}.`;
  }
  const none = a.shared.length === 0 ? " The two assessments have no role in common." : "";
  return `${opening}${none} Their answers count at one assessment only, so part of the change in ${where} may come from who answered rather than from a change in the organisation.`;
}

const comparison: Messages["comparison"] = {
  title: "Progress report",
  heading: (client) => `Progress report — ${client}`,
  baseline: "Baseline",
  followup: "Follow-up",
  change: "Change",
  progressShort: "Progress",
  interval: "Interval",
  targetWas: (a) => `${a.now} (was ${a.was})`,
  intervalValue: (a) =>
    `${a.months} ${a.months === 1 ? "month" : "months"} (${a.days} ${a.days === 1 ? "day" : "days"})`,
  questionnaireValue: (a) => `${a.id} ${a.version}`,
  section: {
    dimensions: "Scores by dimension",
    readiness: "Readiness",
    risks: "Risks",
    perception: "Perception gaps (executive minus front line)",
    questionnaire: "Questionnaire changes",
    movers: "Biggest movers",
    kpis: "KPIs moved",
    readinessAndRisks: "Readiness and risks",
    warnings: "Notes on this comparison",
    method: "How to read this",
  },
  col: { question: "Question", questionId: "Question id" },
  progress: {
    "baseline-at-target": "at target",
    inconclusive: "inconclusive",
    added: "new dimension",
    removed: "dropped",
  },
  progressSlipped: "fell below target",
  readiness: {
    improved: "improved",
    worsened: "worsened",
    unchanged: "unchanged",
    "not-comparable": "not comparable: one assessment has no answers to judge",
    same: (verdict) => `${verdict}, as at the baseline`,
    sideHeading: (a) => `${a.side}${a.verdict}, for these reasons:`,
  },
  risks: {
    resolved: "Resolved",
    new: "New",
    persisting: "Persisting",
    none: "None.",
    noneOf: {
      resolved: "No risk has been resolved since the baseline.",
      new: "No new risk has appeared.",
      persisting: "No risk carries over from the baseline.",
    },
  },
  riskRule: {
    "not-in-followup-questionnaire": "rule no longer in the follow-up questionnaire",
    "not-in-baseline-questionnaire": "rule not in the baseline questionnaire",
  },
  perception: {
    none: "Not measured on either side (needs executive and front-line respondents).",
    flagged: "flagged",
  },
  questions: {
    same: (a) => `Both assessments used ${a.id} ${a.version}: the questions are the same.`,
    versions: (a) =>
      `The baseline was answered to ${a.id} ${a.from} and the follow-up to ${a.to}: each question is compared with the same question in the other version.`,
    idsOnly:
      "The questionnaire of one assessment was not available, so questions are compared by id only: changes to a question's wording, anchors, type or weight could not be checked.",
    added: "Added",
    removed: "Removed",
    changed: "Changed",
    noChanges: "No question was added, removed or changed.",
    footnote:
      "† questions of this dimension were added, removed or changed between the versions: its scores are not strictly comparable.",
    weights: "Dimension weights changed",
    weightChange: (a) => `weight ${a.from} → ${a.to}`,
    overallFootnote:
      "‡ the dimensions carry other weights in the overall score than at the baseline (listed under the questionnaire changes): part of the overall change comes from the re-weighting, not from the answers.",
  },
  movers: {
    none: "No matched question changed score.",
    definitionChanged:
      "† the question's text, anchors, type, weight or scoring changed between the versions: its scores are not strictly comparable.",
  },
  field: {
    text: "text",
    anchors: "anchors",
    type: "type",
    weight: "weight",
    reverse: "reverse scoring",
    critical: "critical flag",
    kind: "kind (fact or experience)",
    roles: "roles",
    dimension: "dimension",
  },
  warning: {
    "client-mismatch": (a) =>
      `The client names differ: "${a.baseline}" at baseline, "${a.followup}" at follow-up. Check that both assessments are of the same client.`,
    "questionnaire-mismatch": (a) =>
      `The questionnaires differ: ${a.baseline} at baseline, ${a.followup} at follow-up. Only questions with the same id are compared.`,
    "profile-mismatch": (a) =>
      `The two assessments were scored with different profiles: ${a.baseline} at baseline, ${a.followup} at follow-up. Weights, targets and pace differ, so part of any change in the scores comes from the profile rather than from the organisation.`,
    "profile-unavailable": (a) => {
      const [side, other] =
        a.standard === "baseline" ? ["baseline", "follow-up"] : ["follow-up", "baseline"];
      return `The ${side}'s questionnaire declares no industry or size profiles, so the ${side} is scored with the standard weights and targets, and only the ${other} with the ${a.profile} profile. Part of any change in the scores comes from the profile rather than from the organisation.`;
    },
    "same-date": (a) => `Both assessments are dated ${a.followup}.`,
    "role-mismatch": (a) => roleMismatchEn(a),
  },
  standardProfile: "the standard weights",
  respondentsCompared: (a) => `${fmtCount(a.all)} (${fmtCount(a.compared)} compared)`,
  footer: (a) => `Confidential · Assessments of ${a.baseline} and ${a.followup}`,
  method: {
    progress:
      "Progress to target = (follow-up score − baseline score) ÷ (target − baseline score), against the follow-up target, clamped to 0–100%: a decline counts as 0%, overshooting the target as 100%.",
    arrows:
      "▲ improved · ▼ declined · = unchanged. Levels and coverage show the baseline → the follow-up.",
    signal:
      "A change counts as real only when it is larger than the measurement's noise: 1.96 standard errors of the difference between the two scores, worked out from how closely each side's respondents agreed (rwg(j)) and how many answered, and never less than a quarter of a level. Where either side rests on a single respondent, the bar is half a level. Smaller changes may be noise and should not be presented as progress.",
  },
  kpis: {
    intro:
      "The outcome KPIs set at the baseline, the largest weighted gaps to target, measured again at the follow-up.",
    column: "KPI",
  },
  signal: {
    column: "Real change?",
    gain: "Yes, a gain",
    loss: "Yes, a decline",
    noise: ({ band }) => `No: within ±${band}`,
  },
};

/** Why an autosave failed, as the interview tells the consultant. */
const SAVE_FAILURES: Record<WriteFailure, string> = {
  "folder-missing": "its folder no longer exists",
  "cannot-create": "no file can be created in that folder",
  "not-a-folder": "a part of its path is now a file, not a folder",
  "is-a-folder": "a folder of that name is in the way",
  permission: "writing there is not permitted",
  "read-only": "the disk is read-only",
  "no-space": "the disk is full",
  quota: "your disk quota is used up",
  "too-large": "the file is too large for that disk",
  "name-too-long": "the file name is too long",
  "link-loop": "its path loops through symbolic links",
  "io-error": "the disk reported a read or write error",
  "pipe-closed": "the file was closed before the save was complete",
};

/** What to do before saving again. */
function saveRemedy(failure: WriteFailure | undefined): string {
  switch (failure) {
    case "no-space":
    case "quota":
    case "too-large":
      return "free some space on the disk";
    case "permission":
      return "make the folder writable again";
    case "read-only":
      return "make the disk writable again";
    case "folder-missing":
    case "not-a-folder":
    case "cannot-create":
      return "put the folder back";
    case "is-a-folder":
      return "move the folder of that name away";
    default:
      return "fix the cause";
  }
}

const interview: Messages["interview"] = {
  languagePrompt: "Language / 语言",
  metaHeading: "Assessment",
  clientName: "Client name",
  clientIndustry: "Industry (optional)",
  clientSize: "Company size (optional, e.g. 500-1000 employees)",
  profileChosen: (names, ids) =>
    `Scoring profile: ${names}. Written as client.profile: ${ids}; if it does not fit the company, edit it in the file (or pass --profile to score, report and roadmap).`,
  detailsFromFolder:
    "Pre-filled from the other answer files of this folder, so that they score as one assessment: press Enter to keep each detail, or edit it.",
  crmSituation: "The company's CRM system today",
  crmSituations: {
    none: "No CRM system yet",
    selecting: "Selecting one",
    implementing: "Implementing one",
    live: "In use (live)",
  },
  goalsAsk:
    "Has the chief executive or the executive team stated goals for CRM (a target with a date)?",
  goalsIntro:
    "Note each goal as it was stated, with its figure, e.g. 98% customer satisfaction by year end. The report sets each one against the capability it rests on and gives a realistic date.",
  goalText: "Goal, in the executive's words",
  goalMetric: "How it will be measured (the metric; leave empty if none was named)",
  goalTarget: "Target value (e.g. 98%; leave empty if none was named)",
  goalBy: "Expected by (YYYY-MM-DD; leave empty if no date was given)",
  goalDimension: "Which capability does reaching it depend on most?",
  goalNextDimension: "Which other capability does it depend on?",
  goalAnotherDimension: "Does it depend on another capability as well?",
  goalAnother: "Another goal?",
  assessor: "Assessor (your name)",
  date: "Assessment date (YYYY-MM-DD)",
  dateInvalid: "Expected a date as YYYY-MM-DD, e.g. 2025-03-31",
  required: "Required",
  respondentHeading: "Respondent",
  respondentName: "Respondent's name (optional; leave empty to keep it anonymous)",
  respondentRole: "Respondent's role",
  placeholdersLeft: (file) =>
    `${file} still holds the template's wording instead of the client details. Please give them now; they go on the cover of every report.`,
  existingFile: (file, n) =>
    n === 0
      ? `${file} holds the assessment but no respondent yet; nothing in it will be overwritten.`
      : `${file} already holds ${n} respondent${n === 1 ? "" : "s"}; nothing in it will be overwritten.`,
  existingChoice: "What would you like to do?",
  continueRespondent: (who, answered, total) =>
    `Continue with ${who} (${answered} of ${total} answered)`,
  addRespondent: "Add a new respondent to this file",
  quitUnchanged: "Quit (leave the file as it is)",
  resumeComplete: (who) => `${who} has answered every question. Add a new respondent?`,
  resumeNothing: (file) => `${file} has no respondent yet. Add one?`,
  roleIgnored: (who, role, flag) =>
    `Note: ${who} was interviewed as ${role}; ${flag} applies only to new respondents.`,
  sessionStart: (who, role, id, total, file) =>
    `Interviewing ${who} (${id ? `${role}, ${id}` : role}): ${total} ${total === 1 ? "question" : "questions"}. Every answer is saved to ${file} at once; Ctrl-C saves and stops.`,
  resuming: (answered, total) => `Resuming: ${answered} of ${total} questions already answered.`,
  noQuestions: (role) => `No question of this questionnaire is put to the role ${role}.`,
  dimension: (n, of) => `Dimension ${n} of ${of}`,
  question: (n, of) => `Question ${n} of ${of}`,
  critical: "critical: caps the dimension's level",
  fact: "fact: rate what the evidence shows, not an impression",
  current: (answer) => `answered: ${answer}`,
  help: "Help",
  evidence: "Evidence",
  askLevel: "Which level matches what actually happens?",
  askLikert: "How far does the respondent agree?",
  likert: [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
  ],
  na: "N/A · does not apply to this company",
  naShort: "N/A",
  unknown: "Unknown · the respondent does not know",
  unknownShort: "unknown",
  back: "← Back to the previous question",
  backFirst: "← Back (this is the first question)",
  skipRest: "Skip the rest of this dimension",
  saveQuit: "Save and quit",
  keys: "↑↓ move · 1–5 jump to a level · ⏎ choose · Ctrl-C save and stop",
  keysLikert: "↑↓ move · 1–5 jump to that answer · ⏎ choose · Ctrl-C save and stop",
  selectKeys: "↑↓ move · ⏎ choose",
  selectNoMatch: (typed) =>
    `No line starts with "${typed}"; nothing was chosen. Move with ↑↓, then press ⏎.`,
  selectDisabled: "This line cannot be chosen here; choose another.",
  yes: "Yes",
  no: "No",
  yesNoHint: (byDefault, mark) => (byDefault ? `(${mark("Y")}/n)` : `(y/${mark("N")})`),
  yesNoInvalid: "Type y for yes or n for no",
  note: "Note (optional, ⏎ to skip)",
  evidenceSeen: "Evidence seen (optional, ⏎ to skip)",
  skipped: (n) => `Skipped ${n} question${n === 1 ? "" : "s"} of this dimension.`,
  finished: (who, answered, na, unknown, open) =>
    `Finished with ${who}: ${answered} answered, ${na} N/A, ${unknown} unknown, ${open} left open.`,
  anotherRespondent: "Interview another respondent for this client now?",
  saved: (n, file) => `Saved ${n} answer${n === 1 ? "" : "s"} to ${file}.`,
  resumeWith: "Resume with:",
  restartRespondent: (who, file) =>
    `${who} could not be added to ${file}. To start this interview again, run the command below and choose "Add a new respondent to this file":`,
  interrupted: "Interrupted.",
  nothingSaved: "Interrupted before any answer was given; nothing was saved.",
  locked: (file, holder) =>
    `${file} is open in another interview (${holder}); two interviews on one file would lose answers. Finish that interview first, or pass another file with -o. If no interview is running, delete ${file}.lock.`,
  lockHolder: (pid, host, since) => `process ${pid} on ${host}, since ${since}`,
  lockHolderUnknown: "holder unknown",
  saveFailed: (file, reason, created) =>
    created
      ? `✘ Could not save to ${file}: ${reason}. What you entered is kept in this session; the file still holds the last successful save.`
      : `✘ Could not save to ${file}: ${reason}. What you entered is kept in this session; the file has not been created yet.`,
  saveFailureReason: (failure, code) =>
    failure === undefined ? `the system refused it (${code})` : SAVE_FAILURES[failure],
  retrySave: (failure, newRespondent) =>
    newRespondent === undefined
      ? `Try saving again? (${saveRemedy(failure)} first; No stops the interview and lists the answers not saved)`
      : `Try saving again? (${saveRemedy(failure)} first; No stops the interview without adding ${newRespondent}, and shows how to start their interview again)`,
  retryDetailsSave: (failure) =>
    `Try saving again? (${saveRemedy(failure)} first; No stops the interview, and what you just entered about the client will have to be entered again)`,
  retryGoalSave: (failure) =>
    `Try saving again? (${saveRemedy(failure)} first; No stops the interview and shows the goal, to add to the file by hand)`,
  notCreated: (file) =>
    `Nothing was saved: ${file} could not be created. To start again, run the command below; it asks for the client details again:`,
  detailsNotSaved: (file) =>
    `The client details just entered could NOT be saved; ${file} holds only what was saved before the failure.`,
  goalNotSaved: (file, a) => {
    const safe =
      a.answers > 0
        ? `, so the ${a.answers} answer${a.answers === 1 ? "" : "s"} already in it ${a.answers === 1 ? "is" : "are"} safe`
        : "";
    const where = a.earlier
      ? `at the end of the goals list in ${file}`
      : `to ${file}, just before respondents`;
    return `The goal just entered could NOT be saved; ${file} still holds the client details and everything else saved before it${safe}. Resuming the interview does not ask for goals again: to keep this goal, add it ${where}, as below:`;
  },
  notSaved: (file) =>
    `The last answers could NOT be saved; ${file} holds only what was saved before the failure.`,
  unsavedAnswers: (file) => `Not in ${file}; note them and give them again when you resume:`,
  unsavedAnswer: (id, answer, note, evidence) =>
    [
      `${id}: ${answer}`,
      ...(note ? [`note: ${note}`] : []),
      ...(evidence ? [`evidence: ${evidence}`] : []),
    ].join(" · "),
  scoreHeading: "Scores so far (every respondent in the file)",
};

const answersTemplate: Messages["answersTemplate"] = {
  answersIntro: (a) => [
    `Answers for the ${a.title} (${a.id} ${a.version}).`,
    "Fill in the assessment below, then add one respondent per person interviewed, or let",
    "`crm-maturity interview -o answers.yaml` do it. Answer files may also be split, one per",
    "interview (answers/ceo.yaml, answers/sales-1.yaml, …); `score` merges them.",
    "An answer is 1-5, na (not applicable), unknown, or { value: 3, note: …, evidence: … }.",
  ],
  clientName: "Client name",
  industry: "Industry",
  size: "Number of employees, e.g. 200-500",
  assessor: "Your name",
  horizon: "planning horizon in months, for expectation risk",
  crmSituation:
    "none | selecting | implementing | live: the CRM system today; it chooses the roadmap's path",
  employees: "headcount; chooses the size band, which sets the pace (else the number in size)",
  profile: "industry profile and/or size band, when industry and size do not choose the right one",
  respondentIntro: [
    "Copy this block under `respondents:` (replacing `[]`) for each respondent and",
    "uncomment it. Questions a role is not asked say so; leave them out.",
  ],
  respondentName: "optional; leave out to keep answers anonymous",
  roles: "one of",
  only: "only",
  targetsIntro: [
    "Target maturity level per dimension (1-5) agreed with the client. They override the",
    "questionnaire's defaults: crm-maturity score answers.yaml --targets targets.yaml",
  ],
  defaultTarget: "default",
};

const engagementReadme: Messages["engagementReadme"] = ({
  name,
  q,
  t,
}) => `# CRM capability maturity assessment: ${name}

Created by \`crm-maturity init\`.

- \`answers.yaml\`: the assessment metadata and the respondents' answers (or one file per
  interview, e.g. \`answers/ceo.yaml\`).
- \`targets.yaml\`: the target level per dimension agreed with the client.
- \`brand.yaml\`: your firm's branding for PDF, Word and PowerPoint (\`--brand brand.yaml\`).

## Next steps

\`\`\`sh
# 1. Interview each respondent (run once per respondent; --resume continues)
crm-maturity interview${q} -o answers.yaml

# 2. Score: maturity profile, gaps, readiness verdict, risks and perception gaps
crm-maturity score answers.yaml${q} ${t}

# 3. The gap report (Markdown; -o report.pdf, report.docx or report.pptx for PDF, Word or PowerPoint)
crm-maturity report answers.yaml${q} ${t} -o report.md

# 4. The phased roadmap (rigidify → optimise → solidify)
crm-maturity roadmap answers.yaml${q} ${t} -o roadmap.md
\`\`\`

Keep the scored results (\`score --format json -o results.json\`) to compare with a
reassessment later (\`crm-maturity compare\`).
`;

const survey: Messages["survey"] = {
  roleQuestion: "What is your role in the company?",
  dontKnow: "Don't know",
  notApplicable: "Does not apply to our company",
  intro:
    "For each question, choose the answer that describes what actually happens in the company today, not what is planned.",
  paperInstructions:
    "Tick one box for each question: the answer that describes what actually happens today. Leave a question blank if it is not for your role.",
  paperRespondent: "Respondent number",
  forRolesOnly: (roles) => ` (for ${roles.join(", ")} only)`,
};

const BRAND_FIRM_PLACEHOLDER = "Your firm name";

const brandFile: Messages["brandFile"] = ({
  schemaRef,
  firm,
}) => `# yaml-language-server: $schema=${schemaRef}
# Your firm's branding for the PDF, Word and PowerPoint deliverables:
#   crm-maturity report answers.yaml --brand brand.yaml -o report.pdf
# Paths are relative to this file. A text is either one text for every language or one per
# language (en, zh-CN). Check the file with: crm-maturity validate brand.yaml
firm: ${firm.en}
# logo: logo.png              # PNG or JPEG: on the cover or title slide and in page headers
colors:
  primary: "#1f3a5f"          # headings, the cover band, the slide bar and the chart series
  accent: "#c07a2c"           # the line under the cover band and the cover line
# fonts:
#   heading: Georgia          # Word and PowerPoint (Chinese text keeps a Chinese font)
#   body: Calibri
#   pdf: fonts/YourFont.ttf   # PDF takes a font file; without one the bundled fonts are used
footer:
  en: ${firm.en} · CRM capability practice
  zh-CN: ${firm["zh-CN"]} · 客户关系管理能力咨询
confidentiality:
  en: Confidential. Prepared for the client's management; not for circulation.
  zh-CN: 机密文件，仅供客户管理层使用，请勿外传。
coverLine:
  en: Independent assessment of CRM capability
  zh-CN: 客户关系管理能力独立评估
`;

/** What the commands say on the terminal about what they did. */
const status: Messages["status"] = {
  created: (file) => `  created  ${file}`,
  kept: (file) => `  kept     ${file} (already exists; not overwritten)`,
  nothingToDo: (folder) => `Nothing to do: ${folder} already holds every engagement file.`,
  next: (command) => `Next: ${command}   (see README.md for score, report and roadmap)`,
  wrote: (file) => `wrote ${file}`,
  answersInvalid: (errors) =>
    `the answers are invalid: ${errors} error${errors === 1 ? "" : "s"}; nothing was scored`,
  targetsInvalid: ({ file, errors }) =>
    `the targets file ${file} is invalid: ${errors} error${errors === 1 ? "" : "s"}; nothing was scored`,
  warning: "warning: ",
  compare: {
    questionnaireNotUsed: (a) => {
      const role = a.side === "baseline" ? "baseline" : "follow-up";
      const why =
        a.scoredWith === undefined
          ? `has other dimensions or questions than the ${role} results, although both say ${a.questionnaire}`
          : `is ${a.questionnaire} but the ${role} results were scored with ${a.scoredWith}`;
      return `${a.option} ${a.file} ${why}; its question texts are not used`;
    },
    idsOnly:
      "questions are compared by id only; pass both questionnaires (--baseline-questionnaire and -q) to compare their texts, anchors, types and weights",
    profileRemedy: (a) =>
      `score both with the same --profile to compare like with like; they were scored with --profile ${a.baseline} and --profile ${a.followup}`,
    followupFirst: "the follow-up is dated before the baseline",
    roleMismatch: (a) => {
      const count = (n: number) => `${fmtCount(n)} respondent${n === 1 ? "" : "s"}`;
      const only = [
        ...a.onlyBaseline.map((r) => `${r.name} (baseline only, ${count(r.respondents)})`),
        ...a.onlyFollowup.map((r) => `${r.name} (follow-up only, ${count(r.respondents)})`),
      ].join(", ");
      const where = a.dimensions.length > 0 ? concernedEn(a) : "";
      if (a.comparedOn === "shared-roles") {
        const which =
          a.onlyBaseline.length > 0 && a.onlyFollowup.length > 0
            ? "both sides' figures differ from their own reports"
            : `the ${a.onlyBaseline.length > 0 ? "baseline" : "follow-up"}'s figures differ from its own report`;
        const left = where === "" ? "" : `; the answers left out bear on ${where}`;
        return `roles that answered at one assessment only: ${only}; both are scored on the roles they share (${report.listJoin(a.shared)}), so ${which}${left}`;
      }
      const how =
        a.shared.length === 0
          ? "the assessments share no role, so they cannot be compared on common roles"
          : "score both from their answer files, not results, to compare them on the roles they share";
      const bears = where === "" ? "" : `, which bears on ${where}`;
      return `roles that answered at one assessment only: ${only}; their answers count on one side only${bears} (${how})`;
    },
  },
};

/** Every message in English. */
export const en: Messages = {
  common,
  score,
  report,
  comparison,
  interview,
  answersTemplate,
  survey,
  status,
  engagementReadme,
  brandFile,
  brandFirmPlaceholder: BRAND_FIRM_PLACEHOLDER,
};
