import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Font, FontCollection } from "fontkit";
import { InputError } from "../core/diagnostics/errors.js";
import { compareText } from "../core/text/compare.js";
import { describeNotAFile, readRegularFile } from "./inputs.js";
import { loadPdfLibraries } from "./pdf-libraries.js";

/** Environment variable naming a font file for PDF output (after `--font`, before discovery). */
export const FONT_ENV = "CRM_MATURITY_FONT";
/** Environment variable replacing the system font folders searched (path-delimited list). */
export const FONT_DIRS_ENV = "CRM_MATURITY_FONT_DIRS";

/** A font file the discovery knows by name; `.ttc` collections need the face's PostScript name. */
export interface KnownFont {
  /** File name as installed (matched case-insensitively anywhere under the searched folders). */
  file: string;
  /** Face to use inside a collection; null for single-face files. */
  postscriptName: string | null;
  /** A bold face: in the same collection (`file` null) or a sibling file. */
  bold: { file: string | null; postscriptName: string | null } | null;
}

/** Fonts tried by discovery, best first (Simplified Chinese faces before other CJK variants). */
export const KNOWN_FONTS: readonly KnownFont[] = [
  // Linux
  {
    file: "NotoSansCJK-Regular.ttc",
    postscriptName: "NotoSansCJKsc-Regular",
    bold: { file: "NotoSansCJK-Bold.ttc", postscriptName: "NotoSansCJKsc-Bold" },
  },
  {
    file: "NotoSansCJKsc-Regular.otf",
    postscriptName: null,
    bold: { file: "NotoSansCJKsc-Bold.otf", postscriptName: null },
  },
  {
    file: "NotoSansSC-Regular.otf",
    postscriptName: null,
    bold: { file: "NotoSansSC-Bold.otf", postscriptName: null },
  },
  {
    file: "SourceHanSansSC-Regular.otf",
    postscriptName: null,
    bold: { file: "SourceHanSansSC-Bold.otf", postscriptName: null },
  },
  { file: "wqy-microhei.ttc", postscriptName: "WenQuanYiMicroHei", bold: null },
  { file: "wqy-zenhei.ttc", postscriptName: "WenQuanYiZenHei", bold: null },
  { file: "DroidSansFallbackFull.ttf", postscriptName: null, bold: null },
  // macOS
  {
    file: "PingFang.ttc",
    postscriptName: "PingFangSC-Regular",
    bold: { file: null, postscriptName: "PingFangSC-Semibold" },
  },
  {
    file: "Hiragino Sans GB.ttc",
    postscriptName: "HiraginoSansGB-W3",
    bold: { file: null, postscriptName: "HiraginoSansGB-W6" },
  },
  {
    file: "STHeiti Light.ttc",
    postscriptName: "STHeitiSC-Light",
    bold: { file: "STHeiti Medium.ttc", postscriptName: "STHeitiSC-Medium" },
  },
  { file: "Arial Unicode.ttf", postscriptName: null, bold: null },
  // Windows
  {
    file: "msyh.ttc",
    postscriptName: "MicrosoftYaHei",
    bold: { file: "msyhbd.ttc", postscriptName: "MicrosoftYaHei-Bold" },
  },
  { file: "simhei.ttf", postscriptName: null, bold: null },
  {
    file: "Deng.ttf",
    postscriptName: null,
    bold: { file: "Dengb.ttf", postscriptName: null },
  },
  { file: "simsun.ttc", postscriptName: "SimSun", bold: null },
  // Latin/Cyrillic/Greek fallbacks for English reports whose client text leaves Latin-1
  {
    file: "DejaVuSans.ttf",
    postscriptName: null,
    bold: { file: "DejaVuSans-Bold.ttf", postscriptName: null },
  },
  {
    file: "LiberationSans-Regular.ttf",
    postscriptName: null,
    bold: { file: "LiberationSans-Bold.ttf", postscriptName: null },
  },
  {
    file: "arial.ttf",
    postscriptName: null,
    bold: { file: "arialbd.ttf", postscriptName: null },
  },
];

