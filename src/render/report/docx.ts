import type { FileChild } from "docx";
import type { BrandView } from "../../core/models/brand.js";
import { surveySized } from "../../core/models/results-facts.js";
import { fillPlaceholders } from "../../core/text/placeholders.js";
import { fmtCount } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import type { ReportModel, SectionId } from "../../views/report/model.js";
import type { ChartFontOptions } from "../charts/png.js";
import {
  gapBarsSvg,
  radarSvg,
  WIDTH as SVG_WIDTH,
  type SvgChartLabels,
  timelineSvgParts,
} from "../charts/svg.js";
import { type Blocks, type Cell, chartPartHeight, makeBlocks } from "../docx/blocks.js";
import { writeDocx } from "../docx/document.js";
import { STYLE } from "../docx/styles.js";
import {
  fmtPct,
  fmtScore,
  kpiGroups,
  punctuationFor,
  reliabilityCells,
  reliabilityGroupCells,
  spreadCells,
  spreadColumns,
  weekSpan,
} from "../pdf/text.js";
import { type Palette, paletteOf, SEVERITY_COLOR } from "../pdf/theme.js";

/**
 * The report (or roadmap) as a Word document: the model's sections in its order (an edition is
 * just another list of sections), each a Heading 1 numbered as in the other formats, tables as
 * Word tables, the charts as pictures. Says what the Markdown templates say; lays out only.
 */
export async function renderDocx(
  report: ReportModel,
  brand?: BrandView,
  /** The PDF's font settings, which the charts' PNG fallbacks draw their text with. */
  fonts: ChartFontOptions = {},
): Promise<Uint8Array> {
  const ctx = context(report, paletteOf(brand), { ...fonts, brandFontPath: brand?.pdfFont });
  const body: FileChild[] = [];
  const entries: { title: string; level: number }[] = [];
  const hasCover = report.sections.includes("cover");
  const board = report.edition === "board";
  let number = 0;
  for (const id of report.sections) {
    if (id === "cover") continue;
    number++;
    const heading = `${number}. ${report[id].title}`;
    entries.push({ title: heading, level: 1 });
    // The board edition runs on without forced breaks; only the cover stands on its own page.
    body.push(ctx.b.heading(1, heading, board && number === 1 && hasCover ? true : undefined));
    body.push(...(await SECTIONS[id](ctx, number)));
  }
  return writeDocx({
    lang: report.lang,
    title: report.meta.title,
    subject: report.meta.client.name,
    creator: report.meta.assessor,
    keywords: `${report.meta.questionnaire.id} ${report.meta.questionnaire.version}`,
    date: report.meta.date,
    header: report.meta.header,
    footer: report.meta.footer,
    pageNumber: report.meta.pageNumber,
    cover: hasCover ? cover(ctx, !brand?.confidentiality) : [],
    // Like the PDF, the board edition has no contents page.
    contents:
      hasCover && entries.length >= 3 && !board ? { title: report.labels.contents, entries } : null,
    body,
    brand,
  });
}

interface Ctx {
  r: ReportModel;
  b: Blocks;
  L: ReportModel["labels"];
  colon: string;
  /** A sentence's full stop, after a decision's title as the Markdown has it. */
  stop: string;
  sep: string;
  paren: (text: string) => string;
  charts: SvgChartLabels;
  /** Chart colours: the neutral palette unless a brand sets its own. */
  palette: Palette;
  span: (from: number, to: number) => string;
  week: (n: number) => string;
}

function context(r: ReportModel, palette: Palette, fonts: ChartFontOptions): Ctx {
  const L = r.labels;
  const p = punctuationFor(r.lang);
  const week = (n: number) => fillPlaceholders(L.weekPattern, { week: n });
  return {
    r,
    b: makeBlocks(r.lang, { sectionsOnNewPage: r.edition !== "board", fonts }),
    L,
    colon: p.colon,
    stop: p.stop,
    sep: p.list,
    paren: (text) => `${p.open}${text}${p.close}`,
    charts: {
      inconclusive: L.inconclusive,
      current: L.current,
      target: L.target,
      gap: L.gap,
      weeks: L.weeks,
    },
    week,
    palette,
    span: (from, to) => (to <= from ? "—" : weekSpan(L, from, to)),
  };
}

