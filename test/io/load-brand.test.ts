import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkBrand, loadBrand } from "../../src/io/load-brand.js";
import { readYamlFile } from "../../src/io/read.js";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/brand/northwind");
const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/** A folder with the fixture's logos and the given brand.yaml. */
function folder(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-brand-"));
  for (const f of ["logo.png", "logo.jpg"]) copyFileSync(path.join(FIXTURE, f), path.join(dir, f));
  writeFileSync(path.join(dir, "brand.yaml"), yaml);
  return dir;
}

describe("loadBrand", () => {
  it("loads the fixture: colours normalised, the logo read and measured", () => {
    const { value, issues } = loadBrand("brand.yaml", FIXTURE);
    expect(issues).toEqual([]);
    expect(value?.colors).toEqual({ primary: "#0b4f6c", accent: "#e0a526" });
    expect(value?.logo).toMatchObject({ kind: "png", width: 520, height: 140 });
    expect(value?.fonts).toEqual({ heading: "Georgia", body: "Arial", pdfFile: undefined });
  });

  it("reads a JPEG logo and defaults the accent to the primary colour", () => {
    const dir = folder('firm: N\nlogo: logo.jpg\ncolors: { primary: "#ABC" }\n');
    const { value, issues } = loadBrand("brand.yaml", dir);
    expect(issues).toEqual([]);
    expect(value?.logo).toMatchObject({ kind: "jpg", width: 520, height: 140 });
    expect(value?.colors).toEqual({ primary: "#aabbcc", accent: "#aabbcc" });
  });

  it("reports a missing logo at the logo key's value", () => {
    const dir = folder("firm: N\nlogo: missing.png\n");
    const { value, issues } = loadBrand("brand.yaml", dir);
    expect(value).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "brand-asset",
      severity: "error",
      start: { line: 2, column: 7 },
    });
    expect(issues[0]?.message).toMatch(
      /expected logo to name a readable PNG or JPEG file; found no such file/,
    );
  });

  it("refuses a file that is not a PNG or JPEG, whatever its name", () => {
    const dir = folder("firm: N\nlogo: fake.png\n");
    writeFileSync(path.join(dir, "fake.png"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const { issues } = loadBrand("brand.yaml", dir);
    expect(issues[0]?.message).toMatch(
      /expected logo to be a PNG or JPEG image; found a file that is neither/,
    );
  });

  it.each([
    ["a truncated PNG", "logo.png", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    [
      "a PNG with a damaged chunk",
      "logo.png",
      (b: Buffer) => {
        const c = Buffer.from(b);
        c[40] = (c[40] ?? 0) ^ 0xff;
        return c;
      },
    ],
    ["a truncated JPEG", "logo.jpg", (b: Buffer) => b.subarray(0, 200)],
  ])("refuses %s: the image must decode", (_what, name, damage) => {
    const dir = folder(`firm: N\nlogo: bad-${name}\n`);
    writeFileSync(path.join(dir, `bad-${name}`), damage(readFileSync(path.join(FIXTURE, name))));
    const { value, issues } = loadBrand("brand.yaml", dir);
    expect(value).toBeUndefined();
    expect(issues[0]).toMatchObject({ code: "brand-asset", start: { line: 2, column: 7 } });
    expect(issues[0]?.message).toMatch(/that decodes; found a damaged one/);
  });

  it("locates a bad colour and says what was expected", () => {
    const dir = folder("firm: N\ncolors:\n  primary: navy\n");
    const { issues } = loadBrand("brand.yaml", dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "invalid-value", start: { line: 3, column: 12 } });
    expect(issues[0]?.message).toBe(
      'expected "primary" to be a colour as #RRGGBB or #RGB (e.g. #0b4f6c); found the text "navy"',
    );
  });

  it("says what a font name may hold, in words", () => {
    const dir = folder("firm: N\nfonts:\n  body: <Arial>\n");
    const { issues } = loadBrand("brand.yaml", dir);
    expect(issues[0]).toMatchObject({ code: "invalid-value", start: { line: 3, column: 9 } });
    expect(issues[0]?.message).toMatch(/to be a font family name of letters, digits, spaces/);
    expect(issues[0]?.message).not.toMatch(/\\p\{L\}/);
  });

  it("reports a damaged PDF font where fonts.pdf names it", () => {
    const dir = folder("firm: N\nfonts:\n  pdf: broken.ttf\n");
    // The TrueType signature, then nothing a font needs: it opens as a file but not as a font.
    writeFileSync(
      path.join(dir, "broken.ttf"),
      Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(400, 0x5a)]),
    );
    const { value, issues } = loadBrand("brand.yaml", dir);
    expect(value).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "brand-asset",
      severity: "error",
      start: { line: 3, column: 8 },
    });
    expect(issues[0]?.message).toMatch(
      /expected fonts\.pdf to be a TrueType\/OpenType font .*found a damaged or unsupported font file at broken\.ttf/,
    );
  });

  it.skipIf(!existsSync(DEJAVU) && !process.env.CI)(
    "accepts a sound PDF font and refuses it truncated",
    () => {
      const dir = folder("firm: N\nfonts:\n  pdf: good.ttf\n");
      copyFileSync(DEJAVU, path.join(dir, "good.ttf"));
      expect(loadBrand("brand.yaml", dir).issues).toEqual([]);
      writeFileSync(path.join(dir, "good.ttf"), readFileSync(DEJAVU).subarray(0, 40_000));
      expect(loadBrand("brand.yaml", dir).issues[0]?.code).toBe("brand-asset");
    },
  );

  it("reports a PDF font file that does not exist", () => {
    const dir = folder("firm: N\nfonts:\n  pdf: fonts/none.ttf\n");
    const { issues } = loadBrand("brand.yaml", dir);
    expect(issues[0]).toMatchObject({ code: "brand-asset", start: { line: 3, column: 8 } });
  });

  it("reports YAML syntax errors with their position", () => {
    const dir = folder("firm: [N\n");
    const { value, issues } = loadBrand("brand.yaml", dir);
    expect(value).toBeUndefined();
    expect(issues[0]?.code).toBe("yaml-syntax");
  });
});

