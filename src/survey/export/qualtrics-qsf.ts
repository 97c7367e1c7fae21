// The Qualtrics survey file (.qsf: JSON; Survey → Tools → Import/Export → Import Survey, or
// Create project → Survey → From a file). Laid out as Qualtrics's own exports are (compared field
// by field with published .qsf files): `SurveyEntry`, then `SurveyElements` — the blocks (BL), the
// flow (FL), the options (SO, with the languages the survey offers), scoring, project, statistics,
// question count (QC), the response set (RS) and one SQ per question. Each question is a vertical
// single-answer multiple choice (MC/SAVR) whose `DataExportTag` is the item code and whose recode
// values are 1–7 in the options' order; the other languages are the question's `Language`
// translations, which keep the export tags and recode values. A question put to some roles only
// has display logic on the role question's answer, as LimeSurvey's relevance. Ids are derived from the
// questionnaire, so the same questionnaire gives the same bytes (Qualtrics assigns its own on
// import).
import { createHash } from "node:crypto";
import type { Lang } from "../../core/models/languages.js";
import { messagesFor } from "../../i18n/index.js";
import type { SurveyItem, SurveyPlan } from "./plan.js";

/** Qualtrics's language codes for the languages this tool writes. */
export const QUALTRICS_LANGUAGE: Record<Lang, string> = { en: "EN", "zh-CN": "ZH-S" };

// A fixed date: the file depends on the questionnaire only.
const DATE = "2000-01-01 00:00:00";
const NEVER = "0000-00-00 00:00:00";

/** A Qualtrics-style id (`SV_` + 15 letters and digits) derived from `seed`. */
function qid(prefix: string, seed: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = createHash("sha256").update(seed).digest();
  let id = "";
  for (let i = 0; i < 15; i++) id += alphabet[(bytes[i] as number) % alphabet.length];
  return `${prefix}_${id}`;
}