const dash = (v: number | null): string => (v === null ? "—" : v.toFixed(2));
const num = (v: number | null): string => (v === null ? "—" : String(v));
/** A cell kept on one line (a week span, a date): "Weeks 11–" / "15" reads badly. */
const whole = (text: string): Cell => ({ text, nowrap: true });
const or = (v: string | null | undefined): string =>
  v === null || v === undefined || v === "" ? "—" : v;

/** The cover's blocks; a firm's own confidentiality notice, added below them, replaces the report's. */
function cover({ r, b, colon }: Ctx, ownNotice: boolean): FileChild[] {
  return [
    b.paragraph(r.cover.title, { style: STYLE.title }),
    b.paragraph(r.cover.subtitle, { style: STYLE.subtitle }),
    ...r.cover.fields.map((f) => b.labelled([[f.label, f.value]], colon)),
    b.paragraph(""),
    ...(ownNotice ? [b.paragraph(r.cover.notice, { style: STYLE.small })] : []),
  ];
}

type SectionRenderer = (ctx: Ctx, n: number) => FileChild[] | Promise<FileChild[]>;

const SECTIONS: Record<Exclude<SectionId, "cover">, SectionRenderer> = {
  summary,
  profile,
  dimensions,
  perception,
  risks,
  roadmap,
  kpis,
  decisions,
  appendix,
};

function summary(ctx: Ctx): FileChild[] {
  const { r, b, L, colon } = ctx;
  const s = r.summary;
  const out: FileChild[] = [b.paragraph(s.overall.sentence)];
  if (s.overall.levelDescription)
    out.push(b.paragraph(s.overall.levelDescription, { style: STYLE.quote }));
  out.push(b.heading(2, `${L.readiness}${colon}${s.readiness.verdictName}`));
  out.push(b.paragraph(s.readiness.sentence), ...b.bullets(s.readiness.reasons));
  if (s.findings.length > 0) {
    // Each finding argued from the client's own answers: the weakest questions, what was said.
    out.push(b.heading(2, s.findingsTitle), b.paragraph(s.topGapsSentence));
    s.findings.forEach((f, i) => {
      out.push(b.paragraph(`${i + 1}. ${f.sentence}`, { bold: true }));
      for (const e of f.evidence) {
        const reversed = e.reversed ? ctx.paren(L.reverseScored) : "";
        out.push(...b.bullets([`${e.text} · ${fmtScore(e.score, L.inconclusive)}${reversed}`]));
        out.push(
          ...b.bullets(
            e.notes.map((n) => `“${n.text}” · ${n.by}`),
            1,
          ),
        );
      }
    });
  } else {
    out.push(b.heading(2, L.topGaps), b.paragraph(s.topGapsSentence));
    out.push(...b.numbered(s.topGaps.map((g) => g.sentence)));
  }
  out.push(b.heading(2, L.topRisks), b.paragraph(s.topRisksSentence));
  out.push(...b.bullets(s.topRisks.map((risk) => `${risk.severityName} · ${risk.title}`)));
  out.push(...calibration(ctx));
  if (s.judgement.length > 0) {
    out.push(b.heading(2, s.judgementTitle), ...s.judgement.map((j) => b.paragraph(j)));
  }
  return out;
}

function calibration({ r, b, L }: Ctx): FileChild[] {
  const c = r.summary.calibration;
  const out: FileChild[] = [b.heading(2, c.title), b.paragraph(c.sentence, { keepNext: true })];
  if (c.items.length > 0) {
    out.push(
      ...b.table(
        [
          { header: L.dimension, width: 2.6 },
          { header: L.score, width: 0.9, numeric: true },
          { header: L.target, width: 0.9, numeric: true },
          { header: L.monthsNeeded, width: 1.2, numeric: true },
          { header: L.realisticDate, width: 1.6, numeric: true },
          { header: L.expectedAtReassessment, width: 2, numeric: true },
        ],
        c.items.map((i) => [
          i.title,
          fmtScore(i.score, L.inconclusive),
          num(i.target),
          i.monthsNeeded === null ? "—" : String(i.monthsNeeded),
          whole(i.realisticDateText),
          fmtScore(i.expectedAtReassessment, L.inconclusive),
        ]),
      ),
    );
  }
  // The client's stated goals, each set against its capability, as in the PDF and Markdown.
  if (c.goals.length > 0) out.push(...b.bullets(c.goals.map((g) => g.sentence)));
  out.push(b.paragraph(c.advice));
  return out;
}

