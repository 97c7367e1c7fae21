import { beforeAll, describe, expect, it } from "vitest";
import { LANGS } from "../../../src/core/models/languages.js";
import { spreadColumns } from "../../../src/render/pdf/text.js";
import { renderDocx } from "../../../src/render/report/docx.js";
import { renderMarkdown } from "../../../src/render/report/markdown.js";
import { renderPdf } from "../../../src/render/report/pdf.js";
import type { ReportModel } from "../../../src/views/report/model.js";
import { packageParts } from "../../helpers/ooxml.js";
import { acmeReport } from "../../helpers/report.js";
import { havePdftotext, pdfText } from "../pdf/helpers.js";

/** A document's text without markup, escapes or white space, so table cells read in a row. */
const squeeze = (text: string) =>
  text
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/[\\|*\s]/g, "");

/** The full report in Markdown, Word and (with pdftotext) PDF, as squeezed text. */
async function texts(r: ReportModel): Promise<Record<string, string>> {
  const docx = (await packageParts(await renderDocx(r))).get("word/document.xml") ?? "";
  const out: Record<string, string> = {
    md: squeeze(await renderMarkdown(r)),
    docx: squeeze(docx),
  };
  if (havePdftotext()) out.pdf = squeeze(pdfText(await renderPdf(r, {}), { raw: true }).text);
  return out;
}

for (const lang of LANGS) {
  describe(`the client's tables (${lang})`, () => {
    let r: ReportModel;
    let formats: Record<string, string>;
    beforeAll(async () => {
      r = acmeReport({ lang });
      formats = await texts(r);
    }, 120_000);

    it("name a note's question by its wording and its respondent by role, never by identifier", () => {
      const notes = r.dimensions.items.flatMap((d) => d.notes);
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) {
        // Outside the internal edition a note is attributed by role, as the findings quote it.
        expect(n.by).toBe(n.roleName);
        expect(n.by).not.toContain(n.respondent);
      }
      for (const [format, text] of Object.entries(formats)) {
        // The body, before the appendix (which lists the respondents by id for the assessor).
        const body = text.slice(0, text.lastIndexOf(squeeze(r.appendix.title)));
        for (const n of notes) {
          expect(body, `${format}: ${n.question}`).not.toContain(n.question);
          expect(body, `${format}: ${n.respondent}`).not.toContain(n.respondent);
          expect(body, `${format}: ${n.questionText} · ${n.by}`).toContain(
            squeeze(`${n.questionText}${n.by}`),
          );
        }
      }
    });

    it("list every KPI with the actions it proves, grouped by phase with its due date once, and who owns it", () => {
      const rows = r.kpis.rows.filter((row) => row.source === "plan");
      expect(rows.length).toBeGreaterThan(0);
      const title = new Map(r.roadmap.actions.map((a) => [a.id, a.title]));
      for (const row of rows) {
        const phase = r.roadmap.phases.find((p) => p.phase === row.phase);
        // Quotes nest inside the sentence, so compare the words.
        const bare = (t = "") => t.replace(/[“”‘’"']/g, "");
        for (const id of row.actions) expect(bare(row.measure)).toContain(bare(title.get(id)));
        expect(row.due).toContain(phase?.name);
        expect(row.due).toContain(phase?.endDateText);
        // The scorecard gives a KPI it carries the same date.
        const carried = r.kpis.scorecard.find((x) => x.kpi === row.kpi);
        if (carried) expect(carried.target).toContain(phase?.endDateText);
      }
      for (const [format, text] of Object.entries(formats)) {
        const from = text.lastIndexOf(squeeze(r.kpis.rowsTitle));
        const list = text.slice(from, text.indexOf(squeeze(r.decisions.title), from));
        for (const row of r.kpis.rows)
          expect(list, `${format}: ${row.kpi}`).toContain(squeeze(row.measure));
        // No column saying where each row comes from, nor when it is due: the same words on
        // every row told nothing. The date is said once, under the group's title.
        if (format !== "pdf")
          expect(list, format).toContain(
            squeeze(`${rows[0]?.kpi}${rows[0]?.measure}${rows[0]?.frequency}`),
          );
        const groups = [...new Set(r.kpis.rows.map((x) => x.phase ?? x.source))];
        expect(groups.length, "the fixture's list has one group or none").toBeGreaterThan(1);
        let at = 0;
        for (const key of groups) {
          const members = r.kpis.rows.filter((x) => (x.phase ?? x.source) === key);
          const first = members[0];
          const title = first?.phase ? (first.phaseName ?? "?") : (first?.sourceName ?? "?");
          // The group's title, then its date, then its KPIs, in the plan's order.
          const head = squeeze(`${title}${r.labels.due}`);
          const found = list.indexOf(head, at);
          expect(found, `${format}: ${title} with its date, in order`).toBeGreaterThanOrEqual(at);
          at = found;
          const dueAt = list.indexOf(squeeze(first?.due ?? "?"), at);
          expect(dueAt - at, `${format}: ${title}'s date under it`).toBeLessThan(head.length + 4);
          for (const row of members)
            expect(list.indexOf(squeeze(row.kpi), at), `${format}: ${row.kpi}`).toBeGreaterThan(at);
        }
        // Each date once a group: never on every row of a phase.
        for (const due of new Set(r.kpis.rows.map((x) => x.due))) {
          const times = list.split(squeeze(due)).length - 1;
          const owners = groups.filter((key) =>
            r.kpis.rows.some((x) => (x.phase ?? x.source) === key && x.due === due),
          );
          expect(times, `${format}: ${due}`).toBe(owners.length);
        }
        const planName = r.kpis.rows.find((x) => x.source === "plan")?.sourceName ?? "?";
        expect(list.split(squeeze(planName)).length - 1, format).toBeLessThan(2);
      }
    });

    it("give disagreements and facts to settle the same columns, in the same order", () => {
      const headers = squeeze(
        spreadColumns(r.labels)
          .map((c) => c.header)
          .join(""),
      );
      const first = r.perception.disagreements[0];
      const fact = r.perception.factConflicts.items[0];
      expect(first).toBeDefined();
      expect(fact).toBeDefined();
      for (const [format, text] of Object.entries(formats)) {
        expect(text, `${format}: the columns' order`).toContain(
          `${squeeze(r.labels.disagreements)}${headers}`,
        );
        for (const d of [first, fact]) {
          const row = `${d?.dimensionTitle}${d?.questionText}${d?.min}${d?.max}${d?.spread}`;
          expect(text, `${format}: ${d?.question}`).toContain(squeeze(row));
        }
      }
    });
  });
}
