/**
 * The bundled Handlebars templates, precompiled at build time: the build (scripts/build.mjs) puts
 * them in place of this module in dist/; running from source, as the unit tests do, there are
 * none and every template is compiled when loaded.
 *
 * Why: parsing and compiling the templates cost every Markdown document about a fifth of its
 * time. A precompiled template is used only for a file whose text is exactly the text it was
 * compiled from, with the same options; an edited or a user's template is compiled as before.
 */
export interface PrecompiledTemplate {
  /** The template's text when it was compiled. */
  text: string;
  /** Compiled in strict mode. */
  strict: boolean;
  /** Handlebars.precompile's output, for `Handlebars.template`. */
  spec: unknown;
}

export const precompiledTemplates: Readonly<Record<string, PrecompiledTemplate>> = {};
