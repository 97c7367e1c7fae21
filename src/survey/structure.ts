// A survey's structure, read from the platform's own structure file, for `map init --survey`:
// what each code-headed export column asks and what each answer code means. LimeSurvey: its
// tab-separated survey structure (.txt); Qualtrics: the survey file (.qsf, JSON).
import { parse } from "csv-parse/sync";
import { normalizeLabel } from "./answer-texts.js";

/** One export column as the structure describes it. */
export interface StructureColumn {
  /** The question text(s), in every language the structure holds. */
  texts: string[];
  /** Answer code (as the export writes it) → the option's texts. */
  answers: Map<string, string[]>;
}

export interface SurveyStructure {
  platform: "limesurvey" | "qualtrics";
  /** Keyed by the normalised export header (`LEAD01`, `LEAD02[SQ001]`, `Q4_1`). */
  columns: Map<string, StructureColumn>;
}

/** A structure file that cannot be read; the message is complete. */
export class StructureError extends Error {
  override name = "StructureError";
}

const stripHtml = (s: string) =>
  s
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

function add(map: Map<string, string[]>, key: string, text: string): void {
  const t = stripHtml(text);
  if (!t) return;
  const list = map.get(key);
  if (!list) map.set(key, [t]);
  else if (!list.includes(t)) list.push(t);
}

function column(columns: Map<string, StructureColumn>, key: string): StructureColumn {
  const k = normalizeLabel(key);
  let c = columns.get(k);
  if (!c) {
    c = { texts: [], answers: new Map() };
    columns.set(k, c);
  }
  return c;
}

/**
 * Reads LimeSurvey's tab-separated structure: Q rows (question code, text), SQ rows
 * (sub-questions: export column `CODE[SQ]`) and A rows (answer codes of the question above), in
 * every language.
 */
export function parseLimeSurveyStructure(text: string, display: string): SurveyStructure {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), {
      delimiter: "\t",
      columns: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (err) {
    throw new StructureError(
      `${display}: expected LimeSurvey's tab-separated survey structure; found text that does not parse (${(err as Error).message.split("\n")[0]})`,
    );
  }
  if (!rows.length || !("class" in (rows[0] ?? {})) || !("name" in (rows[0] ?? {})))
    throw new StructureError(
      `${display}: expected LimeSurvey's tab-separated survey structure (a header row with class, type/scale, name, text); found no such header`,
    );
  const columns = new Map<string, StructureColumn>();
  const texts = new Map<string, StructureColumn>();
  let question: { code: string; texts: string[] } | undefined;
  const subs: string[] = [];
  let lang = "";
  for (const r of rows) {
    const cls = (r.class ?? "").trim();
    const name = (r.name ?? "").trim();
    const t = r.text ?? "";
    if (cls === "Q") {
      if ((r.language ?? "") !== lang || question?.code !== name) subs.length = 0;
      lang = r.language ?? "";
      const c = column(columns, name);
      const qt = stripHtml(t);
      if (qt && !c.texts.includes(qt)) c.texts.push(qt);
      question = { code: name, texts: c.texts };
      texts.set(name, c);
    } else if (cls === "SQ" && question) {
      const c = column(columns, `${question.code}[${name}]`);
      const sub = stripHtml(t);
      // The statement first: the first text is the one `map init` shows beside the column.
      const texts = [
        ...(sub ? question.texts.map((qt) => `${qt} [${sub}]`) : []),
        ...question.texts,
      ];
      for (const qt of texts) if (!c.texts.includes(qt)) c.texts.push(qt);
      subs.push(name);
    } else if (cls === "A" && question) {
      const targets = [question.code, ...subs.map((s) => `${question?.code}[${s}]`)];
      for (const key of targets) add(column(columns, key).answers, name, t);
    } else if (cls === "G" || cls === "S" || cls === "SL") {
      question = undefined;
      subs.length = 0;
    }
  }
  return { platform: "limesurvey", columns };
}

interface QsfElement {
  Element?: string;
  Payload?: {
    DataExportTag?: string;
    QuestionText?: string;
    Choices?: Record<string, { Display?: string }>;
    ChoiceOrder?: (string | number)[];
    RecodeValues?: Record<string, string>;
    Answers?: Record<string, { Display?: string }>;
    Selector?: string;
    QuestionType?: string;
    /** Translations by Qualtrics language code (an empty array when there are none). */
    Language?: Record<string, QsfTranslation> | unknown[];
  } | null;
}

interface QsfTranslation {
  QuestionText?: string;
  Choices?: Record<string, { Display?: string }>;
}

/**
 * Reads a Qualtrics survey file (.qsf): each question's export tag and text; single-choice
 * questions export their recode values (or choice ids) in the numeric export and their texts in
 * the text export; a matrix exports one column per statement (`TAG_choice`), answered on its
 * scale (`Answers`). Translations (`Language`) add their question and choice texts, so an export
 * in any language of the survey maps.
 */
export function parseQsf(text: string, display: string): SurveyStructure {
  let doc: { SurveyElements?: QsfElement[] };
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new StructureError(
      `${display}: expected a Qualtrics survey file (.qsf, JSON); found text that is not JSON`,
    );
  }
  if (!Array.isArray(doc?.SurveyElements))
    throw new StructureError(
      `${display}: expected a Qualtrics survey file (.qsf) with SurveyElements; found other JSON`,
    );
  const columns = new Map<string, StructureColumn>();
  for (const el of doc.SurveyElements) {
    const p = el.Element === "SQ" ? el.Payload : undefined;
    if (!p?.DataExportTag) continue;
    const tag = p.DataExportTag;
    const qText = stripHtml(p.QuestionText ?? "");
    const recode = (id: string) => p.RecodeValues?.[id] ?? id;
    const translations: QsfTranslation[] =
      p.Language && !Array.isArray(p.Language)
        ? Object.values(p.Language).filter((t): t is QsfTranslation => !!t && typeof t === "object")
        : [];
    if (p.QuestionType === "Matrix" && p.Answers) {
      for (const [id, choice] of Object.entries(p.Choices ?? {})) {
        const c = column(columns, `${tag}_${id}`);
        const statement = stripHtml(choice.Display ?? "");
        c.texts.push(statement ? `${qText} - ${statement}` : qText);
        for (const [aid, answer] of Object.entries(p.Answers))
          add(c.answers, recode(aid), answer.Display ?? "");
      }
    } else {
      const c = column(columns, tag);
      if (qText) c.texts.push(qText);
      for (const [id, choice] of Object.entries(p.Choices ?? {}))
        add(c.answers, recode(id), choice.Display ?? "");
      for (const t of translations) {
        const tText = stripHtml(t.QuestionText ?? "");
        if (tText && !c.texts.includes(tText)) c.texts.push(tText);
        for (const [id, choice] of Object.entries(t.Choices ?? {}))
          if (p.Choices?.[id]) add(c.answers, recode(id), choice.Display ?? "");
      }
    }
  }
  return { platform: "qualtrics", columns };
}

/** Reads a structure file's text: JSON is a Qualtrics .qsf, anything else LimeSurvey's .txt. */
export function parseStructure(text: string, display: string): SurveyStructure {
  return /^\uFEFF?\s*\{/.test(text)
    ? parseQsf(text, display)
    : parseLimeSurveyStructure(text, display);
}
