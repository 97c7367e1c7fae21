import { describe, expect, it } from "vitest";
import { BUILTIN_LABELS, builtinLabelMap, normalizeLabel } from "../../src/survey/answer-texts.js";

describe("the built-in answer labels", () => {
  it("give no label two values", () => {
    const seen = new Map<string, unknown>();
    for (const [value, labels] of BUILTIN_LABELS) {
      for (const label of labels) {
        const key = normalizeLabel(label);
        expect(seen.get(key) ?? value, label).toBe(value);
        seen.set(key, value);
      }
    }
  });

  it("read a Traditional Chinese export (Taiwan, Hong Kong) as its Simplified twin", () => {
    const map = builtinLabelMap();
    const value = (label: string) => map.get(normalizeLabel(label));
    const twins: [string, string][] = [
      ["非常贊同", "非常赞同"],
      ["比較同意", "比较同意"],
      ["贊同", "赞同"],
      ["比較符合", "比较符合"],
      ["既不同意也不反對", "既不同意也不反对"],
      ["比較不同意", "比较不同意"],
      ["不贊同", "不赞同"],
      ["非常不贊同", "非常不赞同"],
      ["不適用於本公司", "不适用于本公司"],
      ["不確定", "不确定"],
      ["說不清", "说不清"],
      ["（跳過）", "(跳过)"],
    ];
    for (const [traditional, simplified] of twins) {
      expect(value(simplified), simplified).toBeDefined();
      expect(value(traditional), traditional).toBe(value(simplified));
    }
    // LimeSurvey's zh-Hant-TW "No answer" reads 不適用: a mapping must say what it means.
    expect(value("不適用")).toBeUndefined();
    // Taiwan's usual five answers: 非常同意、同意、普通、不同意、非常不同意.
    expect(["非常同意", "同意", "普通", "不同意", "非常不同意"].map(value)).toEqual([
      5, 4, 3, 2, 1,
    ]);
  });
});
