// A numeric export's cell that no code reads: the message names every code the column accepts.
// The Qualtrics survey assigns its seven options the recode values 1–7 (6 "does not apply",
// 7 "don't know"), and its preset reads Qualtrics' -99 (seen, not answered) as unknown; 问卷星's
// 按选项序号 download numbers the options 1–7 too (and its preset reads -2, skipped, and -3, left
// empty or not shown, as unknown). "Expected a level 1–5" alone sent the reader looking for a
// fault in the 6s and 7s that were scored correctly; and the tools' own no-answer codes are named
// for what they are, not "don't know", which no respondent said.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { stringify as csv } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { envWith } from "../../src/app/env.js";
import { runSurvey } from "../../src/app/survey.js";
import { planSurvey } from "../../src/survey/export/plan.js";
import { WJX_METADATA } from "../../src/survey/export/wjx.js";
import { QUESTIONNAIRE, questionnaire, runOn, tmp } from "../batch/helpers.js";

const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });

async function generate(platform: "qualtrics" | "wjx", dir: string): Promise<void> {
  await runSurvey(
    { platform, questionnaire: QUESTIONNAIRE, output: dir, lang: "en" },
    envWith({ cwd: dir, stderr: quiet(), now: () => new Date("2024-05-06T12:00:00Z") }),
  );
}

const LABELS = 'an answer label such as "Strongly agree", "非常同意" or "N/A"';
/** A level question's options are its level descriptions: no agreement label is held up to it. */
const LEVEL_LABELS =
  'one of the question\'s level descriptions as the questionnaire words them, or an answer label such as "N/A" or "不知道"';

describe("invalid answers in numeric exports", () => {
  it("Qualtrics numeric values: the message names 6, 7 and -99 with their meaning", async () => {
    const dir = tmp();
    await generate("qualtrics", dir);
    const plan = planSurvey(questionnaire(), ["en"]);
    const keys = ["ResponseId", "Finished", "Status", "ROLE", ...plan.items.map((i) => i.code)];
    const texts = ["Response ID", "Finished", "Response Type", "Role", ...plan.items.map(() => "")];
    const ids = keys.map((k) => JSON.stringify({ ImportId: k }));
    const row = (id: string, first: string) => [
      id,
      "1",
      "0",
      "1",
      first,
      ...plan.items.slice(1).map((_, i) => String((i % 7) + 1)),
    ];
    const file = path.join(dir, "export.csv");
    writeFileSync(file, csv([keys, texts, ids, row("R_1", "6"), row("R_2", "8"), row("R_3", "7")]));
    const { outcome, lines, rejects } = await runOn(file, path.join(dir, "qualtrics-mapping.yaml"));
    expect(outcome.summary.rows).toMatchObject({ scored: 2, rejected: 1 });
    expect(plan.items[0]?.question.type).toBe("level");
    const expected = `a level 1–5, the codes 6 (N/A), 7 (don't know) or -99 (seen, not answered), or ${LEVEL_LABELS}`;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `row 5, "${plan.items[0]?.code}" (column E): expected ${expected}; found "8" (the scale is 1–5;`,
    );
    const table = parse(rejects.slice(1), { relax_column_count: true }) as string[][];
    const at = table[0]?.indexOf("reject_expected") ?? -1;
    expect(table.at(-1)?.[at]).toBe(expected);
  });

  it("问卷星 按选项序号: the message names 6 and 7, and 问卷星's -2 and -3", async () => {
    const dir = tmp();
    await generate("wjx", dir);
    const plan = planSurvey(questionnaire(), ["en"]);
    const header = [
      ...WJX_METADATA,
      "1、role",
      ...plan.items.map((item, i) => `${i + 2}、${item.text.en}`),
    ];
    const meta = ["2024/5/1 10:00:00", "300秒", "微信", "N/A", "1.2.3.4"];
    const likert = plan.items.findIndex((i) => i.question.type === "likert");
    expect(plan.items[0]?.question.type).toBe("level");
    expect(likert).toBeGreaterThan(0);
    const row = (id: string, first: string, atLikert = "3", role = "1") => [
      id,
      ...meta,
      role,
      first,
      ...plan.items.slice(1).map((_, i) => (i + 1 === likert ? atLikert : "3")),
    ];
    const file = path.join(dir, "wjx.csv");
    const rows = [row("1", "7"), row("2", "0"), row("3", "3", "0"), row("4", "3", "3", "9")];
    writeFileSync(file, csv([header, ...rows]));
    const { outcome, lines } = await runOn(file, path.join(dir, "wjx-mapping.yaml"));
    expect(outcome.summary.rows).toMatchObject({ scored: 1, rejected: 3 });
    const codes =
      "a level 1–5, the codes 6 (N/A), 7 (don't know), -2 (skipped) or -3 (left empty or not shown)";
    expect(lines[0]).toContain(`expected ${codes}, or ${LEVEL_LABELS}; found "0"`);
    // A Likert item's options are agreement labels: those are the examples it gives.
    expect(lines[1]).toContain(`expected ${codes}, or ${LABELS}; found "0"`);
    // A role code the survey does not have: the message names the codes it has, and their roles.
    expect(lines[2]).toContain(
      `row 5, "1、role" (column G): expected one of the mapping's role values 1 (executive), 2 (manager), 3 (frontline), 4 (it), or a role (executive, manager, frontline, it); found "9" (if it is one of those roles, give it under respondent.role.values in the mapping)  (unknown-role)`,
    );
  });
});
