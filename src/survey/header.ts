import { nearest } from "../core/text/nearest.js";
import { headingLabel, SURVEY_NUMBERING } from "../core/text/survey-heading.js";
import { normalizeLabel } from "./answer-texts.js";
import { limesurveyCodeTextSeparator, type Preset } from "./presets.js";
import { titleNumber } from "./question-numbers.js";

/** One column of an export, as its header rows describe it. */
export interface SurveyColumn {
  /** 0-based position. */
  index: number;
  /** The name a mapping uses: the key header row's cell (SurveyMonkey: question [sub-question]). */
  key: string;
  /** The question text a person reads, used to suggest a mapping. */
  text: string;
  /** More texts of the same question (other languages), from a survey structure file. */
  alt?: string[];
}

/** The parsed header of an export. */
export interface SurveyHeader {
  columns: SurveyColumn[];
  /** Number of columns the header declares (trailing empty header cells dropped). */
  width: number;
}

const SURVEYMONKEY_PLAIN = new Set(["response", "open-ended response", "other (please specify)"]);

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** Describes a column for messages: `"Q1_1" (column C)`. */
export function describeColumn(col: { index: number; key: string }): string {
  return col.key
    ? `${JSON.stringify(col.key)} (column ${columnLetter(col.index)})`
    : `column ${columnLetter(col.index)}`;
}

/** Builds the columns from an export's header rows, following the preset's layout. */
export function parseHeader(
  rows: readonly string[][],
  preset: Preset,
  keyRow: number,
): SurveyHeader {
  const width = Math.max(
    0,
    ...rows.map((r) => {
      let n = r.length;
      while (n > 0 && (r[n - 1] ?? "").trim() === "") n--;
      return n;
    }),
  );
  const cell = (r: number, c: number) => (rows[r]?.[c] ?? "").trim();
  const columns: SurveyColumn[] = [];
  let stem = "";
  // LimeSurvey headed "Question code & question text": the code names the column, the text is read.
  const codeText =
    preset.id === "limesurvey" ? limesurveyCodeTextSeparator(rows[keyRow - 1]) : undefined;
  for (let c = 0; c < width; c++) {
    let key = cell(keyRow - 1, c);
    let text = key;
    if (codeText !== undefined) {
      const at = key.indexOf(codeText);
      if (at > 0) {
        text = key.slice(at + codeText.length).trim();
        key = key.slice(0, at);
      }
    } else if (preset.id === "qualtrics") {
      text = cell(1, c) || key;
    } else if (preset.id === "surveymonkey") {
      // Row 1 holds the question once over a merged range; row 2 the option or sub-question.
      if (cell(0, c)) stem = cell(0, c);
      const sub = cell(1, c);
      key = sub && !SURVEYMONKEY_PLAIN.has(normalizeLabel(sub)) ? `${stem} [${sub}]` : stem;
      text = key;
    }
    columns.push({ index: c, key, text });
  }
  return { columns, width };
}

/**
 * Finds a column by reference: `#N` (1-based), or a header matched exactly, then ignoring case,
 * width and spacing. Returns the candidates (more than one means the header is ambiguous).
 */
export function findColumns(header: SurveyHeader, ref: string): SurveyColumn[] {
  const pos = /^#(\d+)$/.exec(ref.trim());
  if (pos) {
    const col = header.columns[Number(pos[1]) - 1];
    return col ? [col] : [];
  }
  const exact = header.columns.filter((c) => c.key === ref);
  if (exact.length) return exact;
  const norm = normalizeLabel(ref);
  return header.columns.filter((c) => normalizeLabel(c.key) === norm);
}

/** The columns headed by a numbered title with this number (`Q12` → `Q12 · …`). */
export function columnsNumbered(header: SurveyHeader, number: string): SurveyColumn[] {
  return header.columns.filter((c) => titleNumber(c.key) === number);
}

/**
 * `findColumns` by header only (no `#N`), for looking up many names in one header: the header
 * is indexed once instead of normalised again for every name.
 */
export function columnsByName(header: SurveyHeader): (name: string) => SurveyColumn[] {
  const exact = new Map<string, SurveyColumn[]>();
  const normalized = new Map<string, SurveyColumn[]>();
  const add = (map: Map<string, SurveyColumn[]>, key: string, c: SurveyColumn) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of header.columns) {
    add(exact, c.key, c);
    add(normalized, normalizeLabel(c.key), c);
  }
  return (name) => exact.get(name) ?? normalized.get(normalizeLabel(name)) ?? [];
}

/**
 * The texts worth matching against question texts: the text without survey numbering, the text
 * before a closing note in parentheses (the roles a survey's question is put to, `… (for Manager
 * only)`), and the item part of matrix headers (`Stem [Item]`, `Stem - Item`, `9、Stem—Item`,
 * `9(Item)`).
 */
export function matchTexts(text: string): string[] {
  const out = new Set<string>();
  const t = text
    .normalize("NFKC")
    // Survey numbering: `3、`, `Q3.`, `3)`, `3:`, `3：`, and the numbered titles `Q3 · `.
    .replace(SURVEY_NUMBERING, "")
    .trim();
  if (t) out.add(t);
  const paren = /^\s*\d+\s*\((.+)\)\s*$/.exec(text.normalize("NFKC"));
  if (paren?.[1]) out.add(paren[1].trim());
  const note = paren ? null : /^(.+?)\s*\([^()]*\)$/.exec(t);
  if (note?.[1]) out.add(note[1]);
  const bracket = /\[([^\]]+)\]\s*$/.exec(t);
  if (bracket?.[1]) {
    out.add(bracket[1].trim());
    out.add(t.slice(0, bracket.index).trim());
  }
  for (const sep of [" - ", "—", " – ", ":"]) {
    const i = t.lastIndexOf(sep);
    if (i > 0 && i < t.length - sep.length) out.add(t.slice(i + sep.length).trim());
  }
  return [...out].filter(Boolean);
}

/**
 * Columns a name that matches no header may have meant, for a "did you mean" hint: those whose
 * header, without survey numbering, holds the name or is held by it (`部门` and
 * `74、您所在的部门：`, `Department` and `Q3. Department:`; the shortest such headers, not every
 * question mentioning the word), else the one nearest in spelling; at most three.
 */
export function similarColumns(header: SurveyHeader, name: string): SurveyColumn[] {
  const wanted = normalizeLabel(headingLabel(name));
  if (wanted === "") return [];
  const labelled = header.columns.map((c) => ({ c, label: normalizeLabel(headingLabel(c.key)) }));
  const holding = labelled.filter(
    ({ label }) => label !== "" && (label.includes(wanted) || wanted.includes(label)),
  );
  if (holding.length) {
    // The shortest first, and none much longer: `部门` means `您所在的部门`, not every question
    // whose text mentions a department.
    holding.sort((a, b) => a.label.length - b.label.length || a.c.index - b.c.index);
    const shortest = holding[0]?.label.length ?? 0;
    return holding
      .filter(({ label }) => label.length <= 2 * shortest)
      .slice(0, 3)
      .map(({ c }) => c);
  }
  const near = nearest(
    wanted,
    labelled.map(({ label }) => label),
    3,
  );
  return labelled
    .filter(({ label }) => label === near)
    .slice(0, 1)
    .map(({ c }) => c);
}
