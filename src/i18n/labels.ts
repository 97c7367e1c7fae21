import { LANGS, type Lang } from "../core/models/languages.js";
import type { LocalizedText } from "../core/questionnaire/schema.js";
import { fillPlaceholders } from "../core/text/placeholders.js";

export { LANGS, type Lang };

// The English labels define the keys; every other language must provide each of them (the
// `Record<LabelKey, string>` type makes a missing translation a compile error). `{name}` marks a
// placeholder filled by `t(lang, key, { name })`. Add keys grouped by the area that uses them.
const en = {
  // Shared vocabulary
  "common.none": "none",
  "common.inconclusive": "—",
  "common.overall": "Overall",
  "common.andMore": "… and {count} more",
  "common.listSeparator": ", ",
  "common.months": "{count} months",
  "punct.colon": ": ",
  "punct.paren": " ({text})",
  "punct.dash": " — ",
  "punct.comma": ", ",
  "punct.sentence": "{text}.",
  "punct.semicolon": "; ",

  // Assessment header
  "header.client": "Client",
  "header.industry": "Industry",
  "header.size": "Size",
  "header.date": "Date",
  "header.assessor": "Assessor",
  "header.questionnaire": "Questionnaire",
  "header.respondents": "Respondents",
  "header.horizon": "Horizon",

  // Score table columns
  "col.dimension": "Dimension",
  "col.score": "Score",
  "col.level": "Level",
  "col.target": "Target",
  "col.gap": "Gap",
  "col.profile": "Score ▸ target",
  "col.coverage": "Coverage",
  "col.confidence": "Confidence",
  "col.severity": "Severity",
  "col.risk": "Risk",
  "col.executive": "Executive",
  "col.frontline": "Front line",
  "col.monthsNeeded": "Months needed",
  "col.realisticDate": "Realistic by",

  "confidence.high": "high",
  "confidence.medium": "medium",
  "confidence.low": "low",

  "severity.high": "high",
  "severity.medium": "medium",
  "severity.low": "low",

  "verdict.ready": "ready",
  "verdict.conditional": "conditional",
  "verdict.not-ready": "not ready",
  "verdict.ready.explain": "no readiness rule holds: the organisation can proceed",
  "verdict.conditional.explain": "proceed only once these conditions are addressed",
  "verdict.not-ready.explain": "build these capabilities before implementing a CRM system",
  "verdict.inconclusive": "inconclusive",
  "verdict.inconclusive.explain":
    "no respondent gave a level to any question, so there is nothing to judge readiness on",

  // Sections under the score table
  "section.readiness": "Readiness",
  "section.risks": "Top risks",
  "section.risksCount": "{shown} of {total} triggered",
  "section.risksAll": "{total} triggered",
  "section.perceptionGaps": "Perception gaps (executive vs front line)",
  "section.perceptionGaps.none":
    "No dimension where executives rate a full level above the front line.",
  "section.perceptionGaps.missing": "Not measured: needs executive and front-line respondents.",
  "section.factConflicts": "Facts to settle with evidence",
  "section.factConflicts.note": "facts rated two or more levels apart; check the records",
  "col.question": "Question",
  "col.ratings": "Ratings",
  "section.expectationRisks": "Expectation risks",
  "section.expectationRisks.note":
    "targets out of reach within {horizon} months at {pace} months per level",
  "section.expectationRisks.none": "Every target is reachable within {horizon} months.",
  "section.risks.none": "No risk triggered.",
  "section.disagreements": "Disagreements",
  "note.cappedBy": "level capped by critical question {question} ({score})",

  // Condition explanations (why a risk or readiness rule holds)
  "cond.dimension": "{dimension} score {value}",
  "cond.question": "question {question} score {value}",
  "cond.overall": "overall score {value}",
  "cond.perceptionGap": "{dimension}: executives rate {value} above the front line",
  "cond.coverage": "coverage of {dimension} {value}",
  "cond.coverageOverall": "overall coverage {value}",
  "cond.risk": "risk {risk} triggered",
  "cond.below": "below {threshold}",
  "cond.atLeast": "at least {threshold}",
  "cond.atMost": "at most {threshold}",
  "cond.and": " and ",
  "cond.not": "not {text}",
} as const;

/** A user-interface label. */
export type LabelKey = keyof typeof en;

