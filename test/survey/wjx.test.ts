// 问卷星's text import: each question line ends in the type tag 问卷星's importer reads — 单选题 for
// level questions and the role question, 量表题 for every Likert item, reverse-scored ones included
// (反向量表题 would make 问卷星 score them in reverse, and its 按选项序号 download might then write
// that score: see docs/survey.md) — followed by its options, one a line, up to a blank line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { envWith } from "../../src/app/env.js";
import { runSurvey } from "../../src/app/survey.js";
import { planSurvey } from "../../src/survey/export/plan.js";
import { QUESTIONNAIRE, questionnaire, tmp } from "../batch/helpers.js";

const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });

describe("问卷星 text import", () => {
  it("tags Likert items 量表题, reverse-scored ones too (never 反向量表题), each with its seven options", async () => {
    const dir = tmp();
    await runSurvey(
      { platform: "wjx", lang: "zh-CN", questionnaire: QUESTIONNAIRE, output: dir },
      envWith({ cwd: dir, stderr: quiet(), now: () => new Date("2024-05-06T12:00:00Z") }),
    );
    const text = readFileSync(path.join(dir, "wjx-import.txt"), "utf8");
    // Question blocks: a numbered line ending in a tag, then options up to a blank line.
    const blocks = text
      .split(/\n\n+/)
      .map((b) => b.split("\n").filter(Boolean))
      .filter((lines) => /^\d+\./.test(lines[0] ?? ""));
    const plan = planSurvey(questionnaire(), ["zh-CN"]);
    expect(blocks).toHaveLength(plan.items.length + 1);
    const [role, ...items] = blocks;
    expect(role?.[0]).toMatch(/^1\..*\[单选题\]$/);
    expect(role?.slice(1)).toEqual(plan.roles.map((r) => r.text["zh-CN"]));
    const expected = plan.items.map((item) =>
      item.question.type !== "likert" ? "[单选题]" : "[量表题]",
    );
    // The test questionnaire has level questions, Likert items and a reverse-scored Likert item.
    expect(new Set(expected)).toEqual(new Set(["[单选题]", "[量表题]"]));
    expect(plan.items.some((i) => i.question.type === "likert" && i.question.reverse)).toBe(true);
    // No reversed tag anywhere: 问卷星 scores nothing in reverse, so no download reverses an answer.
    expect(text).not.toMatch(/反向/);
    items.forEach((lines, i) => {
      const item = plan.items[i];
      if (!item) throw new Error("more blocks than items");
      const head = lines[0] ?? "";
      expect(head.startsWith(`${i + 2}.${item.text["zh-CN"]?.trim()}`)).toBe(true);
      expect(head.endsWith(expected[i] as string), head).toBe(true);
      // Exactly one tag on the line: the text itself holds none.
      expect(head.match(/\[[^\]]*题\]/g)).toHaveLength(1);
      expect(lines.slice(1)).toEqual(item.options.map((o) => o.text["zh-CN"]));
    });
    // A question for some roles says so the Chinese way: no space before the full-width
    // bracket, a space between Chinese and Latin ("IT 人员", "仅限 IT 人员").
    const itOnly = items.find((lines) => /（仅限/.test(lines[0] ?? ""));
    expect(itOnly?.[0]).toMatch(/[^\s]（仅限/);
    expect(text).toMatch(/（仅限 IT 人员作答）\[/);
    expect(text).not.toMatch(/\s（仅限|限IT/);
  });
});
