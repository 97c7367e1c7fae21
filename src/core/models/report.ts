import { z } from "../zod.js";
import { EDITIONS } from "./editions.js";
import { LANGS } from "./languages.js";
import { SECTION_IDS } from "./report-sections.js";

/*
 * The report model (`report --format json`, `roadmap --format json`): everything a renderer needs
 * to lay out a gap report or a roadmap, with every label and sentence already in the chosen
 * language. src/views/report/model.ts documents the conventions; src/views/report/build.ts builds it.
 */

// Kept equal to REPORT_LANGUAGES and REPORT_MODEL_VERSION (src/views/report/model.ts), which stay
// free of zod because the CLI's start-up path imports them; the type checker catches a mismatch.
const reportLanguage = z.enum(LANGS).describe("The document's language.");
const REPORT_MODEL_VERSION = 2;

const reportKind = z
  .enum(["report", "roadmap"])
  .describe("Which document is built: the full gap report or the roadmap-only document.");
const roadmapStrategy = z
  .enum(["small-slow", "big-fast"])
  .describe("Roadmap rollout strategy: at most two actions at a time, or all dependencies allow.");
const phase = z.enum(["rigidify", "optimise", "solidify"]);
const pillar = z.enum(["strategy", "people", "process", "technology"]);
const severity = z.enum(["high", "medium", "low"]);
const verdict = z.enum(["ready", "conditional", "not-ready", "inconclusive"]);
const confidence = z.enum(["high", "medium", "low"]);
const sectionId = z.enum(SECTION_IDS);

const score = z
  .number()
  .nullable()
  .describe("Score on the 1–5 scale, rounded to 2 decimals; null when inconclusive.");
const share = z.number().nullable().describe("A 0–1 share; null when nothing is applicable.");
const isoDate = z.string().describe("An ISO YYYY-MM-DD date.");
const ids = z.array(z.string());

const roleCount = z.strictObject({ role: z.string(), name: z.string(), count: z.number().int() });

const reportMeta = z
  .strictObject({
    title: z.string(),
    client: z.strictObject({
      name: z.string(),
      industry: z.string().nullable(),
      size: z.string().nullable(),
    }),
    date: isoDate,
    dateText: z.string(),
    assessor: z.string(),
    questionnaire: z.strictObject({ id: z.string(), version: z.string(), title: z.string() }),
    profile: z
      .strictObject({
        ids: z
          .string()
          .describe("As --profile takes them: `b2c-retail,large`, or `standard` for none."),
        text: z.string().describe("How the cover names it, in the report's language."),
        chosenBy: z
          .enum(["option", "answers"])
          .nullable()
          .describe("`option`: --profile; `answers`: the client's details; null for standard."),
      })
      .describe("The industry and size profile the scores were computed with."),
    horizonMonths: z.number(),
    monthsPerLevel: z.number(),
    strategy: roadmapStrategy,
    strategyName: z.string(),
    source: z
      .enum(["answers", "results"])
      .describe("Where the scores came from: answer files or a results JSON."),
    respondentCount: z.number().int(),
    roles: z
      .array(roleCount)
      .describe("Respondents per role, questionnaire roles first; roles with nobody left out."),
    header: z.string().describe("Running header text for paged formats."),
    footer: z.string().describe("Running footer text for paged formats."),
    pageNumber: z.string().describe("Page number pattern with {page} and {pages} placeholders."),
  })
  .describe("Facts about the engagement.");

