import { surveySized } from "../../core/models/results-facts.js";
import { fmtCount } from "../../i18n/format.js";
import type { DimensionDetail, QuestionBrief, ReportModel } from "../../views/report/model.js";
import { type ChartLabels, drawGapBars, drawRadar } from "./charts.js";
import {
  type Cell,
  type Column,
  drawTable,
  inUpperHalf,
  layoutTable,
  type TableOptions,
  tableKeep,
} from "./table.js";
import { fmtLevel, fmtPct, fmtScore, spreadCells, spreadColumns, weekSpan } from "./text.js";
import { COLOR, SEVERITY_COLOR, SIZE, VERDICT_COLOR } from "./theme.js";
import { bulletY, type TextStyle, type Writer } from "./writer.js";

/** The tallest list of actions kept whole with its heading (points): about a third of a page. */
const MAX_KEPT_LIST = 240;

/** Labels the charts need, taken from the model. */
export function chartLabels(report: ReportModel): ChartLabels {
  const L = report.labels;
  return {
    inconclusive: L.inconclusive,
    current: L.current,
    target: L.target,
    gap: L.gap,
    weeks: L.weeks,
  };
}

/**
 * A table with what introduces it (heading, lead sentence): `lead` is called with the height to
 * keep with it, so the introduction never stays behind at a page bottom.
 */
export function tableWithLead(
  w: Writer,
  columns: readonly Column[],
  rows: readonly Cell[][],
  lead: (keep: number) => void,
  opts: TableOptions = {},
): void {
  if (rows.length === 0) {
    lead(0);
    return;
  }
  const layout = layoutTable(w, columns, rows, opts);
  // Decided before the lead moves the cursor: the lead keeps the whole of a short table only
  // where the table would not run on.
  const mayRunOn = opts.mayRunOn ?? inUpperHalf(w);
  lead(tableKeep(layout, mayRunOn));
  drawTable(w, columns, rows, { ...opts, mayRunOn }, layout);
}

/** Height of a body paragraph, for keeping a heading with it. */
export function paragraphHeight(w: Writer, text: string): number {
  return text ? w.measure(text, w.width, { size: SIZE.body, lineGap: w.bodyGap }) + 5 : 0;
}

/** A row of key figures: small label over a large value, in bordered boxes. */
export function statStrip(
  w: Writer,
  items: readonly { label: string; value: string; color?: string; sub?: string }[],
): void {
  const gap = 8;
  const boxW = (w.width - gap * (items.length - 1)) / items.length;
  const labelStyle: TextStyle = { size: SIZE.caption, color: COLOR.muted };
  const valueStyle: TextStyle = { size: 14, style: "bold", color: w.palette.accent };
  const subStyle: TextStyle = { size: SIZE.caption, color: COLOR.muted };
  const inner = boxW - 14;
  const heights = items.map(
    (item) =>
      w.measure(item.label, inner, labelStyle) +
      w.measure(item.value, inner, valueStyle) +
      (item.sub ? w.measure(item.sub, inner, subStyle) + 1 : 0),
  );
  const h = Math.max(...heights) + 16;
  w.ensure(h + 8);
  const y = w.y;
  items.forEach((item, i) => {
    const x = w.left + i * (boxW + gap);
    w.doc.save();
    w.doc.rect(x, y, boxW, h).fill(COLOR.zebra);
    w.doc.rect(x, y, 2.5, h).fill(item.color ?? w.palette.accent);
    w.doc.restore();
    let cy = y + 7;
    cy += w.draw(item.label, x + 9, cy, inner, labelStyle) + 1;
    cy += w.draw(item.value, x + 9, cy, inner, {
      ...valueStyle,
      color: item.color ?? w.palette.accent,
    });
    if (item.sub) w.draw(item.sub, x + 9, cy + 1, inner, subStyle);
  });
  w.y = y + h + 10;
}

