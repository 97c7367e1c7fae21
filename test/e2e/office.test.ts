import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportLanguage, ReportModel } from "../../src/views/report/model.js";
import { exampleAnswers, REPO, runCli, runCliTraced } from "../helpers/cli.js";
import { BASELINE, FOLLOWUP, V1, V2 } from "../helpers/lotus.js";
import { officeToText, officeWordBoxes, packageParts, type WordBox } from "../helpers/ooxml.js";
import { acmeReport } from "../helpers/report.js";
import { pdfText, squash } from "../render/pdf/helpers.js";

const ACME = path.join(REPO, "test/fixtures/report/acme");
const ANSWERS = [
  "answers/executives.yaml",
  "answers/managers.yaml",
  "answers/frontline.yaml",
  "answers/it.yaml",
];

/** The text of every section a reader must find in the Word report, read from the model. */
function sectionTexts(report: ReportModel): string[] {
  return [
    report.cover.title,
    report.meta.client.name,
    report.cover.notice,
    report.labels.contents,
    ...report.sections.filter((s) => s !== "cover").map((s) => report[s].title),
    report.summary.readiness.verdictName,
    report.summary.calibration.title,
    report.profile.radar.title,
    report.profile.gapBars.title,
    ...report.dimensions.items.map((d) => d.title),
    ...report.risks.items.map((r) => r.title),
    report.roadmap.timeline.title,
    ...report.roadmap.phases.map((p) => p.name),
    ...report.roadmap.actions.map((a) => a.title),
    report.roadmap.milestone.label,
    ...report.kpis.principles,
    report.appendix.method.title,
    report.appendix.answers.title,
  ];
}

/** What a reader must find on the board deck's slides. */
function deckTexts(report: ReportModel): string[] {
  const L = report.labels;
  return [
    report.cover.title,
    report.meta.client.name,
    report.summary.findingsTitle,
    report.summary.readiness.verdictName,
    // The deck states each finding without the report's lead-in to its answers.
    ...report.summary.findings.map((f) => f.statement),
    report.profile.title,
    ...report.profile.rows.map((r) => r.title),
    L.topGaps,
    L.topRisks,
    ...report.summary.topRisks.map((r) => r.title),
    report.roadmap.title,
    ...report.roadmap.phases.map((p) => p.name),
    report.roadmap.timeline.title,
    report.kpis.title,
    report.decisions.title,
    ...report.decisions.items.map((i) => i.title),
    report.decisions.nextStepsTitle,
  ];
}

const CASES = (["docx", "pptx"] as const).flatMap((format) =>
  (["en", "zh-CN"] as ReportLanguage[]).map((lang) => [format, lang] as const),
);