const oneLine = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** Question and choice texts are HTML in a QSF. */
const html = (s: string) =>
  oneLine(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface Question {
  tag: string;
  /** Text per language (plain), the base language first. */
  text: (lang: Lang) => string;
  /** Choice texts per language, in order; none for descriptive text. */
  choices?: (lang: Lang) => string[];
  /** The role question's choice numbers that see this question; every role when absent. */
  shownTo?: number[];
}

/** What every part of the survey file needs: the plan, its languages and the ids derived from it. */
interface Context {
  plan: SurveyPlan;
  base: Lang;
  others: Lang[];
  seed: string;
  surveyId: string;
  /** The role question's id, which display logic refers to. */
  roleId: string;
  roleChoices: string[];
}

type Block = { title: (lang: Lang) => string; questions: Question[] };
type Numbered = { id: string; question: Question };

/** The role block, then one block per dimension with its items. */
function surveyBlocks(plan: SurveyPlan): Block[] {
  const itemText = (item: SurveyItem) => (lang: Lang) => oneLine(item.text[lang]);
  const shownTo = (item: SurveyItem) => {
    const roles = item.question.roles;
    return roles
      ? plan.roles.flatMap((r, i) => (roles.includes(r.role) ? [i + 1] : []))
      : undefined;
  };
  return [
    {
      title: (lang) => oneLine(plan.roleText[lang]),
      questions: [
        { tag: "INTRO", text: (lang) => messagesFor(lang).survey.intro },
        {
          tag: plan.roleCode,
          text: (lang) => oneLine(plan.roleText[lang]),
          choices: (lang) => plan.roles.map((r) => r.text[lang] ?? r.role),
        },
      ],
    },
    ...plan.questionnaire.dimensions.map((dimension) => ({
      title: (lang: Lang) => oneLine(dimension.title[lang] ?? dimension.id),
      questions: plan.items
        .filter((i) => i.dimension === dimension)
        .map((item) => ({
          tag: item.code,
          text: itemText(item),
          choices: (lang: Lang) => item.options.map((o) => o.text[lang] ?? o.code),
          shownTo: shownTo(item),
        })),
    })),
  ];
}

function element(
  ctx: Context,
  kind: string,
  primary: string,
  secondary: string | null,
  payload: unknown,
  tertiary: string | null = null,
) {
  return {
    SurveyID: ctx.surveyId,
    Element: kind,
    PrimaryAttribute: primary,
    SecondaryAttribute: secondary,
    TertiaryAttribute: tertiary,
    Payload: payload,
  };
}

// Shown only when the role question's answer is one of the roles it is put to, as Qualtrics
// writes display logic on a multiple-choice answer ("Selected", alternatives joined by "Or").
function displayLogic(ctx: Context, choices: number[]) {
  const { roleId, plan, base, roleChoices } = ctx;
  return {
    "0": {
      ...Object.fromEntries(
        choices.map((c, i) => [
          String(i),
          {
            LogicType: "Question",
            QuestionID: roleId,
            QuestionIsInLoop: "no",
            ChoiceLocator: `q://${roleId}/SelectableChoice/${c}`,
            Operator: "Selected",
            QuestionIDFromLocator: roleId,
            LeftOperand: `q://${roleId}/SelectableChoice/${c}`,
            Type: "Expression",
            Description: `<span class="ConjDesc">${i === 0 ? "If" : "Or"}</span> <span class="QuestionDesc">${html(plan.roleText[base] ?? "")}</span> <span class="LeftOpDesc">${html(roleChoices[c - 1] ?? "")}</span> Is <span class="OpDesc">Selected</span> `,
            ...(i > 0 ? { Conjuction: "Or" } : {}),
          },
        ]),
      ),
      Type: "If",
    },
    Type: "BooleanExpression",
    inPage: false,
  };
}

const numbered = (texts: string[]) =>
  Object.fromEntries(texts.map((t, i) => [String(i + 1), { Display: html(t) }]));

/** One question as a survey element (SQ): multiple choice, or descriptive text without choices. */
function surveyQuestion(ctx: Context, { id, question }: Numbered) {
  const { base, others } = ctx;
  const plain = oneLine(question.text(base));
  const choices = question.choices?.(base);
  const translations = Object.fromEntries(
    others.map((lang) => [
      QUALTRICS_LANGUAGE[lang],
      {
        QuestionText: html(question.text(lang)),
        ...(question.choices ? { Choices: numbered(question.choices(lang)) } : {}),
      },
    ]),
  );
  const payload = {
    QuestionText: html(question.text(base)),
    DefaultChoices: false,
    DataExportTag: question.tag,
    QuestionID: id,
    QuestionType: choices ? "MC" : "DB",
    Selector: choices ? "SAVR" : "TB",
    ...(choices ? { SubSelector: "TX" } : {}),
    Configuration: choices
      ? { QuestionDescriptionOption: "UseText", TextPosition: "inline" }
      : { QuestionDescriptionOption: "UseText" },
    QuestionDescription: plain,
    ...(choices
      ? {
          Choices: numbered(choices),
          ChoiceOrder: choices.map((_, i) => String(i + 1)),
          // Explicit, so "numeric values" exports 1–7 even if choices are later reordered.
          RecodeValues: Object.fromEntries(choices.map((_, i) => [String(i + 1), String(i + 1)])),
        }
      : { ChoiceOrder: [] }),
    Validation: { Settings: { ForceResponse: "OFF", ForceResponseType: "ON", Type: "None" } },
    ...(question.shownTo ? { DisplayLogic: displayLogic(ctx, question.shownTo) } : {}),
    GradingData: [],
    Language: others.length ? translations : [],
    DataVisibility: { Private: false, Hidden: false },
    ...(choices ? { NextChoiceId: choices.length + 1, NextAnswerId: 1 } : {}),
  };
  return element(ctx, "SQ", id, plain.length > 100 ? `${plain.slice(0, 99)}...` : plain, payload);
}

/** The blocks and the flow through them (BL, FL). */
function blockElements(ctx: Context, blocks: Block[], questions: Numbered[][]) {
  const { seed, base } = ctx;
  const blockIds = blocks.map((_, i) => qid("BL", `${seed}#block${i}`));
  return [
    element(ctx, "BL", "Survey Blocks", null, [
      ...blocks.map((block, i) => ({
        Type: i === 0 ? "Default" : "Standard",
        Description: block.title(base),
        ID: blockIds[i],
        BlockElements: (questions[i] ?? []).map(({ id }) => ({ Type: "Question", QuestionID: id })),
      })),
      {
        Type: "Trash",
        Description: "Trash / Unused Questions",
        ID: qid("BL", `${seed}#trash`),
        BlockElements: [],
      },
    ]),
    element(ctx, "FL", "Survey Flow", null, {
      Flow: blockIds.map((id, i) => ({ ID: id, Type: "Block", FlowID: `FL_${i + 2}` })),
      Properties: { Count: blockIds.length + 1 },
      FlowID: "FL_1",
      Type: "Root",
    }),
  ];
}

/** The survey's options (SO): navigation, protection, title and languages. */
function optionsElement(ctx: Context) {
  const { plan, base } = ctx;
  const q = plan.questionnaire;
  return element(ctx, "SO", "Survey Options", null, {
    BackButton: "true",
    SaveAndContinue: "true",
    SurveyProtection: "PublicSurvey",
    BallotBoxStuffingPrevention: "false",
    NoIndex: "Yes",
    SecureResponseFiles: "true",
    SurveyExpiration: "None",
    SurveyTermination: "DefaultMessage",
    Header: "",
    Footer: "",
    ProgressBarDisplay: "Text",
    PartialData: "+1 week",
    ValidationMessage: "",
    PreviousButton: " ← ",
    NextButton: " → ",
    SurveyTitle: oneLine(q.title[base] ?? q.id),
    SkinType: "templated",
    Skin: { brandingId: null, templateId: "*base", overrides: null },
    NewScoring: 1,
    AvailableLanguages: Object.fromEntries(plan.langs.map((l) => [QUALTRICS_LANGUAGE[l], []])),
  });
}

/** Renders the plan as a .qsf (UTF-8 JSON). */
export function renderQsf(plan: SurveyPlan): string {
  const q = plan.questionnaire;
  const base = plan.langs[0] as Lang;
  const seed = `${q.id}@${q.version}`;
  const surveyId = qid("SV", seed);
  const owner = qid("UR", `${seed}#owner`);
  const responseSet = qid("RS", `${seed}#responses`);
  const blocks = surveyBlocks(plan);
  let n = 0;
  const questions = blocks.map((block) =>
    block.questions.map((question) => ({ id: `QID${++n}`, question })),
  );
  const ctx: Context = {
    plan,
    base,
    others: plan.langs.slice(1),
    seed,
    surveyId,
    roleId: questions[0]?.[1]?.id as string,
    roleChoices: plan.roles.map((r) => r.text[base] ?? r.role),
  };
  const elements = [
    ...blockElements(ctx, blocks, questions),
    optionsElement(ctx),
    element(ctx, "SCO", "Scoring", null, {
      ScoringCategories: [],
      ScoringCategoryGroups: [],
      ScoringSummaryCategory: null,
      ScoringSummaryAfterQuestions: 0,
      ScoringSummaryAfterSurvey: 0,
      DefaultScoringCategory: null,
      AutoScoringCategory: null,
    }),
    element(
      ctx,
      "PROJ",
      "CORE",
      null,
      { ProjectCategory: "CORE", SchemaVersion: "1.1.0" },
      "1.1.0",
    ),
    element(ctx, "STAT", "Survey Statistics", null, {
      MobileCompatible: true,
      ID: "Survey Statistics",
    }),
    element(ctx, "QC", "Survey Question Count", String(n), null),
    element(ctx, "RS", responseSet, "Default Response Set", null),
    ...questions.flat().map((numberedQuestion) => surveyQuestion(ctx, numberedQuestion)),
  ];
  const survey = {
    SurveyEntry: {
      SurveyID: surveyId,
      SurveyName: oneLine(q.title[base] ?? q.id),
      SurveyDescription: null,
      SurveyOwnerID: owner,
      SurveyBrandID: "",
      DivisionID: null,
      SurveyLanguage: QUALTRICS_LANGUAGE[base],
      SurveyActiveResponseSet: responseSet,
      SurveyStatus: "Inactive",
      SurveyStartDate: NEVER,
      SurveyExpirationDate: NEVER,
      SurveyCreationDate: DATE,
      CreatorID: owner,
      LastModified: DATE,
      LastAccessed: NEVER,
      LastActivated: NEVER,
      Deleted: null,
    },
    SurveyElements: elements,
  };
  return `${JSON.stringify(survey, null, 2)}
`;
}
