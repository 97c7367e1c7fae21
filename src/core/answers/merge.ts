import type { AnswersPath, AssessmentInput } from "./input.js";
import {
  isPlaceholder,
  PLACEHOLDER_FIELDS,
  PLACEHOLDER_PATHS,
  type PlaceholderField,
  placeholderFieldValue,
  type TemplatePlaceholders,
} from "./placeholders.js";
import type { AnswersFile, AssessmentMeta } from "./schema.js";

/** Something two merged answer files disagree on; the merge still succeeds. */
export interface MergeConflict {
  code: "metadata-mismatch" | "target-override" | "duplicate-respondent";
  /** Index (into the files given) of the later file whose value lost or overrode. */
  file: number;
  /** Path of the offending node inside that file. */
  path: AnswersPath;
  /** Says what the merge kept and what was found. */
  message: string;
}

/** A merged assessment plus what the merge had to decide. */
export type MergedAssessment = AssessmentInput & { conflicts: MergeConflict[] };

/** How the merge names files in messages and recognises `init`'s placeholders. */
export interface MergeOptions {
  /** The files' names as the user gave them; "answers file N" when omitted. */
  names?: readonly string[];
  /** `init`'s placeholder texts: a later file's real value wins over a placeholder. */
  placeholders?: TemplatePlaceholders;
}

type MetaField = {
  path: AnswersPath;
  get: (meta: AssessmentMeta) => string | number | undefined;
  placeholder?: PlaceholderField;
};

const META_FIELDS: MetaField[] = [
  ...PLACEHOLDER_FIELDS.filter((f) => f !== "assessor").map((f) => ({
    path: PLACEHOLDER_PATHS[f],
    get: (m: AssessmentMeta) => placeholderFieldValue(m, f),
    placeholder: f,
  })),
  // These choose the profile (weights, targets, pace) and the roadmap's path: a file that
  // disagrees would otherwise change the results without a word.
  { path: ["assessment", "client", "employees"], get: (m) => m.client.employees },
  { path: ["assessment", "client", "profile"], get: (m) => m.client.profile },
  { path: ["assessment", "client", "crmSituation"], get: (m) => m.client.crmSituation },
  { path: ["assessment", "date"], get: (m) => m.date },
  {
    path: PLACEHOLDER_PATHS.assessor,
    get: (m) => m.assessor,
    placeholder: "assessor",
  },
  { path: ["assessment", "questionnaire", "id"], get: (m) => m.questionnaire.id },
  { path: ["assessment", "questionnaire", "version"], get: (m) => m.questionnaire.version },
  { path: ["assessment", "horizonMonths"], get: (m) => m.horizonMonths },
];

const show = (value: unknown): string => (value === undefined ? "nothing" : JSON.stringify(value));

/**
 * The merged metadata: the first file's, except that a field still holding `init`'s placeholder
 * takes the first real value a later file gives. Returns, per field, the file the value came from.
 */
function mergeMeta(
  files: readonly AnswersFile[],
  placeholders: TemplatePlaceholders | undefined,
): { meta: AssessmentMeta; from: Map<MetaField, number> } {
  const first = files[0] as AnswersFile;
  const meta: AssessmentMeta = { ...first.assessment, client: { ...first.assessment.client } };
  const from = new Map<MetaField, number>();
  for (const field of META_FIELDS) {
    from.set(field, 0);
    const f = field.placeholder;
    if (f === undefined || placeholders === undefined) continue;
    if (!isPlaceholder(placeholders, f, placeholderFieldValue(meta, f))) continue;
    const index = files.findIndex((file, i) => {
      const value = placeholderFieldValue(file.assessment, f);
      return i > 0 && value !== undefined && !isPlaceholder(placeholders, f, value);
    });
    if (index < 0) continue;
    const value = placeholderFieldValue((files[index] as AnswersFile).assessment, f) as string;
    if (f === "assessor") meta.assessor = value;
    else meta.client[f] = value;
    from.set(field, index);
  }
  return { meta, from };
}

/**
 * Merges answer files into one assessment: respondents are concatenated in file order, metadata
 * comes from the first file (a field still holding `init`'s placeholder from the first file that
 * fills it in), later targets override earlier ones. Disagreements are returned as `conflicts`
 * (a later file's differing metadata, overridden targets, repeated respondent ids), naming both
 * files. Throws RangeError when given no file.
 */
export function mergeAnswerFiles(
  files: readonly AnswersFile[],
  options: MergeOptions = {},
): MergedAssessment {
  if (files.length === 0) {
    throw new RangeError("mergeAnswerFiles needs at least one answers file");
  }
  const name = (i: number) => options.names?.[i] ?? `answers file ${i + 1}`;
  const { placeholders } = options;
  const { meta, from } = mergeMeta(files, placeholders);
  const conflicts: MergeConflict[] = [];
  const targets: Record<string, number> = {};
  const targetFrom = new Map<string, number>();
  const respondentFrom = new Map<string, { file: number; index: number }>();
  const respondents: AssessmentInput["respondents"] = [];
  const goals = files.flatMap((file) => file.goals ?? []);

  files.forEach((file, index) => {
    for (const field of META_FIELDS) {
      const source = from.get(field) ?? 0;
      if (index === source) continue;
      const kept = field.get(meta);
      const found = field.get(file.assessment);
      if (found === undefined || found === kept) continue;
      const f = field.placeholder;
      if (f !== undefined && placeholders && isPlaceholder(placeholders, f, String(found))) {
        continue;
      }
      conflicts.push({
        code: "metadata-mismatch",
        file: index,
        path: field.path,
        message: `expected ${show(kept)} as in ${name(source)}, found ${show(found)}; the value of ${name(source)} is used`,
      });
    }
    for (const [dimension, target] of Object.entries(file.targets ?? {})) {
      const earlier = targetFrom.get(dimension);
      const previous = targets[dimension];
      if (earlier !== undefined && previous !== target) {
        conflicts.push({
          code: "target-override",
          file: index,
          path: ["targets", dimension],
          message: `target for ${dimension} was ${previous} in ${name(earlier)}, found ${target}; the later value ${target} is used`,
        });
      }
      targets[dimension] = target;
      targetFrom.set(dimension, index);
    }
    file.respondents.forEach((respondent, i) => {
      const earlier = respondentFrom.get(respondent.id);
      if (earlier !== undefined && earlier.file !== index) {
        conflicts.push({
          code: "duplicate-respondent",
          file: index,
          path: ["respondents", i, "id"],
          message: `expected a respondent id not used before, found "${respondent.id}" already used in ${name(earlier.file)} (respondents[${earlier.index}]); give one of them another id`,
        });
      }
      if (earlier === undefined) respondentFrom.set(respondent.id, { file: index, index: i });
      respondents.push(respondent);
    });
  });

  return {
    assessment: meta,
    targets,
    ...(goals.length > 0 ? { goals } : {}),
    respondents,
    conflicts,
  };
}
