import { describe, expect, it } from "vitest";
import { columnsByName, findColumns, type SurveyHeader } from "../../src/survey/header.js";

describe("finding columns by name", () => {
  it("finds what findColumns finds, with the header indexed once", () => {
    const keys = [
      "Response ID",
      "response  id",
      "Ｄａｔｅ started",
      "Date submitted",
      "Q1",
      "Q1",
      "",
    ];
    const header: SurveyHeader = {
      columns: keys.map((key, index) => ({ index, key, text: key })),
      width: keys.length,
    };
    const find = columnsByName(header);
    for (const name of [
      "Response ID", // exact, though another column matches it loosely
      "RESPONSE ID", // loosely: both columns
      "Date started", // full-width letters
      "date submitted",
      "Q1", // two columns: ambiguous
      "Q2",
      "",
    ]) {
      expect(find(name), name).toEqual(findColumns(header, name));
    }
    expect(find("RESPONSE ID").map((c) => c.index)).toEqual([0, 1]);
    expect(find("Response ID").map((c) => c.index)).toEqual([0]);
  });
});
