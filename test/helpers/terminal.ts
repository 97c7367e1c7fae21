// A terminal for tests of what commands show at one (progress bars, lines laid out in its width).
import { Writable } from "node:stream";

/** A stand-in for a terminal `columns` wide: what is written to it, escape sequences and all. */
export function fakeTerminal(columns: number): NodeJS.WriteStream & { written: () => string } {
  let text = "";
  const stream = new Writable({
    write: (chunk, _enc, cb) => {
      text += String(chunk);
      cb();
    },
  });
  return Object.assign(stream, { isTTY: true, columns, written: () => text }) as never;
}

/**
 * The lines a terminal shows once `raw` is written to it, for what the bar writes: a line cleared
 * (erase line, erase below) loses what was written on it; other escape sequences move nothing
 * the bar leaves behind.
 */
export function screenLines(raw: string): string[] {
  const lines: string[] = [];
  let current = "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences
  for (const part of raw.split(/(\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]|\n)/)) {
    if (part === "\n") {
      lines.push(current);
      current = "";
    } else if (["\x1b[2K", "\x1b[J", "\x1b[0J"].includes(part)) current = "";
    else if (!part.startsWith("\x1b")) current += part;
  }
  return current === "" ? lines : [...lines, current];
}
