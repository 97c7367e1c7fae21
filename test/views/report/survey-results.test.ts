// The report built from a survey's results (`batch`): what reads oddly for a survey is not there
// (interviews, a list of anonymous ids), and a --group-by column gets its own table of scores.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { materializeResults } from "../../../src/batch/run.js";
import type { Results } from "../../../src/core/models/results.js";
import { longestWordEm } from "../../../src/core/text/wrap.js";
import { fmtScore } from "../../../src/render/pdf/text.js";
import { renderDocx } from "../../../src/render/report/docx.js";
import { renderMarkdown } from "../../../src/render/report/markdown.js";
import { renderPdf } from "../../../src/render/report/pdf.js";
import { renderPptx } from "../../../src/render/report/pptx.js";
import { buildReport } from "../../../src/views/report/build.js";
import {
  ANONYMOUS_GROUP_MINIMUM,
  SHOWN_GROUPS,
} from "../../../src/views/report/sections/perception.js";
import { BATCH, questionnaire, runOn } from "../../batch/helpers.js";
import { packageParts } from "../../helpers/ooxml.js";
import { acmeReport } from "../../helpers/report.js";
import { havePdftotext, pdfText } from "../../render/pdf/helpers.js";

const XML_ENTITIES: Record<string, string> = { quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" };

/** The bad-rows fixture's good rows, grouped by its department column, as batch writes them. */
async function surveyResults(): Promise<Results> {
  const run = await runOn(
    path.join(BATCH, "bad-rows/export.csv"),
    path.join(BATCH, "bad-rows/mapping.yaml"),
  );
  return materializeResults(run.outcome);
}

/** The results with the group-by column holding `n` values of `respondents(i)` people each. */
function withGroups(results: Results, n: number, respondents: (i: number) => number): Results {
  const copy = structuredClone(results);
  const group = copy.statistics?.groups[0];
  const template = group?.values[0];
  if (!group || !template) throw new Error("the fixture has no group values");
  group.values = Array.from({ length: n }, (_, i) => ({
    ...structuredClone(template),
    value: `Team ${String(i + 1).padStart(2, "0")}`,
    respondents: respondents(i),
  }));
  return copy;
}

describe("a report from survey results", () => {
  it("gives each --group-by value's mean scores per dimension and overall", async () => {
    const results = await surveyResults();
    // The fixture's departments have one respondent each: only the internal edition shows them.
    const report = buildReport(results, questionnaire(), { lang: "en", edition: "internal" });
    const group = results.statistics?.groups[0];
    expect(group?.values.length).toBeGreaterThan(1);
    const [table] = report.perception.byGroup;
    expect(table?.title).toBe("Scores by department");
    expect(table?.values).toEqual(
      group?.values.map((v) => ({ value: v.value, name: v.value, count: v.respondents })),
    );
    expect(table?.rows.map((r) => r.dimension)).toEqual([
      ...results.dimensions.map((d) => d.id),
      "overall",
    ]);
    expect(table?.rows.at(-1)?.scores).toEqual(group?.values.map((v) => v.overall.mean));
    expect(table?.rows[0]?.scores).toEqual(
      group?.values.map((v) => v.dimensions[results.dimensions[0]?.id ?? ""]?.mean ?? null),
    );
    expect(table?.more).toBeUndefined();
  });

  it("has no table for a column none of whose groups is large enough to show", async () => {
    const report = buildReport(await surveyResults(), questionnaire(), { lang: "en" });
    expect(report.perception.byGroup).toEqual([]);
  });

  it("names a group column by its heading without the survey's numbering, in both languages", async () => {
    const results = withGroups(await surveyResults(), 2, () => 10);
    const group = results.statistics?.groups[0];
    if (!group) throw new Error("no group");
    group.column = "74、您所在的部门：";
    const zh = buildReport(results, questionnaire(), { lang: "zh-CN" });
    expect(zh.perception.byGroup[0]?.title).toBe("按“您所在的部门”分组的得分");
    expect(zh.appendix.reliability?.groups[0]?.title).toBe("按“您所在的部门”分组的一致性");
    expect(zh.perception.byGroup[0]?.column).toBe("74、您所在的部门：");
  });

  it("shows the groups with the most respondents, and says where the others are", async () => {
    const results = withGroups(await surveyResults(), SHOWN_GROUPS + 3, (i) => 10 + i);
    const [table] = buildReport(results, questionnaire(), { lang: "en" }).perception.byGroup;
    expect(table?.values.map((v) => v.count)).toEqual(
      Array.from({ length: SHOWN_GROUPS }, (_, i) => 13 + i),
    );
    expect(table?.rows.every((r) => r.scores.length === SHOWN_GROUPS)).toBe(true);
    expect(table?.more).toBe(
      `Of the ${SHOWN_GROUPS + 3} groups, the ${SHOWN_GROUPS} with the most respondents are shown. Every group's figures are in the assessment's working papers.`,
    );
  });

  it("says where every group's figures are: the results JSON and respondents CSV internally, the working papers for the client", async () => {
    const results = withGroups(await surveyResults(), SHOWN_GROUPS + 3, (i) => 10 + i);
    const more = (lang: "en" | "zh-CN", edition: "internal" | "full" | "board") =>
      buildReport(results, questionnaire(), { lang, edition }).perception.byGroup[0]?.more ?? "";
    expect(more("en", "internal")).toBe(
      `Of the ${SHOWN_GROUPS + 3} groups, the ${SHOWN_GROUPS} with the most respondents are shown. Every group's figures are in the results JSON that crm-maturity batch wrote, under statistics.groups; each respondent's scores, with their group, are in the respondents CSV it writes with --respondents.`,
    );
    expect(more("zh-CN", "internal")).toBe(
      `共 ${SHOWN_GROUPS + 3} 组，此处列出人数最多的 ${SHOWN_GROUPS} 组。各组的完整数据见 crm-maturity batch 写出的结果 JSON 中的 statistics.groups；每位受访者的得分及所属分组见 batch 以 --respondents 写出的受访者 CSV。`,
    );
    // The client's editions name no command, option or file.
    for (const lang of ["en", "zh-CN"] as const) {
      for (const edition of ["full", "board"] as const) {
        expect(more(lang, edition)).not.toMatch(/crm-maturity|--|JSON|CSV|statistics/);
        expect(more(lang, edition)).toMatch(/working papers|工作底稿/);
      }
    }
  });

  it("leaves out, in the client's editions and anonymized, the groups small enough to single someone out", async () => {
    const results = withGroups(await surveyResults(), 4, (i) => (i === 0 ? 1 : 20));
    const internal = buildReport(results, questionnaire(), { lang: "en", edition: "internal" })
      .perception.byGroup[0];
    expect(internal?.values).toHaveLength(4);
    const full = buildReport(results, questionnaire(), { lang: "en" }).perception.byGroup[0];
    expect(full?.values.map((v) => v.count)).toEqual([20, 20, 20]);
    expect(full?.more).toBe(
      `One group of fewer than ${ANONYMOUS_GROUP_MINIMUM} respondents is not shown, so that no one's answers can be singled out. Every group's figures are in the assessment's working papers.`,
    );
    const anonymized = buildReport(results, questionnaire(), { lang: "zh-CN", anonymize: true })
      .perception.byGroup[0];
    expect(anonymized?.values.map((v) => v.count)).toEqual([20, 20, 20]);
    expect(anonymized?.more).toBe(
      `为避免从结果中识别出个人，不足 ${ANONYMOUS_GROUP_MINIMUM} 人的 1 个组未予列出。各组的完整数据保存在本次评估的工作底稿中。`,
    );
  });

  it("does not list the respondents' ids: one sentence says how many answered and where each is", async () => {
    const results = await surveyResults();
    const total = results.respondents.length;
    const en = buildReport(results, questionnaire(), { lang: "en" });
    expect(en.appendix.respondents.items).toEqual([]);
    expect(en.appendix.respondents.more).toBe(
      `${total} people answered the survey; the cover gives their number in each role. They are not listed one by one here: each respondent's scores are part of the assessment's working papers and are available on request.`,
    );
    // Anonymized too: the sentence names nobody, and an empty table would say nothing.
    const anonymized = buildReport(results, questionnaire(), { lang: "en", anonymize: true });
    expect(anonymized.appendix.respondents).toEqual(en.appendix.respondents);
    const internal = buildReport(results, questionnaire(), { lang: "zh-CN", edition: "internal" });
    expect(internal.appendix.respondents.more).toBe(
      `共有 ${total} 人填写了本次问卷，各角色人数见封面。此处不逐一列出受访者：每位受访者的得分见 crm-maturity batch 以 --respondents 写出的受访者 CSV。`,
    );
  });

  it("speaks of the interviews' notes only where the answers hold some", async () => {
    const results = await surveyResults();
    const survey = buildReport(results, questionnaire(), { lang: "en" });
    expect(survey.dimensions.intro).not.toMatch(/interview/);
    expect(buildReport(results, questionnaire(), { lang: "zh-CN" }).dimensions.intro).not.toMatch(
      /访谈/,
    );
    expect(acmeReport({ lang: "en" }).dimensions.intro).toMatch(/what the interviews recorded/);
    expect(acmeReport({ lang: "zh-CN" }).dimensions.intro).toMatch(/访谈中记录的备注与证据/);
  });

  it("renders the group table and the respondents' sentence in Markdown, PDF and Word", async () => {
    const report = buildReport(await surveyResults(), questionnaire(), {
      lang: "en",
      edition: "internal",
    });
    const [table] = report.perception.byGroup;
    const sentence = report.appendix.respondents.more ?? "";
    const md = await renderMarkdown(report);
    expect(md).toContain(`### Scores by department\n\n${table?.intro}\n\n| Dimension | `);
    expect(md).toContain("| IT (1) | Sales (1) | Service (1) |\n|---|---:|---:|---:|---:|---:|\n");
    expect(md).toContain(
      `| Overall | ${table?.rows
        .at(-1)
        ?.scores.map((s) => s?.toFixed(2))
        .join(" | ")} |`,
    );
    // A sentence, and no table of ids, under the heading.
    expect(md).toContain(`### Respondents\n\n${sentence}\n\n### Answers`);
    const body = (await packageParts(await renderDocx(report))).get("word/document.xml") ?? "";
    expect(body).toContain(">Scores by department<");
    expect(body).toContain(`>${sentence.replaceAll("'", "&apos;")}<`);
    if (havePdftotext()) {
      const { text } = pdfText(await renderPdf(report, {}));
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain("Scores by department");
      expect(flat).toContain(`Respondents ${sentence}`);
    }
  });

  /** The slides of a deck, each as its slide XML and its notes' XML. */
  async function deckSlides(report: ReturnType<typeof buildReport>) {
    const parts = await packageParts(await renderPptx(report));
    return [...parts.keys()]
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .map((n) => ({
        xml: parts.get(n) ?? "",
        notes: parts.get(n.replace("slides/slide", "notesSlides/notesSlide")) ?? "",
      }));
  }
  const unescapeXml = (text: string) =>
    text.replace(/&(quot|apos|lt|gt|amp);/g, (_, e: string) => XML_ENTITIES[e] ?? "");
  /** A table's rows as their cells' text. */
  const tableRows = (xml: string) =>
    [...(/<a:tbl>[\s\S]*<\/a:tbl>/.exec(xml)?.[0] ?? "").matchAll(/<a:tr [\s\S]*?<\/a:tr>/g)].map(
      (tr) =>
        [...tr[0].matchAll(/<a:tc>[\s\S]*?<\/a:tc>/g)].map((tc) =>
          [...tc[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescapeXml(t[1] ?? "")).join(""),
        ),
    );

  it("gives the deck a slide of each group's scores, its figures right-aligned, the intro in its notes", async () => {
    const report = buildReport(await surveyResults(), questionnaire(), {
      lang: "en",
      edition: "internal",
    });
    const [table] = report.perception.byGroup;
    if (!table) throw new Error("no group table");
    const slides = await deckSlides(report);
    const slide = slides.find((s) => s.xml.includes(">Scores by department<"));
    expect(slide).toBeDefined();
    const rows = tableRows(slide?.xml ?? "");
    expect(rows[0]).toEqual(["Dimension", ...table.values.map((v) => `${v.name} (${v.count})`)]);
    expect(rows[0]).toContain("IT (1)");
    expect(rows.slice(1)).toEqual(
      table.rows.map((r) => [r.title, ...r.scores.map((s) => fmtScore(s, "—"))]),
    );
    // Every figure and the groups' headers right-aligned, the dimensions not.
    const cells = [...(slide?.xml ?? "").matchAll(/<a:tc>[\s\S]*?<\/a:tc>/g)].map((m) => m[0]);
    expect(cells.filter((c) => c.includes('algn="r"'))).toHaveLength(
      table.values.length * rows.length,
    );
    expect(unescapeXml(slide?.notes ?? "")).toContain(table.intro);
    // One slide, after the gaps and before the risks.
    expect(slides.filter((s) => s.xml.includes(">Scores by "))).toHaveLength(1);
    const index = slides.indexOf(slide as (typeof slides)[number]);
    expect(slides[index - 1]?.xml).toContain(`>${report.labels.topGaps}<`);
    expect(slides[index + 1]?.xml).toContain(`>${report.labels.topRisks}<`);
  }, 60_000);

  it("groups the thousands of a large survey's counts, in every format and both languages", async () => {
    // 1,203 teams of 1,250 respondents, and roles counted in tens of thousands.
    const results = withGroups(await surveyResults(), 1203, () => 1250);
    results.respondentsByRole = Object.fromEntries(
      Object.keys(results.respondentsByRole).map((role, i) => [role, 24770 + i]),
    );
    const en = buildReport(results, questionnaire(), { lang: "en" });
    const zh = buildReport(results, questionnaire(), { lang: "zh-CN" });
    expect(en.perception.byGroup[0]?.more).toContain("Of the 1,203 groups,");
    expect(zh.perception.byGroup[0]?.more).toContain("共 1,203 组");
    const md = await renderMarkdown(en);
    expect(md).toContain("Team 01 (1,250)");
    expect(md).toMatch(/\*\*Respondents\*\*: [\d,]+ \(\D+ 24,770, /);
    expect(await renderMarkdown(zh)).toContain("Team 01（1,250）");
    const body = (await packageParts(await renderDocx(en))).get("word/document.xml") ?? "";
    expect(body).toContain(">Team 01 (1,250)<");
    const slide = (await deckSlides(en)).find((x) => x.xml.includes(">Scores by department<"));
    expect(tableRows(slide?.xml ?? "")[0]).toContain("Team 01 (1,250)");
    if (havePdftotext()) {
      const flat = pdfText(await renderPdf(en, {})).text.replace(/\s+/g, " ");
      expect(flat).toContain("Team 01 (1,250)");
      expect(flat).toContain("Of the 1,203 groups,");
    }
    // Nowhere a count of four digits or more without its comma (dates and years aside).
    expect(md.replace(/\b(19|20)\d\d\b/g, "")).not.toMatch(/(?<![\d.,])\d{4,}(?![\d.])/);
  }, 60_000);

  it("keeps the overall row and says in the deck's notes what a long table leaves out", async () => {
    const results = withGroups(await surveyResults(), 4, () => 20);
    const report = buildReport(results, questionnaire(), { lang: "zh-CN" });
    const [table] = report.perception.byGroup;
    const first = table?.rows[0];
    if (!table || !first) throw new Error("no group table");
    // Forty dimensions (a large custom questionnaire) do not fit a slide at any size.
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...first,
      dimension: `d${i}`,
      title: `维度 ${i + 1}`,
    }));
    table.rows = [...many, ...table.rows.slice(-1)];
    const slides = await deckSlides(report);
    const slide = slides.find((s) => s.xml.includes(`>${table.title}<`));
    const rows = tableRows(slide?.xml ?? "");
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(41);
    expect(rows.at(-1)?.[0]).toBe(report.labels.overall);
    expect(new Set([...(slide?.xml ?? "").matchAll(/ sz="(\d+)"/g)].map((m) => m[1]))).toContain(
      "1000",
    );
    const shown = rows.length - 2;
    expect(slide?.notes).not.toContain(`维度 ${shown}：`);
    expect(slide?.notes).toContain(
      `维度 ${shown + 1}：Team 01 ${fmtScore(first.scores[0] ?? null, "—")}`,
    );
    expect(slide?.notes).toContain("维度 40：");
  }, 60_000);
});