async function profile(ctx: Ctx): Promise<FileChild[]> {
  const { r, b, L } = ctx;
  const p = r.profile;
  const row = (x: typeof p.overall, total: boolean): Cell[] => {
    const cell = (text: string): Cell => (total ? { text, bold: true } : text);
    return [
      cell(x.title),
      total ? "" : or(x.pillarName),
      num(x.weight),
      cell(fmtScore(x.score, L.inconclusive)),
      // A level ("2 · Repeatable") stays on one line: its column is made wide enough.
      {
        text: x.level === null ? L.inconclusive : `${x.level} · ${x.levelName ?? ""}`,
        bold: total,
        nowrap: true,
      },
      total ? "" : num(x.target),
      total ? "" : dash(x.gap),
      fmtPct(x.coverage, "—"),
      or(x.confidenceName),
    ];
  };
  // As in the PDF: the radar and the gap bars share the section's first page and the table
  // follows them. After the table, the bars found no room and stood alone on a page of their own.
  // The board edition keeps the radar and the table: it reads the gaps from them.
  return [
    b.paragraph(p.intro),
    ...(await b.chart(radarSvg(p.radar, ctx.charts, undefined, ctx.palette), p.radar.title)),
    ...(ctx.r.edition === "board"
      ? []
      : await b.chart(gapBarsSvg(p.gapBars, ctx.charts, ctx.palette), p.gapBars.title)),
    ...b.table(
      [
        { header: L.dimension, width: 3 },
        { header: L.pillar, width: 1.5 },
        { header: L.weight, width: 1, numeric: true },
        { header: L.score, width: 1, numeric: true },
        { header: L.level, width: 2 },
        { header: L.target, width: 1, numeric: true },
        { header: L.gap, width: 1, numeric: true },
        { header: L.coverage, width: 1.2, numeric: true },
        { header: L.confidence, width: 1.3 },
      ],
      [...p.rows.map((x) => row(x, false)), row(p.overall, true)],
    ),
  ];
}

function dimensions(ctx: Ctx, n: number): FileChild[] {
  const { r, b, L, colon, sep, paren } = ctx;
  const actionTitle = new Map(r.roadmap.actions.map((a) => [a.id, a.title]));
  const riskTitle = new Map(
    [...r.risks.items, ...r.risks.others.items].map((x) => [x.id, x.title]),
  );
  const out: FileChild[] = [b.paragraph(r.dimensions.intro)];
  r.dimensions.items.forEach((d, i) => {
    out.push(b.heading(2, `${n}.${i + 1} ${d.title}`));
    out.push(
      ...b.table(
        [
          { header: L.score, width: 1, numeric: true },
          { header: L.level, width: 1.8 },
          { header: L.target, width: 1, numeric: true },
          { header: L.gap, width: 1, numeric: true },
          { header: L.coverage, width: 1.1, numeric: true },
          { header: L.confidence, width: 1.6 },
          { header: L.pillar, width: 1.3 },
          { header: L.weight, width: 1, numeric: true },
        ],
        [
          [
            fmtScore(d.score, L.inconclusive),
            whole(d.level === null ? L.inconclusive : `${d.level} · ${d.levelName ?? ""}`),
            num(d.target),
            dash(d.gap),
            fmtPct(d.coverage, "—"),
            or(d.confidenceName),
            d.pillarName,
            num(d.weight),
          ],
        ],
      ),
    );
    out.push(b.paragraph(d.summary));
    for (const sentence of [
      d.cappedBy?.sentence,
      d.expectation?.sentence,
      d.perceptionGap?.sentence,
    ])
      if (sentence) out.push(b.paragraph(sentence));
    const briefs = (label: string, list: typeof d.strongest) => {
      if (list.length === 0) return;
      out.push(b.heading(3, label));
      out.push(
        ...b.bullets(
          list.map(
            (q) =>
              `${fmtScore(q.score, L.inconclusive)} · ${q.text}${q.reversed ? paren(L.reverseScored) : ""}`,
          ),
        ),
      );
    };
    briefs(L.strongest, d.strongest);
    briefs(L.weakest, d.weakest);
    if (d.notes.length > 0) {
      out.push(b.heading(3, L.notesAndEvidence));
      out.push(
        ...b.table(
          [
            { header: L.question, width: 3 },
            { header: L.respondent, width: 2 },
            { header: L.note, width: 3 },
            { header: L.evidence, width: 3 },
          ],
          // The client reads the question and who answered it, never their identifiers.
          d.notes.map((note) => [note.questionText, note.by, or(note.note), or(note.evidence)]),
        ),
      );
    }
    const refs: [string, string][] = [];
    if (d.risks.length > 0)
      refs.push([L.triggeredRisks, d.risks.map((id) => riskTitle.get(id) ?? id).join(sep)]);
    if (d.actions.length > 0)
      refs.push([L.roadmapActions, d.actions.map((id) => actionTitle.get(id) ?? id).join(sep)]);
    for (const ref of refs) out.push(b.labelled([ref], colon));
  });
  return out;
}

