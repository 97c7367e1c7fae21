import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { type Comparison, compareAssessments } from "../../src/core/analysis/comparison.js";
import { round2 } from "../../src/core/math/numbers.js";
import type { Lang } from "../../src/core/models/languages.js";
import { escapeInlineMarkdown as escapeMarkdown } from "../../src/core/text/markdown.js";
import { BOLD_EM, textEm, truncateToWidth } from "../../src/core/text/width.js";
import { longestWordEm } from "../../src/core/text/wrap.js";
import {
  COMPARE_FORMATS,
  COMPARE_RENDERERS,
  type CompareFormat,
} from "../../src/render/comparison/index.js";
import { W } from "../../src/render/pptx/deck.js";
import { buildCompareView, cellText, wraps } from "../../src/views/comparison.js";
import { goldenIn } from "../helpers/golden.js";
import { loadLotus } from "../helpers/lotus.js";
import { packageParts, slideFrames } from "../helpers/ooxml.js";
import { layoutFaults, pdfPages } from "../helpers/pdf-layout.js";
import { havePdftotext, pdfText, pdfWords } from "./pdf/helpers.js";

// Built from a string: Biome rejects control characters in regular expression literals.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);

/** Compares with a golden file under test/golden/compare/. */
const expectGolden = goldenIn("compare");

async function lotus(): Promise<Comparison> {
  const { baseline, followup } = await loadLotus();
  return compareAssessments(baseline, followup);
}

// Text formats give strings; docx gives bytes, compared with toEqual.
const render = async (
  format: CompareFormat,
  c: Comparison,
  lang: Lang = "en",
  color = false,
  width = 80,
) => (await COMPARE_RENDERERS[format](c, { lang, color, width })) as string;

describe("compare renderers", () => {
  it("offers table, md, pdf, docx, pptx and json, table first (the default)", () => {
    expect(COMPARE_FORMATS).toEqual(["table", "md", "pdf", "docx", "pptx", "json"]);
  });

  for (const lang of ["en", "zh-CN"] as const) {
    it(`renders the Lotus comparison as Markdown (${lang})`, async () => {
      expectGolden(`lotus.${lang}.md`, await render("md", await lotus(), lang));
    });

    it(`renders the Lotus comparison as a plain table (${lang})`, async () => {
      const text = await render("table", await lotus(), lang);
      expect(text).not.toMatch(ANSI);
      expectGolden(`lotus.${lang}.txt`, text);
    });
  }

  it("says when a dimension at target at baseline fell below it, and when it held", async () => {
    const c = await lotus();
    const d = c.dimensions[0];
    if (!d) throw new Error("no dimension");
    const progressOf = (followup: number) => {
      const edited: Comparison = {
        ...c,
        dimensions: [
          {
            ...d,
            score: { baseline: 3.33, followup, change: round2(followup - 3.33) },
            target: { baseline: 3, followup: 3 },
            progress: null,
            progressStatus: "baseline-at-target",
          },
        ],
      };
      const column = buildCompareView(edited, "en").dimensions.columns.length - 2;
      const zh = buildCompareView(edited, "zh-CN").dimensions.rows[0]?.[column];
      return [buildCompareView(edited, "en").dimensions.rows[0]?.[column], zh];
    };
    expect(progressOf(2.88)).toEqual([
      { text: "fell below target", trend: "down" },
      { text: "已回落至目标以下", trend: "down" },
    ]);
    expect(progressOf(3)).toEqual([
      { text: "at target", trend: "none" },
      { text: "已达目标", trend: "none" },
    ]);
  });

  it("colours progress only where the change is real, not where it is within the noise", async () => {
    const c = await lotus();
    const d = c.dimensions[0];
    if (!d) throw new Error("no dimension");
    const progressCell = (
      signal: "gain" | "within-noise",
      followup: number,
      status: "measured" | "baseline-at-target",
    ) => {
      const edited: Comparison = {
        ...c,
        dimensions: [
          {
            ...d,
            score: { baseline: 2.74, followup, change: round2(followup - 2.74) },
            target: { baseline: 3, followup: status === "measured" ? 3 : 2.5 },
            noise: { band: 0.53, basis: "agreement", signal },
            progress: status === "measured" ? 42 : null,
            progressStatus: status,
          },
        ],
      };
      const view = buildCompareView(edited, "en").dimensions;
      return view.rows[0]?.[view.columns.length - 2];
    };
    // +0.11 against a band of ±0.53: 42 % of the gap, but not progress to show in green.
    expect(progressCell("within-noise", 2.85, "measured")).toEqual({ text: "42%", trend: "same" });
    expect(progressCell("gain", 2.85, "measured")).toEqual({ text: "42%", trend: "up" });
    expect(progressCell("within-noise", 2.45, "baseline-at-target")).toEqual({
      text: "fell below target",
      trend: "same",
    });
  });

  it("renders the versioned JSON model, the same whatever the language", async () => {
    const c = await lotus();
    const en = await render("json", c, "en");
    expect(await render("json", c, "zh-CN")).toBe(en);
    const parsed = JSON.parse(en) as Comparison;
    expect(parsed.schemaVersion).toBe(1);
    expectGolden("lotus.json", en);
  });

  it("colours the table only when asked", async () => {
    const c = await lotus();
    const coloured = await render("table", c, "en", true);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(new RegExp(ANSI.source, "g"), "")).toBe(await render("table", c));
  });

  it("is deterministic for every format and language", async () => {
    for (const format of COMPARE_FORMATS) {
      for (const lang of ["en", "zh-CN"] as const) {
        expect(await render(format, await lotus(), lang)).toEqual(
          await render(format, await lotus(), lang),
        );
      }
    }
  });

  it("keeps Chinese table columns aligned (each row as wide as the border)", async () => {
    const text = await render("table", await lotus(), "zh-CN");
    const width = (s: string) =>
      [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const block = text.split("\n").filter((l) => /^[┌│├└]/.test(l));
    const tables: string[][] = [];
    for (const line of block) {
      if (line.startsWith("┌")) tables.push([]);
      tables.at(-1)?.push(line);
    }
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) {
      const widths = new Set(t.map(width));
      expect(widths.size, t.join("\n")).toBe(1);
    }
  });
});

