import type { Lang } from "../core/models/languages.js";
import { en } from "./en.js";
import type { Messages } from "./messages.js";
import { zhCN } from "./zh-CN.js";

const MESSAGES: Record<Lang, Messages> = { en, "zh-CN": zhCN };

/** Every message in `lang`. */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}
