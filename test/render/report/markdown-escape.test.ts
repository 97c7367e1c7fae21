import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../../src/core/text/markdown.js";
import {
  ganttChart,
  mermaidText,
  radarChart,
  renderMarkdown,
} from "../../../src/render/report/markdown.js";
import { buildReport } from "../../../src/views/report/build.js";
import { acmeReport, FIXTURES, loadInputs, standardPack } from "../../helpers/report.js";

const EVIL = path.join(FIXTURES, "markdown-breaking");

async function evilMarkdown(): Promise<string> {
  const inputs = loadInputs(EVIL, ["answers.yaml"]);
  const report = buildReport(inputs.results, standardPack(), {
    respondents: inputs.respondents,
  });
  return renderMarkdown(report);
}

/** The Markdown outside fenced code blocks (Mermaid charts). */
function outsideFences(md: string): string[] {
  const out: string[] = [];
  let fence = false;
  for (const line of md.split("\n")) {
    if (line.startsWith("```")) {
      fence = !fence;
      continue;
    }
    if (!fence) out.push(line);
  }
  return out;
}

/** Cells of a table row, honouring `\|` escapes. */
const cells = (row: string) => row.split(/(?<!\\)\|/).length - 2;

describe("escapeMarkdown", () => {
  it.each([
    ["a | b", "a \\| b"],
    ["`code`", "\\`code\\`"],
    ["# heading", "\\# heading"],
    ["> quote", "\\> quote"],
    ["- item", "\\- item"],
    ["1. item", "1\\. item"],
    ["<script>alert(1)</script>", "\\<script>alert(1)\\</script>"],
    ["*bold* and _it_", "\\*bold\\* and \\_it\\_"],
    ["snake_case_id", "snake_case_id"],
    ["[link](x)", "\\[link\\](x)"],
    ["$5 and $10", "\\$5 and \\$10"],
    ["a < b > c", "a < b > c"],
    ["&amp; & x", "\\&amp; & x"],
    ["line one\nline two\r\n# three", "line one<br>line two<br># three"],
    ["  padded  ", "padded"],
    // Only a real block marker is guarded: a number or a change at the start stays as written.
    ["2.14 (assessment of 16 March 2026)", "2.14 (assessment of 16 March 2026)"],
    ["3) item", "3\\) item"],
    ["7.", "7\\."],
    ["-0.33", "-0.33"],
    ["+0.25", "+0.25"],
    ["#1 priority", "#1 priority"],
    ["---", "\\---"],
    ["==", "\\=="],
  ])("escapes %j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe("mermaidText", () => {
  it("drops what would end a label or start syntax", () => {
    expect(mermaidText('Data "quality" [core]: {x}; #1 `a` | <b>\n%% c')).toBe(
      "Data quality core x 1 a b c",
    );
    expect(mermaidText('"":;')).toBe("-");
  });

  it("keeps chart labels inert in the radar and the gantt", () => {
    const report = acmeReport();
    const first = report.profile.radar.axes[0];
    const action = report.roadmap.actions[0];
    if (!first || !action) throw new Error("fixture has no axes or actions");
    first.label = 'Evil"] , x["y';
    action.title = "Task: with; # colon\nand newline";
    const radar = radarChart(report);
    expect(radar).toContain('d1["Evil , x y"]');
    const gantt = ganttChart(report);
    expect(gantt).toContain("  Task with colon and newline :a1, ");
    for (const line of gantt.split("\n").slice(4)) {
      if (line.startsWith("  section ")) continue;
      expect(line.split(":").length).toBe(2);
    }
  });
});

describe("Markdown-breaking client text", () => {
  it("cannot create headings, lists, quotes, fences, HTML or extra table cells", async () => {
    const md = await evilMarkdown();
    const lines = outsideFences(md);
    const headings = lines.filter((l) => /^#{1,6} /.test(l));
    for (const h of headings) expect(h).not.toMatch(/Evil|Not a heading/);
    expect(md).not.toMatch(/(?<!\\)<(script|img|b)\b/);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    // The multi-line note stays in its table cell.
    const noteRow = lines.find((l) => l.startsWith("| ") && l.includes("Not a heading"));
    expect(noteRow).toBeDefined();
    expect(noteRow).toMatch(/^\| /);
    expect(cells(noteRow ?? "")).toBe(4);
    // Every table row has as many cells as its header.
    let header = 0;
    for (const line of lines) {
      if (!line.startsWith("|")) {
        header = 0;
        continue;
      }
      if (header === 0) header = cells(line);
      else expect(cells(line)).toBe(header);
    }
    // Only the template's own lines start a block.
    for (const line of lines) {
      expect(line).not.toMatch(/^(> quoted|- not a list|1\. not an ordered|```)/);
    }
  });

  it("keeps the Mermaid fences balanced", async () => {
    const md = await evilMarkdown();
    const fences = md.split("\n").filter((l) => l.startsWith("```"));
    // Every chart's fence is closed (the radar is left out with fewer than three scored dimensions).
    expect(fences.length).toBeGreaterThanOrEqual(2);
    expect(fences).toEqual(fences.map((_, i) => (i % 2 === 0 ? "```mermaid" : "```")));
  });

  it("shows the client's text literally in the cover", async () => {
    const md = await evilMarkdown();
    expect(md).toContain("**\\# Evil \\| Corp \\`rm -rf\\` \\<script>alert(1)\\</script>**");
    expect(md).toContain("- **Assessor**: \\> quoted \\| assessor");
  });
});