describe("the movers table", () => {
  it("has a question text column only when the texts are known", async () => {
    const { baseline, followup } = await loadLotus();
    const withTexts = buildCompareView(compareAssessments(baseline, followup), "en").movers;
    expect(withTexts?.columns.map((c) => c.label)).toContain("Question");
    // Results JSON files compared on their own: ids only, so no column left empty.
    const idsOnly = buildCompareView(
      compareAssessments({ results: baseline.results }, { results: followup.results }),
      "en",
    ).movers;
    const columns = idsOnly?.columns.map((c) => c.label) ?? [];
    expect(columns).not.toContain("Question");
    expect(idsOnly?.rows.every((r) => r.length === columns.length)).toBe(true);
    expect(idsOnly?.rows.every((r) => (r[0]?.text ?? "") !== "")).toBe(true);
  });
});

describe("questions in the documents", () => {
  // The documents name questions by their text, as risks by their titles; the questionnaire's
  // ids (lead.ceo-ownership, data.quality-measured) are for the terminal and the JSON.
  const ids = /\b(?:lead|cult|data)\.[a-z]+(?:-[a-z]+)*\b/;

  it("give the movers and the questionnaire changes by their text, without ids", async () => {
    const c = await lotus();
    const view = buildCompareView(c, "en");
    expect(view.movers?.columns.map((col) => col.label)).toEqual([
      "Question id",
      "Question",
      "Baseline",
      "Follow-up",
      "Change",
    ]);
    expect(view.moversByText?.columns.map((col) => col.label)).toEqual([
      "Question",
      "Baseline",
      "Follow-up",
      "Change",
    ]);
    for (const lang of ["en", "zh-CN"] as const) {
      const md = await render("md", c, lang);
      expect(md.match(ids), lang).toBeNull();
      const docx = await packageParts((await render("docx", c, lang)) as unknown as Uint8Array);
      expect(docx.get("word/document.xml")?.match(ids), lang).toBeNull();
      const pptx = await packageParts((await render("pptx", c, lang)) as unknown as Uint8Array);
      const notes = [...pptx].filter(([name]) => name.startsWith("ppt/notesSlides/"));
      expect(
        notes
          .map(([, x]) => x)
          .join("")
          .match(ids),
        lang,
      ).toBeNull();
    }
    // The versions are said in words, not as how questions are keyed ("matched by id").
    expect(await render("md", c)).toContain(
      "The baseline was answered to crm-maturity 1.0.0 and the follow-up to 1.1.0: each question is compared with the same question in the other version.",
    );
    expect(await render("md", c, "zh-CN")).toContain(
      "基线评估使用 crm-maturity 1.0.0，复评使用 1.1.0；每道题都与另一版本中的同一道题对照比较。",
    );
    // The terminal table keeps them, to find the question in the questionnaire.
    expect(await render("table", c)).toContain("lead.ceo-ownership");
  });

  it.skipIf(!havePdftotext())("leave the ids out of the PDF", async () => {
    const pdf = (await render("pdf", await lotus())) as unknown as Uint8Array;
    const { text } = pdfText(pdf);
    expect(text).toContain("chief executive take part");
    expect(text.match(ids)).toBeNull();
  });

  it("fall back on the id where no questionnaire gives the text", async () => {
    const { baseline, followup } = await loadLotus();
    const c = compareAssessments({ results: baseline.results }, { results: followup.results });
    const movers = buildCompareView(c, "en").moversByText;
    expect(movers?.rows[0]?.[0]).toMatchObject({ code: true });
    expect(movers?.rows[0]?.[0]?.text).toMatch(ids);
  });
});

