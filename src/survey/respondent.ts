import type { Issue } from "../core/diagnostics/issue.js";
import { makeIssue } from "../core/diagnostics/source.js";
import { LANGS } from "../core/models/languages.js";
import type { AnswerValue, ExclusionRule, Mapping } from "../core/models/mapping.js";
import { type Questionnaire, respondentRoles } from "../core/questionnaire/types.js";
import { ANSWER_ABSENT, ANSWER_NA, ANSWER_UNKNOWN } from "../core/scoring/answer-codes.js";
import { oneLine } from "../core/text/one-line.js";
import { messagesFor } from "../i18n/index.js";
import { answerCode, builtinLabelMap, leadingScaleNumber, normalizeLabel } from "./answer-texts.js";
import {
  columnLetter,
  columnsNumbered,
  describeColumn,
  findColumns,
  type SurveyColumn,
  type SurveyHeader,
} from "./header.js";
import { type LoadedMapping, questionOf } from "./mapping.js";
import { PRESETS, type Preset } from "./presets.js";
import { titleNumber } from "./question-numbers.js";

/** Whether a cell holds anything but white space (cheap for the usual cell). */
export function hasText(cell: string): boolean {
  return cell.length !== 0 && (cell.charCodeAt(0) > 32 || cell.trim() !== "");
}

/** `cell.trim()`, without allocating for the usual cell that needs no trimming. */
export function trimCell(cell: string): string {
  const n = cell.length;
  return n === 0 || (cell.charCodeAt(0) > 32 && cell.charCodeAt(n - 1) > 32) ? cell : cell.trim();
}

/** Longest respondent id accepted, in characters (longer cells are not ids). */
export const MAX_ID_LENGTH = 200;

/** Why a row was rejected; stable names used in the rejects file and the summary. */
export const REJECT_KINDS = [
  "invalid-answer",
  "missing-role",
  "unknown-role",
  "missing-id",
  "invalid-id",
  "duplicate-id",
  "truncated-row",
  "extra-cells",
  "no-answers",
] as const;
export type RejectKind = (typeof REJECT_KINDS)[number];

/** One problem with a row: where, what was found and what was expected. */
export interface RowProblem {
  kind: RejectKind;
  column?: SurveyColumn;
  value: string;
  expected: string;
  /** Describes what was found when the cell value alone does not (e.g. a row's length). */
  found?: string;
  /** How to fix it, when that is not obvious. */
  hint?: string;
}

/** One question column, resolved against the export's header. */
export interface QuestionSlot {
  column: SurveyColumn;
  questionId: string;
  /** Labels given for this column only. */
  labels?: Record<string, AnswerValue>;
}

/** An exclusion rule resolved against the header. */
export interface BoundExclusion {
  column: SurveyColumn;
  reason: string;
  test(cell: string): boolean;
}

/** A mapping bound to one export's header: every column reference resolved to a position. */
export interface BoundMapping {
  preset: Preset;
  header: SurveyHeader;
  idColumn?: SurveyColumn;
  roleColumn?: SurveyColumn;
  groupBy: SurveyColumn[];
  exclusions: BoundExclusion[];
  slots: QuestionSlot[];
}

/** The header rows and key row a mapping asks for (its own, else its preset's). */
export function headerLayout(mapping: Mapping): {
  preset: Preset;
  headerRows: number;
  keyRow: number;
} {
  const preset = PRESETS[mapping.preset];
  return {
    preset,
    headerRows: mapping.headerRows ?? preset.headerRows,
    keyRow: mapping.keyRow ?? preset.keyRow,
  };
}

function describeRule(rule: ExclusionRule): string {
  if (rule.reason) return rule.reason;
  const parts: string[] = [];
  if (rule.equals) parts.push(`is ${rule.equals.map((v) => JSON.stringify(v)).join(" or ")}`);
  if (rule.notEquals) {
    parts.push(`is not ${rule.notEquals.map((v) => JSON.stringify(v)).join(" or ")}`);
  }
  if (rule.matches !== undefined) parts.push(`matches /${rule.matches}/`);
  if (rule.empty !== undefined) parts.push(rule.empty ? "is empty" : "is not empty");
  return `${rule.column} ${parts.join(" and ")}`;
}

