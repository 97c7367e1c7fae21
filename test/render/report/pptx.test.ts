import { beforeAll, describe, expect, it } from "vitest";
import { fillPlaceholders } from "../../../src/core/text/placeholders.js";
import { messagesFor } from "../../../src/i18n/index.js";
import { weekSpan } from "../../../src/render/pdf/text.js";
import { PHASE_COLOR } from "../../../src/render/pdf/theme.js";
import { W } from "../../../src/render/pptx/deck.js";
import { renderPptx } from "../../../src/render/report/pptx.js";
import { buildReport } from "../../../src/views/report/build.js";
import type { ReportModel } from "../../../src/views/report/model.js";
import { entryNames, packageParts, slideFrames } from "../../helpers/ooxml.js";
import { ACME, ACME_ANSWERS, acmeReport, loadInputs, standardPack } from "../../helpers/report.js";

const HOSTILE = 'Acme <a:p/> & "Sons" \u0001</a:t>';

function hostileReport(): ReportModel {
  const report = acmeReport({ lang: "zh-CN" });
  report.meta.client.name = HOSTILE;
  report.cover.subtitle = HOSTILE;
  report.meta.footer = HOSTILE;
  return report;
}

describe("the board deck as PPTX", () => {
  let parts: Map<string, string>;
  let names: string[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderPptx(hostileReport());
    parts = await packageParts(bytes);
    names = await entryNames(bytes);
  }, 60_000);

  const slides = () => names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));

  it("has between 8 and 14 slides, each with speaker notes", () => {
    expect(slides().length).toBeGreaterThanOrEqual(8);
    expect(slides().length).toBeLessThanOrEqual(14);
    const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes.length).toBe(slides().length);
  });

  it("draws the profile and the gaps as native, editable charts", () => {
    const charts = [...parts].filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    const xml = charts.map(([, x]) => x).join("");
    expect(xml).toContain("<c:radarChart>");
    expect(xml).toContain("<c:barChart>");
    // Each chart carries its data as a workbook PowerPoint opens for editing.
    expect(names.filter((n) => n.startsWith("ppt/embeddings/") && n.endsWith(".xlsx")).length).toBe(
      charts.length,
    );
  });

  it("sets the language of the text and dates the package from the assessment", () => {
    const slide = parts.get("ppt/slides/slide2.xml") ?? "";
    expect(slide).toContain('lang="zh-CN"');
    // pptxgenjs writes the slide number field in en-US; digits need no proofing.
    const text = slide.replace(/<a:fld [\s\S]*?<\/a:fld><a:endParaRPr lang="en-US"\/>/g, "");
    expect(text).not.toContain('lang="en-US"');
    const stamp = `${acmeReport().meta.date}T12:00:00Z`;
    expect(parts.get("docProps/core.xml")?.match(/\d{4}-\d{2}-\d{2}T[\d:]+Z/g)).toEqual([
      stamp,
      stamp,
    ]);
  });

  const texts = (xml: string) =>
    (xml.match(/<a:t>[^<]*<\/a:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, ""));
  const slideTexts = (test: (t: string[]) => boolean) =>
    slides()
      .map((n) => texts(parts.get(n) ?? ""))
      .find(test) ?? [];

  it("draws the radar across most of its box, not shrunk around its axis names", () => {
    const chart = [...parts].find(
      ([n, x]) => n.startsWith("ppt/charts/") && x.includes("<c:radarChart>"),
    );
    const layout =
      /<c:plotArea>\s*<c:layout>([\s\S]*?)<\/c:layout>/.exec(chart?.[1] ?? "")?.[1] ?? "";
    expect(layout).toContain('<c:layoutTarget val="inner" />');
    expect(Number(/<c:h val="([\d.]+)"/.exec(layout)?.[1])).toBeGreaterThan(0.6);
  });

  it("lists under the verdict the conditions its sentence announces, by their titles", () => {
    const s = hostileReport().summary;
    expect(s.readiness.reasonTitles.length).toBeGreaterThan(0);
    const verdict = slideTexts((t) => t.includes(s.readiness.sentence));
    for (const title of s.readiness.reasonTitles.slice(0, 4)) expect(verdict).toContain(title);
  });

  it("states each finding without a lead-in that would miscount the answers it shows", () => {
    const s = hostileReport().summary;
    const slide = slideTexts((t) => t.includes(s.readiness.sentence));
    expect(s.findings.length).toBeGreaterThan(0);
    for (const f of s.findings) {
      expect(f.sentence).not.toBe(f.statement);
      expect(slide).toContain(f.statement);
      expect(slide).not.toContain(f.sentence);
      // Under it, the weakest answer at least (every one the report gives, when they fit).
      const shown = f.evidence.filter((e) => slide.some((t) => t.startsWith(e.text)));
      expect(shown[0]).toBe(f.evidence[0]);
    }
  });

  it("ends the verdict's panel under its last line, with no empty box below", () => {
    const xml = parts.get("ppt/slides/slide2.xml") ?? "";
    // The panel: the one shape of the slide with no text, a filled rectangle.
    const panel = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)]
      .map((m) => m[0])
      .find((sp) => !sp.includes("<a:t>") && sp.includes('prst="rect"'));
    const [y = 0, cy = 0] =
      /<a:off x="\d+" y="(\d+)"\/><a:ext cx="\d+" cy="(\d+)"/
        .exec(panel ?? "")
        ?.slice(1)
        .map(Number) ?? [];
    const bottom = (y + cy) / 914_400;
    // Four short conditions under the sentence end well above the slide's foot (6.7 in), and
    // the panel still holds them: the sentence's three lines and a line each, at 11 pt.
    const s = hostileReport().summary.readiness;
    expect(s.reasonTitles).toHaveLength(4);
    expect(bottom).toBeGreaterThan(3.7 + ((3 + 4) * 11 * 1.2) / 72);
    expect(bottom).toBeLessThan(6);
  });

  it("shows at most seven actions a phase and says how many more; an empty phase, its goal and backlog", () => {
    const report = hostileReport();
    const m = report.roadmap;
    const more = (n: number) => fillPlaceholders(report.labels.morePattern, { count: n });
    const slide = slideTexts((t) => m.phases.every((p) => t.includes(p.name)));
    const full = m.phases.find((p) => p.actions.length > 7);
    expect(full).toBeDefined();
    expect(slide).toContain(more((full?.actions.length ?? 0) - 7));
    expect(slide.join("")).not.toContain("… +");
    // A phase with nothing inside the horizon no longer stands empty: what waits for it.
    const empty = m.phases.find((p) => p.actions.length === 0);
    const waiting = m.backlog.items.filter((b) => b.phase === empty?.phase).map((b) => b.title);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.length).toBeGreaterThan(5);
    for (const title of waiting.slice(0, 5)) expect(slide).toContain(title);
    expect(slide).toContain(more(waiting.length - 5));
    expect(slide).toContain(empty?.goal);
  });

  it("has no slide of group scores: interview answers have no --group-by column", () => {
    const report = hostileReport();
    expect(report.perception.byGroup).toEqual([]);
    // The group slide's title ("按“…”分组的得分"), whatever the column.
    const [before = "", after = ""] = messagesFor("zh-CN")
      .report.groupScores.title("\0")
      .split("\0");
    const titled = slides().filter((n) => {
      const text = texts(parts.get(n) ?? "").join("");
      return text.includes(before) && text.includes(after);
    });
    expect(titled).toEqual([]);
  });

  it("right-aligns the figures of the profile's and the calibration's tables, names left", () => {
    const cells = slides()
      .flatMap((n) => parts.get(n)?.match(/<a:tc>.*?<\/a:tc>/g) ?? [])
      .map((tc) => ({
        text: [...tc.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(""),
        right: /algn="r"/.test(tc),
      }));
    // Scores (2.88), targets (4) and the score expected at the reassessment.
    const figures = cells.filter((c) => /^\d+(?:\.\d\d)?$/.test(c.text));
    expect(figures.length).toBeGreaterThan(20);
    expect(figures.filter((c) => !c.right)).toEqual([]);
    const names = cells.filter((c) => c.text === "客户数据质量");
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((c) => c.right)).toEqual([]);
  });

  it("lines every table up with the text of its slide: its left edge or its right one", () => {
    let tables = 0;
    for (const n of slides()) {
      const { tables: frames, textStarts } = slideFrames(parts.get(n) ?? "");
      // The title's text starts where the slide's text starts; its box spans the body.
      const start = Math.min(...textStarts);
      const end = W - start;
      for (const t of frames) {
        tables++;
        expect(t.x, n).toBeGreaterThanOrEqual(start - 1e-3);
        expect(t.x + t.w, n).toBeLessThanOrEqual(end + 1e-3);
        const aligned = Math.abs(t.x - start) < 1e-3 || Math.abs(t.x + t.w - end) < 1e-3;
        expect(aligned, `${n}: table at ${t.x}–${t.x + t.w} in, text ${start}–${end} in`).toBe(
          true,
        );
      }
    }
    // The profile's, the calibration's, the risks' and the KPIs' tables.
    expect(tables).toBeGreaterThanOrEqual(4);
  });

  it("is byte-identical when a process makes a second deck", async () => {
    expect(Buffer.compare(bytes, await renderPptx(hostileReport()))).toBe(0);
  });

  it("keeps client text as text", () => {
    const all = [...parts.values()].join("\n");
    expect(all.includes("<a:p/> &")).toBe(false);
    expect(all.includes("Acme &lt;a:p/&gt; &amp;")).toBe(true);
    expect(all.includes("\u0001")).toBe(false);
  });

  it("gives a phase with no action inside the horizon to the next cycle, without dates", () => {
    const report = hostileReport();
    const empty = report.roadmap.phases.filter((p) => p.actions.length === 0);
    expect(empty.length).toBeGreaterThan(0);
    const roadmap = slides()
      .map((n) => texts(parts.get(n) ?? ""))
      .find((t) => report.roadmap.phases.every((p) => t.includes(p.name)));
    expect(roadmap).toBeDefined();
    expect(roadmap).toContain("下一轮");
    const dates = new Set(
      empty.flatMap((p) => [p.startDate, p.endDate, p.startDateText, p.endDateText]),
    );
    expect((roadmap ?? []).filter((t) => [...dates].some((d) => t.startsWith(d)))).toEqual([]);
    // A scheduled phase gives its dates as the rest of the deck does, not as ISO dates.
    for (const p of report.roadmap.phases.filter((q) => q.actions.length > 0)) {
      expect(roadmap).toContain(`${p.startDateText} – ${p.endDateText}`);
    }
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the board deck's KPI slide", () => {
  it.each(["en", "zh-CN"] as const)(
    "%s: sets the scorecard in 12 pt, as many KPIs as fit, then how many more (in the notes)",
    async (lang) => {
      const report = acmeReport({ lang });
      const parts = await packageParts(await renderPptx(report));
      const card = report.kpis.scorecard;
      const name = [...parts.keys()].find(
        (n) =>
          /^ppt\/slides\/slide\d+\.xml$/.test(n) &&
          (parts.get(n) ?? "").includes(`>${report.labels.baseline}<`),
      );
      const slide = parts.get(name ?? "") ?? "";
      const table = /<a:tbl>[\s\S]*<\/a:tbl>/.exec(slide)?.[0] ?? "";
      expect(table).not.toBe("");
      const sizes = new Set([...table.matchAll(/ sz="(\d+)"/g)].map((m) => m[1]));
      expect([...sizes]).toEqual(["1200"]);
      const shown = (table.match(/<a:tr /g)?.length ?? 0) - 1;
      expect(shown).toBeGreaterThanOrEqual(5);
      const more = fillPlaceholders(report.labels.morePattern, { count: card.length - shown });
      const notes = parts.get(name?.replace("slides/slide", "notesSlides/notesSlide") ?? "") ?? "";
      if (shown < card.length) {
        expect(slide).toContain(`>${more}<`);
        for (const row of card.slice(shown)) expect(notes).toContain(row.kpi);
      } else {
        // No "… and N more" line for any N.
        const [before = "", after = ""] = report.labels.morePattern.split("{count}");
        expect(slide).not.toMatch(
          new RegExp(`>${escapeRegExp(before)}\\d+${escapeRegExp(after)}<`),
        );
      }
      for (const row of card.slice(0, shown)) expect(table).toContain(row.kpi);
    },
    60_000,
  );

  it("shows every KPI when the scorecard fits, and fewer, with the count, when it does not", async () => {
    const report = acmeReport({ lang: "en" });
    const first = report.kpis.scorecard[0];
    if (!first) throw new Error("the fixture has KPIs");
    report.kpis.scorecard = Array.from({ length: 30 }, (_, i) => ({
      ...first,
      kpi: `KPI ${i + 1}`,
    }));
    const parts = await packageParts(await renderPptx(report));
    const slide = [...parts.values()].find((x) => x.includes(">KPI 1<")) ?? "";
    const shown = (/<a:tbl>[\s\S]*<\/a:tbl>/.exec(slide)?.[0].match(/<a:tr /g)?.length ?? 0) - 1;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(30);
    expect(slide).toContain(
      `>${fillPlaceholders(report.labels.morePattern, { count: 30 - shown })}<`,
    );
  }, 60_000);
});

