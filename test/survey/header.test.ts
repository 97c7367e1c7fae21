import { describe, expect, it } from "vitest";
import {
  columnsByName,
  findColumns,
  matchTexts,
  type SurveyHeader,
  similarColumns,
} from "../../src/survey/header.js";

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

describe("the texts of a header worth matching to a question", () => {
  it("leave out the number of a numbered title and a closing note of roles", () => {
    // The paper form's and Google Forms' titles: `Q12 · wording`, the roles after some.
    expect(matchTexts("Q12 · Bad news reaches the executive team quickly.")).toEqual([
      "Bad news reaches the executive team quickly.",
    ]);
    expect(
      matchTexts("Q5 · Salespeople hoard customer data. (for Manager, Front-line employee only)"),
    ).toContain("Salespeople hoard customer data.");
    expect(
      matchTexts("Q5 · 销售人员把客户信息当作个人财产。（仅限中层经理、一线员工作答）"),
    ).toContain("销售人员把客户信息当作个人财产。");
    // A number in parentheses stays an item (`9(Item)`), not a note.
    expect(matchTexts("9(Item)")).toEqual(["9(Item)", "Item"]);
  });
});

describe("columns a name that matches no header may mean", () => {
  const headerOf = (keys: string[]): SurveyHeader => ({
    columns: keys.map((key, index) => ({ index, key, text: key })),
    width: keys.length,
  });
  // 问卷星 numbers every heading and closes a prompt with a colon; questions mention departments.
  const wjx = headerOf([
    "序号",
    "1、您在公司中的角色是？",
    "2、CRM 是作为全公司战略来设计和治理，还是作为某个部门的工具？",
    "3、当客户问题涉及多个部门时，各部门协同解决的情况如何？",
    "4、您所在的部门：",
  ]);
  const keys = (name: string, header = wjx) => similarColumns(header, name).map((c) => c.key);

  it("finds the heading that holds the name, not every question mentioning it", () => {
    expect(keys("部门")).toEqual(["4、您所在的部门："]);
    expect(keys("3、您所在的部门：")).toEqual(["4、您所在的部门："]);
  });

  it("finds a heading spelled nearly like the name", () => {
    const header = headerOf(["ResponseId", "Q2. Department:", "Region"]);
    expect(keys("Departmnt", header)).toEqual(["Q2. Department:"]);
    expect(keys("Regoin", header)).toEqual(["Region"]);
    expect(keys("Team", header)).toEqual([]);
  });
});
