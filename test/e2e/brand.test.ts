import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/index.js";
import { hasStackTrace, REPO, runCli, runCliTraced } from "../helpers/cli.js";
import { BASELINE, FOLLOWUP, V1, V2 } from "../helpers/lotus.js";
import { entryNames, officeToText, packageParts } from "../helpers/ooxml.js";
import { pdfText, squash } from "../render/pdf/helpers.js";

const ACME = path.join(REPO, "test/fixtures/report/acme");
const ANSWERS = [
  "answers/executives.yaml",
  "answers/managers.yaml",
  "answers/frontline.yaml",
  "answers/it.yaml",
];
const BRAND = path.join(REPO, "test/fixtures/brand/northwind/brand.yaml");
const WORDS = {
  en: {
    footer: "Northwind Advisory · CRM capability practice",
    confidentiality: "Confidential — prepared for the client's board; not for circulation",
    coverLine: "Independent assessment of CRM capability",
  },
  "zh-CN": {
    footer: "Northwind Advisory · 客户关系管理能力咨询",
    confidentiality: "机密 — 仅供客户董事会使用，请勿外传",
    coverLine: "独立的客户关系管理能力评估",
  },
} as const;
const out = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), "crm-brand-e2e-")), name);

function render(args: string[]): Uint8Array {
  const file = out(
    `doc.${args.includes("docx") ? "docx" : args.includes("pptx") ? "pptx" : "pdf"}`,
  );
  const r = runCli([...args, "-o", file], { cwd: ACME });
  expect(r.status, r.stderr).toBe(0);
  return new Uint8Array(readFileSync(file));
}

describe.each(["en", "zh-CN"] as const)("report --brand (%s)", (lang) => {
  const words = WORDS[lang];
  // The report's own cover notice, which the firm's confidentiality notice replaces.
  const ownNotice = messagesFor(lang).report.cover.notice("Acme Precision Components");
  const base = ["report", ...ANSWERS, "--lang", lang, "--brand", BRAND];

  it("PDF: the cover line, footer and confidentiality text on the pages; byte-identical", () => {
    const pdf = render([...base, "--format", "pdf"]);
    const { pages } = pdfText(pdf);
    expect(squash(pages[0] ?? "")).toContain(squash(words.coverLine));
    expect(squash(pages[0] ?? "")).toContain(squash(words.confidentiality));
    // Every page after the cover carries the footer and the confidentiality notice.
    for (const page of pages.slice(1)) {
      expect(squash(page)).toContain(squash(words.footer));
      expect(squash(page)).toContain(squash(words.confidentiality));
    }
    expect(Buffer.from(render([...base, "--format", "pdf"])).equals(Buffer.from(pdf))).toBe(true);
    expect(squash(pdfText(pdf).text)).not.toContain(squash(ownNotice));
    const plain = render(["report", ...ANSWERS, "--lang", lang, "--format", "pdf"]);
    expect(squash(pdfText(plain).text)).not.toContain(squash(words.confidentiality));
    expect(squash(pdfText(plain).pages[0] ?? "")).toContain(squash(ownNotice));
  });

  it("DOCX: brand colour and fonts in the styles, the logo in the package, the footer in LibreOffice", async () => {
    const docx = render([...base, "--format", "docx"]);
    const parts = await packageParts(docx);
    const styles = parts.get("word/styles.xml") ?? "";
    expect(styles).toContain('w:color w:val="0B4F6C"');
    expect(styles).toContain('w:ascii="Georgia"');
    expect(styles).toContain('w:ascii="Arial"');
    expect((await entryNames(docx)).some((n) => /^word\/media\/.*\.png$/.test(n))).toBe(true);
    expect(Buffer.from(render([...base, "--format", "docx"])).equals(Buffer.from(docx))).toBe(true);
    const text = squash(officeToText(docx, "docx"));
    for (const w of [words.footer, words.confidentiality, words.coverLine])
      expect(text).toContain(squash(w));
    expect(text).not.toContain(squash(ownNotice));
  });

  it("PPTX: the brand colour on the slide layout, the logo, footer text on the slides in LibreOffice", async () => {
    const pptx = render([...base, "--format", "pptx"]);
    const parts = await packageParts(pptx);
    // pptxgenjs writes the deck's master (its bar, footer and logo) as a slide layout.
    const layouts = [...parts.entries()].filter(([n]) => n.startsWith("ppt/slideLayouts/"));
    expect(layouts.some(([, xml]) => xml.includes('srgbClr val="0B4F6C"'))).toBe(true);
    expect((await entryNames(pptx)).some((n) => /^ppt\/media\/.*\.png$/.test(n))).toBe(true);
    // The firm's name stands on the title slide beside its logo (not only in a footer, which a
    // brand may leave out), and the cover line under them.
    const title = parts.get("ppt/slides/slide1.xml") ?? "";
    expect(title).toContain("<a:t>Northwind Advisory</a:t>");
    expect(title).toContain(`<a:t>${words.coverLine}</a:t>`);
    expect(title).not.toContain(ownNotice);
    expect(Buffer.from(render([...base, "--format", "pptx"])).equals(Buffer.from(pptx))).toBe(true);
    const text = squash(officeToText(pptx, "pptx"));
    for (const w of [words.footer, words.confidentiality, words.coverLine])
      expect(text).toContain(squash(w));
  });
});