const LABEL_KEYS = [
  "contents",
  "client",
  "industry",
  "size",
  "date",
  "assessor",
  "questionnaire",
  "version",
  "respondents",
  "horizon",
  "strategy",
  "id",
  "dimension",
  "pillar",
  "weight",
  "score",
  "level",
  "levelName",
  "target",
  "gap",
  "coverage",
  "confidence",
  "question",
  "respondent",
  "role",
  "answer",
  "note",
  "evidence",
  "risk",
  "severity",
  "mitigation",
  "because",
  "recommendation",
  "action",
  "actions",
  "owner",
  "owners",
  "phase",
  "weeks",
  "start",
  "end",
  "startWeek",
  "endWeek",
  "dependsOn",
  "reason",
  "kpi",
  "kpis",
  "measure",
  "frequency",
  "exitCriteria",
  "executive",
  "frontline",
  "perceptionGap",
  "spread",
  "lowest",
  "highest",
  "lowShare",
  "highShare",
  "agreementRwg",
  "monthsNeeded",
  "realisticDate",
  "answered",
  "applicable",
  "answeredWeight",
  "applicableWeight",
  "strongest",
  "weakest",
  "notesAndEvidence",
  "cappedBy",
  "milestone",
  "timeline",
  "current",
  "count",
  "description",
  "overall",
  "readiness",
  "steps",
  "schedule",
  "triggeredRisks",
  "roadmapActions",
  "scoresByRole",
  "perceptionGaps",
  "disagreements",
  "factConflicts",
  "principles",
  "actionDetails",
  "judgement",
  "topGaps",
  "topRisks",
  "inconclusive",
  "none",
  "notApplicable",
  "unknown",
  "yes",
  "no",
  "weeksUnit",
  "monthsUnit",
  "weekPattern",
  "weekRangePattern",
  "morePattern",
  "expectedAtReassessment",
  "radarTitle",
  "gapBarsTitle",
  "timelineTitle",
  "chartFallback",
  "firstNinetyDays",
  "backlog",
  "nextCycle",
  "horizonEnd",
  "reverseScored",
  "baseline",
  "due",
  "raci",
  "accountable",
  "consulted",
  "informed",
  "effort",
  "effortUnit",
] as const;

const reportLabels = z
  .strictObject(
    Object.fromEntries(LABEL_KEYS.map((key) => [key, z.string()])) as Record<
      (typeof LABEL_KEYS)[number],
      z.ZodString
    >,
  )
  .describe(
    "Every static label a renderer may print: headings, column headers, units. `weekPattern` has a {week} placeholder, `weekRangePattern` {from} and {to} (1-based), `morePattern` {count} (what a list too long for its space leaves out).",
  );

/** A question whose ratings spread across respondents: a disagreement, or a fact to settle. */
const spreadItem = z.strictObject({
  dimension: z.string(),
  dimensionTitle: z.string(),
  question: z.string(),
  questionText: z.string(),
  spread: z.number(),
  min: z.number(),
  max: z.number(),
  answered: z.number().int().optional(),
  rwg: z
    .number()
    .optional()
    .describe(
      "Single-item rwg; with the shares, present on a survey-sized question (10 answers or more).",
    ),
  lowShare: z.number().optional().describe("Share of the answers below the middle of the scale."),
  highShare: z.number().optional().describe("Share of the answers above the middle of the scale."),
});

const labelValue = z.strictObject({ label: z.string(), value: z.string() });

const coverSection = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  fields: z.array(labelValue).describe("Label/value pairs under the title."),
  notice: z.string(),
});

const gapItem = z.strictObject({
  dimension: z.string(),
  title: z.string(),
  score,
  target: z.number(),
  gap: z.number(),
  sentence: z.string(),
});

const riskBrief = z.strictObject({
  id: z.string(),
  title: z.string(),
  severity,
  severityName: z.string(),
});

const calibrationItem = z.strictObject({
  dimension: z.string(),
  title: z.string(),
  score,
  target: z.number(),
  gap: z.number(),
  startWeek: z
    .number()
    .int()
    .nullable()
    .describe(
      "Week (0-based) the roadmap's first action on the dimension starts, where its climb starts; null when the roadmap plans no action on it within the horizon.",
    ),
  monthsNeeded: z
    .number()
    .nullable()
    .describe("Whole months from the assessment to the realistic date; null when it is null."),
  realisticDate: isoDate
    .nullable()
    .describe(
      "When the roadmap's projection reaches the target (after the reassessment); null when the roadmap plans no action on the dimension within the horizon.",
    ),
  realisticDateText: z
    .string()
    .describe("The realistic date in words, or the label nextCycle when it is null."),
  expectedAtReassessment: z
    .number()
    .describe(
      "Score expected at the reassessment (roadmap.milestone): the roadmap's projection (the climb at the questionnaire's pace starts with the dimension's first action, capped at target); the one expected score of the report, as the radar and the scorecard's target give it.",
    ),
  sentence: z.string(),
});

