import type { ReportModel } from "../../views/report/model.js";
import { drawTimeline } from "./charts.js";
import {
  callout,
  chartLabels,
  drawCalibration,
  paragraphHeight,
  tableWithLead,
} from "./sections.js";
import { drawTable } from "./table.js";
import {
  fmtLevel,
  fmtPct,
  fmtWeeks,
  kpiGroups,
  reliabilityCells,
  reliabilityGroupCells,
  weekSpan,
} from "./text.js";
import { COLOR, PHASE_COLOR, SIZE } from "./theme.js";
import type { TextStyle, Writer } from "./writer.js";

/** The roadmap: approach, timeline, then each phase with its actions, owners, KPIs and exit criteria. */
export function drawRoadmap(w: Writer, report: ReportModel, number: number): void {
  const r = report.roadmap;
  w.sectionHeading(number, r.title);
  w.paragraph(r.gloss);
  if (r.detail) for (const p of r.intro) w.paragraph(p);
  w.paragraph(r.strategySentence, { style: "bold" });
  if (r.empty) {
    w.paragraph(r.empty);
    return;
  }
  if (r.calibration) w.paragraph(r.calibration);
  // The standalone roadmap has no summary: the calibration its text refers to comes here.
  if (report.kind === "roadmap") drawCalibration(w, report);
  w.space(6);
  drawTimeline(w, r.timeline, chartLabels(report));
  const actions = new Map(r.actions.map((a) => [a.id, a]));
  const first = r.firstNinetyDays.actions.flatMap((id) => {
    const a = actions.get(id);
    if (!a) return [];
    // No column header says "weeks" here, so the span does ("Weeks 1–4", "第 1–4 周"), on one
    // line as in Word.
    const span = weekSpan(report.labels, a.startWeek, a.endWeek).replace(/ /g, "\u00a0");
    return [`${a.title}  ·  ${a.ownerName}  ·  ${span}`];
  });
  if (first.length > 0 && r.detail) {
    w.minorHeading(r.firstNinetyDays.title, 40);
    w.paragraph(r.firstNinetyDays.sentence);
    w.bullets(first, {}, PHASE_COLOR.rigidify.fill);
  }
  if (r.gate)
    callout(w, { title: r.gate.label, paragraphs: [r.gate.sentence], color: w.palette.accent });
  // The board edition stops at the gate: the timeline marks the reassessment, the calibration
  // paragraph has said what does not fit, the first decision states the first phase's effort, and
  // the phases' detail is in the full edition.
  if (!r.detail) return;
  if (r.effort) w.paragraph(r.effort.text);
  callout(w, {
    title: r.milestone.label,
    paragraphs: [r.milestone.sentence],
    color: w.palette.accent,
  });
  for (const phase of r.phases) drawPhase(w, report, phase, actions);
  drawBacklog(w, report);
  w.space(6);
  callout(w, { paragraphs: [r.cycle], color: PHASE_COLOR.optimise.fill });
}

type RoadmapView = ReportModel["roadmap"];