function perception({ r, b, L, paren }: Ctx): FileChild[] {
  const p = r.perception;
  const out: FileChild[] = [b.paragraph(p.intro), b.heading(2, L.scoresByRole)];
  out.push(
    ...b.table(
      [
        { header: L.dimension, width: 3 },
        ...p.byRole.roles.map((role) => ({
          header: `${role.name}${paren(fmtCount(role.count))}`,
          width: 1.3,
          numeric: true,
        })),
      ],
      p.byRole.rows.map((row) => [row.title, ...row.scores.map(dash)]),
    ),
  );
  for (const g of p.byGroup) {
    out.push(
      b.heading(2, g.title),
      b.paragraph(g.intro),
      ...b.table(
        [
          { header: L.dimension, width: 3 },
          ...g.values.map((v) => ({
            header: `${v.name}${paren(fmtCount(v.count))}`,
            width: 1.3,
            numeric: true,
          })),
        ],
        g.rows.map((row) => [row.title, ...row.scores.map(dash)]),
      ),
      ...(g.more ? [b.paragraph(g.more)] : []),
    );
  }
  if (p.gapsMeasured) {
    out.push(b.heading(2, L.perceptionGaps));
    if (p.gaps.length > 0) out.push(...b.bullets(p.gaps.map((g) => g.sentence)));
    else out.push(b.paragraph(L.none));
  }
  // One column definition for both tables, shared with the PDF and Markdown.
  const disagreementsSurvey = surveySized(p.disagreements);
  out.push(b.heading(2, L.disagreements));
  if (p.disagreements.length > 0)
    out.push(
      ...b.table(
        spreadColumns(L, disagreementsSurvey),
        p.disagreements.map((d) => spreadCells(d, L.inconclusive, disagreementsSurvey)),
      ),
      ...(p.disagreementsMore ? [b.paragraph(p.disagreementsMore)] : []),
    );
  else out.push(b.paragraph(L.none));
  const factsSurvey = surveySized(p.factConflicts.items);
  if (p.factConflicts.items.length > 0)
    out.push(
      b.heading(2, L.factConflicts),
      b.paragraph(p.factConflicts.intro),
      ...b.table(
        spreadColumns(L, factsSurvey),
        p.factConflicts.items.map((d) => spreadCells(d, L.inconclusive, factsSurvey)),
      ),
      ...(p.factConflicts.more ? [b.paragraph(p.factConflicts.more)] : []),
    );
  return out;
}

