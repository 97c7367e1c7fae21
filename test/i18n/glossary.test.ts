import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFast } from "../../src/io/yaml.js";
import { buildReport } from "../../src/views/report/build.js";
import { loadInputs, standardPack } from "../helpers/report.js";

const ROOT = path.join(import.meta.dirname, "../..");
const PACK = path.join(ROOT, "questionnaires/crm-maturity");

interface Row {
  concept: string;
  chosen: string[];
  retired: string[];
}

/** The glossary's rows: the English and Chinese terms, and the retired variants in backticks. */
function glossary(): Row[] {
  const text = readFileSync(path.join(ROOT, "docs/glossary.md"), "utf8");
  const rows: Row[] = [];
  for (const line of text.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    // | concept | English | Chinese | retired variants |
    if (cells.length !== 6 || cells[1] === "concept" || cells[1]?.startsWith("---")) continue;
    const [, concept = "", en = "", zh = "", retired = ""] = cells;
    const terms = (cell: string) =>
      cell
        .split(/[·;；,，()（）]/)
        .map((t) => t.trim())
        .filter((t) => t.length > 1);
    rows.push({
      concept,
      chosen: [...terms(en), ...terms(zh)],
      retired: [...retired.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ""),
    });
  }
  return rows;
}

/** Every string of a parsed YAML value, with its path; question wording and anchors left out. */
function* texts(value: unknown, at: string[] = []): Generator<[string, string]> {
  if (typeof value === "string") yield [at.join("."), value];
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* texts(v, [...at, String(i)]);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      // Frozen by the pack's version: answers were given to this wording (docs/glossary.md).
      if (at[0] === "questions" && at.length === 2 && (k === "text" || k === "levels")) continue;
      yield* texts(v, [...at, k]);
    }
  }
}

/** Where a text uses a retired variant of a row, once the row's chosen terms are taken out. */
function retiredIn(text: string, rows: Row[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    let rest = text;
    for (const term of row.chosen) rest = rest.split(term).join(" ");
    for (const variant of row.retired) {
      if (rest.toLowerCase().includes(variant.toLowerCase())) found.push(variant);
    }
  }
  return found;
}

function packFiles(): string[] {
  const dims = readdirSync(path.join(PACK, "dimensions")).map((f) => `dimensions/${f}`);
  return ["questionnaire.yaml", "profiles.yaml", ...dims].filter((f) => f.endsWith(".yaml"));
}

describe("the glossary (docs/glossary.md)", () => {
  const rows = glossary();

  it("is read: it names the terms and the variants it retires", () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    const retired = rows.flatMap((r) => r.retired);
    expect(retired).toContain("单据质量");
    expect(retired).toContain("认知差距");
    expect(rows.flatMap((r) => r.chosen)).toContain("电子文档质量");
  });

  it("no retired variant is back in the pack (question wording and anchors are frozen)", () => {
    const hits: string[] = [];
    for (const file of packFiles()) {
      const parsed = parseFast(readFileSync(path.join(PACK, file), "utf8"));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      for (const [at, text] of texts(parsed.value)) {
        for (const v of retiredIn(text, rows)) hits.push(`${file} ${at}: ${v}`);
      }
    }
    expect(hits).toEqual([]);
  });

  it("no retired variant is back in the messages or the Markdown templates", () => {
    const files = [
      "src/i18n/en.ts",
      "src/i18n/zh-CN.ts",
      ...readdirSync(path.join(ROOT, "templates/partials")).map((f) => `templates/partials/${f}`),
      ...readdirSync(path.join(ROOT, "templates"))
        .filter((f) => f.endsWith(".hbs"))
        .map((f) => `templates/${f}`),
    ];
    const hits = files.flatMap((f) =>
      retiredIn(readFileSync(path.join(ROOT, f), "utf8"), rows).map((v) => `${f}: ${v}`),
    );
    expect(hits).toEqual([]);
  });

  it("catches a retired variant, but not one inside the chosen term", () => {
    expect(retiredIn("数据纪律：录入量、完整性、单据质量", rows)).toContain("单据质量");
    expect(retiredIn("数据纪律：录入量、完整性、电子文档质量", rows)).toEqual([]);
    expect(retiredIn("Ask those who sit with the Top Team.", rows)).toEqual(["top team"]);
  });
});

describe("the report in the glossary's words", () => {
  const huaxin = path.join(ROOT, "examples/huaxin-retail");
  const answers = readdirSync(path.join(huaxin, "answers"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `answers/${f}`);

  it.each(["en", "zh-CN"] as const)(
    "%s: no nested double quotes, the client addressed, the evidence without rule wording",
    (lang) => {
      const inputs = loadInputs(huaxin, answers);
      const report = buildReport(inputs.results, standardPack(), {
        lang,
        edition: "full",
        respondents: inputs.respondents,
      });
      const text = JSON.stringify(report);
      const noNested = /“[^”]*“/.exec(text);
      // A quoted risk title that holds quotation marks of its own nests them as single marks.
      expect(noNested?.[0] ?? null).toBeNull();
      if (lang === "zh-CN") expect(text).toContain("应对风险“高层只‘支持’不‘执行’”");
      const client = inputs.results.assessment.client.name;
      const readiness = report.summary.readiness.sentence;
      expect(readiness).toContain(lang === "en" ? client : "贵公司");
      expect(report.decisions.intro).toContain(lang === "en" ? client : "贵公司");
      // The pack's judgement names the client through {client} (贵公司 in Chinese), not "this one".
      expect(report.summary.judgement.join(" ")).toContain(lang === "en" ? client : "贵公司");
      expect(report.summary.judgement.join(" ")).not.toMatch(
        /\{client\}|this one should not|这家企业/,
      );
      const evidence = report.risks.items.flatMap((r) => r.because);
      expect(evidence.length).toBeGreaterThan(0);
      for (const e of evidence) {
        expect(e).toMatch(lang === "en" ? /\(in the warning range: / : /已落入预警区间（/);
        expect(e).not.toMatch(/一题平均|, \d or lower$|short of \d/);
      }
    },
  );
});

describe("dates in words in Chinese text (docs/glossary.md, Writing to the client)", () => {
  /** A date in words with a space between it and the Chinese next to it. */
  const spaced =
    /[\u3400-\u9fff）] \d{4}年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日 [\u3400-\u9fff（]/;

  it("are joined to the text around them, in the report, the roadmap and compare's notes", async () => {
    const huaxin = path.join(ROOT, "examples/huaxin-retail");
    const answers = readdirSync(path.join(huaxin, "answers"))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => `answers/${f}`);
    const inputs = loadInputs(huaxin, answers);
    const found: string[] = [];
    for (const kind of ["report", "roadmap"] as const) {
      const report = buildReport(inputs.results, standardPack(), {
        lang: "zh-CN",
        edition: "full",
        kind,
        respondents: inputs.respondents,
      });
      for (const [at, text] of texts(report)) if (spaced.test(text)) found.push(`${at}: ${text}`);
    }
    const { messagesFor } = await import("../../src/i18n/index.js");
    const m = messagesFor("zh-CN");
    const date = m.report.dateText("2026-04-08");
    const warning = m.comparison.warning["same-date"]({ baseline: date, followup: date });
    if (spaced.test(warning)) found.push(warning);
    expect(found).toEqual([]);
    // The check itself sees a spaced date.
    expect(spaced.test("两次评估的日期均为 2026年4月8日。")).toBe(true);
  });
});