const zhCN: Record<LabelKey, string> = {
  "common.none": "无",
  "common.inconclusive": "—",
  "common.overall": "总体",
  "common.andMore": "……另有 {count} 项",
  "common.listSeparator": "、",
  "common.months": "{count} 个月",
  "punct.colon": "：",
  "punct.paren": "（{text}）",
  "punct.dash": "——",
  "punct.comma": "，",
  "punct.sentence": "{text}。",
  "punct.semicolon": "；",

  "header.client": "客户",
  "header.industry": "行业",
  "header.size": "规模",
  "header.date": "评估日期",
  "header.assessor": "评估人",
  "header.questionnaire": "问卷",
  "header.respondents": "受访者",
  "header.horizon": "规划周期",

  "col.dimension": "维度",
  "col.score": "得分",
  "col.level": "等级",
  "col.target": "目标",
  "col.gap": "差距",
  "col.profile": "得分 ▸ 目标",
  "col.coverage": "覆盖率",
  "col.confidence": "可信度",
  "col.severity": "严重程度",
  "col.risk": "风险",
  "col.executive": "高层",
  "col.frontline": "一线",
  "col.monthsNeeded": "所需月数",
  "col.realisticDate": "现实可达日期",

  "confidence.high": "高",
  "confidence.medium": "中",
  "confidence.low": "低",

  "severity.high": "高",
  "severity.medium": "中",
  "severity.low": "低",

  "verdict.ready": "已就绪",
  "verdict.conditional": "有条件就绪",
  "verdict.not-ready": "尚未就绪",
  "verdict.ready.explain": "没有触发任何就绪度规则，企业可以推进",
  "verdict.conditional.explain": "须先解决以下问题方可推进",
  "verdict.not-ready.explain": "应先建设以下能力，再实施 CRM 系统",
  "verdict.inconclusive": "无法判断",
  "verdict.inconclusive.explain": "没有任何受访者对任何题目给出等级，就绪度无从判断",

  "section.readiness": "就绪度",
  "section.risks": "主要风险",
  "section.risksCount": "共触发 {total} 项，列出 {shown} 项",
  "section.risksAll": "共触发 {total} 项",
  "section.perceptionGaps": "认知落差（高层与一线）",
  "section.perceptionGaps.none": "没有哪个维度的高层评分比一线高出一个等级以上。",
  "section.perceptionGaps.missing": "无法衡量：需要高层和一线受访者的回答。",
  "section.factConflicts": "需凭证据核实的事实",
  "section.factConflicts.note": "对客观事实的评级相差两级或以上，请查阅相关记录",
  "col.question": "题目",
  "col.ratings": "评级",
  "section.expectationRisks": "期望值风险",
  "section.expectationRisks.note": "按每级 {pace} 个月计，{horizon} 个月内无法达到的目标",
  "section.expectationRisks.none": "所有目标均可在 {horizon} 个月内达到。",
  "section.risks.none": "未触发任何风险。",
  "section.disagreements": "意见分歧",
  "note.cappedBy": "等级受关键题 {question}（{score}）限制",

  "cond.dimension": "{dimension}得分 {value}",
  "cond.question": "题目 {question} 得分 {value}",
  "cond.overall": "总体得分 {value}",
  "cond.perceptionGap": "{dimension}：高层评分比一线高 {value}",
  "cond.coverage": "{dimension}覆盖率 {value}",
  "cond.coverageOverall": "总体覆盖率 {value}",
  "cond.risk": "已触发风险 {risk}",
  "cond.below": "低于 {threshold}",
  "cond.atLeast": "不低于 {threshold}",
  "cond.atMost": "不高于 {threshold}",
  "cond.and": "且",
  "cond.not": "并非{text}",
};

/** Every label in every language. */
export const LABELS: Record<Lang, Record<LabelKey, string>> = { en, "zh-CN": zhCN };

/** A label in `lang`, with `{name}` placeholders replaced from `vars`. */
export function t(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  return fillPlaceholders(LABELS[lang][key], vars);
}

/** Picks a questionnaire text in `lang`, falling back to English, then to any language. */
export function localize(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) return "";
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? "";
}

/** A language's punctuation for labels, lists and parentheticals, from the label table. */
export function punctuation(lang: Lang): {
  colon: string;
  list: string;
  open: string;
  close: string;
} {
  const [open = "", close = ""] = LABELS[lang]["punct.paren"].split("{text}");
  return { colon: LABELS[lang]["punct.colon"], list: LABELS[lang]["punct.semicolon"], open, close };
}
