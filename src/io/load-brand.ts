import { createRequire } from "node:module";
import path from "node:path";
import type { Issue } from "../core/diagnostics/issue.js";
import { makeIssue, type SourceFile, type YamlPath } from "../core/diagnostics/source.js";
import { zodIssuesToIssues } from "../core/diagnostics/zod-issues.js";
import {
  type Brand,
  type BrandFile,
  type BrandLogo,
  brandSchema,
  imageKind,
  normalizeHex,
} from "../core/models/brand.js";
import { describeNotAFile, readRegularFile } from "./inputs.js";
import { displayPath, type ReadCache, readYamlFile } from "./read.js";

/** A logo larger than this is refused: a deliverable's logo is a few hundred kilobytes. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
/** Neither side of a logo may exceed this many pixels. */
const MAX_LOGO_SIDE = 10_000;

/** Whether a parsed YAML value looks like a brand file (validate picks its checks by this). */
export function isBrandValue(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    "firm" in value &&
    !("scale" in value) &&
    !("questions" in value)
  );
}

/**
 * Loads a brand file (`--brand`, `validate`): its structure against the schema, then the files it
 * names, relative to it: the logo must be a PNG or JPEG that decodes, the PDF font must be a
 * readable file. Every problem is a located issue; never throws for bad content.
 */
export function loadBrand(
  p: string,
  cwd: string,
  cache?: ReadCache,
  placeholders: readonly string[] = [],
): { value?: Brand; issues: Issue[] } {
  const abs = path.resolve(cwd, p);
  const { file, issues: readIssues } = readYamlFile(abs, cwd, cache);
  if (!file) return { issues: readIssues };
  if (readIssues.length > 0) return { issues: readIssues };
  return checkBrand(file, cwd, placeholders);
}

/**
 * Checks a parsed brand file and reads the files it names. With `placeholders` (the firm names
 * `init` writes, every language's), a text still holding one is a warning: `validate` passes them.
 */
export function checkBrand(
  file: SourceFile,
  cwd: string,
  placeholders: readonly string[] = [],
): { value?: Brand; issues: Issue[] } {
  const schema = brandSchema();
  const parsed = schema.safeParse(file.value);
  if (!parsed.success) {
    return { issues: zodIssuesToIssues(parsed.error.issues, file, schema, "brand file") };
  }
  const data: BrandFile = parsed.data;
  const dir = path.dirname(file.path);
  const issues: Issue[] = placeholderIssues(file, data, placeholders);
  let logo: BrandLogo | undefined;
  if (data.logo !== undefined) {
    const read = readLogo(path.resolve(dir, data.logo), cwd);
    if ("problem" in read) {
      issues.push(makeIssue("brand-asset", read.problem, file.display, file.locate(["logo"])));
    } else logo = read.logo;
  }
  let pdfFile: string | undefined;
  if (data.fonts?.pdf !== undefined) {
    pdfFile = path.resolve(dir, data.fonts.pdf);
    const read = readRegularFile(pdfFile, displayPath(pdfFile, cwd));
    if ("problem" in read) {
      issues.push(
        makeIssue(
          "brand-asset",
          `expected fonts.pdf to name a readable font file (.ttf, .otf or .ttc); found ${describeNotAFile(read.problem, read.code)} at ${displayPath(pdfFile, cwd)}`,
          file.display,
          file.locate(["fonts", "pdf"]),
        ),
      );
    } else if (!/\.(ttf|otf|ttc)$/i.test(pdfFile)) {
      issues.push(
        makeIssue(
          "brand-asset",
          `expected fonts.pdf to be a .ttf, .otf or .ttc file; found ${displayPath(pdfFile, cwd)}`,
          file.display,
          file.locate(["fonts", "pdf"]),
        ),
      );
    } else if (!isUsableFont(read.bytes)) {
      issues.push(
        makeIssue(
          "brand-asset",
          `expected fonts.pdf to be a TrueType/OpenType font (.ttf, .otf or .ttc); found a damaged or unsupported font file at ${displayPath(pdfFile, cwd)}`,
          file.display,
          file.locate(["fonts", "pdf"]),
        ),
      );
    }
  }
  if (issues.some((i) => i.severity === "error")) return { issues };
  const primary = data.colors ? normalizeHex(data.colors.primary) : undefined;
  return {
    value: {
      firm: data.firm,
      logo,
      colors: primary
        ? {
            primary,
            accent: data.colors?.accent ? normalizeHex(data.colors.accent) : primary,
          }
        : undefined,
      fonts: { heading: data.fonts?.heading, body: data.fonts?.body, pdfFile },
      footer: data.footer,
      confidentiality: data.confidentiality,
      coverLine: data.coverLine,
    },
    issues,
  };
}

