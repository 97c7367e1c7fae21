import { surveySized } from "../../core/models/results-facts.js";
import { escapeMarkdown } from "../../core/text/markdown.js";
import { fillPlaceholders } from "../../core/text/placeholders.js";
import { fmtCount } from "../../i18n/format.js";
import { messagesFor } from "../../i18n/index.js";
import type { ReportModel, SectionId } from "../../views/report/model.js";
import { kpiGroups, spreadCells, spreadColumns } from "../pdf/text.js";
import { loadTemplates } from "../templates.js";
import type { RenderOptions } from "./options.js";

/**
 * Text safe inside a Mermaid label (radar axis, gantt task): characters that end a label or
 * start syntax (quotes, brackets, braces, colon, semicolon, hash, backtick, pipe, angle
 * brackets, backslash, the `$` of math) and control characters become spaces, and lines are
 * joined.
 */
export function mermaidText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/["'`\\[\]{}<>:;#|&%$\u0000-\u001f\u007f-\u009f]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "-"
  );
}

// Words that start a statement at the beginning of a gantt line, not a task.
const GANTT_KEYWORD =
  /^(?:section|title|dateFormat|axisFormat|tickInterval|excludes|includes|todayMarker|weekday|weekend|inclusiveEndDates|topAxis|displayMode|click|accTitle|accDescr)\b/i;

/** A gantt task name: a Mermaid label that cannot read as a statement (`section …`). */
function ganttTask(text: string): string {
  const label = mermaidText(text);
  return GANTT_KEYWORD.test(label) ? `· ${label}` : label;
}

const fixed2 = (n: number) => n.toFixed(2);

/** The Mermaid radar (current vs target) of the maturity profile. */
export function radarChart(report: ReportModel): string {
  const { radar } = report.profile;
  // Fewer than three axes make no radar; the profile's introduction then speaks of the bars.
  if (radar.axes.length < 3) return "";
  const lines = ["radar-beta", `  title ${mermaidText(radar.title)}`];
  lines.push(
    `  axis ${radar.axes.map((a, i) => `d${i + 1}["${mermaidText(a.label)}"]`).join(", ")}`,
  );
  for (const s of radar.series) {
    // Inconclusive dimensions have no axis; a null left in a series would be a point at 0.
    const values = s.values.map((v) => (v === null ? "0" : fixed2(v)));
    lines.push(`  curve ${s.key}["${mermaidText(s.label)}"]{${values.join(", ")}}`);
  }
  lines.push(
    `  max ${radar.max}`,
    `  min ${radar.min}`,
    `  ticks ${radar.max}`,
    "  graticule polygon",
  );
  return lines.join("\n");
}

/** The Mermaid gantt of the roadmap: one section per phase, then the gate and the reassessment. */
export function ganttChart(report: ReportModel): string {
  const { roadmap } = report;
  const lines = [
    "gantt",
    `  title ${mermaidText(roadmap.timeline.title)}`,
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %Y-%m",
  ];
  roadmap.phases.forEach((phase) => {
    const actions = roadmap.actions.filter((a) => a.phase === phase.phase);
    if (actions.length === 0) return;
    lines.push(`  section ${mermaidText(phase.name)}`);
    for (const a of actions) {
      const n = roadmap.actions.indexOf(a) + 1;
      const days = (a.endWeek - a.startWeek) * 7;
      lines.push(`  ${ganttTask(a.title)} :a${n}, ${a.startDate}, ${days}d`);
    }
  });
  const milestones = [...(roadmap.gate ? [roadmap.gate] : []), roadmap.milestone];
  lines.push(`  section ${mermaidText(roadmap.milestone.label)}`);
  milestones.forEach((m, i) => {
    lines.push(`  ${ganttTask(m.label)} :milestone, m${i + 1}, ${m.date}, 0d`);
  });
  return lines.join("\n");
}

