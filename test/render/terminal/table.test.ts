import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import {
  fitTable,
  layTable,
  stackTable,
  type TermTable,
} from "../../../src/render/terminal/table.js";
import { flow, span } from "../../../src/render/terminal/text.js";

// Bold, as chalk paints it: no width of its own.
const ESC = String.fromCharCode(27);
const bold = (s: string) => `${ESC}[1m${s}${ESC}[22m`;

const table = (omit: boolean, prefer = 20): TermTable => ({
  columns: [
    { head: "Dimension", give: "wrap", min: 10, prefer },
    { head: "Score", right: true },
    ...(omit ? [] : [{ head: "Coverage", right: true }]),
  ],
  rows: [
    ["Performance measurement and incentives", "2.33", ...(omit ? [] : ["100%"])],
    ["Customer data quality", { text: "2.14", paint: bold }, ...(omit ? [] : ["90%"])],
  ],
  omitted: omit ? ["Coverage"] : [],
});

const widest = (lines: string[]) => Math.max(...lines.map((l) => stringWidth(l)));

describe("fitTable", () => {
  it("keeps the table whole when it fits", () => {
    const fitted = fitTable([table(false)], 80, { kind: "grid" });
    expect(fitted?.lines[3]).toBe("│ Performance measurement and incentives │  2.33 │     100% │");
  });

  it("wraps the column that gives way, and prefers a leaner variant to a cramped one", () => {
    // 40 columns: the full table would squeeze the names to 14, under their preferred 20.
    const fitted = fitTable([table(false), table(true)], 40, { kind: "grid" });
    expect(fitted?.variant.omitted).toEqual(["Coverage"]);
    expect(widest(fitted?.lines ?? [])).toBeLessThanOrEqual(40);
    // Where no variant keeps the preference, the first that fits at the minimum (the longest
    // word, 11 columns, above the column's 10).
    const tight = fitTable([table(false, 30), table(true, 30)], 36, { kind: "grid" });
    expect(tight?.variant.omitted).toEqual([]);
    expect(tight?.lines.slice(3, 7)).toEqual([
      "│ Performance   │  2.33 │     100% │",
      "│ measurement   │       │          │",
      "│ and           │       │          │",
      "│ incentives    │       │          │",
    ]);
  });

  it("paints cells after measuring them, line by line", () => {
    const fitted = fitTable([table(false)], 80, { kind: "grid" });
    expect(fitted?.lines.join("\n")).toContain(`│  ${bold("2.14")} │`);
  });

  it("returns null when no variant fits", () => {
    expect(fitTable([table(true)], 20, { kind: "grid" })).toBeNull();
  });

  it("keeps a mark through a cut, and draws a rule above a total", () => {
    const t: TermTable = {
      columns: [{ head: "Question", give: "cut", min: 8 }, { head: "Change" }],
      rows: [
        [{ text: "How does the chief executive take part", keep: " †" }, "+1.37"],
        ["Overall", "+0.33"],
      ],
    };
    const fitted = fitTable([t], 24, { kind: "grid", ruleBefore: 1 });
    expect(fitted?.lines).toEqual([
      "┌─────────────┬────────┐",
      "│ Question    │ Change │",
      "├─────────────┼────────┤",
      "│ How does… † │ +1.37  │",
      "├─────────────┼────────┤",
      "│ Overall     │ +0.33  │",
      "└─────────────┴────────┘",
    ]);
  });
});

describe("stackTable and layTable", () => {
  it("names what a variant leaves out under it", () => {
    const narrowed = (left: string[]) => `Not shown: ${left.join(", ")}`;
    const lines = layTable([table(false), table(true)], 40, { kind: "grid" }, { narrowed });
    expect(lines.at(-1)).toBe("Not shown: Coverage");
    expect(layTable([table(false)], 80, { kind: "grid" }, { narrowed }).at(-1)).toMatch(/^└/);
  });

  it("stacks each row as its title and labelled values where no table fits, leaving nothing out", () => {
    const narrowed = (left: string[]) => `Not shown: ${left.join(", ")}`;
    const lines = layTable([table(false), table(true)], 22, { kind: "grid" }, { narrowed });
    // Each `Label value` stays whole on its line.
    expect(lines).toEqual([
      "Performance",
      "measurement and",
      "incentives",
      "  Score 2.33",
      "  Coverage 100%",
      "Customer data quality",
      `  Score ${bold("2.14")}`,
      "  Coverage 90%",
    ]);
  });

  it("leaves empty cells out of a record, and sets a total apart with a blank line", () => {
    const t: TermTable = {
      columns: [{ head: "" }, { head: "Target" }, { head: "Gap" }],
      rows: [
        ["Data", "4", "1.12"],
        ["Overall", "", ""],
      ],
    };
    expect(stackTable(t, 40, { ruleBefore: 1 })).toEqual([
      "Data",
      "  Target 4 · Gap 1.12",
      "",
      "Overall",
    ]);
  });
});

describe("flow", () => {
  it("wraps painted spans under a hanging indent, painting each line's part", () => {
    const bold = (s: string) => `*${s}*`;
    expect(flow([span("Top risks", bold), span(" (26 triggered, 6 shown)")], 20, "", "  ")).toEqual(
      ["*Top risks* (26", "  triggered, 6", "  shown)"],
    );
  });
});
