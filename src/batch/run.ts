import { createAssessmentScorer } from "../core/assessment.js";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import { round2 } from "../core/math/numbers.js";
import type { Results } from "../core/models/results.js";
import type { Breakdown, Statistics } from "../core/models/statistics.js";
import type { Questionnaire } from "../core/questionnaire/types.js";
import { ANSWER_CODES } from "../core/scoring/answer-codes.js";
import { ReliabilityCollector } from "../core/scoring/reliability.js";
import type { AssessmentScorer } from "../core/scoring/score.js";
import { compareText } from "../core/text/compare.js";
import type { EncodingChoice } from "../io/survey/decode.js";
import { ExportError, type ExportInfo, type ExportReader, openExport } from "../io/survey/read.js";
import { misalignedColumns } from "../survey/column-check.js";
import type { SurveyColumn } from "../survey/header.js";
import { columnLetter, parseHeader, similarColumns } from "../survey/header.js";
import { type LoadedMapping, questionOf } from "../survey/mapping.js";
import {
  type BoundMapping,
  bindMapping,
  describeProblem,
  headerLayout,
  REJECT_KINDS,
  type RejectKind,
  ROW_BLANK,
  ROW_EXCLUDED,
  ROW_OK,
  ROW_REJECTED,
  RowDecoder,
  type RowProblem,
  trimCell,
} from "../survey/respondent.js";
import {
  CARELESS_REASONS,
  type CarelessCheck,
  type CarelessReason,
  CarelessScreen,
  detectTiming,
  SECONDS_PER_ITEM,
} from "./careless.js";
import {
  type BatchInput,
  beyondEnd,
  type Correction,
  type Corrections,
  type InputHeader,
  mismatch,
  misplaced,
  readCorrections,
} from "./corrections.js";
import { type CsvWriter, textCell } from "./csv-out.js";
import { type Progress, plainProgress } from "./progress.js";
import {
  carelessRow,
  readBackRow,
  rejectColumnsAt,
  rejectPlace,
  rejectRow,
  writeRejectsHeader,
} from "./rejects.js";
import { RespondentScorer, type RespondentScores } from "./respondent-scores.js";
import { Roster, type RosterLimits } from "./roster.js";
import { SpillDir } from "./spill.js";
import { StatisticsCollector, type StatisticsLimits } from "./statistics.js";

/** Distinct values allowed in one `--group-by` column. */
export const MAX_GROUP_VALUES = 1000;
/** Problems printed on standard error before the rest are only counted (all go to --rejects). */
export const DEFAULT_MAX_REPORTED = 200;

export interface BatchRunOptions {
  questionnaire: Questionnaire;
  mapping: LoadedMapping;
  /**
   * The exports (path, or `-` for standard input, and how messages name it), scored as one: the
   * same columns in each; a rejects file among them replaces the rows it corrects.
   */
  inputs: readonly BatchInput[];
  encoding?: EncodingChoice;
  /** Overrides the mapping's `groupBy`. */
  groupBy?: string[];
  /** Fail on the first bad row. */
  strict?: boolean;
  /** Leave rows flagged as careless out of the scores (to the rejects file, with the reason). */
  excludeCareless?: boolean;
  respondents?: CsvWriter;
  rejects?: CsvWriter;
  /** Receives notices, problems and progress; defaults to plain lines on standard error. */
  progress?: Progress;
  maxReported?: number;
  /** Memory limits and the temporary folder (tests shrink them to exercise the disk paths). */
  limits?: {
    roster?: Partial<RosterLimits>;
    statistics?: Partial<StatisticsLimits>;
    tmpdir?: string;
  };
}

/** What happened to the rows, for the summary line and the statistics. */
export interface BatchSummary {
  rows: Statistics["rows"];
  exclusions: Statistics["exclusions"];
  careless: Statistics["careless"];
  rejects: Record<RejectKind, number>;
  /** Answers counted although their question is not put to the respondent's role. */
  notForRole: number;
  /** Questions of the questionnaire no column of the mapping answers, in questionnaire order. */
  unmapped: string[];
  /** Problems not printed because of `maxReported`. */
  unreported: number;
  /** The first input's format. */
  info: ExportInfo;
  /** Every input, in the order read. */
  sources: { display: string; info: ExportInfo }[];
  preset: string;
}

/** An input as the run reads it: where its rows start in the run's numbering, how many it has. */
interface BatchSource {
  display: string;
  info: ExportInfo;
  /** Rows of the inputs before it (the roster numbers rows across the run). */
  base: number;
  /** Its last row's number, once read. */
  rows: number;
}

/** The input being read, for the row context. */
interface InputState {
  display: string;
  /** How the rejects and respondents files name the input: set when the run reads several. */
  place: string | undefined;
  base: number;
  corrections: Map<number, Correction> | undefined;
  sources: readonly BatchSource[];
}

/**
 * The outcome of a batch run. `results.respondents` is empty: the roster lives in `roster`
 * (partly in temporary files, freed by `dispose` or when the process exits).
 */
export interface BatchOutcome {
  results: Results;
  roster: Roster;
  roleIds: string[];
  summary: BatchSummary;
  /** Temporary files the run used (none for a small export), already unlinked where possible. */
  tempFiles: readonly string[];
  dispose(): void;
}

