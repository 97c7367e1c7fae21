// The one rule for control characters in text that came from an input (client names, notes,
// file content quoted in a finding): none reaches a terminal or a Markdown file raw, where an ESC
// could set a window title, clear the screen or hide text. Each becomes a visible `\uXXXX`.

/** C0 and C1 control characters and DEL; with `keepLines`, line feeds and tabs are kept. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Makes every control character visible as `\uXXXX` (line feeds and tabs too, unless kept). */
export function escapeControls(text: string, opts: { keepLines?: boolean } = {}): string {
  return text.replace(opts.keepLines ? CONTROLS_BUT_LINES : CONTROLS, visible);
}

/** Every string of a value with its control characters made visible (a copy; numbers kept). */
export function escapeControlsDeep<T>(value: T): T {
  if (typeof value === "string") return escapeControls(value, { keepLines: true }) as T;
  if (Array.isArray(value)) return value.map((v) => escapeControlsDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeControlsDeep(v);
    return out as T;
  }
  return value;
}
