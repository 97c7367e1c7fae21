import { MAPPING_PLACEHOLDERS } from "../core/answers/placeholders.js";
import type { AnswerValue } from "../core/models/mapping.js";
import type { Question } from "../core/questionnaire/schema.js";
import { type Questionnaire, respondentRoles } from "../core/questionnaire/types.js";
import { oneLine } from "../core/text/one-line.js";
import { shellQuote } from "../core/text/shell.js";
import { loadYaml } from "../io/yaml.js";
import { builtinLabelMap, leadingScaleNumber, normalizeLabel } from "./answer-texts.js";
import { matchTexts, parseHeader, type SurveyColumn, type SurveyHeader } from "./header.js";
import { detectPreset, type Preset } from "./presets.js";
import type { SurveyStructure } from "./structure.js";

/** A column matched to a question, with how sure the match is (0–1). */
export interface ColumnMatch {
  column: SurveyColumn;
  question: Question;
  score: number;
}

/** Everything `map init` worked out, before it is written as YAML. */
export interface MappingSuggestion {
  preset: Preset;
  header: SurveyHeader;
  idColumn?: SurveyColumn;
  roleColumn?: SurveyColumn;
  roleValues: { label: string; role?: string }[];
  groupBy: SurveyColumn[];
  matches: ColumnMatch[];
  unmatchedColumns: SurveyColumn[];
  unmatchedQuestions: Question[];
  unknownLabels: string[];
  /** Answer codes of matched columns, resolved through a survey structure file. */
  columnLabels: Map<SurveyColumn, Record<string, AnswerValue>>;
  /** Answer codes of matched columns whose texts in the structure file resolve to no value. */
  unresolvedCodes: Map<SurveyColumn, { code: string; text: string }[]>;
  /** The structure file's platform, when one was given. */
  structure?: SurveyStructure["platform"];
  /** Empty rows above a one-row header, which count as header rows (the header's row is one more). */
  emptyRowsAbove: number;
}

/** Matches at or above this score are written as mappings; below it they are left as comments. */
export const MATCH_THRESHOLD = 0.5;
/** Matches below this score are written with a "check" comment. */
export const SURE_THRESHOLD = 0.75;

const STOPWORDS = new Set(
  "a an the of to and or is are be been in on for with does do did how what which who your our we you this that these those by as at it its from has have there their they any all".split(
    " ",
  ),
);

/** Word tokens for Latin text and character bigrams for Chinese, for fuzzy matching. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  const norm = text.normalize("NFKC").toLowerCase();
  for (const m of norm.matchAll(/[a-z0-9]+/g)) {
    let w = m[0];
    if (STOPWORDS.has(w) || (w.length === 1 && !/\d/.test(w))) continue;
    if (w.length > 4 && w.endsWith("s")) w = w.slice(0, -1);
    out.add(w);
  }
  for (const m of norm.matchAll(/[\p{Script=Han}]+/gu)) {
    const run = m[0];
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

const squash = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_]+/g, "");

// Every column is matched against every question: each side's words are worked out once.
const questionWords = new WeakMap<Question, { id: string; texts: Set<string>[] }>();
const columnWords = new WeakMap<SurveyColumn, { names: string[]; texts: Set<string>[] }>();

function wordsOfQuestion(question: Question): { id: string; texts: Set<string>[] } {
  let words = questionWords.get(question);
  if (!words) {
    words = { id: squash(question.id), texts: Object.values(question.text).map(tokens) };
    questionWords.set(question, words);
  }
  return words;
}

function wordsOfColumn(column: SurveyColumn): { names: string[]; texts: Set<string>[] } {
  let words = columnWords.get(column);
  if (!words) {
    const texts = new Set([
      ...matchTexts(column.text),
      ...matchTexts(column.key),
      ...(column.alt ?? []).flatMap(matchTexts),
    ]);
    words = { names: [squash(column.key), squash(column.text)], texts: [...texts].map(tokens) };
    columnWords.set(column, words);
  }
  return words;
}

/** Whether a column is named by a question's id: `id`, `…[id]…`, `…(id)…` or `id: …`. */
function namesId(names: string[], id: string): boolean {
  return names.some(
    (s) => s === id || s.includes(`[${id}]`) || s.includes(`(${id})`) || s.startsWith(`${id}:`),
  );
}