/** One phase: its span, goal, actions with steps and RACI, effort, KPIs and exit criteria. */
function drawPhase(
  w: Writer,
  report: ReportModel,
  phase: RoadmapView["phases"][number],
  actions: Map<string, RoadmapView["actions"][number]>,
): void {
  const L = report.labels;
  const P = w.punct;
  const color = PHASE_COLOR[phase.phase];
  w.subheading(phase.name, { keep: 120, toc: true });
  // Phase span as a coloured tag under the heading.
  // A phase with no action inside the horizon starts in the next cycle: no weeks, no dates.
  const tag =
    phase.actions.length === 0
      ? L.nextCycle
      : `${weekSpan(L, phase.startWeek, phase.endWeek)}  ·  ${phase.startDateText} – ${phase.endDateText}`;
  const tagStyle: TextStyle = { size: SIZE.small, style: "bold", color: COLOR.white };
  const tagWidth = w.widthOf(tag, tagStyle) + 12;
  const y = w.y;
  w.doc.save();
  w.doc.roundedRect(w.left, y, tagWidth, 14, 3).fill(color.fill);
  w.doc.restore();
  w.drawLine(tag, w.left + 6, y + 3.5, tagWidth - 10, tagStyle);
  w.y = y + 21;
  w.paragraph(phase.goal);
  const phaseActions = phase.actions.flatMap((id) => {
    const a = actions.get(id);
    return a ? [a] : [];
  });
  if (phaseActions.length > 0) {
    drawTable(
      w,
      [
        { header: L.action, width: 4.6 },
        { header: L.owner, width: 1.9 },
        { header: L.weeks, width: 0.8, align: "right" },
        { header: `${L.effort}${P.open}${L.effortUnit}${P.close}`, width: 1.0, align: "right" },
      ],
      phaseActions.map((a) => {
        const lines = [
          a.description ?? "",
          ...a.steps.map((s, i) => `${i + 1}. ${s}`),
          a.dependsOn.length > 0
            ? `${L.dependsOn}${P.colon}${a.dependsOn.map((id) => actions.get(id)?.title ?? id).join(P.list)}`
            : "",
          a.reasonText ? `${L.reason}${P.colon}${a.reasonText}` : "",
        ].filter((t) => t !== "");
        return [
          { text: a.title, bold: true, sub: lines.join("\n") },
          { text: a.ownerName, sub: [a.dimensionTitle, a.raci.text].filter(Boolean).join("\n") },
          fmtWeeks(a.startWeek, a.endWeek),
          a.effort?.range ?? "—",
        ];
      }),
    );
  }
  if (phase.owners.length > 0) {
    // Room for two lines of the paragraph, which never starts with one line alone (taller in
    // the Chinese face than 30 points).
    w.minorHeading(
      phase.effort ? L.effort : L.owners,
      2 * w.lineHeight({ size: SIZE.body, lineGap: w.bodyGap }),
    );
    w.paragraph(
      phase.effort?.text ??
        phase.owners
          .map((o) => (o.count > 1 ? `${o.name}${P.open}${o.count}${P.close}` : o.name))
          .join("  ·  "),
    );
  }
  if (phase.kpis.length > 0) {
    w.minorHeading(L.kpis, 30);
    w.bulletColumns(phase.kpis, {}, color.fill);
  }
  if (phase.exitCriteria.length > 0) {
    w.minorHeading(L.exitCriteria, 30);
    w.bullets(phase.exitCriteria, {}, color.fill);
  }
}

/** The actions left for the next cycle, each with its reason. */
function drawBacklog(w: Writer, report: ReportModel): void {
  const { roadmap: r, labels: L } = report;
  if (r.backlog.items.length > 0) {
    w.subheading(r.backlog.title, { keep: 120, toc: true });
    w.paragraph(r.backlog.intro);
    drawTable(
      w,
      [
        { header: L.action, width: 4.2 },
        { header: L.owner, width: 1.4 },
        { header: L.reason, width: 2.6 },
      ],
      r.backlog.items.map((b) => [
        { text: b.title, bold: true, sub: b.phaseName },
        b.ownerName,
        b.reason,
      ]),
    );
  }
}

/** The KPI scorecard for change management. */
export function drawKpis(w: Writer, report: ReportModel, number: number): void {
  const { kpis: k, labels: L } = report;
  w.sectionHeading(number, k.title);
  w.paragraph(k.intro);
  if (k.principles.length > 0) w.bullets(k.principles);
  if (k.scorecard.length > 0) {
    tableWithLead(
      w,
      [
        // The target ("agreed with the baseline; met by …") is the longest cell: room for two lines.
        { header: L.kpi, width: 2.6 },
        { header: L.owner, width: 0.9 },
        { header: L.baseline, width: 1.4 },
        { header: L.target, width: 2.7 },
        { header: L.frequency, width: 1.5 },
      ],
      k.scorecard.map((row) => [
        { text: row.kpi, bold: true, color: row.kind === "outcome" ? w.palette.accent : COLOR.ink },
        row.ownerName,
        row.baseline,
        row.target,
        row.cadence,
      ]),
      (keep) => w.subheading(k.scorecardTitle, { keep }),
    );
  }
  if (k.rows.length === 0) return;
  // Grouped as the plan runs, each group's date said once under its title.
  const groups = kpiGroups(report);
  groups.forEach((group, i) => {
    const dueStyle: TextStyle = { size: SIZE.small, color: COLOR.muted };
    tableWithLead(
      w,
      [
        { header: L.kpi, width: 5 },
        { header: L.frequency, width: 1.4 },
        { header: L.owner, width: 1.4 },
      ],
      group.rows.map((row) => [
        { text: row.kpi, bold: true, sub: row.measure },
        row.frequency,
        row.ownerName ?? "",
      ]),
      (keep) => {
        const due = w.measure(group.dueLine, w.width, dueStyle) + 4;
        // The list's heading travels with its first group, so that it never ends a page alone.
        if (i === 0) w.subheading(k.rowsTitle, { keep: keep + due + 30 });
        w.minorHeading(group.title, keep + due);
        w.paragraph(group.dueLine, dueStyle, { after: 4, keep });
      },
      // The section's last rows move to a new page together rather than one of them alone.
      i === groups.length - 1 ? { keepWithNext: 1 } : {},
    );
  });
}

