import type { Issue } from "../core/diagnostics/issue.js";
import { makeIssue } from "../core/diagnostics/source.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { oneLine } from "../core/text/one-line.js";
import { columnLetter } from "./header.js";
import type { LoadedMapping } from "./mapping.js";
import type { BoundMapping } from "./respondent.js";
import { MATCH_THRESHOLD, matchScore, QuestionIndex, SURE_THRESHOLD } from "./suggest.js";

/**
 * Mapped columns whose header reads as another question (a match `map init` would write without
 * a check) and hardly as the question they are mapped to: the export's columns have moved since
 * the mapping was written — a question added, removed or moved in the survey. A mapping by
 * position (`#N`, as 问卷星's is) would otherwise score every answer against the wrong question
 * and still fit the export. Code-headed columns match no text and are never reported.
 */
export function misalignedColumns(
  bound: BoundMapping,
  loaded: LoadedMapping,
  questionnaire: Questionnaire,
): Issue[] {
  const questions = questionnaire.dimensions.flatMap((d) => d.questions);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const index = new QuestionIndex(questions);
  const refs = Object.keys(loaded.mapping.questions);
  const issues: Issue[] = [];
  bound.slots.forEach((slot, i) => {
    const mapped = byId.get(slot.questionId);
    const ref = refs[i];
    if (!mapped || ref === undefined) return;
    const own = matchScore(slot.column, mapped);
    if (own >= MATCH_THRESHOLD) return;
    const other = index
      .matches(slot.column)
      .filter((m) => m.question !== mapped && m.score >= SURE_THRESHOLD)
      .sort((a, b) => b.score - a.score)[0];
    if (!other) return;
    const header = oneLine(slot.column.text || slot.column.key, 80);
    issues.push(
      makeIssue(
        "invalid-value",
        `expected column ${columnLetter(slot.column.index)} (${JSON.stringify(ref)} in the mapping) to ask ${mapped.id}; found the text of ${other.question.id} in its header, ${JSON.stringify(header)}: the export's columns do not line up with the mapping (was a question added, removed or moved in the survey?). Map each column to the question it asks, or suggest a new mapping with \`crm-maturity map init\``,
        loaded.file.display,
        loaded.file.locate(["questions", ref], { key: true }),
      ),
    );
  });
  return issues;
}
