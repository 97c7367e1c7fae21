import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPdf } from "../../../src/render/report/pdf.js";
import { layoutFaults, pdfPages } from "../../helpers/pdf-layout.js";
import { acmeReport } from "../../helpers/report.js";
import { havePdftotext } from "./helpers.js";

describe.skipIf(!havePdftotext())("the appendix's reliability table in the PDF", () => {
  it("runs on over a page foot when taller than half a page, leaving no near-empty page", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-reliability-"));
    const faults: string[] = [];
    // Ever more method paragraphs move the table (about 40% of a page with its lead-in) down
    // the pages, past every foot; its readings once, then twice as long.
    for (let k = 0; k < 26; k += 1) {
      const [n, times] = [k % 13, 1 + Math.floor(k / 13)];
      const report = acmeReport({ lang: "en" });
      const r = report.appendix.reliability;
      if (!r) throw new Error("the fixture has no reliability table");
      for (const row of r.rows)
        row.reading = Array.from({ length: times }, () => row.reading).join("; ");
      report.appendix.method.paragraphs.push(
        ...Array.from({ length: n }, () => report.appendix.method.paragraphs[0] ?? ""),
      );
      const file = path.join(dir, `${n}-${times}.pdf`);
      writeFileSync(file, await renderPdf(report, {}));
      for (const f of layoutFaults(pdfPages(file)))
        if (f.kind === "near-empty-page" || f.kind === "orphaned-heading")
          faults.push(`${n} paragraphs, ×${times}: ${f.kind} page ${f.page} ${f.text}`);
    }
    expect(faults).toEqual([]);
  }, 120_000);
});