const calibrationSection = z
  .strictObject({
    title: z.string(),
    horizonMonths: z.number(),
    allReachable: z
      .boolean()
      .describe(
        "True when the roadmap's projection reaches every target by the reassessment (roadmap.milestone), which measures it.",
      ),
    sentence: z.string(),
    items: z.array(calibrationItem),
    goals: z
      .array(
        z.strictObject({
          text: z.string(),
          metric: z.string().nullable().describe("How the goal is measured, as stated."),
          target: z.string().nullable().describe("The value named for it, as stated."),
          by: isoDate.nullable(),
          dimensions: ids,
          realisticDate: isoDate
            .nullable()
            .describe(
              "When every dimension it depends on reaches its target on the roadmap's projection; null when one of them is unmeasured or has no planned action within the horizon.",
            ),
          feasible: z.boolean().nullable(),
          sentence: z.string(),
        }),
      )
      .describe("The goals the executives stated, each set against the capability it needs."),
    advice: z.string().describe("Staged goals advice."),
  })
  .describe(
    "Expectation calibration: targets the roadmap does not reach by the reassessment, with realistic dates.",
  );

const summarySection = z.strictObject({
  title: z.string(),
  overall: z.strictObject({
    score,
    level: z.number().int().nullable(),
    levelName: z.string().nullable(),
    levelDescription: z.string().nullable(),
    coverage: share,
    confidence: confidence.nullable(),
    confidenceName: z.string().nullable(),
    sentence: z.string(),
  }),
  readiness: z.strictObject({
    verdict,
    verdictName: z.string(),
    sentence: z.string(),
    reasons: z.array(z.string()).describe("The deciding rules' titles with their rationale."),
    reasonTitles: z
      .array(z.string())
      .describe("The deciding rules' titles alone, in the order of `reasons` (the board deck)."),
  }),
  topGaps: z.array(gapItem).describe("The largest gaps (up to three), largest first."),
  topGapsSentence: z.string(),
  topRisks: z
    .array(riskBrief)
    .describe("The most severe triggered risks (up to three), severity then questionnaire order."),
  topRisksSentence: z.string(),
  calibration: calibrationSection,
  judgementTitle: z.string(),
  judgement: z.array(z.string()).describe("The consulting judgement, one paragraph each."),
  findingsTitle: z.string(),
  findings: z
    .array(
      z.strictObject({
        dimension: z.string(),
        title: z.string(),
        sentence: z.string().describe("The finding, leading in to the answers under it."),
        statement: z
          .string()
          .describe(
            "The finding alone, without the lead-in (the deck, which shows fewer answers).",
          ),
        evidence: z
          .array(
            z.strictObject({
              question: z.string(),
              text: z.string(),
              score,
              reversed: z.boolean().describe("An agreement item scored 6 − answer."),
              notes: z
                .array(z.strictObject({ by: z.string(), text: z.string() }))
                .describe("What respondents said, attributed by role (and name when internal)."),
            }),
          )
          .describe("The weakest answered questions behind the finding, with what was said."),
      }),
    )
    .describe("Three findings, each argued from the client's own answers: the largest gaps."),
});

const decisionsSection = z
  .strictObject({
    title: z.string(),
    intro: z.string(),
    items: z.array(z.strictObject({ title: z.string(), sentence: z.string() })),
    nextStepsTitle: z.string(),
    nextSteps: z.array(
      z.strictObject({
        action: z.string(),
        title: z.string(),
        ownerName: z.string(),
        start: z.string(),
      }),
    ),
  })
  .describe("The decisions the chief executive must take, and the first steps.");

const profileRow = z.strictObject({
  dimension: z.string(),
  title: z.string(),
  pillar: pillar.nullable(),
  pillarName: z.string().nullable(),
  weight: z.number(),
  score,
  level: z.number().int().nullable(),
  levelName: z.string().nullable(),
  target: z.number().nullable(),
  gap: z.number().nullable(),
  coverage: share,
  confidence: confidence.nullable(),
  confidenceName: z.string().nullable(),
});

const chartSeries = z.strictObject({
  key: z.enum(["current", "projected", "target"]),
  label: z.string(),
  values: z.array(z.number().nullable()),
});

const radarChart = z
  .strictObject({
    title: z.string(),
    min: z.number(),
    max: z.number(),
    axes: z.array(z.strictObject({ id: z.string(), label: z.string() })),
    series: z.array(chartSeries).describe("Values aligned with `axes`; null where inconclusive."),
  })
  .describe("Radar of current scores vs targets; axes in questionnaire order.");

const gapBarChart = z
  .strictObject({
    title: z.string(),
    max: z.number(),
    bars: z.array(
      z.strictObject({
        dimension: z.string(),
        label: z.string(),
        current: z.number().nullable(),
        target: z.number(),
        gap: z.number().nullable(),
      }),
    ),
  })
  .describe("Horizontal gap bars: current vs target per dimension, largest gap first.");