function risks({ r, b, L, colon, sep, paren }: Ctx, n: number): FileChild[] {
  const items = r.risks.items;
  const out: FileChild[] = [b.paragraph(r.risks.intro, { keepNext: true })];
  if (items.length === 0) return out;
  const actionTitle = new Map(r.roadmap.actions.map((a) => [a.id, a.title]));
  const actionsOf = (x: (typeof items)[number]) =>
    or(x.mitigatedBy.map((id) => actionTitle.get(id) ?? id).join(sep));
  // The board's risks carry no reasoning: one table, each risk with what is done about it, as
  // in the PDF (a sub-section each repeated the table and left "Triggered because" empty).
  if (r.edition === "board")
    return [
      ...out,
      ...b.table(
        [
          { header: L.severity, width: 0.9 },
          { header: L.risk, width: 2.4 },
          { header: L.mitigation, width: 4.6 },
          { header: L.roadmapActions, width: 2.6 },
        ],
        items.map((x) => [
          { text: x.severityName, bold: true, color: SEVERITY_COLOR[x.severity] },
          { text: `${x.title}${x.dimensionTitle ? paren(x.dimensionTitle) : ""}`, bold: true },
          or(x.mitigation),
          actionsOf(x),
        ]),
      ),
    ];
  out.push(
    ...b.table(
      [
        { header: "#", width: 0.5, numeric: true },
        { header: L.severity, width: 1.2 },
        { header: L.risk, width: 5 },
        { header: L.dimension, width: 2.5 },
      ],
      items.map((x, i) => [
        String(i + 1),
        { text: x.severityName, bold: true, color: SEVERITY_COLOR[x.severity] },
        x.title,
        or(x.dimensionTitle),
      ]),
    ),
  );
  items.forEach((x, i) => {
    out.push(b.heading(2, `${n}.${i + 1} ${x.title}`));
    const facts: [string, string][] = [[L.severity, x.severityName]];
    if (x.dimensionTitle) facts.push([L.dimension, x.dimensionTitle]);
    out.push(b.labelled(facts, colon));
    if (x.description) out.push(b.paragraph(x.description));
    // The board edition leaves the evidence to the full edition: no label without its list.
    if (x.because.length > 0)
      out.push(
        b.paragraph(`${L.because}${colon}`, { bold: true, keepNext: true }),
        ...b.bullets(x.because),
      );
    out.push(b.labelled([[L.mitigation, or(x.mitigation)]], colon));
    if (x.mitigatedBy.length > 0)
      out.push(
        b.labelled(
          [[L.roadmapActions, x.mitigatedBy.map((id) => actionTitle.get(id) ?? id).join(sep)]],
          colon,
        ),
      );
  });
  const others = r.risks.others;
  if (others.items.length > 0)
    out.push(
      b.heading(2, others.title),
      b.paragraph(others.intro, { keepNext: true }),
      ...b.table(
        [
          { header: L.risk, width: 3.6 },
          { header: L.severity, width: 1.2 },
          { header: L.dimension, width: 2 },
          { header: L.roadmapActions, width: 3.4 },
        ],
        others.items.map((x) => [
          x.title,
          { text: x.severityName, bold: true, color: SEVERITY_COLOR[x.severity] },
          or(x.dimensionTitle),
          actionsOf(x),
        ]),
      ),
    );
  return out;
}

