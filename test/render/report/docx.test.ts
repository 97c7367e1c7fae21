import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { textEm } from "../../../src/core/text/width.js";
import { EMS, fillLines, linesAtEm } from "../../../src/core/text/wrap.js";
import { columnWidths, KEEP_TOGETHER_TWIPS, tableHeight } from "../../../src/render/docx/blocks.js";
import { renderDocx } from "../../../src/render/report/docx.js";
import { renderMarkdown } from "../../../src/render/report/markdown.js";
import type { ReportModel } from "../../../src/views/report/model.js";
import { runCli } from "../../helpers/cli.js";
import { entryNames, packageParts } from "../../helpers/ooxml.js";
import { ACME, ACME_ANSWERS, acmeReport } from "../../helpers/report.js";

/** Word's text without the no-break spaces that keep dates whole (glueDates). */
const unglued = (text: string): string => text.replace(/\u00a0/g, " ");

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
        by: "Executive",
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

  it("marks every run with the document's languages: Chinese for East Asian text", () => {
    const body = parts.get("word/document.xml") ?? "";
    const runs = body.match(/<w:r>/g)?.length ?? 0;
    // w:val is the language of the run's Latin-script words: in a Chinese document they are
    // English (CRM, quoted notes, ids). Tagged zh-CN, LibreOffice broke them mid-word at a wrap.
    const langs = body.match(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/g)?.length ?? 0;
    expect(langs).toBeGreaterThan(100);
    expect(body.match(/<w:lang [^>]*>/g)?.every((l) => l.includes('w:eastAsia="zh-CN"'))).toBe(
      true,
    );
    expect(body).not.toContain('w:val="zh-CN"');
    expect(body).not.toContain('w:val="en-GB"');
    expect(runs).toBeGreaterThan(0);
    expect(parts.get("word/styles.xml")).toContain('w:eastAsia="Microsoft YaHei"');
  });

  it("embeds each chart as SVG with a PNG fallback, the timeline in pictures under half a page", () => {
    const body = parts.get("word/document.xml") ?? "";
    // The radar, the gap bars and the timeline in two parts (split by rows).
    expect(body.match(/<asvg:svgBlip /g)?.length).toBe(4);
    const svgs = [...parts.keys()].filter((n) => n.startsWith("word/media/") && n.endsWith(".svg"));
    expect(svgs).toHaveLength(4);
    // No picture is taller than 380 px (9525 EMU a pixel): half of an A4 page's text height.
    const heights = [...body.matchAll(/<wp:extent cx="\d+" cy="(\d+)"/g)].map((m) => Number(m[1]));
    expect(heights.length).toBeGreaterThanOrEqual(4);
    for (const h of heights) expect(h).toBeLessThanOrEqual(380 * 9525);
    const types = parts.get("[Content_Types].xml") ?? "";
    expect(types).toContain('Extension="png"');
  });

  it("sets a header's hyphen as Word's non-breaking hyphen, and the text's hyphens as they are", async () => {
    const body =
      (await packageParts(await renderDocx(acmeReport()))).get("word/document.xml") ?? "";
    const headers = (
      body.match(/<w:tr>\s*<w:trPr>(?:(?!<\/w:tr>)[\s\S])*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/g) ?? []
    ).join("");
    const effort = /\(person<\/w:t><w:noBreakHyphen\/><w:t[^>]*>weeks\)<\/w:t>/g;
    // The phase table and each phase's action table.
    expect(headers.match(effort)?.length).toBeGreaterThan(1);
    expect(headers).not.toContain("person-weeks");
    // Outside the headers a hyphen may still end a line ("37–62 person- / weeks)" in a sentence).
    expect(body.replace(headers, "")).toContain("person-weeks");
    // Only headers hold them ("Front-line employee (3)" too).
    const noBreak = /<w:noBreakHyphen\/>/g;
    expect(body.match(noBreak)?.length).toBe(headers.match(noBreak)?.length);
  });

  it("keeps the timeline's heading with its first picture, and its pictures without a gap", async () => {
    const body =
      (await packageParts(await renderDocx(acmeReport()))).get("word/document.xml") ?? "";
    const paragraphs = body.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    const heading = paragraphs.findIndex((p) => p.includes(">Timeline<"));
    const pictures = paragraphs
      .slice(heading + 1)
      .filter((p) => p.includes('name="Roadmap timeline"'));
    expect(pictures.length).toBeGreaterThan(1);
    // The heading keeps with the first picture by its own setting, not only its style's.
    expect(paragraphs[heading]).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:keepNext\/><w:keepLines\/>/);
    expect(paragraphs[heading + 1]).toBe(pictures[0]);
    // Single line spacing, and no space before a later part: they meet as one picture.
    for (const p of pictures) expect(p).toContain('w:line="240" w:lineRule="auto"');
    for (const p of pictures.slice(1)) expect(p).toMatch(/<w:spacing w:before="0"/);
  });

  it("names a note's question by its text and who said it by role, never by identifier", () => {
    const doc = parts.get("word/document.xml") ?? "";
    expect(doc).toMatch(/How often do leaders review the pipeline\?</);
    expect(doc).not.toMatch(/（q1）|>r1（/);
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
        (c.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? [])
          .map((t) => unglued(t.replace(/<[^>]+>/g, "")))
          .join(""),
      );
    for (const phase of empty) {
      const row = rows.map(cells).find((c) => c[0] === phase.name && c.length === 6);
      expect(row?.slice(1, 5)).toEqual(["下一轮", "", "", "0"]);
    }
    // A scheduled phase gives its dates in words, as the rest of the document does.
    for (const phase of report.roadmap.phases.filter((p) => p.actions.length > 0)) {
      const row = rows.map(cells).find((c) => c[0] === phase.name && c.length === 6);
      expect(row?.slice(2, 4)).toEqual([phase.startDateText, phase.endDateText]);
    }
  });

  it("ends a decision's title with the report language's full stop, as the Markdown does", () => {
    const text = unglued((parts.get("word/document.xml") ?? "").replace(/<[^>]+>/g, ""));
    const report = hostileReport();
    expect(report.decisions.items.length).toBeGreaterThan(0);
    for (const item of report.decisions.items) {
      expect(text).toContain(`${item.title}。${item.sentence.slice(0, 12)}`);
      expect(text).not.toContain(`${item.title}. `);
    }
  });

  it("keeps each first-90-days action's week span on one line", async () => {
    const report = acmeReport();
    const body = (await packageParts(await renderDocx(report))).get("word/document.xml") ?? "";
    const first = report.roadmap.firstNinetyDays.actions;
    expect(first.length).toBeGreaterThan(0);
    expect(body).toMatch(/ · Weeks\u00a0\d+–\d+</);
    expect(body).not.toMatch(/ · Weeks \d/);
  });
});

