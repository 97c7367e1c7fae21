import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/index.js";

// The executive summary's confidence sentence reads as a consultant writes it: "all four roles",
// not "4 of the 4 roles", and names the missing roles' share only when some are missing.

const base = {
  client: "Acme",
  score: 2.5,
  level: 2,
  levelName: "Repeatable",
  coverage: 0.99,
  confidence: "high",
};

describe("overallSentence", () => {
  it("says every role took part when none is missing", () => {
    const en = messagesFor("en").report.overallSentence({
      ...base,
      respondents: 7,
      rolesPresent: 4,
      rolesExpected: 4,
    });
    expect(en).toContain(
      "with up to 7 respondents on a question, and all 4 roles that should answer took part.",
    );
    expect(en).not.toContain("4 of the 4");
    const zh = messagesFor("zh-CN").report.overallSentence({
      ...base,
      confidence: "高",
      respondents: 7,
      rolesPresent: 4,
      rolesExpected: 4,
    });
    expect(zh).toContain("应参与作答的 4 类角色全部参与。");
  });

  it("counts the roles present when some are missing, and a single respondent as such", () => {
    const en = messagesFor("en").report.overallSentence({
      ...base,
      respondents: 1,
      rolesPresent: 1,
      rolesExpected: 4,
    });
    expect(en).toContain(
      "was answered, by a single respondent, and 1 of the 4 roles that should answer took part.",
    );
    const zh = messagesFor("zh-CN").report.overallSentence({
      ...base,
      respondents: 1,
      rolesPresent: 1,
      rolesExpected: 4,
    });
    expect(zh).toContain("应参与作答的 4 类角色中有 1 类参与。");
  });
});
