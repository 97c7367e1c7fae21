// Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, and the
// two non-characters U+FFFE/U+FFFF): one in a document part makes Word refuse the file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text with the characters XML cannot carry removed (client text bound for DOCX, PPTX, SVG). */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** Text safe inside XML character data and attribute values: escaped, and xmlSafe. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