/** Thrown (as an InputError) on the first bad row under `--strict`. */
export class StrictRejectError extends InputError {}

function emptyRejects(): Record<RejectKind, number> {
  return Object.fromEntries(REJECT_KINDS.map((k) => [k, 0])) as Record<RejectKind, number>;
}

/**
 * Scores a survey export row by row with bounded memory: each respondent feeds the same
 * incremental scorer `scoreAssessment` uses (so the aggregate results are identical to scoring
 * the same answers from answer files), is scored alone for the statistics and the respondents
 * CSV, and is then dropped. Bad rows go to the rejects CSV and are reported, never fatal unless
 * `strict`.
 */
export async function runBatch(opts: BatchRunOptions): Promise<BatchOutcome> {
  const spill = new SpillDir(opts.limits?.tmpdir);
  try {
    return await scoreExport(opts, spill);
  } catch (err) {
    spill.dispose();
    throw err;
  }
}

async function scoreExport(opts: BatchRunOptions, spill: SpillDir): Promise<BatchOutcome> {
  const { questionnaire, mapping: loaded, inputs } = opts;
  const mapping = loaded.mapping;
  const progress = opts.progress ?? plainProgress();
  const several = inputs.length > 1;
  // The inputs' key header rows, as the pre-pass reads them (see `checkSameColumns`).
  const keys: (string[] | undefined)[] = [];
  const { corrections, notices } = several
    ? await readCorrections(inputs, (i, onRow) => preRead(opts, i, onRow, keys))
    : { corrections: new Map() as Corrections, notices: [] };
  for (const notice of notices) progress.log(`crm-maturity: notice: ${notice}`);
  const rows: Statistics["rows"] = {
    total: 0,
    scored: 0,
    excluded: 0,
    rejected: 0,
    duplicates: 0,
    blank: 0,
    ...(several ? { replaced: 0 } : {}),
  };
  const sources: BatchSource[] = [];
  let ctx: RowContext | undefined;
  for (const [i, input] of inputs.entries()) {
    const reader = await openInput(input, opts);
    const base = sources.reduce((n, s) => n + s.rows, 0);
    const source: BatchSource = { display: input.display, info: reader.info, base, rows: 0 };
    sources.push(source);
    const state: InputState = {
      display: input.display,
      place: several ? input.display : undefined,
      base,
      corrections: corrections.get(i),
      sources,
    };
    let last: number;
    ({ ctx, last } = await scoreInput(opts, state, reader, ctx, rows, progress, spill));
    source.rows = last;
    const beyond = state.corrections && beyondEnd(state.corrections, input.display, last);
    if (beyond) throw beyond;
    ctx.bytesBefore += reader.bytesRead();
  }
  if (!ctx) throw new UsageError("batch needs at least one export");
  await ctx.respondents?.ready();
  await ctx.rejectsOut?.ready();
  addCodeCounts(ctx.scorer, ctx.decoder.roleIds, ctx.codeCounts, ctx.respondentsByRole);
  progress.update(rows.total, ctx.bytesBefore);
  const results = ctx.scorer.finish(
    {
      assessment: mapping.assessment,
      ...(mapping.targets ? { targets: mapping.targets } : {}),
    },
    {},
  );
  const { exclusions, careless, statistics } = finishStatistics(ctx, questionnaire, opts);
  // Before `statistics`, so the JSON keeps the key order `score` writes.
  const agreement = ctx.reliability.finish();
  if (agreement) results.reliability = agreement;
  results.statistics = statistics;
  let notForRole = 0;
  for (const n of ctx.notForRole) notForRole += n;
  for (const n of ctx.decoder.notForRole) notForRole += n;
  const mapped = new Set(Object.values(mapping.questions).map(questionOf));
  return {
    results,
    roster: ctx.roster,
    roleIds: ctx.decoder.roleIds,
    tempFiles: spill.files,
    dispose: () => spill.dispose(),
    summary: {
      rows,
      exclusions,
      careless,
      rejects: ctx.rejects,
      notForRole,
      unmapped: questionnaire.dimensions
        .flatMap((d) => d.questions.map((q) => q.id))
        .filter((id) => !mapped.has(id)),
      unreported: ctx.unreported,
      info: (sources[0] as BatchSource).info,
      sources: sources.map(({ display, info }) => ({ display, info })),
      preset: headerLayout(mapping).preset.id,
    },
  };
}

/** Opens one input, its read errors as input errors. */
async function openInput(input: BatchInput, opts: BatchRunOptions): Promise<ExportReader> {
  const delimiter = opts.mapping.mapping.delimiter;
  try {
    return await openExport(input.path, {
      encoding: opts.encoding ?? "auto",
      ...(delimiter ? { delimiter } : {}),
      display: input.display,
    });
  } catch (err) {
    if (err instanceof ExportError) throw new InputError(err.message);
    throw err;
  }
}

/**
 * Streams one input through the row context: its header rows first (the context is built from
 * the first input's; a later input must have the same columns), then every data row.
 */
