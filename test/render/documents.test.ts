import { describe, expect, it } from "vitest";
import { COMPARE_FORMATS } from "../../src/render/comparison/index.js";
import { RENDERERS_BY_DOCUMENT } from "../../src/render/documents.js";
import { FORMATS } from "../../src/render/report/index.js";
import { SCORE_FORMATS } from "../../src/render/score/index.js";

describe("one format vocabulary", () => {
  it("takes every --format choice from its registry's keys", () => {
    expect(SCORE_FORMATS).toEqual(Object.keys(RENDERERS_BY_DOCUMENT.score));
    expect(FORMATS).toEqual(Object.keys(RENDERERS_BY_DOCUMENT.report));
    expect(COMPARE_FORMATS).toEqual(Object.keys(RENDERERS_BY_DOCUMENT.compare));
  });

  it("calls Markdown md and has json in every document", () => {
    for (const registry of Object.values(RENDERERS_BY_DOCUMENT)) {
      const names = Object.keys(registry);
      expect(names).toContain("md");
      expect(names).toContain("json");
      expect(names).not.toContain("markdown");
    }
  });
});