/** Distinct raw values remembered per column (label resolutions, exclusion verdicts). */
const CACHE_LIMIT = 1024;

function compileRule(rule: ExclusionRule): (cell: string) => boolean {
  const equals = rule.equals ? new Set(rule.equals.map(normalizeLabel)) : undefined;
  const notEquals = rule.notEquals ? new Set(rule.notEquals.map(normalizeLabel)) : undefined;
  const re = rule.matches !== undefined ? new RegExp(rule.matches, "iu") : undefined;
  const test = (cell: string) => {
    if (rule.empty !== undefined && (cell.trim() === "") !== rule.empty) return false;
    if (!equals && !notEquals && !re) return true;
    const norm = normalizeLabel(cell);
    if (equals && !equals.has(norm)) return false;
    if (notEquals?.has(norm)) return false;
    if (re && !re.test(cell)) return false;
    return true;
  };
  // Status-like columns hold few distinct values; remember the verdicts.
  const cache = new Map<string, boolean>();
  return (cell) => {
    let hit = cache.get(cell);
    if (hit === undefined) {
      hit = test(cell);
      if (cache.size < CACHE_LIMIT) cache.set(cell, hit);
    }
    return hit;
  };
}

/**
 * Resolves every column a mapping names against the export's header. Problems are located in
 * the mapping file; unknown `--group-by` columns come back separately (they are usage errors).
 */
export function bindMapping(
  loaded: LoadedMapping,
  header: SurveyHeader,
  groupByOverride?: string[],
  questionnaire?: Questionnaire,
): {
  bound?: BoundMapping;
  issues: Issue[];
  /** `--group-by` columns naming no column, or several (`found`). */
  unknownGroupBy: { ref: string; found: SurveyColumn[] }[];
  /**
   * One line per column found only by its title's number (its wording edited on the platform),
   * located in the mapping, for the analyst to check it still asks the question mapped.
   */
  notices: string[];
} {
  const { mapping, file } = loaded;
  const { preset, keyRow } = headerLayout(mapping);
  const issues: Issue[] = [];
  const unknownGroupBy: { ref: string; found: SurveyColumn[] }[] = [];
  const notices: string[] = [];
  const byId = new Map(
    questionnaire?.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q] as const)) ?? [],
  );
  const questionTexts = (id: string): string[] =>
    Object.values(byId.get(id)?.text ?? {}).filter((t): t is string => typeof t === "string");
  const sample = header.columns
    .slice(0, 8)
    .map((c) => JSON.stringify(c.key))
    .join(", ");
  const resolve = (ref: string, where: (string | number)[], key = false, texts: string[] = []) => {
    const { column, found, number } = resolveColumn(header, preset, ref, texts);
    if (column) {
      if (number) notices.push(numberNotice(file, where, key, ref, number, column));
      return column;
    }
    const columns = found.map((c) => columnLetter(c.index)).join(", ");
    const refs = found.map((c) => `"#${c.index + 1}"`).join(" or ");
    issues.push(
      makeIssue(
        "unresolved-reference",
        found.length
          ? `expected ${JSON.stringify(ref)} to name one column; found ${number ? `its number, ${number}, heading` : "it in"} columns ${columns} (refer to one as ${refs})`
          : `expected a column named ${JSON.stringify(ref)}${number ? `, or one whose header starts with its number (${number} · …),` : ""} in header row ${keyRow} of the export; found none (${sample ? `the columns start ${sample}${header.columns.length > 8 ? ", …" : ""}` : `row ${keyRow} is empty: if the header is lower down, set headerRows and keyRow to its row number`})`,
        file.display,
        file.locate(where, { key }),
      ),
    );
    return undefined;
  };
  const idColumn =
    mapping.respondent.id !== undefined
      ? resolve(mapping.respondent.id, ["respondent", "id"])
      : undefined;
  const roleColumn =
    mapping.respondent.role.column !== undefined
      ? resolve(
          mapping.respondent.role.column,
          ["respondent", "role", "column"],
          false,
          roleQuestionTexts(),
        )
      : undefined;
  const groupBy: SurveyColumn[] = [];
  if (groupByOverride?.length) {
    for (const ref of groupByOverride) {
      const found = findColumns(header, ref);
      if (found.length === 1 && found[0]) groupBy.push(found[0]);
      else unknownGroupBy.push({ ref, found });
    }
  } else {
    mapping.groupBy.forEach((ref, i) => {
      const col = resolve(ref, ["groupBy", i]);
      if (col) groupBy.push(col);
    });
  }
  const exclusions: BoundExclusion[] = [];
  mapping.exclude.forEach((rule, i) => {
    const col = resolve(rule.column, ["exclude", i, "column"]);
    if (col) exclusions.push({ column: col, reason: describeRule(rule), test: compileRule(rule) });
  });
  const slots: QuestionSlot[] = [];
  for (const [ref, entry] of Object.entries(mapping.questions)) {
    const col = resolve(ref, ["questions", ref], true, questionTexts(questionOf(entry)));
    if (!col) continue;
    const labels = typeof entry === "string" ? undefined : entry.labels;
    slots.push({ column: col, questionId: questionOf(entry), ...(labels ? { labels } : {}) });
  }
  if (issues.length) return { issues, unknownGroupBy, notices: [] };
  return {
    bound: {
      preset,
      header,
      ...(idColumn ? { idColumn } : {}),
      ...(roleColumn ? { roleColumn } : {}),
      groupBy,
      exclusions,
      slots,
    },
    issues,
    unknownGroupBy,
    notices,
  };
}

