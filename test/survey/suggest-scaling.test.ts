// `map init` must do work in proportion to the columns (issue 10 item 8: it was quadratic, and
// 100,000 columns did not finish). Counted, not timed: the label normalisations and the
// column–question pairs scored for 4× the columns must stay within about 4× as many.
import { describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({ normalize: 0 }));
vi.mock("../../src/survey/answer-texts.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/survey/answer-texts.js")>();
  return {
    ...real,
    normalizeLabel: (text: string) => {
      calls.normalize++;
      return real.normalizeLabel(text);
    },
  };
});

const { QuestionIndex, renderSuggestion, suggestMapping } = await import(
  "../../src/survey/suggest.js"
);
const { questionnaire } = await import("../batch/helpers.js");

/** An export whose columns all look alike: every header shares words with the questions. */
function wide(columns: number): string[][] {
  const header = ["id", "Role", "Department"];
  for (let i = 0; i < columns; i++)
    header.push(i % 7 === 0 ? "Duplicate header" : `Question ${i}: customer data quality ${i}`);
  const rows = [header];
  for (let r = 0; r < 5; r++)
    rows.push(header.map((_, c) => (c === 1 ? "CEO" : String(1 + ((r + c) % 5)))));
  return rows;
}

function cost(columns: number): { normalize: number; scored: number } {
  const q = questionnaire();
  calls.normalize = 0;
  const s = suggestMapping(wide(columns), q);
  renderSuggestion(s, { exportName: "x.csv", questionnaire: q, date: "2024-01-01" });
  const index = new QuestionIndex(q.dimensions.flatMap((d) => d.questions));
  for (const c of s.header.columns) index.matches(c);
  return { normalize: calls.normalize, scored: index.scored };
}

describe("map init scales with the columns", () => {
  it("does about 4× the work for 4× the columns", () => {
    const small = cost(1000);
    const large = cost(4000);
    expect(small.normalize).toBeGreaterThan(1000);
    expect(large.normalize / small.normalize).toBeLessThan(4.5);
    expect(large.scored / small.scored).toBeLessThan(4.5);
  });
});
