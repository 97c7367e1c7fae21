/** The languages the tool writes in, in the order `--lang` lists them; every message table in src/i18n/ has each. */
export const LANGS = ["en", "zh-CN"] as const;

/** One of LANGS. */
export type Lang = (typeof LANGS)[number];
