/** Quotes a shell argument when it needs it, for the commands the tool prints for the user to run. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/u.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
