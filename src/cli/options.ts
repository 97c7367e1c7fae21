import { Option } from "commander";
import { UsageError } from "../core/diagnostics/errors.js";
import { LANGS } from "../core/models/languages.js";
import { joinList } from "../i18n/format.js";

/** Formats an "Examples:" block for a command's `--help`. */
export const examples = (lines: string[]): string =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** Plain decimal digits only: no sign, exponent, hex prefix, fraction or spaces. */
const DIGITS = /^[0-9]+$/;

/**
 * Parses a whole number ≥ 0 for an option (plain decimal digits only), or fails with a usage
 * error naming the option.
 */
export function wholeNumber(option: string) {
  return (value: string): number => {
    if (!DIGITS.test(value)) {
      throw new UsageError(`${option} expects a whole number ≥ 0; found ${JSON.stringify(value)}`);
    }
    return Number(value);
  };
}

/** The range `--horizon` accepts, in months. */
export const HORIZON_MIN = 1;
export const HORIZON_MAX = 120;

/**
 * Parses `--horizon`: whole months from 1 to 120, written as plain decimal digits (`0x10`, `1e1`
 * and `12.0` are refused), or fails with a usage error (exit 2).
 */
export function parseHorizon(value: string): number {
  const n = DIGITS.test(value) ? Number(value) : Number.NaN;
  if (!(n >= HORIZON_MIN && n <= HORIZON_MAX)) {
    throw new UsageError(
      `--horizon expects whole months from ${HORIZON_MIN} to ${HORIZON_MAX}; found ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** `--horizon <months>`: overrides the assessment's planning horizon. */
export const horizonOption = (): Option =>
  new Option(
    "--horizon <months>",
    `planning horizon in months, ${HORIZON_MIN}–${HORIZON_MAX} (default: the assessment's horizonMonths, else 12)`,
  ).argParser(parseHorizon);

/**
 * `-q, --questionnaire <file>`; `what` says what the questionnaire is for in this command (e.g.
 * "questionnaire to score with"); the bundled pack is the default everywhere.
 */
export const questionnaireOption = (what: string): Option =>
  new Option("-q, --questionnaire <file>", `${what} (default: the bundled standard pack)`);

/** `--brand <file>`: the firm's brand.yaml for the command's PDF, Word and PowerPoint formats. */
export const brandOption = (formats: readonly string[]): Option => {
  const office = formats.filter((f) => f === "pdf" || f === "docx" || f === "pptx");
  return new Option(
    "--brand <file>",
    `firm branding for ${joinList(office, ", ", " and ")} (brand.yaml; see \`init\`)`,
  );
};

/** `-o, --output <file>` for commands that write through `writeOutput` (atomic, `-` is stdout). */
export const outputOption = (
  description = "write to a file (atomically) instead of standard output",
): Option => new Option("-o, --output <file>", description);

/**
 * `--lang <lang>` over the languages of `LANGS`; `what` says what is translated. English is the
 * default unless `defaultLang` is `null` (the command asks instead).
 */
export const langOption = (
  what: string,
  defaultLang: (typeof LANGS)[number] | null = "en",
): Option => {
  const option = new Option("--lang <lang>", `language of ${what}`).choices(LANGS);
  return defaultLang === null ? option : option.default(defaultLang);
};

/**
 * `--profile`: the questionnaire's industry profile and/or size band, instead of the client's own;
 * `byDefault` says where the profile comes from without it.
 */
export const profileOption = (
  byDefault = "chosen by the answers' client industry and size",
): Option =>
  new Option(
    "--profile <ids>",
    `industry profile and/or size band, comma-separated (e.g. b2c-retail,large); \`standard\` for none. Default: ${byDefault}`,
  );
