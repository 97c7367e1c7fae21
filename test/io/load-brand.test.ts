import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrand } from "../../src/io/load-brand.js";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/brand/northwind");

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
    expect(issues[0]?.message).toMatch(/expected "primary" to be in the format .*0-9a-fA-F/);
    expect(issues[0]?.message).toMatch(/found the text "navy"/);
  });

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