/** `mapping.yaml:14:3: "Q3 · …" found by its number, Q3, in column E, headed "Q3 · …": …`. */
function numberNotice(
  file: LoadedMapping["file"],
  where: (string | number)[],
  key: boolean,
  ref: string,
  number: string,
  column: SurveyColumn,
): string {
  const { start } = file.locate(where, { key });
  const heading = oneLine(column.text || column.key, 80);
  return `${file.display}:${start.line}:${start.column}: ${JSON.stringify(ref)} found by its number, ${number}, in column ${columnLetter(column.index)}, headed ${JSON.stringify(heading)}: its wording differs from the mapping's, so check that it still asks the same question`;
}

/**
 * The column a mapping's reference names: by header or `#N` (`findColumns`); else under the
 * preset's other headings; else, for a numbered title (`Q12 · …`, which the paper form and Google
 * Forms show), the one column headed by a title with the same number, its wording edited on the
 * platform since the mapping was written. `found` holds the candidates when none is the one, and
 * `number` the number the column, or the candidates, were found by.
 */
function resolveColumn(
  header: SurveyHeader,
  preset: Preset,
  ref: string,
  texts: readonly string[],
): { column?: SurveyColumn; found: SurveyColumn[]; number?: string } {
  const found = findColumns(header, ref);
  if (found.length === 1) return { column: found[0], found };
  if (found.length) return { found };
  const other = otherHeadings(preset, ref, texts)
    .map((h) => findColumns(header, h))
    .find((cols) => cols.length === 1)?.[0];
  if (other) return { column: other, found: [other] };
  const number = titleNumber(ref);
  if (!number) return { found };
  const numbered = columnsNumbered(header, number);
  return { ...(numbered.length === 1 ? { column: numbered[0] } : {}), found: numbered, number };
}

/**
 * The other headings a column a mapping names may have in an export with the preset's other
 * heading style: LimeSurvey's own columns under their full headings (`id` ↔ `Response ID`,
 * `反馈 ID` …), and, in an export headed by full question text, a question's column under its
 * text in any language of the questionnaire (the survey `crm-maturity survey` writes asks each
 * question in its text).
 */
