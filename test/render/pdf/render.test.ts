import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Font } from "fontkit";
import * as fontkit from "fontkit";
import { beforeAll, describe, expect, it } from "vitest";
import { fillPlaceholders } from "../../../src/core/text/placeholders.js";
import { messagesFor } from "../../../src/i18n/index.js";
import { resolveReportFont } from "../../../src/io/fonts.js";
import { weekSpan } from "../../../src/render/pdf/text.js";
import { renderPdf } from "../../../src/render/report/pdf.js";
import { buildReport } from "../../../src/views/report/build.js";
import type { ReportLanguage, ReportModel } from "../../../src/views/report/model.js";
import { runCli } from "../../helpers/cli.js";
import { ACME, ACME_ANSWERS, acmeReport, loadInputs, standardPack } from "../../helpers/report.js";
import { havePdftotext, overlappingWords, pdfText, pdfWords, squash } from "./helpers.js";

const pdftotext = havePdftotext();
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");

/** Titles and figures every full report must show, read from the model itself. */
function expectedTexts(report: ReportModel): string[] {
  return [
    report.meta.client.name,
    report.cover.title,
    report.cover.notice,
    report.labels.contents,
    report.summary.title,
    report.summary.overall.score?.toFixed(2) ?? report.labels.inconclusive,
    report.summary.readiness.verdictName,
    report.profile.title,
    report.profile.radar.title,
    report.profile.gapBars.title,
    report.dimensions.title,
    ...report.dimensions.items.map((d) => d.title),
    ...report.profile.rows.map((r) => r.score?.toFixed(2) ?? report.labels.inconclusive),
    report.perception.title,
    report.risks.title,
    ...report.risks.items.map((r) => r.title),
    report.roadmap.timeline.title,
    // The legend of the rigidify hold the standard pack sets.
    report.roadmap.timeline.holdLabel,
    ...report.roadmap.phases.map((p) => p.name),
    ...report.roadmap.actions.map((a) => a.title),
    report.roadmap.milestone.label,
    report.kpis.title,
    report.appendix.title,
    report.appendix.method.title,
    report.appendix.answers.title,
  ];
}

// The Chinese report needs a CJK font: CI always has one (.ci/run installs it); elsewhere the
// Chinese cases are left out when none is installed.
const cjk = await resolveReportFont({ codePoints: new Set([0x4e2d]), env: {} }).catch(() => null);
const languages: ReportLanguage[] = cjk || process.env.CI ? ["en", "zh-CN"] : ["en"];

