import { describe, expect, it } from "vitest";
import { LANGS } from "../../../src/core/models/languages.js";
import { renderMarkdown } from "../../../src/render/report/markdown.js";
import { acmeReport, expectGolden } from "../../helpers/report.js";

describe("golden Markdown", () => {
  for (const lang of LANGS) {
    it(`renders the gap report in ${lang}`, async () => {
      const md = await renderMarkdown(acmeReport({ lang }));
      expectGolden(`acme.report.${lang}.md`, md);
    });

    it(`renders the roadmap document in ${lang}`, async () => {
      const md = await renderMarkdown(acmeReport({ lang, kind: "roadmap", strategy: "big-fast" }));
      expectGolden(`acme.roadmap.${lang}.md`, md);
    });
  }

  it("writes dates in words outside the Mermaid charts, in both languages and documents", async () => {
    for (const lang of LANGS) {
      for (const kind of ["report", "roadmap"] as const) {
        const md = await renderMarkdown(acmeReport({ lang, kind }));
        const prose = md.replace(/```mermaid\n[\s\S]*?```/g, "");
        expect(prose).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        // The plan starts on the assessment's Monday, 2 March 2026: the first phase's first day.
        expect(prose).toContain(lang === "en" ? "| 2 March 2026 |" : "| 2026年3月2日 |");
      }
    }
  });

  it("writes a decision's bold title with the language's full stop: no space after 。", async () => {
    for (const lang of LANGS) {
      const report = acmeReport({ lang });
      const md = await renderMarkdown(report);
      expect(report.decisions.items.length).toBeGreaterThan(0);
      for (const [i, item] of report.decisions.items.entries()) {
        const line =
          lang === "en"
            ? `${i + 1}. **${item.title}.** ${item.sentence}`
            : `${i + 1}. **${item.title}**。${item.sentence}`;
        expect(md).toContain(line);
      }
    }
  });

  it("is deterministic", async () => {
    const a = await renderMarkdown(acmeReport());
    const b = await renderMarkdown(acmeReport());
    expect(a).toBe(b);
  });

  it("carries every section, the charts and the consulting judgement", async () => {
    const md = await renderMarkdown(acmeReport());
    for (const heading of [
      "## 1. Executive summary",
      "### Readiness: Ready with conditions",
      "### Expectation calibration",
      "### Consulting judgement",
      "## 2. Maturity profile",
      "## 3. Dimensions",
      "## 4. Perception gaps and disagreements",
      "## 5. Risk register",
      "## 6. Roadmap",
      "### 6.1 Rigidify",
      "### 6.2 Optimise",
      "### 6.3 Solidify",
      "### Reassessment",
      "## 7. KPI scorecard for change management",
      "## 8. Decisions and next steps",
      "### Three findings",
      "## 9. Appendix",
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain("```mermaid\nradar-beta\n");
    expect(md).toContain("```mermaid\ngantt\n");
    expect(md).toContain("The chief executive has to execute the programme in person");
    expect(md).toContain("re-optimised and re-solidified");
    expect(md).toMatch(/\| Records entered \|/);
  });

  it("writes Chinese labels and sentences throughout the Chinese report", async () => {
    const md = await renderMarkdown(acmeReport({ lang: "zh-CN" }));
    for (const text of [
      "## 1. 管理层摘要",
      "### 咨询判断",
      "僵化",
      "优化",
      "固化",
      "再优化、再固化",
    ]) {
      expect(md).toContain(text);
    }
    // No English section heading or table header leaks into the Chinese document.
    expect(md).not.toMatch(/^#+ .*(Executive summary|Roadmap|Appendix)/m);
    expect(md).not.toMatch(/\| (Dimension|Score|Target) \|/);
  });
});
