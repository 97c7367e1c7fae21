import type { Lang } from "../core/models/languages.js";

/**
 * Every text a generated survey shows that does not come from the questionnaire (the agreement
 * labels of Likert items are the interview's).
 */
export interface SurveyLabels {
  /** The role question. */
  roleQuestion: string;
  dontKnow: string;
  notApplicable: string;
  /** Instructions at the top of an online survey. */
  intro: string;
  /** Paper: how to fill the form in. */
  paperInstructions: string;
  paperRespondent: string;
  /** A question put to some roles only. */
  forRolesOnly: (roles: string[]) => string;
}

const en: SurveyLabels = {
  roleQuestion: "What is your role in the company?",
  dontKnow: "Don't know",
  notApplicable: "Does not apply to our company",
  intro:
    "For each question, choose the answer that describes what actually happens in the company today, not what is planned.",
  paperInstructions:
    "Tick one box for each question: the answer that describes what actually happens today. Leave a question blank if it is not for your role.",
  paperRespondent: "Respondent number",
  forRolesOnly: (roles) => `(for ${roles.join(", ")} only)`,
};

const zhCN: SurveyLabels = {
  roleQuestion: "您在公司中的角色是？",
  dontKnow: "不知道",
  notApplicable: "不适用于本公司",
  intro: "请为每个问题选择最符合公司目前实际情况的答案，而不是计划中的情况。",
  paperInstructions: "每题只勾选一个方框：选择最符合目前实际情况的答案。与您角色无关的题目请留空。",
  paperRespondent: "答卷编号",
  forRolesOnly: (roles) => `（仅限${roles.join("、")}作答）`,
};

export const SURVEY_LABELS: Record<Lang, SurveyLabels> = { en, "zh-CN": zhCN };
