import { respondentCount } from "../../../core/models/results-facts.js";
import { profileIds } from "../../../core/questionnaire/profiles.js";
import { localize } from "../../../i18n/format.js";
import { messagesFor } from "../../../i18n/index.js";
import { profileNames, profileSummary } from "../../score.js";
import type { ReportContext } from "../context.js";
import type { LabelValue, ReportModel } from "../model.js";

/** The report's metadata: client, assessment, questionnaire, horizon, strategy, respondents. */
export function buildMeta(ctx: ReportContext): ReportModel["meta"] {
  const { results, t, kind, client, horizon, monthsPerLevel, roles, method } = ctx;
  const questionnaireTitle = localize(ctx.questionnaire.title, ctx.lang);
  const strategy = ctx.plan.strategy;
  const title = method?.titles
    ? ctx.methodText(method.titles[kind])
    : kind === "report"
      ? questionnaireTitle
      : t.roadmapTitle(questionnaireTitle);
  return {
    title,
    client: {
      name: client,
      industry: results.assessment.client.industry ?? null,
      size: results.assessment.client.size ?? null,
    },
    date: results.assessment.date,
    dateText: ctx.dateText(results.assessment.date),
    assessor: results.assessment.assessor,
    questionnaire: {
      id: results.questionnaire.id,
      version: results.questionnaire.version,
      title: localize(ctx.questionnaire.title, ctx.lang),
    },
    profile: {
      ids: profileIds(results.profile),
      text: profileSummary(results, ctx.lang),
      chosenBy: results.profile?.chosenBy ?? null,
    },
    horizonMonths: horizon,
    monthsPerLevel,
    strategy,
    strategyName: t.strategyName[strategy],
    source: ctx.respondents ? "answers" : "results",
    respondentCount: respondentCount(results),
    roles,
    // The method's short header words belong to its pack; any other pack's pages carry its title.
    header: t.cover.header(client, kind, method?.titles ? undefined : title),
    footer: t.footer(ctx.dateText(results.assessment.date)),
    pageNumber: t.pageNumber,
  };
}

/** The cover page: title, client and the assessment's key facts. */
export function buildCover(ctx: ReportContext, meta: ReportModel["meta"]): ReportModel["cover"] {
  const { t, L, client, roles } = ctx;
  const fields: LabelValue[] = [{ label: L.client, value: client }];
  if (meta.client.industry) fields.push({ label: L.industry, value: meta.client.industry });
  if (meta.client.size) fields.push({ label: L.size, value: meta.client.size });
  // Next to industry and size, which choose it; the deck's cover shows the first six fields.
  // The names alone: the reader needs which profile, not how the tool came to choose it.
  fields.push({
    label: messagesFor(ctx.lang).common.header.profile,
    value: profileNames({ profile: ctx.results.profile }, ctx.lang),
  });
  fields.push(
    { label: L.date, value: meta.dateText },
    { label: L.assessor, value: meta.assessor },
    {
      label: L.questionnaire,
      value: `${meta.questionnaire.title}${t.paren(`${meta.questionnaire.id} ${meta.questionnaire.version}`)}`,
    },
    {
      label: L.respondents,
      value: t.cover.respondents(meta.respondentCount, roles),
    },
    { label: L.horizon, value: `${ctx.horizon} ${L.monthsUnit}` },
    { label: L.strategy, value: meta.strategyName },
  );
  return {
    title: meta.title,
    subtitle: client,
    fields,
    notice: t.cover.notice(client),
  };
}
