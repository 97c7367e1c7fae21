import type { SourceFile, YamlPath } from "../diagnostics/source.js";
import type { Dimension, ProfileSet, QuestionnaireRoot } from "./schema.js";
import type { Questionnaire } from "./types.js";

/** A value with the file and data path it came from, so rules can point at it. */
export interface Located<T> {
  value: T;
  file: SourceFile;
  path: YamlPath;
}

/** The parsed include tree of one questionnaire, before composition. */
export interface QuestionnaireTree {
  root: Located<QuestionnaireRoot>;
  dimensions: Located<Dimension>[];
  /** Profile sets, declared in the root or in included profile files, in include order. */
  profiles: Located<ProfileSet>[];
  files: string[];
}

/** Composes a checked tree into the questionnaire every later stage uses. */
export function composeQuestionnaire(tree: QuestionnaireTree): Questionnaire {
  const r = tree.root.value;
  const dimensions = tree.dimensions.map(({ value: d, file }) => ({
    ...d,
    file: file.path,
    risks: d.risks.map((risk) => ({ ...risk, dimension: d.id })),
    recommendations: d.recommendations.map((rec) => ({ ...rec, dimension: rec.dimension ?? d.id })),
  }));
  return {
    id: r.id,
    version: r.version,
    languages: r.languages,
    title: r.title,
    ...(r.description ? { description: r.description } : {}),
    scale: r.scale,
    roles: r.roles,
    pace: r.pace,
    dimensions,
    risks: [...dimensions.flatMap((d) => d.risks), ...r.risks],
    recommendations: dimensions.flatMap((d) => d.recommendations),
    readiness: r.readiness,
    ...(r.methodology ? { methodology: r.methodology } : {}),
    profiles: {
      industries: tree.profiles.flatMap((p) => p.value.industries),
      sizes: tree.profiles.flatMap((p) => p.value.sizes),
    },
    source: { root: tree.root.file.path, files: tree.files },
  };
}