const profileSection = z.strictObject({
  title: z.string(),
  intro: z.string(),
  radar: radarChart,
  gapBars: gapBarChart,
  rows: z.array(profileRow),
  overall: profileRow,
});

const questionBrief = z.strictObject({
  id: z.string(),
  text: z.string(),
  score,
  spread: z.number().nullable(),
  answered: z.number().int(),
  disagreement: z.boolean(),
  critical: z.boolean(),
  reversed: z
    .boolean()
    .describe("A reverse-scored agreement item: agreeing with the statement scores low."),
});

const noteItem = z.strictObject({
  question: z.string(),
  questionText: z.string().describe("The question as the client reads it (what documents show)."),
  respondent: z.string(),
  role: z.string(),
  roleName: z.string(),
  by: z
    .string()
    .describe(
      "Who said it, as documents show it: the role's name; the person's name and role in the internal edition.",
    ),
  note: z.string().nullable(),
  evidence: z.string().nullable(),
});

const dimensionDetail = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  pillar,
  pillarName: z.string(),
  weight: z.number(),
  score,
  level: z.number().int().nullable(),
  levelName: z.string().nullable(),
  target: z.number(),
  gap: z.number().nullable(),
  coverage: share,
  confidence: confidence.nullable(),
  confidenceName: z.string().nullable(),
  summary: z.string().describe("One-paragraph reading of the dimension."),
  cappedBy: z
    .strictObject({
      question: z.string(),
      questionText: z.string(),
      score: z.number(),
      sentence: z.string(),
    })
    .nullable()
    .describe("Set when a critical question capped the level."),
  expectation: z
    .strictObject({
      startWeek: z.number().int().nullable(),
      monthsNeeded: z.number().nullable(),
      realisticDate: isoDate.nullable(),
      sentence: z.string(),
    })
    .nullable()
    .describe(
      "Set when the roadmap's projection does not reach the target by the reassessment; the same figures as the dimension's calibration item.",
    ),
  perceptionGap: z
    .strictObject({
      executive: z.number(),
      frontline: z.number(),
      gap: z.number(),
      flagged: z.boolean(),
      sentence: z.string(),
    })
    .nullable(),
  strongest: z.array(questionBrief).describe("Up to three best-scoring answered questions."),
  weakest: z.array(questionBrief).describe("Up to three lowest-scoring answered questions."),
  questions: z.array(questionBrief).describe("Every question's result, in questionnaire order."),
  notes: z.array(noteItem),
  risks: ids.describe("Triggered risks declared by this dimension (ids into risks.items)."),
  actions: ids.describe("Roadmap actions improving this dimension (ids into roadmap.actions)."),
});

const dimensionsSection = z.strictObject({
  title: z.string(),
  intro: z.string(),
  items: z.array(dimensionDetail),
});

const perceptionSection = z.strictObject({
  title: z.string(),
  applicable: z.boolean().describe("False when fewer than two roles answered."),
  gapsMeasured: z
    .boolean()
    .describe(
      "False when no dimension has both an executive and a front-line score (the intro says why); `gaps` is then empty.",
    ),
  intro: z.string(),
  byRole: z.strictObject({
    roles: z.array(roleCount),
    rows: z.array(
      z.strictObject({
        dimension: z.string(),
        title: z.string(),
        scores: z.array(z.number().nullable()),
      }),
    ),
  }),
  byGroup: z
    .array(
      z.strictObject({
        column: z.string().describe("The group-by column as the export heads it."),
        title: z.string(),
        intro: z.string(),
        values: z.array(
          z.strictObject({ value: z.string(), name: z.string(), count: z.number().int() }),
        ),
        rows: z.array(
          z.strictObject({
            dimension: z.string().describe("A dimension id, or `overall` for the last row."),
            title: z.string(),
            scores: z.array(z.number().nullable()),
          }),
        ),
        more: z.string().optional(),
      }),
    )
    .describe(
      "Results of `batch --group-by`: each group's mean per-respondent scores, at most eight groups per column.",
    ),
  gaps: z.array(
    z.strictObject({
      dimension: z.string(),
      title: z.string(),
      executive: z.number(),
      frontline: z.number(),
      gap: z.number(),
      sentence: z.string(),
    }),
  ),
  disagreements: z
    .array(spreadItem)
    .describe(
      "Questions the respondents disagree on; from a survey, at most ten (the lowest rwg), in questionnaire order.",
    ),
  disagreementsMore: z
    .string()
    .optional()
    .describe(
      "From a survey with more than ten disagreements: what the table leaves out, and where it is.",
    ),
  factConflicts: z
    .strictObject({
      intro: z.string(),
      items: z.array(spreadItem),
      more: z
        .string()
        .optional()
        .describe("From a survey with more than ten facts to settle: what the table leaves out."),
    })
    .describe(
      "Facts whose ratings lie apart, for the assessor to settle with evidence; from a survey, at most ten (the lowest rwg).",
    ),
});

