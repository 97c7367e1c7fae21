import { fillPlaceholders } from "../core/text/placeholders.js";
import type { Lang } from "./labels.js";

// Labels used only by `compare`. Shared vocabulary (verdicts, severities, confidence, column
// names) comes from src/i18n/labels.ts; these live here because that file belongs to another
// area. The English map defines the keys and `Record<CompareLabelKey, string>` makes a missing
// Chinese label a compile error.
const en = {
  heading: "Progress report — {client}",
  baseline: "Baseline",
  followup: "Follow-up",
  change: "Change",
  progressShort: "Progress",
  interval: "Interval",
  targetWas: "{now} (was {was})",
  intervalValue: "{months} months ({days} days)",
  questionnaireValue: "{id} {version}",

  "section.dimensions": "Scores by dimension",
  "section.readiness": "Readiness",
  "section.risks": "Risks",
  "section.perception": "Perception gaps (executive minus front line)",
  "section.questionnaire": "Questionnaire changes",
  "section.movers": "Biggest movers",
  "section.warnings": "Warnings",
  "section.method": "How to read this",

  "col.question": "Question",
  "col.questionId": "Question id",

  "progress.baseline-at-target": "at target",
  "progress.inconclusive": "inconclusive",
  "progress.added": "new dimension",
  "progress.removed": "dropped",

  "readiness.improved": "improved",
  "readiness.worsened": "worsened",
  "readiness.unchanged": "unchanged",
  "readiness.not-comparable": "not comparable: one assessment has no answers to judge",
  "readiness.sideHeading": "{side}{verdict}, decided by:",

  "risks.resolved": "Resolved",
  "risks.new": "New",
  "risks.persisting": "Persisting",
  "risks.none": "none",
  "risks.rule.not-in-followup-questionnaire": "rule no longer in the follow-up questionnaire",
  "risks.rule.not-in-baseline-questionnaire": "rule not in the baseline questionnaire",

  "perception.none": "Not measured on either side (needs executive and front-line respondents).",
  "perception.flagged": "flagged",

  "questions.same": "Both assessments used {id} {version}: the questions are the same.",
  "questions.versions": "{id} {from} → {to}: questions are matched by id.",
  "questions.idsOnly":
    "A questionnaire was unavailable, so questions are compared by id only: changes to texts, anchors, types and weights cannot be detected. Pass both questionnaires (--baseline-questionnaire and -q) to compare them.",
  "questions.added": "Added",
  "questions.removed": "Removed",
  "questions.changed": "Changed",
  "questions.noChanges": "No question was added, removed or changed.",
  "questions.footnote":
    "† questions of this dimension were added, removed or changed between the versions: its scores are not strictly comparable.",
  "movers.none": "No matched question changed score.",
  "movers.definitionChanged":
    "† the question's text, anchors, type, weight or scoring changed between the versions: its scores are not strictly comparable.",

  "field.text": "text",
  "field.anchors": "anchors",
  "field.type": "type",
  "field.weight": "weight",
  "field.reverse": "reverse scoring",
  "field.critical": "critical flag",
  "field.roles": "roles",
  "field.dimension": "dimension",

  "warning.client-mismatch":
    'The client names differ: "{baseline}" at baseline, "{followup}" at follow-up. Check that both assessments are of the same client.',
  "warning.questionnaire-mismatch":
    "The questionnaires differ: {baseline} at baseline, {followup} at follow-up. Only questions with the same id are compared.",
  "warning.same-date": "Both assessments are dated {followup}.",

  "method.progress":
    "Progress to target = (follow-up score − baseline score) ÷ (target − baseline score), against the follow-up target, clamped to 0–100 %: a decline counts as 0 %, overshooting the target as 100 %.",
  "method.arrows":
    "▲ improved · ▼ declined · = unchanged; coverage changes are in percentage points.",
} as const;

export type CompareLabelKey = keyof typeof en;

