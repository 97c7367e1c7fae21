import type { BrandView } from "../../core/models/brand.js";
import type { Lang } from "../../core/models/languages.js";

/** How a comparison is rendered. */
export interface RenderOptions {
  lang: Lang;
  /** ANSI colour (table only): the caller decides from TTY and NO_COLOR. */
  color: boolean;
  /** The terminal columns the table is laid out in (table only). */
  width: number;
  /** A folder of Handlebars templates overriding the bundled ones (md only). */
  templateDir?: string | undefined;
  /** The firm's branding in the comparison's language (PDF, DOCX, PPTX); none: the neutral look. */
  brand?: BrandView | undefined;
  /** Where a relative template folder resolves and how paths are shown. */
  cwd?: string | undefined;
}