describe("Markdown safety", () => {
  it("escapes characters that would break tables, emphasis, links or HTML", () => {
    expect(escapeMarkdown("A | B *bold* _x_ [link](u) <b> `c` # ~ &amp; \\")).toBe(
      "A \\| B \\*bold\\* \\_x\\_ \\[link\\](u) \\<b> \\`c\\` # \\~ \\&amp; \\\\",
    );
    // The same rules as the report: a line break stays visible (as <br>) inside a table cell.
    expect(escapeMarkdown("line one\nline two\r\nthree")).toBe("line one<br>line two<br>three");
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("高层参与与执行")).toBe("高层参与与执行");
    expect(escapeMarkdown(" (high)")).toBe(" (high)");
    expect(escapeMarkdown("2.27")).toBe("2.27");
  });

  it("keeps a hostile client name inside its table cell and heading", async () => {
    const c = await lotus();
    const name = "Evil | Co. *Ltd*\n# injected <script>";
    const hostile: Comparison = {
      ...c,
      baseline: { ...c.baseline, client: { ...c.baseline.client, name } },
      followup: {
        ...c.followup,
        client: { ...c.followup.client, name },
        assessor: "A|B",
      },
    };
    const md = await render("md", hostile);
    expect(md).not.toMatch(/(?<!\\)<script>/);
    expect(md).not.toMatch(/^# injected/m);
    const clientRow = md.split("\n").find((l) => l.includes("Evil"));
    expect(clientRow).toBeDefined();
    // Header row: label + 2 values → 4 unescaped pipes.
    const row = md.split("\n").find((l) => l.startsWith("| Client"));
    expect(row?.replace(/\\\|/g, "").split("|").length).toBe(5);
    expect(md).toContain("| Assessor | Wang Li | A\\|B |");
  });
});

describe("truncateToWidth", () => {
  it("counts Chinese characters as two columns and ends a cut with …", () => {
    expect(truncateToWidth("abcdef", 10)).toBe("abcdef");
    expect(truncateToWidth("abcdefghijkl", 6)).toBe("abcde…");
    expect(truncateToWidth("高层参与与执行", 7)).toBe("高层参…");
  });
});

describe("the table fits the terminal", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    for (const width of [40, 60, 80, 120, 200]) {
      it(`${lang}, ${width} columns: no line is wider, no figure or mark is lost`, async () => {
        const c = await lotus();
        const text = await render("table", c, lang, false, width);
        for (const line of text.split("\n")) {
          expect(stringWidth(line), line).toBeLessThanOrEqual(width);
        }
        const coloured = await render("table", c, lang, true, width);
        expect(coloured.replace(new RegExp(ANSI, "g"), "")).toBe(text);
        for (const d of c.dimensions) {
          expect(text).toContain(d.score.baseline?.toFixed(2));
          expect(text).toContain(d.score.followup?.toFixed(2));
        }
        // Every mover marked † keeps its mark, whatever the width leaves out or stacks.
        const heading = buildCompareView(c, lang).labels.movers;
        const movers = text.slice(text.indexOf(`\n${heading}\n`));
        const marks = movers.split("\n").filter((l) => !l.startsWith("†") && l.includes("†"));
        expect(marks).toHaveLength(c.questions.movers.filter((m) => m.definitionChanged).length);
      });
    }
  }

  it("leaves columns out at 80 and says which; keeps them all at 200", async () => {
    const c = await lotus();
    const narrow = await render("table", c, "en", false, 80);
    expect(narrow).toContain("Left out at this width: Level, Target and Coverage.");
    expect(narrow).toContain("│ lead.expectations      │ Are executive e… † │");
    const narrower = await render("table", c, "en", false, 60);
    expect(narrower).toContain("Left out at this width: Question.");
    expect(narrower).toContain("│ lead.expectations †    │");
    const wide = await render("table", c, "en", false, 200);
    expect(wide).not.toContain("Left out at this width");
    expect(wide).toMatch(
      /│ Dimension +│ Baseline │ Follow-up │ +Change │ Level │ Target │ Real change\? +│ Progress │ +Coverage │/,
    );
  });
});

describe("docs/compare.md", () => {
  it("shows the current table output as its example", () => {
    const doc = readFileSync(path.join(import.meta.dirname, "../../docs/compare.md"), "utf8");
    const golden = readFileSync(
      path.join(import.meta.dirname, "../golden/compare/lotus.en.txt"),
      "utf8",
    );
    expect(doc).toContain(golden.slice(0, golden.indexOf("Biggest movers")).trimEnd());
  });
});

describe("--movers 0", () => {
  it("leaves the movers section out instead of claiming nothing moved", async () => {
    const { baseline, followup } = await loadLotus();
    const c = compareAssessments(baseline, followup, { movers: 0 });
    for (const format of ["table", "md"] as const) {
      const text = await render(format, c);
      expect(text).not.toContain("Biggest movers");
      expect(text).not.toContain("No matched question changed score");
    }
  });
});

