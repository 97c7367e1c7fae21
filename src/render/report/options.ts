import type { BrandView } from "../../core/models/brand.js";

/** What a renderer may need besides the model. */
export interface RenderOptions {
  /** A folder of Handlebars templates overriding the bundled ones (Markdown). */
  templateDir?: string | undefined;
  /** A TrueType/OpenType font (or collection) with CJK glyphs (PDF). */
  fontPath?: string | undefined;
  /** Where relative paths resolve and how they are shown. */
  cwd?: string | undefined;
  /** The firm's branding in the document's language (PDF, DOCX, PPTX); none: the neutral look. */
  brand?: BrandView | undefined;
  /** Environment variables (the PDF font settings). */
  vars?: NodeJS.ProcessEnv | undefined;
}
