/** The titles a Google Forms script written by `survey` sets, in order: the response sheet's headers. */
export function formTitles(script: string): string[] {
  return [...script.matchAll(/^ {2}choice\((".*?"), \[/gm)].map((m) => JSON.parse(m[1] as string));
}

/** The options each question of the script offers, in the order of `formTitles`. */
export function formOptions(script: string): string[][] {
  return [...script.matchAll(/^ {2}choice\(".*?", (\[.*\]), (?:true|false)\);$/gm)].map((m) =>
    JSON.parse(m[1] as string),
  );
}