describe("KPIs moved in the text formats", () => {
  it("lists every KPI of the model with its signal, and leaves the section out without KPIs", async () => {
    const c = await lotus();
    expect(c.kpis.length).toBeGreaterThan(0);
    for (const [format, lang, heading] of [
      ["table", "en", "KPIs moved"],
      ["md", "en", "## KPIs moved"],
      ["table", "zh-CN", "关键指标的变化"],
      ["md", "zh-CN", "## 关键指标的变化"],
    ] as const) {
      const text = await render(format, c, lang);
      const section = text.slice(text.indexOf(heading));
      expect(text, `${format} ${lang}`).toContain(heading);
      for (const k of c.kpis) expect(section).toContain(k.title[lang] ?? k.title.en);
      const none = await render(format, { ...c, kpis: [] }, lang);
      expect(none, `${format} ${lang} without KPIs`).not.toContain(heading);
    }
  });

  it("names each KPI by its dimension, not 'score at reassessment' beside a baseline column", async () => {
    const c = await lotus();
    for (const lang of ["en", "zh-CN"] as const) {
      const kpis = buildCompareView(c, lang).kpis;
      expect(kpis?.rows.map((r) => r[0]?.text)).toEqual(c.kpis.map((k) => k.title[lang]));
    }
    expect(await render("md", c)).not.toContain("score at reassessment");
    expect(await render("md", c, "zh-CN")).not.toContain("：复评得分 |");
  });
});

describe("dimension weights changed between the versions", () => {
  /** Lotus with leadership weighing twice what it did at the baseline. */
  async function reweighted(): Promise<Comparison> {
    const c = await lotus();
    return {
      ...c,
      overall: { ...c.overall, weightsChanged: true },
      dimensions: c.dimensions.map((d) =>
        d.id === "leadership" ? { ...d, weight: { baseline: 1.5, followup: 3, change: 1.5 } } : d,
      ),
    };
  }

  it("marks the overall score ‡ and lists the re-weighted dimensions in every language", async () => {
    const c = await reweighted();
    const cases = [
      [
        "en",
        "Overall ‡",
        "Dimension weights changed (1)",
        "(weight 1.5 → 3)",
        "part of the overall change comes from the re-weighting",
      ],
      [
        "zh-CN",
        "总体 ‡",
        "维度权重调整（1）",
        "（权重 1.5 → 3）",
        "总体得分的变化有一部分来自权重调整",
      ],
    ] as const;
    for (const [lang, overall, group, detail, footnote] of cases) {
      for (const format of ["table", "md"] as const) {
        // Wide enough for every sentence on one line: this is about what is said.
        const text = await render(format, c, lang, false, 200);
        for (const needle of [overall, group, detail, footnote]) {
          expect(text, `${format} ${lang}`).toContain(needle);
        }
      }
    }
    const notes = [...(await packageParts((await render("pptx", c)) as unknown as Uint8Array))]
      .filter(([name]) => name.includes("notesSlide"))
      .map(([, xml]) => xml)
      .join("");
    expect(notes).toContain("part of the overall change comes from the re-weighting");
    // Without the flag nothing is said: the Lotus versions weigh their dimensions alike.
    const plain = await render("table", await lotus());
    expect(plain).not.toContain("‡");
    expect(plain).not.toContain("Dimension weights changed");
  });
});

describe("both assessments answered to one questionnaire version", () => {
  it("says the questions are the same once, not '1.1.0 → 1.1.0' and 'nothing changed'", async () => {
    const { followup } = await loadLotus();
    const c = compareAssessments(followup, followup);
    expect(c.questions.basis).toBe("questionnaires");
    const cases = [
      ["en", "Both assessments used crm-maturity 1.1.0: the questions are the same."],
      ["zh-CN", "两次评估均使用 crm-maturity 1.1.0，题目相同。"],
    ] as const;
    for (const [lang, same] of cases) {
      for (const format of ["table", "md"] as const) {
        // Wide enough for every sentence on one line: this is about what is said.
        const text = await render(format, c, lang, false, 200);
        expect(text).toContain(same);
        expect(text).not.toContain("1.1.0 → 1.1.0");
        expect(text).not.toMatch(/No question was added|没有新增、删除或修改的题目/);
      }
    }
  });
});

describe("compare --format pptx: the risks slide", () => {
  it("lists what fits in a column and the rest in the speaker notes", async () => {
    const c = await lotus();
    const [risk] = c.risks.persisting;
    if (!risk) throw new Error("no persisting risk");
    const many = Array.from({ length: 25 }, (_, i) => ({
      ...risk,
      id: `risk-${i}`,
      title: { en: `Risk number ${i}`, "zh-CN": `风险 ${i}` },
    }));
    const parts = await packageParts(
      (await render("pptx", {
        ...c,
        risks: { ...c.risks, persisting: many },
      })) as unknown as Uint8Array,
    );
    const xml = (kind: string) =>
      [...parts]
        .filter(([name]) => new RegExp(`^ppt/${kind}/\\w+\\d+\\.xml$`).test(name))
        .map(([, x]) => x)
        .join("");
    const slides = xml("slides");
    expect(slides).toContain("Risk number 6 (high)");
    expect(slides).not.toContain("Risk number 7 (high)");
    expect(slides).toContain("… and 18 more");
    // It opens on the readiness verdict, and its title says so.
    expect(slides).toContain("<a:t>Readiness and risks</a:t>");
    expect(xml("notesSlides")).toContain("Risk number 24 (high)");
  });
});