/** A shaded box with a coloured left bar holding a title and paragraphs or bullets. */
export function callout(
  w: Writer,
  opts: {
    title?: string;
    paragraphs?: readonly string[];
    bullets?: readonly string[];
    color?: string;
  },
): void {
  const color = opts.color ?? w.palette.accent;
  const inner = w.width - 24;
  const titleStyle: TextStyle = { size: SIZE.body + 0.5, style: "bold", color };
  const bodyStyle: TextStyle = { size: SIZE.body, lineGap: w.bodyGap };
  const blocks: { text: string; style: TextStyle; bullet: boolean }[] = [];
  if (opts.title) blocks.push({ text: opts.title, style: titleStyle, bullet: false });
  for (const p of opts.paragraphs ?? []) blocks.push({ text: p, style: bodyStyle, bullet: false });
  for (const b of opts.bullets ?? []) blocks.push({ text: b, style: bodyStyle, bullet: true });
  if (blocks.length === 0) return;
  const heightOf = (b: (typeof blocks)[number]): number =>
    w.measure(b.text, b.bullet ? inner - 11 : inner, b.style);
  // A box that fits on a page is never split: it moves whole to the next page. Longer callouts are
  // cut into page-sized boxes between blocks, never inside one.
  const whole = blocks.reduce((h, b) => h + heightOf(b) + 5, 15);
  if (whole <= w.bottom - w.top) w.ensure(whole + 6);
  let index = 0;
  while (index < blocks.length) {
    const firstH = heightOf(blocks[index] as (typeof blocks)[number]);
    w.ensure(Math.min(firstH, 60) + 20);
    const y = w.y;
    let h = 10;
    let end = index;
    while (end < blocks.length) {
      const bh = heightOf(blocks[end] as (typeof blocks)[number]) + 5;
      if (y + h + bh + 6 > w.bottom && end > index) break;
      h += bh;
      end++;
    }
    h += 5;
    w.doc.save();
    w.doc.rect(w.left, y, w.width, h).fill(COLOR.zebra);
    w.doc.rect(w.left, y, 3, h).fill(color);
    w.doc.restore();
    let cy = y + 10;
    for (const block of blocks.slice(index, end)) {
      if (block.bullet) {
        w.doc.save();
        w.doc.circle(w.left + 16.5, bulletY(cy, block.style.size), 1.5).fill(color);
        w.doc.restore();
        cy += w.draw(block.text, w.left + 23, cy, inner - 11, block.style) + 5;
      } else {
        cy += w.draw(block.text, w.left + 12, cy, inner, block.style) + 5;
      }
    }
    w.y = y + h + 10;
    index = end;
  }
  w.doc.x = w.left;
}

/** The three findings, each with the weakest answers behind it and what respondents said. */
function drawFindings(w: Writer, report: ReportModel): void {
  const { summary, labels: L } = report;
  const P = w.punct;
  if (summary.findings.length === 0) return;
  w.space(4);
  w.subheading(summary.findingsTitle, { keep: 90 });
  w.paragraph(summary.topGapsSentence, { style: "bold" }, { keep: 40 });
  summary.findings.forEach((f, i) => {
    w.paragraph(`${i + 1}. ${f.sentence}`, { style: "bold" }, { keep: 40 });
    w.bullets(
      f.evidence.flatMap((e) => [
        `${e.text}  ·  ${fmtScore(e.score, L.inconclusive)}${e.reversed ? `${P.open}${L.reverseScored}${P.close}` : ""}`,
        ...e.notes.map((n) => `“${n.text}”  ·  ${n.by}`),
      ]),
    );
  });
}

