import { describe, expect, it } from "vitest";
import { planRoadmap } from "../../../src/core/analysis/roadmap.js";
import { LANGS } from "../../../src/core/models/languages.js";
import { renderDocx } from "../../../src/render/report/docx.js";
import { renderMarkdown } from "../../../src/render/report/markdown.js";
import { renderPdf } from "../../../src/render/report/pdf.js";
import { renderPptx } from "../../../src/render/report/pptx.js";
import { buildReport } from "../../../src/views/report/build.js";
import type { ReportLanguage, ReportModel } from "../../../src/views/report/model.js";
import { packageParts } from "../../helpers/ooxml.js";
import { ACME, ACME_ANSWERS, loadInputs, standardPack } from "../../helpers/report.js";
import { havePdftotext, pdfText } from "../pdf/helpers.js";

/** The board edition of the fixture client, which carries both the calibration and the scorecard. */
function boardReport(lang: ReportLanguage, opts: { horizonMonths?: number } = {}): ReportModel {
  const inputs = loadInputs(ACME, ACME_ANSWERS, opts);
  return buildReport(inputs.results, standardPack(), {
    lang,
    edition: "board",
    respondents: inputs.respondents,
  });
}

/** A document's text without markup, escapes or white space, so table cells read in a row. */
const squeeze = (text: string) =>
  text
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/[\\|*\s]/g, "");

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function documentTexts(r: ReportModel): Promise<Record<string, string>> {
  const xmlText = async (bytes: Uint8Array, part: RegExp) =>
    [...(await packageParts(bytes))]
      .filter(([name]) => part.test(name))
      .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
      .map(([, xml]) => xml)
      .join("");
  const texts: Record<string, string> = {
    md: await renderMarkdown(r),
    docx: await xmlText(await renderDocx(r), /^word\/document\.xml$/),
    pptx: await xmlText(await renderPptx(r), /^ppt\/slides\/slide\d+\.xml$/),
  };
  if (havePdftotext()) texts.pdf = pdfText(await renderPdf(r, {}), { raw: true }).text;
  return texts;
}

/** The calibration table's row: dimension, score, target, [months], date, expected; its expected score. */
function calibrationRowIn(
  text: string,
  item: ReportModel["summary"]["calibration"]["items"][number],
) {
  const cells = new RegExp(
    `${reEscape(squeeze(item.title))}${reEscape(item.score?.toFixed(2) ?? "")}${item.target}(?:\\d+)?${reEscape(squeeze(item.realisticDateText))}(\\d\\.\\d\\d)`,
  );
  return cells.exec(text)?.[1];
}

describe("the score the report expects of a dimension", () => {
  for (const lang of LANGS) {
    it(`is one figure in every format (${lang}): the calibration's and the scorecard's target`, async () => {
      const r = boardReport(lang);
      const items = r.summary.calibration.items;
      const outcomes = r.kpis.scorecard.filter((row) => row.kind === "outcome");
      // The fixture lists a dimension in both places, or the test would prove nothing.
      const both = items.filter((i) => outcomes.some((row) => row.kpi.startsWith(i.title)));
      expect(both.length).toBeGreaterThan(0);
      for (const [format, raw] of Object.entries(await documentTexts(r))) {
        const text = squeeze(raw);
        for (const item of both) {
          const row = outcomes.find((x) => x.kpi.startsWith(item.title));
          const shown = calibrationRowIn(text, item);
          expect(shown, `${format}: no calibration row for ${item.title}`).toBeDefined();
          expect(text, `${format}: no scorecard target for ${item.title}`).toContain(
            squeeze(row?.target ?? "?"),
          );
          expect(row?.target, `${format}: ${item.title}`).toContain(shown);
        }
      }
    }, 120_000);
  }
});

describe("a target the roadmap reaches after the reassessment but inside the horizon", () => {
  // A 15-month horizon: the plan closes with the reassessment two weeks before the horizon ends,
  // and the largest gap's climb reaches its target in between.
  const HORIZON = 15;
  /** Dimensions whose projected climb reaches the target after the reassessment, by the horizon's end. */
  function lateTitles(r: ReportModel): string[] {
    const inputs = loadInputs(ACME, ACME_ANSWERS, { horizonMonths: HORIZON });
    const plan = planRoadmap(inputs.results, standardPack());
    return plan.outlook
      .filter(
        (o) =>
          o.targetWeek !== null &&
          o.targetWeek > plan.reassessmentWeek &&
          o.targetWeek <= plan.horizonWeeks,
      )
      .map((o) => r.dimensions.items.find((d) => d.id === o.dimension)?.title ?? o.dimension);
  }

  for (const lang of LANGS) {
    it(`is out of reach at the reassessment in every section and format (${lang})`, async () => {
      const r = buildReport(
        loadInputs(ACME, ACME_ANSWERS, { horizonMonths: HORIZON }).results,
        standardPack(),
        { lang },
      );
      const late = lateTitles(r);
      // The fixture has such a dimension, or the test would prove nothing.
      expect(late.length).toBeGreaterThan(0);
      const { calibration } = r.summary;
      expect(calibration.allReachable).toBe(false);
      for (const title of late) {
        const item = calibration.items.find((i) => i.title === title);
        expect(item, `${title} is not listed in the calibration`).toBeDefined();
        if (!item) continue;
        // Just short at the reassessment, and the scorecard's target says the same.
        expect(item.expectedAtReassessment).toBeLessThan(item.target);
        const row = r.kpis.scorecard.find((x) => x.kind === "outcome" && x.kpi.startsWith(title));
        expect(row?.target, `${title} has no scorecard row`).toContain(
          item.expectedAtReassessment.toFixed(2),
        );
        const detail = r.dimensions.items.find((d) => d.title === title);
        expect(detail?.expectation?.sentence).toContain(item.expectedAtReassessment.toFixed(2));
        expect(r.decisions.items.map((d) => d.sentence).join(" ")).toContain(title);
        for (const [format, raw] of Object.entries(await documentTexts(r))) {
          expect(calibrationRowIn(squeeze(raw), item), `${format}: ${title}`).toBe(
            item.expectedAtReassessment.toFixed(2),
          );
        }
      }
    }, 120_000);
  }
});
