/**
 * Other names `--format` accepts for a format, so older scripts keep working: `markdown` was
 * `score`'s name for what every other command calls `md`.
 */
export const FORMAT_ALIASES: Readonly<Record<string, string>> = { markdown: "md" };

/** The canonical name of a `--format` value (an alias resolves; anything else is unchanged). */
export function canonicalFormat(name: string): string {
  return FORMAT_ALIASES[name] ?? name;
}

/** The aliases of the given formats, as help text: `"markdown" = "md"`. */
export function aliasNote(formats: readonly string[]): string {
  return Object.entries(FORMAT_ALIASES)
    .filter(([, target]) => formats.includes(target))
    .map(([alias, target]) => `"${alias}" = "${target}"`)
    .join(", ");
}
