import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export type { FormatContext, Formatter } from "./types.js";

/** The names `--format` accepts, for commander's `.choices()`; the registry's keys. */
export const FORMAT_NAMES = ["stylish", "json", "github", "sarif", "junit"] as const;

/** A name `--format` accepts. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Every output format of `validate`, by name; the Record type keeps it in step with FORMAT_NAMES. */
export const FORMATTERS: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
  junit: formatJunit,
};

/** The format used when `--format` is not given. */
export const DEFAULT_FORMAT: FormatName = "stylish";