describe("init's placeholder firm name", () => {
  const PLACEHOLDERS = ["Your firm name", "贵公司名称"];
  const check = (yaml: string) => {
    const dir = folder(yaml);
    const { file } = readYamlFile(path.join(dir, "brand.yaml"), dir);
    if (!file) throw new Error("unreadable fixture");
    return checkBrand(file, dir, PLACEHOLDERS);
  };

  it("is a located warning in each text that still holds it, and the brand still loads", () => {
    const { value, issues } = check(
      "firm: Your firm name\nfooter:\n  en: Your firm name · CRM practice\n  zh-CN: 贵公司名称 · 咨询\ncoverLine: Independent\n",
    );
    expect(value?.firm).toBe("Your firm name");
    expect(issues.map((i) => [i.code, i.severity, i.start.line, i.start.column])).toEqual([
      ["template-placeholder", "warning", 1, 7],
      ["template-placeholder", "warning", 3, 7],
      ["template-placeholder", "warning", 4, 10],
    ]);
    expect(issues[0]?.message).toBe(
      "expected the firm's own name in firm; found \"Your firm name\", the text crm-maturity init wrote, which would appear on the client's documents",
    );
    expect(issues[2]?.message).toMatch(/in footer\.zh-CN; found "贵公司名称"/);
  });

  it("says nothing once the firm's name is filled in, or without placeholders to look for", () => {
    expect(check("firm: Northwind Advisory\nfooter: Northwind\n").issues).toEqual([]);
    expect(loadBrand("brand.yaml", folder("firm: Your firm name\n")).issues).toEqual([]);
  });
});
