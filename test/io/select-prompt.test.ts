import { describe, expect, it } from "vitest";
import type { SelectItem } from "../../src/io/prompts.js";
import {
  matchChoice,
  type SelectState,
  selectStep,
  startIndex,
} from "../../src/io/select-prompt.js";

// The level list of a question, as the interview builds it (first question: back disabled).
const levels: SelectItem<string>[] = [
  { value: "1", name: "1 Initial · No written vision.\n    People give different reasons." },
  { value: "2", name: "2 Repeatable · A vendor proposal stands in." },
  { value: "3", name: "3 Defined · A vision is written." },
  { value: "4", name: "4 Managed · Goals are measurable." },
  { value: "5", name: "5 Optimising · Part of the corporate strategy." },
  { separator: "──────" },
  { value: "na", name: "N/A · does not apply to this company" },
  { value: "unknown", name: "Unknown · the respondent does not know" },
  { separator: "──────" },
  { value: "back", name: "← Back (this is the first question)", disabled: true },
  { value: "skip", name: "Skip the rest of this dimension" },
  { value: "quit", name: "Save and quit" },
];

const key = (name: string) => ({ name, ctrl: false, shift: false });
const ENTER = key("return");

/** Replays typed text then Enter, as readline builds its line; returns the last step. */
function typeThenEnter(items: SelectItem<string>[], text: string, start = 0) {
  let s: SelectState = { items, active: start, unmatched: undefined };
  let line = "";
  for (const ch of text) {
    line += ch;
    const step = selectStep(s, key(ch), line);
    if (step.kind === "typed") s = { ...s, active: step.to, unmatched: undefined };
    if (step.kind === "unmatched") s = { ...s, unmatched: step.typed };
  }
  return { state: s, enter: selectStep(s, ENTER, "") };
}

describe("the select prompt", () => {
  it("never chooses on Enter while the text typed matches no line (12, 6, x)", () => {
    for (const text of ["12", "6", "x", "zz", "0", "q"]) {
      const { enter } = typeThenEnter(levels, text);
      expect(enter, text).toEqual({ kind: "refuse", why: "unmatched" });
    }
  });

  it("moves to the line the typed text starts and chooses it on Enter", () => {
    expect(typeThenEnter(levels, "3").enter).toEqual({ kind: "choose", value: "3" });
    expect(typeThenEnter(levels, "n").enter).toEqual({ kind: "choose", value: "na" });
    expect(typeThenEnter(levels, "un").enter).toEqual({ kind: "choose", value: "unknown" });
    expect(typeThenEnter(levels, "s").enter).toEqual({ kind: "choose", value: "skip" });
    expect(typeThenEnter(levels, "sa").enter).toEqual({ kind: "choose", value: "quit" });
  });

  it("goes to a disabled line typed for, but refuses it on Enter", () => {
    const { state, enter } = typeThenEnter(levels, "b");
    expect(state.active).toBe(9);
    expect(enter).toEqual({ kind: "refuse", why: "disabled" });
    const enabled = levels.map((item) =>
      "value" in item && item.value === "back" ? { value: "back", name: "← Back" } : item,
    );
    expect(typeThenEnter(enabled, "b").enter).toEqual({ kind: "choose", value: "back" });
  });

  it("matches Chinese names and names with colours", () => {
    const zh: SelectItem<string>[] = [
      { value: "na", name: "不适用 · 与本企业无关" },
      { value: "unknown", name: "不清楚 · 受访者不了解情况" },
      { value: "it", name: "IT 人员 \u001b[2m· it\u001b[22m" },
    ];
    expect(matchChoice(zh, "不")).toBe(0);
    expect(matchChoice(zh, "不清")).toBe(1);
    expect(matchChoice(zh, "it")).toBe(2);
    expect(matchChoice(zh, "b")).toBe(-1);
  });

  it("clears unmatched text on Backspace or a move, after which Enter chooses the line shown", () => {
    const { state } = typeThenEnter(levels, "b", 2);
    const s = { ...state, active: 2 };
    expect(selectStep({ ...s, unmatched: "x" }, key("backspace"), "")).toEqual({ kind: "clear" });
    expect(selectStep({ ...s, unmatched: "x" }, key("down"), "")).toEqual({ kind: "move", to: 3 });
    expect(selectStep({ ...s, unmatched: undefined }, ENTER, "")).toEqual({
      kind: "choose",
      value: "3",
    });
  });

  it("steps over separators, stops at the ends, and ignores a bare space", () => {
    const at = (active: number, name: string) =>
      selectStep({ items: levels, active, unmatched: undefined }, key(name), "");
    expect(at(4, "down")).toEqual({ kind: "move", to: 6 });
    expect(at(6, "up")).toEqual({ kind: "move", to: 4 });
    expect(at(0, "up")).toEqual({ kind: "move", to: 0 });
    expect(at(11, "down")).toEqual({ kind: "move", to: 11 });
    expect(
      selectStep({ items: levels, active: 0, unmatched: undefined }, key("space"), " "),
    ).toEqual({ kind: "none" });
  });

  it("starts on the default when it can be chosen, else on the first line", () => {
    expect(startIndex(levels, "4")).toBe(3);
    expect(startIndex(levels, "back")).toBe(0);
    expect(startIndex(levels, undefined)).toBe(0);
  });
});