const require = createRequire(import.meta.url);

const BRAND_TEXTS = ["firm", "footer", "confidentiality", "coverLine"] as const;

/** A warning for each brand text that still holds one of `init`'s placeholder firm names. */
function placeholderIssues(
  file: SourceFile,
  data: BrandFile,
  placeholders: readonly string[],
): Issue[] {
  const issues: Issue[] = [];
  for (const key of BRAND_TEXTS) {
    const text = data[key];
    if (text === undefined) continue;
    const entries: [YamlPath, string][] =
      typeof text === "string"
        ? [[[key], text]]
        : Object.entries(text).flatMap(([lang, t]) =>
            t === undefined ? [] : [[[key, lang], t] as [YamlPath, string]],
          );
    for (const [at, t] of entries) {
      const found = placeholders.find((p) => t.includes(p));
      if (found === undefined) continue;
      issues.push(
        makeIssue(
          "template-placeholder",
          `expected the firm's own name in ${at.join(".")}; found "${found}", the text crm-maturity init wrote, which would appear on the client's documents`,
          file.display,
          file.locate(at),
          "warning",
        ),
      );
    }
  }
  return issues;
}

/**
 * Whether fontkit can read the font's faces: their names, character map and a glyph's outline
 * and advance, which is what writing a PDF reads first. fontkit loads only for a brand font.
 */
function isUsableFont(bytes: Uint8Array): boolean {
  try {
    const fontkit = require("fontkit") as typeof import("fontkit");
    const parsed = fontkit.create(bytes);
    const faces = "fonts" in parsed ? parsed.fonts : [parsed];
    for (const face of faces) {
      void face.postscriptName;
      void face.familyName;
      for (const glyph of face.glyphsForString("Aa0")) {
        void glyph.advanceWidth;
        void glyph.path;
      }
    }
    return faces.length > 0;
  } catch {
    return false;
  }
}

/**
 * Reads a logo and decodes it completely (pngjs, jpeg-js), so a damaged image is reported here
 * rather than left to Word, PowerPoint or a PDF viewer. Both decoders load only for a logo.
 */
function readLogo(abs: string, cwd: string): { logo: BrandLogo } | { problem: string } {
  const shown = displayPath(abs, cwd);
  const read = readRegularFile(abs, shown);
  if ("problem" in read) {
    return {
      problem: `expected logo to name a readable PNG or JPEG file; found ${describeNotAFile(read.problem, read.code)} at ${shown}`,
    };
  }
  const bytes = new Uint8Array(read.bytes);
  if (bytes.byteLength > MAX_LOGO_BYTES) {
    return {
      problem: `expected a logo of at most ${MAX_LOGO_BYTES / 1024 / 1024} MB; found ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB in ${shown}`,
    };
  }
  const kind = imageKind(bytes);
  if (kind === null) {
    return {
      problem: `expected logo to be a PNG or JPEG image; found a file that is neither (${shown})`,
    };
  }
  let size: { width: number; height: number };
  try {
    size = kind === "png" ? decodePng(read.bytes) : decodeJpeg(read.bytes);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      problem: `expected logo to be a ${kind === "png" ? "PNG" : "JPEG"} image that decodes; found a damaged one in ${shown} (${why})`,
    };
  }
  if (size.width < 1 || size.height < 1) {
    return { problem: `expected a logo with pixels; found an empty image in ${shown}` };
  }
  return { logo: { bytes, kind, width: size.width, height: size.height } };
}

function decodePng(bytes: Buffer): { width: number; height: number } {
  const { PNG } = require("pngjs") as typeof import("pngjs");
  const header = readPngHeader(bytes);
  if (header.width > MAX_LOGO_SIDE || header.height > MAX_LOGO_SIDE) {
    throw new Error(
      `${header.width}×${header.height} pixels is larger than ${MAX_LOGO_SIDE} a side`,
    );
  }
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height };
}

function readPngHeader(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 24) throw new Error("truncated header");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function decodeJpeg(bytes: Buffer): { width: number; height: number } {
  const jpeg = require("jpeg-js") as typeof import("jpeg-js");
  const image = jpeg.decode(bytes, {
    useTArray: true,
    maxResolutionInMP: (MAX_LOGO_SIDE * MAX_LOGO_SIDE) / 1_000_000,
    maxMemoryUsageInMB: 512,
  });
  return { width: image.width, height: image.height };
}