const riskItem = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  severity,
  severityName: z.string(),
  dimension: z.string().nullable(),
  dimensionTitle: z.string().nullable(),
  mitigation: z.string().nullable(),
  because: z.array(z.string()).describe("Why it was triggered."),
  mitigatedBy: ids.describe("Roadmap actions that mitigate it."),
});

const riskSection = z.strictObject({
  title: z.string(),
  intro: z.string(),
  counts: z.record(severity, z.number().int()),
  items: z.array(riskItem).describe("The risks argued one by one, most severe first."),
  others: z
    .strictObject({ title: z.string(), intro: z.string(), items: z.array(riskItem) })
    .describe(
      "The further risks, for a compact table (the full edition); empty when every risk is argued or, in the board edition, left out.",
    ),
});

const effortRange = z.strictObject({
  low: z.number().describe("Person-weeks, favourable case."),
  high: z.number().describe("Person-weeks, unfavourable case."),
});

const effortView = effortRange.extend({
  byOwner: z.array(effortRange.extend({ role: z.string(), name: z.string() })),
  range: z.string().describe("The total's figures alone, e.g. 30–48, for a table column."),
  text: z.string().describe("The effort worded: person-weeks and the people full time it means."),
});

const roleRef = z.strictObject({ role: z.string(), name: z.string() });

const roadmapPhaseView = z.strictObject({
  phase,
  name: z.string(),
  goal: z.string().describe("What the phase means."),
  startWeek: z.number().int(),
  endWeek: z.number().int(),
  startDate: isoDate,
  endDate: isoDate,
  startDateText: z.string(),
  endDateText: z.string(),
  actions: ids.describe("Action ids, in schedule order."),
  owners: z.array(roleCount),
  kpis: z.array(z.string()),
  exitCriteria: z.array(z.string()),
  effort: effortView
    .nullable()
    .describe(
      "Person-weeks of the phase's actions, per owner role; null when the pack gives none.",
    ),
});

const roadmapReason = z.strictObject({
  kind: z.enum(["gap", "risk", "readiness", "dependency"]),
  ref: z
    .string()
    .describe("The dimension, the risk id, the readiness rule or the action that needs it."),
  text: z.string(),
});

const roadmapAction = z.strictObject({
  id: z.string().describe("The recommendation id; `<id>:rollout` for the rollout after a pilot."),
  recommendation: z.string().describe("The recommendation it carries out."),
  stage: z
    .enum(["pilot", "rollout"])
    .nullable()
    .describe("Small-and-slow splits a rollout into a pilot unit and the staged rollout."),
  title: z.string(),
  description: z.string().nullable(),
  phase,
  phaseName: z.string(),
  dimension: z.string(),
  dimensionTitle: z.string(),
  pillar,
  pillarName: z.string(),
  owner: z.string(),
  ownerName: z.string(),
  weeks: z.number().int(),
  startWeek: z.number().int().describe("0-based offset from the plan start."),
  endWeek: z.number().int().describe("0-based offset, exclusive."),
  startDate: isoDate.describe("First day."),
  endDate: isoDate.describe("Last day (inclusive)."),
  lane: z.number().int().describe("Lane within its owner's capacity (0-based)."),
  priority: z.number().describe("Gap × dimension weight that ordered it inside its phase."),
  steps: z.array(z.string()),
  kpis: z.array(z.string()),
  dependsOn: ids.describe("Planned actions it depends on (a staged rollout: its pilot)."),
  reasons: z.array(roadmapReason),
  reasonText: z.string().describe("All reasons as one sentence."),
  raci: z
    .strictObject({
      accountable: roleRef.nullable(),
      consulted: z.array(roleRef),
      informed: z.array(roleRef),
      text: z.string().describe("Accountable, consulted and informed worded; empty without them."),
    })
    .describe("RACI: the owner is Responsible; the pack names the others."),
  effort: effortRange
    .extend({
      range: z.string().describe("The figures alone, e.g. 3–5, for a table column."),
      text: z.string().describe("The range with its unit."),
    })
    .nullable()
    .describe("Person-weeks this stage takes (a pilot: its share); null when the pack gives none."),
});

