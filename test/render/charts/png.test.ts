import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chartRasterizer } from "../../../src/render/charts/png.js";
import { composeSvg, radarSvg, type SvgChart } from "../../../src/render/charts/svg.js";
import { WQY } from "../pdf/helpers.js";

const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const emptyDir = (): string => mkdtempSync(path.join(os.tmpdir(), "crm-png-"));

function radar(labels: string[], legend = ["Current 现状", "Target 目标"]): SvgChart {
  const chart = radarSvg(
    {
      title: "Profile",
      min: 0,
      max: 5,
      axes: labels.map((label, i) => ({ id: `d${i}`, label })),
      series: [
        { key: "current", label: legend[0] ?? "", values: labels.map((_, i) => 1 + (i % 4)) },
        { key: "target", label: legend[1] ?? "", values: labels.map(() => 4) },
      ],
    },
    { inconclusive: "—", current: "Current", target: "Target", gap: "Gap", weeks: "Weeks" },
  );
  if (!chart) throw new Error("a radar of three axes or more");
  return chart;
}

const CHART = radar(["Strategy 战略", "Leadership", "Customer data 客户数据", "Processes"]);
const withoutTexts = (chart: SvgChart): SvgChart => ({
  ...chart,
  parts: chart.parts.filter((p) => typeof p === "string"),
});

describe("the charts' PNG fallback", () => {
  it("keeps real text in the SVG the document embeds", () => {
    expect(composeSvg(CHART)).toBe(CHART.svg);
    expect(CHART.svg).toContain(">Customer data 客户数据</text>");
  });

  it.skipIf(!existsSync(DEJAVU) || !existsSync(WQY))(
    "draws the texts as outlines of the PDF's font: the same bytes every time, other bytes with another font",
    async () => {
      const env = { CRM_MATURITY_FONT_DIRS: emptyDir() };
      const dejavu = await chartRasterizer({ fontPath: DEJAVU, env })(CHART);
      const again = await chartRasterizer({ fontPath: DEJAVU, env })(CHART);
      expect(PNG_SIGNATURE.every((b, i) => dejavu[i] === b)).toBe(true);
      expect(Buffer.from(again).equals(Buffer.from(dejavu))).toBe(true);
      const wqy = await chartRasterizer({ env: { CRM_MATURITY_FONT: WQY } })(CHART);
      expect(Buffer.from(wqy).equals(Buffer.from(dejavu))).toBe(false);
      const blank = await chartRasterizer({ fontPath: DEJAVU, env })(withoutTexts(CHART));
      expect(Buffer.from(blank).equals(Buffer.from(dejavu))).toBe(false);
    },
    60_000,
  );

  it.skipIf(!existsSync(DEJAVU) || !existsSync(WQY))(
    "finds the font once per document, again when a chart shows a character it lacks",
    async () => {
      const dir = emptyDir();
      // DejaVu first (the brand's font), with no Chinese: the Chinese chart needs WenQuanYi.
      const env = { CRM_MATURITY_FONT: WQY, CRM_MATURITY_FONT_DIRS: dir };
      const toPng = chartRasterizer({ brandFontPath: DEJAVU, env });
      const latin = radar(["Strategy", "Leadership", "Processes"], ["Current", "Target"]);
      const chinese = radar(["战略", "领导", "流程"], ["现状", "目标"]);
      const first = await toPng(latin);
      const second = await toPng(chinese);
      expect(
        Buffer.from(first).equals(
          Buffer.from(await chartRasterizer({ fontPath: DEJAVU, env })(latin)),
        ),
      ).toBe(true);
      expect(Buffer.from(second).equals(Buffer.from(await chartRasterizer({ env })(chinese)))).toBe(
        true,
      );
    },
    60_000,
  );

  it("still draws a picture without any usable font, and with a damaged one", async () => {
    const dir = emptyDir();
    const damaged = path.join(dir, "damaged.ttf");
    writeFileSync(damaged, Buffer.from("OTTO not really a font"));
    for (const fonts of [
      { env: { CRM_MATURITY_FONT_DIRS: dir } },
      { fontPath: damaged, env: { CRM_MATURITY_FONT_DIRS: dir } },
    ]) {
      const png = await chartRasterizer(fonts)(CHART);
      expect(PNG_SIGNATURE.every((b, i) => png[i] === b)).toBe(true);
    }
  }, 60_000);
});
