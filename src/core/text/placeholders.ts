/** `{name}`, where a name may carry an argument after a colon, e.g. `{score:leadership}`. */
const PLACEHOLDER = /\{([\w.:-]+)\}/g;

/** Fills `{name}` placeholders from `vars`; a placeholder without a value is left as it is. */
export function fillPlaceholders(
  text: string,
  vars: Readonly<Record<string, string | number>>,
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** The placeholder names a text uses, in order, e.g. `["score:leadership"]`. */
export function placeholdersIn(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] ?? "");
}