/** The folders discovery searches on a platform (recursively, a few levels deep). */
export function defaultFontDirs(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string[] {
  if (platform === "darwin") {
    return ["/System/Library/Fonts", "/Library/Fonts", path.join(home, "Library/Fonts")];
  }
  if (platform === "win32") {
    const windir = env.WINDIR ?? env.SystemRoot ?? "C:\\Windows";
    const dirs = [path.win32.join(windir, "Fonts")];
    if (env.LOCALAPPDATA) dirs.push(path.win32.join(env.LOCALAPPDATA, "Microsoft\\Windows\\Fonts"));
    return dirs;
  }
  const dataHome = env.XDG_DATA_HOME ?? path.join(home, ".local/share");
  return [
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    path.join(dataHome, "fonts"),
    path.join(home, ".fonts"),
  ];
}

/** Which glyphs a font can show; the standard PDF fonts cover WinAnsi (Latin-1 and a few more). */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
}

/** A font embedded in the PDF: fontkit faces pdfkit accepts directly in `registerFont`. */
export interface EmbeddedReportFont {
  kind: "embedded";
  regular: Font;
  /** Null when the font has no bold face; the renderer then emboldens by stroking the glyphs. */
  bold: Font | null;
  file: string;
  /** The file the bold face comes from (`file` for a face of the same collection). */
  boldFile: string | null;
  postscriptName: string | null;
  source: "option" | "brand" | "env" | "system";
  coverage: GlyphCoverage;
}

/** The standard Helvetica family: nothing to embed, WinAnsi characters only. */
export interface StandardReportFont {
  kind: "standard";
  coverage: GlyphCoverage;
}

export type ReportFont = EmbeddedReportFont | StandardReportFont;

export interface ResolveFontOptions {
  /** Code points the document will show (after the caller's own symbol fallbacks). */
  codePoints: ReadonlySet<number>;
  /** `--font FILE`; wins over everything else. */
  fontPath?: string | undefined;
  /**
   * The brand file's `fonts.pdf` (absolute): used after `--font` when it shows every character;
   * otherwise the usual choice goes on, so Chinese text still finds a CJK font.
   */
  brandFontPath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Folders to search instead of the platform's (tests point this at an empty folder). */
  searchDirs?: readonly string[];
  platform?: NodeJS.Platform;
  /** Resolves a relative `--font` path; defaults to the working directory. */
  cwd?: string;
  /** The caller draws glyph outlines (chart pictures): Helvetica, which has none, will not do. */
  outlines?: boolean;
}

const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a,
  0x20ac, 0x2122,
]);

/** Characters the standard (non-embedded) PDF fonts can encode. */
export const WIN_ANSI: GlyphCoverage = {
  has: (cp) =>
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xff) ||
    WIN_ANSI_EXTRA.has(cp),
};

/** True for Han ideographs, CJK punctuation, kana, hangul and full-width forms. */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/**
 * Chooses the font for a PDF: `--font`, then `CRM_MATURITY_FONT`, then Helvetica when it can show
 * every character, then the first known system font that can. Throws an `InputError` that says how
 * to install or pass a font when none can show the text, so a PDF never carries empty boxes.
 */