describe("compare --format pptx: the title slide", () => {
  it("is laid out as the report deck's cover, with the interval among the facts", async () => {
    const { renderPptx } = await import("../../src/render/report/pptx.js");
    const { acmeReport } = await import("../helpers/report.js");
    const boxes = async (bytes: Uint8Array) => {
      const slide = (await packageParts(bytes)).get("ppt/slides/slide1.xml") ?? "";
      return {
        slide,
        at: [...slide.matchAll(/<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/g)].map(
          (m) => m.slice(1).join(","),
        ),
      };
    };
    const c = await lotus();
    for (const lang of ["en", "zh-CN"] as const) {
      const report = await boxes(await renderPptx(acmeReport({ lang })));
      const progress = await boxes((await render("pptx", c, lang)) as unknown as Uint8Array);
      // The slide's group, then title, client and facts where the report's cover has them.
      expect(progress.at.slice(0, 4), lang).toEqual(report.at.slice(0, 4));
      const v = buildCompareView(c, lang);
      expect(progress.slide).toContain(`${v.interval.label}${v.colon}${v.interval.value}`);
      expect(progress.slide).not.toContain("<a:tbl>");
    }
  });
});

describe("compare --format pptx: the tables", () => {
  it("line up with the text of their slide, as the report deck's do", async () => {
    const parts = await packageParts(
      (await render("pptx", await lotus())) as unknown as Uint8Array,
    );
    const frames = [...parts]
      .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .map(([, x]) => slideFrames(x));
    const inches = (x: number) => Math.round(x * 1000) / 1000;
    const start = inches(Math.min(...frames.flatMap((f) => f.textStarts)));
    const tables = frames.flatMap((f) => f.tables);
    // The dimensions beside the radar, the KPIs and the perception gaps.
    expect(tables.length).toBe(3);
    for (const t of tables) {
      const edges = [t.x, t.x + t.w].map(inches);
      expect(edges[0] === start || edges[1] === inches(W - start), `${edges}`).toBe(true);
    }
  });

  it("right-align their figures, as the PDF and Word do, and keep names left", async () => {
    const parts = await packageParts(
      (await render("pptx", await lotus())) as unknown as Uint8Array,
    );
    const cells = [...parts]
      .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .flatMap(([, x]) => x.match(/<a:tc>.*?<\/a:tc>/g) ?? [])
      .map((tc) => ({
        text: [...tc.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(""),
        right: /algn="r"/.test(tc),
        paragraphs: (tc.match(/<a:p>/g) ?? []).length,
      }));
    // A flagged gap and its label stay on one line (one paragraph), right-aligned together.
    const flagged = cells.filter((c) => c.text.includes("flagged"));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.filter((c) => c.paragraphs !== 1)).toEqual([]);
    // Scores (2.27), changes (▲ +0.92) and perception gaps (1.21 flagged).
    const figures = cells.filter((c) =>
      /^(?:[▲▼=] [+-]?)?\d+\.\d\d(?:\u00a0flagged\u00a0)?$/.test(c.text),
    );
    expect(figures.length).toBeGreaterThan(20);
    expect(figures.filter((c) => !c.right)).toEqual([]);
    const names = cells.filter((c) => c.text === "Leadership involvement");
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((c) => !c.right)).toBe(true);
  });
});

describe("readiness at both assessments", () => {
  it("reads as a sentence when the verdict did not change, and as a move when it did", async () => {
    const c = await lotus();
    const same: Comparison = {
      ...c,
      readiness: {
        ...c.readiness,
        baseline: "conditional",
        followup: "conditional",
        direction: "unchanged",
      },
    };
    expect(buildCompareView(same, "en").readiness.paragraph).toBe(
      "Ready with conditions, as at the baseline",
    );
    expect(buildCompareView(same, "zh-CN").readiness.line).toBe("有条件就绪，与基线相同");
    const md = await render("md", same);
    expect(md).not.toMatch(/ready with conditions → ready with conditions|\(= unchanged\)/i);
    expect(md).toContain("Baseline (ready with conditions), for these reasons:");
    // A change keeps its arrow and direction.
    expect(buildCompareView(c, "en").readiness.paragraph).toBe(
      "Not ready → ready with conditions (▲ improved)",
    );
  });
});

describe("an empty risk group", () => {
  it("says what its emptiness means, not 'None.'", async () => {
    const c = await lotus();
    const none: Comparison = { ...c, risks: { ...c.risks, new: [] } };
    const md = await render("md", none);
    expect(md).toContain("### New (0)\n\nNo new risk has appeared.");
    expect(md).not.toMatch(/^None\.$/m);
    expect(await render("md", none, "zh-CN")).toContain("### 新出现（0）\n\n没有出现新的风险。");
    expect(await render("table", none)).toContain("  New (0)\n    No new risk has appeared.");
    const docx = await packageParts((await render("docx", none)) as unknown as Uint8Array);
    expect(docx.get("word/document.xml")).toContain("No new risk has appeared.");
    const pptx = await packageParts((await render("pptx", none)) as unknown as Uint8Array);
    const slides = [...pptx].map(([, x]) => x).join("");
    expect(slides).toContain("No new risk has appeared.");
  });
});