function otherHeadings(preset: Preset, ref: string, texts: readonly string[]): string[] {
  const norm = normalizeLabel(ref);
  const aliases = Object.entries(preset.aliases ?? {})
    .filter(([name]) => normalizeLabel(name) === norm)
    .flatMap(([, others]) => others);
  return preset.id === "limesurvey" ? [...aliases, ...texts] : aliases;
}

/** The role question `crm-maturity survey` asks, in every language it writes. */
function roleQuestionTexts(): string[] {
  return LANGS.map((l) => messagesFor(l).survey.roleQuestion);
}

/** What became of one data row (see `RowDecoder.decode`). */
export const ROW_OK = 0;
export const ROW_BLANK = 1;
export const ROW_EXCLUDED = 2;
export const ROW_REJECTED = 3;
export type RowOutcome =
  | typeof ROW_OK
  | typeof ROW_BLANK
  | typeof ROW_EXCLUDED
  | typeof ROW_REJECTED;

const INVALID = -1;
/** A role cell naming a role marked `respondent: false`. */
const NOT_RESPONDENT = -4;
/** A cell holding only white space (mapped to the mapping's `blank` value). */
const BLANK = -2;
const UNSET = -3;
/** Distinct cells per column compared directly before the cache is consulted. */
const RECENT = 8;

interface SlotDecoder {
  index: number;
  labels: Map<string, number>;
  /** Raw cell → code, for the few distinct values a question column holds. */
  cache: Map<string, number>;
  /** The first distinct raw cells seen and their codes: scanned before the cache (faster). */
  recent: string[];
  recentCodes: number[];
  /** Whether a digit 1–5 on its own is relabelled (so the fast path must not be used). */
  digitsRelabelled: boolean;
  /**
   * Whether the labels give some digit 1–5 another value (a recoded scale, such as a structure
   * file's reversed codes): a digit they do not list is then not read as that level.
   */
  digitsRecoded: boolean;
  /** Bit r is set when the question is put to role index r (every bit when no `roles`). */
  roleMask: number;
  /** What a cell of the column may hold, for the invalid-answer message (see `expectedAnswer`). */
  expected: string;
}

/**
 * Decodes data rows into respondents: role, id and one compact answer code per question slot.
 * Runs once per row of exports with millions of rows, so it allocates nothing for good rows:
 * `decode` returns an outcome code and leaves the details in `id`, `role`, `rule`, `problems`.
 */
export class RowDecoder {
  readonly roleIds: string[];
  /** After ROW_OK: the respondent id (the row as `row-N` without an id column, after `idPrefix`). */
  id = "";
  /** After ROW_OK: the role index into `roleIds`. */
  role = -1;
  /** After ROW_EXCLUDED: the index of the exclusion rule. */
  rule = -1;
  /** After ROW_REJECTED: what is wrong. */
  problems: RowProblem[] = [];
  /** Answers to questions not put to the respondent's role (they count), per slot. */
  readonly notForRole: Int32Array;
  private readonly roleLabels = new Map<string, number>();
  /** The ids of the roles that answer, for messages. */
  private readonly answering: string[];
  /** What a role cell may hold, for the unknown-role message (see `expectedRole`). */
  private readonly expectedRole: string;
  private readonly roleCache = new Map<string, number>();
  private readonly defaultRole: number;
  private readonly slots: SlotDecoder[];
  private readonly blankCode: number;
  private readonly checkWidth: boolean;
  private readonly idPrefix: string;

