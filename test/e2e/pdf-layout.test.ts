import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/cli.js";
import { layoutFaults, pdfPages, type TextRun } from "../helpers/pdf-layout.js";

const EXAMPLES = path.join(REPO, "examples");
const args = (client: string) => {
  const dir = path.join(EXAMPLES, client);
  const answers = execFileSync("ls", [path.join(dir, "answers")], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((f) => path.join(dir, "answers", f));
  return [...answers, "--targets", path.join(dir, "targets.yaml")];
};

/** The boxes (callouts) of the roadmap, as their text reads. */
function boxesOf(model: {
  roadmap: {
    gate: { label: string; sentence: string } | null;
    milestone: { label: string; sentence: string };
    cycle: string;
    detail: boolean;
  };
}): string[] {
  const r = model.roadmap;
  return [
    ...(r.gate ? [`${r.gate.label}${r.gate.sentence}`] : []),
    ...(r.detail ? [`${r.milestone.label}${r.milestone.sentence}`, r.cycle] : []),
  ];
}

describe("the PDF layout check", () => {
  const run = (text: string, top: number, size = 9.5): TextRun => ({
    text,
    top,
    bottom: top + size,
    left: 58,
    size,
  });
  const full = (from: number) =>
    Array.from({ length: 40 }, (_, i) => run(`Line ${i}`, from + i * 15));

  it("finds a heading left at a page foot, a near-empty page inside a section and a split box", () => {
    const cover = [run("Cover", 300, 20)];
    const pages = [
      cover,
      [...full(80).slice(0, 30), run("Owners", 760, 10.5)],
      [run("A lone row", 80)],
      [...full(80).slice(0, 39), run("Reassessment", 760, 10)],
      [run("Reassess in week 52.", 80), ...full(100)],
    ];
    expect(layoutFaults(pages, ["Reassessment Reassess in week 52."])).toEqual([
      { page: 2, kind: "orphaned-heading", text: "Owners" },
      { page: 3, kind: "near-empty-page", text: "A lone row" },
      { page: 4, kind: "split-box", text: "Reassessment Reassess in week 52." },
    ]);
  });

  it("flags a page less than half full that the same section continues after", () => {
    const pages = [
      [run("Cover", 300, 20)],
      [run("6", 80, 17), run("Roadmap", 80, 17), ...full(110).slice(0, 18)],
      [run("Roadmap timeline", 80), ...full(100)],
      [run("7", 80, 17), run("KPIs", 80, 17), ...full(110).slice(0, 18)],
    ];
    expect(layoutFaults(pages)).toEqual([{ page: 2, kind: "near-empty-page", text: "6" }]);
    // The same page filled past half its height passes.
    pages[1] = [run("6", 80, 17), run("Roadmap", 80, 17), ...full(110).slice(0, 26)];
    expect(layoutFaults(pages)).toEqual([]);
  });

  it("accepts a section's short last page and a box on one page", () => {
    const pages = [
      [run("Cover", 300, 20)],
      [...full(80), run("Reassessment", 700, 10), run("Reassess in week 52.", 715)],
      full(80).slice(0, 5),
      [run("5", 80, 17), run("KPIs", 80, 17), run("Body", 110)],
    ];
    expect(layoutFaults(pages, ["Reassessment Reassess in week 52."])).toEqual([]);
  });

  it("flags a section's last page, the document's too, carrying fewer than five lines", () => {
    const pages = [
      [run("Cover", 300, 20)],
      full(80),
      [run("Answers", 80, 10.5), ...full(100).slice(0, 3)],
      [run("5", 80, 17), run("KPIs", 80, 17), ...full(110).slice(0, 30)],
      [run("The last row", 80), run("of a table", 95)],
    ];
    expect(layoutFaults(pages)).toEqual([
      { page: 3, kind: "short-last-page", text: "Answers" },
      { page: 5, kind: "short-last-page", text: "The last row" },
    ]);
    // A short section that opens on its page is whole there.
    pages[4] = [run("6", 80, 17), run("Appendix", 80, 17), run("One line", 110)];
    expect(layoutFaults(pages)).toEqual([{ page: 3, kind: "short-last-page", text: "Answers" }]);
  });
});

interface ActionLists {
  dimensions: { items: { title: string; actions: string[] }[] };
  roadmap: { actions: { id: string; title: string; phaseName: string }[] };
}

/**
 * The dimensions whose list of actions runs onto a second page (a last action alone at the top
 * of the next page): each action's line, "title (phase · weeks)", on the same page as the first.
 */
function splitActionLists(pages: TextRun[][], model: ActionLists): string[] {
  const flat = pages.map((runs) =>
    runs
      .map((r) => r.text)
      .join("")
      .replace(/\s+/g, ""),
  );
  const line = (a: { title: string; phaseName: string }) =>
    `${a.title}${a.phaseName}`.replace(/\s+/g, "");
  const byId = new Map(model.roadmap.actions.map((a) => [a.id, a]));
  // A dimension's lines read "title (phase · …)": the brackets go, title and phase stay together.
  const opened = (p: string, a: { title: string; phaseName: string }) =>
    p.replace(/[(（]/g, "").includes(line(a).replace(/[(（]/g, ""));
  return model.dimensions.items.flatMap((d) => {
    const list = d.actions.flatMap((id) => byId.get(id) ?? []);
    if (list.length < 2) return [];
    const first = flat.findIndex((p) => opened(p, list[0] as (typeof list)[0]));
    if (first < 0) return [];
    return list.every((a) => opened(flat[first] ?? "", a)) ? [] : [d.title];
  });
}

describe("generated report pages", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-layout-"));
  for (const client of ["acme-manufacturing", "huaxin-retail"]) {
    for (const lang of ["en", "zh-CN"]) {
      for (const edition of ["board", "full", "internal"]) {
        it(`${client} ${lang} ${edition}: no orphaned heading, no split box, no near-empty or short last page`, () => {
          const common = [...args(client), "--lang", lang, "--edition", edition];
          const json = runCli(["report", ...common, "--format", "json"]);
          expect(json.status).toBe(0);
          const out = path.join(dir, `${client}-${lang}-${edition}.pdf`);
          expect(runCli(["report", ...common, "--format", "pdf", "-o", out]).status).toBe(0);
          const model = JSON.parse(json.stdout);
          const pages = pdfPages(out);
          expect(layoutFaults(pages, boxesOf(model))).toEqual([]);
          expect(splitActionLists(pages, model)).toEqual([]);
          // A table's header unit and a cell's date take no more lines than Word gives them:
          // "Effort / (person-weeks)", "1.88（2026年4月8日 / 评估）", never a line of their own
          // each ("(person- / weeks)", "1.88 / （2026年4月8日 / 评估）").
          const lines = new Set(pages.flat().map((run) => run.text.trim()));
          expect(lines.has("(person-") || lines.has("（2026年4月8日")).toBe(false);
        }, 60_000);
      }
    }
  }

  // A survey's results (`batch --group-by`): the table of group scores, and the respondents said
  // in a sentence rather than listed.
  const BATCH = path.join(REPO, "test/fixtures/batch");
  const Q = ["-q", path.join(BATCH, "questionnaire/questionnaire.yaml")];
  for (const lang of ["en", "zh-CN"]) {
    it(`batch results grouped by department, ${lang}: no layout fault`, () => {
      const results = path.join(dir, `batch-${lang}.json`);
      const map = path.join(BATCH, "bad-rows/mapping.yaml");
      expect(
        runCli([
          "batch",
          path.join(BATCH, "bad-rows/export.csv"),
          "--map",
          map,
          ...Q,
          "-o",
          results,
        ]).status,
      ).toBe(0);
      // Internal: the fixture's departments have one respondent each, which the client's editions
      // leave out.
      const common = ["report", results, ...Q, "--lang", lang, "--edition", "internal"];
      const json = runCli([...common, "--format", "json"]);
      expect(json.status).toBe(0);
      const model = JSON.parse(json.stdout);
      expect(model.perception.byGroup).toHaveLength(1);
      const out = path.join(dir, `batch-${lang}.pdf`);
      expect(runCli([...common, "--format", "pdf", "-o", out]).status).toBe(0);
      expect(layoutFaults(pdfPages(out), boxesOf(model))).toEqual([]);
    }, 60_000);
  }

  // As a consultant runs them: the full report without a targets file, and the standalone roadmap.
  for (const lang of ["en", "zh-CN"]) {
    const answers = args("acme-manufacturing").slice(0, -2);
    for (const [name, command] of [
      ["report", ["report", ...answers]],
      ["roadmap", ["roadmap", ...answers]],
    ] as const) {
      it(`acme-manufacturing ${lang} ${name} without targets: no layout fault`, () => {
        const common = [...command, "--lang", lang];
        const json = runCli([...common, "--format", "json"]);
        expect(json.status).toBe(0);
        const out = path.join(dir, `acme-${name}-${lang}.pdf`);
        expect(runCli([...common, "--format", "pdf", "-o", out]).status).toBe(0);
        expect(layoutFaults(pdfPages(out), boxesOf(JSON.parse(json.stdout)))).toEqual([]);
      }, 60_000);
    }
  }
});
