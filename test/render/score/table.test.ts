import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { profiledQuestionnaire } from "../../../src/app/profile.js";
import { scoreAssessment } from "../../../src/core/assessment.js";
import { resolveQuestionnaire } from "../../../src/io/bundled-questionnaire.js";
import { loadAnswerFiles } from "../../../src/io/load-answers.js";
import { renderScoreTable } from "../../../src/render/score/table.js";
import { exampleAnswers, REPO } from "../../helpers/cli.js";

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** An example client scored as `crm-maturity score` scores it (its profile chosen from its answers). */
function scored(client: string) {
  const standard = resolveQuestionnaire();
  const { input } = loadAnswerFiles(exampleAnswers(client), standard, { cwd: REPO });
  if (!input) throw new Error(`the answers of ${client} are invalid`);
  const questionnaire = profiledQuestionnaire(standard, input.assessment.client, undefined);
  return { results: scoreAssessment(questionnaire, input), questionnaire };
}

const CLIENTS = {
  "acme-manufacturing": scored("acme-manufacturing"),
  "huaxin-retail": scored("huaxin-retail"),
};

const render = (client: keyof typeof CLIENTS, lang: "en" | "zh-CN", width: number, color = false) =>
  renderScoreTable(CLIENTS[client].results, CLIENTS[client].questionnaire, { lang, color, width });

describe("the score table fits the terminal", () => {
  for (const client of Object.keys(CLIENTS) as (keyof typeof CLIENTS)[]) {
    for (const lang of ["en", "zh-CN"] as const) {
      for (const width of [40, 60, 80, 120, 200]) {
        it(`${client}, ${lang}, ${width} columns: no line is wider, every figure is there`, () => {
          const { results } = CLIENTS[client];
          for (const color of [false, true]) {
            const text = render(client, lang, width, color);
            for (const line of text.split("\n")) {
              expect(stringWidth(line), line).toBeLessThanOrEqual(width);
            }
            // Colour changes no layout.
            if (color) expect(text.replace(ANSI, "")).toBe(render(client, lang, width));
          }
          const text = render(client, lang, width);
          for (const d of results.dimensions) {
            expect(text).toContain(d.score?.toFixed(2));
            expect(text).toContain(d.gap?.toFixed(2));
          }
          expect(text).toContain(results.overall.score?.toFixed(2));
        });
      }
    }
  }

  it("shows every column when the terminal is wide enough, and says what a narrow one left out", () => {
    const wide = render("acme-manufacturing", "en", 200);
    expect(wide).toMatch(
      /│ Dimension +│ Score │ Level +│ Target │ +Gap │ Score ▸ target │ Coverage │ Confidence │/,
    );
    expect(wide).toContain("2 Repeatable");
    expect(wide).not.toContain("Left out at this width");
    // As wide as the table itself: the same output as any wider terminal.
    const widest = Math.max(...wide.split("\n").map((l) => stringWidth(l)));
    expect(render("acme-manufacturing", "en", widest)).toBe(wide);
    expect(render("acme-manufacturing", "en", widest - 1)).not.toBe(wide);

    const narrow = render("acme-manufacturing", "en", 80);
    expect(narrow).toMatch(/│ Dimension +│ Score │ Level │ Target │ +Gap │ Confidence │/);
    expect(narrow).toContain(
      "Left out at this width: Score ▸ target, level names and Coverage. Widen the\nterminal (or set COLUMNS=160) to see them, or use --format md or json.",
    );
    // Each dimension on one line, but for the one name too long to share it.
    expect(narrow).toContain("│ Performance measurement and    │  2.33 │ 2     │");
    expect(narrow).toContain("│ incentives                     │       │       │");

    const zh = render("huaxin-retail", "zh-CN", 80);
    expect(zh).toContain("│ 以客户为中心的文化 │ 2.72 │ 2 可重复级 │");
    expect(zh).toContain("终端宽度所限，未显示得分 ▸ 目标。");
  });

  it("stacks one record per dimension where no table fits, keeping level names and coverage", () => {
    const text = render("acme-manufacturing", "en", 60);
    expect(text).not.toContain("┌");
    expect(text).toContain(
      "Integration and infrastructure\n  Score 2.47 · Level 2 Repeatable · Target 3 · Gap 0.53\n  Coverage 90% · Confidence medium\n\nOverall\n  Score 2.69 · Level 2 Repeatable · Coverage 99%",
    );
    expect(text).not.toContain("Left out at this width");
  });

  it("wraps long sentences under their first line, never before Chinese closing punctuation", () => {
    const en = render("acme-manufacturing", "en", 60);
    expect(en).toContain(
      "  ▲ Executives see a rosier picture than the front line\n      executives rate Leadership involvement 2.33 higher\n      than the front line does",
    );
    const zh = render("huaxin-retail", "zh-CN", 60);
    for (const line of zh.split("\n")) expect(line).not.toMatch(/^\s*[，。、；：？！）」』”]/);
    for (const line of zh.split("\n")) expect(line).not.toMatch(/[（「『“]$/);
  });

  it("is the same for the same input and width", () => {
    expect(render("huaxin-retail", "zh-CN", 72)).toBe(render("huaxin-retail", "zh-CN", 72));
  });
});