const zhCN: Record<CompareLabelKey, string> = {
  heading: "进展报告 — {client}",
  baseline: "基线",
  followup: "复评",
  change: "变化",
  progressShort: "进度",
  interval: "间隔",
  targetWas: "{now}（原 {was}）",
  intervalValue: "{months} 个月（{days} 天）",
  questionnaireValue: "{id} {version}",

  "section.dimensions": "各维度得分",
  "section.readiness": "就绪度",
  "section.risks": "风险",
  "section.perception": "认知落差（高层减一线）",
  "section.questionnaire": "问卷变更",
  "section.movers": "变化最大的题目",
  "section.warnings": "提示",
  "section.method": "阅读说明",

  "col.question": "题目",
  "col.questionId": "题目编号",

  "progress.baseline-at-target": "已达目标",
  "progress.inconclusive": "无法判定",
  "progress.added": "新增维度",
  "progress.removed": "已删除",

  "readiness.improved": "改善",
  "readiness.worsened": "恶化",
  "readiness.unchanged": "不变",
  "readiness.not-comparable": "无法比较：其中一次评估没有可供判断的回答",
  "readiness.sideHeading": "{side}{verdict}，判定依据：",

  "risks.resolved": "已解除",
  "risks.new": "新出现",
  "risks.persisting": "持续存在",
  "risks.none": "无",
  "risks.rule.not-in-followup-questionnaire": "复评问卷已不含该规则",
  "risks.rule.not-in-baseline-questionnaire": "基线问卷不含该规则",

  "perception.none": "两次评估均未衡量（需要高层和一线受访者）。",
  "perception.flagged": "预警",

  "questions.same": "两次评估均使用 {id} {version}，题目相同。",
  "questions.versions": "{id} {from} → {to}：题目按编号匹配。",
  "questions.idsOnly":
    "缺少其中一份问卷，只能按题目编号比较：无法识别题干、锚点、题型和权重的变更。如需比较，请同时提供两份问卷（--baseline-questionnaire 和 -q）。",
  "questions.added": "新增",
  "questions.removed": "删除",
  "questions.changed": "修改",
  "questions.noChanges": "没有新增、删除或修改的题目。",
  "questions.footnote": "† 两个版本之间该维度有题目新增、删除或修改，其得分不可严格对比。",
  "movers.none": "匹配题目的得分均无变化。",
  "movers.definitionChanged":
    "† 该题的题干、锚点、题型、权重或计分方式在两个版本之间有修改，其得分不可严格对比。",

  "field.text": "题干",
  "field.anchors": "等级锚点",
  "field.type": "题型",
  "field.weight": "权重",
  "field.reverse": "反向计分",
  "field.critical": "关键题标记",
  "field.roles": "适用角色",
  "field.dimension": "所属维度",

  "warning.client-mismatch":
    "客户名称不一致：基线为“{baseline}”，复评为“{followup}”。请确认两次评估针对的是同一客户。",
  "warning.questionnaire-mismatch":
    "问卷不一致：基线为 {baseline}，复评为 {followup}。只比较编号相同的题目。",
  "warning.same-date": "两次评估的日期均为 {followup}。",

  "method.progress":
    "目标达成进度 =（复评得分 − 基线得分）÷（目标 − 基线得分），以复评时的目标为准，限定在 0–100%：得分下降计为 0%，超过目标计为 100%。",
  "method.arrows": "▲ 提升 · ▼ 下降 · = 不变；覆盖率的变化以百分点表示。",
};

const LABELS: Record<Lang, Record<CompareLabelKey, string>> = { en, "zh-CN": zhCN };

/** A compare label in `lang`, with `{name}` placeholders replaced from `vars`. */
export function ct(
  lang: Lang,
  key: CompareLabelKey,
  vars: Record<string, string | number> = {},
): string {
  return fillPlaceholders(LABELS[lang][key], vars);
}