const roadmapMilestone = z.strictObject({
  label: z.string(),
  week: z.number().int().describe("0-based week offset: the milestone falls at its start."),
  date: isoDate,
  dateText: z.string(),
  sentence: z.string(),
});

const timelineChart = z
  .strictObject({
    title: z.string(),
    totalWeeks: z.number().int(),
    startDate: isoDate,
    phases: z.array(
      z.strictObject({
        phase,
        label: z.string(),
        startWeek: z.number().int(),
        endWeek: z.number().int(),
        hold: z
          .strictObject({ startWeek: z.number().int(), endWeek: z.number().int() })
          .nullable()
          .describe(
            "The weeks of stable use the method asks for after the phase's last rollout, before the phase closes (`holdWeeks`); null without one.",
          ),
      }),
    ),
    bars: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        phase,
        lane: z.number().int(),
        startWeek: z.number().int(),
        endWeek: z.number().int(),
      }),
    ),
    milestones: z.array(z.strictObject({ label: z.string(), week: z.number().int() })),
    horizonWeek: z.number().int().describe("The end of the planning horizon, drawn as a line."),
    horizonLabel: z.string(),
    holdLabel: z.string().describe("The legend of the phases' holds, shown when a phase has one."),
  })
  .describe("A timeline (Gantt-like) of the plan by phase.");

const roadmapSection = z.strictObject({
  title: z.string(),
  detail: z
    .boolean()
    .describe("False in the board edition: the phases are shown without their action details."),
  intro: z.array(z.string()),
  gloss: z
    .string()
    .describe(
      "The phase names in plain words, at their first use, so no reader takes rigidify for stiffness.",
    ),
  strategy: roadmapStrategy,
  strategyName: z.string(),
  strategySentence: z.string(),
  startDate: isoDate.describe("Plan start (the assessment date)."),
  startDateText: z.string(),
  totalWeeks: z.number().int(),
  phases: z.array(roadmapPhaseView),
  actions: z
    .array(roadmapAction)
    .describe("Every scheduled action, in schedule order (phase, start week, sequence)."),
  milestone: roadmapMilestone,
  situation: z.enum(["none", "selecting", "implementing", "live"]),
  situationName: z.string(),
  horizonWeeks: z.number().int().describe("The planning horizon in weeks; no action ends later."),
  firstNinetyDays: z
    .strictObject({ title: z.string(), sentence: z.string(), actions: ids })
    .describe("The actions that start in the first 90 days."),
  gate: roadmapMilestone
    .nullable()
    .describe("The buy, go-live or relaunch decision after the first phase; null without one."),
  backlog: z
    .strictObject({
      title: z.string(),
      intro: z.string(),
      items: z.array(
        z.strictObject({
          id: z.string(),
          title: z.string(),
          phase,
          phaseName: z.string(),
          ownerName: z.string(),
          reason: z.string(),
        }),
      ),
    })
    .describe("What does not fit into the horizon: the next cycle's starting point."),
  effort: effortView
    .nullable()
    .describe("Person-weeks of the planned actions; null when the pack gives no effort."),
  cycle: z.string().describe("The statement that the cycle repeats."),
  calibration: z.string().describe("Expectation calibration for the plan; empty with no actions."),
  empty: z.string().nullable().describe("Sentence shown when no recommendation applies."),
  timeline: timelineChart,
});

const kpiRow = z.strictObject({
  kpi: z.string(),
  measure: z
    .string()
    .describe(
      "What it measures and how; for a KPI of the plan, the actions whose working it shows.",
    ),
  frequency: z.string(),
  due: z
    .string()
    .describe(
      "When it is to be met: the end of its phase, dated; a standing measure (source standard): the end of the first phase with work in it, dated, then each phase review; the scorecard's target gives the same date.",
    ),
  phase: phase.nullable().describe("The phase it is first tracked in; null for standing KPIs."),
  phaseName: z.string().nullable(),
  owner: z.string().nullable(),
  ownerName: z.string().nullable(),
  source: z
    .enum(["plan", "standard"])
    .describe("plan: from a roadmap action; standard: the balanced change-management set."),
  sourceName: z.string(),
  actions: ids.describe("Action ids the KPI comes from (plan KPIs)."),
});