/** One phase of the roadmap: its actions table, effort, KPIs, exit criteria and each action's detail. */
function roadmapPhase(
  ctx: Ctx,
  number: string,
  phase: Ctx["r"]["roadmap"]["phases"][number],
  actionTitle: Map<string, string>,
): FileChild[] {
  const { r, b, L, colon, sep, paren } = ctx;
  const m = r.roadmap;
  const actions = phase.actions.flatMap((id) => m.actions.filter((a) => a.id === id));
  const out: FileChild[] = [b.heading(2, `${number} ${phase.name}`), b.paragraph(phase.goal)];
  if (actions.length > 0) {
    out.push(
      ...b.table(
        // Six columns, as the PDF keeps it: with the dimension and who takes part as well, eight
        // columns left each a word a line and an action's row a third of a page. Both are in
        // the action's detail below.
        [
          { header: "#", width: 0.4, numeric: true },
          { header: L.action, width: 3.4 },
          { header: L.owner, width: 1.7 },
          { header: L.schedule, width: 1.3 },
          { header: `${L.effort}${paren(L.effortUnit)}`, width: 1.1, numeric: true },
          { header: L.dependsOn, width: 2.6 },
        ],
        actions.map((a, i) => [
          String(i + 1),
          a.title,
          a.ownerName,
          whole(ctx.span(a.startWeek, a.endWeek)),
          a.effort?.range ?? "—",
          or(a.dependsOn.map((id) => actionTitle.get(id) ?? id).join(ctx.sep)),
        ]),
      ),
    );
    out.push(
      b.labelled(
        [
          phase.effort
            ? [L.effort, phase.effort.text]
            : [L.owners, phase.owners.map((o) => `${o.name}${paren(String(o.count))}`).join(sep)],
        ],
        colon,
      ),
    );
    if (phase.kpis.length > 0)
      out.push(
        b.paragraph(`${L.kpis}${colon}`, { bold: true, keepNext: true }),
        ...b.bullets(phase.kpis),
      );
  }
  out.push(
    b.paragraph(`${L.exitCriteria}${colon}`, { bold: true, keepNext: true }),
    ...b.bullets(phase.exitCriteria),
  );
  if (actions.length > 0) {
    out.push(b.heading(3, `${L.actionDetails}${colon}${phase.name}`));
    actions.forEach((a, i) => {
      out.push(
        b.paragraph(
          `${i + 1}. ${a.title} · ${a.dimensionTitle} · ${a.pillarName} · ${a.ownerName} · ${a.weeks} ${L.weeksUnit}${a.effort ? ` · ${a.effort.text}` : ""}`,
          { bold: true },
        ),
        // Who takes part (RACI), worded: "Accountable: Executive; Consulted: …".
        ...(a.raci.text ? [b.paragraph(a.raci.text)] : []),
        b.paragraph(a.reasonText),
        ...b.bullets(a.steps),
      );
      if (a.kpis.length > 0) out.push(b.labelled([[L.kpis, a.kpis.join(sep)]], colon));
    });
  }
  return out;
}

async function roadmap(ctx: Ctx, n: number): Promise<FileChild[]> {
  const { r, b, L, colon, paren } = ctx;
  const m = r.roadmap;
  const out: FileChild[] = [
    b.paragraph(m.gloss),
    ...(m.detail ? m.intro.map((p) => b.paragraph(p)) : []),
    b.paragraph(m.strategySentence),
  ];
  if (m.calibration) out.push(b.paragraph(m.calibration));
  if (r.kind === "roadmap") out.push(...calibration(ctx));
  if (m.empty) out.push(b.paragraph(m.empty));
  else {
    out.push(b.heading(2, L.timeline));
    out.push(
      // A picture per part no taller than half a page, at full size so the names stay legible:
      // the timeline flows after the section's opening and across pages by rows.
      ...(await b.chart(
        timelineSvgParts(m.timeline, ctx.charts, ctx.palette, chartPartHeight(SVG_WIDTH)),
        m.timeline.title,
      )),
    );
    out.push(
      ...b.table(
        [
          { header: L.phase, width: 2 },
          { header: L.schedule, width: 1.6 },
          { header: L.start, width: 1.4 },
          { header: L.end, width: 1.4 },
          { header: L.actions, width: 1, numeric: true },
          { header: `${L.effort}${paren(L.effortUnit)}`, width: 1.4, numeric: true },
        ],
        [
          // A phase with no action inside the horizon starts in the next cycle: no dates.
          ...m.phases.map((p): Cell[] => [
            p.name,
            ...(p.actions.length > 0
              ? [
                  whole(ctx.span(p.startWeek, p.endWeek)),
                  whole(p.startDateText),
                  whole(p.endDateText),
                ]
              : [L.nextCycle, "", ""]),
            String(p.actions.length),
            p.effort?.range ?? "—",
          ]),
          [
            m.milestone.label,
            whole(ctx.week(m.milestone.week + 1)),
            whole(m.milestone.dateText),
            "",
            "",
            "",
          ],
        ],
      ),
    );
    if (m.detail && m.firstNinetyDays.actions.length > 0) {
      const first = m.firstNinetyDays.actions.flatMap((id) => m.actions.filter((a) => a.id === id));
      out.push(
        b.heading(2, m.firstNinetyDays.title),
        b.paragraph(m.firstNinetyDays.sentence),
        ...b.bullets(
          // "Weeks 1–4" on one line: a no-break space keeps "Weeks" from ending a line alone.
          first.map(
            (a) =>
              `${a.title} · ${a.ownerName} · ${ctx.span(a.startWeek, a.endWeek).replace(/ /g, "\u00a0")}`,
          ),
        ),
      );
    }
    if (m.gate) out.push(b.labelled([[m.gate.label, m.gate.sentence]], colon));
    if (m.effort && m.detail) out.push(b.paragraph(m.effort.text));
    // The board edition stops here, as the PDF does: the phases' detail is in the full edition,
    // the first phase's effort in the first decision.
    if (!m.detail) {
      out.push(b.labelled([[m.milestone.label, m.milestone.sentence]], colon));
      return out;
    }
    const actionTitle = new Map(m.actions.map((a) => [a.id, a.title]));
    m.phases.forEach((phase, k) => {
      out.push(...roadmapPhase(ctx, `${n}.${k + 1}`, phase, actionTitle));
    });
  }
  if (!m.empty && m.backlog.items.length > 0) {
    out.push(
      b.heading(2, m.backlog.title),
      b.paragraph(m.backlog.intro, { keepNext: true }),
      ...b.table(
        [
          { header: L.action, width: 4 },
          { header: L.phase, width: 1.4 },
          { header: L.owner, width: 1.6 },
          { header: L.reason, width: 3 },
        ],
        m.backlog.items.map((x) => [x.title, x.phaseName, x.ownerName, x.reason]),
      ),
    );
  }
  out.push(
    b.heading(2, m.milestone.label),
    b.paragraph(m.milestone.sentence),
    b.paragraph(m.cycle),
  );
  return out;
}

