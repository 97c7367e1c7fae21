import { beforeAll, describe, expect, it } from "vitest";
import { columnWidths } from "../../../src/render/docx/blocks.js";
import { renderDocx } from "../../../src/render/report/docx.js";
import type { ReportModel } from "../../../src/views/report/model.js";
import { entryNames, packageParts } from "../../helpers/ooxml.js";
import { acmeReport } from "../../helpers/report.js";

const HOSTILE = 'Acme <w:p/> & "Sons" { PAGE } \u0001</w:t>';

/** The fixture report with client text that looks like markup and a field code. */
function hostileReport(): ReportModel {
  const report = acmeReport({ lang: "zh-CN" });
  report.meta.client.name = HOSTILE;
  report.meta.header = HOSTILE;
  report.cover.subtitle = HOSTILE;
  const dimension = report.dimensions.items[0];
  if (dimension) {
    dimension.notes = [
      {
        question: "q1",
        questionText: "How often do leaders review the pipeline?",
        respondent: "r1",
        role: "executive",
        roleName: "Executive",
        note: HOSTILE,
        evidence: '{ INCLUDETEXT "c:\\\\secret" }',
      },
    ];
  }
  return report;
}

describe("the gap report as DOCX", () => {
  let bytes: Uint8Array;
  let parts: Map<string, string>;
  beforeAll(async () => {
    bytes = await renderDocx(hostileReport());
    parts = await packageParts(bytes);
  }, 60_000);

  it("starts with the content types and dates every entry from the assessment", async () => {
    const names = await entryNames(bytes);
    expect(names.slice(0, 2)).toEqual(["[Content_Types].xml", "_rels/.rels"]);
    const core = parts.get("docProps/core.xml") ?? "";
    const stamp = `${acmeReport().meta.date}T12:00:00Z`;
    expect(core.match(/\d{4}-\d{2}-\d{2}T[\d:]+Z/g)).toEqual([stamp, stamp]);
  });

  it("uses named Word styles a consultant can restyle", () => {
    const styles = parts.get("word/styles.xml") ?? "";
    for (const id of [
      "Normal",
      "Title",
      "Heading1",
      "Heading2",
      "Heading3",
      "Caption",
      "ReportTable",
    ])
      expect(styles).toContain(`w:styleId="${id}"`);
    const body = parts.get("word/document.xml") ?? "";
    for (const tag of [
      '<w:pStyle w:val="Heading1"/>',
      '<w:tblStyle w:val="ReportTable"/>',
      "<w:tblHeader/>",
    ])
      expect(body.includes(tag), tag).toBe(true);
    // One style per paragraph (Word reports a second one as unreadable content).
    expect(/<w:pStyle [^>]*\/><w:pStyle /.test(body)).toBe(false);
  });

  it("has a contents field Word updates, and page numbers in the footer", () => {
    const body = parts.get("word/document.xml") ?? "";
    expect(body.includes("TOC \\o &quot;1-2&quot; \\h \\z \\u")).toBe(true);
    expect(parts.get("word/settings.xml")).toContain("<w:updateFields");
    const footers = [...parts].filter(([n]) => n.startsWith("word/footer")).map(([, x]) => x);
    expect(footers.join("")).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it("marks every run with the document's language, Chinese for East Asian text", () => {
    const body = parts.get("word/document.xml") ?? "";
    const runs = body.match(/<w:r>/g)?.length ?? 0;
    const langs = body.match(/<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/g)?.length ?? 0;
    expect(langs).toBeGreaterThan(100);
    expect(body).not.toContain('w:val="en-GB"');
    expect(runs).toBeGreaterThan(0);
    expect(parts.get("word/styles.xml")).toContain('w:eastAsia="Microsoft YaHei"');
  });

  it("embeds each chart as SVG with a PNG fallback", () => {
    const body = parts.get("word/document.xml") ?? "";
    expect(body.match(/<asvg:svgBlip /g)?.length).toBe(3);
    const svgs = [...parts.keys()].filter((n) => n.startsWith("word/media/") && n.endsWith(".svg"));
    expect(svgs).toHaveLength(3);
    const types = parts.get("[Content_Types].xml") ?? "";
    expect(types).toContain('Extension="png"');
  });

  it("names a note's question by its text and id, as the PDF and Markdown do", () => {
    const doc = parts.get("word/document.xml") ?? "";
    expect(doc).toMatch(/How often do leaders review the pipeline\?[^<]*（q1）/);
  });

  it("keeps client text as text: no markup, no field codes", () => {
    const all = [...parts.values()].join("\n");
    expect(all.includes("<w:p/> &")).toBe(false);
    expect(all.includes("Acme &lt;w:p/&gt; &amp;")).toBe(true);
    expect(all.includes("\u0001")).toBe(false);
    // The only field instructions are the contents list's and the page numbers'.
    const instructions = all.match(/<w:instrText[^>]*>[^<]*</g) ?? [];
    expect(instructions.every((i) => /TOC|PAGE|NUMPAGES/.test(i))).toBe(true);
    expect(/<w:instrText[^>]*>[^<]*INCLUDETEXT/.test(all)).toBe(false);
    expect(all.includes("fldSimple")).toBe(false);
  });

  it("gives a phase with no action inside the horizon to the next cycle, without dates", () => {
    const report = hostileReport();
    const empty = report.roadmap.phases.filter((p) => p.actions.length === 0);
    expect(empty.length).toBeGreaterThan(0);
    const rows = (parts.get("word/document.xml") ?? "").match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    const cells = (row: string) =>
      (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) =>
        (c.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join(""),
      );
    for (const phase of empty) {
      const row = rows.map(cells).find((c) => c[0] === phase.name && c.length === 6);
      expect(row?.slice(1, 5)).toEqual(["下一轮", "", "", "0"]);
    }
  });
});

describe("columnWidths", () => {
  it("fills the text width and keeps each header on one line", () => {
    const widths = columnWidths([
      { header: "Dimension", width: 3 },
      { header: "Weight", width: 0.2 },
      { header: "Confidence", width: 0.2 },
    ]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
    // Bold 8.5 pt headers: about 118 twentieths of a point a column, plus the cell margins.
    expect(widths[1]).toBeGreaterThanOrEqual(6 * 118 + 200);
    expect(widths[2]).toBeGreaterThanOrEqual(10 * 118 + 200);
    expect(widths[0]).toBeGreaterThan(widths[2] ?? 0);
  });

  it("lets a long header wrap between words, so a wide table's text columns keep their share", () => {
    // The roadmap's phase table: before, whole headers such as "Effort (person-weeks)" fixed
    // their columns and left the action names a letter or two a line.
    const widths = columnWidths([
      { header: "#", width: 0.4 },
      { header: "Action", width: 2.9 },
      { header: "Dimension", width: 1.5 },
      { header: "Owner", width: 2.3 },
      { header: "Who takes part", width: 2.4 },
      { header: "Schedule", width: 1.2 },
      { header: "Effort (person-weeks)", width: 1 },
      { header: "Depends on", width: 2.2 },
    ]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
    // "CRM programme office" and "Executive" fit the owner column a word a line (9 columns).
    expect(widths[3]).toBeGreaterThanOrEqual(9 * 100 + 200);
    expect(widths[1]).toBeGreaterThan(widths[6] ?? 0);
    // Never narrower than the longest word of a header.
    expect(widths[6]).toBeGreaterThanOrEqual("(person-".length * 118 + 200);
  });

  it("keeps every cell's longest word whole, and shares out a shortfall evenly", () => {
    const columns = [
      { header: "Dimension", width: 3 },
      { header: "Pillar", width: 0.3 },
      { header: "Level", width: 1 },
    ];
    const widths = columnWidths(columns, [["Customer data quality", "Technology", "2 Repeatable"]]);
    // "Technology" needs its ten columns although its share is small.
    expect(widths[1]).toBeGreaterThanOrEqual(10 * 100 + 200);
    // Words wider than the page together: each column gets its share, none is crushed.
    const wide = columnWidths(
      Array.from({ length: 8 }, (_, i) => ({ header: `H${i}`, width: 1 })),
      [Array.from({ length: 8 }, () => "Incomprehensibilities")],
    );
    expect(new Set(wide).size).toBe(1);
    expect(wide.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
  });

  it("makes a column wide enough for a whole cell kept on one line", () => {
    const columns = [
      { header: "Dimension", width: 9 },
      { header: "Coverage", width: 1 },
    ];
    const cell = "100% → 100%";
    const wrapping = columnWidths(columns, [["Customer data quality", cell]]);
    const kept = columnWidths(columns, [["Customer data quality", { text: cell, nowrap: true }]]);
    expect(wrapping[1]).toBeLessThan(cell.length * 100 + 200);
    expect(kept[1]).toBeGreaterThanOrEqual(cell.length * 100 + 200);
  });
});
