import { escapeControls } from "./controls.js";

// The one Markdown escaper of every document: the score summary, the gap report and roadmap, and
// the comparison escape a client's name with the same character rules, so it reads the same in
// each. Two entry points differ only in where the text stands: a whole field (a paragraph, list
// item or table cell, which a leading `#` or `1.` could turn into a block) or a fragment joined
// to other text on a line.

/**
 * The character rules both entry points share: everything Markdown or GitHub would interpret
 * inline is backslash-escaped (emphasis, code, links, HTML tags, pipes, math). `<` only opens
 * HTML or an autolink before a letter, `/`, `!` or `?`; intraword underscores are left alone
 * (GitHub does not treat them as emphasis, and ids stay readable in plain text); `&` only
 * before something that reads as an entity. Control characters (ESC …) become visible `\uXXXX`.
 */
function escapeCharacters(text: string): string {
  return escapeControls(text, { keepLines: true })
    .replace(/[\\`*[\]|~$]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!?])/g, "\\<")
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
}

/**
 * Escapes a whole field so it reads as literal text wherever a template puts it: in a paragraph,
 * a list item or a table cell. It is trimmed, newlines become `<br>` (a cell cannot span lines),
 * and only what Markdown would read as a block at its start is guarded: a quote `>`, a heading
 * `# `, a list marker `- `, `+ ` or `1. ` (a space or the end after it), a rule or underline of
 * `-` or `=` alone. So a number stays `2.14` and a change `-0.33`, unescaped in the raw file.
 */
export function escapeMarkdown(text: string): string {
  const s = escapeCharacters(text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").trim());
  return s
    .split("\n")
    .map((line) => line.trim())
    .join("<br>")
    .replace(/^(>|(?:#{1,6}|[-+])(?=\s|$)|[-=](?=[-=\s]*$))/, "\\$1")
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * Escapes a fragment that is joined to other text on one line (a label, a detail after an id,
 * a heading's parts): the same characters as escapeMarkdown, newlines become `<br>`, but spaces
 * at its ends are kept, and only what would really start a block at the start of a line is
 * guarded (a heading `# `, a quote `>`, a list `- `, `+ ` or `1. `), so numbers stay `2.27`.
 */
export function escapeInlineMarkdown(text: string): string {
  return escapeCharacters(text.replace(/\r\n?/g, "\n").replace(/\t/g, " "))
    .replace(/[ ]*\n[ ]*/g, "<br>")
    .replace(/^(>|(?:#{1,6}|[-+])(?=\s|$))/, "\\$1")
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}