/** Decisions for the chief executive, then the first steps of the plan. */
export function drawDecisions(w: Writer, report: ReportModel, number: number): void {
  const { decisions: d, labels: L } = report;
  w.sectionHeading(number, d.title);
  w.paragraph(d.intro);
  d.items.forEach((item, i) => {
    callout(w, {
      title: `${i + 1}. ${item.title}`,
      paragraphs: [item.sentence],
      color: w.palette.accent,
    });
  });
  if (d.nextSteps.length === 0) return;
  tableWithLead(
    w,
    [
      { header: L.action, width: 4.6 },
      { header: L.owner, width: 1.6 },
      { header: L.start, width: 1.4 },
    ],
    d.nextSteps.map((s) => [{ text: s.title, bold: true }, s.ownerName, s.start]),
    (keep) => w.subheading(d.nextStepsTitle, { keep }),
  );
}

/** Executive summary: key figures, readiness, largest gaps, top risks, calibration, judgement. */
export function drawSummary(w: Writer, report: ReportModel, number: number): void {
  const { summary, labels: L } = report;
  const o = summary.overall;
  w.sectionHeading(number, summary.title);
  statStrip(w, [
    { label: L.overall, value: fmtScore(o.score, L.inconclusive) },
    { label: L.level, value: fmtLevel(o.level, L.inconclusive), sub: o.levelName ?? undefined },
    {
      label: L.coverage,
      value: fmtPct(o.coverage, L.inconclusive),
      sub: o.confidenceName ?? undefined,
    },
    {
      label: L.readiness,
      value: summary.readiness.verdictName,
      color: VERDICT_COLOR[summary.readiness.verdict],
    },
  ]);
  w.paragraph(o.sentence);
  if (o.levelDescription)
    w.paragraph(o.levelDescription, { color: COLOR.muted, size: SIZE.small + 0.5 });
  w.space(4);
  callout(w, {
    title: `${L.readiness}${w.punct.colon}${summary.readiness.verdictName}`,
    paragraphs: [summary.readiness.sentence],
    bullets: summary.readiness.reasons,
    color: VERDICT_COLOR[summary.readiness.verdict],
  });

  // The findings argue the largest gaps; the table stands in for them only when there are none.
  if (summary.findings.length === 0 && (summary.topGaps.length > 0 || summary.topGapsSentence)) {
    w.space(4);
    tableWithLead(
      w,
      [
        { header: L.dimension, width: 4.2 },
        { header: L.score, width: 0.9, align: "right" },
        { header: L.target, width: 0.9, align: "right" },
        { header: L.gap, width: 0.9, align: "right" },
      ],
      summary.topGaps.map((g) => [
        { text: g.title, bold: true, sub: g.sentence },
        fmtScore(g.score, L.inconclusive),
        fmtLevel(g.target, L.inconclusive),
        { text: g.gap.toFixed(2), bold: true, color: COLOR.gap },
      ]),
      (keep) => w.paragraph(summary.topGapsSentence, { style: "bold" }, { keep }),
    );
  }

  drawFindings(w, report);

  if (summary.topRisks.length > 0 || summary.topRisksSentence) {
    w.space(4);
    tableWithLead(
      w,
      [
        { header: L.risk, width: 5 },
        { header: L.severity, width: 1.2 },
      ],
      summary.topRisks.map((r) => [
        { text: r.title, bold: true },
        { text: r.severityName, chip: SEVERITY_COLOR[r.severity] },
      ]),
      (keep) => w.paragraph(summary.topRisksSentence, { style: "bold" }, { keep }),
    );
  }

  drawCalibration(w, report);
  if (summary.judgement.length > 0) {
    w.space(4);
    callout(w, { paragraphs: summary.judgement, color: w.palette.accent });
  }
}