describe.each(CASES)("report --format %s --lang %s", (format, lang) => {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-docx-e2e-"));
  const write = (name: string) => {
    const out = path.join(dir, name);
    const r = runCli(["report", ...ANSWERS, "--lang", lang, "--format", format, "-o", out], {
      cwd: ACME,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    return new Uint8Array(readFileSync(out));
  };
  let first: Uint8Array;
  beforeAll(() => {
    first = write(`first.${format}`);
  }, 120_000);

  it("is byte-identical from one run to the next", () => {
    expect(Buffer.compare(first, write(`second.${format}`))).toBe(0);
  });

  it("opens in LibreOffice and shows the text of every section, never a word broken in two", () => {
    const raw = officeToText(first, format);
    const text = squash(raw);
    const report = acmeReport({ lang });
    const expected = format === "docx" ? sectionTexts(report) : deckTexts(report);
    const missing = expected.filter((t) => !text.includes(squash(t)));
    expect(missing).toEqual([]);
    if (format !== "docx") return;
    // The client's English notes sit in narrow table columns, in a Chinese document too: a line
    // wraps between words ("steering committee"), never inside one ("steerin" / "g").
    const words = new Set(raw.match(/[A-Za-z]+/g));
    const latin = report.dimensions.items
      .flatMap((d) =>
        d.notes.flatMap((n) => `${n.note ?? ""} ${n.evidence ?? ""}`.match(/[A-Za-z]{4,}/g) ?? []),
      )
      .filter((w) => !words.has(w));
    expect(latin).toEqual([]);
  }, 240_000);
});

describe("the board deck as LibreOffice lays it out", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-pptx-layout-"));
  /** The example client's deck (en) and its model, from its answers and targets. */
  const deck = (client: string, extra: string[] = []) => {
    const targets = path.join(REPO, "examples", client, "targets.yaml");
    const args = [...exampleAnswers(client), "--targets", targets, ...extra];
    const out = path.join(dir, `${client}${extra.join("")}.pptx`);
    expect(runCli(["report", ...args, "--format", "pptx", "-o", out]).status).toBe(0);
    const model = JSON.parse(runCli(["report", ...args, "--format", "json"]).stdout) as ReportModel;
    return { slides: officeWordBoxes(new Uint8Array(readFileSync(out)), "pptx"), model };
  };
  const slideWith = (slides: WordBox[][], title: string) =>
    slides.find((words) => words.slice(0, 4).some((w) => title.startsWith(w.text))) ?? [];
  const lowest = (words: WordBox[]) => Math.max(...words.map((w) => w.yMax));
  const highest = (words: WordBox[]) => Math.min(...words.map((w) => w.yMin));

  it("gives a verdict of two lines room above the overall score", () => {
    const { slides, model } = deck("acme-manufacturing");
    const s = model.summary;
    expect(s.readiness.verdictName).toBe("Ready with conditions");
    // The left panel (x < 4.75 in), under the slide title.
    const panel = slides[1]?.filter((w) => w.xMax < 342 && w.yMin > 90) ?? [];
    const overall = panel.filter((w) => w.text === model.labels.overall);
    const verdict = panel.filter(
      (w) => s.readiness.verdictName.split(" ").includes(w.text) && w.yMax <= highest(overall),
    );
    expect(verdict.length).toBe(3);
    // Before, "conditions" ended 1.3 pt above "Overall".
    expect(highest(overall) - lowest(verdict)).toBeGreaterThanOrEqual(8);
    // The conditions the sentence announces ("below") are on the slide, by their titles.
    const text = panel.map((w) => w.text).join(" ");
    for (const title of s.readiness.reasonTitles) expect(text).toContain(title);
  }, 120_000);

  it.each([
    ["acme-manufacturing", "en"],
    ["huaxin-retail", "zh-CN"],
  ] as const)(
    "sets the %s timeline (%s) with every name in its column and no word on another",
    (client, lang) => {
      const { slides, model } = deck(client, ["--lang", lang]);
      const chart = model.roadmap.timeline;
      const title = chart.title.replace(/\s/g, "");
      const timeline = slides.filter((words) =>
        words
          .slice(0, 8)
          .map((w) => w.text)
          .join("")
          .startsWith(title),
      );
      expect(timeline.length).toBeGreaterThanOrEqual(1);
      const text = timeline.flatMap((words) => words.map((w) => w.text)).join("");
      for (const bar of chart.bars) expect(text).toContain(bar.label.replace(/\s/g, ""));
      for (const words of timeline) {
        const body = words.filter((w) => w.yMin > 1.15 * 72 && w.yMax < 7.0 * 72);
        // The rows' names stay left of the bars (which start 5.3 in from the slide's edge).
        const names = body.filter((w) => w.yMin > 2.1 * 72 && w.xMin < 5 * 72);
        expect(names.length).toBeGreaterThan(0);
        expect(names.filter((w) => w.xMax > 5.3 * 72)).toEqual([]);
        // Nothing runs into the footer, and no two words overlap (rows whose names wrap to more
        // lines than their height, a month on the next, a milestone on the hold's legend).
        expect(body.filter((w) => w.yMax > 6.95 * 72)).toEqual([]);
        const overlaps = body.flatMap((a, i) =>
          body
            .slice(i + 1)
            .filter(
              (b) =>
                Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 1 &&
                // Lines of one paragraph: their boxes (ascent to descent) touch a little.
                Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) >
                  0.3 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin),
            )
            .map((b) => `${a.text} / ${b.text}`),
        );
        expect(overlaps).toEqual([]);
      }
    },
    120_000,
  );

  it("sets the calibration advice under a full table, not on its last row", () => {
    const { slides, model } = deck("huaxin-retail", ["--horizon", "3"]);
    const c = model.summary.calibration;
    expect(c.items.length).toBe(9);
    const slide = slideWith(slides, c.title);
    const last = c.items.at(-1)?.title.split(" ")[0];
    const row = slide.filter((w) => w.text === last);
    const advice = slide.filter((w) => w.text === c.advice.split(" ")[0]);
    expect(row.length).toBe(1);
    expect(advice.length).toBe(1);
    // Before, the advice's first line sat on the table's last row.
    expect(highest(advice) - lowest(row)).toBeGreaterThanOrEqual(8);
  }, 120_000);
});