  /**
   * `checkWidth`: refuse rows shorter than the header (CSV); `idPrefix`: put before `row-N` (the
   * file, when a run reads several, so that rows of two files never share an id).
   */
  constructor(
    readonly bound: BoundMapping,
    mapping: Mapping,
    questionnaire: Questionnaire,
    opts: { checkWidth: boolean; idPrefix?: string },
  ) {
    this.roleIds = questionnaire.roles.map((r) => r.id);
    this.checkWidth = opts.checkWidth;
    this.idPrefix = opts.idPrefix ?? "";
    // Roles marked `respondent: false` own roadmap actions but never answer: a cell naming one is
    // refused, as an answers file's respondent with such a role is (a role of its own would weigh
    // as much as every front-line answer in the role-balanced means).
    this.answering = respondentRoles(questionnaire).map((r) => r.id);
    questionnaire.roles.forEach((r, i) => {
      const code = r.respondent === false ? NOT_RESPONDENT : i;
      this.roleLabels.set(normalizeLabel(r.id), code);
      for (const name of Object.values(r.name)) this.roleLabels.set(normalizeLabel(name), code);
    });
    for (const [label, id] of Object.entries(mapping.respondent.role.values)) {
      this.roleLabels.set(normalizeLabel(label), this.roleIds.indexOf(id));
    }
    this.expectedRole = expectedRole(mapping.respondent.role.values, this.answering);
    const def = mapping.respondent.role.default;
    this.defaultRole = def === undefined ? -1 : this.roleIds.indexOf(def);
    this.blankCode = mapping.blank === "unknown" ? ANSWER_UNKNOWN : ANSWER_ABSENT;
    const questions = new Map(
      questionnaire.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q] as const)),
    );
    const common = new Map<string, number>();
    if (mapping.builtinLabels) {
      for (const [k, v] of builtinLabelMap()) common.set(k, answerCode(v));
    }
    for (const [k, v] of Object.entries(bound.preset.labels)) {
      common.set(normalizeLabel(k), answerCode(v));
    }
    for (const [k, v] of Object.entries(mapping.labels))
      common.set(normalizeLabel(k), answerCode(v));
    const codeMeanings = presetCodeMeanings(bound.preset);
    this.slots = bound.slots.map((slot) => {
      const q = questions.get(slot.questionId);
      const labels = new Map<string, number>();
      // Level questions accept their anchor texts, in every language, as answers.
      for (const [level, text] of Object.entries(q?.levels ?? {})) {
        for (const t of Object.values(text)) labels.set(normalizeLabel(t), Number(level));
      }
      for (const [k, v] of common) labels.set(k, v);
      for (const [k, v] of Object.entries(slot.labels ?? {})) {
        labels.set(normalizeLabel(k), answerCode(v));
      }
      let roleMask = -1;
      if (q?.roles) {
        roleMask = 0;
        for (const r of q.roles) {
          const i = this.roleIds.indexOf(r);
          if (i >= 0 && i < 31) roleMask |= 1 << i;
        }
      }
      return {
        index: slot.column.index,
        labels,
        cache: new Map(),
        recent: [],
        recentCodes: [],
        digitsRelabelled: ["1", "2", "3", "4", "5"].some((d) => labels.has(d)),
        digitsRecoded: ["1", "2", "3", "4", "5"].some(
          (d) => labels.has(d) && labels.get(d) !== Number(d),
        ),
        roleMask,
        expected: expectedAnswer(labels, q?.levels !== undefined, codeMeanings),
      };
    });
    this.notForRole = new Int32Array(this.slots.length);
  }

  /** Number of question slots; `decode` fills that many codes. */
  get width(): number {
    return this.slots.length;
  }

  private resolve(slot: SlotDecoder, raw: string): number {
    const cached = slot.cache.get(raw);
    if (cached !== undefined) return cached;
    let code: number;
    const trimmed = raw.trim();
    if (trimmed === "") code = BLANK;
    else {
      const norm = normalizeLabel(trimmed);
      const label = slot.labels.get(norm);
      if (label !== undefined) code = label;
      else if (/^[1-5](?:\.0+)?$/.test(norm)) code = slot.digitsRecoded ? INVALID : Number(norm);
      else code = leadingScaleNumber(norm) ?? INVALID;
    }
    if (slot.cache.size < CACHE_LIMIT) slot.cache.set(raw, code);
    return code;
  }

  private problem(p: RowProblem): void {
    this.problems.push(p);
  }

  /** Records a row shorter than the header (CSV only) or with text beyond its last column. */
  private checkRowWidth(cells: string[], width: number): void {
    if (this.checkWidth && cells.length < width) {
      this.problem({
        kind: "truncated-row",
        value: "",
        found: `${cells.length}`,
        expected: `${width} columns as in the header`,
      });
    }
    for (let i = width; i < cells.length; i++) {
      if ((cells[i] as string).trim() !== "") {
        this.problem({
          kind: "extra-cells",
          column: { index: i, key: "", text: "" },
          value: cells[i] as string,
          expected: `nothing beyond the header's ${width} columns`,
          // A line break inside the header's last column: rows joined at a line end of another
          // kind than the file's first (CRLF, then LF), as CSV readers split rows at one kind.
          hint: (cells[width - 1] ?? "").includes("\n")
            ? "does the file mix line ends, CRLF and LF? Save it again with one kind"
            : "is a field with a delimiter missing its quotes?",
        });
        break;
      }
    }
  }

  /** Reads the respondent id (`row-N` without an id column), recording a missing or overlong one. */
  private readId(cells: string[], row: number): string {
    const b = this.bound;
    let id = `${this.idPrefix}row-${row}`;
    if (b.idColumn) {
      id = trimCell(cells[b.idColumn.index] ?? "");
      if (id === "") {
        this.problem({
          kind: "missing-id",
          column: b.idColumn,
          value: "",
          expected: "a respondent id",
        });
      } else if (id.length > MAX_ID_LENGTH) {
        this.problem({
          kind: "invalid-id",
          column: b.idColumn,
          value: id,
          expected: `a respondent id of at most ${MAX_ID_LENGTH} characters`,
          found: `${id.length} characters`,
          hint: "is the mapping's respondent id the right column?",
        });
      }
    }
    return id;
  }

  /** Reads the role index (the default without a role column), recording an unknown or missing one. */
  private readRole(cells: string[]): number {
    const b = this.bound;
    let role = this.defaultRole;
    if (b.roleColumn) {
      const raw = cells[b.roleColumn.index] ?? "";
      if (hasText(raw)) {
        let known = this.roleCache.get(raw);
        if (known === undefined) {
          known = this.roleLabels.get(normalizeLabel(raw)) ?? -2;
          if (this.roleCache.size < CACHE_LIMIT) this.roleCache.set(raw, known);
        }
        role = known;
        if (role === -2 || role === NOT_RESPONDENT) {
          this.problem({
            kind: "unknown-role",
            column: b.roleColumn,
            value: raw,
            expected: this.expectedRole,
            hint:
              role === NOT_RESPONDENT
                ? "a role the questionnaire marks `respondent: false`, which never answers"
                : "if it is one of those roles, give it under respondent.role.values in the mapping",
          });
        }
      } else if (role < 0) {
        this.problem({
          kind: "missing-role",
          column: b.roleColumn,
          value: "",
          expected: "a role",
          hint: "set respondent.role.default for rows without one",
        });
      }
    }
    return role;
  }

  /** Decodes one answer cell: blank, a plain digit, a recently seen cell or a resolved label. */
  private readCode(slot: SlotDecoder, raw: string): number {
    let code: number;
    if (raw.length === 0) code = BLANK;
    else {
      const c = raw.length === 1 ? raw.charCodeAt(0) - 48 : -1;
      if (c >= 1 && c <= 5 && !slot.digitsRelabelled) code = c;
      else {
        // Most columns hold a handful of labels: comparing strings (which fails fast on
        // length) beats hashing each fresh cell for a Map lookup.
        code = UNSET;
        const recent = slot.recent;
        for (let k = 0; k < recent.length; k++) {
          if (recent[k] === raw) {
            code = slot.recentCodes[k] as number;
            break;
          }
        }
        if (code === UNSET) {
          code = this.resolve(slot, raw);
          if (recent.length < RECENT) {
            recent.push(raw);
            slot.recentCodes.push(code);
          }
        }
      }
    }
    return code;
  }

  /** Decodes one data row into `codes` (one per slot) and returns the outcome. */
  decode(cells: string[], row: number, codes: Uint8Array): RowOutcome {
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      if (hasText(cells[i] as string)) {
        blank = false;
        break;
      }
    }
    if (blank) return ROW_BLANK;
    const b = this.bound;
    for (let r = 0; r < b.exclusions.length; r++) {
      const ex = b.exclusions[r] as BoundExclusion;
      if (ex.test(cells[ex.column.index] ?? "")) {
        this.rule = r;
        return ROW_EXCLUDED;
      }
    }
    if (this.problems.length) this.problems = [];
    const width = b.header.width;
    this.checkRowWidth(cells, width);
    const id = this.readId(cells, row);
    const role = this.readRole(cells);
    let answered = 0;
    for (let s = 0; s < this.slots.length; s++) {
      const slot = this.slots[s] as SlotDecoder;
      const raw = cells[slot.index] ?? "";
      let code = this.readCode(slot, raw);
      if (code === BLANK) {
        codes[s] = this.blankCode;
        continue;
      }
      if (code === INVALID) {
        this.problem({
          kind: "invalid-answer",
          column: b.slots[s]?.column as SurveyColumn,
          value: raw,
          expected: slot.expected,
          hint: invalidHint(slot, raw),
        });
        codes[s] = ANSWER_ABSENT;
        continue;
      }
      answered++;
      if (role >= 0 && ((slot.roleMask >>> role) & 1) === 0) {
        // The question is not put to this role: a skip marker, `unknown` or `na` means "not
        // asked", exactly as in answer files. A real answer still counts, as it does in answer
        // files (where `score` warns), and is counted for the summary: survey tools often show
        // every question to everyone.
        if (code === ANSWER_UNKNOWN || code === ANSWER_NA) code = ANSWER_ABSENT;
        else if (code !== ANSWER_ABSENT) this.notForRole[s] = (this.notForRole[s] as number) + 1;
      }
      codes[s] = code;
    }
    if (answered === 0 && this.slots.length > 0 && this.problems.length === 0) {
      this.problem({
        kind: "no-answers",
        value: "",
        expected: "at least one answered question",
        hint: "leave such rows out with a rule under exclude",
      });
    }
    if (this.problems.length) return ROW_REJECTED;
    this.id = id;
    this.role = role;
    return ROW_OK;
  }
}