/** Expectation calibration: each target out of reach, with its realistic date, and the advice. */
export function drawCalibration(w: Writer, report: ReportModel): void {
  const { labels: L } = report;
  const cal = report.summary.calibration;
  tableWithLead(
    w,
    [
      { header: L.dimension, width: 2.1 },
      { header: L.score, width: 0.7, align: "right" },
      { header: L.target, width: 0.7, align: "right" },
      { header: L.monthsNeeded, width: 1.3, align: "right" },
      { header: L.realisticDate, width: 1.5, align: "right" },
      { header: L.expectedAtReassessment, width: 2.4, align: "right" },
    ],
    // The columns say what each row's sentence said, as in Markdown and Word, in one line a row.
    cal.items.map((c) => [
      { text: c.title, bold: true },
      fmtScore(c.score, L.inconclusive),
      fmtLevel(c.target, L.inconclusive),
      c.monthsNeeded === null ? "—" : String(c.monthsNeeded),
      c.realisticDateText,
      fmtScore(c.expectedAtReassessment, L.inconclusive),
    ]),
    (keep) => {
      w.subheading(cal.title, { keep: paragraphHeight(w, cal.sentence) + keep });
      w.paragraph(cal.sentence, {}, { keep });
    },
  );
  if (cal.goals.length > 0) w.bullets(cal.goals.map((g) => g.sentence));
  if (cal.advice) w.paragraph(cal.advice);
}

/** Maturity profile: radar, gap bars and the score table. */
export function drawProfile(w: Writer, report: ReportModel, number: number): void {
  const { profile, labels: L } = report;
  w.sectionHeading(number, profile.title);
  w.paragraph(profile.intro);
  w.space(6);
  // The board's profile shares its page with the table: a slightly smaller radar.
  const board = report.edition === "board";
  drawRadar(w, profile.radar, chartLabels(report), board ? 100 : undefined);
  w.space(8);
  // The board reads the gaps from the radar and the table; the bars repeat them.
  if (!board) {
    drawGapBars(w, profile.gapBars, chartLabels(report));
    w.space(6);
  }
  const rows = [...profile.rows, profile.overall];
  drawTable(
    w,
    [
      // A level ("2 Repeatable") on one line, and most dimension names.
      { header: L.dimension, width: 3.2 },
      { header: L.pillar, width: 1.2 },
      { header: L.weight, width: 0.8, align: "right" },
      { header: L.score, width: 0.8, align: "right" },
      { header: L.level, width: 1.6 },
      { header: L.target, width: 0.8, align: "right" },
      { header: L.gap, width: 0.8, align: "right" },
      { header: L.coverage, width: 1, align: "right" },
      { header: L.confidence, width: 1 },
    ],
    rows.map((r) => [
      r.title,
      r.pillarName ?? "",
      r === profile.overall ? "" : fmtLevel(r.weight, L.inconclusive),
      fmtScore(r.score, L.inconclusive),
      r.level === null ? L.inconclusive : `${r.level} ${r.levelName ?? ""}`.trim(),
      r === profile.overall && r.target === null ? "" : fmtLevel(r.target, L.inconclusive),
      r.gap === null
        ? r === profile.overall
          ? ""
          : L.inconclusive
        : { text: r.gap.toFixed(2), color: r.gap > 0 ? COLOR.gap : COLOR.ink },
      fmtPct(r.coverage, L.inconclusive),
      r.confidenceName ?? L.inconclusive,
    ]),
    { totalRow: true },
  );
}

/** One sub-section per dimension. */
export function drawDimensions(w: Writer, report: ReportModel, number: number): void {
  const { dimensions } = report;
  w.sectionHeading(number, dimensions.title);
  if (dimensions.intro) w.paragraph(dimensions.intro);
  const actions = new Map(report.roadmap.actions.map((a) => [a.id, a]));
  const risks = new Map(
    [...report.risks.items, ...report.risks.others.items].map((r) => [r.id, r]),
  );
  for (const d of dimensions.items) {
    drawDimension(w, report, d, actions, risks);
  }
}

