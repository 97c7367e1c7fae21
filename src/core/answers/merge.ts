import type { AnswersPath, AssessmentInput } from "./input.js";
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

type MetaField = { path: AnswersPath; get: (meta: AssessmentMeta) => string | number | undefined };

const META_FIELDS: MetaField[] = [
  { path: ["assessment", "client", "name"], get: (m) => m.client.name },
  { path: ["assessment", "client", "industry"], get: (m) => m.client.industry },
  { path: ["assessment", "client", "size"], get: (m) => m.client.size },
  { path: ["assessment", "date"], get: (m) => m.date },
  { path: ["assessment", "assessor"], get: (m) => m.assessor },
  { path: ["assessment", "questionnaire", "id"], get: (m) => m.questionnaire.id },
  { path: ["assessment", "questionnaire", "version"], get: (m) => m.questionnaire.version },
  { path: ["assessment", "horizonMonths"], get: (m) => m.horizonMonths },
];

const show = (value: unknown): string => (value === undefined ? "nothing" : JSON.stringify(value));

/**
 * Merges answer files into one assessment: respondents are concatenated in file order, metadata
 * comes from the first file, later targets override earlier ones. Disagreements are returned as
 * `conflicts` (a later file's differing metadata, overridden targets, repeated respondent ids).
 * Throws RangeError when given no file.
 */
export function mergeAnswerFiles(files: readonly AnswersFile[]): MergedAssessment {
  const first = files[0];
  if (first === undefined) throw new RangeError("mergeAnswerFiles needs at least one answers file");
  const conflicts: MergeConflict[] = [];
  const targets: Record<string, number> = {};
  const targetFrom = new Map<string, number>();
  const respondentFrom = new Map<string, number>();
  const respondents: AssessmentInput["respondents"] = [];
  const goals = files.flatMap((file) => file.goals ?? []);

  files.forEach((file, index) => {
    if (index > 0) {
      for (const field of META_FIELDS) {
        const kept = field.get(first.assessment);
        const found = field.get(file.assessment);
        if (found !== undefined && found !== kept) {
          conflicts.push({
            code: "metadata-mismatch",
            file: index,
            path: field.path,
            message: `expected ${show(kept)} as in the first answers file, found ${show(found)}; the first file's value is used`,
          });
        }
      }
    }
    for (const [dimension, target] of Object.entries(file.targets ?? {})) {
      const earlier = targetFrom.get(dimension);
      const previous = targets[dimension];
      if (earlier !== undefined && previous !== target) {
        conflicts.push({
          code: "target-override",
          file: index,
          path: ["targets", dimension],
          message: `target for ${dimension} was ${previous} in answers file ${earlier + 1}, found ${target}; the later value ${target} is used`,
        });
      }
      targets[dimension] = target;
      targetFrom.set(dimension, index);
    }
    file.respondents.forEach((respondent, i) => {
      const earlier = respondentFrom.get(respondent.id);
      if (earlier !== undefined && earlier !== index) {
        conflicts.push({
          code: "duplicate-respondent",
          file: index,
          path: ["respondents", i, "id"],
          message: `expected a respondent id not used before, found "${respondent.id}" already used in answers file ${earlier + 1}`,
        });
      }
      if (earlier === undefined) respondentFrom.set(respondent.id, index);
      respondents.push(respondent);
    });
  });

  return {
    assessment: first.assessment,
    targets,
    ...(goals.length > 0 ? { goals } : {}),
    respondents,
    conflicts,
  };
}