/** The appendix: method, scale, coverage, respondents and every answer with notes and evidence. */
export function drawAppendix(w: Writer, report: ReportModel, number: number): void {
  const { appendix: a, labels: L } = report;
  w.sectionHeading(number, a.title);

  w.subheading(a.method.title, { keep: 40, toc: true });
  for (const p of a.method.paragraphs) w.paragraph(p);

  tableWithLead(
    w,
    [
      { header: L.level, width: 0.6, align: "center" },
      { header: L.levelName, width: 1.3 },
      { header: L.description, width: 6 },
    ],
    a.scale.levels.map((l) => [
      { text: String(l.level), bold: true },
      { text: l.name, bold: true },
      l.description,
    ]),
    (keep) => w.subheading(a.scale.title, { keep, toc: true }),
  );

  const c = a.coverage;
  tableWithLead(
    w,
    [
      { header: L.dimension, width: 3 },
      { header: L.answeredWeight, width: 1.2, align: "right" },
      { header: L.applicableWeight, width: 1.2, align: "right" },
      { header: L.coverage, width: 1, align: "right" },
      { header: L.confidence, width: 1 },
    ],
    [
      ...c.rows.map((row) => [
        row.title,
        fmtLevel(row.answeredWeight, L.inconclusive),
        fmtLevel(row.applicableWeight, L.inconclusive),
        fmtPct(row.coverage, L.inconclusive),
        row.confidenceName ?? L.inconclusive,
      ]),
      [
        L.overall,
        "",
        "",
        fmtPct(c.overall.coverage, L.inconclusive),
        c.overall.confidenceName ?? L.inconclusive,
      ],
    ],
    (keep) => {
      w.subheading(c.title, { keep: paragraphHeight(w, c.intro) + keep, toc: true });
      if (c.intro) w.paragraph(c.intro, {}, { keep });
    },
    { totalRow: true },
  );

  if (a.reliability) drawReliability(w, a.reliability);

  if (a.respondents.items.length > 0) {
    tableWithLead(
      w,
      [
        { header: L.id, width: 1.4 },
        { header: L.respondent, width: 2.4 },
        { header: L.role, width: 2 },
      ],
      a.respondents.items.map((r) => [r.id, r.name ?? "", r.roleName]),
      (keep) => w.subheading(a.respondents.title, { keep, toc: true }),
      // The note that answers are left out closes the report: never alone on the last page.
      {
        keepWithNext: a.answers.included
          ? 0
          : paragraphHeight(w, a.respondents.more ?? "") +
            w.subheadingHeight(a.answers.title) +
            paragraphHeight(w, a.answers.note),
      },
    );
    if (a.respondents.more) w.paragraph(a.respondents.more);
  } else if (a.respondents.more) {
    // A survey's respondents: one sentence, kept with the answers note that closes the report.
    const closing = a.answers.included
      ? 0
      : w.subheadingHeight(a.answers.title) + paragraphHeight(w, a.answers.note);
    w.subheading(a.respondents.title, {
      keep: paragraphHeight(w, a.respondents.more) + closing,
      toc: true,
    });
    w.paragraph(a.respondents.more);
  }

  drawAppendixAnswers(w, report);
}