const ANSWER_LABELS = 'an answer label such as "Strongly agree", "非常同意" or "N/A"';
/** A level question's options are its level descriptions, not agreement labels. */
const LEVEL_LABELS =
  'one of the question\'s level descriptions as the questionnaire words them, or an answer label such as "N/A" or "不知道"';
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * The preset's own no-answer codes with what they stand for, each with the answer code the
 * preset reads it as (a mapping that gives the code another value gets the plain meaning).
 */
function presetCodeMeanings(preset: Preset): Map<string, { code: number; text: string }> {
  const out = new Map<string, { code: number; text: string }>();
  for (const [k, text] of Object.entries(preset.codeMeanings ?? {})) {
    const value = preset.labels[k];
    if (value !== undefined) out.set(normalizeLabel(k), { code: answerCode(value), text });
  }
  return out;
}

/**
 * What an answer code means, in the invalid-answer message: `level 3`, `N/A`, `don't know`, or
 * the tool's own meaning of the cell `label` (问卷星's -2 is `skipped`).
 */
function meaning(
  code: number,
  label = "",
  codeMeanings?: ReadonlyMap<string, { code: number; text: string }>,
): string {
  const own = codeMeanings?.get(label);
  if (own && own.code === code) return own.text;
  if (code === ANSWER_NA) return "N/A";
  if (code === ANSWER_UNKNOWN) return "don't know";
  if (code === ANSWER_ABSENT) return "no answer";
  return `level ${code}`;
}