describe("roadmap --format docx|pptx", () => {
  it("writes the roadmap's own sections, without the report's", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-docx-e2e-")), "plan.docx");
    const r = runCli(["roadmap", ...ANSWERS, "--format", "docx", "-o", out], { cwd: ACME });
    expect(r.status).toBe(0);
    const parts = await packageParts(new Uint8Array(readFileSync(out)));
    const body = parts.get("word/document.xml") ?? "";
    const roadmap = acmeReport({ kind: "roadmap" });
    for (const action of roadmap.roadmap.actions) expect(body).toContain(action.title);
    expect(body).not.toContain(acmeReport().appendix.title);
  });

  it("refuses the board deck for the roadmap: a usage error, exit 2", () => {
    const r = runCli(["roadmap", ...ANSWERS, "--format", "pptx", "-o", "-"], { cwd: ACME });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--format pptx");
  });

  it("does not offer pptx in roadmap --help, which report --help does", () => {
    const choices = (verb: string) =>
      /--format <format>[\s\S]*?\(choices:([\s\S]*?)default/.exec(
        runCli([verb, "--help"]).stdout,
      )?.[1];
    expect(choices("report")).toContain('"pptx"');
    expect(choices("roadmap")).toContain('"docx"');
    expect(choices("roadmap")).not.toContain('"pptx"');
    // Nor does its --brand, which names the formats it brands.
    const brand = (verb: string) =>
      /--brand <file>\s+([\s\S]*?)\(brand\.yaml/
        .exec(runCli([verb, "--help"]).stdout)?.[1]
        ?.replace(/\s+/g, " ");
    expect(brand("report")).toBe("firm branding for pdf, docx and pptx ");
    expect(brand("roadmap")).toBe("firm branding for pdf and docx ");
  });
});

describe("start-up without the document libraries", () => {
  const loaded = (args: string[]) => runCliTraced(args, { cwd: ACME }).loaded;
  it("sees the libraries a Word report loads (the check works)", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-docx-e2e-")), "r.docx");
    const names = loaded(["report", ...ANSWERS, "--format", "docx", "-o", out]);
    expect(names).toContain("docx");
    expect(names).toContain("@resvg/resvg-js");
  });
  it("sees the libraries a PDF report loads (the check works)", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-pdf-e2e-")), "r.pdf");
    const names = loaded(["report", ...ANSWERS, "--format", "pdf", "-o", out]);
    expect(names).toContain("pdfkit");
    expect(names).toContain("fontkit");
  });
  it.each([[["validate", path.join(REPO, "questionnaires")]], [["report", "--help"]]])(
    "%j loads none of the document libraries (docx, pptxgenjs, resvg, the zip writers, pdfkit, fontkit)",
    (args) => {
      const names = loaded(args);
      for (const name of [
        "docx",
        "pptxgenjs",
        "@resvg/resvg-js",
        "jszip",
        "fflate",
        "pdfkit",
        "fontkit",
      ])
        expect(names).not.toContain(name);
    },
  );
});