/** The appendix's reliability and agreement tables, then how to read them. */
function drawReliability(w: Writer, r: NonNullable<ReportModel["appendix"]["reliability"]>): void {
  const c = r.columns;
  tableWithLead(
    w,
    [
      { header: c.dimension, width: 2.6 },
      { header: c.items, width: 0.9, align: "right" },
      { header: c.respondents, width: 1, align: "right" },
      { header: c.alpha, width: 0.7, align: "right" },
      { header: c.interval, width: 1.5, align: "center" },
      { header: c.rwg, width: 0.8, align: "right" },
      { header: c.reading, width: 4.1 },
    ],
    r.rows.map(reliabilityCells),
    (keep) => {
      w.subheading(r.title, { keep: paragraphHeight(w, r.intro) + keep, toc: true });
      w.paragraph(r.intro, {}, { keep });
    },
  );
  if (r.caveats.length > 0) w.bullets(r.caveats);
  for (const g of r.groups) {
    tableWithLead(
      w,
      [
        { header: g.columns.dimension, width: 2 },
        { header: g.columns.icc1, width: 0.8, align: "right" },
        { header: g.columns.icc2, width: 0.8, align: "right" },
        { header: g.columns.reading, width: 6 },
      ],
      g.rows.map(reliabilityGroupCells),
      (keep) => {
        w.minorHeading(g.title, paragraphHeight(w, g.intro) + keep);
        w.paragraph(g.intro, {}, { keep });
      },
    );
  }
  w.bullets(r.notes, { size: SIZE.small });
}

/** The appendix's answers: a question × respondent matrix (or a list), then notes and evidence. */
function drawAppendixAnswers(w: Writer, report: ReportModel): void {
  const { appendix: a, labels: L } = report;
  const P = w.punct;
  // Left out, the answers are one note: the heading keeps that note, not a table's 60 points (which
  // pushed heading and note alone onto a last page a survey report's short appendix left room for).
  w.subheading(a.answers.title, {
    keep: a.answers.included ? 60 : paragraphHeight(w, a.answers.note),
    toc: true,
  });
  if (!a.answers.included) {
    w.paragraph(a.answers.note);
    return;
  }
  if (a.answers.note) w.paragraph(a.answers.note);
  // Up to eight respondents fit as columns of a question × respondent matrix; more are listed.
  const people = a.respondents.items.map((r) => r.id);
  const matrix = people.length > 0 && people.length <= 8;
  for (const dim of a.answers.dimensions) {
    if (dim.questions.length === 0) continue;
    const heading = (keep: number) => w.minorHeading(dim.title, keep);
    if (matrix) {
      tableWithLead(
        w,
        [
          { header: L.question, width: 3.4 },
          ...people.map((id) => ({ header: id, width: 0.55, align: "center" as const })),
        ],
        dim.questions.map((q) => {
          const byRespondent = new Map(q.answers.map((ans) => [ans.respondent, ans.valueText]));
          return [{ text: q.text, sub: q.id }, ...people.map((id) => byRespondent.get(id) ?? "")];
        }),
        heading,
        { size: SIZE.table - 0.3 },
      );
    } else {
      tableWithLead(
        w,
        [
          { header: L.question, width: 3 },
          { header: L.answer, width: 4 },
        ],
        dim.questions.map((q) => [
          { text: q.text, sub: q.id },
          q.answers.map((ans) => `${ans.respondent}${P.colon}${ans.valueText}`).join("   "),
        ]),
        heading,
        { size: SIZE.table - 0.3 },
      );
    }
    const notes = dim.questions.flatMap((q) =>
      q.answers
        .filter((ans) => ans.note || ans.evidence)
        .map((ans) => [
          { text: q.id, color: COLOR.muted },
          { text: ans.respondent, sub: ans.roleName },
          ans.note ?? "",
          ans.evidence ?? "",
        ]),
    );
    if (notes.length > 0) {
      drawTable(
        w,
        [
          { header: L.question, width: 1.5 },
          { header: L.respondent, width: 1.3 },
          { header: L.note, width: 3 },
          { header: L.evidence, width: 2.2 },
        ],
        notes,
        { size: SIZE.table - 0.3 },
      );
    }
  }
}