async function scoreInput(
  opts: BatchRunOptions,
  state: InputState,
  reader: ExportReader,
  previous: RowContext | undefined,
  rows: Statistics["rows"],
  progress: Progress,
  spill: SpillDir,
): Promise<{ ctx: RowContext; last: number }> {
  const { preset, headerRows, keyRow } = headerLayout(opts.mapping.mapping);
  const display = state.display;
  const header: string[][] = [];
  let ctx: RowContext | undefined;
  // Where a rejects file's reject columns start, when one is fed back (-1 for an export).
  let rejectsAt = -1;
  let last = 0;
  // The first records are header rows; the context to score rows is built once they are in.
  const onRecord = (cells: string[], row: number): undefined | Promise<void> => {
    last = row;
    if (ctx) return scoreRow(ctx, rejectsAt < 0 ? cells : readBackRow(cells, rejectsAt), row);
    header.push(cells);
    if (header.length === headerRows) {
      rejectsAt = readBackHeader(header, keyRow, display, reader.info.notices);
      for (const notice of reader.info.notices) progress.log(`crm-maturity: notice: ${notice}`);
      ctx = previous
        ? nextInput(previous, header, state, reader)
        : createRowContext(opts, header, state, progress, reader, rows, spill);
    }
    return undefined;
  };
  try {
    await reader.each(onRecord);
  } catch (err) {
    if (err instanceof ExportError) throw new InputError(err.message);
    throw err;
  }
  if (!ctx) {
    for (const notice of reader.info.notices) progress.log(`crm-maturity: notice: ${notice}`);
    throw new InputError(
      `${display}: expected ${headerRows} header row${headerRows === 1 ? "" : "s"} (preset ${preset.id}); found ${header.length === 0 ? "an empty file" : `only ${header.length}`}`,
    );
  }
  return { ctx, last };
}

/**
 * The pre-pass of a run over several inputs (see `readCorrections`): reads an input's header
 * rows and says whether it is a rejects file and where its id column is; a rejects file's data
 * rows then go to `onRow`, an export is read no further.
 */
async function preRead(
  opts: BatchRunOptions,
  input: number,
  onRow: (cells: string[], row: number, header: InputHeader) => void,
  keys: (string[] | undefined)[],
): Promise<InputHeader> {
  const { mapping: loaded, questionnaire } = opts;
  const { preset, headerRows, keyRow } = headerLayout(loaded.mapping);
  const { display } = opts.inputs[input] as BatchInput;
  const reader = await openInput(opts.inputs[input] as BatchInput, opts);
  const header: string[][] = [];
  let found: InputHeader | undefined;
  try {
    await reader.each((cells, row) => {
      if (found) return void onRow(cells, row, found);
      header.push(cells);
      if (header.length < headerRows) return undefined;
      const rejectsAt = readBackHeader(header, keyRow, display, []);
      keys[input] = header[keyRow - 1] ?? [];
      checkSameColumns(opts.inputs, keys, input);
      if (rejectsAt < 0) {
        found = { rejectsAt, idIndex: -1 };
        return false;
      }
      const parsed = parseHeader(header, preset, keyRow);
      const { bound } = bindExport(loaded, parsed, opts.groupBy, display, keyRow, questionnaire);
      found = { rejectsAt, idIndex: bound.idColumn?.index ?? -1 };
      return undefined;
    });
  } catch (err) {
    if (err instanceof ExportError) throw new InputError(err.message);
    throw err;
  }
  return found ?? { rejectsAt: -1, idIndex: -1 };
}

/**
 * Moves the row context on to the next input, whose columns are the first input's (checked by
 * the pre-pass, `checkSameColumns`): a decoder of its own (it may be CSV after a workbook), the
 * rest shared.
 */
function nextInput(
  ctx: RowContext,
  header: string[][],
  state: InputState,
  reader: ExportReader,
): RowContext {
  const { questionnaire, mapping: loaded } = ctx.opts;
  const { preset, keyRow } = headerLayout(loaded.mapping);
  const parsed = parseHeader(header, preset, keyRow);
  const { bound } = bindExport(
    loaded,
    parsed,
    ctx.opts.groupBy,
    state.display,
    keyRow,
    questionnaire,
  );
  ctx.decoder.notForRole.forEach((n, s) => {
    ctx.notForRole[s] = (ctx.notForRole[s] as number) + n;
  });
  ctx.decoder = new RowDecoder(bound, loaded.mapping, questionnaire, decoderOptions(state, reader));
  ctx.bound = ctx.decoder.bound;
  ctx.reader = reader;
  ctx.input = state;
  ctx.display = state.display;
  ctx.corrections = state.corrections;
  return ctx;
}

/** A decoder's options for an input: the width check for CSV, the file before `row-N` ids when there are several. */
const decoderOptions = (state: InputState, reader: ExportReader) => ({
  checkWidth: reader.info.format === "csv",
  ...(state.place === undefined ? {} : { idPrefix: `${state.place}:` }),
});

/**
 * Checks that input `i` has the first input's columns (key header rows, read back), since one run
 * scores its inputs as one export: one header for the rejects file, one binding. (An input too
 * short to have its header rows is refused when it is read.)
 */
