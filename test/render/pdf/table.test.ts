import { describe, expect, it } from "vitest";
import { openPdf } from "../../../src/render/pdf/document.js";
import { type Cell, type Column, layoutTable } from "../../../src/render/pdf/table.js";
import { collectCodePoints } from "../../../src/render/pdf/text.js";
import { SIZE } from "../../../src/render/pdf/theme.js";

/** The lines each cell of a table's only row, and each header, is set in (PAD_X 5 each side). */
async function laidOut(columns: Column[], row: Cell[]) {
  const { w } = await openPdf({
    lang: "zh-CN",
    codePoints: collectCodePoints([columns.map((c) => c.header), row]),
    env: {},
    info: { title: "t", author: "a", subject: "s", keywords: "", date: "2026-01-01" },
  });
  const layout = layoutTable(w, columns, [row], {});
  const inner = (i: number) => (layout.widths[i] ?? 0) - 10;
  return {
    w,
    headStyle: layout.headStyle,
    cells: row.map((c, i) =>
      w.lines(typeof c === "string" ? c : c.text, inner(i), { size: SIZE.table }),
    ),
    headers: columns.map((c, i) => w.lines(c.header, inner(i), layout.headStyle)),
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
});
