import type { Comparison } from "../../core/analysis/comparison.js";
import type { BrandView } from "../../core/models/brand.js";
import type { Lang } from "../../core/models/languages.js";
import { localize } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import {
  arrow,
  buildCompareView,
  type ListItem,
  overallTrend,
  signalCell,
} from "../../views/comparison.js";
import { fmtScore } from "../pdf/text.js";
import { COLOR } from "../pdf/theme.js";
import {
  BODY_W,
  besideChart,
  DeckBase,
  finishPptx,
  hex,
  MARGIN,
  newPptx,
  TABLE_W,
  TABLE_X,
} from "../pptx/deck.js";
import type { RenderOptions } from "./options.js";

const item = (i: ListItem): string => `${i.text || i.id}${i.detail}`;

/** Risks a column of the risks slide lists: eight titles of up to two lines fill it. */
const MAX_RISKS = 8;

/** The comparison deck: one method per slide, over the comparison view. */
class ComparisonDeck extends DeckBase {
  private readonly v: ReturnType<typeof buildCompareView>;
  private readonly m: ReturnType<typeof messagesFor>["comparison"];
  private readonly andMore: (count: number) => string;

  constructor(
    pptx: ReturnType<typeof newPptx>,
    private readonly comparison: Comparison,
    private readonly language: Lang,
    brand: BrandView | undefined,
  ) {
    const v = buildCompareView(comparison, language);
    super(pptx, {
      brand,
      lang: language,
      title: v.heading,
      subject: comparison.followup.client.name,
      author: comparison.followup.assessor,
      footer: v.footer,
    });
    this.v = v;
    this.m = messagesFor(language).comparison;
    this.andMore = messagesFor(language).common.andMore;
  }

  build(): void {
    this.titleSlide();
    this.notesSlide();
    this.scoresSlide();
    this.kpisSlide();
    this.risksSlide();
    this.perceptionSlide();
  }

  /**
   * The title slide, laid out as the report deck's cover: the title, the client, then the two
   * assessments as facts (a fact that changed reads "baseline → follow-up") and the interval.
   */
  titleSlide(): void {
    const v = this.v;
    const fact = (row: (typeof v.header.rows)[number]) => {
      const [label, before, after] = row.map((c) => c.text);
      const value = before === after ? before : `${before} → ${after}`;
      return `${label}${this.colon}${value}`;
    };
    const [client, ...rest] = v.header.rows;
    const changedClient = client && client[1]?.text !== client[2]?.text;
    const lines = [
      ...(changedClient ? [fact(client)] : []),
      ...rest.map(fact),
      `${v.interval.label}${this.colon}${v.interval.value}`,
    ];
    this.cover({ title: v.cover.title, subtitle: v.cover.client, lines, notes: lines.join("\n") });
  }

  /** What the comparison rests on, before its figures: on a slide of its own when there is any. */
  notesSlide(): void {
    if (this.v.warnings.length === 0) return;
    const notes = this.slide(this.v.labels.warnings, []);
    this.text(notes, this.bullets(this.v.warnings, { paraSpaceAfter: 12 }), {
      x: MARGIN,
      y: 1.4,
      w: BODY_W,
      h: 5.4,
      fontSize: 16,
    });
  }

