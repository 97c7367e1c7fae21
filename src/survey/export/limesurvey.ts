// LimeSurvey's tab-separated survey structure (Surveys → Import, a .txt file), every language of the
// plan in one survey: settings (S, SL), then per group and language a G row, its questions (Q, list
// radio `L`) and their answer options (A). Item codes become question codes; answer codes are
// 1–5, NA and DK, so an export with question codes and answer codes maps as written.
import { stringify } from "csv-stringify/sync";
import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import { PRESETS } from "../presets.js";
import {
  DK_CODE,
  type ExportLayout,
  missingTexts,
  NA_CODE,
  optionTextLabels,
  type SurveyPlan,
  type SurveyProblem,
} from "./plan.js";
import type { SurveyFile } from "./types.js";

const COLUMNS = [
  "id",
  "related_id",
  "class",
  "type/scale",
  "name",
  "relevance",
  "text",
  "help",
  "language",
  "validation",
  "mandatory",
  "other",
  "default",
  "same_default",
] as const;

/** LimeSurvey's own language codes. */
const LIMESURVEY_LANG: Record<Lang, string> = { en: "en", "zh-CN": "zh-Hans" };

type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

/** LimeSurvey stores a group name in 100 characters. */
const MAX_GROUP_NAME = 100;

export function check(plan: SurveyPlan): SurveyProblem[] {
  const long = plan.questionnaire.dimensions.flatMap((d) =>
    plan.langs
      .filter((l) => (d.title[l] ?? "").length > MAX_GROUP_NAME)
      .map((l) => ({
        message: `${d.file}: dimension ${d.id} has a ${l} title over the ${MAX_GROUP_NAME} characters LimeSurvey keeps for a group name`,
      })),
  );
  return [...missingTexts(plan), ...long];
}

export function files(plan: SurveyPlan): SurveyFile[] {
  const rows: Row[] = [];
  const [base, ...others] = plan.langs as [Lang, ...Lang[]];
  const q = plan.questionnaire;
  rows.push({ class: "S", name: "language", text: LIMESURVEY_LANG[base] });
  if (others.length)
    rows.push({
      class: "S",
      name: "additional_languages",
      text: others.map((l) => LIMESURVEY_LANG[l]).join(" "),
    });
  rows.push({ class: "S", name: "format", text: "G" });
  rows.push({ class: "S", name: "datestamp", text: "Y" });
  for (const lang of plan.langs) {
    const language = LIMESURVEY_LANG[lang];
    rows.push({ class: "SL", name: "surveyls_title", text: q.title[lang] ?? "", language });
    rows.push({
      class: "SL",
      name: "surveyls_description",
      text: messagesFor(lang).survey.intro,
      language,
    });
  }
  // Each language in turn: the role group, then one group per dimension. Groups and questions
  // carry the same numeric id in every language, which is how LimeSurvey's import pairs a
  // translation with its group or question (answers follow their question).
  for (const lang of plan.langs) {
    const language = LIMESURVEY_LANG[lang];
    rows.push({
      id: "1",
      class: "G",
      "type/scale": "1",
      name: plan.roleText[lang],
      relevance: "1",
      language,
    });
    rows.push({
      id: "1",
      class: "Q",
      "type/scale": "L",
      name: plan.roleCode,
      relevance: "1",
      text: plan.roleText[lang],
      language,
      mandatory: "Y",
      other: "N",
    });
    for (const r of plan.roles)
      rows.push({ class: "A", "type/scale": "0", name: r.code, text: r.text[lang], language });
    let qid = 1;
    q.dimensions.forEach((dimension, g) => {
      rows.push({
        id: String(g + 2),
        class: "G",
        "type/scale": String(g + 2),
        name: dimension.title[lang] ?? dimension.id,
        relevance: "1",
        text: dimension.description?.[lang] ?? "",
        language,
      });
      for (const item of plan.items.filter((i) => i.dimension === dimension)) {
        const roles = item.question.roles;
        // Put only to its roles: shown when the role answer is one of theirs.
        const relevance = roles
          ? plan.roles
              .filter((r) => roles.includes(r.role))
              .map((r) => `${plan.roleCode}.NAOK == "${r.code}"`)
              .join(" or ") || "0"
          : "1";
        rows.push({
          id: String(++qid),
          class: "Q",
          "type/scale": "L",
          name: item.code,
          relevance,
          text: item.text[lang],
          language,
          mandatory: "N",
          other: "N",
        });
        for (const o of item.options)
          rows.push({ class: "A", "type/scale": "0", name: o.code, text: o.text[lang], language });
      }
    });
  }
  const text = stringify(
    rows.map((r) => COLUMNS.map((c) => r[c] ?? "")),
    { delimiter: "\t", header: false, record_delimiter: "\n" },
  );
  return [{ name: "limesurvey-structure.txt", data: `${COLUMNS.join("\t")}\n${text}` }];
}

export function layout(plan: SurveyPlan): ExportLayout {
  return {
    preset: "limesurvey",
    idColumn: "id",
    roleColumn: plan.roleCode,
    column: (item) => item.code,
    roleValues: (r) => [r.code],
    exclude: PRESETS.limesurvey.exclude.filter((r) => r.column === "submitdate"),
    labels: { [NA_CODE]: "na", [DK_CODE]: "unknown", ...optionTextLabels(plan) },
  };
}
