// `map init`'s lines on standard error (its notices and what it did): one line a message when
// piped, laid out in the terminal's width at one.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { envWith } from "../../src/app/env.js";
import { runMapInit } from "../../src/app/map-init.js";
import { displayWidth } from "../../src/core/text/width.js";
import { fakeTerminal } from "../helpers/terminal.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/survey");

/** What map init prints on standard error for the 问卷星 GB18030 export, at a terminal or piped. */
async function stderrOf(columns?: number): Promise<string[]> {
  const stderr = fakeTerminal(columns ?? 80);
  const e = envWith({
    cwd: fixtures,
    stdout: new Writable({ write: (_c, _e, cb) => cb() }),
    stderr,
    stderrIsTTY: columns !== undefined,
    stderrColumns: columns,
    vars: {},
  });
  const output = path.join(mkdtempSync(path.join(tmpdir(), "crm-map-init-")), "mapping.yaml");
  expect(await runMapInit("wjx-gb18030/export.csv", { output }, e)).toBe(0);
  return stderr.written().trimEnd().split("\n");
}

describe("map init's lines on standard error", () => {
  it("are one line a message when piped", async () => {
    const piped = await stderrOf();
    expect(piped).toHaveLength(2);
    expect(piped[0]).toBe(
      "crm-maturity: notice: wjx-gb18030/export.csv is not valid UTF-8; reading it as GB18030, the encoding Chinese Excel saves (use --encoding to choose another)",
    );
    expect(piped[1]).toMatch(/^crm-maturity: map init \(wjx\): .*; wrote \/\S+\/mapping\.yaml$/);
  });

  it.each([60, 100])("wrap at %i columns with a hanging indent", async (width) => {
    const piped = await stderrOf();
    const tty = await stderrOf(width);
    expect(tty.length).toBeGreaterThan(piped.length);
    for (const line of tty) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(tty.filter((line) => !line.startsWith("  ")).map((l) => l.slice(0, 20))).toEqual(
      piped.map((l) => l.slice(0, 20)),
    );
    expect(tty.some((line) => line.includes("wjx-gb18030/export.csv"))).toBe(true);
    const words = (lines: string[]) => lines.join(" ").split(/\s+/);
    expect(words(tty).slice(0, -1)).toEqual(words(piped).slice(0, -1));
  });
});
