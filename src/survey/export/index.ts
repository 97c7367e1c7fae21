// The survey writers, one module per platform, loaded on first use.
import type {
  ExportLayout,
  SurveyFormat,
  SurveyPlan,
  SurveyPlatform,
  SurveyProblem,
} from "./plan.js";
import type { SurveyFile } from "./types.js";

export interface SurveyWriter {
  /** What the platform cannot represent, per question, before anything is written. */
  check(plan: SurveyPlan, format: SurveyFormat): SurveyProblem[];
  files(plan: SurveyPlan, format: SurveyFormat): SurveyFile[] | Promise<SurveyFile[]>;
  /** How the platform's export of the survey is laid out, for its mapping (the same for every format). */
  layout(plan: SurveyPlan): ExportLayout;
}

/**
 * Whether the survey holds every language of the questionnaire at once: LimeSurvey's structure
 * and Qualtrics's QSF (its translations) do; the other formats take one language.
 */
export function isMultilingual(platform: SurveyPlatform, format: SurveyFormat): boolean {
  return platform === "limesurvey" || (platform === "qualtrics" && format === "qsf");
}

export const SURVEY_WRITERS: Record<SurveyPlatform, () => Promise<SurveyWriter>> = {
  limesurvey: () => import("./limesurvey.js"),
  qualtrics: () => import("./qualtrics.js"),
  wjx: () => import("./wjx.js"),
  "google-forms": () => import("./google-forms.js"),
  paper: () => import("./paper.js"),
};