/**
 * What a question column accepts, said exactly: the levels 1–5 and every other number the
 * column's labels give a meaning (a Qualtrics or 问卷星 numeric export's `6` for N/A and `7` for
 * don't know, Qualtrics' `-99`), or, when the labels recode the digits 1–5 (a structure file's
 * reversed codes), only the numbers they list; then the answer labels — for a level question its
 * level descriptions, which are its options on every platform.
 */
function expectedAnswer(
  labels: ReadonlyMap<string, number>,
  level: boolean,
  codeMeanings?: ReadonlyMap<string, { code: number; text: string }>,
): string {
  const texts = level ? LEVEL_LABELS : ANSWER_LABELS;
  const recoded = [...labels].some(([k, v]) => /^[1-5]$/.test(k) && v !== Number(k));
  const codes = [...labels]
    .filter(([k, v]) => NUMBER.test(k) && (recoded || !/^[1-5]$/.test(k) || Number(k) !== v))
    .sort(([a], [b]) => {
      const x = Number(a);
      const y = Number(b);
      return x < 0 !== y < 0 ? (x < 0 ? 1 : -1) : Math.abs(x) - Math.abs(y);
    })
    .map(([k, v]) => `${k} (${meaning(v, k, codeMeanings)})`);
  const list =
    codes.length < 2 ? codes.join("") : `${codes.slice(0, -1).join(", ")} or ${codes.at(-1)}`;
  const the = codes.length === 1 ? "the code" : "the codes";
  if (recoded) return `one of ${the} ${list}, or ${texts}`;
  return codes.length ? `a level 1–5, ${the} ${list}, or ${texts}` : `a level 1–5 or ${texts}`;
}

