// The survey writers, one module per platform, loaded on first use.
import type { ExportLayout, SurveyPlan, SurveyPlatform, SurveyProblem } from "./plan.js";
import type { SurveyFile } from "./types.js";

export interface SurveyWriter {
  /** What the platform cannot represent, per question, before anything is written. */
  check(plan: SurveyPlan): SurveyProblem[];
  files(plan: SurveyPlan): SurveyFile[] | Promise<SurveyFile[]>;
  /** How the platform's export of the survey is laid out, for its mapping. */
  layout(plan: SurveyPlan): ExportLayout;
}

/** Platforms whose survey holds every language at once (the others take one language). */
export const MULTILINGUAL: ReadonlySet<SurveyPlatform> = new Set(["limesurvey"]);

export const SURVEY_WRITERS: Record<SurveyPlatform, () => Promise<SurveyWriter>> = {
  limesurvey: () => import("./limesurvey.js"),
  qualtrics: () => import("./qualtrics.js"),
  wjx: () => import("./wjx.js"),
  "google-forms": () => import("./google-forms.js"),
  paper: () => import("./paper.js"),
};
