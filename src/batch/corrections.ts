// Corrections fed back in the same run as the exports they correct (`batch export.csv
// rejects.csv`): each row of a rejects file names, in its reject_row column, the row it was
// rejected from; that row is replaced by the corrected one instead of being rejected again. This
// module reads the rejects files' reject_row columns before the run streams the exports, finds
// the row each correction replaces, and checks that it belongs there.
import { basename } from "node:path";
import { InputError } from "../core/diagnostics/errors.js";
import { type RejectKind, trimCell } from "../survey/respondent.js";
import { unguard } from "./csv-out.js";
import { parseRejectRow, REJECT_COLUMNS } from "./rejects.js";

/** One input of a run: its path (or `-`) and how messages name it. */
export interface BatchInput {
  path: string;
  display: string;
}

/** A corrected row of a rejects file, and what it replaces. */
export interface Correction {
  /** The rejects file and the row the correction is in. */
  source: string;
  row: number;
  /** The correction's respondent id (trimmed), when the mapping has an id column. */
  id: string | undefined;
  /** True when the row was rejected for its id, so the correction may change it. */
  idCorrected: boolean;
}

/** Per input (by index): the corrections of its rows, by row number. */
export type Corrections = Map<number, Map<number, Correction>>;

/** Reject kinds whose correction is the respondent id itself. */
const ID_KINDS: ReadonlySet<string> = new Set<RejectKind>([
  "missing-id",
  "invalid-id",
  "duplicate-id",
]);

/** What the pre-pass learns of one input's header rows. */
export interface InputHeader {
  /** Where its reject columns start (-1: an export, not a rejects file). */
  rejectsAt: number;
  /** The id column's index among the read-back cells (-1: the mapping has none). */
  idIndex: number;
}

/** A rejects file's corrections as read, before they are matched to the inputs. */
interface Pending {
  input: number;
  ref: { file?: string; row: number };
  correction: Correction;
}

/**
 * Reads one input for the pre-pass: its header rows (returning what they say), then, for a
 * rejects file only, each data row to `onRow` (an export is read no further than its header).
 */
export type RecordSource = (
  input: number,
  onRow: (cells: string[], row: number, header: InputHeader) => void,
) => Promise<InputHeader>;

/**
 * Reads the reject_row column of every rejects file among `inputs` and returns which rows of
 * which inputs they replace, with notices for corrections of files this run does not read (those
 * are scored like any other row).
 */
export async function readCorrections(
  inputs: readonly BatchInput[],
  read: RecordSource,
): Promise<{ corrections: Corrections; notices: string[] }> {
  const pending: Pending[] = [];
  const isRejects: boolean[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const header = await read(i, (cells, row, { rejectsAt: at, idIndex }) => {
      const ref = parseRejectRow(unguard(cells[at] ?? ""));
      if (!ref) return;
      const raw = idIndex < 0 ? -1 : idIndex >= at ? idIndex + REJECT_COLUMNS.length : idIndex;
      pending.push({
        input: i,
        ref,
        correction: {
          source: (inputs[i] as BatchInput).display,
          row,
          id: raw < 0 ? undefined : trimCell(unguard(cells[raw] ?? "")),
          idCorrected: (cells[at + 1] ?? "").split("|").some((k) => ID_KINDS.has(k.trim())),
        },
      });
    });
    isRejects.push(header.rejectsAt >= 0);
  }
  return match(inputs, isRejects, pending);
}

/** Matches each correction to the input whose row it replaces. */
function match(
  inputs: readonly BatchInput[],
  isRejects: readonly boolean[],
  pending: readonly Pending[],
): { corrections: Corrections; notices: string[] } {
  const corrections: Corrections = new Map();
  const notices = new Set<string>();
  const exports = inputs.map((_, i) => i).filter((i) => !isRejects[i]);
  for (const { input, ref, correction } of pending) {
    const target =
      ref.file === undefined ? plainTarget(inputs, exports, input) : named(inputs, ref.file);
    if (target === undefined) {
      notices.add(
        `${correction.source} corrects rows of ${ref.file ?? "an export"} that this run does not read: its rows are scored as they are, and replace nothing`,
      );
      continue;
    }
    if (target === input) continue;
    const rows = corrections.get(target) ?? new Map<number, Correction>();
    corrections.set(target, rows);
    const twice = rows.get(ref.row);
    if (twice) {
      throw new InputError(
        `${twice.source} row ${twice.row} and ${correction.source} row ${correction.row} both correct ${(inputs[target] as BatchInput).display} row ${ref.row}: keep one of them`,
      );
    }
    rows.set(ref.row, correction);
  }
  return { corrections, notices: [...notices] };
}

/**
 * The input a bare row number (a rejects file of a run over one export) corrects: the run's one
 * export; none when the run reads no export; an error when it reads several.
 */
function plainTarget(
  inputs: readonly BatchInput[],
  exports: readonly number[],
  input: number,
): number | undefined {
  if (exports.length <= 1) return exports[0];
  throw new InputError(
    `${(inputs[input] as BatchInput).display}: its reject_row column gives row numbers without the file they came from, and this run reads ${exports.length} exports (${exports.map((i) => (inputs[i] as BatchInput).display).join(", ")}): score it with the one export it was written from`,
  );
}

/** The input a reject_row's file names: by the path as given, else by a file name only one input has. */
function named(inputs: readonly BatchInput[], file: string): number | undefined {
  const exact = inputs.findIndex((x) => x.display === file);
  if (exact >= 0) return exact;
  const name = basename(file);
  const same = inputs.flatMap((x, i) => (basename(x.display) === name ? [i] : []));
  return same.length === 1 ? same[0] : undefined;
}

/**
 * Checks that `correction` belongs to the row it replaces (`display` row `row`): the same
 * respondent id unless the row was rejected for its id. Returns the reason it does not, or
 * undefined.
 */
export function mismatch(correction: Correction, id: string | undefined): string | undefined {
  if (correction.idCorrected || id === undefined || correction.id === undefined) return undefined;
  if (id === correction.id) return undefined;
  return `the respondent ids differ (${JSON.stringify(id)} there, ${JSON.stringify(correction.id)} in the correction), and a correction keeps the id of the row it replaces unless that row was rejected for its id`;
}

/** The error for a correction that does not belong to the row it names. */
export function misplaced(
  correction: Correction,
  display: string,
  row: number,
  reason: string,
): InputError {
  return new InputError(
    `${correction.source} row ${correction.row} corrects ${display} row ${row}, but ${reason}: the rejects file seems to come from another export or another mapping; score it with the export it was written from, or on its own`,
  );
}

/** The error for corrections of rows an input does not have. */
export function beyondEnd(
  rows: ReadonlyMap<number, Correction>,
  display: string,
  last: number,
): InputError | undefined {
  const missing = [...rows].filter(([row]) => row > last);
  const [first] = missing;
  if (!first) return undefined;
  const [row, c] = first;
  const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : "";
  return new InputError(
    `${c.source} row ${c.row}${more} corrects ${display} row ${row}, which ${display} does not have (its last row is ${last}): the rejects file seems to come from another export; score it with the export it was written from, or on its own`,
  );
}
