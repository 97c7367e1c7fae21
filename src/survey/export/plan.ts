// What every generated survey holds, whatever the platform: the role question, then each question
// of the questionnaire with a stable item code and its options (the five anchors or agreement
// labels, "does not apply" and "don't know"), and the mapping that reads the platform's export back.

import { createHash } from "node:crypto";
import { MAPPING_PLACEHOLDERS } from "../../core/answers/placeholders.js";
import type { Lang } from "../../core/models/languages.js";
import type {
  AnswerValue,
  ExclusionRule,
  mappingSchema,
  PresetId,
} from "../../core/models/mapping.js";
import { profileIds } from "../../core/questionnaire/profiles.js";
import type { LocalizedText, Question } from "../../core/questionnaire/schema.js";
import type { ComposedDimension, Questionnaire } from "../../core/questionnaire/types.js";
import { shellQuote } from "../../core/text/shell.js";
import type { z } from "../../core/zod.js";
import { messagesFor } from "../../i18n/index.js";
import type { Messages } from "../../i18n/messages.js";
import { loadYaml } from "../../io/yaml.js";
import { normalizeLabel } from "../answer-texts.js";

/** The platforms `crm-maturity survey` writes for. */
export const SURVEY_PLATFORMS = [
  "limesurvey",
  "qualtrics",
  "wjx",
  "google-forms",
  "paper",
] as const;
export type SurveyPlatform = (typeof SURVEY_PLATFORMS)[number];

/** The file formats each platform's survey is written in, the default first. */
export const SURVEY_FORMATS = {
  limesurvey: ["txt"],
  qualtrics: ["txt", "qsf"],
  wjx: ["txt"],
  "google-forms": ["gs"],
  paper: ["pdf", "docx"],
} as const satisfies Record<SurveyPlatform, readonly string[]>;
export type SurveyFormat = (typeof SURVEY_FORMATS)[SurveyPlatform][number];

/**
 * The language a platform's survey is written in without `--lang`, when the questionnaire is
 * written in it: 问卷星 is a Chinese platform whose respondents read Chinese. Other platforms
 * take the questionnaire's first language.
 */
export const SURVEY_DEFAULT_LANG: Partial<Record<SurveyPlatform, Lang>> = { wjx: "zh-CN" };

/** One answer option: its code in the platform, the answer it stands for, its text per language. */
export interface SurveyOption {
  code: string;
  value: AnswerValue;
  text: Partial<Record<Lang, string>>;
}

export interface SurveyItem {
  /** Letters and digits, starting with a letter, at most 20 characters, unique. */
  code: string;
  question: Question;
  dimension: ComposedDimension;
  /** Position in its dimension's `questions`, for messages. */
  index: number;
  text: Partial<Record<Lang, string>>;
  options: SurveyOption[];
}

export interface RoleOption {
  code: string;
  role: string;
  text: Partial<Record<Lang, string>>;
}

export interface SurveyPlan {
  questionnaire: Questionnaire;
  /** The languages written, the first being the survey's base language. */
  langs: Lang[];
  roleCode: string;
  roleText: Partial<Record<Lang, string>>;
  roles: RoleOption[];
  items: SurveyItem[];
}

/** The role question's item code. */
export const ROLE_CODE = "ROLE";
/** Option codes for "does not apply" and "don't know" (answer codes: at most 5 letters or digits). */
export const NA_CODE = "NA";
export const DK_CODE = "DK";

const localized = (text: LocalizedText | undefined, langs: Lang[]) =>
  Object.fromEntries(langs.flatMap((l) => (text?.[l] ? [[l, text[l]]] : []))) as Partial<
    Record<Lang, string>
  >;

/**
 * A stable item code for a question id: its letters and digits (`lead.ceo-ownership` →
 * `leadceoownership`), prefixed with `Q` when it starts with a digit; ids longer than 20 such
 * characters, or colliding after squashing, keep 15 and add 5 of a hash of the whole id.
 */