describe("compare --format docx: the dimension table", () => {
  it("gives every column room for its header's words and its figures on one line", async () => {
    const c = await lotus();
    const [first, ...rest] = c.dimensions;
    if (!first) throw new Error("no dimension");
    // A dimension that fell below its target: the widest verdict the progress column shows.
    const fell: Comparison = {
      ...c,
      dimensions: [
        {
          ...first,
          score: { baseline: 3.33, followup: 2.88, change: -0.45 },
          target: { baseline: 3, followup: 3 },
          progress: null,
          progressStatus: "baseline-at-target",
        },
        ...rest,
      ],
    };
    // 8.5 pt table text (170 twips an em), and the cell margins with the slack Word's and
    // LibreOffice's substitute faces need (CELL_PADDING in src/render/docx/blocks.ts).
    const twips = (em: number, bold = false) => em * 170 * (bold ? BOLD_EM : 1) + 200;
    for (const lang of ["en", "zh-CN"] as const) {
      const docx = await packageParts((await render("docx", fell, lang)) as unknown as Uint8Array);
      const grids = [
        ...(docx.get("word/document.xml") ?? "").matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g),
      ];
      // The second table, after the two assessments side by side.
      const widths = [...(grids[1]?.[1] ?? "").matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
      const view = buildCompareView(fell, lang).dimensions;
      expect(widths, lang).toHaveLength(view.columns.length);
      view.columns.forEach((col, i) => {
        expect(widths[i], `${lang}: ${col.label}`).toBeGreaterThanOrEqual(
          twips(longestWordEm(col.label), true),
        );
      });
      // The Chinese verdicts ("否：在 ±0.56 误差内") keep to one line: none leaves "内" alone.
      const signal = view.columns.findIndex((col) => col.role === "signal");
      // (In English they may wrap between words.)
      for (const row of lang === "zh-CN" ? view.rows : [])
        expect(widths[signal], `${lang}: ${row[signal]?.text}`).toBeGreaterThanOrEqual(
          twips(textEm(row[signal]?.text ?? "")),
        );
      // Scores, levels and coverage ("100% → 100%") keep to one line.
      for (const row of view.rows) {
        view.columns.forEach((col, i) => {
          if (wraps(col) || col.role === "signal") return;
          expect(widths[i], `${lang}: ${row[i]?.text}`).toBeGreaterThanOrEqual(
            twips(textEm(row[i]?.text ?? "")),
          );
        });
      }
    }
  });
});

describe("compare --format pdf: headings", () => {
  it.skipIf(!havePdftotext())(
    "never stay at a page foot without the table they introduce, nor the closing section alone on a page",
    async () => {
      const c = await lotus();
      const [risk] = c.risks.persisting;
      if (!risk) throw new Error("no persisting risk");
      const dir = mkdtempSync(path.join(os.tmpdir(), "crm-compare-pdf-"));
      const faults: string[] = [];
      // Ever more persisting risks push the tables after them down the pages, past every foot.
      for (const lang of ["en", "zh-CN"] as const) {
        for (let n = 0; n <= 40; n += 2) {
          const persisting = Array.from({ length: n }, (_, i) => ({
            ...risk,
            id: `risk-${i}`,
            title: { en: `Risk number ${i}`, "zh-CN": `风险 ${i}` },
          }));
          const pdf = (await render(
            "pdf",
            { ...c, risks: { ...c.risks, persisting } },
            lang,
          )) as unknown as Uint8Array;
          const file = path.join(dir, `${lang}-${n}.pdf`);
          writeFileSync(file, pdf);
          const pages = pdfPages(file);
          for (const f of layoutFaults(pages)) {
            if (f.kind === "orphaned-heading")
              faults.push(`${lang}, ${n} risks: ${f.text} (page ${f.page})`);
          }
          // The short closing section never stands alone on the last page.
          const method = buildCompareView(c, lang).labels.method;
          const last = (pages.at(-1) ?? []).filter((t) => t.top > 70 && t.top < 770);
          if (last[0]?.text.trim() === method)
            faults.push(`${lang}, ${n} risks: ${method} alone (page ${pages.length})`);
        }
      }
      expect(faults).toEqual([]);
    },
    120_000,
  );
});