function kpis({ r, b, L, colon }: Ctx): FileChild[] {
  const k = r.kpis;
  const out: FileChild[] = [b.paragraph(k.intro)];
  if (k.principles.length > 0)
    out.push(
      b.paragraph(`${L.principles}${colon}`, { bold: true, keepNext: true }),
      ...b.bullets(k.principles),
    );
  if (k.scorecard.length > 0)
    out.push(
      b.heading(2, k.scorecardTitle),
      ...b.table(
        [
          // As in the PDF: the target ("agreed with the baseline; met by …") is the longest cell.
          { header: L.kpi, width: 2.8 },
          { header: L.owner, width: 1.2 },
          { header: L.baseline, width: 1.8 },
          { header: L.target, width: 2.8 },
          { header: L.frequency, width: 1.6 },
        ],
        k.scorecard.map((row) => [row.kpi, row.ownerName, row.baseline, row.target, row.cadence]),
      ),
    );
  if (k.rows.length === 0) return out;
  out.push(b.heading(2, k.rowsTitle));
  // As in the PDF: grouped as the plan runs, each group's date said once under its title.
  for (const group of kpiGroups(r)) {
    out.push(
      b.heading(3, group.title),
      b.paragraph(group.dueLine, { keepNext: true }),
      ...b.table(
        [
          { header: L.kpi, width: 3 },
          { header: L.measure, width: 4 },
          { header: L.frequency, width: 1.6 },
          { header: L.owner, width: 1.6 },
        ],
        group.rows.map((row) => [row.kpi, row.measure, row.frequency, or(row.ownerName)]),
      ),
    );
  }
  return out;
}

function decisions({ r, b, L, stop }: Ctx): FileChild[] {
  const d = r.decisions;
  const out: FileChild[] = [b.paragraph(d.intro)];
  // No space after a Chinese full stop: the sentences join as the report language joins them.
  const join = messagesFor(r.lang).report.sentenceJoin;
  out.push(...b.numbered(d.items.map((item) => `${item.title}${stop}${join}${item.sentence}`)));
  if (d.nextSteps.length > 0) {
    out.push(
      b.heading(2, d.nextStepsTitle),
      ...b.table(
        [
          { header: L.action, width: 5 },
          { header: L.owner, width: 2 },
          { header: L.start, width: 1.6 },
        ],
        d.nextSteps.map((step) => [step.title, step.ownerName, whole(step.start)]),
      ),
    );
  }
  return out;
}