const scorecardRow = z.strictObject({
  kpi: z.string(),
  kind: z
    .enum(["outcome", "practice"])
    .describe("outcome: a dimension's measured score; practice: a KPI of the plan or the method."),
  ownerName: z.string(),
  baseline: z.string().describe("From the assessment where it measures it, else when it is taken."),
  target: z.string(),
  cadence: z.string(),
});

const kpiSection = z.strictObject({
  title: z.string(),
  intro: z.string(),
  principles: z.array(z.string()),
  scorecardTitle: z.string(),
  scorecard: z
    .array(scorecardRow)
    .describe("About ten KPIs to run the programme by: the largest gaps' outcomes first."),
  rowsTitle: z.string(),
  rows: z.array(kpiRow).describe("Every KPI of the method and the plan (empty for the board)."),
});

const appendixAnswer = z.strictObject({
  respondent: z.string(),
  role: z.string(),
  roleName: z.string(),
  value: z.union([z.number(), z.enum(["na", "unknown"])]),
  valueText: z.string().describe("The value for display, localised."),
  note: z.string().nullable(),
  evidence: z.string().nullable(),
});

const appendixDimensionAnswers = z.strictObject({
  dimension: z.string(),
  title: z.string(),
  questions: z.array(
    z.strictObject({ id: z.string(), text: z.string(), answers: z.array(appendixAnswer) }),
  ),
});

const appendixReliability = z
  .strictObject({
    title: z.string(),
    intro: z.string(),
    columns: z
      .strictObject({
        dimension: z.string(),
        items: z.string(),
        respondents: z.string(),
        alpha: z.string(),
        interval: z.string(),
        rwg: z.string(),
        reading: z.string(),
      })
      .describe("Column headings of the table, localised."),
    rows: z.array(
      z.strictObject({
        dimension: z.string(),
        title: z.string(),
        items: z.number().int().describe("Questions entering alpha."),
        respondents: z.number().int().describe("Complete cases behind alpha."),
        alpha: z.number().nullable(),
        lower: z.number().nullable().describe("Lower bound of the 95% Feldt interval."),
        upper: z.number().nullable().describe("Upper bound of the 95% Feldt interval."),
        rwg: z.number().nullable(),
        reading: z.string().describe("What the figures mean, in a few plain words."),
      }),
    ),
    caveats: z
      .array(z.string())
      .describe(
        "What limits the figures, one short note each: indicative dimensions, few questions, questions that fit poorly, role groups (detailed in the internal edition only).",
      ),
    groups: z
      .array(
        z.strictObject({
          title: z.string(),
          intro: z.string(),
          columns: z.strictObject({
            dimension: z.string(),
            icc1: z.string(),
            icc2: z.string(),
            reading: z.string(),
          }),
          rows: z.array(
            z.strictObject({
              dimension: z.string(),
              title: z.string(),
              icc1: z.number().nullable(),
              icc2: z.number().nullable(),
              reading: z.string(),
            }),
          ),
        }),
      )
      .describe("Agreement across the --group-by groups of a batch run."),
    notes: z.array(z.string()).describe("How the figures are computed and read, with references."),
  })
  .describe("Reliability and agreement of the answers (with at least 2 respondents).");

const appendixSection = z.strictObject({
  title: z.string(),
  method: z.strictObject({ title: z.string(), paragraphs: z.array(z.string()) }),
  scale: z.strictObject({
    title: z.string(),
    levels: z.array(
      z.strictObject({ level: z.number().int(), name: z.string(), description: z.string() }),
    ),
  }),
  coverage: z.strictObject({
    title: z.string(),
    intro: z.string(),
    rows: z.array(
      z.strictObject({
        dimension: z.string(),
        title: z.string(),
        answeredWeight: z.number(),
        applicableWeight: z.number(),
        coverage: share,
        confidence: confidence.nullable(),
        confidenceName: z.string().nullable(),
      }),
    ),
    overall: z.strictObject({
      coverage: share,
      confidence: confidence.nullable(),
      confidenceName: z.string().nullable(),
    }),
  }),
  reliability: appendixReliability
    .nullable()
    .describe("Null with fewer than 2 respondents or results without reliability figures."),
  respondents: z.strictObject({
    title: z.string(),
    items: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string().nullable(),
        role: z.string(),
        roleName: z.string(),
      }),
    ),
    more: z
      .string()
      .optional()
      .describe(
        "Set when the list stops short of every respondent: how many more, and where they are.",
      ),
  }),
  answers: z.strictObject({
    title: z.string(),
    included: z
      .boolean()
      .describe(
        "False when the input was a results JSON: `note` then says which command includes them.",
      ),
    note: z.string(),
    dimensions: z.array(appendixDimensionAnswers),
  }),
});

