/** The languages the tool writes in, in the order `--lang` lists them; src/i18n/ has one Messages file for each. */
export const LANGS = ["en", "zh-CN"] as const;

/** One of LANGS. */
export type Lang = (typeof LANGS)[number];