/** How well a column matches a question: 1 for its id, else the best token overlap of any text. */
export function matchScore(column: SurveyColumn, question: Question): number {
  const q = wordsOfQuestion(question);
  const c = wordsOfColumn(column);
  return namesId(c.names, q.id) ? 1 : textScore(c.texts, q.texts);
}

/** The best token overlap between any text of a column and any text of a question. */
function textScore(columnTexts: Set<string>[], questionTexts: Set<string>[]): number {
  let best = 0;
  for (const ct of columnTexts) for (const qt of questionTexts) best = Math.max(best, dice(ct, qt));
  return best;
}

/** Pairs scoring below this are never assigned, so they are not kept. */
const KEEP_THRESHOLD = MATCH_THRESHOLD * 0.6;

/**
 * The questions worth scoring against one column: those its names could name by id, and those
 * sharing a word with it (any other question scores 0). An index over the questions' ids and
 * words, so `map init` does work in proportion to the columns, not columns × questions.
 */
export class QuestionIndex {
  private readonly byId = new Map<string, Question[]>();
  private readonly byToken = new Map<string, Question[]>();
  /** Column–question pairs scored so far (for tests: it grows with the columns, not their square). */
  scored = 0;

  constructor(private readonly questions: readonly Question[]) {
    for (const q of questions) {
      const w = wordsOfQuestion(q);
      push(this.byId, w.id, q);
      for (const t of new Set(w.texts.flatMap((set) => [...set]))) push(this.byToken, t, q);
    }
  }

