import { z } from "../zod.js";
import { LANGS, type Lang } from "./languages.js";

/**
 * A consulting firm's branding (`brand.yaml`): its name, logo, colours, fonts and the words it
 * puts on every deliverable. The file holds paths and words only; the logo is read by the loader
 * (`src/io/load-brand.ts`), never fetched. Client-facing words are one text for every language or
 * one per language.
 */

/**
 * Builds the brand file's schema: once, on first use (`validate` imports the brand loader, and a
 * run without a brand file should not pay for building it).
 */
function build() {
  /** A colour as `#rgb` or `#rrggbb`. */
  const hexColor = z
    .string()
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, {
      // The words of "expected … ; found …" (zod-issues.ts), so no one has to read the pattern.
      message: "a colour as #RRGGBB or #RGB (e.g. #0b4f6c)",
    })
    .describe("A colour in hex notation, `#rrggbb` or `#rgb` (e.g. `#0b3d5c`).");

  /** A font family name for Word and PowerPoint: letters, digits, spaces and a few separators. */
  const fontName = z
    .string()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,62}$/u, {
      message: "a font family name of letters, digits, spaces, '.', '_' or '-' (at most 63)",
    })
    .describe(
      "A font family name as Word and PowerPoint list it, e.g. `Georgia` or `Source Sans Pro`.",
    );

  const perLanguage = z
    .strictObject(
      Object.fromEntries(LANGS.map((lang) => [lang, z.string().min(1).optional()])) as Record<
        Lang,
        z.ZodOptional<z.ZodString>
      >,
    )
    .refine(
      (o) => Object.values(o).some((v) => v !== undefined),
      "give the text in at least one language",
    );

  /** Words a client reads: one text for every language, or one per language (`en`, `zh-CN`). */
  const brandText = z
    .union([z.string().min(1), perLanguage])
    .describe("One text for every language, or a text per language: `{ en: …, zh-CN: … }`.");

  const brandSchema = z
    .strictObject({
      $schema: z.string().optional(),
      firm: brandText.describe("The firm's name, on the cover and in the document properties."),
      logo: z
        .string()
        .min(1)
        .optional()
        .describe(
          "The logo: a PNG or JPEG file, relative to this file. Shown on the cover or title slide and in page headers.",
        ),
      colors: z
        .strictObject({
          primary: hexColor.describe(
            "Headings, the cover band, the slide bar and the current-state series of charts.",
          ),
          accent: hexColor
            .optional()
            .describe(
              "The line under the cover band and the cover line. Default: the primary colour.",
            ),
        })
        .optional()
        .describe("Brand colours. Default: the neutral navy of the unbranded documents."),
      fonts: z
        .strictObject({
          heading: fontName.optional().describe("Headings and titles in Word and PowerPoint."),
          body: fontName.optional().describe("Body text in Word and PowerPoint."),
          pdf: z
            .string()
            .min(1)
            .optional()
            .describe(
              "A font file (.ttf, .otf or .ttc) for PDF, relative to this file. Default: the bundled fonts. `--font` wins over it.",
            ),
        })
        .optional(),
      footer: brandText.optional().describe("Footer text on every page and slide."),
      confidentiality: brandText
        .optional()
        .describe("Confidentiality notice, in the footer and on the cover."),
      coverLine: brandText
        .optional()
        .describe("One line on the cover or title slide, e.g. a tagline."),
    })
    .describe("A consulting firm's branding for PDF, Word and PowerPoint deliverables.");

  return { brandText, brandSchema };
}

let built: ReturnType<typeof build> | undefined;

/** The schema of a brand file (built on the first call, then shared). */
export function brandSchema(): ReturnType<typeof build>["brandSchema"] {
  built ??= build();
  return built.brandSchema;
}

export type BrandText = z.infer<ReturnType<typeof build>["brandText"]>;
export type BrandFile = z.infer<ReturnType<typeof build>["brandSchema"]>;

/** `#rgb` → `#rrggbb`, lower case. */
export function normalizeHex(color: string): string {
  const h = color.slice(1).toLowerCase();
  return `#${h.length === 3 ? [...h].map((c) => c + c).join("") : h}`;
}

/** A brand text in one language: that language's, else English, else the first given. */
export function brandTextFor(text: BrandText | undefined, lang: Lang): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === "string") return text;
  return text[lang] ?? text.en ?? Object.values(text).find((v) => v !== undefined);
}

/** The kind of image a logo is, from its first bytes; null for anything else. */
export function imageKind(bytes: Uint8Array): "png" | "jpg" | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "jpg";
  return null;
}

/** A logo the loader read and decoded. */
export interface BrandLogo {
  bytes: Uint8Array;
  kind: "png" | "jpg";
  /** Pixels. */
  width: number;
  height: number;
}

/** A brand file as loaded: colours normalised, the logo read, the PDF font an absolute path. */
export interface Brand {
  firm: BrandText;
  logo?: BrandLogo | undefined;
  colors?: { primary: string; accent: string } | undefined;
  fonts: { heading?: string | undefined; body?: string | undefined; pdfFile?: string | undefined };
  footer?: BrandText | undefined;
  confidentiality?: BrandText | undefined;
  coverLine?: BrandText | undefined;
}

/** A brand in one language, as renderers read it. */
export interface BrandView {
  firm: string;
  logo?: BrandLogo | undefined;
  colors?: { primary: string; accent: string } | undefined;
  headingFont?: string | undefined;
  bodyFont?: string | undefined;
  pdfFont?: string | undefined;
  footer?: string | undefined;
  confidentiality?: string | undefined;
  coverLine?: string | undefined;
}

/** The brand's words in one language. */
export function brandView(brand: Brand, lang: Lang): BrandView {
  return {
    firm: brandTextFor(brand.firm, lang) ?? "",
    logo: brand.logo,
    colors: brand.colors,
    headingFont: brand.fonts.heading ?? brand.fonts.body,
    bodyFont: brand.fonts.body ?? brand.fonts.heading,
    pdfFont: brand.fonts.pdfFile,
    footer: brandTextFor(brand.footer, lang),
    confidentiality: brandTextFor(brand.confidentiality, lang),
    coverLine: brandTextFor(brand.coverLine, lang),
  };
}

/** The footer line of a branded document: the brand's footer and confidentiality text. */
export function brandFooter(view: BrandView, fallback: string, sep = "  ·  "): string {
  const parts = [view.footer, view.confidentiality].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(sep) : fallback;
}

/** Every word a brand adds to a document (fonts must cover them). */
export function brandStrings(view: BrandView | undefined): string[] {
  if (!view) return [];
  return [view.firm, view.footer, view.confidentiality, view.coverLine].filter(
    (s): s is string => !!s,
  );
}