function checkSameColumns(
  inputs: readonly BatchInput[],
  keys: readonly (string[] | undefined)[],
  i: number,
): void {
  const first = keys[0];
  const last = keys[i] as string[];
  const differs = first && firstDifference(first, last);
  if (first === undefined || differs === undefined) return;
  const cell = (cells: readonly string[]) => JSON.stringify((cells[differs] ?? "").trim());
  const name = (i: number) => (inputs[i] as BatchInput).display;
  throw new InputError(
    `${name(i)}: expected the columns of ${name(0)}, since one run scores its inputs as one export; found column ${columnLetter(differs)} headed ${cell(last)} where ${name(0)} has ${cell(first)} (export both with the same settings, or score them in separate runs)`,
  );
}

/** The first column whose heading differs between two key header rows (trailing empty cells aside). */
function firstDifference(a: readonly string[], b: readonly string[]): number | undefined {
  const end = (cells: readonly string[]) => {
    let n = cells.length;
    while (n > 0 && (cells[n - 1] ?? "").trim() === "") n--;
    return n;
  };
  const width = Math.max(end(a), end(b));
  for (let c = 0; c < width; c++) {
    if ((a[c] ?? "").trim() !== (b[c] ?? "").trim()) return c;
  }
  return undefined;
}

/**
 * Recognises a rejects file fed back by the reject columns in its key header row: its header rows
 * are read back in place (see `readBackRow`) and a notice says so. Returns where the reject
 * columns start, or -1 for an export.
 */
function readBackHeader(
  header: string[][],
  keyRow: number,
  display: string,
  notices: string[],
): number {
  const at = rejectColumnsAt(header[keyRow - 1] ?? []);
  if (at < 0) return at;
  header.forEach((cells, i) => {
    header[i] = readBackRow(cells, at);
  });
  notices.push(
    `${display} is a rejects file written by batch: its reject_ columns are left out, and the ' that guarded cells against spreadsheet formulas is removed`,
  );
  return at;
}

/** The statistics section from the collectors, once every row is in. */
function finishStatistics(
  ctx: RowContext,
  questionnaire: Questionnaire,
  opts: BatchRunOptions,
): {
  exclusions: Statistics["exclusions"];
  careless: Statistics["careless"];
  statistics: Statistics;
} {
  const roleIds = ctx.decoder.roleIds;
  const parts = ctx.statistics.finish(questionnaire.dimensions.map((d) => d.id));
  const byRole: Record<string, Breakdown> = {};
  roleIds.forEach((id, k) => {
    const part = parts.byRole[k];
    if (part) byRole[id] = part;
  });
  const groups: Statistics["groups"] = ctx.groupCols.map((col, g) => {
    const values = ctx.groupValues[g] as Map<string, number>;
    const list = [...values.entries()].sort(([a], [b]) => compareText(a, b));
    const { icc, rwg } = ctx.reliability.groupAgreement(g);
    return {
      column: col.key || `#${col.index + 1}`,
      values: list.map(([value, k]) => ({
        value,
        ...(parts.groups[g]?.[k] as Breakdown),
        rwg: rwg.get(k) ?? {},
      })),
      icc,
    };
  });
  const exclusions = ctx.bound.exclusions.map((ex, i) => ({
    reason: ex.reason,
    rows: ctx.excludedBy[i] as number,
  }));
  const careless = carelessSummary(ctx);
  if (opts.excludeCareless) {
    CARELESS_REASONS.forEach((reason, i) => {
      exclusions.push({
        reason: `careless response (${reason})`,
        rows: ctx.carelessExcluded[i] as number,
      });
    });
  }
  const statistics = { rows: ctx.rows, exclusions, careless, all: parts.all, byRole, groups };
  return { exclusions, careless, statistics };
}

/** The careless-response section: the screen's thresholds and how many rows it flagged. */
function carelessSummary(ctx: RowContext): Statistics["careless"] {
  const timing = ctx.careless.timing;
  return {
    threshold: ctx.careless.threshold,
    secondsPerItem: SECONDS_PER_ITEM,
    timing:
      timing === undefined
        ? null
        : timing.kind === "duration"
          ? [timing.column.key]
          : [timing.start.key, timing.end.key],
    flagged: ctx.carelessRows,
    excluded: ctx.opts.excludeCareless ? ctx.carelessRows : 0,
    reasons: Object.fromEntries(
      CARELESS_REASONS.map((r, i) => [r, ctx.carelessFlags[i] as number]),
    ) as Record<CarelessReason, number>,
  };
}

/**
 * Everything needed to score data rows, built once the header rows are read; `scoreRow` reads
 * and updates it for every row (one object, so the hot loop is one function over it).
 */