/** Every string of a value escaped for Markdown (numbers, booleans and nulls kept). */
function escapeDeep<T>(value: T): T {
  if (typeof value === "string") return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeDeep(v);
    return out as T;
  }
  return value;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/**
 * What the templates see: the report model with every string Markdown-escaped, plus headings,
 * anchors, the table of contents, the Mermaid charts and look-ups templates cannot do themselves.
 */
export function markdownView(report: ReportModel): Record<string, unknown> {
  const e = escapeDeep(report);
  const headings: Partial<Record<SectionId, string>> = {};
  const anchors: Partial<Record<SectionId, string>> = {};
  const numbers: Partial<Record<SectionId, number>> = {};
  const toc: { title: string; anchor: string }[] = [];
  let n = 0;
  for (const id of report.sections) {
    if (id === "cover") continue; // every other section is numbered
    n++;
    numbers[id] = n;
    headings[id] = `${n}. ${e[id].title}`;
    anchors[id] = slug(`${n}. ${report[id].title}`);
    toc.push({ title: headings[id], anchor: anchors[id] });
  }
  const show = Object.fromEntries(report.sections.map((s) => [s, true]));
  const actionTitle = new Map(e.roadmap.actions.map((a) => [a.id, a.title]));
  const riskTitle = new Map(
    [...e.risks.items, ...e.risks.others.items].map((r) => [r.id, r.title]),
  );
  const titlesOf = (ids: string[], map: Map<string, string>) => ids.map((id) => map.get(id) ?? id);
  const { dateText } = messagesFor(report.lang).report;

  return {
    ...e,
    show,
    punct: (({ colon, semicolon, open, close, sentence }) => ({
      colon,
      stop: sentence(""),
      // A bold title ending a sentence: "**Title.** Next" in English; in Chinese the full stop
      // goes after the bold (a closing ** after 。 and before a character is no bold in
      // CommonMark) and no space follows it: "**标题**。下文".
      ...(messagesFor(report.lang).report.sentenceJoin === ""
        ? { boldStop: "", afterBold: sentence("") }
        : { boldStop: sentence(""), afterBold: " " }),
      sep: semicolon,
      lp: open,
      rp: close,
    }))(messagesFor(report.lang).common.punct),
    headings,
    anchors,
    numbers,
    toc,
    mermaid: { radar: radarChart(report), gantt: ganttChart(report) },
    // The PDF's and Word's column definition, so all three show the same columns in one order.
    spreadTables: {
      disagreements: spreadTable(e.perception.disagreements, e.labels),
      factConflicts: spreadTable(e.perception.factConflicts.items, e.labels),
    },
    // The PDF's and Word's groups: the list of every KPI as the plan runs, a date once a group.
    kpiGroupsView: kpiGroups(e),
    dimensionsView: e.dimensions.items.map((d, i) => ({
      ...d,
      number: `${numbers.dimensions ?? 0}.${i + 1}`,
      riskTitles: titlesOf(d.risks, riskTitle),
      actionTitles: titlesOf(d.actions, actionTitle),
    })),
    risksView: e.risks.items.map((r) => ({
      ...r,
      mitigatedByTitles: titlesOf(r.mitigatedBy, actionTitle),
    })),
    otherRisksView: e.risks.others.items.map((r) => ({
      ...r,
      mitigatedByTitles: titlesOf(r.mitigatedBy, actionTitle),
    })),
    firstNinetyDaysView: e.roadmap.firstNinetyDays.actions.flatMap((id) => {
      const a = e.roadmap.actions.find((x) => x.id === id);
      return a ? [a] : [];
    }),
    phasesView: e.roadmap.phases.map((p, i) => ({
      ...p,
      number: i + 1,
      actionsView: p.actions.flatMap((id) => {
        const a = e.roadmap.actions.find((x) => x.id === id);
        return a
          ? [
              {
                ...a,
                // In words, as the phases' dates are: the model keeps ISO dates for machines.
                startDateText: escapeMarkdown(dateText(a.startDate)),
                dependsOnTitles: titlesOf(a.dependsOn, actionTitle),
              },
            ]
          : [];
      }),
    })),
  };
}