describe("compare --format pdf", () => {
  it.each(["en", "zh-CN"] as const)(
    "writes the %s progress report with its radar, byte-identical from run to run",
    (lang) => {
      const dir = mkdtempSync(path.join(tmpdir(), "crm-pdf-e2e-"));
      const QS = ["--baseline-questionnaire", V1, "-q", V2];
      const write = (name: string) => {
        const out = path.join(dir, name);
        const args = ["compare", BASELINE, FOLLOWUP, ...QS, "--lang", lang, "--format", "pdf"];
        const r = runCli([...args, "-o", out]);
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
        return new Uint8Array(readFileSync(out));
      };
      const first = write("a.pdf");
      expect(Buffer.compare(first, write("b.pdf"))).toBe(0);
      const text = squash(pdfText(first).text);
      const md = runCli(["compare", BASELINE, FOLLOWUP, ...QS, "--lang", lang, "--format", "md"]);
      // Every heading of the Markdown progress report is in the PDF.
      const headings = [...md.stdout.matchAll(/^#+ (.+)$/gm)].map((m) => m[1] ?? "");
      expect(headings.length).toBeGreaterThan(5);
      expect(headings.filter((h) => !text.includes(squash(h.replace(/\\/g, ""))))).toEqual([]);
    },
    60_000,
  );
});

describe("compare --format pptx", () => {
  it("writes the progress deck with a native radar, byte-identical from run to run", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-pptx-e2e-"));
    const QS = ["--baseline-questionnaire", V1, "-q", V2];
    const write = (name: string) => {
      const out = path.join(dir, name);
      const r = runCli(["compare", BASELINE, FOLLOWUP, ...QS, "--format", "pptx", "-o", out]);
      expect(r.status).toBe(0);
      return new Uint8Array(readFileSync(out));
    };
    const first = write("a.pptx");
    expect(Buffer.compare(first, write("b.pptx"))).toBe(0);
    const parts = await packageParts(first);
    const charts = [...parts].filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.map(([, x]) => x).join("")).toContain("<c:radarChart>");
    expect(parts.get("ppt/slides/slide1.xml")).toContain("Lotus Kitchenware Co.");
    // The scores slide gives the overall score and marks, as the notes explain, the dimensions
    // whose questions changed between the versions.
    const scores = parts.get("ppt/slides/slide2.xml") ?? "";
    for (const text of ["Overall", "2.36", "2.69", "+0.33", "Leadership involvement †"]) {
      expect(scores).toContain(text);
    }
  }, 60_000);
});

describe("compare --format docx", () => {
  it("writes the progress report with its radar, byte-identical from run to run", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-docx-e2e-"));
    const QS = ["--baseline-questionnaire", V1, "-q", V2];
    const write = (name: string) => {
      const out = path.join(dir, name);
      const r = runCli([
        "compare",
        BASELINE,
        FOLLOWUP,
        ...QS,
        "--lang",
        "zh-CN",
        "--format",
        "docx",
        "-o",
        out,
      ]);
      expect(r.status).toBe(0);
      return new Uint8Array(readFileSync(out));
    };
    const first = write("a.docx");
    expect(Buffer.compare(first, write("b.docx"))).toBe(0);
    const parts = await packageParts(first);
    const body = parts.get("word/document.xml") ?? "";
    expect(body).toContain("Lotus Kitchenware Co.");
    expect(body.match(/<asvg:svgBlip /g)?.length).toBe(1);
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
  }, 60_000);
});

describe("compare in PDF and Word names risks and readiness rules as the client reads them", () => {
  it("by their titles, without the questionnaire's ids (as the deck does)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-compare-ids-"));
    const QS = ["--baseline-questionnaire", V1, "-q", V2, "--lang", "zh-CN"];
    const json = JSON.parse(
      runCli(["compare", BASELINE, FOLLOWUP, ...QS, "--format", "json"]).stdout,
    );
    const risks = [...json.risks.resolved, ...json.risks.new, ...json.risks.persisting];
    const rules = [...json.readiness.baselineRules, ...json.readiness.followupRules];
    expect(risks.length).toBeGreaterThan(0);
    for (const format of ["pdf", "docx"] as const) {
      const out = path.join(dir, `progress.${format}`);
      expect(runCli(["compare", BASELINE, FOLLOWUP, ...QS, "-o", out]).status).toBe(0);
      const bytes = new Uint8Array(readFileSync(out));
      const text = format === "pdf" ? pdfText(bytes).text : officeToText(bytes, format);
      for (const r of [...risks, ...rules]) expect(text, `${format}: ${r.id}`).not.toContain(r.id);
      expect(squash(text)).toContain(squash(risks[0].title["zh-CN"]));
    }
  }, 60_000);
});