describe("the deck's slide of group scores", () => {
  /** The group slide's table (its columns' widths and top, in inches) and its note's top. */
  async function groupSlide(lang: "en" | "zh-CN") {
    // Four groups, one of a single respondent, whom the client's edition leaves out with a note.
    const results = withGroups(await surveyResults(), 4, (i) => (i === 0 ? 1 : 20));
    const report = buildReport(results, questionnaire(), { lang });
    const [table] = report.perception.byGroup;
    if (!table?.more) throw new Error("the client's edition leaves the one-person group out");
    const parts = await packageParts(await renderPptx(report));
    const xml =
      [...parts.values()].find((x) => x.includes(`>${table.title}<`) && x.includes("<a:tbl>")) ??
      "";
    const EMU = 914_400;
    const frame = xml.slice(xml.indexOf("<p:graphicFrame>"));
    const top = Number(/<a:off x="\d+" y="(\d+)"/.exec(frame)?.[1]) / EMU;
    const cols = [...xml.matchAll(/<a:gridCol w="(\d+)"/g)].map((m) => Number(m[1]) / EMU);
    const rows = [...xml.matchAll(/<a:tr h="(\d+)"/g)].length;
    const note = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)]
      .map((m) => m[0])
      .find((sp) => sp.includes(table.more?.slice(0, 12).replace(/&/g, "&amp;") ?? "\0"));
    const noteTop = Number(/<a:off x="\d+" y="(\d+)"/.exec(note ?? "")?.[1]) / EMU;
    return { table, cols, top, rows, noteTop };
  }

  it.each(["en", "zh-CN"] as const)(
    "%s: sets why groups are left out right under a short table, not at the slide's foot",
    async (lang) => {
      const { rows, top, noteTop } = await groupSlide(lang);
      expect(rows).toBeLessThanOrEqual(12);
      // Twelve rows of one line at 12 pt end about 4.2 in down; before, the note sat at 6.4 in.
      expect(noteTop).toBeGreaterThan(top + rows * 0.25);
      expect(noteTop).toBeLessThan(top + rows * 0.34 + 0.5);
    },
    60_000,
  );

  it("sizes the dimension column by its names: narrow in Chinese, never under a name's width", async () => {
    const en = await groupSlide("en");
    const zh = await groupSlide("zh-CN");
    expect(en.cols[0]).toBeLessThanOrEqual(3.4);
    // Chinese names of four to eight characters need about 1.5 in at 12 pt, not 3.4.
    expect(zh.cols[0]).toBeLessThan(2.2);
    const widest = Math.max(...zh.table.rows.map((r) => longestWordEm(r.title)));
    expect(zh.cols[0]).toBeGreaterThanOrEqual((widest * 12) / 72);
  }, 60_000);
});
