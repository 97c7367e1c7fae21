import { existsSync } from "node:fs";
import path from "node:path";
import { InputError, UsageError } from "../core/diagnostics/errors.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { noteInput } from "../io/inputs.js";
import {
  createFileAtomic,
  describeWriteError,
  ensureFolder,
  localToday,
  outputError,
  outputTarget,
} from "../io/output.js";
import type { EncodingChoice } from "../io/survey/decode.js";
import { ExportError, openExport } from "../io/survey/read.js";
import { MATCH_THRESHOLD, renderSuggestion, suggestMapping } from "../survey/suggest.js";
import type { Env } from "./env.js";

/** Options of `crm-maturity map init`, as commander parses them. */
export interface MapInitOptions {
  questionnaire?: string;
  output?: string;
  encoding?: EncodingChoice;
}

/** Data rows read to find role values and unknown answer labels. */
const SAMPLE_ROWS = 2000;

/** `crm-maturity map init <export>`: suggests a mapping.yaml for a survey export. */
export async function runMapInit(
  exportPath: string,
  opts: MapInitOptions,
  e: Env,
): Promise<number> {
  const out = opts.output && opts.output !== "-" ? path.resolve(e.cwd, opts.output) : undefined;
  if (out && existsSync(out)) {
    throw new InputError(
      `${opts.output} already exists; map init never overwrites a file (delete it or choose another -o)`,
    );
  }
  if (out && exportPath !== "-" && path.resolve(e.cwd, exportPath) === out) {
    throw new UsageError(`-o ${opts.output} is the export itself; choose another file`);
  }
  if (exportPath !== "-") noteInput(path.resolve(e.cwd, exportPath), exportPath);
  const questionnaire = resolveQuestionnaire(opts.questionnaire, e.cwd);
  const display = exportPath === "-" ? "<stdin>" : exportPath;
  const rows: string[][] = [];
  try {
    const reader = await openExport(exportPath === "-" ? "-" : path.resolve(e.cwd, exportPath), {
      encoding: opts.encoding ?? "auto",
      display,
    });
    await reader.each((cells) => {
      rows.push(cells);
      return rows.length < SAMPLE_ROWS + 3;
    });
    for (const n of reader.info.notices) e.stderr.write(`crm-maturity: notice: ${n}\n`);
  } catch (err) {
    if (err instanceof ExportError) throw new InputError(err.message);
    throw err;
  }
  if (rows.length === 0)
    throw new InputError(`${display}: expected a header row; found an empty file`);
  const suggestion = suggestMapping(rows, questionnaire);
  const text = renderSuggestion(suggestion, {
    exportName: exportPath === "-" ? "<export>" : exportPath,
    questionnaire,
    date: localToday(e.now()),
  });
  if (out) {
    let created: boolean;
    const target = outputTarget(opts.output ?? "", e.cwd);
    ensureFolder(target);
    try {
      created = createFileAtomic(out, text);
    } catch (err) {
      throw outputError(target, describeWriteError(err, out), false);
    }
    if (!created) {
      throw new InputError(
        `${opts.output} already exists; map init never overwrites a file (delete it or choose another -o)`,
      );
    }
  } else e.stdout.write(text);
  const sure = suggestion.matches.filter((m) => m.score >= MATCH_THRESHOLD).length;
  const questions = questionnaire.dimensions.reduce((n, d) => n + d.questions.length, 0);
  e.stderr.write(
    `crm-maturity: map init (${suggestion.preset.id}): ${sure} of ${questions} questions matched to columns; ${suggestion.unmatchedColumns.length + suggestion.matches.length - sure} columns left as TODO${suggestion.roleColumn ? "" : "; no role column found"}${out ? `; wrote ${opts.output}` : ""}\n`,
  );
  return 0;
}
