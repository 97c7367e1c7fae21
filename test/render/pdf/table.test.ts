import { describe, expect, it } from "vitest";
import { openPdf } from "../../../src/render/pdf/document.js";
import { type Cell, type Column, layoutTable } from "../../../src/render/pdf/table.js";
import { collectCodePoints } from "../../../src/render/pdf/text.js";
import { SIZE } from "../../../src/render/pdf/theme.js";

/** The lines each cell of a table's only row, and each header, is set in (PAD_X 5 each side). */
async function laidOut(columns: Column[], row: Cell[], lang: "en" | "zh-CN" = "zh-CN") {
  const { w } = await openPdf({
    lang,
    codePoints: collectCodePoints([columns.map((c) => c.header), row]),
    env: {},
    info: { title: "t", author: "a", subject: "s", keywords: "", date: "2026-01-01" },
  });
  const layout = layoutTable(w, columns, [row], {});
  const inner = (i: number) => (layout.widths[i] ?? 0) - 10;
  return {
    w,
    widths: layout.widths,
    headStyle: layout.headStyle,
    cells: row.map((c, i) =>
      w.lines(typeof c === "string" ? c : c.text, inner(i), { size: SIZE.table }),
    ),
    headers: columns.map((c, i) =>
      w.lines(c.header, inner(i), layout.headStyles[i] ?? layout.headStyle),
    ),
  };
}

// The PDF's tables size their columns by the core text model's rule (longestToken), as the Word
// tables do: a short value with Chinese in it, spaces and all, stays whole; a word never breaks.
describe("the PDF's table columns", () => {
  it("keep a short Chinese value whole, spaces and all, and a word of a long text", async () => {
    const { cells, headers } = await laidOut(
      [
        { header: "指标", width: 6 },
        { header: "基线", width: 0.1 },
        { header: "负责人", width: 0.1 },
        { header: "是否真实变化", width: 0.1 },
        { header: "工作量（人周）", width: 0.1 },
        { header: "Notes", width: 0.1 },
      ],
      [
        "由总经理亲自主持的指导委员会会议比例（目标 100%）",
        "第 20 周前完成测量",
        "CRM 项目办公室",
        "否：在 ±0.56 误差内",
        "2–3",
        "Responsibilities stay with the programme office",
      ],
    );
    // Split at their spaces before: "第 20 周前完成测 / 量", "CRM / 项目办公室", "否：在 / ±0.56 /
    // 误差内"; and a word of a text over 24 characters was not measured ("Responsibilitie / s").
    expect(cells.slice(1, 4)).toEqual([
      ["第 20 周前完成测量"],
      ["CRM 项目办公室"],
      ["否：在 ±0.56 误差内"],
    ]);
    expect(cells[5]?.[0]).toBe("Responsibilities");
    // A header's unit goes to the next line whole when the column has not room for both.
    expect(headers[4]?.join(" / ")).toMatch(/^工作量( \/ （人周）|（人周）)$/);
    // The long text still wraps, between characters, in the room left.
    expect(cells[0]?.length).toBeLessThanOrEqual(3);
  });

  it("break a short Chinese value only where its column may break it", async () => {
    const header = "工作量（人周数）";
    const { w, headStyle } = await laidOut([{ header, width: 1 }], ["2–3"]);
    // Room for "工作量（人周" but not the whole: not "工作量（人周 / 数）".
    const width = w.widthOf("工作量（人周", headStyle) + 1;
    expect(w.lines(header, width, headStyle)).toEqual(["工作量", "（人周数）"]);
  });

  it("widen a column whose cell would take more lines than its whole pieces need, as Word's do", async () => {
    // The KPI scorecard in Chinese: sized to the date alone, the baseline took three lines,
    // "1.88 / （2026年4月8日 / 评估）", where Word's column (widenColumns) takes two.
    const baseline = "1.88（2026年4月8日评估）";
    const target = "与基线一并商定；在“僵化”阶段结束前（2027年2月16日）达成";
    const { w, cells, widths } = await laidOut(
      [
        { header: "指标", width: 2.6 },
        { header: "负责人", width: 0.9 },
        { header: "基线", width: 1.4 },
        { header: "目标", width: 2.9 },
        { header: "频率", width: 1.3 },
      ],
      [
        { text: "客户数据质量：复评得分", bold: true },
        "中层经理",
        baseline,
        target,
        "中期检查与复评",
      ],
    );
    expect(cells[2]).toEqual(["1.88（2026年4月8日", "评估）"]);
    // The room came from a column that keeps its lines: the target still takes two.
    expect(cells[3]).toHaveLength(2);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(w.width, 5);
  });

  it("never break a header's word at its hyphen", async () => {
    // The actions table: "Effort / (person- / weeks)" before.
    const { headers } = await laidOut(
      [
        { header: "Action", width: 4.6 },
        { header: "Owner", width: 1.9 },
        { header: "Weeks", width: 0.8, align: "right" },
        { header: "Effort (person-weeks)", width: 1.0, align: "right" },
      ],
      [
        "Put the chief executive personally in charge of the CRM programme",
        "Executive",
        "1–4",
        "2–3",
      ],
      "en",
    );
    expect(headers[3]).toEqual(["Effort", "(person-weeks)"]);
  });
});
