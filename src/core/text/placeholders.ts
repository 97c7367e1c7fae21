/** Fills `{name}` placeholders from `vars`; a placeholder without a value is left as it is. */
export function fillPlaceholders(
  text: string,
  vars: Readonly<Record<string, string | number>>,
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}