  /** The id candidates of a name: the whole, `[…]` and `(…)` contents, the part before `:`. */
  private idCandidates(names: string[]): Question[] {
    const out = new Set<Question>();
    for (const s of names) {
      const keys = [s, s.split(":")[0] ?? ""];
      for (const m of s.matchAll(/\[([^\]]*)\]|\(([^)]*)\)/g)) keys.push(m[1] ?? m[2] ?? "");
      for (const k of keys) for (const q of this.byId.get(k) ?? []) out.add(q);
    }
    return [...out];
  }

  /** Every question that could be assigned to `column` (a score of at least 0.3), with its score. */
  matches(column: SurveyColumn): { question: Question; score: number }[] {
    const c = wordsOfColumn(column);
    const out: { question: Question; score: number }[] = [];
    const seen = new Set<Question>();
    for (const q of this.idCandidates(c.names)) {
      if (!namesId(c.names, wordsOfQuestion(q).id)) continue;
      seen.add(q);
      out.push({ question: q, score: 1 });
    }
    const candidates = new Set<Question>();
    for (const set of c.texts)
      for (const t of set) for (const q of this.byToken.get(t) ?? []) candidates.add(q);
    for (const q of this.questions) {
      if (seen.has(q) || !candidates.has(q)) continue;
      this.scored++;
      const score = textScore(c.texts, wordsOfQuestion(q).texts);
      if (score >= KEEP_THRESHOLD) out.push({ question: q, score });
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const ROLE_HEADERS = [
  "role",
  "your role",
  "position",
  "job title",
  "job level",
  "job role",
  "level",
  "角色",
  "职位",
  "岗位",
  "职务",
  "职级",
  "层级",
  "您的职位",
  "您的角色",
  "您的岗位",
];

const GROUP_HEADERS = [
  "department",
  "dept",
  "division",
  "business unit",
  "region",
  "branch",
  "site",
  "team",
  "部门",
  "所在部门",
  "事业部",
  "地区",
  "区域",
  "分公司",
  "团队",
];

/** Common ways surveys name the standard pack's roles. */
const ROLE_SYNONYMS: Record<string, string[]> = {
  executive: [
    "CEO",
    "Chief executive",
    "Executive",
    "Senior management",
    "Top management",
    "Board",
    "高管",
    "高层",
    "高层管理者",
    "总经理",
    "总裁",
    "管理层",
  ],
  manager: [
    "Manager",
    "Middle management",
    "Middle manager",
    "Department head",
    "Team lead",
    "中层",
    "中层经理",
    "中层管理者",
    "经理",
    "部门经理",
    "主管",
  ],
  frontline: [
    "Front line",
    "Frontline",
    "Front-line staff",
    "Staff",
    "Employee",
    "Sales",
    "Agent",
    "一线",
    "一线员工",
    "员工",
    "基层员工",
    "普通员工",
  ],
  it: ["IT", "IT staff", "IT department", "IT人员", "信息部", "信息技术", "技术人员"],
};

const HAN = /\p{Script=Han}/u;

/** A test per name: a whole word, or a Chinese substring. Compiled once per list. */
const nameTests = new WeakMap<string[], ((text: string) => boolean)[]>();

/** Whether a short header names one of `names` (a whole word, or a Chinese substring). */
function headerHas(col: SurveyColumn, names: string[]): boolean {
  let tests = nameTests.get(names);
  if (!tests) {
    tests = names.map((n) => {
      if (HAN.test(n)) return (t: string) => t.includes(n);
      const re = new RegExp(`(^|[^a-z])${n}($|[^a-z])`);
      return (t: string) => re.test(t);
    });
    nameTests.set(names, tests);
  }
  const texts = [col.key, ...matchTexts(col.text)]
    // A trailing ? ？ : ：
    .map((t) => normalizeLabel(t).replace(/[?\uFF1F:\uFF1A]+$/, ""))
    .filter((t) => t.length <= 40);
  return texts.some((t) => (tests as ((text: string) => boolean)[]).some((test) => test(t)));
}

/** The role a survey's role answer most likely means: the longest known name it contains. */
function guessRole(value: string, known: Map<string, string>): string | undefined {
  const norm = normalizeLabel(value);
  const exact = known.get(norm);
  if (exact) return exact;
  const words = new Set(norm.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  let best: string | undefined;
  let bestLength = 0;
  for (const [name, role] of known) {
    const hit = HAN.test(name)
      ? norm.includes(name)
      : name.split(/[^\p{L}\p{N}]+/u).every((w) => !w || words.has(w));
    if (hit && name.length > bestLength) {
      best = role;
      bestLength = name.length;
    }
  }
  return best;
}

/** Greedy assignment of columns to questions, best score first; one question per column. */
function assignColumns(
  open: SurveyColumn[],
  scores: Map<SurveyColumn, Array<{ question: Question; score: number }>>,
  order: Map<Question, number>,
): { matches: ColumnMatch[]; usedColumns: Set<SurveyColumn>; usedQuestions: Set<Question> } {
  const pairs: ColumnMatch[] = [];
  for (const column of open) {
    for (const m of scores.get(column) ?? []) pairs.push({ column, ...m });
  }
  // Greedy assignment, best first; ties fall back to column order, then questionnaire order.
  pairs.sort(
    (a, b) =>
      b.score - a.score ||
      a.column.index - b.column.index ||
      (order.get(a.question) ?? 0) - (order.get(b.question) ?? 0),
  );
  const usedColumns = new Set<SurveyColumn>();
  const usedQuestions = new Set<Question>();
  const matches: ColumnMatch[] = [];
  for (const p of pairs) {
    if (p.score < KEEP_THRESHOLD) break;
    if (usedColumns.has(p.column) || usedQuestions.has(p.question)) continue;
    usedColumns.add(p.column);
    usedQuestions.add(p.question);
    matches.push(p);
  }
  matches.sort((a, b) => a.column.index - b.column.index);
  return { matches, usedColumns, usedQuestions };
}

/** The role column's values in the sample (and, with a structure file, every answer code). */
function suggestRoleValues(
  roleColumn: SurveyColumn,
  sampleRows: string[][],
  questionnaire: Questionnaire,
  structure: SurveyStructure | undefined,
): MappingSuggestion["roleValues"] {
  const roleValues: MappingSuggestion["roleValues"] = [];
  const known = new Map<string, string>();
  for (const r of respondentRoles(questionnaire)) {
    known.set(normalizeLabel(r.id), r.id);
    for (const n of Object.values(r.name)) known.set(normalizeLabel(n), r.id);
    for (const s of ROLE_SYNONYMS[r.id] ?? []) known.set(normalizeLabel(s), r.id);
  }
  const seen = new Set<string>();
  for (const row of sampleRows) {
    const v = (row[roleColumn.index] ?? "").trim();
    if (!v || seen.has(v)) continue;
    seen.add(v);
    const role = guessRole(v, known);
    roleValues.push(role ? { label: v, role } : { label: v });
  }
  // With a structure file, every answer code of the role question, resolved by its texts.
  const codes = structure?.columns.get(normalizeLabel(roleColumn.key))?.answers;
  for (const [code, texts] of codes ?? []) {
    const role = texts.map((t) => guessRole(t, known)).find((r) => r !== undefined);
    const i = roleValues.findIndex((v) => v.label === code);
    if (i >= 0) roleValues.splice(i, 1);
    roleValues.push(role ? { label: code, role } : { label: code });
  }
  return roleValues;
}

/** Answer labels per matched column from a structure file, and the sample's unknown labels. */
function suggestLabels(
  matches: ColumnMatch[],
  sampleRows: string[][],
  preset: MappingSuggestion["preset"],
  structure: SurveyStructure | undefined,
): Pick<MappingSuggestion, "columnLabels" | "unresolvedCodes"> & { unknown: Set<string> } {
  const builtin = builtinLabelMap();
  const presetLabels = new Set(Object.keys(preset.labels).map(normalizeLabel));
  const unknown = new Set<string>();
  const columnLabels = new Map<SurveyColumn, Record<string, AnswerValue>>();
  const unresolvedCodes = new Map<SurveyColumn, { code: string; text: string }[]>();
  for (const m of matches) {
    const levelOf = new Map<string, number>();
    for (const [level, t] of Object.entries(m.question.levels ?? {}))
      for (const text of Object.values(t)) levelOf.set(normalizeLabel(text), Number(level));
    const anchors = new Set(levelOf.keys());
    const answers = structure?.columns.get(normalizeLabel(m.column.key))?.answers;
    if (answers?.size) {
      const labels: Record<string, AnswerValue> = {};
      const unresolved: { code: string; text: string }[] = [];
      for (const [code, texts] of answers) {
        for (const t of texts) {
          const n = normalizeLabel(t);
          const value = levelOf.get(n) ?? builtin.get(n) ?? leadingScaleNumber(n);
          if (value !== undefined) {
            labels[code] = value;
            break;
          }
        }
        if (!(code in labels)) unresolved.push({ code, text: texts[0] ?? "" });
      }
      if (Object.keys(labels).length) columnLabels.set(m.column, labels);
      if (unresolved.length) unresolvedCodes.set(m.column, unresolved);
    }
    const coded = new Set(Object.keys(columnLabels.get(m.column) ?? {}).map(normalizeLabel));
    for (const row of sampleRows) {
      const v = (row[m.column.index] ?? "").trim();
      if (!v) continue;
      const n = normalizeLabel(v);
      if (
        builtin.has(n) ||
        anchors.has(n) ||
        coded.has(n) ||
        n in preset.labels ||
        presetLabels.has(n)
      )
        continue;
      if (/^[1-5](?:\.0+)?$/.test(n) || leadingScaleNumber(n) !== undefined) continue;
      unknown.add(v);
    }
  }
  return { columnLabels, unresolvedCodes, unknown };
}

/** Works out a mapping for an export from its first rows (header rows, then a sample of data). */
export function suggestMapping(
  rows: string[][],
  questionnaire: Questionnaire,
  structure?: SurveyStructure,
): MappingSuggestion {
  // A sheet whose header is not on row 1 has empty rows above it, which batch reads as header
  // rows (as a CSV's empty lines); presets of several header rows place them from row 1.
  let above = rows.findIndex((r) => r.some((c) => c.trim() !== ""));
  const preset = detectPreset(rows.slice(Math.max(above, 0), Math.max(above, 0) + 3));
  if (above < 0 || preset.headerRows !== 1) above = 0;
  const headerRows = above + preset.headerRows;
  const header = parseHeader(rows.slice(0, headerRows), preset, above + preset.keyRow);
  // A structure file says what code-headed columns ask.
  if (structure) {
    for (const c of header.columns) {
      const s = structure.columns.get(normalizeLabel(c.key));
      if (!s?.texts.length) continue;
      c.text = s.texts[0] as string;
      c.alt = s.texts.slice(1);
    }
  }
  const sampleRows = rows.slice(headerRows);
  const metadata = new Set(preset.metadata.map(normalizeLabel));
  const keys = header.columns.map((c) => normalizeLabel(c.key));
  const firstWithKey = new Map<string, SurveyColumn>();
  header.columns.forEach((c, i) => {
    const k = keys[i] as string;
    if (!firstWithKey.has(k)) firstWithKey.set(k, c);
  });
  const idColumn = preset.idColumns
    .map((name) => firstWithKey.get(normalizeLabel(name)))
    .find((c) => c !== undefined);
  const questions = questionnaire.dimensions.flatMap((d) => d.questions);
  const order = new Map(questions.map((q, i) => [q, i]));
  const index = new QuestionIndex(questions);
  const candidates = header.columns.filter(
    (c, i) => c.key !== "" && !metadata.has(keys[i] as string) && c !== idColumn,
  );
  const scores = new Map(candidates.map((c) => [c, index.matches(c)]));
  // Columns named by a question id are questions, whatever words the id contains.
  // So are columns whose header is plainly a question's text, whatever words it contains (问卷星's
  // "与个人业绩相比，团队业绩……" names a team, but asks a question).
  const named = new Set(
    candidates.filter((c) => scores.get(c)?.some((m) => m.score >= SURE_THRESHOLD)),
  );
  const roleColumn = candidates.find((c) => !named.has(c) && headerHas(c, ROLE_HEADERS));
  const groupBy = candidates.filter(
    (c) => c !== roleColumn && !named.has(c) && headerHas(c, GROUP_HEADERS),
  );
  const grouped = new Set(groupBy);
  const open = candidates.filter((c) => c !== roleColumn && !grouped.has(c));

  const { matches, usedColumns, usedQuestions } = assignColumns(open, scores, order);

  const roleValues = roleColumn
    ? suggestRoleValues(roleColumn, sampleRows, questionnaire, structure)
    : [];

  const { columnLabels, unresolvedCodes, unknown } = suggestLabels(
    matches,
    sampleRows,
    preset,
    structure,
  );

  return {
    preset,
    header,
    ...(idColumn ? { idColumn } : {}),
    ...(roleColumn ? { roleColumn } : {}),
    roleValues,
    groupBy,
    matches,
    unmatchedColumns: open.filter((c) => !usedColumns.has(c)),
    unmatchedQuestions: questions.filter((q) => !usedQuestions.has(q)),
    unknownLabels: [...unknown].slice(0, 30),
    columnLabels,
    unresolvedCodes,
    ...(structure ? { structure: structure.platform } : {}),
    emptyRowsAbove: above,
  };
}

/** A YAML scalar on one line, quoted when it must be (also inside `[…]` and `{…}`). */
function scalar(value: string): string {
  const out = loadYaml().stringify(value, { lineWidth: 0 }).trimEnd();
  return out.includes("\n") || /[,[\]{}#]|: /.test(out) ? JSON.stringify(value) : out;
}

// How many columns share each normalised header, counted once per header.
const headerCounts = new WeakMap<SurveyHeader, Map<string, number>>();

/** The reference a mapping uses for a column: its header when unique, else `#N`. */
function ref(header: SurveyHeader, col: SurveyColumn): string {
  let counts = headerCounts.get(header);
  if (!counts) {
    counts = new Map();
    for (const c of header.columns) {
      const k = normalizeLabel(c.key);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    headerCounts.set(header, counts);
  }
  return col.key && counts.get(normalizeLabel(col.key)) === 1 ? col.key : `#${col.index + 1}`;
}

/** The preset's exclusion rules for the columns this export has, as the mapping's `exclude`. */
function excludeLines(s: MappingSuggestion): string[] {
  const keys = new Set(s.header.columns.map((c) => normalizeLabel(c.key)));
  const rules = s.preset.exclude.filter((r) => keys.has(normalizeLabel(r.column)));
  if (!rules.length) {
    return ["exclude: []  # e.g. - { column: Status, equals: [Test], reason: test response }"];
  }
  return [
    "exclude:",
    ...rules.map((r) => {
      const conds: string[] = [`column: ${scalar(r.column)}`];
      if (r.equals) conds.push(`equals: [${r.equals.map(scalar).join(", ")}]`);
      if (r.notEquals) conds.push(`notEquals: [${r.notEquals.map(scalar).join(", ")}]`);
      if (r.matches !== undefined) conds.push(`matches: ${scalar(r.matches)}`);
      if (r.empty !== undefined) conds.push(`empty: ${r.empty}`);
      if (r.reason) conds.push(`reason: ${scalar(r.reason)}`);
      return `  - { ${conds.join(", ")} }`;
    }),
  ];
}

/** Writes a suggestion as a commented `mapping.yaml`. */
export function renderSuggestion(
  s: MappingSuggestion,
  opts: {
    exportName: string;
    questionnaire: Questionnaire;
    date: string;
    schemaRef?: string;
    /** `-q` as the user gave it; absent for the bundled pack. */
    questionnaireArg?: string;
  },
): string {
  const q = opts.questionnaire;
  const lines: string[] = [];
  if (opts.schemaRef) lines.push(`# yaml-language-server: $schema=${opts.schemaRef}`);
  lines.push(
    `# Suggested by \`crm-maturity map init\` from ${oneLine(opts.exportName, 70)} for questionnaire ${q.id} ${q.version}.`,
    "# Review every line marked TODO or check, then run:",
    `#   crm-maturity batch ${oneLine(opts.exportName, 70)} --map <this file>${opts.questionnaireArg ? ` -q ${shellQuote(opts.questionnaireArg)}` : ""}`,
    "assessment:",
    `  client: { name: ${JSON.stringify(MAPPING_PLACEHOLDERS.name)} }  # TODO also industry and size`,
    `  date: ${opts.date}  # TODO the assessment date`,
    `  assessor: ${JSON.stringify(MAPPING_PLACEHOLDERS.assessor)}`,
    `  questionnaire: { id: ${q.id}, version: ${scalar(q.version)} }`,
    `preset: ${s.preset.id}  # ${s.preset.title}`,
    s.emptyRowsAbove
      ? `headerRows: ${s.emptyRowsAbove + 1}  # the header is row ${s.emptyRowsAbove + 1}; the empty rows above it count\nkeyRow: ${s.emptyRowsAbove + 1}`
      : `headerRows: ${s.preset.headerRows}`,
    "respondent:",
  );
  const h = s.header;
  if (s.idColumn) lines.push(`  id: ${scalar(ref(h, s.idColumn))}`);
  else
    lines.push(
      "  # id: <column with a unique respondent id>  # TODO none found; row numbers are used",
    );
  lines.push("  role:");
  if (s.roleColumn) {
    lines.push(
      `    column: ${scalar(ref(h, s.roleColumn))}  # check: ${oneLine(s.roleColumn.text, 70)}`,
    );
    const mapped = s.roleValues.filter((v) => v.role);
    const unmapped = s.roleValues.filter((v) => !v.role);
    if (mapped.length) {
      lines.push("    values:");
      for (const v of mapped) lines.push(`      ${scalar(v.label)}: ${v.role}`);
    } else lines.push("    values: {}");
    for (const v of unmapped) {
      lines.push(
        `      # ${scalar(v.label)}: <role>  # TODO seen in the export; roles: ${respondentRoles(q)
          .map((r) => r.id)
          .join(", ")}`,
      );
    }
  } else {
    lines.push(
      `    default: ${respondentRoles(q)[0]?.id ?? "respondent"}  # TODO no role column found; every respondent gets this role`,
      "    # column: <column with each respondent's role>",
    );
  }
  if (s.groupBy.length) {
    lines.push(`groupBy: [${s.groupBy.map((c) => scalar(ref(h, c))).join(", ")}]  # check`);
  } else lines.push("groupBy: []  # columns to break statistics down by, e.g. [Department]");
  lines.push(...excludeLines(s), "questions:");
  const sure = s.matches.filter((m) => m.score >= MATCH_THRESHOLD);
  const weak = s.matches.filter((m) => m.score < MATCH_THRESHOLD);
  for (const m of sure) {
    const note = m.score >= SURE_THRESHOLD ? "" : "check: ";
    const labels = s.columnLabels.get(m.column);
    const target = labels
      ? `{ question: ${m.question.id}, labels: { ${Object.entries(labels)
          .map(([k, v]) => `${scalar(k)}: ${v}`)
          .join(", ")} } }`
      : m.question.id;
    lines.push(
      `  ${scalar(ref(h, m.column))}: ${target}  # ${note}${m.score.toFixed(2)} ${oneLine(m.column.text, 60)}`,
    );
    const unresolved = s.unresolvedCodes.get(m.column);
    if (unresolved) {
      lines.push(
        `    # TODO answer codes whose text gives no value; add each to this column's labels: ${unresolved
          .map((u) => `${scalar(u.code)} (${oneLine(u.text, 30)})`)
          .join(", ")}`,
      );
    }
  }
  if (!sure.length) lines.push("  {}  # TODO no column matched a question");
  const unmatched = [...s.unmatchedColumns, ...weak.map((m) => m.column)].sort(
    (a, b) => a.index - b.index,
  );
  const weakOf = new Map(weak.map((m) => [m.column, m]));
  const weakQuestions = new Set(weak.map((m) => m.question));
  if (unmatched.length) {
    lines.push("  # TODO columns not matched to a question (map them or leave them out):");
    for (const c of unmatched) {
      const guess = weakOf.get(c);
      lines.push(
        `  # ${scalar(ref(h, c))}: ${guess ? `${guess.question.id}  # weak match ${guess.score.toFixed(2)}` : "<question id>"}  — ${oneLine(c.text, 60)}`,
      );
    }
  }
  const missing = s.unmatchedQuestions.filter((qq) => !weakQuestions.has(qq));
  if (missing.length) {
    lines.push("# Questions with no column (they stay unanswered unless mapped):");
    for (const qq of missing) {
      lines.push(`#   ${qq.id}  — ${oneLine(Object.values(qq.text)[0] ?? "", 70)}`);
    }
  }
  if (s.unknownLabels.length) {
    lines.push("labels:  # TODO answers seen that no built-in label covers; give each a value");
    for (const l of s.unknownLabels) lines.push(`  # ${scalar(l)}: <1-5 | na | unknown>`);
    lines.push("  {}");
  } else {
    lines.push('labels: {}  # extra answer labels, e.g. "Agree somewhat": 4');
  }
  return `${lines.join("\n")}\n`;
}