describe("the progress documents' footer", () => {
  it("marks them confidential with both dates, as the report's footer does", async () => {
    const c = await lotus();
    const footers = {
      en: "Confidential · Assessments of 15 January 2026 and 15 July 2026",
      "zh-CN": "保密 · 2026年1月15日与2026年7月15日两次评估",
    };
    for (const lang of ["en", "zh-CN"] as const) {
      const footer = footers[lang];
      const docx = await packageParts((await render("docx", c, lang)) as unknown as Uint8Array);
      const footerXml = [...docx].filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
      expect(footerXml.map(([, x]) => x).join(""), lang).toContain(footer);
      const pptx = await packageParts((await render("pptx", c, lang)) as unknown as Uint8Array);
      expect([...pptx].map(([, x]) => x).join(""), lang).toContain(footer);
      if (havePdftotext()) {
        const { pages } = pdfText((await render("pdf", c, lang)) as unknown as Uint8Array);
        for (const page of pages) expect(page.replace(/\s+/g, " "), lang).toContain(footer);
      }
    }
  });
});

describe("compare --format docx: lead-ins", () => {
  it("keep the KPIs' introduction and each readiness side's heading with what follows", async () => {
    const c = await lotus();
    const view = buildCompareView(c, "en");
    const doc =
      (await packageParts((await render("docx", c)) as unknown as Uint8Array)).get(
        "word/document.xml",
      ) ?? "";
    const paragraphOf = (text: string) =>
      doc.match(new RegExp(`<w:p>(?:(?!<w:p>).)*${text.replace(/[().]/g, "\\$&")}`))?.[0] ?? "";
    for (const lead of [view.kpisIntro, ...view.readiness.sides.map((s) => s.heading)]) {
      expect(paragraphOf(lead), lead).toContain("<w:keepNext/>");
    }
  });
});

describe("compare --format pdf: short lists", () => {
  it.skipIf(!havePdftotext())(
    "stand whole on the page of their heading",
    async () => {
      const c = await lotus();
      const [risk] = c.risks.persisting;
      if (!risk) throw new Error("no persisting risk");
      const risks = (label: string, count: number) =>
        Array.from({ length: count }, (_, i) => ({
          ...risk,
          id: `${label}-${i}`,
          title: { en: `${label} risk ${i}`, "zh-CN": `${label} ${i}` },
        }));
      const split: string[] = [];
      // Ever more resolved risks push the short lists after them down the page, past its foot.
      for (let n = 0; n <= 40; n++) {
        const shifted: Comparison = {
          ...c,
          risks: {
            resolved: risks("Resolved", n),
            new: risks("New", 3),
            persisting: risks("Kept", 4),
          },
        };
        const { pages } = pdfText((await render("pdf", shifted)) as unknown as Uint8Array);
        const flat = pages.map((p) => p.replace(/\s+/g, " "));
        for (const [key, heading] of [
          ["new", "New (3)"],
          ["persisting", "Persisting (4)"],
        ] as const) {
          const at = flat.findIndex((p) => p.includes(heading));
          for (const r of shifted.risks[key]) {
            const title = r.title.en ?? r.id;
            if (!flat[at]?.includes(title)) split.push(`${n} resolved: ${title}`);
          }
        }
      }
      expect(split).toEqual([]);
    },
    120_000,
  );
});

describe("profile warnings", () => {
  it("name the profiles in the document's language, and by id on standard error", async () => {
    const c = await lotus();
    const w = {
      code: "profile-mismatch" as const,
      baseline: "b2b-industrial,mid-size",
      followup: "standard",
      names: {
        baseline: [
          { en: "B2B manufacturing and industrial", "zh-CN": "B2B 制造与工业" },
          { en: "Mid-size", "zh-CN": "中型" },
        ],
        followup: [],
      },
    };
    const edited: Comparison = { ...c, warnings: [w] };
    expect(buildCompareView(edited, "en").warnings[0]).toContain(
      "different profiles: B2B manufacturing and industrial · Mid-size at baseline, the standard weights at follow-up.",
    );
    expect(buildCompareView(edited, "zh-CN").warnings[0]).toContain(
      "基线为 B2B 制造与工业 · 中型，复评为标准权重。",
    );
  });
});

describe("the interval between the assessments", () => {
  it("is worded in the singular for one month or one day", async () => {
    const c = await lotus();
    const interval = (months: number, days: number, lang: Lang = "en") =>
      buildCompareView({ ...c, interval: { months, days } }, lang).interval.value;
    expect(interval(6, 181)).toBe("6 months (181 days)");
    expect(interval(1, 31)).toBe("1 month (31 days)");
    expect(interval(0, 1)).toBe("0 months (1 day)");
    expect(interval(1, 31, "zh-CN")).toBe("1 个月（31 天）");
  });
});

