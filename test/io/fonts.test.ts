import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/core/diagnostics/errors.js";
import {
  defaultFontDirs,
  FONT_DIRS_ENV,
  FONT_ENV,
  resolveReportFont,
  WIN_ANSI,
} from "../../src/io/fonts.js";
import { collectCodePoints, makeCleaner } from "../../src/render/pdf/text.js";
import { renderPdf } from "../../src/render/report/pdf.js";
import { hasStackTrace, runCli } from "../helpers/cli.js";
import { ACME, ACME_ANSWERS, acmeReport } from "../helpers/report.js";
import { WQY } from "../render/pdf/helpers.js";

const cps = (text: string): Set<number> => new Set([...text].map((c) => c.codePointAt(0) ?? 0));
const emptyDir = (): string => mkdtempSync(path.join(os.tmpdir(), "crm-fonts-"));
// CI installs WenQuanYi Micro Hei (.ci/run); elsewhere the tests that need it are skipped.
// The system CJK font the discovery finds here (CI installs WenQuanYi Micro Hei or has Noto CJK).
const systemCjk = await resolveReportFont({ codePoints: cps("中文"), env: {} }).catch(() => null);
const CJK = systemCjk?.kind === "embedded" ? systemCjk.file : null;
if (!CJK && process.env.CI)
  throw new Error("CI needs a CJK font (apt-get install fonts-wqy-microhei)");
const haveCjk = CJK !== null;
const cjkFile = (): string => CJK ?? "";

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error("expected an InputError");
}

describe("resolveReportFont", () => {
  it("uses Helvetica for Latin-1 text when no font is asked for", async () => {
    const font = await resolveReportFont({
      codePoints: cps("Acme Café – 2.35 “ok”"),
      env: {},
      searchDirs: [],
    });
    expect(font.kind).toBe("standard");
  });

  it("explains how to get a CJK font when none is found", async () => {
    const err = await inputError(
      resolveReportFont({ codePoints: cps("管理层摘要"), env: {}, searchDirs: [emptyDir()] }),
    );
    expect(err.message).toContain("Chinese");
    expect(err.message).toContain("apt-get install fonts-noto-cjk");
    expect(err.message).toContain("fonts-wqy-microhei");
    expect(err.message).toContain("Microsoft YaHei");
    expect(err.message).toContain("--font");
    expect(err.message).toContain(FONT_ENV);
  });

  it("names the characters when Latin text leaves Latin-1 and no font covers it", async () => {
    const err = await inputError(
      resolveReportFont({ codePoints: cps("Łódź"), env: {}, searchDirs: [emptyDir()] }),
    );
    expect(err.message).toContain('"Ł" (U+0141)');
  });

  it("rejects a --font that is missing or not a font, naming the file", async () => {
    const missing = path.join(emptyDir(), "nope.ttf");
    expect(
      (await inputError(resolveReportFont({ codePoints: cps("a"), fontPath: missing, env: {} })))
        .message,
    ).toContain(missing);
    const text = path.join(emptyDir(), "font.ttf");
    writeFileSync(text, "not a font");
    const err = await inputError(
      resolveReportFont({ codePoints: cps("a"), fontPath: text, env: {} }),
    );
    expect(err.message).toContain("expected a TrueType/OpenType font");
  });

  it.skipIf(!haveCjk)(
    "picks the CJK face of a .ttc given with --font or the environment",
    async () => {
      const byOption = await resolveReportFont({
        codePoints: cps("中文 CRM"),
        fontPath: cjkFile(),
        env: {},
      });
      expect(byOption).toMatchObject({ kind: "embedded", source: "option", file: cjkFile() });
      if (cjkFile() === WQY)
        expect(byOption).toMatchObject({ postscriptName: "WenQuanYiMicroHei" });
      const env = { [FONT_ENV]: cjkFile() };
      const byEnv = await resolveReportFont({ codePoints: cps("中文"), env });
      expect(byEnv).toMatchObject({ kind: "embedded", source: "env", file: cjkFile() });
    },
  );

  it.skipIf(!haveCjk)("discovers a known font file in the searched folders", async () => {
    const dir = emptyDir();
    mkdirSync(path.join(dir, "truetype", "cjk"), { recursive: true });
    const link = path.join(dir, "truetype", "cjk", path.basename(cjkFile()));
    symlinkSync(cjkFile(), link);
    const font = await resolveReportFont({
      codePoints: cps("僵化 优化 固化"),
      env: {},
      searchDirs: [dir],
    });
    expect(font).toMatchObject({ kind: "embedded", source: "system", file: link });
    const viaEnv = await resolveReportFont({
      codePoints: cps("固化"),
      env: { [FONT_DIRS_ENV]: dir },
    });
    expect(viaEnv).toMatchObject({ source: "system", file: link });
  });

  it("searches the platform's usual font folders", () => {
    expect(defaultFontDirs("linux", {}, "/home/u")).toContain("/usr/share/fonts");
    expect(defaultFontDirs("darwin", {}, "/Users/u")).toContain("/System/Library/Fonts");
    expect(defaultFontDirs("win32", { WINDIR: "C:\\Windows" }, "C:\\Users\\u")).toContain(
      "C:\\Windows\\Fonts",
    );
  });
});

describe("symbols a font cannot show", () => {
  it("are replaced by plain stand-ins instead of empty boxes", () => {
    const clean = makeCleaner(WIN_ANSI);
    expect(clean("A → B ≥ 3 ▸ done\u200b")).toBe("A › B >= 3 › done");
    expect(clean("“quoted” – fine")).toBe("“quoted” – fine");
  });

  it("do not force a Unicode font on an English report", () => {
    const report = acmeReport();
    const points = collectCodePoints(report);
    expect([...points].every((cp) => WIN_ANSI.has(cp))).toBe(true);
  });
});

describe("a Chinese report without a CJK font", () => {
  const saved = { font: process.env[FONT_ENV], dirs: process.env[FONT_DIRS_ENV] };
  afterEach(() => {
    for (const [key, value] of [
      [FONT_ENV, saved.font],
      [FONT_DIRS_ENV, saved.dirs],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("fails with the install hint instead of rendering boxes", async () => {
    delete process.env[FONT_ENV];
    process.env[FONT_DIRS_ENV] = emptyDir();
    const err = await inputError(renderPdf(acmeReport({ lang: "zh-CN" }), {}));
    expect(err.message).toContain("--font");
  });

  it("exits 1 from the CLI with the hint and no stack trace, writing nothing", () => {
    const out = path.join(emptyDir(), "report.pdf");
    const args = ["report", ...ACME_ANSWERS, "--lang", "zh-CN", "--format", "pdf", "-o", out];
    const r = runCli(args, { cwd: ACME, env: { [FONT_ENV]: "", [FONT_DIRS_ENV]: emptyDir() } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("fonts-noto-cjk");
    expect(r.stderr).toContain("--font");
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(!haveCjk)("renders with --font even when discovery finds nothing", () => {
    const out = path.join(emptyDir(), "report.pdf");
    const args = [
      "report",
      ...ACME_ANSWERS,
      "--lang",
      "zh-CN",
      "--format",
      "pdf",
      "--font",
      cjkFile(),
      "-o",
      out,
    ];
    const r = runCli(args, { cwd: ACME, env: { [FONT_ENV]: "", [FONT_DIRS_ENV]: emptyDir() } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