export function itemCodes(ids: readonly string[]): Map<string, string> {
  const squash = (id: string) => {
    const s = id.replace(/[^A-Za-z0-9]/g, "");
    return /^[A-Za-z]/.test(s) ? s : `Q${s}`;
  };
  const count = new Map<string, number>();
  for (const id of ids) count.set(squash(id), (count.get(squash(id)) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const id of ids) {
    const s = squash(id);
    const hash = createHash("sha256").update(id).digest("hex");
    const short = (Number.parseInt(hash.slice(0, 10), 16) % 36 ** 5).toString(36).padStart(5, "0");
    out.set(
      id,
      s.length <= 20 && count.get(s) === 1 && s !== ROLE_CODE ? s : `${s.slice(0, 15)}${short}`,
    );
  }
  return out;
}

/** Builds the plan of a survey in `langs` (the first is the base language). */
export function planSurvey(questionnaire: Questionnaire, langs: Lang[]): SurveyPlan {
  const all = (pick: (l: Messages["survey"]) => string) =>
    Object.fromEntries(langs.map((l) => [l, pick(messagesFor(l).survey)])) as Record<Lang, string>;
  // The agreement labels are the interview's, so a survey and an interview word them alike.
  const agreement = (level: number) =>
    Object.fromEntries(
      langs.map((l) => [l, messagesFor(l).interview.likert[level - 1] as string]),
    ) as Record<Lang, string>;
  const questions = questionnaire.dimensions.flatMap((d) => d.questions);
  const codes = itemCodes(questions.map((q) => q.id));
  const extra: SurveyOption[] = [
    { code: NA_CODE, value: "na", text: all((l) => l.notApplicable) },
    { code: DK_CODE, value: "unknown", text: all((l) => l.dontKnow) },
  ];
  const items: SurveyItem[] = questionnaire.dimensions.flatMap((dimension) =>
    dimension.questions.map((question, index) => {
      const options: SurveyOption[] = [1, 2, 3, 4, 5].map((level) => ({
        code: String(level),
        value: level,
        text:
          question.type === "level"
            ? localized(question.levels?.[String(level)], langs)
            : agreement(level),
      }));
      return {
        code: codes.get(question.id) as string,
        question,
        dimension,
        index,
        text: localized(question.text, langs),
        options: [...options, ...extra],
      };
    }),
  );
  const roles = questionnaire.roles
    .filter((r) => r.respondent !== false)
    .map((r, i) => ({ code: `R${i + 1}`, role: r.id, text: localized(r.name, langs) }));
  return {
    questionnaire,
    langs,
    roleCode: ROLE_CODE,
    roleText: all((l) => l.roleQuestion),
    roles,
    items,
  };
}

/** Something a platform cannot represent, located at the question (or the questionnaire). */
export interface SurveyProblem {
  item?: SurveyItem;
  message: string;
}

/** The problems common to every platform: a text missing in a language the survey is written in. */
export function missingTexts(plan: SurveyPlan): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  for (const item of plan.items) {
    for (const lang of plan.langs) {
      if (!item.text[lang]) problems.push({ item, message: `has no ${lang} text` });
      const missing = item.options.filter((o) => !o.text[lang]).map((o) => o.code);
      if (missing.length)
        problems.push({ item, message: `has no ${lang} anchor for level ${missing.join(", ")}` });
    }
  }
  for (const role of plan.roles) {
    for (const lang of plan.langs) {
      if (!role.text[lang]) problems.push({ message: `role ${role.role} has no ${lang} name` });
    }
  }
  return problems;
}

/** Problems for platforms whose export holds the option texts: two options of one item alike. */
export function ambiguousOptions(plan: SurveyPlan): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  for (const item of plan.items) {
    // Compared as `batch` reads a cell (ignoring case, width and spacing), across the languages:
    // the mapping reads every language's texts of a question alike.
    const seen = new Map<string, { code: string; lang: Lang }>();
    for (const lang of plan.langs) {
      for (const o of item.options) {
        const t = normalizeLabel(o.text[lang] ?? "");
        if (t === "") continue; // missingTexts reports it
        const first = seen.get(t);
        if (first !== undefined && first.code !== o.code)
          problems.push({
            item,
            message:
              first.lang === lang
                ? `options ${first.code} and ${o.code} have the same ${lang} text, so its export could not tell them apart`
                : `option ${first.code}'s ${first.lang} text is option ${o.code}'s ${lang} text, so its export could not tell them apart`,
          });
        else if (first === undefined) seen.set(t, { code: o.code, lang });
      }
    }
  }
  return problems;
}