describe("dates in words in Word", () => {
  it("keep their spaces as no-break spaces in Word's runs only, so no line breaks inside one", async () => {
    const report = acmeReport({ lang: "en" });
    const body = (await packageParts(await renderDocx(report))).get("word/document.xml") ?? "";
    const text = body.replace(/<[^>]+>/g, "");
    const date = report.roadmap.milestone.dateText;
    expect(date).toMatch(/^\d+ \p{L}+ \d{4}$/u);
    expect(text).toContain(date.replace(/ /g, "\u00a0"));
    expect(text).not.toContain(date);
    // The Markdown keeps the date as it is.
    const md = await renderMarkdown(report);
    expect(md).toContain(date);
    expect(md).not.toContain(date.replace(/ /g, "\u00a0"));
  });
});

describe("the roadmap's phase tables in Word", () => {
  it("keep six columns, with who takes part in each action's detail", async () => {
    const report = acmeReport();
    const body = (await packageParts(await renderDocx(report))).get("word/document.xml") ?? "";
    const L = report.labels;
    const text = (xml: string) =>
      (xml.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join("");
    const tables = (body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).filter((t) => {
      const header = (t.match(/<w:tr[ >][\s\S]*?<\/w:tr>/) ?? [""])[0];
      return text(header).includes(L.dependsOn);
    });
    const withActions = report.roadmap.phases.filter((p) => p.actions.length > 0);
    expect(tables).toHaveLength(withActions.length);
    for (const table of tables) {
      const grid = (table.match(/<w:gridCol w:w="(\d+)"\/>/g) ?? []).map((g) =>
        Number(/\d+/.exec(g)?.[0]),
      );
      // Eight columns left the action a word a line and a row a third of a page.
      expect(grid).toHaveLength(6);
      expect(Math.min(...grid.slice(1))).toBeGreaterThanOrEqual(1000);
      expect(text(table)).not.toContain(report.roadmap.actions[0]?.raci.text);
    }
    const all = text(body);
    for (const a of report.roadmap.actions.filter((x) => x.raci.text))
      expect(all, a.id).toContain(a.raci.text);
  }, 60_000);
});

describe("the maturity profile table in Word", () => {
  it.each(["en", "zh-CN"] as const)(
    "%s: keeps each level (“2 · Repeatable”) on one line in its nine columns",
    async (lang) => {
      const report = acmeReport({ lang });
      const body = (await packageParts(await renderDocx(report))).get("word/document.xml") ?? "";
      const L = report.labels;
      const table = (body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).find((t) => {
        const header = (t.match(/<w:tr[ >][\s\S]*?<\/w:tr>/) ?? [""])[0];
        return header.includes(`>${L.pillar}<`) && header.includes(`>${L.confidence}<`);
      });
      if (!table) throw new Error("no profile table");
      const grid = (table.match(/<w:gridCol w:w="(\d+)"\/>/g) ?? []).map((g) =>
        Number(/\d+/.exec(g)?.[0]),
      );
      expect(grid).toHaveLength(9);
      const rows = [...report.profile.rows, report.profile.overall];
      // The overall row's level is bold (about 12% wider); cell margins 160.
      const widest = Math.max(
        ...rows.map((r, i) =>
          r.level === null
            ? 0
            : textEm(`${r.level} · ${r.levelName ?? ""}`) *
              170 *
              (i === rows.length - 1 ? 1.12 : 1),
        ),
      );
      expect(widest).toBeGreaterThan(0);
      expect(grid[4]).toBeGreaterThanOrEqual(Math.ceil(widest) + 160);
    },
    60_000,
  );
});

describe("the maturity profile in Word", () => {
  it.each(["en", "zh-CN"] as const)(
    "%s: the radar and the gap bars share the section's first page, the table follows them",
    async (lang) => {
      const report = acmeReport({ lang });
      const body = (await packageParts(await renderDocx(report))).get("word/document.xml") ?? "";
      const at = (text: string) => body.indexOf(`>${text}<`);
      const table = body.search(
        new RegExp(`<w:tbl>(?:(?!</w:tbl>)[\\s\\S])*?>${report.labels.pillar}<`),
      );
      // The bars came after the table, found no room below it and stood alone on a page.
      expect(at(report.profile.radar.title)).toBeGreaterThan(0);
      expect(at(report.profile.gapBars.title)).toBeGreaterThan(at(report.profile.radar.title));
      expect(table).toBeGreaterThan(at(report.profile.gapBars.title));
      // Both pictures fit a page's text height (952 px) with the heading, the intro and captions.
      const section = body.slice(0, at(report.profile.gapBars.title));
      const heights = [...section.matchAll(/<wp:extent cx="\d+" cy="(\d+)"/g)].map(
        (m) => Number(m[1]) / 9525,
      );
      expect(heights).toHaveLength(2);
      expect((heights[0] ?? 0) + (heights[1] ?? 0)).toBeLessThanOrEqual(952 - 200);
    },
    60_000,
  );
});

describe("tables in Word", () => {
  it("keep a table of at most half a page on one page, and let a taller one run on", async () => {
    const body =
      (await packageParts(await renderDocx(acmeReport()))).get("word/document.xml") ?? "";
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const kept = (row: string) => {
      const paragraphs = row.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
      const keep = paragraphs.filter((p) => p.includes("<w:keepNext/>")).length;
      return keep === 0 ? false : keep === paragraphs.length ? true : "some";
    };
    // A cell as the table holds it: its text, bold or not.
    const cellOf = (cell: string): { text: string; bold: boolean } => ({
      text: (cell.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? [])
        .map((t) => t.replace(/<[^>]+>/g, ""))
        .join(""),
      bold: cell.includes("<w:b/>"),
    });
    let short = 0;
    let long = 0;
    let longButFewRows = 0;
    for (const table of tables) {
      const trs = table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
      const rows = trs.map(kept);
      const grid = (table.match(/<w:gridCol w:w="(\d+)"\/>/g) ?? []).map((g) =>
        Number(/\d+/.exec(g)?.[0]),
      );
      const cells = trs.map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(cellOf));
      const columns = grid.map((_, i) => ({
        header: cells[0]?.[i]?.text ?? "",
        width: 1,
      }));
      const height = tableHeight(columns, cells.slice(1), grid);
      // The header row and every row after it but the last keep with the next: Word's way of
      // keeping a table together (a 4-row phase table was split 1 + 3 across two pages).
      if (height <= KEEP_TOGETHER_TWIPS) {
        short++;
        expect(rows.slice(0, -1).every((k) => k === true)).toBe(true);
        expect(rows.at(-1)).toBe(false);
      } else {
        long++;
        if (trs.length <= 13) longButFewRows++;
        expect(rows.every((k) => k === false)).toBe(true);
        expect(trs[0]).toContain("<w:tblHeader/>");
      }
    }
    expect(short).toBeGreaterThan(3);
    expect(long).toBeGreaterThan(0);
    // Rows are not the measure: a few tall rows (long KPI definitions) run on too.
    expect(longButFewRows).toBeGreaterThan(0);
  }, 60_000);

  it("measures a table by its wrapped lines", () => {
    const columns = [
      { header: "Risk", width: 2 },
      { header: "Mitigation", width: 3 },
    ];
    const short = tableHeight(columns, [["Data quality", "Cleanse the records"]]);
    const sentence = "Appoint a data owner for each customer master record and audit it monthly. ";
    const tall = tableHeight(columns, [["Data quality", sentence.repeat(6)]]);
    expect(short).toBeLessThan(1000);
    expect(tall).toBeGreaterThan(short + 5 * 205);
    // A line kept whole takes one line, however long.
    expect(tableHeight(columns, [["Data quality", { text: sentence, nowrap: true }]])).toBe(short);
    expect(
      tableHeight(
        columns,
        Array.from({ length: 40 }, () => ["a", "b"]),
      ),
    ).toBeGreaterThan(KEEP_TOGETHER_TWIPS);
  });
});

