// The progress bar at a terminal: the lines logged while it runs are printed above it, laid out
// in the terminal's width, and none is lost when it stops and clears itself; its own line fits
// the terminal's width, the least useful fields left out first.
import { describe, expect, it } from "vitest";
import { barProgress, progressLine } from "../../src/batch/progress.js";
import { displayWidth } from "../../src/core/text/width.js";
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

describe("progressLine", () => {
  // A large run: the widest numbers a bar shows in practice.
  const run = { fraction: 0.42, rows: 12_345_678, rate: 123_456.4, eta: 3725 };

  it.each([
    [
      120,
      "batch |=================-----------------------|  42% · 12,345,678 rows · ETA 1h 02m · 123,456 rows/s",
    ],
    [80, "batch |========----------|  42% · 12,345,678 rows · ETA 1h 02m · 123,456 rows/s"],
    [60, "batch |======---------|  42% · 12,345,678 rows · ETA 1h 02m"],
    [40, "batch |===-----|  42% · 12,345,678 rows"],
  ])("fits %i columns, the rate and then the ETA left out first", (width, line) => {
    expect(progressLine(run, width)).toBe(line);
    expect(displayWidth(line)).toBeLessThan(width);
  });

  it("shrinks the bar before leaving out a field, and never widens it past 40 columns", () => {
    const small = { fraction: 1, rows: 5_000, rate: 2_500, eta: 0 };
    expect(progressLine(small, 200)).toBe(
      `batch |${"=".repeat(40)}| 100% · 5,000 rows · ETA 0s · 2,500 rows/s`,
    );
    expect(progressLine(small, 70)).toBe(
      `batch |${"=".repeat(19)}| 100% · 5,000 rows · ETA 0s · 2,500 rows/s`,
    );
    expect(progressLine(small, 60)).toBe(`batch |${"=".repeat(24)}| 100% · 5,000 rows · ETA 0s`);
  });

  it("shows the ETA once there is an estimate, and without a size only rows and rate", () => {
    expect(progressLine({ fraction: 0, rows: 0, rate: 0 }, 80)).toBe(
      `batch |${"-".repeat(40)}|   0% · 0 rows · 0 rows/s`,
    );
    for (const width of [80, 120]) {
      expect(progressLine({ rows: 12_345_678, rate: 123_456 }, width)).toBe(
        "batch · 12,345,678 rows · 123,456 rows/s",
      );
    }
    expect(progressLine({ rows: 12_345_678, rate: 123_456 }, 40)).toBe("batch · 12,345,678 rows");
  });
});