/** What to do about a cell no label or scale number reads. */
function invalidHint(slot: SlotDecoder, raw: string): string {
  const number = raw.trim();
  if (slot.digitsRecoded && /^[1-5](?:\.0+)?$/.test(number)) {
    const recoded = [...slot.labels]
      .filter(([k, v]) => /^[1-5]$/.test(k) && v !== Number(k))
      .map(([k, v]) => `${k} → ${v}`)
      .join(", ");
    return `the column's labels recode its numbers (${recoded}), so a number they do not list is not read as a level; give ${number} a value under \`labels\` in the mapping`;
  }
  return /^[+-]?\d+(?:\.\d+)?$/.test(number)
    ? "the scale is 1–5; give other codes a value under `labels` in the mapping"
    : "give the label a value under `labels` in the mapping";
}

/** Role codes named in the unknown-role message: a survey's own (`R1`, `1`) are few. */
const LISTED_ROLE_CODES = 8;

/**
 * What a role cell may hold, said with the codes the export uses: the mapping's role values (a
 * LimeSurvey export's `R1` … `R4`, 问卷星's `1` … `4`) with the role each stands for, then the
 * roles themselves (their ids and names are read too).
 */
function expectedRole(
  values: Readonly<Record<string, string>>,
  answering: readonly string[],
): string {
  const roles = `a role (${answering.join(", ")})`;
  const codes = Object.entries(values).filter(([, role]) => answering.includes(role));
  if (codes.length === 0) return roles;
  const listed = codes.slice(0, LISTED_ROLE_CODES).map(([code, role]) => `${code} (${role})`);
  const more = codes.length > listed.length ? `, … (${codes.length} in all)` : "";
  return `one of the mapping's role values ${listed.join(", ")}${more}, or ${roles}`;
}

/** Describes a problem for standard error: `row 12, "Q3" (column C): expected …; found "Maybe"`. */
export function describeProblem(row: number, p: RowProblem): string {
  const where = p.column ? `, ${describeColumn(p.column)}` : "";
  const found = p.found ?? (p.value === "" ? "nothing" : JSON.stringify(p.value));
  const hint = p.hint ? ` (${p.hint})` : "";
  return `row ${row}${where}: expected ${p.expected}; found ${found}${hint}  (${p.kind})`;
}
