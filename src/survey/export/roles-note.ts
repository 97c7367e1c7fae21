import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import type { SurveyItem, SurveyPlan } from "./plan.js";

/** " (for Manager, Front-line employee only)" or "（仅限中层经理、一线员工作答）" for a question put to some roles, else "". */
export function rolesNote(plan: SurveyPlan, item: SurveyItem, lang: Lang): string {
  const roles = item.question.roles;
  if (!roles) return "";
  const names = plan.roles.filter((r) => roles.includes(r.role)).map((r) => r.text[lang] ?? r.role);
  return messagesFor(lang).survey.forRolesOnly(names);
}