/** The whole document. */
export const reportModelSchema = z
  .strictObject({
    schemaVersion: z.literal(REPORT_MODEL_VERSION),
    kind: reportKind,
    edition: z.enum(EDITIONS),
    anonymized: z
      .boolean()
      .describe("Roles only, and no breakdown that would single out one respondent."),
    lang: reportLanguage,
    sections: z
      .array(sectionId)
      .describe("The sections to render, in order (the roadmap document has fewer)."),
    labels: reportLabels,
    meta: reportMeta,
    cover: coverSection,
    summary: summarySection,
    profile: profileSection,
    dimensions: dimensionsSection,
    perception: perceptionSection,
    risks: riskSection,
    roadmap: roadmapSection,
    kpis: kpiSection,
    decisions: decisionsSection,
    appendix: appendixSection,
  })
  .describe(
    "A CRM capability maturity gap report or roadmap, labels and sentences in one language (`report`/`roadmap --format json`).",
  );

export type ReportModel = z.infer<typeof reportModelSchema>;
export type ReportLanguage = z.infer<typeof reportLanguage>;
export type ReportKind = z.infer<typeof reportKind>;
export type RoadmapStrategy = z.infer<typeof roadmapStrategy>;
export type RoadmapPhaseId = z.infer<typeof phase>;
export type PillarId = z.infer<typeof pillar>;
export type SeverityId = z.infer<typeof severity>;
export type ReadinessVerdictId = z.infer<typeof verdict>;
export type ConfidenceId = z.infer<typeof confidence>;
export type SectionId = z.infer<typeof sectionId>;
export type ReportMeta = z.infer<typeof reportMeta>;
export type RoleCount = z.infer<typeof roleCount>;
export type ReportLabels = z.infer<typeof reportLabels>;
export type CoverSection = z.infer<typeof coverSection>;
export type LabelValue = z.infer<typeof labelValue>;
export type SummarySection = z.infer<typeof summarySection>;
export type DecisionsSection = z.infer<typeof decisionsSection>;
export type GapItem = z.infer<typeof gapItem>;
export type RiskBrief = z.infer<typeof riskBrief>;
export type CalibrationSection = z.infer<typeof calibrationSection>;
export type CalibrationItem = z.infer<typeof calibrationItem>;
export type ProfileSection = z.infer<typeof profileSection>;
export type ProfileRow = z.infer<typeof profileRow>;
export type RadarChart = z.infer<typeof radarChart>;
export type ChartSeries = z.infer<typeof chartSeries>;
export type GapBarChart = z.infer<typeof gapBarChart>;
export type DimensionsSection = z.infer<typeof dimensionsSection>;
export type DimensionDetail = z.infer<typeof dimensionDetail>;
export type QuestionBrief = z.infer<typeof questionBrief>;
export type NoteItem = z.infer<typeof noteItem>;
export type PerceptionSection = z.infer<typeof perceptionSection>;
export type RiskSection = z.infer<typeof riskSection>;
export type RiskItem = z.infer<typeof riskItem>;
export type RoadmapSection = z.infer<typeof roadmapSection>;
export type RoadmapPhaseView = z.infer<typeof roadmapPhaseView>;
export type RoadmapAction = z.infer<typeof roadmapAction>;
export type RoadmapReason = z.infer<typeof roadmapReason>;
export type RoadmapMilestone = z.infer<typeof roadmapMilestone>;
export type TimelineChart = z.infer<typeof timelineChart>;
export type KpiSection = z.infer<typeof kpiSection>;
export type KpiRow = z.infer<typeof kpiRow>;
export type AppendixSection = z.infer<typeof appendixSection>;
export type AppendixReliability = z.infer<typeof appendixReliability>;
export type AppendixDimensionAnswers = z.infer<typeof appendixDimensionAnswers>;
export type AppendixAnswer = z.infer<typeof appendixAnswer>;
export type { Edition } from "./editions.js";
