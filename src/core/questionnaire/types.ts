import type {
  Dimension,
  IndustryProfile,
  LocalizedText,
  Methodology,
  ProfileSet,
  Question,
  ReadinessRule,
  Recommendation,
  Risk,
  Role,
  ScaleLevel,
  SizeProfile,
} from "./schema.js";

/** A recommendation whose dimension has been resolved. */
export type ResolvedRecommendation = Recommendation & { dimension: string };

/** A risk with the dimension that declared it (absent for questionnaire-wide risks). */
export type ResolvedRisk = Risk & { dimension?: string };

/** A dimension as composed into a questionnaire, with its source file. */
export type ComposedDimension = Omit<Dimension, "recommendations" | "risks"> & {
  recommendations: ResolvedRecommendation[];
  risks: ResolvedRisk[];
  file: string;
};

/** A fully composed questionnaire: the root plus every included dimension. */
export interface Questionnaire {
  id: string;
  version: string;
  languages: string[];
  title: LocalizedText;
  description?: LocalizedText;
  scale: ScaleLevel[];
  roles: Role[];
  pace: { monthsPerLevel: number };
  dimensions: ComposedDimension[];
  /** Every risk, dimension-level and questionnaire-wide, in declaration order. */
  risks: ResolvedRisk[];
  /** Every recommendation across dimensions, in declaration order. */
  recommendations: ResolvedRecommendation[];
  readiness: ReadinessRule[];
  /** The pack's consulting method; absent for a questionnaire that brings none. */
  methodology?: Methodology;
  /** Industry profiles and size bands the questionnaire declares. */
  profiles?: ProfileSet;
  /** The profile applied to this questionnaire (`applyProfile`); absent for the standard weights. */
  profile?: ChosenProfile;
  /** Absolute path of the root file, and every file composed into it. */
  source: { root: string; files: string[] };
}

export type { Question };

/** True when the question is put to `role` (questions without `roles` go to everyone). */
export const isForRole = (question: Question, role: string): boolean =>
  question.roles === undefined || question.roles.includes(role);

/** Roles people answer as; owner-only roles (`respondent: false`, e.g. hr) are left out. */
export const respondentRoles = (questionnaire: Pick<Questionnaire, "roles">): Role[] =>
  questionnaire.roles.filter((r) => r.respondent !== false);

/** The role whose view is compared with the front line's for perception gaps. */
export const EXECUTIVE_ROLE = "executive";
/** The front-line role of perception gaps. */
export const FRONTLINE_ROLE = "frontline";

/**
 * The perception-gap roles (`executive`, `frontline`) the questionnaire does not have as roles
 * that answer; perception gaps can be measured only when this is empty.
 */
export const missingPerceptionRoles = (questionnaire: Pick<Questionnaire, "roles">): string[] => {
  const answering = new Set(respondentRoles(questionnaire).map((r) => r.id));
  return [EXECUTIVE_ROLE, FRONTLINE_ROLE].filter((id) => !answering.has(id));
};

/** How a profile was chosen: `--profile`, or the answers' client industry and size. */
export type ProfileSource = "option" | "answers";

/** The industry profile and size band chosen for an assessment (either may be absent). */
export interface ChosenProfile {
  industry?: IndustryProfile;
  size?: SizeProfile;
  chosenBy: ProfileSource;
}