function drawDimension(
  w: Writer,
  report: ReportModel,
  d: DimensionDetail,
  actions: ReadonlyMap<string, ReportModel["roadmap"]["actions"][number]>,
  risks: ReadonlyMap<string, ReportModel["risks"]["items"][number]>,
): void {
  const L = report.labels;
  w.subheading(d.title, { keep: 150, toc: true });
  w.paragraph(
    `${L.pillar}${w.punct.colon}${d.pillarName}   ·   ${L.weight}${w.punct.colon}${fmtLevel(d.weight, L.inconclusive)}`,
    {
      size: SIZE.small,
      color: COLOR.muted,
    },
  );
  statStrip(w, [
    { label: L.score, value: fmtScore(d.score, L.inconclusive) },
    { label: L.level, value: fmtLevel(d.level, L.inconclusive), sub: d.levelName ?? undefined },
    { label: L.target, value: fmtLevel(d.target, L.inconclusive) },
    {
      label: L.gap,
      value: d.gap === null ? L.inconclusive : d.gap.toFixed(2),
      color: d.gap !== null && d.gap > 0 ? COLOR.gap : w.palette.accent,
    },
    {
      label: L.coverage,
      value: fmtPct(d.coverage, L.inconclusive),
      sub: d.confidenceName ?? undefined,
    },
  ]);
  if (d.description) w.paragraph(d.description, { size: SIZE.small + 0.5, color: COLOR.muted });
  w.paragraph(d.summary);
  if (d.cappedBy)
    callout(w, { title: L.cappedBy, paragraphs: [d.cappedBy.sentence], color: COLOR.gap });
  if (d.expectation) w.paragraph(d.expectation.sentence);
  if (d.perceptionGap) {
    w.paragraph(d.perceptionGap.sentence, d.perceptionGap.flagged ? { color: COLOR.gap } : {});
  }

  const briefs = (items: readonly QuestionBrief[]): Cell[][] =>
    items.map((q) => [
      { text: q.text, bold: q.critical, ...(q.reversed ? { sub: L.reverseScored } : {}) },
      q.spread === null
        ? L.inconclusive
        : {
            text: q.spread.toFixed(2),
            bold: q.disagreement,
            color: q.disagreement ? COLOR.gap : COLOR.ink,
          },
      { text: fmtScore(q.score, L.inconclusive), bold: true },
    ]);
  const briefColumns = (title: string) => [
    { header: title, width: 6 },
    { header: L.spread, width: 0.8, align: "right" as const },
    { header: L.score, width: 0.8, align: "right" as const },
  ];
  if (d.strongest.length > 0) {
    w.space(2);
    drawTable(w, briefColumns(L.strongest), briefs(d.strongest));
  }
  if (d.weakest.length > 0) {
    drawTable(w, briefColumns(L.weakest), briefs(d.weakest));
  }
  if (d.notes.length > 0) {
    tableWithLead(
      w,
      [
        { header: L.question, width: 2 },
        { header: L.respondent, width: 1.3 },
        { header: L.note, width: 2.6 },
        { header: L.evidence, width: 1.8 },
      ],
      // The client reads the question and who answered it, never their identifiers.
      d.notes.map((n) => [
        { text: n.questionText, bold: true },
        n.by,
        n.note ?? "",
        n.evidence ?? "",
      ]),
      (keep) => w.minorHeading(L.notesAndEvidence, keep),
    );
  }
  const dimRisks = d.risks.flatMap((id) => {
    const r = risks.get(id);
    return r ? [r] : [];
  });
  if (dimRisks.length > 0) {
    w.minorHeading(L.risk, 30);
    w.bullets(
      dimRisks.map((r) => `${r.title}${w.punct.open}${r.severityName}${w.punct.close}`),
      {},
      COLOR.gap,
    );
  }
  const dimActions = d.actions.flatMap((id) => {
    const a = actions.get(id);
    return a ? [a] : [];
  });
  if (dimActions.length > 0) {
    const items = dimActions.map(
      (a) =>
        `${a.title}${w.punct.open}${a.phaseName} · ${weekSpan(L, a.startWeek, a.endWeek)}${w.punct.close}`,
    );
    // A short list stays whole with its heading: no last action alone atop the next page.
    w.minorHeading(L.actions, Math.min(w.bulletsHeight(items), MAX_KEPT_LIST));
    w.bullets(items);
  }
  w.space(6);
}

