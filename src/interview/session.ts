import { type AnswerValue, answerScalarOf } from "../core/answers/schema.js";
import type { PlannedQuestion } from "./plan.js";

/**
 * Where an interview stands. Pure data: every transition below returns a new state, so the
 * session can be driven (and tested) without a terminal.
 */
export interface SessionState {
  /** Index into the plan of the question being asked; null once the interview is over. */
  readonly cursor: number | null;
  /**
   * The furthest question reached in this session. Moving forward below it revisits answered
   * questions (the user went back to review them); beyond it, answered questions are passed by.
   */
  readonly mark: number;
  /** Questions the user skipped with "skip the rest of this dimension" in this session. */
  readonly skipped: ReadonlySet<number>;
  /** The respondent's answers by question id (including answers to questions not in the plan). */
  readonly answers: Readonly<Record<string, AnswerValue>>;
}

const isAnswered = (state: Pick<SessionState, "answers">, item: PlannedQuestion): boolean =>
  Object.hasOwn(state.answers, item.question.id);

/** Starts (or resumes) a session at the first unanswered question of the plan. */
export function startSession(
  plan: readonly PlannedQuestion[],
  answers: Readonly<Record<string, AnswerValue>> = {},
): SessionState {
  const first = plan.findIndex((item) => !Object.hasOwn(answers, item.question.id));
  return {
    cursor: first === -1 ? null : first,
    mark: Math.max(first, 0),
    skipped: new Set(),
    answers: { ...answers },
  };
}

/** The question at the cursor, if any. */
export function current(
  state: SessionState,
  plan: readonly PlannedQuestion[],
): PlannedQuestion | undefined {
  return state.cursor === null ? undefined : plan[state.cursor];
}

/** Records (or replaces) the answer to the current question; the cursor stays where it is. */
export function recordAnswer(
  state: SessionState,
  plan: readonly PlannedQuestion[],
  answer: AnswerValue,
): SessionState {
  const item = current(state, plan);
  if (!item) return state;
  const skipped = new Set(state.skipped);
  skipped.delete(item.index);
  return { ...state, skipped, answers: { ...state.answers, [item.question.id]: answer } };
}

function moveFrom(state: SessionState, plan: readonly PlannedQuestion[], from: number) {
  for (let i = from; i < plan.length; i++) {
    const item = plan[i];
    if (!item || state.skipped.has(i)) continue;
    if (i <= state.mark || !isAnswered(state, item)) {
      return { ...state, cursor: i, mark: Math.max(state.mark, i) };
    }
  }
  return { ...state, cursor: null };
}

/**
 * Moves to the next question: the next one in order while reviewing (below the mark), otherwise
 * the next unanswered one that was not skipped; the session ends when there is none.
 */
export function advance(state: SessionState, plan: readonly PlannedQuestion[]): SessionState {
  if (state.cursor === null) return state;
  return moveFrom(state, plan, state.cursor + 1);
}

/** True when there is a question before the current one to go back to. */
export const canGoBack = (state: SessionState): boolean =>
  state.cursor !== null && state.cursor > 0;

/** Goes back to the previous question in order (answered or not); a no-op at the first one. */
export function goBack(state: SessionState): SessionState {
  if (state.cursor === null || state.cursor === 0) return state;
  return { ...state, cursor: state.cursor - 1 };
}

/**
 * Skips the current question and the rest of its dimension (they stay unanswered in the file)
 * and moves on to the next dimension.
 */
export function skipRestOfDimension(
  state: SessionState,
  plan: readonly PlannedQuestion[],
): SessionState {
  const item = current(state, plan);
  if (!item) return state;
  const skipped = new Set(state.skipped);
  let next = item.index;
  for (; next < plan.length; next++) {
    const candidate = plan[next];
    if (!candidate || candidate.dimensionIndex !== item.dimensionIndex) break;
    if (!isAnswered(state, candidate)) skipped.add(next);
  }
  return moveFrom({ ...state, skipped }, plan, next);
}

/** Counts of the plan's questions by how they were answered. */
export interface SessionTally {
  answered: number;
  na: number;
  unknown: number;
  open: number;
}

/** Tallies the answers to the plan's questions. */
export function tally(state: SessionState, plan: readonly PlannedQuestion[]): SessionTally {
  const t: SessionTally = { answered: 0, na: 0, unknown: 0, open: 0 };
  for (const item of plan) {
    const answer = state.answers[item.question.id];
    if (answer === undefined) t.open++;
    else {
      const value = answerScalarOf(answer);
      if (value === "na") t.na++;
      else if (value === "unknown") t.unknown++;
      else t.answered++;
    }
  }
  return t;
}
