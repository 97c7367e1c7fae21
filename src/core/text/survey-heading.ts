/**
 * Survey numbering at the start of a question heading: `3、`, `Q3.`, `Question 3:`, `3)`, `3：`,
 * `1.2.`, and the numbered titles `Q3 · ` of the paper form and Google Forms (ASCII digits; `matchTexts` applies it after NFKC, so full-width ones count there too).
 */
export const SURVEY_NUMBERING =
  /^\s*(?:q(?:uestion)?\s*)?\d+(?:\.\d+)*\s*[\u3001.):\uFF1A\u00B7]\s*/i;

/**
 * A survey column's heading as a reader should see it in a document: without the platform's
 * numbering and the colon that closes a prompt (问卷星's `74、您所在的部门：` reads `您所在的部门`,
 * `Q2. Department:` reads `Department`). A heading that is nothing but numbering stays as it is.
 */
export function headingLabel(heading: string): string {
  // The heading's own characters are kept (no NFKC: its full-width brackets stay as written).
  const label = heading
    .replace(SURVEY_NUMBERING, "")
    .replace(/\s*[:\uFF1A]\s*$/, "")
    .trim();
  return label === "" ? heading : label;
}
