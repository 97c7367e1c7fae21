import { describe, expect, it } from "vitest";
import { LANGS } from "../../../src/core/models/languages.js";
import { renderJson } from "../../../src/render/json.js";
import type { ReportModel } from "../../../src/views/report/model.js";
import { acmeReport } from "../../helpers/report.js";

/** Every string, number and key path in a JSON value. */
function* leaves(value: unknown, at = "$"): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* leaves(v, `${at}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, `${at}.${k}`);
  } else {
    yield [at, value];
  }
}

describe("--format json", () => {
  for (const lang of LANGS) {
    it(`prints the whole report model as valid JSON (${lang})`, () => {
      const model = acmeReport({ lang });
      const text = renderJson(model);
      expect(text.endsWith("}\n")).toBe(true);
      const parsed = JSON.parse(text) as ReportModel;
      expect(parsed).toEqual(model);
      expect(parsed).toMatchObject({ schemaVersion: 2, kind: "report", lang });
      for (const [at, v] of leaves(parsed)) {
        if (typeof v === "number") expect(Number.isFinite(v), at).toBe(true);
        if (typeof v === "string") {
          expect(v, at).not.toMatch(/undefined|NaN|\[object Object\]/);
        }
      }
    });
  }

  it("is byte-identical for the same input", () => {
    expect(renderJson(acmeReport())).toBe(renderJson(acmeReport()));
  });

  it("holds consistent references and chart series", () => {
    const m = acmeReport();
    const actionIds = new Set(m.roadmap.actions.map((a) => a.id));
    // The full edition argues the top risks and tables the rest: a reference may point at either.
    const riskIds = new Set([...m.risks.items, ...m.risks.others.items].map((r) => r.id));
    for (const a of m.roadmap.actions)
      for (const d of a.dependsOn) expect(actionIds.has(d)).toBe(true);
    for (const p of m.roadmap.phases)
      for (const id of p.actions) expect(actionIds.has(id)).toBe(true);
    for (const d of m.dimensions.items) {
      for (const id of d.actions) expect(actionIds.has(id)).toBe(true);
      for (const id of d.risks) expect(riskIds.has(id)).toBe(true);
    }
    for (const s of m.profile.radar.series)
      expect(s.values).toHaveLength(m.profile.radar.axes.length);
    expect(m.roadmap.timeline.bars).toHaveLength(m.roadmap.actions.length);
    expect(m.roadmap.milestone.week).toBe(m.roadmap.totalWeeks);
    expect(m.summary.topGaps.length).toBeLessThanOrEqual(3);
    expect(m.kpis.rows.filter((r) => r.source === "standard").map((r) => r.kpi)).toEqual([
      "Records entered",
      "Completeness",
      "Document quality",
      "Timeliness of data",
      "Accuracy of data",
      "Support for change",
      "Funnel-stage conversion",
      "Team customer results",
    ]);
  });

  it("has every label in both languages, and different words for them", () => {
    const en = acmeReport({ lang: "en" });
    const zh = acmeReport({ lang: "zh-CN" });
    expect(Object.keys(zh.labels)).toEqual(Object.keys(en.labels));
    for (const [key, value] of Object.entries(zh.labels)) {
      expect(value, key).not.toBe("");
      if (!["id", "kpi", "kpis"].includes(key))
        expect(value, key).not.toBe(en.labels[key as keyof typeof en.labels]);
    }
  });
});