interface RowContext {
  opts: BatchRunOptions;
  /** The input being read, and how messages name it. */
  input: InputState;
  display: string;
  /** The input's rows still to be replaced by corrections fed back in the run, by row. */
  corrections: Map<number, Correction> | undefined;
  /** Answers not meant for the role counted by the decoders of earlier inputs, per slot. */
  notForRole: Int32Array;
  /** Bytes read from earlier inputs (for the progress bar). */
  bytesBefore: number;
  progress: Progress;
  reader: ExportReader;
  rows: Statistics["rows"];
  strictOrMax: number;
  decoder: RowDecoder;
  bound: BoundMapping;
  /** Per mapped column: its question's index in questionnaire order. */
  target: Int32Array;
  slotCodes: Uint8Array;
  /** The codes in questionnaire order (`slotCodes` itself when the slots are in that order). */
  flatCodes: Uint8Array;
  questionCount: number;
  /** Answer codes counted per role and question; the scorer takes them once at the end. */
  codeCounts: Float64Array;
  respondentsByRole: Float64Array;
  scorer: AssessmentScorer;
  single: RespondentScorer;
  roster: Roster;
  groupCols: readonly SurveyColumn[];
  statistics: StatisticsCollector;
  reliability: ReliabilityCollector;
  measureValues: Float64Array;
  measureLevels: Uint8Array;
  groupValues: Map<string, number>[];
  groupIdx: Uint16Array;
  dimCount: number;
  width: number;
  careless: CarelessScreen;
  carelessRows: number;
  /** Rows flagged per careless reason (a row may have two), and excluded per first reason. */
  carelessFlags: number[];
  carelessExcluded: number[];
  excludedBy: number[];
  respondents: CsvWriter | undefined;
  /** Per role index: the role as a respondents CSV cell. */
  roleTexts: string[];
  rejectsOut: CsvWriter | undefined;
  rejects: Record<RejectKind, number>;
  /** Problems printed so far, and those only counted. */
  reported: number;
  unreported: number;
}

function createRowContext(
  opts: BatchRunOptions,
  header: string[][],
  state: InputState,
  progress: Progress,
  reader: ExportReader,
  rows: Statistics["rows"],
  spill: SpillDir,
): RowContext {
  const { questionnaire, mapping: loaded } = opts;
  const mapping = loaded.mapping;
  const { preset, keyRow } = headerLayout(mapping);
  const display = state.display;
  const parsed = parseHeader(header, preset, keyRow);
  const { bound, notices } = bindExport(
    loaded,
    parsed,
    opts.groupBy,
    display,
    keyRow,
    questionnaire,
  );
  const misaligned = misalignedColumns(bound, loaded, questionnaire);
  if (misaligned.length) {
    throw new InputError(`the mapping ${loaded.file.display} does not fit ${display}`, misaligned);
  }
  for (const notice of notices) progress.log(`crm-maturity: notice: ${notice}`);
  const decoder = new RowDecoder(bound, mapping, questionnaire, decoderOptions(state, reader));
  const roleCount = decoder.roleIds.length;
  const flatQuestions = questionnaire.dimensions.flatMap((d) => d.questions.map((q) => q.id));
  const groupCols = bound.groupBy;
  const measures = questionnaire.dimensions.length + 1;
  const dimIds = questionnaire.dimensions.map((d) => d.id);
  const careless = new CarelessScreen(
    bound.slots.map((sl) => sl.column),
    detectTiming(parsed),
  );
  // The rejects file is separated as the export was (`;` in many locales' Excel), so that the
  // consultant's Excel opens it in columns and the same mapping reads it back. A mapping's own
  // `delimiter` wins (it reads the file back); a sniffed tab becomes a comma, since Excel opens a
  // tab-separated .csv as one column; a workbook's rejects take commas. The respondents CSV stays
  // comma-separated.
  const sniffed = reader.info.delimiter === "\t" ? "," : reader.info.delimiter;
  opts.rejects?.separateWith(mapping.delimiter ?? sniffed ?? ",");
  const several = opts.inputs.length > 1;
  writeHeaderRows(
    opts,
    header,
    parsed.width,
    keyRow,
    groupCols,
    dimIds,
    !!careless.timing,
    several,
  );
  const target = Int32Array.from(bound.slots.map((s) => flatQuestions.indexOf(s.questionId)));
  const slotCodes = new Uint8Array(bound.slots.length);
  return {
    opts,
    input: state,
    display,
    corrections: state.corrections,
    notForRole: new Int32Array(decoder.notForRole.length),
    bytesBefore: 0,
    progress,
    reader,
    rows,
    strictOrMax: opts.strict
      ? Number.POSITIVE_INFINITY
      : (opts.maxReported ?? DEFAULT_MAX_REPORTED),
    decoder,
    bound: decoder.bound,
    target,
    slotCodes,
    // When every question has one column, in questionnaire order, the slots are the questions.
    flatCodes:
      target.every((q, s) => q === s) && target.length === flatQuestions.length
        ? slotCodes
        : new Uint8Array(flatQuestions.length),
    questionCount: flatQuestions.length,
    codeCounts: new Float64Array(roleCount * flatQuestions.length * ANSWER_CODES),
    respondentsByRole: new Float64Array(roleCount),
    scorer: createAssessmentScorer(questionnaire),
    single: new RespondentScorer(questionnaire),
    roster: new Roster(spill, opts.limits?.roster),
    groupCols,
    statistics: new StatisticsCollector(
      measures,
      roleCount,
      groupCols.length,
      spill,
      opts.limits?.statistics,
    ),
    reliability: new ReliabilityCollector(questionnaire, groupCols.length),
    measureValues: new Float64Array(measures),
    measureLevels: new Uint8Array(measures),
    groupValues: groupCols.map(() => new Map<string, number>()),
    groupIdx: new Uint16Array(groupCols.length),
    dimCount: dimIds.length,
    width: parsed.width,
    careless,
    carelessRows: 0,
    carelessFlags: CARELESS_REASONS.map(() => 0),
    carelessExcluded: CARELESS_REASONS.map(() => 0),
    excludedBy: new Array<number>(bound.exclusions.length).fill(0),
    respondents: opts.respondents,
    roleTexts: decoder.roleIds.map((id) => textCell(id)),
    rejectsOut: opts.rejects,
    rejects: emptyRejects(),
    reported: 0,
    unreported: 0,
  };
}

