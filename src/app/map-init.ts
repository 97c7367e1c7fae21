import { existsSync, readFileSync, statSync } from "node:fs";
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
import { displayPath } from "../io/read.js";
import type { EncodingChoice } from "../io/survey/decode.js";
import { ExportError, openExport } from "../io/survey/read.js";
import { parseStructure, StructureError, type SurveyStructure } from "../survey/structure.js";
import { MATCH_THRESHOLD, renderSuggestion, suggestMapping } from "../survey/suggest.js";
import type { Env } from "./env.js";
import { printMessage, stderrLayout } from "./print-issues.js";

/** Reads `--survey`: a LimeSurvey structure (.txt) or a Qualtrics survey file (.qsf). */
function readStructure(file: string, cwd: string): SurveyStructure {
  let text: string;
  try {
    const full = path.resolve(cwd, file);
    if (statSync(full).isDirectory())
      throw new InputError(`--survey ${file}: expected a file; found a folder`);
    text = readFileSync(full, "utf8");
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      `--survey ${file}: expected a readable survey structure file; found ${code === "ENOENT" ? "no such file" : `an unreadable file (${code ?? String(err)})`}`,
    );
  }
  try {
    return parseStructure(text, file);
  } catch (err) {
    if (err instanceof StructureError) throw new InputError(err.message);
    throw err;
  }
}

/** Options of `crm-maturity map init`, as commander parses them. */
export interface MapInitOptions {
  questionnaire?: string;
  output?: string;
  encoding?: EncodingChoice;
  /** A LimeSurvey (.txt) or Qualtrics (.qsf) structure file describing the export's columns. */
  survey?: string;
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
  const structure = opts.survey ? readStructure(opts.survey, e.cwd) : undefined;
  const display = exportPath === "-" ? "<stdin>" : exportPath;
  const layout = stderrLayout(e, [display, opts.output, opts.survey, opts.questionnaire]);
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
    for (const n of reader.info.notices)
      printMessage(`crm-maturity: notice: ${n}`, e.stderr, layout);
  } catch (err) {
    if (err instanceof ExportError) throw new InputError(err.message);
    throw err;
  }
  if (rows.length === 0)
    throw new InputError(`${display}: expected a header row; found an empty file`);
  const suggestion = suggestMapping(rows, questionnaire, structure);
  const text = renderSuggestion(suggestion, {
    exportName: exportPath === "-" ? "<export>" : exportPath,
    questionnaire,
    date: localToday(e.now()),
    questionnaireArg: opts.questionnaire,
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
  const codes = [...suggestion.unresolvedCodes.values()].reduce((n, list) => n + list.length, 0);
  const todo = suggestion.unmatchedColumns.length + suggestion.matches.length - sure;
  const wrote = out ? displayPath(out, e.cwd) : "";
  printMessage(
    `crm-maturity: map init (${suggestion.preset.id}): ${sure} of ${questions} questions matched to columns; ${todo} ${todo === 1 ? "column" : "columns"} left as TODO${codes ? `; ${codes} answer ${codes === 1 ? "code" : "codes"} left as TODO (their text gives no value)` : ""}${suggestion.roleColumn ? "" : "; no role column found"}${out ? `; wrote ${wrote}` : ""}`,
    e.stderr,
    layout && { ...layout, whole: [...layout.whole, wrote] },
  );
  return 0;
}