/** A disagreements or fact-conflicts table as the templates lay it out: headers, then rows. */
function spreadTable(
  items: ReportModel["perception"]["disagreements"],
  L: ReportModel["labels"],
): { columns: { header: string; numeric: boolean }[]; rows: string[][] } {
  const survey = surveySized(items);
  return {
    columns: spreadColumns(L, survey),
    rows: items.map((d) =>
      spreadCells(d, L.inconclusive, survey).map((c) => (typeof c === "string" ? c : c.text)),
    ),
  };
}

/** Template helpers: number formatting (null shows as "inconclusive" or a dash) and small utilities. */
function helpers(report: ReportModel): Record<string, (...args: unknown[]) => unknown> {
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const L = report.labels;
  const week = (n: number) => fillPlaceholders(L.weekPattern, { week: n });
  return {
    fmtScore: (v) => {
      const x = num(v);
      return x === null ? escapeMarkdown(L.inconclusive) : fixed2(x);
    },
    fmtDash: (v) => {
      const x = num(v);
      return x === null ? "—" : fixed2(x);
    },
    fmtPct: (v) => {
      const x = num(v);
      return x === null ? "—" : `${Math.round(x * 100)}%`;
    },
    /** A count, thousands grouped ("98,011"), as the other formats show it. */
    fmtCount: (v) => {
      const x = num(v);
      return x === null ? "—" : fmtCount(x);
    },
    fmtNum: (v) => {
      const x = num(v);
      return x === null ? "—" : String(x);
    },
    fmtLevel: (level, name) => {
      const x = num(level);
      if (x === null) return escapeMarkdown(L.inconclusive);
      return typeof name === "string" && name !== "" ? `${x} · ${name}` : String(x);
    },
    /** 0-based start week → "Week 1". */
    fmtWeek: (v) => {
      const x = num(v);
      return x === null ? "—" : week(x + 1);
    },
    /** 0-based start and exclusive end → "Weeks 1–4"; an empty span shows a dash. */
    fmtSpan: (from, to) => {
      const a = num(from);
      const b = num(to);
      if (a === null || b === null || b <= a) return "—";
      return b - a === 1
        ? week(a + 1)
        : fillPlaceholders(L.weekRangePattern, { from: a + 1, to: b });
    },
    /** A text bar on the 1–5 scale, two cells a level: █ reached, ░ still to reach, · beyond. */
    bar: (current, target) => {
      // Floor for the current score, so a gap of 0.01 still shows as not reached.
      const c = Math.max(0, Math.min(10, Math.floor((num(current) ?? 0) * 2 + 1e-9)));
      const t = Math.max(c, Math.min(10, Math.round((num(target) ?? 0) * 2)));
      return `${"█".repeat(c)}${"░".repeat(t - c)}${"·".repeat(10 - t)}`;
    },
    inc: (v) => (num(v) ?? 0) + 1,
    join: (list, sep) =>
      Array.isArray(list) ? list.join(typeof sep === "string" ? sep : ", ") : "",
    or: (a, b) => (a === null || a === undefined || a === "" ? b : a),
    eq: (a, b) => a === b,
    and: (a, b) => Boolean(a) && Boolean(b),
    len: (list) => (Array.isArray(list) ? list.length : 0),
  };
}

/** Renders the report (or roadmap) as Markdown through the Handlebars templates. */
export async function renderMarkdown(
  report: ReportModel,
  opts: RenderOptions = {},
): Promise<string> {
  const templates = await loadTemplates({ dir: opts.templateDir, cwd: opts.cwd ?? process.cwd() });
  const name = report.kind === "report" ? "report" : "roadmap";
  const raw = templates.render(name, markdownView(report), helpers(report));
  return tidy(raw);
}

/** Collapses the blank lines template logic leaves behind; ends with exactly one newline. */
function tidy(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let fence = false;
  for (const raw of lines) {
    const line = fence ? raw : raw.replace(/[ \t]+$/, "");
    if (line.startsWith("```")) fence = !fence;
    if (!fence && line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}
