/**
 * The one shape of every document renderer: a view in, text or bytes out. A document's registry
 * maps each `--format` name to one; adding a format is one module and one registry line, and
 * the CLI takes its `--format` choices from the registry's keys. Entries import their module on
 * first use, so `--help` and `validate` never load Handlebars, pdfkit or cli-table3.
 */
export type Rendered = string | Uint8Array;

/** Lays out one document's view in one format; never computes or translates. */
export type Renderer<View, Opts> = (view: View, opts: Opts) => Rendered | Promise<Rendered>;

/** The format names of a registry, in its order (help lists them so; the first is the default). */
export function formatsOf<K extends string>(registry: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(registry) as K[];
}