/** One group-by column's table: a column per group (its respondents in brackets), a row per dimension. */
function drawGroupScores(
  w: Writer,
  report: ReportModel,
  g: ReportModel["perception"]["byGroup"][number],
): void {
  const { labels: L } = report;
  const P = w.punct;
  tableWithLead(
    w,
    [
      { header: L.dimension, width: 3 },
      ...g.values.map((v) => ({
        header: `${v.name}${P.open}${fmtCount(v.count)}${P.close}`,
        width: 1,
        align: "right" as const,
      })),
    ],
    g.rows.map((row) => [
      row.dimension === "overall" ? { text: row.title, bold: true } : row.title,
      ...row.scores.map((s) => fmtScore(s, L.inconclusive)),
    ]),
    (keep) => {
      w.subheading(g.title, { keep: paragraphHeight(w, g.intro) + keep });
      w.paragraph(g.intro);
    },
  );
  if (g.more) w.paragraph(g.more);
}

/** Perception gaps between roles and questions the respondents disagree on. */
export function drawPerception(w: Writer, report: ReportModel, number: number): void {
  const { perception: p, labels: L } = report;
  w.sectionHeading(number, p.title);
  w.paragraph(p.intro);
  if (!p.applicable) return;
  if (p.byRole.roles.length > 0 && p.byRole.rows.length > 0) {
    // Titled, as in Word and Markdown, so the group tables and gaps below read as their own.
    tableWithLead(
      w,
      [
        { header: L.dimension, width: 3 },
        // Each role's respondents in brackets, as in Word, Markdown and the group tables below.
        ...p.byRole.roles.map((r) => ({
          header: `${r.name}${w.punct.open}${fmtCount(r.count)}${w.punct.close}`,
          width: 1,
          align: "right" as const,
        })),
      ],
      p.byRole.rows.map((row) => [
        row.title,
        ...row.scores.map((s) => fmtScore(s, L.inconclusive)),
      ]),
      (keep) => w.subheading(L.scoresByRole, { keep }),
    );
  }
  for (const g of p.byGroup) drawGroupScores(w, report, g);
  if (p.gaps.length > 0) {
    tableWithLead(
      w,
      [
        { header: L.dimension, width: 4 },
        { header: L.executive, width: 1, align: "right" },
        { header: L.frontline, width: 1, align: "right" },
        // Not L.gap, the distance to the target everywhere else in the report.
        { header: L.perceptionGap, width: 1.2, align: "right" },
      ],
      // The row's own columns give the figures: no sentence under the title repeating them.
      p.gaps.map((g) => [
        { text: g.title, bold: true },
        g.executive.toFixed(2),
        g.frontline.toFixed(2),
        { text: g.gap.toFixed(2), bold: true, color: COLOR.gap },
      ]),
      (keep) => w.subheading(L.perceptionGaps, { keep }),
    );
  }
  // One column definition for both tables, shared with Word and Markdown; the spread stands out.
  const columns = (items: typeof p.disagreements) =>
    spreadColumns(L, surveySized(items)).map(({ header, width, numeric }) => ({
      header,
      width,
      ...(numeric ? { align: "right" as const } : {}),
    }));
  const rows = (items: typeof p.disagreements): Cell[][] =>
    items.map((d) => {
      const [dimension, question, lowest, highest, spread] = spreadCells(
        d,
        L.inconclusive,
        surveySized(items),
      );
      return [dimension, question, lowest, highest, { ...spread, color: COLOR.gap }];
    });
  if (p.disagreements.length > 0) {
    w.space(6);
    // Titled, as in Word and Markdown: without it the table read as part of the gaps above.
    tableWithLead(
      w,
      columns(p.disagreements),
      rows(p.disagreements),
      (keep) => w.subheading(L.disagreements, { keep }),
      closingRows(p.factConflicts.items.length === 0 && !p.disagreementsMore),
    );
    if (p.disagreementsMore) w.paragraph(p.disagreementsMore);
  }
  if (p.factConflicts.items.length > 0) {
    w.space(6);
    w.subheading(L.factConflicts, { keep: 40 });
    w.paragraph(p.factConflicts.intro);
    drawTable(
      w,
      columns(p.factConflicts.items),
      rows(p.factConflicts.items),
      closingRows(!p.factConflicts.more),
    );
    if (p.factConflicts.more) w.paragraph(p.factConflicts.more);
  }
}