export async function resolveReportFont(options: ResolveFontOptions): Promise<ReportFont> {
  const env = options.env ?? process.env;
  const needed = [...options.codePoints].filter((cp) => cp > 0x20 && cp !== 0xa0);
  const explicit = options.fontPath
    ? { file: options.fontPath, source: "option" as const, what: "--font" }
    : env[FONT_ENV]
      ? { file: env[FONT_ENV], source: "env" as const, what: FONT_ENV }
      : null;

  const { fontkit } = await loadPdfLibraries();
  if (!options.fontPath && options.brandFontPath) {
    const file = options.brandFontPath;
    const bytes = readFont(file, "the brand's fonts.pdf");
    try {
      const parsed = fontkit.create(bytes);
      const faces = "fonts" in parsed ? parsed.fonts : [parsed];
      const regular = pickFace(faces, needed, null);
      if (missingCodePoints(regular, needed).length === 0) {
        const bold = "fonts" in parsed ? pickBoldSibling(parsed.fonts, regular, needed) : null;
        return embedded(regular, bold, bold ? file : null, file, "brand");
      }
    } catch {
      throw damagedFont("the brand's fonts.pdf", file);
    }
  }
  if (explicit) {
    const file = path.resolve(options.cwd ?? process.cwd(), explicit.file);
    const bytes = readFont(file, explicit.what);
    // A damaged file may parse and fail only when a table is read: every failure is one message.
    try {
      const parsed = fontkit.create(bytes);
      const faces = "fonts" in parsed ? parsed.fonts : [parsed];
      const regular = pickFace(faces, needed, null);
      const missing = missingCodePoints(regular, needed);
      if (missing.length > 0) {
        throw new InputError(
          `${explicit.what} ${file}: the font has no glyphs for ${describeChars(missing)}, which the report contains; pass a font that covers them${needed.some(isCjk) ? ` (for Chinese: ${INSTALL_HINT_SHORT})` : ""}`,
        );
      }
      const bold = "fonts" in parsed ? pickBoldSibling(parsed.fonts, regular, needed) : null;
      return embedded(regular, bold, bold ? file : null, file, explicit.source);
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw damagedFont(explicit.what, file);
    }
  }

  if (!options.outlines && needed.every((cp) => WIN_ANSI.has(cp))) {
    return { kind: "standard", coverage: WIN_ANSI };
  }

  const dirs =
    options.searchDirs ??
    (env[FONT_DIRS_ENV]
      ? env[FONT_DIRS_ENV].split(path.delimiter).filter((d) => d !== "")
      : defaultFontDirs(options.platform, env));
  const found = indexFontFiles(dirs);
  const tried: string[] = [];
  for (const known of KNOWN_FONTS) {
    const file = found.get(known.file.toLowerCase());
    if (!file) continue;
    let parsed: Font | FontCollection;
    try {
      parsed = fontkit.create(readFileSync(file));
    } catch {
      continue;
    }
    const faces = "fonts" in parsed ? parsed.fonts : [parsed];
    const regular = pickFace(faces, needed, known.postscriptName);
    if (missingCodePoints(regular, needed).length > 0) {
      tried.push(file);
      continue;
    }
    const bold = loadKnownBold(fontkit, known, parsed, file, found, needed);
    return embedded(regular, bold?.face ?? null, bold?.file ?? null, file, "system");
  }

  const notShown = needed.filter((cp) => !WIN_ANSI.has(cp));
  const cjk = notShown.some(isCjk);
  throw new InputError(
    [
      cjk
        ? "The report contains Chinese text, and PDF output needs a font with Chinese glyphs, but none was found."
        : `The report contains characters the built-in PDF fonts cannot show (${describeChars(notShown)}), and no system font that covers them was found.`,
      "Install one, or tell crm-maturity which font file to use:",
      "  Debian/Ubuntu:  sudo apt-get install fonts-noto-cjk   (or: fonts-wqy-microhei)",
      "  Fedora:         sudo dnf install google-noto-sans-cjk-fonts",
      "  macOS:          PingFang SC and Hiragino Sans GB are built in (/System/Library/Fonts)",
      "  Windows:        Microsoft YaHei (C:\\Windows\\Fonts\\msyh.ttc) and SimHei are built in",
      `  or pass --font /path/to/font.ttf|.otf|.ttc, or set ${FONT_ENV}=/path/to/font`,
      `Searched: ${dirs.length > 0 ? dirs.join(", ") : "(no folders)"}${tried.length > 0 ? `; lacking glyphs: ${tried.join(", ")}` : ""}`,
    ].join("\n"),
  );
}

const INSTALL_HINT_SHORT =
  "e.g. Noto Sans CJK, WenQuanYi Micro Hei, PingFang SC or Microsoft YaHei";

function readFont(file: string, what: string): Uint8Array {
  const read = readRegularFile(file);
  if ("problem" in read) {
    throw new InputError(
      `${what} ${file}: expected a readable font file; found ${describeNotAFile(read.problem, read.code)}`,
    );
  }
  return read.bytes;
}

/** The one message for a font file that cannot be used (unreadable tables, bad offsets, …). */
export function damagedFont(what: string, file: string): InputError {
  return new InputError(
    `${what} ${file}: expected a TrueType/OpenType font (.ttf, .otf or .ttc); found a damaged or unsupported font file`,
  );
}

