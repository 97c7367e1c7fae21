import type { Formatter } from "./types.js";

export type { FormatContext, Formatter } from "./types.js";

/** The names `--format` accepts, for commander's `.choices()`; the registry's keys. */
export const FORMAT_NAMES = ["stylish", "json", "github", "sarif", "junit"] as const;

/** A name `--format` accepts. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * Every output format of `validate`, by name, loaded on demand (start-up time is what CI pays on
 * every run); the Record type keeps it in step with FORMAT_NAMES.
 */
export const FORMATTERS: Record<FormatName, () => Promise<Formatter>> = {
  stylish: async () => (await import("./stylish.js")).formatStylish,
  json: async () => (await import("./json.js")).formatJson,
  github: async () => (await import("./github.js")).formatGithub,
  sarif: async () => (await import("./sarif.js")).formatSarif,
  junit: async () => (await import("./junit.js")).formatJunit,
};

/** The format used when `--format` is not given. */
export const DEFAULT_FORMAT: FormatName = "stylish";