function appendix({ r, b, L, paren }: Ctx): FileChild[] {
  const a = r.appendix;
  const out: FileChild[] = [
    b.heading(2, a.method.title),
    ...a.method.paragraphs.map((p) => b.paragraph(p)),
  ];
  out.push(
    b.heading(2, a.scale.title),
    ...b.table(
      [
        { header: L.level, width: 0.8, numeric: true },
        { header: L.levelName, width: 1.6 },
        { header: L.description, width: 7 },
      ],
      a.scale.levels.map((l) => [String(l.level), l.name, l.description]),
    ),
  );
  out.push(
    b.heading(2, a.coverage.title),
    b.paragraph(a.coverage.intro, { keepNext: true }),
    ...b.table(
      [
        { header: L.dimension, width: 3 },
        { header: L.answeredWeight, width: 1.5, numeric: true },
        { header: L.applicableWeight, width: 1.5, numeric: true },
        { header: L.coverage, width: 1.2, numeric: true },
        { header: L.confidence, width: 1.3 },
      ],
      [
        ...a.coverage.rows.map((row) => [
          row.title,
          num(row.answeredWeight),
          num(row.applicableWeight),
          fmtPct(row.coverage, "—"),
          or(row.confidenceName),
        ]),
        [
          { text: L.overall, bold: true },
          "",
          "",
          { text: fmtPct(a.coverage.overall.coverage, "—"), bold: true },
          or(a.coverage.overall.confidenceName),
        ],
      ],
    ),
  );
  if (a.reliability) out.push(...reliability(b, a.reliability));
  out.push(
    b.heading(2, a.respondents.title),
    // A survey's respondents are a sentence, not a table (an anonymized report keeps the table).
    ...(a.respondents.items.length > 0 || !a.respondents.more
      ? b.table(
          [
            { header: L.id, width: 1.5 },
            { header: L.respondent, width: 3 },
            { header: L.role, width: 2 },
          ],
          a.respondents.items.map((x) => [x.id, or(x.name), x.roleName]),
        )
      : []),
    ...(a.respondents.more ? [b.paragraph(a.respondents.more)] : []),
  );
  out.push(b.heading(2, a.answers.title), b.paragraph(a.answers.note));
  if (a.answers.included) {
    for (const d of a.answers.dimensions) {
      out.push(b.heading(3, d.title));
      out.push(
        ...b.table(
          [
            { header: L.question, width: 3.5 },
            { header: L.respondent, width: 2 },
            { header: L.answer, width: 1.2 },
            { header: L.note, width: 2.5 },
            { header: L.evidence, width: 2.5 },
          ],
          d.questions.flatMap((q) =>
            q.answers.map((ans, i): Cell[] => [
              i === 0 ? `${q.id} ${q.text}` : "",
              `${ans.respondent}${paren(ans.roleName)}`,
              ans.valueText,
              or(ans.note),
              or(ans.evidence),
            ]),
          ),
        ),
      );
    }
  }
  return out;
}

/** The appendix's reliability and agreement: one row per dimension, then its notes (as in the PDF). */
function reliability(
  b: Blocks,
  r: NonNullable<ReportModel["appendix"]["reliability"]>,
): FileChild[] {
  const c = r.columns;
  return [
    b.heading(2, r.title),
    b.paragraph(r.intro, { keepNext: true }),
    ...b.table(
      [
        { header: c.dimension, width: 2.6 },
        { header: c.items, width: 0.9, numeric: true },
        { header: c.respondents, width: 1, numeric: true },
        { header: c.alpha, width: 0.8, numeric: true },
        { header: c.interval, width: 1.5 },
        { header: c.rwg, width: 0.8, numeric: true },
        { header: c.reading, width: 4 },
      ],
      r.rows.map(reliabilityCells),
    ),
    ...b.bullets(r.caveats),
    ...r.groups.flatMap((g) => [
      b.heading(3, g.title),
      b.paragraph(g.intro, { keepNext: true }),
      ...b.table(
        [
          { header: g.columns.dimension, width: 2.6 },
          { header: g.columns.icc1, width: 0.9, numeric: true },
          { header: g.columns.icc2, width: 0.9, numeric: true },
          { header: g.columns.reading, width: 6 },
        ],
        g.rows.map(reliabilityGroupCells),
      ),
    ]),
    ...b.bullets(r.notes),
  ];
}