describe("columnWidths", () => {
  // What a word needs in a table cell of 8.5 pt text: its width in DejaVu Sans (LibreOffice's
  // stand-in for Calibri, and wider than it), measured from the font, plus the cell margins.
  const MARGINS = 160;
  const needs = (em: number) => Math.ceil(em * 170) + MARGINS;

  it("fills the text width and keeps each header on one line", () => {
    const widths = columnWidths([
      { header: "Dimension", width: 3 },
      { header: "Weight", width: 0.2 },
      { header: "Confidence", width: 0.2 },
    ]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
    // "Weight" and "Confidence" in DejaVu Sans Bold: 4.03 and 6.29 em.
    expect(widths[1]).toBeGreaterThanOrEqual(needs(4.03));
    expect(widths[2]).toBeGreaterThanOrEqual(needs(6.29));
    expect(widths[0]).toBeGreaterThan(widths[2] ?? 0);
  });

  it("lets a long header wrap between words but not at a hyphen, so a wide table's text columns keep their share", () => {
    // The roadmap's phase table: before, whole headers such as "Effort (person-weeks)" fixed
    // their columns and left the action names a letter or two a line.
    const widths = columnWidths(
      [
        { header: "#", width: 0.4 },
        { header: "Action", width: 3.4 },
        { header: "Owner", width: 1.7 },
        { header: "Schedule", width: 1.3 },
        { header: "Effort (person-weeks)", width: 1.1 },
        { header: "Depends on", width: 2.6 },
      ],
      [
        [
          "1",
          "Put the chief executive in charge",
          "CRM programme office",
          "Weeks 11–15",
          "3–5",
          "—",
        ],
      ],
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
    // "programme" (5.88 em) stays whole: LibreOffice broke it "programm / e" at 1100.
    expect(widths[2]).toBeGreaterThanOrEqual(needs(5.88));
    expect(widths[1]).toBeGreaterThan(widths[4] ?? 0);
    // Never narrower than the longest word of a header, a hyphenated one whole: "(person-weeks)"
    // in bold, 8.68 em ("(person-" alone, 4.71 em, left LibreOffice "(person- / weeks)").
    expect(widths[4]).toBeGreaterThanOrEqual(needs(8.68));
  });

  it("keeps every cell's longest word whole, and shares out a shortfall evenly", () => {
    const columns = [
      { header: "Dimension", width: 3 },
      { header: "Pillar", width: 0.3 },
      { header: "Level", width: 1 },
    ];
    const widths = columnWidths(columns, [["Customer data quality", "Technology", "2 Repeatable"]]);
    // "Technology" (5.76 em) needs its width although its share is small.
    expect(widths[1]).toBeGreaterThanOrEqual(needs(5.76));
    // So does "programme" (5.88 em): nine letters at an average width broke it "programm / e".
    const owner = columnWidths(
      [
        { header: "Owner", width: 0.1 },
        { header: "Action", width: 5 },
      ],
      [["CRM programme office", "Map the current customer processes"]],
    );
    expect(owner[0]).toBeGreaterThanOrEqual(needs(5.88));
    // A week span or a date stays on one line ("Weeks 11–" / "15" read badly): 6.68 em.
    const spans = columnWidths(
      [
        { header: "Schedule", width: 0.1 },
        { header: "Action", width: 5 },
      ],
      [[{ text: "Weeks 11–15", nowrap: true }, "Map the current customer processes"]],
    );
    expect(spans[0]).toBeGreaterThanOrEqual(needs(6.68));
    // A Chinese date kept on one line also needs the quarter em Word sets at each of its five
    // boundaries between a digit and a character, or its last character wraps.
    const date = "2027年4月16日";
    const dates = columnWidths(
      [
        { header: "日期", width: 0.1 },
        { header: "行动", width: 5 },
      ],
      [[{ text: date, nowrap: true }, "梳理现有客户流程与接触点"]],
    );
    expect(dates[0]).toBeGreaterThanOrEqual(needs(textEm(date) + 5 * 0.25));
    // Words wider than the page together: each column gets its share, none is crushed.
    const wide = columnWidths(
      Array.from({ length: 8 }, (_, i) => ({ header: `H${i}`, width: 1 })),
      [Array.from({ length: 8 }, () => "Incomprehensibilities")],
    );
    expect(new Set(wide).size).toBe(1);
    expect(wide.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
  });

  it("keeps a short Chinese term or verdict whole, not a character a line", () => {
    // The roadmap's KPI table: a column sized to one character broke "每次阶段 / 评审" and
    // "CRM 项目办 / 公室" in Word; the progress report's verdict left "内" alone on a line.
    const widths = columnWidths(
      [
        { header: "指标", width: 5 },
        { header: "频率", width: 0.1 },
        { header: "负责人", width: 0.1 },
        { header: "是否真实变化", width: 0.1 },
      ],
      [
        [
          "由总经理亲自主持的指导委员会会议比例（目标 100%）",
          "每次阶段评审",
          "CRM 项目办公室",
          "否：在 ±0.56 误差内",
        ],
      ],
    );
    expect(widths[1]).toBeGreaterThanOrEqual(needs(6));
    expect(widths[2]).toBeGreaterThanOrEqual(needs(textEm("CRM 项目办公室")));
    expect(widths[3]).toBeGreaterThanOrEqual(needs(textEm("否：在 ±0.56 误差内")));
    // A sentence still wraps between characters and leaves the first column its share.
    expect(widths[0]).toBeGreaterThan(9638 / 2);
  });

  it("lets the widest Chinese phrases wrap first when not all fit, never a figure or a short header", () => {
    const phrase = "以客户为中心的文化与组织"; // 12 characters
    const widths = columnWidths(
      [
        ...Array.from({ length: 8 }, () => ({ header: "维度", width: 1 })),
        { header: "覆盖率", width: 1 },
      ],
      [[...Array.from({ length: 8 }, () => phrase), { text: "100% → 100%", nowrap: true }]],
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
    // The figure keeps its line and the three-character header its width, squeezed pro rata before.
    expect(widths[8]).toBeGreaterThanOrEqual(needs(textEm("100% → 100%")));
    expect(widths[8]).toBeGreaterThanOrEqual(needs(3 * 1.12));
    // The phrases share what is left alike.
    expect(new Set(widths.slice(0, 8)).size).toBe(1);
  });

  it("keeps a date in words and a header's bracketed unit whole where Word fills the line", () => {
    // Word fills a cell's lines as they come: a column sized to the date alone set
    // "1.88（2026年4月 / 8日评估）", and one between the two widths of the header "工作量（人 / 周）".
    const text = (widths: number[], i: number, bold = false) =>
      (((widths[i] ?? 0) - MARGINS) / 170) * (bold ? 1 / 1.12 : 1);
    const broken = (cell: string, em: number, piece: string) =>
      fillLines(cell, EMS, em).every(([from, to]) => !cell.slice(from, to).includes(piece));
    const baseline = "1.88（2026年4月8日评估）";
    const kpis = columnWidths(
      [
        { header: "指标", width: 2.8 },
        { header: "负责人", width: 1.2 },
        { header: "基线", width: 1.8 },
        { header: "目标", width: 2.8 },
        { header: "频率", width: 1.6 },
      ],
      [
        [
          "客户数据质量：复评得分",
          "中层经理",
          baseline,
          "2027年9月1日前达到 3.13",
          "中期检查与复评",
        ],
      ],
    );
    expect(broken(baseline, text(kpis, 2), "2026年4月8日")).toBe(false);
    // And in a face up to 15% narrower, as Calibri is.
    expect(broken(baseline, text(kpis, 2) * 1.15, "2026年4月8日")).toBe(false);
    const header = "工作量（人周）";
    const actions = columnWidths(
      [
        { header: "#", width: 0.4, numeric: true },
        { header: "行动", width: 3.4 },
        { header: "负责人", width: 1.7 },
        { header: "时间安排", width: 1.3 },
        { header, width: 1.1, numeric: true },
        { header: "前置行动", width: 2.6 },
      ],
      [
        [
          "1",
          "建立基于价值的客户细分与客户战略",
          "中层经理",
          { text: "第 46–55 周", nowrap: true },
          "6–10",
          "撰写并签署 CRM 愿景与近期目标",
        ],
      ],
    );
    for (const loose of [1, 1.15])
      expect(broken(header, text(actions, 4, true) * loose, "（人周）")).toBe(false);
    expect(actions.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
  });

  it("keeps the scorecard's dates whole in Chinese, and gives English ones room where it saves a line", () => {
    // The Chinese scorecard, as the roadmap and the report write it: holding "（2027年2月16日）"
    // on the line where Word cut it took more room than any column could spare, so Word set
    // "（2027 年 / 2 月 16 日）" in every row; a little more room, and the lines before take more
    // and the date starts one of its own.
    const text = (widths: number[], i: number) => ((widths[i] ?? 0) - MARGINS) / 170;
    const broken = (cell: string, em: number, piece: string) =>
      fillLines(cell, EMS, em).every(([from, to]) => !cell.slice(from, to).includes(piece));
    const columns = [
      { header: "指标", width: 2.8 },
      { header: "负责人", width: 1.2 },
      { header: "基线", width: 1.8 },
      { header: "目标", width: 2.8 },
      { header: "频率", width: 1.6 },
    ];
    const baseline = "1.88（2026年4月8日评估）";
    const target = "与基线一并商定；在“僵化”阶段结束前（2027年2月16日）达成";
    const zh = columnWidths(columns, [
      ["客户数据质量：复评得分", "中层经理", baseline, "2027年9月1日前达到 3.13", "中期检查与复评"],
      [
        "活跃客户档案中必填字段的完整率",
        "高层管理者",
        "第 20 周前完成测量",
        target,
        "每次阶段评审",
      ],
    ]);
    expect(broken(target, text(zh, 3), "2027年2月16日")).toBe(false);
    // The baseline's date, widened for first, keeps its room.
    expect(broken(baseline, text(zh, 2), "2026年4月8日")).toBe(false);
    expect(zh.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
    // In English the date is glued (no-break spaces), so Word moves it to the next line whole;
    // a column gets room for it only where that saves a line and the table grows no taller.
    const enColumns = columns.map((c, i) => ({
      ...c,
      header: ["KPI", "Owner", "Baseline", "Target", "Frequency"][i] ?? "",
    }));
    const enBaseline = "2.14 (assessment of 16 March 2026)";
    const enTarget =
      "Agreed with the baseline; met by the end of the Rigidify phase (15 November 2026)";
    const enRows = [
      [
        "Customer data quality: score at reassessment",
        "Manager",
        enBaseline,
        "2.92 by 22 February 2027",
        "Interim check and reassessment",
      ],
      [
        "Completeness of mandatory fields in active customer records",
        "Manager",
        "To be measured by week 16",
        enTarget,
        "At each phase review",
      ],
    ];
    const en = columnWidths(enColumns, enRows);
    // "2.14 (assessment / of / 16 March 2026)" took three lines, "of" alone on the second.
    expect(linesAtEm(enBaseline, text(en, 2))).toBe(2);
    expect(linesAtEm(enTarget, text(en, 3))).toBe(3);
    const shares = [2.8, 1.2, 1.8, 2.8, 1.6].map((w) => Math.floor((w / 10.2) * 9638));
    expect(tableHeight(enColumns, enRows, en)).toBeLessThan(tableHeight(enColumns, enRows, shares));
  });

  it("lets a narrow column's phrase give way before a wide column's, in two even lines", () => {
    // The progress report's dimension table in Chinese when a dimension fell below its target:
    // the verdict (a wide column) stays whole, the progress note (a narrow one) wraps in two
    // lines of four characters, not seven and one ("已回落至目标以" / "下").
    const verdict = "否：在 ±0.56 误差内";
    const note = "已回落至目标以下";
    const whole = (text: string) => ({ text, nowrap: true });
    const widths = columnWidths(
      [
        { header: "维度", width: 3 },
        ...["基线", "复评", "变化", "等级", "目标"].map((header) => ({ header, width: 1 })),
        { header: "是否真实变化", width: 3 },
        { header: "进度", width: 1 },
        { header: "覆盖率", width: 1 },
      ],
      [
        [
          "以客户为中心的文化 †",
          ...["3.33", "2.88", "▼ -0.45", "1 → 3", "3"].map(whole),
          verdict,
          note,
          whole("100% → 100%"),
        ],
      ],
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
    expect(widths[0]).toBeGreaterThanOrEqual(needs(9));
    expect(widths[6]).toBeGreaterThanOrEqual(needs(textEm(verdict)));
    expect(widths[7]).toBeGreaterThanOrEqual(needs(4));
    expect(widths[7]).toBeLessThan(needs(5));
    // Each figure keeps its line, each header its term.
    expect(widths[1]).toBeGreaterThanOrEqual(needs(textEm("3.33")));
    expect(widths[5]).toBeGreaterThanOrEqual(needs(2 * 1.12));
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

describe("lists in Word", () => {
  it("keep their last two items together, so none is left alone on a new page", async () => {
    const { makeBlocks } = await import("../../../src/render/docx/blocks.js");
    const { Document, Packer } = await import("docx");
    const b = makeBlocks("en");
    const doc = new Document({
      sections: [{ children: [...b.bullets(["One", "Two", "Three"]), ...b.numbered(["A", "B"])] }],
    });
    const xml = (await packageParts(new Uint8Array(await Packer.toBuffer(doc)))).get(
      "word/document.xml",
    );
    const paragraphs = [...(xml ?? "").matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => m[0]);
    const kept = paragraphs.map((p) => p.includes("<w:keepNext/>"));
    expect(kept).toEqual([false, true, false, true, false]);
  });
});

// The built CLI takes docx from a bundle of its own with a code cache, and names pictures by a
// SHA-1 from node:crypto rather than docx's JavaScript one (scripts/build.mjs): it must write what
// docx from node_modules writes, pictures and all.
describe("the gap report from the built CLI as DOCX", () => {
  it("is the same bytes as from docx in node_modules", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-docx-bundle-")), "report.docx");
    const r = runCli(["report", ...ACME_ANSWERS, "--format", "docx", "-o", out], { cwd: ACME });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const names = await entryNames(readFileSync(out));
    expect(names.filter((n) => n.startsWith("word/media/")).length).toBeGreaterThan(3);
    const fromSource = await renderDocx(acmeReport());
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(fromSource))).toBe(true);
  }, 60_000);
});
