import { InputError } from "../core/diagnostics/errors.js";
import type { Brand } from "../core/models/brand.js";
import { LANGS, type Lang } from "../core/models/languages.js";
import { messagesFor } from "../i18n/index.js";
import { loadBrand } from "../io/load-brand.js";
import type { Env } from "./env.js";
import { printIssues } from "./print-issues.js";

/** The firm name `init`'s brand.yaml holds for each language (each language's texts hold its own). */
export const brandFirmPlaceholderByLang = (): Record<Lang, string> =>
  Object.fromEntries(LANGS.map((lang) => [lang, messagesFor(lang).brandFirmPlaceholder])) as Record<
    Lang,
    string
  >;

/** The firm names `init`'s brand.yaml holds in every language: a brand text still holding one is a warning. */
export const brandFirmPlaceholders = (): string[] => Object.values(brandFirmPlaceholderByLang());

/**
 * The brand file of `--brand`: a problem stops the command (exit 1); a warning — a placeholder
 * firm name left from `init`, which would reach the client's documents — is printed and the
 * documents are written.
 */
export function brandFor(p: string | undefined, e: Env): Brand | undefined {
  if (p === undefined) return undefined;
  const { value, issues } = loadBrand(p, e.cwd, undefined, brandFirmPlaceholders());
  if (!value) throw new InputError(`the brand file ${p} is invalid`, issues);
  const warnings = issues.filter((i) => i.severity === "warning");
  if (warnings.length > 0) printIssues(warnings, e.stderr);
  return value;
}