describe("the comparison view colours only what is more than noise", () => {
  it("leaves a level crossed by a change within the noise uncoloured, as its score change", async () => {
    const c = await lotus();
    const rows = buildCompareView(c, "en").dimensions.rows;
    const level = (id: string) => rows[c.dimensions.findIndex((d) => d.id === id)]?.[4];
    // Leadership's +0.92 is a gain; data quality's +0.50 (1 → 2) is within its ±0.56.
    expect(level("leadership")).toEqual({ text: "1 → 3", trend: "up" });
    expect(level("data-quality")).toEqual({ text: "1 → 2", trend: "same" });
  });

  it("colours the overall change only from a quarter level", async () => {
    const c = await lotus();
    const overall = (change: number) => {
      const edited: Comparison = {
        ...c,
        overall: {
          ...c.overall,
          score: { baseline: 2.36, followup: round2(2.36 + change), change },
          level: { baseline: 2, followup: 3, change: 1 },
        },
      };
      const row = buildCompareView(edited, "en").dimensions.rows.at(-1);
      return [row?.[3]?.trend, row?.[4]?.trend];
    };
    expect(overall(0.33)).toEqual(["up", "up"]);
    expect(overall(0.04)).toEqual(["same", "same"]);
    expect(overall(-0.25)).toEqual(["down", "up"]);
  });
});

describe("compare --format pdf: the dimension table", () => {
  // "2 → 3" and "82% → 100%" read as one figure: a cell that wraps after its arrow reads as two.
  it.skipIf(!havePdftotext()).each(["en", "zh-CN"] as const)(
    "keeps each level and coverage cell on one line (%s)",
    async (lang) => {
      const pdf = (await COMPARE_RENDERERS.pdf(await lotus(), {
        lang,
        color: false,
        width: 80,
      })) as Uint8Array;
      const figure = /^\d+%?$/;
      let cells = 0;
      for (const [page, words] of pdfWords(pdf).entries()) {
        for (const arrow of words.filter((w) => w.text === "→")) {
          const line = words.filter((w) => Math.abs(w.y1 - arrow.y1) < 1);
          const before = line.filter((w) => w.x2 <= arrow.x1).sort((a, b) => b.x2 - a.x2)[0];
          if (!before || !figure.test(before.text)) continue;
          cells += 1;
          const after = line.filter((w) => w.x1 >= arrow.x2).sort((a, b) => a.x1 - b.x1)[0];
          expect(after?.text, `${before.text} → on page ${page + 1}`).toMatch(figure);
        }
      }
      // Three dimensions and the overall row, a level and a coverage cell each.
      expect(cells).toBe(8);
    },
  );
});

describe("a flagged perception gap", () => {
  it("is a figure with a label in the view; the text formats write ⚑ and the label", async () => {
    const c = await lotus();
    for (const [lang, label] of [
      ["en", "flagged"],
      ["zh-CN", "预警"],
    ] as const) {
      const row = buildCompareView(c, lang).perception?.rows[0];
      expect(row?.[1]).toEqual({ text: "1.21", flag: label });
      expect(row?.[1] && cellText(row[1])).toBe(`1.21 ⚑ ${label}`);
      expect(row?.[2]).toEqual({ text: "0.68" });
      expect(await render("md", c, lang)).toContain(`| 1.21 ⚑ ${label} | 0.68 |`);
    }
  });

  it.skipIf(!havePdftotext())(
    "is drawn as a flag in the PDF, never as ! (the font has no ⚑)",
    async () => {
      const c = await lotus();
      for (const [lang, label] of [
        ["en", "flagged"],
        ["zh-CN", "预警"],
      ] as const) {
        const words = pdfWords((await render("pdf", c, lang)) as unknown as Uint8Array).flat();
        expect(
          words.some((w) => w.text === "!" || w.text.includes("⚑")),
          lang,
        ).toBe(false);
        // The label follows the figure on its line, the pennant drawn in the space between.
        const beside = words.flatMap((figure) =>
          figure.text === "1.21"
            ? words
                .filter(
                  (w) =>
                    w.text === label &&
                    Math.abs(w.y1 - figure.y1) < 1 &&
                    w.x1 > figure.x2 &&
                    w.x1 - figure.x2 < 30,
                )
                .map((w) => w.x1 - figure.x2)
            : [],
        );
        expect(beside, lang).toHaveLength(1);
        expect(beside[0], lang).toBeGreaterThan(9);
      }
    },
  );

  it("is a tinted label in Word and in the deck", async () => {
    const c = await lotus();
    const docx = await packageParts((await render("docx", c)) as unknown as Uint8Array);
    const doc = docx.get("word/document.xml") ?? "";
    expect(doc).not.toContain("⚑");
    expect(doc).toMatch(
      /<w:r><w:rPr><w:b\/>(?:(?!<\/w:r>).)*<w:color w:val="1F3A5F"\/>(?:(?!<\/w:r>).)*<w:shd [^>]*w:fill="E7EDF4"[^>]*\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">\u00a0flagged\u00a0<\/w:t><\/w:r>/,
    );
    const pptx = await packageParts((await render("pptx", c)) as unknown as Uint8Array);
    const slides = [...pptx]
      .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .map(([, x]) => x)
      .join("");
    expect(slides).not.toContain("⚑");
    expect(slides).toMatch(
      /<a:rPr [^>]*b="1"[^>]*>(?:(?!<\/a:r>).)*<a:highlight><a:srgbClr val="E7EDF4"\/><\/a:highlight>(?:(?!<\/a:r>).)*<a:t>\u00a0flagged\u00a0<\/a:t>/,
    );
  });
});
