/**
 * Writes `text` as UTF-8 into `buf` at `at` and returns its length in bytes: ASCII text (ids,
 * numbers, most cells) character by character, anything else through `Buffer#write`. The caller
 * leaves room for 3 bytes per UTF-16 unit.
 */
export function writeUtf8(buf: Buffer, text: string, at: number): number {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return buf.write(text, at, "utf8");
    buf[at + i] = c;
  }
  return n;
}
