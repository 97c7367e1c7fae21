import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/cli.js";
import { officePages, officeToText } from "../helpers/ooxml.js";
import { pdfPages, sectionEndRoom } from "../helpers/pdf-layout.js";

const EXAMPLES = path.join(REPO, "examples");
const args = (client: string) => {
  const dir = path.join(EXAMPLES, client);
  const answers = execFileSync("ls", [path.join(dir, "answers")], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((f) => path.join(dir, "answers", f));
  return [...answers, "--targets", path.join(dir, "targets.yaml")];
};
/** Room (points) each board section keeps under its last line: four lines of body text. */
const SPARE_POINTS = 60;
/** Each example client in each language: the board edition must fit eight pages in all four. */
const BOTH_CLIENTS_BOTH_LANGUAGES = [
  ["acme-manufacturing", "en"],
  ["acme-manufacturing", "zh-CN"],
  ["huaxin-retail", "en"],
  ["huaxin-retail", "zh-CN"],
];
const model = (client: string, ...extra: string[]) => {
  const r = runCli(["report", ...args(client), "--format", "json", ...extra]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

describe("report editions", () => {
  it("the board edition keeps what a board reads: summary, profile, five risks, the plan, ten KPIs, decisions", () => {
    const board = model("acme-manufacturing", "--edition", "board");
    expect(board.edition).toBe("board");
    expect(board.sections).toEqual([
      "cover",
      "summary",
      "profile",
      "risks",
      "roadmap",
      "kpis",
      "decisions",
    ]);
    expect(board.risks.items.length).toBeLessThanOrEqual(5);
    expect(board.kpis.rows).toEqual([]);
    expect(board.roadmap.detail).toBe(false);
    expect(board.decisions.items).toHaveLength(3);
    const full = model("acme-manufacturing");
    expect(full.edition).toBe("full");
    expect(full.sections).toContain("appendix");
    expect(full.sections).toContain("decisions");
    expect(full.risks.items.length + full.risks.others.items.length).toBeGreaterThan(
      board.risks.items.length,
    );
    expect(board.risks.others.items).toEqual([]);
  });

  it("the full edition argues the top five risks and tables the rest; the internal edition argues every one", () => {
    const full = model("huaxin-retail");
    const internal = model("huaxin-retail", "--edition", "internal");
    const all = internal.risks.items.map((r: { id: string }) => r.id);
    expect(all.length).toBeGreaterThan(10);
    expect(internal.risks.others.items).toEqual([]);
    expect(full.risks.items.map((r: { id: string }) => r.id)).toEqual(all.slice(0, 5));
    expect(full.risks.others.items.map((r: { id: string }) => r.id)).toEqual(all.slice(5));
    // The argued risks keep their reasoning; the compact table still names what addresses each.
    expect(full.risks.items.every((r: { because: string[] }) => r.because.length > 0)).toBe(true);
    expect(full.risks.others.intro).toContain(String(all.length - 5));
    // The appendix keeps method, scale, coverage and respondents; the answer-by-answer record is internal.
    expect(full.appendix.answers.included).toBe(false);
    expect(full.appendix.answers.dimensions).toEqual([]);
    expect(full.appendix.answers.note).toMatch(/working papers/);
    expect(full.appendix.respondents.items.length).toBe(7);
    expect(internal.appendix.answers.included).toBe(true);
    expect(internal.appendix.answers.dimensions.length).toBeGreaterThan(0);
    // Markdown: each risk the dimensions section names is worded, whether argued or tabled.
    const md = runCli(["report", ...args("huaxin-retail")]).stdout;
    expect(md).toMatch(/^### Further risks$/m);
    expect(md).not.toMatch(/\*\*Risks identified\*\*: [^\n]*\b[a-z]+-[a-z]+-?[a-z]*(;|$)/m);
  });

  it.each(BOTH_CLIENTS_BOTH_LANGUAGES)(
    "the board PDF of %s (%s) has at most eight pages",
    (client, lang) => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-board-")), "board.pdf");
      const r = runCli([
        "report",
        ...args(client),
        "--edition",
        "board",
        "--lang",
        lang,
        "--format",
        "pdf",
        "-o",
        out,
      ]);
      expect(r.status).toBe(0);
      const info = execFileSync("pdfinfo", [out], { encoding: "utf8" });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThanOrEqual(8);
      // Each section starts a page, so a section that grows past its page makes a ninth: each
      // ends with room to spare, at least four lines of text or two table rows (Huaxin's English
      // summary and profile once ended 50 and 31 points from the foot).
      const tight = sectionEndRoom(pdfPages(out)).filter((s) => s.room < SPARE_POINTS);
      expect(tight).toEqual([]);
    },
  );

  it.each(BOTH_CLIENTS_BOTH_LANGUAGES)(
    "the board Word document of %s (%s) is as short as the PDF: at most eight pages",
    (client, lang) => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-board-")), "board.docx");
      const run = (edition: string) =>
        runCli([
          "report",
          ...args(client),
          "--edition",
          edition,
          "--lang",
          lang,
          "--format",
          "docx",
          "-o",
          out,
        ]);
      expect(run("board").status).toBe(0);
      const board = officePages(readFileSync(out), "docx");
      expect(board).toBeGreaterThanOrEqual(5);
      expect(board).toBeLessThanOrEqual(8);
      // The full edition still starts each section on a new page.
      expect(run("full").status).toBe(0);
      expect(officePages(readFileSync(out), "docx")).toBeGreaterThan(3 * board);
    },
    120_000,
  );

  it.each([
    ["board", "en", /rigidif/i, "to rigidify is to adopt a proven practice"],
    ["full", "en", /rigidif/i, "to rigidify is to adopt a proven practice"],
    ["board", "zh-CN", /僵化/, "“僵化”指原样引入"],
    ["full", "zh-CN", /僵化/, "“僵化”指原样引入"],
  ])(
    "%s %s: the phase names are glossed where the roadmap first uses them; no rule-engine wording",
    (edition, lang, word, gloss) => {
      const r = runCli([
        "report",
        ...args("acme-manufacturing"),
        "--edition",
        edition,
        "--lang",
        lang,
      ]);
      expect(r.status).toBe(0);
      const md = r.stdout;
      const roadmap = md.search(/^## \d+\. (Roadmap|路线图)$/m);
      expect(roadmap).toBeGreaterThan(0);
      // Nothing names the phases before the roadmap section, and the gloss sits in its opening.
      expect(md.slice(0, roadmap)).not.toMatch(word);
      const at = md.indexOf(gloss);
      expect(at).toBeGreaterThan(roadmap);
      expect(md.slice(roadmap, at).split("\n\n").length).toBeLessThanOrEqual(2);
      expect(md).not.toMatch(
        /below \d, with a gap of|scores \d\.\d\d, at most|average \d\.\d\d, \d or lower|不高于 \d|，差距 \d|一题平均 \d|分，在 \d 分及以下/,
      );
      // The scale's picture of a level is framed as a general picture, never as a finding.
      expect(md).toMatch(
        /A typical company at level \d looks like this|成熟度标尺对第 \d 级的通用描述/,
      );
    },
  );

  it("argues three findings from the client's own answers, attributed by role; internal adds names", () => {
    const full = model("huaxin-retail", "--lang", "zh-CN");
    expect(full.summary.findings).toHaveLength(3);
    const notes = full.summary.findings.flatMap((f: { evidence: { notes: { by: string }[] }[] }) =>
      f.evidence.flatMap((e) => e.notes),
    );
    expect(notes.length).toBeGreaterThan(0);
    const roles = new Set(full.meta.roles.map((r: { name: string }) => r.name));
    for (const n of notes) expect(roles.has(n.by)).toBe(true);
    const internal = model("huaxin-retail", "--lang", "zh-CN", "--edition", "internal");
    const by = internal.summary.findings.flatMap((f: { evidence: { notes: { by: string }[] }[] }) =>
      f.evidence.flatMap((e) => e.notes.map((n) => n.by)),
    );
    expect(by.some((b: string) => b.includes("王建国"))).toBe(true);
  });

  it("--anonymize names nobody and leaves out what would single out one respondent", () => {
    const r = runCli(["report", ...args("huaxin-retail"), "--anonymize", "--edition", "internal"]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("王建国");
    const anon = model("huaxin-retail", "--anonymize");
    expect(anon.anonymized).toBe(true);
    expect(anon.appendix.respondents.items).toEqual([]);
    expect(anon.appendix.answers.included).toBe(false);
    // Huaxin has one executive: the perception section would be that person's scores.
    expect(anon.meta.roles.find((x: { role: string }) => x.role === "executive").count).toBe(1);
    expect(anon.sections).not.toContain("perception");
  });

  it("rejects an unknown edition as a usage error", () => {
    const r = runCli(["report", ...args("acme-manufacturing"), "--edition", "short"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Allowed choices are board, full, internal");
  });

  it("runs the programme by a scorecard of about ten KPIs, outcomes of the largest gaps first", () => {
    const full = model("acme-manufacturing");
    const card = full.kpis.scorecard as {
      kpi: string;
      kind: string;
      ownerName: string;
      baseline: string;
      target: string;
      cadence: string;
    }[];
    expect(card.length).toBeGreaterThanOrEqual(8);
    expect(card.length).toBeLessThanOrEqual(10);
    for (const row of card) {
      for (const field of [row.kpi, row.ownerName, row.baseline, row.target, row.cadence]) {
        expect(field.length).toBeGreaterThan(1);
      }
    }
    const largest = full.summary.topGaps[0];
    expect(card[0]?.kind).toBe("outcome");
    expect(card[0]?.kpi).toContain(largest.title);
    // The outcome's baseline is the assessment's own measurement.
    expect(card[0]?.baseline).toContain(largest.score.toFixed(2));
    expect(full.kpis.rows.length).toBeGreaterThan(card.length);
  });

  it.each([
    ["board", "en", false],
    ["full", "en", true],
    ["board", "zh-CN", false],
    ["full", "zh-CN", true],
  ])(
    "%s %s: the plan says where the next cycle's backlog is, and it is there",
    (edition, lang, listed) => {
      const r = runCli([
        "report",
        ...args("huaxin-retail"),
        "--edition",
        `${edition}`,
        "--lang",
        `${lang}`,
      ]);
      expect(r.status).toBe(0);
      const md = r.stdout;
      const here = /listed after the phases|列在各阶段之后/;
      const elsewhere = /the full report lists them with the reason|完整版报告逐项列出并说明原因/;
      expect(md).toMatch(listed ? here : elsewhere);
      expect(md).not.toMatch(listed ? elsewhere : here);
      const heading = /^### (\d+\.\d+ )?(Backlog for the next cycle|留待下一轮的行动)$/m;
      if (listed) expect(md).toMatch(heading);
      else expect(md).not.toMatch(heading);
    },
  );

  it("the full edition's reliability appendix is one compact table with short notes, alike in PDF, Word and Markdown", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-reliability-"));
    const full = model("huaxin-retail");
    const rel = full.appendix.reliability;
    expect(rel.rows).toHaveLength(9);
    expect(rel.caveats.length).toBeGreaterThan(0);
    const squeeze = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "");
    const md = runCli(["report", ...args("huaxin-retail")]).stdout;
    for (const c of rel.caveats) expect(md).toContain(`- ${c}`);
    const docx = path.join(dir, "full.docx");
    expect(
      runCli(["report", ...args("huaxin-retail"), "--format", "docx", "-o", docx]).status,
    ).toBe(0);
    const word = squeeze(officeToText(readFileSync(docx), "docx"));
    expect(word).toContain(squeeze(rel.title));
    for (const row of rel.rows) expect(word).toContain(squeeze(row.reading));
    for (const c of rel.caveats) expect(word).toContain(squeeze(c));
    // In the PDF the table and its notes take one page, not two: the respondents follow at once.
    const pdf = path.join(dir, "full.pdf");
    expect(runCli(["report", ...args("huaxin-retail"), "--format", "pdf", "-o", pdf]).status).toBe(
      0,
    );
    const pages = pdfPages(pdf);
    const pageOf = (heading: string) =>
      pages.findIndex((p) => p.some((t) => t.text === heading && t.size > 12));
    const from = pageOf(rel.title);
    expect(from).toBeGreaterThan(0);
    expect(pageOf(full.appendix.respondents.title) - from).toBeLessThanOrEqual(1);
  }, 120_000);

  it("the board Word document tables the risks as the PDF does, keeps a table's lead-in with it and calibrates the stated goals", () => {
    const board = model("huaxin-retail", "--edition", "board");
    const out = path.join(mkdtempSync(path.join(tmpdir(), "crm-board-")), "board.docx");
    const r = runCli([
      "report",
      ...args("huaxin-retail"),
      "--edition",
      "board",
      "--format",
      "docx",
      "-o",
      out,
    ]);
    expect(r.status).toBe(0);
    const pages = officeToText(readFileSync(out), "docx").split("\f");
    const squeeze = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "");
    const text = squeeze(pages.join(""));
    // The board's risks carry no reasoning: no empty "Triggered because", no sub-section each.
    expect(text).not.toContain(squeeze(board.labels.because));
    expect(text).not.toContain(squeeze(`3.1 ${board.risks.items[0].title}`));
    for (const risk of board.risks.items) expect(text).toContain(squeeze(risk.mitigation));
    // The client's stated goals, each set against its capability, as in the PDF and Markdown.
    expect(board.summary.calibration.goals.length).toBeGreaterThan(0);
    for (const goal of board.summary.calibration.goals)
      expect(text).toContain(squeeze(goal.sentence));
    // The register's lead-in shares its page with the table's first row.
    const intro = pages.findIndex((p) => squeeze(p).includes(squeeze(board.risks.intro)));
    expect(intro).toBeGreaterThan(0);
    expect(squeeze(pages[intro] ?? "")).toContain(squeeze(board.risks.items[0].mitigation));
    // Markdown says no more: no empty "Triggered because" either.
    const md = runCli(["report", ...args("huaxin-retail"), "--edition", "board"]).stdout;
    expect(md).not.toContain(`**${board.labels.because}**`);
  }, 120_000);

  it("names roles as labels, not as a person, and spaces Latin names inside Chinese text", () => {
    const en = runCli(["report", ...args("acme-manufacturing")]).stdout;
    // Effort falls to the roles' people, named as groups: never "Manager 49–82 person-weeks".
    expect(en).toMatch(/the largest shares fall to the managers \(\d+–\d+ person-weeks\)/);
    expect(en).toMatch(/Of these, \d+–\d+ fall to the managers \(/);
    expect(en).toMatch(/free the time of the executives, [^.:]* and the IT staff, who carry them/);
    expect(en).not.toMatch(
      /\b(Manager|Executive|IT staff|HR|CRM programme office|Front-line employee) \d+–\d+/,
    );
    expect(en).not.toMatch(/by role: |fall on (Manager|Executive|CRM programme office)/);
    const zh = runCli(["report", ...args("acme-manufacturing"), "--lang", "zh-CN"]).stdout;
    expect(zh).toContain("Acme Manufacturing Ltd. 的总体得分");
    expect(zh).toContain("凡与 Acme Manufacturing Ltd. 自身");
    expect(zh).not.toMatch(/Ltd\.[\u3400-\u9fff]|[\u3400-\u9fff]IT/);
    expect(zh).toMatch(/其中投入最多的是中层经理（\d+–\d+ 人周）/);
    // A Chinese decision title ends with a Chinese full stop (after the bold, which CommonMark
    // would not close after 。), and no space follows it.
    expect(zh).toContain("**批准第一阶段并落实责任人**。批准");
  });
});