  /** Baseline against follow-up: a native radar and the change per dimension. */
  scoresSlide(): void {
    const dims = this.comparison.dimensions.filter((d) => d.status === "matched");
    const scores = this.slide(this.v.labels.dimensions, [
      ...this.v.method,
      ...(this.v.dimensionsFootnote ? [this.v.dimensionsFootnote] : []),
      ...(this.v.overallFootnote ? [this.v.overallFootnote] : []),
    ]);
    const labels = dims.map((d) => localize(d.title, this.language));
    scores.addChart(
      this.pptx.ChartType.radar,
      [
        { name: this.m.baseline, labels, values: dims.map((d) => d.score.baseline ?? 0) },
        { name: this.m.followup, labels, values: dims.map((d) => d.score.followup ?? 0) },
      ],
      {
        x: MARGIN,
        y: 1.2,
        w: 6.6,
        h: 5.6,
        radarStyle: "standard",
        chartColors: [hex(COLOR.target), hex(this.palette.current)],
        valAxisMinVal: 0,
        valAxisMaxVal: 5,
        valAxisMajorUnit: 1,
        catAxisLabelFontSize: 11,
        catAxisLabelFontFace: this.font,
        showLegend: true,
        legendPos: "b",
        legendFontFace: this.font,
        lang: this.lang,
      },
    );
    this.table(
      scores,
      [
        this.v.dimensions.columns[0]?.label ?? "",
        this.m.baseline,
        this.m.followup,
        this.m.change,
        this.m.signal.column,
      ],
      [
        ...dims.map((d) => {
          // Colour only what is real change; a change within the noise stays grey.
          const signal = signalCell(this.language, d);
          const color =
            signal.trend === "up"
              ? COLOR.improved
              : signal.trend === "down"
                ? COLOR.gap
                : COLOR.muted;
          return [
            // The view's label: the title with its † when its questions changed (see the notes).
            this.dimensionLabel(d.id) ?? localize(d.title, this.language),
            fmtScore(d.score.baseline, "—"),
            fmtScore(d.score.followup, "—"),
            { text: arrow(d.score.change), bold: true, color },
            { text: signal.text, color },
          ];
        }),
        this.overallRow(),
      ],
      {
        ...besideChart([1.6, 0.85, 0.85, 0.85, 1.33]),
        y: 1.4,
        fontSize: 11,
        right: [false, true, true, true, false],
      },
    );
  }

  /** A dimension's label in the view's dimension table (rows follow the comparison's order). */
  private dimensionLabel(id: string): string | undefined {
    const i = this.comparison.dimensions.findIndex((d) => d.id === id);
    return this.v.dimensions.rows[i]?.[0]?.text;
  }

  /** The overall score, the figure a steering committee asks for first (‡ when re-weighted). */
  private overallRow(): (string | { text: string; color?: string; bold?: boolean })[] {
    const o = this.comparison.overall.score;
    const label = this.v.dimensions.rows.at(-1)?.[0]?.text ?? "";
    const trend = overallTrend(o.change);
    const color = trend === "up" ? COLOR.improved : trend === "down" ? COLOR.gap : COLOR.muted;
    return [
      { text: label, bold: true },
      { text: fmtScore(o.baseline, "—"), bold: true },
      { text: fmtScore(o.followup, "—"), bold: true },
      { text: arrow(o.change), bold: true, color },
      "—",
    ];
  }

  /** Readiness then and now, and the risks resolved, new and remaining. */
  risksSlide(): void {
    // A column shows what fits below its heading; a longer list ends "… and 15 more", and the
    // speaker notes give it whole.
    const cut = this.v.risks.filter((g) => g.items.length > MAX_RISKS);
    // The slide opens on the readiness verdict, then the risks: its title names both.
    const risks = this.slide(this.m.section.readinessAndRisks, [
      this.v.readiness.line,
      ...this.v.readiness.sides.flatMap((s) => [s.heading, ...s.rules.map(item)]),
      ...cut.flatMap((g) => [g.heading, ...g.items.map(item)]),
    ]);
    this.text(risks, `${this.v.labels.readiness}${this.colon}${this.v.readiness.line}`, {
      x: MARGIN,
      y: 1.25,
      w: BODY_W,
      h: 0.5,
      fontSize: 16,
      bold: true,
      color:
        this.v.readiness.trend === "up"
          ? COLOR.improved
          : this.v.readiness.trend === "down"
            ? COLOR.gap
            : COLOR.ink,
    });
    const colW = (BODY_W - 0.5) / 3;
    this.v.risks.forEach((group, i) => {
      const x = MARGIN + i * (colW + 0.25);
      const color =
        group.trend === "up" ? COLOR.improved : group.trend === "down" ? COLOR.gap : COLOR.muted;
      this.text(risks, group.heading, {
        x,
        y: 2.0,
        w: colW,
        h: 0.5,
        fontSize: 16,
        bold: true,
        color,
      });
      const items = group.items.map(item);
      if (items.length > MAX_RISKS) {
        const shown = MAX_RISKS - 1;
        items.splice(shown, items.length, this.andMore(items.length - shown));
      }
      this.text(
        risks,
        items.length > 0 ? this.bullets(items, { paraSpaceAfter: 6 }) : (group.none ?? ""),
        {
          x,
          y: 2.55,
          w: colW,
          h: 4.2,
          fontSize: 12,
        },
      );
    });
  }