/** Scores one data row (or counts it as blank, excluded or rejected); a promise means wait (backpressure). */
function scoreRow(ctx: RowContext, cells: string[], row: number): undefined | Promise<void> {
  const { rows, decoder, slotCodes } = ctx;
  if (ctx.corrections !== undefined) {
    const correction = ctx.corrections.get(row);
    if (correction) return replaceRow(ctx, correction, cells, row);
  }
  rows.total++;
  if ((rows.total & 4095) === 0) {
    ctx.progress.update(rows.total, ctx.bytesBefore + ctx.reader.bytesRead());
  }
  const outcome = decoder.decode(cells, row, slotCodes);
  if (outcome === ROW_BLANK) {
    rows.blank++;
    return undefined;
  }
  if (outcome === ROW_EXCLUDED) {
    rows.excluded++;
    ctx.excludedBy[decoder.rule] = (ctx.excludedBy[decoder.rule] as number) + 1;
    return undefined;
  }
  if (outcome === ROW_REJECTED) return rejectRecord(ctx, cells, row, decoder.problems);
  // Like the mapping's exclusions, a careless exclusion comes before duplicate detection.
  const check = ctx.careless.check(slotCodes, cells);
  const flagged = check.reasons.length > 0;
  if (flagged && ctx.opts.excludeCareless) return excludeCareless(ctx, cells, row, check);
  const id = decoder.id;
  const roleIndex = decoder.role;
  const first = ctx.roster.add(id, ctx.input.base + row, roleIndex);
  if (first >= 0) {
    rows.duplicates++;
    const problem = duplicateProblem(decoder.bound.idColumn, id, placeOf(ctx.input, first));
    return rejectRecord(ctx, cells, row, [problem]);
  }
  if (flagged) countCareless(ctx, check);
  const flatCodes = ctx.flatCodes;
  if (flatCodes !== slotCodes) spreadCodes(slotCodes, ctx.target, flatCodes);
  tallyCodes(flatCodes, ctx.codeCounts, roleIndex * ctx.questionCount * ANSWER_CODES);
  ctx.respondentsByRole[roleIndex] = (ctx.respondentsByRole[roleIndex] as number) + 1;
  const scores = ctx.single.score(flatCodes, roleIndex);
  indexGroups(cells, row, ctx.groupCols, ctx.groupValues, ctx.groupIdx, ctx.display);
  fillMeasures(scores, ctx.measureValues, ctx.measureLevels);
  ctx.statistics.add(ctx.measureValues, ctx.measureLevels, roleIndex, ctx.groupIdx);
  ctx.reliability.add(flatCodes, ctx.groupIdx, scores.dimension, decoder.roleIds[roleIndex]);
  rows.scored++;
  const respondents = ctx.respondents;
  if (!respondents) return undefined;
  writeRespondentLine(respondents, ctx, id, row, roleIndex, cells, scores, check);
  return respondents.ready();
}

/** Counts a rejected row, reports its problems and writes it to the rejects file (or stops under --strict). */
function rejectRecord(
  ctx: RowContext,
  cells: string[],
  row: number,
  problems: RowProblem[],
): undefined | Promise<void> {
  ctx.rows.rejected++;
  ctx.reported = reportProblems(ctx, problems, row, ctx.reported, ctx.strictOrMax, (line) =>
    ctx.progress.log(`${ctx.display}: ${line}`),
  );
  if (ctx.opts.strict) throw strictReject(ctx.display, row);
  const out = ctx.rejectsOut;
  if (!out) return undefined;
  out.row(rejectRow(cells, rejectPlace(row, ctx.input.place), problems, ctx.width));
  return out.ready();
}

/** Leaves a careless row out (--exclude-careless): counted, and written to the rejects file. */
function excludeCareless(
  ctx: RowContext,
  cells: string[],
  row: number,
  check: CarelessCheck,
): undefined | Promise<void> {
  countCareless(ctx, check);
  const i = CARELESS_REASONS.indexOf(check.reasons[0] as CarelessReason);
  ctx.carelessExcluded[i] = (ctx.carelessExcluded[i] as number) + 1;
  ctx.rows.excluded++;
  const out = ctx.rejectsOut;
  if (!out) return undefined;
  out.row(
    carelessRow(cells, rejectPlace(row, ctx.input.place), check, ctx.careless.threshold, ctx.width),
  );
  return out.ready();
}

/** Counts a row flagged as careless, once per reason. */
function countCareless(ctx: RowContext, check: CarelessCheck): void {
  ctx.carelessRows++;
  for (const reason of check.reasons) {
    const i = CARELESS_REASONS.indexOf(reason);
    ctx.carelessFlags[i] = (ctx.carelessFlags[i] as number) + 1;
  }
}

