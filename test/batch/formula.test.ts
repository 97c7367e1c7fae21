import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralize } from "../../src/batch/csv-out.js";
import { BATCH, runOn } from "./helpers.js";

describe("formula injection", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+cmd", "'+cmd"],
    ["-r09", "'-r09"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ["-2", "-2"],
    ["+3.5", "+3.5"],
    ["1e5", "1e5"],
    ["Sales", "Sales"],
    ["", ""],
  ])("%j → %j", (cell, expected) => {
    expect(neutralize(cell)).toBe(expected);
  });

  it("neutralises text cells of the respondents CSV; numbers stay numbers", async () => {
    const { respondents } = await runOn(
      path.join(BATCH, "bad-rows/export.csv"),
      path.join(BATCH, "bad-rows/mapping.yaml"),
    );
    expect(respondents.startsWith("\uFEFF")).toBe(true);
    const lines = respondents.slice(1).split("\n");
    expect(lines[0]).toBe(
      "respondent,row,role,department,overall,overall_level,coverage,leadership,leadership.level,culture,culture.level,data-quality,data-quality.level,longest_run,careless",
    );
    expect(lines[1]).toBe("r01,2,executive,Sales,4.11,4,1,4.25,4,4.5,4,3.5,3,1,");
    expect(lines[2]).toBe(
      `'-r09,12,frontline,"'=HYPERLINK(""http://example.com/x"",""click"")",1.96,1,1,2.25,2,2,2,1.5,1,2,`,
    );
    expect(lines[3]).toBe("r10,13,manager,'+Service,3.06,3,1,3.25,3,3.33,3,2.5,2,3,");
    const rows = parse(respondents.slice(1)) as string[][];
    expect(rows.map((r) => r[0])).toEqual(["respondent", "r01", "'-r09", "r10", "r12", "'@r13"]);
  });
});