describe("the facts to settle in the score table", () => {
  it("gives a survey's facts their rwg and says they divide the respondents", () => {
    const { results, questionnaire } = CLIENTS["acme-manufacturing"];
    const fact = results.dimensions.flatMap((d) => d.questions).find((q) => q.kind === "fact");
    if (!fact) throw new Error("the example has no fact question");
    const survey = {
      ...results,
      factConflicts: [
        {
          dimension: results.dimensions[0]?.id ?? "",
          question: fact.id,
          spread: 4,
          min: 1,
          max: 5,
          answered: 300,
          rwg: 0.28,
          lowShare: 0.45,
          highShare: 0.4,
        },
      ],
    };
    const en = renderScoreTable(survey, questionnaire, { lang: "en", color: false, width: 120 });
    expect(en).toContain("rwg 0.28");
    expect(en).toContain("facts the respondents are divided on (rwg below 0.51)");
    expect(en).not.toContain("1–5");
    const zh = renderScoreTable(survey, questionnaire, { lang: "zh-CN", color: false, width: 120 });
    expect(zh).toContain("受访者对这些客观事实的评级明显不一");
  });

  it("heads the second column for what it holds: ratings, rwg, or some of each", () => {
    const { results, questionnaire } = CLIENTS["acme-manufacturing"];
    const facts = results.dimensions.flatMap((d) => d.questions).filter((q) => q.kind === "fact");
    const [a, b] = facts;
    if (!a || !b) throw new Error("the example has fewer than two fact questions");
    const dimension = results.dimensions[0]?.id ?? "";
    const onRange = { dimension, question: a.id, spread: 3, min: 1, max: 4, answered: 6 };
    const onRwg = { ...onRange, question: b.id, spread: 4, max: 5, answered: 300, rwg: 0.28 };
    const cases = [
      { items: [onRange], en: "Ratings", zh: "评级", cell: "1–4" },
      { items: [onRwg], en: "Agreement", zh: "一致度", cell: "rwg 0.28" },
      { items: [onRange, onRwg], en: "Ratings or agreement", zh: "评级或一致度", cell: "rwg 0.28" },
    ];
    for (const c of cases) {
      const { items, en, zh, cell } = c;
      const survey = { ...results, factConflicts: items };
      for (const [lang, head] of [
        ["en", en],
        ["zh-CN", zh],
      ] as const) {
        const text = renderScoreTable(survey, questionnaire, { lang, color: false, width: 120 });
        const question = lang === "en" ? "Question" : "题目";
        // The header row of the facts' table: the question column, then the one named for its cells.
        const header = text.split("\n").find((l) => l.trim().startsWith(`${question}  `));
        expect(header?.trim().split(/\s{2,}/), `${lang}, case ${cases.indexOf(c)}`).toEqual([
          question,
          head,
        ]);
        expect(text).toContain(cell);
      }
    }
  });
});
