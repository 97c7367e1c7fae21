import { Chalk } from "chalk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/text/width.js";
import { planInterview } from "../../src/interview/plan.js";
import {
  answerChoices,
  dimensionHeading,
  questionBlock,
  textWidth,
  wrap,
} from "../../src/interview/screen.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";

const plain = new Chalk({ level: 0 });
const pack = resolveQuestionnaire();

describe("wrap", () => {
  it("counts CJK characters as two columns", () => {
    expect(displayWidth("CRM 能力")).toBe(8);
    expect(displayWidth("（可选）")).toBe(8);
  });

  it("breaks Chinese between characters but never before closing punctuation", () => {
    const lines = wrap(
      "询问项目由谁牵头、投入多少工作时间、向谁汇报、哪些事项可自行决定而无需上报。",
      20,
    );
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(21);
      expect(line).not.toMatch(/^[，。、；：？！）]/);
    }
    expect(lines.join("")).toBe(
      "询问项目由谁牵头、投入多少工作时间、向谁汇报、哪些事项可自行决定而无需上报。",
    );
  });

  it("never exceeds the width (but for one trailing punctuation mark) and keeps every word", () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}$|^[一-龥]{1,6}$|^[，。、]$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.integer({ min: 20, max: 90 }),
        (words, width) => {
          const text = words.join(" ");
          const lines = wrap(text, width);
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width + 2);
          expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        },
      ),
    );
  });
});

describe("the screens of the bundled pack", () => {
  for (const [lang, columns] of [
    ["zh-CN", 80],
    ["en", 80],
    ["zh-CN", 120],
    // The narrowest terminal the interview lays out for (textWidth: 40 columns at least).
    ["en", 40],
    ["zh-CN", 40],
  ] as const) {
    it(`fit a ${columns}-column terminal in ${lang}`, () => {
      const limit = textWidth(columns);
      for (const role of pack.roles) {
        for (const item of planInterview(pack, role.id)) {
          const block = questionBlock(item, undefined, 0, pack, lang, plain, columns);
          const heading = dimensionHeading(item, lang, plain, columns);
          for (const line of [...block.split("\n"), ...heading.split("\n")]) {
            expect(displayWidth(line), line).toBeLessThanOrEqual(limit + 1);
          }
          const { choices } = answerChoices(item, pack, lang, columns, true);
          for (const choice of choices) {
            if (!("name" in choice)) continue;
            // Two columns go to the list's cursor.
            for (const line of choice.name.split("\n")) {
              expect(displayWidth(line), line).toBeLessThanOrEqual(limit + 1);
            }
          }
        }
      }
    });
  }

  it("shows the question, help and evidence in Chinese", () => {
    const item = planInterview(pack, "executive")[0];
    if (!item) throw new Error("empty plan");
    const block = questionBlock(item, 3, 1, pack, "zh-CN", plain, 100);
    expect(block).toContain("第 1 题 / 共");
    expect(block).toContain("访谈提示");
    expect(block).toContain("应查证据");
    expect(block).toContain("已答：3 已定义级");
  });

  it("tags a fact question so the respondent rates the evidence, in both languages", () => {
    const item = planInterview(pack, "executive")[0];
    if (!item) throw new Error("empty plan");
    const fact = { ...item, question: { ...item.question, kind: "fact" as const } };
    expect(questionBlock(fact, undefined, 0, pack, "en", plain, 100)).toContain(
      "fact: rate what the evidence shows, not an impression",
    );
    expect(questionBlock(fact, undefined, 0, pack, "zh-CN", plain, 100)).toContain(
      "事实题：按证据显示的情况评级",
    );
    const experience = { ...item, question: { ...item.question, kind: "experience" as const } };
    expect(questionBlock(experience, undefined, 0, pack, "en", plain, 100)).not.toContain("fact:");
  });
});