describe("compare --brand", () => {
  const QS = ["--baseline-questionnaire", V1, "-q", V2, "--brand", BRAND];
  it.each(["pdf", "docx", "pptx"] as const)(
    "%s carries the footer and confidentiality text",
    (format) => {
      const file = out(`progress.${format}`);
      const r = runCli(["compare", BASELINE, FOLLOWUP, ...QS, "-o", file]);
      expect(r.status, r.stderr).toBe(0);
      const bytes = new Uint8Array(readFileSync(file));
      const text = squash(format === "pdf" ? pdfText(bytes).text : officeToText(bytes, format));
      expect(text).toContain(squash(WORDS.en.footer));
      expect(text).toContain(squash(WORDS.en.confidentiality));
    },
  );
});

describe("a broken brand file", () => {
  function broken(yaml: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-brand-bad-"));
    copyFileSync(path.join(path.dirname(BRAND), "logo.png"), path.join(dir, "logo.png"));
    writeFileSync(path.join(dir, "brand.yaml"), yaml);
    return dir;
  }

  it("validate: a missing logo and a bad colour, located, exit 1, no stack trace", () => {
    const dir = broken('firm: N\nlogo: nowhere.png\ncolors:\n  primary: "#12345"\n');
    // Wide enough for every message on one line.
    const r = runCli(["validate", "brand.yaml"], { cwd: dir, env: { COLUMNS: "200" } });
    expect(r.status).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    // zod checks the structure first; the logo is looked at once the file is well-formed.
    expect(r.stdout).toMatch(
      /brand\.yaml\n\s+4:12\s+error\s+expected "primary" to be a colour as #RRGGBB or #RGB \(e\.g\. #0b4f6c\); found the text "#12345"/,
    );
    writeFileSync(path.join(dir, "brand.yaml"), "firm: N\nlogo: nowhere.png\n");
    const again = runCli(["validate", "brand.yaml"], { cwd: dir, env: { COLUMNS: "200" } });
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(
      /brand\.yaml\n\s+2:7\s+error\s+expected logo to name a readable PNG or JPEG file; found no such file.*brand-asset/,
    );
  });

  it("validate: an image that does not decode is a located error", () => {
    const dir = broken("firm: N\nlogo: logo.png\n");
    const png = readFileSync(path.join(dir, "logo.png"));
    writeFileSync(path.join(dir, "logo.png"), png.subarray(0, 300));
    const r = runCli(["validate", "brand.yaml", "--format", "json"], { cwd: dir });
    expect(r.status).toBe(1);
    const issues = JSON.parse(r.stdout).issues ?? JSON.parse(r.stdout);
    expect(JSON.stringify(issues)).toMatch(/brand-asset/);
  });

  it("validate: a damaged fonts.pdf is a located error before any PDF is written", () => {
    const dir = broken("firm: N\nfonts:\n  pdf: fonts/brand.ttf\n");
    mkdirSync(path.join(dir, "fonts"));
    writeFileSync(path.join(dir, "fonts/brand.ttf"), Buffer.alloc(2_000, 0x41));
    // Wide enough for every message on one line.
    const r = runCli(["validate", "brand.yaml"], { cwd: dir, env: { COLUMNS: "200" } });
    expect(r.status).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(r.stdout).toMatch(
      /brand\.yaml\n\s+3:8\s+error\s+expected fonts\.pdf to be a TrueType\/OpenType font .*found a damaged or unsupported font file at fonts\/brand\.ttf\s+brand-asset/,
    );
  });

  it("validate of a brand file loads neither the document libraries nor pdfkit", () => {
    const r = runCliTraced(["validate", BRAND]);
    expect(r.status).toBe(0);
    for (const name of ["docx", "pptxgenjs", "pdfkit", "@resvg/resvg-js"])
      expect(r.loaded).not.toContain(name);
  });

  it("report --brand with a broken file: exit 1 with the location, nothing written", () => {
    const dir = broken("firm: N\nlogo: nowhere.png\n");
    const file = path.join(dir, "report.pdf");
    const r = runCli(
      ["report", ...ANSWERS.map((a) => path.join(ACME, a)), "--brand", "brand.yaml", "-o", file],
      {
        cwd: dir,
      },
    );
    expect(r.status).toBe(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/brand\.yaml:2:7/);
    expect(() => readFileSync(file)).toThrow();
  });

  it("report --brand still holding init's placeholder firm name: writes the report and warns, located", () => {
    const dir = broken("firm: Your firm name\n");
    const file = path.join(dir, "report.pdf");
    const r = runCli(
      ["report", ...ANSWERS.map((a) => path.join(ACME, a)), "--brand", "brand.yaml", "-o", file],
      { cwd: dir },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /brand\.yaml:1:7\s+warning\s+expected the firm's own name in firm; found "Your firm name".*\(template-placeholder\)/,
    );
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