function embedded(
  regular: Font,
  bold: Font | null,
  boldFile: string | null,
  file: string,
  source: EmbeddedReportFont["source"],
): EmbeddedReportFont {
  return {
    kind: "embedded",
    regular,
    bold,
    file,
    boldFile,
    postscriptName: regular.postscriptName,
    source,
    coverage: { has: (cp) => cp === 0x0a || regular.hasGlyphForCodePoint(cp) },
  };
}

function missingCodePoints(font: Font, needed: readonly number[]): number[] {
  return needed.filter((cp) => !font.hasGlyphForCodePoint(cp));
}

function describeChars(cps: readonly number[]): string {
  const shown = cps
    .slice(0, 8)
    .map(
      (cp) => `"${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`,
    );
  return cps.length > 8 ? `${shown.join(", ")} and ${cps.length - 8} more` : shown.join(", ");
}

// A collection holds several faces (SC/TC/JP variants, mono, bold): take the preferred name, else
// the face covering most of the text, Simplified Chinese and regular weight breaking ties.
function pickFace(
  faces: readonly Font[],
  needed: readonly number[],
  preferred: string | null,
): Font {
  const byName = preferred ? faces.find((f) => f.postscriptName === preferred) : undefined;
  if (byName && missingCodePoints(byName, needed).length === 0) return byName;
  let best: Font | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const face of faces) {
    const name = `${face.postscriptName ?? ""} ${face.familyName ?? ""}`;
    const sub = (face.subfamilyName ?? "").toLowerCase();
    let score = -missingCodePoints(face, needed).length * 10;
    if (/SC\b|sc-|GB|Hans|SC-/.test(name)) score += 3;
    if (sub === "regular" || sub === "book" || sub === "") score += 2;
    if (/mono/i.test(name)) score -= 1;
    if (score > bestScore) {
      best = face;
      bestScore = score;
    }
  }
  // faces is never empty: fontkit rejects a collection without members.
  return best ?? (faces[0] as Font);
}

function pickBoldSibling(
  faces: readonly Font[],
  regular: Font,
  needed: readonly number[],
): Font | null {
  const bold = faces.find(
    (f) =>
      f !== regular &&
      f.familyName === regular.familyName &&
      /bold|semibold|heavy|w6/i.test(f.subfamilyName ?? f.postscriptName ?? ""),
  );
  return bold && missingCodePoints(bold, needed).length === 0 ? bold : null;
}

function loadKnownBold(
  fontkit: typeof import("fontkit"),
  known: KnownFont,
  parsed: Font | FontCollection,
  file: string,
  found: ReadonlyMap<string, string>,
  needed: readonly number[],
): { face: Font; file: string } | null {
  if (!known.bold) return null;
  let source: Font | FontCollection | undefined = parsed;
  let sourceFile = file;
  if (known.bold.file) {
    const sibling =
      found.get(known.bold.file.toLowerCase()) ?? path.join(path.dirname(file), known.bold.file);
    sourceFile = sibling;
    try {
      source = fontkit.create(readFileSync(sibling));
    } catch {
      return null;
    }
  }
  const faces = "fonts" in source ? source.fonts : [source];
  const bold = known.bold.postscriptName
    ? faces.find((f) => f.postscriptName === known.bold?.postscriptName)
    : faces[0];
  return bold && missingCodePoints(bold, needed).length === 0
    ? { face: bold, file: sourceFile }
    : null;
}

// Font folders can be deep (e.g. /usr/share/fonts/opentype/noto/…) but a few levels suffice; the
// index maps lower-cased file names to the first path found, folders searched in the given order.
function indexFontFiles(dirs: readonly string[]): Map<string, string> {
  const wanted = new Set(
    KNOWN_FONTS.flatMap((k) => [k.file, k.bold?.file ?? k.file]).map((f) => f.toLowerCase()),
  );
  const index = new Map<string, string>();
  const walk = (dir: string, depth: number): void => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = statSync(full).isDirectory();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (depth < 4) walk(full, depth + 1);
      } else {
        const key = entry.name.toLowerCase();
        if (wanted.has(key) && !index.has(key)) index.set(key, full);
      }
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return index;
}