  /** The baseline's outcome KPIs, measured again: only real changes are coloured. */
  kpisSlide(): void {
    const kpis = this.v.kpis;
    if (!kpis) return;
    const slide = this.slide(this.v.labels.kpis, [this.v.kpisIntro, this.m.method.signal]);
    this.text(slide, this.v.kpisIntro, { x: MARGIN, y: 1.2, w: BODY_W, h: 0.5, fontSize: 14 });
    this.table(
      slide,
      kpis.columns.map((c) => c.label),
      kpis.rows.map((row) =>
        row.map((c) => ({
          text: c.text,
          color: c.trend === "up" ? COLOR.improved : c.trend === "down" ? COLOR.gap : COLOR.ink,
        })),
      ),
      {
        x: TABLE_X,
        y: 1.9,
        w: TABLE_W,
        colW: [4.2, 1.3, 1.3, 1.3, 2.533, 1.4],
        fontSize: 13,
        right: kpis.columns.map((c) => c.right),
      },
    );
  }

  /** Perception gaps then and now; the questionnaire changes and movers go to the notes. */
  perceptionSlide(): void {
    const perception = this.slide(this.v.labels.perception, [
      this.v.questionnaire.intro,
      ...this.v.questionnaire.groups.flatMap((g) => [g.heading, ...g.items.map(item)]),
      ...(this.v.questionnaire.none ? [this.v.questionnaire.none] : []),
      ...(this.v.moversByText
        ? this.v.moversByText.rows.map((row) => row.map((c) => c.text).join(" · "))
        : []),
    ]);
    if (this.v.perception) {
      this.table(
        perception,
        this.v.perception.columns.map((c) => c.label),
        this.v.perception.rows.map((row) =>
          row.map((c) => ({
            text: c.text,
            color: c.trend === "up" ? COLOR.improved : c.trend === "down" ? COLOR.gap : COLOR.ink,
            flag: c.flag,
          })),
        ),
        {
          x: TABLE_X,
          y: 1.4,
          w: TABLE_W,
          colW: this.v.perception.columns.map((_, i) =>
            i === 0
              ? 4.2
              : (TABLE_W - 4.2) /
                Math.max(1, this.v.perception ? this.v.perception.columns.length - 1 : 1),
          ),
          fontSize: 13,
          right: this.v.perception.columns.map((c) => c.right),
        },
      );
    } else {
      this.text(perception, this.v.perceptionNone, {
        x: MARGIN,
        y: 1.4,
        w: BODY_W,
        h: 1,
        fontSize: 16,
      });
    }
  }
}

/**
 * The progress report as a deck (`compare --format pptx`): the two assessments side by side,
 * scores by dimension (a native radar of baseline against follow-up, editable in PowerPoint, and
 * the changes), readiness and risks, perception gaps. Speaker notes carry the questionnaire
 * changes, the movers, the warnings and how to read the figures. Lays out the comparison view.
 */
export async function renderPptx(comparison: Comparison, opts: RenderOptions): Promise<Uint8Array> {
  const pptx = newPptx();
  new ComparisonDeck(pptx, comparison, opts.lang, opts.brand).build();
  return finishPptx(pptx, comparison.followup.date);
}
