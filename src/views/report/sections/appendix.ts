import type { AnswerValue, Respondent } from "../../../core/answers/schema.js";
import { compareIds } from "../../../core/math/numbers.js";
import { LISTED_RESPONDENTS, respondentCount } from "../../../core/models/results-facts.js";
import { compareText } from "../../../core/text/compare.js";
import { localize } from "../../../i18n/format.js";
import type { ReportContext } from "../context.js";
import type { AppendixDimensionAnswers, ReportModel } from "../model.js";
import { readOnRwg } from "./perception.js";
import { buildReliability } from "./reliability.js";

function answerParts(value: AnswerValue): {
  value: number | "na" | "unknown";
  note: string | null;
  evidence: string | null;
} {
  if (typeof value === "object") {
    return { value: value.value, note: value.note ?? null, evidence: value.evidence ?? null };
  }
  return { value, note: null, evidence: null };
}

function buildAppendixAnswers(
  ctx: ReportContext,
  respondents: readonly Respondent[],
): AppendixDimensionAnswers[] {
  const { questionnaire, lang, t, roleName } = ctx;
  const ordered = [...respondents].sort(
    (a, b) =>
      compareIds(a.id, b.id) ||
      compareIds(a.role, b.role) ||
      compareText(a.name ?? "", b.name ?? ""),
  );
  const all = questionnaire.dimensions.map((d) => ({
    dimension: d.id,
    title: localize(d.title, lang),
    questions: d.questions.map((q) => ({
      id: q.id,
      text: localize(q.text, lang),
      answers: ordered.flatMap((r) => {
        if (!Object.hasOwn(r.answers, q.id)) return [];
        const raw = r.answers[q.id];
        if (raw === undefined) return [];
        const parts = answerParts(raw);
        return [
          {
            respondent: r.id,
            role: r.role,
            roleName: roleName(r.role),
            value: parts.value,
            valueText:
              parts.value === "na"
                ? t.answerValue.na
                : parts.value === "unknown"
                  ? t.answerValue.unknown
                  : String(parts.value),
            note: parts.note,
            evidence: parts.evidence,
          },
        ];
      }),
    })),
  }));
  // Only what was answered: a question nobody was asked would be an empty table row.
  return all
    .map((d) => ({ ...d, questions: d.questions.filter((q) => q.answers.length > 0) }))
    .filter((d) => d.questions.length > 0);
}

/** One method paragraph per part of the profile used (industry, size band): its name and why. */
function profileParagraphs(ctx: ReportContext): string[] {
  const chosen = ctx.questionnaire.profile;
  const parts = [chosen?.industry, chosen?.size].flatMap((p) => (p ? [p] : []));
  return parts.map((p) =>
    ctx.t.profileParagraph(localize(p.name, ctx.lang), localize(p.description, ctx.lang)),
  );
}

/** The appendix: method, scale, coverage, respondents and, from answer files, every answer. */
export function buildAppendix(ctx: ReportContext): ReportModel["appendix"] {
  const { results, questionnaire, t, lang, respondents, confidenceName, roleName } = ctx;
  const appendixAnswers: AppendixDimensionAnswers[] = respondents
    ? buildAppendixAnswers(ctx, respondents)
    : [];
  // Bounded: a results file from `batch` may name a million respondents.
  const listed = results.respondents.slice(0, LISTED_RESPONDENTS);
  const total = respondentCount(results);
  // Where the rest is: the consultants' edition names the files and commands; the client's says
  // the working papers hold it.
  const internal = ctx.edition === "internal";
  const survey = results.statistics !== undefined;
  return {
    title: t.section.appendix,
    method: {
      title: t.section.method,
      paragraphs: [
        ...t.methodParagraphs({
          monthsPerLevel: ctx.monthsPerLevel,
          horizon: ctx.horizon,
          survey: readOnRwg(results),
        }),
        ...profileParagraphs(ctx),
        ...(ctx.method?.method ?? []).map((p) => ctx.methodText(p)),
      ],
    },
    scale: {
      title: t.section.scale,
      levels: questionnaire.scale.map((s) => ({
        level: s.level,
        name: localize(s.name, lang),
        description: localize(s.description, lang),
      })),
    },
    coverage: {
      title: t.section.coverage,
      intro: t.coverageIntro,
      rows: results.dimensions.map((d) => ({
        dimension: d.id,
        title: localize(d.title, lang),
        answeredWeight: d.answeredWeight,
        applicableWeight: d.applicableWeight,
        coverage: d.coverage,
        confidence: d.confidence,
        confidenceName: confidenceName(d.confidence),
      })),
      overall: {
        coverage: results.overall.coverage,
        confidence: results.overall.confidence,
        confidenceName: confidenceName(results.overall.confidence),
      },
    },
    reliability: buildReliability(ctx),
    respondents: {
      title: t.section.respondents,
      // Anonymized: the cover already gives the respondents per role; nobody is listed. A
      // survey's (`batch`) respondents are ids without names: a list of them says nothing the
      // cover does not, over pages, so a sentence says how many answered and where each one is.
      items:
        ctx.anonymize || survey
          ? []
          : listed.map((r) => ({
              id: r.id,
              name: r.name ?? null,
              role: r.role,
              roleName: roleName(r.role),
            })),
      ...(survey
        ? { more: t.respondentsSurvey({ total, internal }) }
        : ctx.anonymize
          ? {}
          : total > listed.length
            ? {
                more: (internal ? t.respondentsMore : t.respondentsMoreOnRequest)({
                  listed: listed.length,
                  total,
                }),
              }
            : {}),
    },
    answers: {
      title: t.section.answers,
      included: respondents !== undefined && !ctx.anonymize,
      note: ctx.anonymize
        ? t.answersAnonymized
        : respondents !== undefined
          ? t.answersIncluded
          : internal
            ? t.answersNotIncluded
            : t.answersFromResultsOnRequest,
      dimensions: ctx.anonymize ? [] : appendixAnswers,
    },
  };
}
