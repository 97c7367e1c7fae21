// The question numbers a respondent reads in place of item codes (`Q12`), and the titles that start
// with one (`Q12 · How does …`): the paper form and Google Forms print them (export/question-keys.ts
// numbers a survey's questions); a response sheet headed by such titles is matched back by them,
// and by the number alone when the wording after it was edited on the platform.

/** The number of the question at `position` (1-based) in a survey's order: `Q12`. */
export function questionNumber(position: number): string {
  return `Q${position}`;
}

/** A question's title as a respondent reads it: its number, then its wording (`Q12 · How does …`). */
export function numberedTitle(number: string, wording: string): string {
  return `${number} · ${wording}`;
}

const NUMBERED = /^\s*Q(\d+)\s*\u00B7/i;

/** The number a numbered title starts with (`Q12 · …` → `Q12`), or undefined. */
export function titleNumber(title: string): string | undefined {
  const m = NUMBERED.exec(title.normalize("NFKC"));
  return m ? questionNumber(Number(m[1])) : undefined;
}
