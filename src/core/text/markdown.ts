/**
 * Escapes client-supplied text for inline Markdown: characters that start emphasis, links, code,
 * HTML or table cells get a backslash, and line breaks become spaces so a note cannot end a table
 * row or start a heading or list item.
 */
export function escapeInlineMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_[\]<>|~#&!]/g, (ch) => `\\${ch}`)
    .replace(/^([-+])(\s)/, "\\$1$2")
    .replace(/^(\d+)([.)])(\s)/, "$1\\$2$3");
}