/**
 * A table that closes its section: its last rows go to the next page together (a point of
 * `keepWithNext` is enough to keep them), so no row stands alone on the section's last page —
 * as a survey's long lists of disagreements did once a group table moved them down.
 */
function closingRows(closes: boolean): TableOptions {
  return closes ? { keepWithNext: 1 } : {};
}

/** The risk register. */
export function drawRisks(w: Writer, report: ReportModel, number: number): void {
  const { risks, labels: L } = report;
  w.sectionHeading(number, risks.title);
  w.paragraph(risks.intro);
  if (risks.items.length === 0) return;
  const names = new Map(
    [...risks.items, ...risks.others.items].map((r) => [r.severity, r.severityName]),
  );
  const present = (["high", "medium", "low"] as const).filter((s) => names.has(s));
  if (present.length > 0) {
    statStrip(
      w,
      present.map((s) => ({
        label: names.get(s) ?? s,
        value: String(risks.counts[s]),
        color: SEVERITY_COLOR[s],
      })),
    );
  }
  const actions = new Map(report.roadmap.actions.map((a) => [a.id, a]));
  // The board's risks carry no reasoning (title and dimension only): the mitigation gets the room.
  const board = report.edition === "board";
  drawTable(
    w,
    [
      { header: L.risk, width: board ? 2.6 : 3.3 },
      { header: L.severity, width: board ? 0.8 : 1 },
      { header: L.mitigation, width: board ? 4.6 : 3.2 },
    ],
    risks.items.map((r) => {
      const why = [
        r.description ?? "",
        ...r.because.map((b) => `${L.because}${w.punct.colon}${b}`),
      ].filter((t) => t !== "");
      const mitigatedBy = r.mitigatedBy.map((id) => actions.get(id)?.title ?? id);
      const dimension = r.dimensionTitle ? `${L.dimension}${w.punct.colon}${r.dimensionTitle}` : "";
      return [
        { text: r.title, bold: true, sub: [dimension, ...why].filter((t) => t !== "").join("\n") },
        { text: r.severityName, chip: SEVERITY_COLOR[r.severity] },
        {
          text: r.mitigation ?? L.none,
          sub:
            mitigatedBy.length > 0
              ? `${L.actions}${w.punct.colon}${mitigatedBy.join(w.punct.list)}`
              : "",
        },
      ];
    }),
  );
  const others = risks.others;
  if (others.items.length === 0) return;
  tableWithLead(
    w,
    [
      { header: L.risk, width: 3.3 },
      { header: L.severity, width: 1 },
      { header: L.roadmapActions, width: 3.2 },
    ],
    others.items.map((r) => [
      { text: r.title, bold: true, sub: r.dimensionTitle ?? "" },
      { text: r.severityName, chip: SEVERITY_COLOR[r.severity] },
      r.mitigatedBy.map((id) => actions.get(id)?.title ?? id).join(w.punct.list) || L.none,
    ]),
    (keep) => {
      w.subheading(others.title, { keep: paragraphHeight(w, others.intro) + keep });
      w.paragraph(others.intro, {}, { keep });
    },
  );
}
