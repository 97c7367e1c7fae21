// The progress bar at a terminal: the lines logged while it runs are printed above it, laid out
// in the terminal's width, and none is lost when it stops and clears itself.
import { describe, expect, it } from "vitest";
import { barProgress } from "../../src/batch/progress.js";
import { fakeTerminal, screenLines } from "../helpers/terminal.js";

describe("barProgress", () => {
  it("prints the lines logged before it stops, wrapped to the terminal, and clears the bar", async () => {
    const terminal = fakeTerminal(40);
    const progress = await barProgress(terminal, 1000, { width: 40, whole: ["my export.csv"] });
    progress.log('my export.csv: row 3: expected a role; found "Head of sales"  (unknown-role)');
    progress.stop();
    expect(screenLines(terminal.written())).toEqual([
      "my export.csv: row 3: expected a role;",
      '  found "Head of sales"  (unknown-role)',
    ]);
  });
});