/** Problems for line-based formats: a text holding a line break, or a marker of the format. */
export function lineProblems(plan: SurveyPlan, marker?: RegExp): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  for (const item of plan.items) {
    for (const lang of plan.langs) {
      const texts: [string, string][] = [
        ["its text", item.text[lang] ?? ""],
        ...item.options.map((o): [string, string] => [`option ${o.code}`, o.text[lang] ?? ""]),
      ];
      for (const [what, text] of texts) {
        if (/[\r\n]/.test(text.trim()))
          problems.push({
            item,
            message: `${what} (${lang}) spans several lines; this format takes one line`,
          });
        if (marker?.test(text))
          problems.push({
            item,
            message: `${what} (${lang}) holds ${marker.source.replace(/\\/g, "")}, which this format reads as markup`,
          });
      }
    }
  }
  return problems;
}

/** How a platform's export names its columns and what it adds, for the mapping. */
export interface ExportLayout {
  preset: PresetId;
  /** The column holding a unique respondent id, if the export has one. */
  idColumn?: string;
  /** The column of the role question. */
  roleColumn: string;
  /** The column of each item. */
  column: (item: SurveyItem) => string;
  /** What the role column holds for each role (codes and texts). */
  roleValues: (role: RoleOption) => string[];
  exclude?: ExclusionRule[];
  /** What the item columns may hold besides 1–5: option codes or texts. */
  labels: Record<string, AnswerValue>;
}

/** Labels for the options' texts in every language (levels are also read from anchors). */
export function optionTextLabels(plan: SurveyPlan): Record<string, AnswerValue> {
  const labels: Record<string, AnswerValue> = {};
  for (const lang of plan.langs) {
    const l = messagesFor(lang).survey;
    messagesFor(lang).interview.likert.forEach((text, i) => {
      labels[text] = i + 1;
    });
    labels[l.notApplicable] = "na";
    labels[l.dontKnow] = "unknown";
  }
  return labels;
}

/** The mapping that scores the platform's export of this survey, as YAML with a header comment. */
export function renderMapping(
  plan: SurveyPlan,
  layout: ExportLayout,
  opts: {
    platform: SurveyPlatform;
    date: string;
    schemaRef?: string;
    /** `-q` as the user gave it; absent for the bundled pack. */
    questionnaireArg?: string;
  },
): string {
  const q = plan.questionnaire;
  const values: Record<string, string> = {};
  for (const r of plan.roles) for (const v of layout.roleValues(r)) values[v] = r.role;
  // Level questions' anchor texts, in every language, are read as their levels without a label.
  const questions: Record<string, string> = {};
  for (const item of plan.items) questions[layout.column(item)] = item.question.id;
  // The mapping file's fields in the order a person reads them (the zod input type of `Mapping`).
  const mapping: z.input<typeof mappingSchema> = {
    assessment: {
      // The profile the survey was cut for: batch scores the export with the same one.
      client: {
        name: MAPPING_PLACEHOLDERS.name,
        ...(q.profile ? { profile: profileIds(q.profile) } : {}),
      },
      date: opts.date,
      assessor: MAPPING_PLACEHOLDERS.assessor,
      questionnaire: { id: q.id, version: q.version },
    },
    preset: layout.preset,
    respondent: {
      ...(layout.idColumn ? { id: layout.idColumn } : {}),
      role: { column: layout.roleColumn, values },
    },
    ...(layout.exclude?.length ? { exclude: layout.exclude } : {}),
    questions,
    labels: layout.labels,
  };
  const head = [
    ...(opts.schemaRef ? [`# yaml-language-server: $schema=${opts.schemaRef}`] : []),
    `# Written by \`crm-maturity survey --platform ${opts.platform}\` for questionnaire ${q.id} ${q.version}:`,
    "# it reads that platform's export of the generated survey (see docs/survey.md for the export",
    "# settings). Fill in the client, the date and the assessor, then run:",
    `#   crm-maturity batch <export> --map <this file>${opts.questionnaireArg ? ` -q ${shellQuote(opts.questionnaireArg)}` : ""}`,
  ];
  return `${head.join("\n")}\n${loadYaml().stringify(mapping, { lineWidth: 0 })}`;
}
