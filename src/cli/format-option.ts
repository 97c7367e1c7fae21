import { InvalidArgumentError, Option } from "commander";
import { aliasNote, canonicalFormat } from "../render/format-aliases.js";

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