/** Hands the per-role histograms of answer codes to the scorer (roles without respondents skipped). */
function addCodeCounts(
  scorer: AssessmentScorer,
  roleIds: readonly string[],
  codeCounts: Float64Array,
  respondentsByRole: Float64Array,
): void {
  const stride = codeCounts.length / roleIds.length;
  roleIds.forEach((role, r) => {
    const n = respondentsByRole[r] as number;
    if (n > 0) scorer.addCodeCounts(role, codeCounts.subarray(r * stride, (r + 1) * stride), n);
  });
}

/**
 * Counts a rejected row's problems and prints them while fewer than `limit` have been printed
 * (the rest are counted as unreported); returns the new number printed.
 */
function reportProblems(
  state: RowContext,
  problems: RowProblem[],
  row: number,
  reported: number,
  limit: number,
  log: (line: string) => void,
): number {
  let printed = reported;
  for (const p of problems) {
    state.rejects[p.kind]++;
    if (printed < limit) {
      printed++;
      log(describeProblem(row, p));
    } else state.unreported++;
  }
  return printed;
}

/** The error that stops a `--strict` run at its first rejected row. */
function strictReject(display: string, row: number): StrictRejectError {
  return new StrictRejectError(
    `${display}: row ${row} was rejected and --strict is set; nothing was written`,
  );
}

/** Puts a respondent's overall and per-dimension scores and levels into the statistics buffers. */
function fillMeasures(
  scores: RespondentScores,
  measureValues: Float64Array,
  measureLevels: Uint8Array,
): void {
  measureValues[0] = scores.overall;
  measureLevels[0] = scores.overallLevel;
  measureValues.set(scores.dimension, 1);
  measureLevels.set(scores.level, 1);
}

/** ` (did you mean "Department" (column D)?)` for the headers a mistyped column name may mean. */
function didYouMean(columns: readonly SurveyColumn[]): string {
  if (columns.length === 0) return "";
  const named = columns.map((c) => `${JSON.stringify(c.key)} (column ${columnLetter(c.index)})`);
  return ` (did you mean ${named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} or ${named.at(-1)}`}?)`;
}

/**
 * Binds the mapping to the parsed header, throwing when a group-by column or the mapping does not
 * fit; with the notices of the columns found by their titles' numbers.
 */
function bindExport(
  loaded: LoadedMapping,
  parsed: ReturnType<typeof parseHeader>,
  groupBy: string[] | undefined,
  display: string,
  keyRow: number,
  questionnaire: Questionnaire,
): { bound: BoundMapping; notices: string[] } {
  const { bound, issues, unknownGroupBy, notices } = bindMapping(
    loaded,
    parsed,
    groupBy,
    questionnaire,
  );
  const [unknown] = unknownGroupBy;
  if (unknown) {
    const { ref, found } = unknown;
    throw new UsageError(
      found.length
        ? `--group-by ${JSON.stringify(ref)}: expected one column of ${display}; found it in columns ${found.map((c) => columnLetter(c.index)).join(", ")} (refer to one as ${found.map((c) => `"#${c.index + 1}"`).join(" or ")})`
        : `--group-by ${JSON.stringify(ref)}: expected a column of ${display} (a header in row ${keyRow} or #N); found none${didYouMean(similarColumns(parsed, ref))}`,
    );
  }
  if (!bound) {
    throw new InputError(`the mapping ${loaded.file.display} does not fit ${display}`, issues);
  }
  return { bound, notices };
}

/** Writes the header rows of the rejects CSV and the respondents CSV (where asked for). */
function writeHeaderRows(
  opts: BatchRunOptions,
  header: string[][],
  width: number,
  keyRow: number,
  groupCols: readonly SurveyColumn[],
  dimIds: readonly string[],
  timing: boolean,
  several: boolean,
): void {
  if (opts.rejects) writeRejectsHeader(opts.rejects, header, width, keyRow);
  opts.respondents?.row([
    "respondent",
    "row",
    ...(several ? ["file"] : []),
    "role",
    ...groupCols.map((c) => c.key || `column ${columnLetter(c.index)}`),
    "overall",
    "overall_level",
    "coverage",
    ...dimIds.flatMap((id) => [id, `${id}.level`]),
    "longest_run",
    ...(timing ? ["seconds_per_item"] : []),
    "careless",
  ]);
}

/** Describes a respondent id already used in an earlier row (`place`: "row 12", "export.csv row 12"). */
function duplicateProblem(
  idColumn: SurveyColumn | undefined,
  id: string,
  place: string,
): RowProblem {
  return {
    kind: "duplicate-id",
    ...(idColumn ? { column: idColumn } : {}),
    value: id,
    expected: `a respondent id not used before (first used in ${place})`,
  };
}

/** Names a row the roster gave back (numbered across the run's inputs): "row 12", or with the file when there are several. */
function placeOf(input: InputState, ordinal: number): string {
  if (input.place === undefined) return `row ${ordinal}`;
  const source = input.sources.findLast((s) => s.base < ordinal) as BatchSource;
  return `${source.display} row ${ordinal - source.base}`;
}

/**
 * A row a correction fed back in the run replaces: counted as replaced, after checking that the
 * correction belongs to it (the same respondent id; without an id column, a row this run would
 * not score).
 */
