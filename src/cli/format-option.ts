import { InvalidArgumentError, Option } from "commander";

/**
 * Other names `--format` accepts for a format, so older scripts keep working: `markdown` was
 * `score`'s name for what every other command calls `md`.
 */
const FORMAT_ALIASES: Readonly<Record<string, string>> = { markdown: "md" };

/** The canonical name of a `--format` value (an alias resolves; anything else is unchanged). */
function canonicalFormat(name: string): string {
  return FORMAT_ALIASES[name] ?? name;
}

/** The aliases of the given formats, as help text: `"markdown" = "md"`. */
function aliasNote(formats: readonly string[]): string {
  return Object.entries(FORMAT_ALIASES)
    .filter(([, target]) => formats.includes(target))
    .map(([alias, target]) => `"${alias}" = "${target}"`)
    .join(", ");
}

/**
 * `--format <format>` with the given choices and default; an alias (`markdown` for `md`) is
 * accepted and resolved to its format, and help names it after the description.
 */
export function formatOption(formats: readonly string[], defaultFormat: string): Option {
  const aliases = aliasNote(formats);
  const option = new Option(
    "--format <format>",
    aliases === "" ? "output format" : `output format (alias: ${aliases})`,
  )
    .choices(formats)
    .default(defaultFormat);
  // .choices() both lists the formats in help and validates; this parser keeps the same error
  // message but first resolves an alias.
  return option.argParser((value: string) => {
    const format = canonicalFormat(value);
    if (!formats.includes(format)) {
      throw new InvalidArgumentError(`Allowed choices are ${formats.join(", ")}.`);
    }
    return format;
  });
}
