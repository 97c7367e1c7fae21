import { UsageError } from "../core/diagnostics/errors.js";
import { LANGS, type Lang } from "../core/models/languages.js";

/** The questionnaire's languages that this tool writes, in the questionnaire's order. */
export function writtenLanguages(declared: readonly string[]): Lang[] {
  return declared.filter((l): l is Lang => (LANGS as readonly string[]).includes(l));
}

/**
 * Refuses (usage error) a `--lang` the questionnaire is not written in: its texts would stand in
 * another language inside the document's frame, e.g. English questions in a Chinese report.
 */
export function checkLanguage(
  declared: readonly string[],
  lang: Lang,
  whose = "the questionnaire",
): void {
  if (!writtenLanguages(declared).includes(lang)) {
    throw new UsageError(
      `--lang ${lang}: ${whose} is written in ${declared.join(", ")}; choose one of those`,
    );
  }
}

/**
 * The languages every dimension title of a results file is written in: the languages of the
 * questionnaire it was scored with, which the results do not otherwise record.
 */
export function resultsLanguages(
  dimensions: readonly { title: Readonly<Record<string, string>> }[],
): string[] {
  const [first, ...rest] = dimensions;
  if (!first) return [];
  return Object.keys(first.title).filter((l) => rest.every((d) => d.title[l] !== undefined));
}
