import { type Command, InvalidArgumentError, Option } from "commander";
import { UsageError } from "../core/diagnostics/errors.js";

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
 * accepted and resolved to its format, and help names it after the description. `shown` are the
 * choices help and the error name (default: all): a format accepted but not shown reaches the use
 * case, which refuses it with advice (`roadmap --format pptx`).
 */
export function formatOption(
  formats: readonly string[],
  defaultFormat: string,
  shown: readonly string[] = formats,
): Option {
  const aliases = aliasNote(shown);
  const option = new Option(
    "--format <format>",
    aliases === "" ? "output format" : `output format (alias: ${aliases})`,
  )
    .choices(shown)
    .default(defaultFormat);
  // .choices() lists the formats in help; this parser validates instead, with the same error
  // message, and first resolves an alias.
  return option.argParser((value: string) => {
    const format = canonicalFormat(value);
    if (!formats.includes(format)) {
      throw new InvalidArgumentError(`Allowed choices are ${shown.join(", ")}.`);
    }
    return format;
  });
}

/** The format an output file's extension names (`report.pdf` → pdf), if it is one of `formats`. */
export function formatOfExtension(file: string, formats: readonly string[]): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  const format = canonicalFormat(ext);
  return formats.includes(format) ? format : undefined;
}

/**
 * The format to write: `--format` when given (an `-o` extension naming another format is a usage
 * error), else the format the `-o` extension names, else the default. An extension that names no
 * format (`results.txt`) leaves the default.
 */
export function resolveFormat(
  given: { format: string; explicit: boolean; output?: string | undefined },
  formats: readonly string[],
): string {
  const fromExtension =
    given.output === undefined || given.output === "-"
      ? undefined
      : formatOfExtension(given.output, formats);
  if (!given.explicit) return fromExtension ?? given.format;
  if (fromExtension !== undefined && fromExtension !== given.format) {
    throw new UsageError(
      `--format ${given.format} contradicts -o ${given.output}, whose extension means ${fromExtension}; drop --format (the extension decides) or change the file name`,
    );
  }
  return given.format;
}

/**
 * Makes the `-o` file's extension choose the format when `--format` is not given (`-o report.pdf`
 * writes a PDF), and an extension contradicting `--format` a usage error. Runs before the action.
 */
export function formatFollowsOutput(cmd: Command, formats: readonly string[]): Command {
  return cmd.hook("preAction", (_root, action) => {
    const opts = action.opts<{ format: string; output?: string }>();
    const source = action.getOptionValueSource("format");
    const format = resolveFormat(
      { format: opts.format, explicit: source === "cli" || source === "env", output: opts.output },
      formats,
    );
    action.setOptionValueWithSource("format", format, source ?? "default");
  });
}
