import { UsageError } from "../core/diagnostics/errors.js";

/** Formats an "Examples:" block for a command's `--help`. */
export const examples = (lines: string[]): string =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** Parses a whole number ≥ 0 for an option, or fails with a usage error naming the option. */
export function wholeNumber(option: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
      throw new UsageError(`${option} expects a whole number ≥ 0; found ${JSON.stringify(value)}`);
    }
    return n;
  };
}