describe.each(languages.map((lang) => [lang, acmeReport({ lang })] as const))(
  "the %s gap report as PDF",
  (lang, report) => {
    let pdf: Uint8Array;
    beforeAll(async () => {
      pdf = await renderPdf(report, {});
    });

    it("is an A4 PDF dated from the assessment, not from today", () => {
      const raw = latin1(pdf);
      expect(raw.startsWith("%PDF-1.")).toBe(true);
      const stamp = `D:${report.meta.date.replaceAll("-", "")}120000Z`;
      // Both the creation and the modification date, and no other date.
      expect(raw.match(/\(D:\d{14}Z\)/g)).toEqual([`(${stamp})`, `(${stamp})`]);
      expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    });

    it("renders byte-identically twice", async () => {
      const again = await renderPdf(report, {});
      expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    });

    // The font's post table and glyph metrics come from a cache after the first run
    // (src/io/font-facts.ts); the bytes must not depend on it. Only the Chinese report embeds a
    // font file (the English one uses the standard Helvetica).
    if (lang === "zh-CN")
      it("is the same bytes with the font facts cache cold, warm and turned off", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "crm-font-cache-"));
        const env = { ...process.env, CRM_MATURITY_CACHE_DIR: dir };
        const cold = await renderPdf(report, { env });
        const [cached] = readdirSync(path.join(dir, "fonts"));
        const facts = JSON.parse(readFileSync(path.join(dir, "fonts", cached ?? ""), "utf8"));
        expect(facts.post).toMatchObject({ isFixedPitch: 0 });
        expect(Object.keys(facts.glyphs).length).toBeGreaterThan(500);
        const warm = await renderPdf(report, { env });
        const off = await renderPdf(report, { env: { ...env, CRM_MATURITY_CACHE_DIR: "" } });
        for (const bytes of [cold, warm, off])
          expect(Buffer.from(bytes).equals(Buffer.from(pdf))).toBe(true);
      });

    // The built CLI runs pdfkit and fontkit from their own bundle with a code cache, with its
    // start-up patches (scripts/build.mjs); here they come from node_modules.
    it("is the same bytes from the built CLI as from the libraries in node_modules", () => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-pdf-stack-")), "report.pdf");
      const r = runCli(["report", ...ACME_ANSWERS, "--lang", lang, "-o", out], { cwd: ACME });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(Buffer.from(readFileSync(out)).equals(Buffer.from(pdf))).toBe(true);
    });

    it(
      lang === "en"
        ? "uses the standard Helvetica family (no font embedded)"
        : "embeds a subset of a CJK font",
      () => {
        const raw = latin1(pdf);
        if (lang === "en") {
          expect(raw).toContain("/BaseFont /Helvetica");
          expect(raw).not.toContain("/FontFile");
        } else {
          expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+/);
          expect(raw).toMatch(/\/FontFile[23]? /);
          expect(raw).toContain("/ToUnicode");
        }
      },
    );

    it.skipIf(!pdftotext)("never draws text over text nor into the page edges", () => {
      const pages = pdfWords(pdf);
      expect(overlappingWords(pages)).toEqual([]);
      const outside = pages.flatMap((words, p) =>
        words
          .filter((w) => w.x1 < 40 || w.x2 > 595.28 - 40 || w.y2 > 841.89 - 20)
          .map((w) => `${p + 1}: ${w.text}`),
      );
      expect(outside).toEqual([]);
    });

    it.skipIf(!pdftotext)("shows every section, the figures and the names", () => {
      const { text, pages } = pdfText(pdf);
      const flat = squash(text);
      expect(text).not.toContain("\uFFFD");
      const missing = expectedTexts(report).filter((t) => !flat.includes(squash(t)));
      expect(missing).toEqual([]);
      expect(pages.length).toBeGreaterThanOrEqual(6);
      expect(pages.length).toBeLessThanOrEqual(80);
      // Header and footer on every page but the cover, with "page N of M".
      expect(squash(pages[0] ?? "").includes(squash(report.meta.header))).toBe(false);
      const unframed = pages.flatMap((page, i) => {
        if (i === 0) return [];
        const flatPage = squash(page);
        const number = squash(
          fillPlaceholders(report.meta.pageNumber, { page: i + 1, pages: pages.length }),
        );
        return flatPage.includes(squash(report.meta.header)) && flatPage.includes(number)
          ? []
          : [i + 1];
      });
      expect(unframed).toEqual([]);
      if (lang === "zh-CN") expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    });
  },
);