function replaceRow(
  ctx: RowContext,
  correction: Correction,
  cells: string[],
  row: number,
): undefined {
  ctx.rows.total++;
  ctx.rows.replaced = (ctx.rows.replaced ?? 0) + 1;
  const idColumn = ctx.bound.idColumn;
  const id = idColumn ? trimCell(cells[idColumn.index] ?? "") : undefined;
  const reason =
    mismatch(correction, id) ??
    (idColumn === undefined && wouldScore(ctx, cells, row)
      ? "that row has no problem in this run"
      : undefined);
  if (reason) throw misplaced(correction, ctx.display, row, reason);
  return undefined;
}

/** Whether a row would be scored (neither rejected, excluded nor left out as careless); counts nothing. */
function wouldScore(ctx: RowContext, cells: string[], row: number): boolean {
  const counts = ctx.decoder.notForRole.slice();
  const outcome = ctx.decoder.decode(cells, row, ctx.slotCodes);
  ctx.decoder.notForRole.set(counts);
  if (outcome !== ROW_OK) return false;
  return !(ctx.opts.excludeCareless && ctx.careless.check(ctx.slotCodes, cells).reasons.length);
}

/** Copies the codes read per mapped column to their questions' places (unmapped questions get 0). */
function spreadCodes(slotCodes: Uint8Array, target: Int32Array, flatCodes: Uint8Array): void {
  flatCodes.fill(0);
  for (let s = 0; s < slotCodes.length; s++) {
    flatCodes[target[s] as number] = slotCodes[s] as number;
  }
}

/** Adds one respondent's codes to the per-question histogram starting at `base`. */
function tallyCodes(flatCodes: Uint8Array, codeCounts: Float64Array, base: number): void {
  for (let q = 0; q < flatCodes.length; q++) {
    const at = base + q * ANSWER_CODES + (flatCodes[q] as number);
    codeCounts[at] = (codeCounts[at] as number) + 1;
  }
}

/** Finds (or assigns) the index of each group-by value of a row into `groupIdx`. */
function indexGroups(
  cells: string[],
  row: number,
  groupCols: readonly SurveyColumn[],
  groupValues: Map<string, number>[],
  groupIdx: Uint16Array,
  display: string,
): void {
  for (let g = 0; g < groupCols.length; g++) {
    const col = groupCols[g] as SurveyColumn;
    const value = trimCell(cells[col.index] ?? "");
    const values = groupValues[g] as Map<string, number>;
    let idx = values.get(value);
    if (idx === undefined) {
      if (values.size >= MAX_GROUP_VALUES) {
        throw new InputError(
          `${display}: expected at most ${MAX_GROUP_VALUES.toLocaleString("en-US")} distinct values in the group-by column ${JSON.stringify(col.key)}; found more by row ${row} (group by a column such as department or region)`,
        );
      }
      idx = values.size;
      values.set(value, idx);
    }
    groupIdx[g] = idx;
  }
}

/** Queues a score as the respondents CSV writes it: rounded to hundredths, empty when inconclusive. */
function scoreCell(out: CsvWriter, x: number): void {
  if (Number.isNaN(x)) out.cell("");
  else out.numberCell(round2(x));
}

/** Queues a level (1–5), empty for 0 (inconclusive). */
function levelCell(out: CsvWriter, x: number): void {
  if (x === 0) out.cell("");
  else out.numberCell(x);
}

/**
 * Queues a respondent's line of the respondents CSV cell by cell (no array of cells, no string
 * per line): the same bytes `csvLine` writes for the cells the header names.
 */
function writeRespondentLine(
  out: CsvWriter,
  ctx: RowContext,
  id: string,
  row: number,
  roleIndex: number,
  cells: string[],
  scores: RespondentScores,
  check: CarelessCheck,
): void {
  out.text(textCell(id));
  out.numberCell(row);
  if (ctx.input.place !== undefined) out.cell(textCell(ctx.input.place));
  out.cell(ctx.roleTexts[roleIndex] as string);
  const groupCols = ctx.groupCols;
  for (let g = 0; g < groupCols.length; g++) {
    out.cell(textCell(trimCell(cells[(groupCols[g] as SurveyColumn).index] ?? "")));
  }
  scoreCell(out, scores.overall);
  levelCell(out, scores.overallLevel);
  scoreCell(out, scores.coverage);
  for (let d = 0; d < ctx.dimCount; d++) {
    scoreCell(out, scores.dimension[d] as number);
    levelCell(out, scores.level[d] as number);
  }
  out.numberCell(check.longestRun);
  if (ctx.careless.timing) {
    if (check.secondsPerItem === null) out.cell("");
    else out.numberCell(round2(check.secondsPerItem));
  }
  out.cell(check.reasons.length === 0 ? "" : textCell(check.reasons.join("|")));
  out.endLine();
}

/** The results with the roster filled in (for tests and small exports; large ones stream it). */
export function materializeResults(outcome: BatchOutcome): Results {
  const respondents: Results["respondents"] = [];
  const cursor = outcome.roster.sorted();
  while (cursor.next()) {
    respondents.push({ id: cursor.id, role: outcome.roleIds[cursor.role] as string });
  }
  return { ...outcome.results, respondents };
}