/** The slides of a deck, in order, with their speaker notes (pptxgenjs numbers them alike). */
async function deckSlides(report: ReportModel): Promise<{ xml: string; notes: string }[]> {
  const parts = await packageParts(await renderPptx(report));
  const count = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  return Array.from({ length: count }, (_, i) => ({
    xml: parts.get(`ppt/slides/slide${i + 1}.xml`) ?? "",
    notes: parts.get(`ppt/notesSlides/notesSlide${i + 1}.xml`) ?? "",
  }));
}

const fromXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const slideTexts = (xml: string) =>
  (xml.match(/<a:t>[^<]*<\/a:t>/g) ?? []).map((t) => fromXml(t.replace(/<[^>]+>/g, "")));

const EMU = 914_400;
/** A shape's box in inches, its preset geometry and its fill colour. */
function shapes(xml: string) {
  return [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map(([sp]) => {
    const [x = 0, y = 0, w = 0, h = 0] =
      /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/
        .exec(sp)
        ?.slice(1)
        .map((v) => Number(v) / EMU) ?? [];
    const fill = /<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(sp)?.[1];
    return { x, y, w, h, prst: /prst="(\w+)"/.exec(sp)?.[1], fill, text: slideTexts(sp).join("") };
  });
}

describe("the board deck's roadmap timeline", () => {
  /** The timeline slides (titled with the chart's title) and where they start in the deck. */
  const timelineOf = async (report: ReportModel) => {
    const slides = await deckSlides(report);
    const title = report.roadmap.timeline.title;
    const first = slides.findIndex((s) => slideTexts(s.xml)[0]?.startsWith(title));
    const timeline = slides.filter((s) => slideTexts(s.xml)[0]?.startsWith(title));
    return { slides, first, timeline };
  };
  /** A timeline slide's bars: the rectangles in a phase's colour as tall as a bar (0.18 in). */
  const barsOf = (xml: string) =>
    shapes(xml).filter((s) => s.prst === "rect" && Math.abs(s.h - 0.18) < 0.001 && s.text === "");

  it.each(["en", "zh-CN"] as const)(
    "%s: follows the roadmap with a bar per action, in order, where its weeks fall",
    async (lang) => {
      const report = acmeReport({ lang });
      const chart = report.roadmap.timeline;
      const { slides, first, timeline } = await timelineOf(report);
      expect(chart.bars.length).toBeGreaterThan(20);
      // Right after the roadmap slide, which names every phase.
      const roadmap = slideTexts(slides[first - 1]?.xml ?? "");
      for (const p of report.roadmap.phases) expect(roadmap).toContain(p.name);
      // Continued slides are numbered, and each carries a fair share of the rows.
      expect(timeline.length).toBe(2);
      expect(slideTexts(timeline[1]?.xml ?? "")[0]).toMatch(/2\/2/);
      const bars = timeline.map((s) => barsOf(s.xml));
      for (const b of bars) expect(b.length).toBeGreaterThanOrEqual(8);
      const all = bars.flat();
      expect(all).toHaveLength(chart.bars.length);
      // Every row's name, in the plan's order, and its bar in its phase's colour at its height.
      const names = timeline.flatMap((s) => slideTexts(s.xml));
      let at = -1;
      for (const [i, bar] of chart.bars.entries()) {
        const next = names.indexOf(bar.label, at + 1);
        expect(next).toBeGreaterThan(at);
        at = next;
        expect(all[i]?.fill).toBe(PHASE_COLOR[bar.phase].fill.slice(1).toUpperCase());
      }
      for (const b of bars) {
        const ys = b.map((s) => s.y);
        expect(ys).toEqual([...ys].sort((p, q) => p - q));
      }
      // Positions proportional to the weeks: one scale for every bar's start and length.
      const a = chart.bars[0];
      const z = chart.bars.find((b) => b.startWeek !== a?.startWeek);
      const [ba, bz] = [all[0], all[chart.bars.indexOf(z as (typeof chart.bars)[number])]];
      if (!a || !z || !ba || !bz) throw new Error("the fixture has bars in different weeks");
      const perWeek = (bz.x - ba.x) / (z.startWeek - a.startWeek);
      expect(perWeek).toBeGreaterThan(0.1);
      for (const [i, bar] of chart.bars.entries()) {
        const s = all[i];
        expect(s?.x).toBeCloseTo(ba.x + perWeek * (bar.startWeek - a.startWeek), 3);
        expect(s?.w).toBeCloseTo(perWeek * (bar.endWeek - bar.startWeek) - 0.02, 3);
      }
      // The reassessment's diamond, the holds hatched, and no text under 10 pt.
      const last = timeline.at(-1)?.xml ?? "";
      expect(shapes(last).filter((s) => s.prst === "diamond")).toHaveLength(
        chart.milestones.length,
      );
      expect(slideTexts(last).join("")).toContain(report.roadmap.milestone.label);
      expect(slideTexts(last).join("")).toContain(chart.holdLabel);
      for (const s of timeline) {
        // The slide number (the master's, 9 pt, as on every slide) aside.
        const body = s.xml.replace(
          /<p:sp>(?:(?!<\/p:sp>)[\s\S])*type="sldNum"[\s\S]*?<\/p:sp>/g,
          "",
        );
        const sizes = [...body.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]));
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1000);
      }
      // The notes list every row with its weeks.
      const notes = fromXml(timeline.map((s) => s.notes).join("\n"));
      for (const bar of chart.bars) expect(notes).toContain(bar.label);
      expect(notes).toContain(report.roadmap.milestone.sentence);
      const held = chart.phases.find((p) => p.hold);
      if (!held?.hold) throw new Error("the fixture's first phase holds");
      expect(notes).toContain(
        `${chart.holdLabel}${lang === "en" ? " (" : "（"}${weekSpan(report.labels, held.hold.startWeek, held.hold.endWeek)}`,
      );
    },
    60_000,
  );

  it("spreads many rows evenly over as few slides as they need, every row once", async () => {
    const report = acmeReport({ lang: "en" });
    const chart = report.roadmap.timeline;
    const template = chart.bars[1];
    if (!template) throw new Error("the fixture has bars");
    chart.bars = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      id: `a${i}`,
      label: `Action ${i + 1}`,
    }));
    const { timeline } = await timelineOf(report);
    const counts = timeline.map((s) => barsOf(s.xml).length);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(60);
    // Each row of one line (0.26 in) in 4.75 in: 18 rows a slide at most, so four slides.
    expect(timeline.length).toBe(4);
    // The last, with the milestones under its rows, carries a few less.
    for (const n of counts) expect(n).toBeGreaterThanOrEqual(12);
    const names = timeline.flatMap((s) => slideTexts(s.xml)).filter((t) => t.startsWith("Action "));
    expect(names).toEqual(chart.bars.map((b) => b.label));
    const notes = timeline.map((s) => s.notes).join("\n");
    for (const bar of chart.bars) expect(notes).toContain(`${bar.label} (`);
  }, 60_000);

  it("has no timeline slide when the plan has no action", async () => {
    const report = acmeReport({ lang: "en" });
    report.roadmap.timeline.bars = [];
    const { timeline } = await timelineOf(report);
    expect(timeline).toEqual([]);
  }, 60_000);

  it("shows the board edition's workstreams, not its actions, as the PDF's timeline does", async () => {
    const inputs = loadInputs(ACME, ACME_ANSWERS);
    const report = buildReport(inputs.results, standardPack(), {
      lang: "en",
      edition: "board",
      respondents: inputs.respondents,
    });
    const { timeline } = await timelineOf(report);
    const texts = timeline.flatMap((s) => slideTexts(s.xml));
    const bars = report.roadmap.timeline.bars;
    expect(bars.length).toBeLessThan(report.roadmap.actions.length);
    expect(timeline).toHaveLength(1);
    for (const bar of bars) expect(texts).toContain(bar.label);
    for (const a of report.roadmap.actions) expect(texts).not.toContain(a.title);
  }, 60_000);
});