describe("the roadmap document as PDF", () => {
  it.skipIf(!pdftotext)("holds the roadmap and KPI sections only", async () => {
    const report = acmeReport({ kind: "roadmap" });
    const { text, pages } = pdfText(await renderPdf(report, {}));
    const flat = squash(text);
    expect(flat.includes(squash(report.roadmap.timeline.title))).toBe(true);
    expect(flat.includes(squash(report.kpis.title))).toBe(true);
    expect(flat.includes(squash(report.appendix.method.title))).toBe(false);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the English PDF in the standard fonts", () => {
  // Helvetica (WinAnsi) has no "≥": the pack's English KPIs say "80% or more", so the report
  // never falls back to a programmer's ">=".
  it.skipIf(!pdftotext)("prints no >= or <= stand-in for a missing symbol", async () => {
    const { text } = pdfText(await renderPdf(acmeReport({ lang: "en" }), {}));
    expect(text).toContain("80% or more");
    expect(text).not.toMatch(/>=|<=/);
  });
});

describe("the perception section", () => {
  it.skipIf(!pdftotext).each(languages)(
    "%s: titles the gaps and the disagreements, and does not repeat a gap's figures in a sentence",
    async (lang) => {
      const report = acmeReport({ lang });
      const flat = squash(pdfText(await renderPdf(report, {})).text);
      const p = report.perception;
      expect(p.gaps.length).toBeGreaterThan(0);
      expect(p.disagreements.length).toBeGreaterThan(0);
      const first = p.disagreements[0];
      // The disagreements' heading stands right before their table.
      expect(flat).toContain(
        squash(`${report.labels.disagreements}${report.labels.dimension}${report.labels.question}`),
      );
      expect(flat).toContain(squash(`${first?.dimensionTitle}`));
      for (const g of p.gaps) expect(flat).not.toContain(squash(g.sentence));
    },
  );
});

describe("the perception section's scores by role", () => {
  it.skipIf(!pdftotext).each(languages)(
    "%s: heads each role's column with its respondents, as Word and Markdown do",
    async (lang) => {
      const report = acmeReport({ lang });
      const { roles } = report.perception.byRole;
      expect(roles.length).toBeGreaterThan(1);
      const { open, close } = messagesFor(lang).common.punct;
      // Content-stream order: the header row reads in one run even where a cell wraps.
      const flat = squash(pdfText(await renderPdf(report, {}), { raw: true }).text);
      const header = squash(
        report.labels.dimension + roles.map((r) => `${r.name}${open}${r.count}${close}`).join(""),
      );
      // Titled, as in Word and Markdown: the title, then the header row.
      expect(flat.includes(squash(report.labels.scoresByRole) + header), header).toBe(true);
    },
  );
});

describe("the roadmap's phase tags", () => {
  it.skipIf(!pdftotext).each(languages)(
    "%s: a scheduled phase shows its weeks and dates as the text does; an empty one, the next cycle",
    async (lang) => {
      const report = acmeReport({ lang, kind: "roadmap" });
      const flat = squash(pdfText(await renderPdf(report, {})).text);
      const L = report.labels;
      const scheduled = report.roadmap.phases.filter((p) => p.actions.length > 0);
      const empty = report.roadmap.phases.filter((p) => p.actions.length === 0);
      expect(scheduled.length).toBeGreaterThan(0);
      expect(empty.length).toBeGreaterThan(0);
      for (const p of scheduled) {
        const span = fillPlaceholders(L.weekRangePattern, { from: p.startWeek + 1, to: p.endWeek });
        expect(flat).toContain(squash(`${span} · ${p.startDateText} – ${p.endDateText}`));
        // The localised dates, never the ISO ones, in running text.
        expect(flat).not.toContain(`${p.startDate}–`);
      }
      // No "Weeks 50 · 2027-02-22 – 2027-02-22" for a phase whose actions all wait.
      for (const p of empty) {
        expect(flat).toContain(squash(`${p.name}${L.nextCycle}`));
        expect(flat).not.toContain(squash(`${p.startDate} – ${p.endDate}`));
        expect(flat).not.toContain(squash(`${p.startDateText} – ${p.endDateText}`));
      }
    },
  );
});

describe("the first 90 days", () => {
  it.skipIf(!pdftotext).each(languages)(
    "%s: each action's weeks say they are weeks, as in Word (no column header says it)",
    async (lang) => {
      const report = acmeReport({ lang });
      const flat = squash(pdfText(await renderPdf(report, {})).text);
      const first = report.roadmap.actions.filter((a) =>
        report.roadmap.firstNinetyDays.actions.includes(a.id),
      );
      expect(first.length).toBeGreaterThan(1);
      for (const a of first) {
        const span = weekSpan(report.labels, a.startWeek, a.endWeek);
        expect(span).toMatch(lang === "en" ? /^Weeks? / : /^第 .* 周$/);
        expect(flat).toContain(squash(`${a.title} · ${a.ownerName} · ${span}`));
      }
    },
  );
});

describe("client text that could break the layout", () => {
  it.skipIf(!pdftotext)(
    "prints Markdown-like names literally and splits a note longer than a page",
    async () => {
      const report = structuredClone(acmeReport());
      const name = "*Acme* <b>Ltd</b> & [Co](x) | `grp`";
      report.meta.client.name = name;
      report.cover.fields = [{ label: report.labels.client, value: name }, ...report.cover.fields];
      const words = Array.from({ length: 1400 }, (_, i) => `word${i}`);
      const first = report.dimensions.items[0];
      if (!first) throw new Error("fixture has no dimension");
      first.notes = [
        {
          question: "q.long",
          questionText: "A question whose note runs over several pages",
          respondent: "r-1",
          role: "frontline",
          roleName: "Front line",
          by: "Front line",
          note: `${words.join(" ")} closingmark`,
          evidence: "\u200bzero-width\tand\r\nCRLF → arrows ≥ 3",
        },
      ];
      const { text } = pdfText(await renderPdf(report, {}));
      const flat = squash(text);
      // Helvetica has no arrow or ≥: they become plain stand-ins, never empty boxes.
      const wanted = [squash(name), "word0word1", "closingmark", "CRLF›arrows>=3"];
      expect(wanted.filter((t) => !flat.includes(t))).toEqual([]);
      // Every word of the note survives the page breaks, in order.
      const found = flat.match(/word\d+/g) ?? [];
      expect(found).toEqual(words);
    },
  );
});

// The built CLI's PDF bundle patches pdfkit and fontkit (scripts/build.mjs) and loads fontkit's
// shaper and Unicode tables on first use; with DejaVu Sans embedded it must write what the
// libraries in node_modules write. Arabic goes through OpenType shaping; accented Latin letters
// are composite glyphs in DejaVu Sans, whose components the font subset renumbers.
const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
describe.skipIf(!existsSync(DEJAVU) && !process.env.CI)("a client name set in DejaVu Sans", () => {
  async function sameBytes(name: string): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-pdf-dejavu-"));
    for (const file of ACME_ANSWERS) {
      const text = readFileSync(path.join(ACME, file), "utf8");
      const renamed = text.replace(/name: Acme Precision Components/, `name: "${name}"`);
      expect(renamed).not.toBe(text);
      writeFileSync(path.join(dir, path.basename(file)), renamed);
    }
    const answers = ACME_ANSWERS.map((f) => path.basename(f));
    const inputs = loadInputs(dir, answers);
    const report = buildReport(inputs.results, standardPack(), {
      respondents: inputs.respondents,
    });
    const fromSource = await renderPdf(report, { fontPath: DEJAVU });
    const out = path.join(dir, "report.pdf");
    const r = runCli(["report", ...answers, "--font", DEJAVU, "-o", out], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(fromSource))).toBe(true);
  }

  it("in Arabic is the same bytes from the built CLI as from the libraries in node_modules", () =>
    sameBytes("Acme مكونات الدقة"));

  it("with accented letters is the same bytes from the built CLI as from the libraries", async () => {
    const name = "Société Générale d’Équipements Müller";
    // fontkit's own decoding of a TrueType glyph: a composite has a negative contour count.
    type Decoded = { _decode(): { numberOfContours: number } | null };
    const font = fontkit.create(readFileSync(DEJAVU)) as Font;
    const composite = [...name].filter((ch) => {
      const glyph = font.glyphForCodePoint(ch.codePointAt(0) ?? 0) as unknown as Decoded;
      return (glyph._decode()?.numberOfContours ?? 0) < 0;
    });
    expect(composite.length).toBeGreaterThan(3);
    await sameBytes(name);
  });
});
