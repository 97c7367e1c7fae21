import type { ReportLanguage } from "../core/models/report.js";

/** How well a dimension's questions hang together (Cronbach's alpha bands, docs/statistics.md). */
export type AlphaBand = "good" | "acceptable" | "loose" | "poor" | "no-variance" | "too-few";
/** How far respondents agree (rwg(j) bands of LeBreton & Senter 2008). */
export type AgreementBand = "strong" | "moderate" | "weak" | "none";

/** What a dimension's reading is built from. */
export interface ReliabilityReading {
  alphaBand: AlphaBand;
  alpha: string;
  agreementBand: AgreementBand | null;
  rwg: string;
  respondents: number;
  fewRespondents: boolean;
  fewItems: boolean;
  /** Questions that fit poorly: low item–rest correlation, or alpha higher without them. */
  weakItems: { id: string; itemRest: string; alphaIfDeleted: string }[];
}

/**
 * The words of the appendix's reliability and agreement tables in one language. English avoids
 * "α": the PDF's standard Helvetica has no Greek, and one letter would embed a whole font.
 */
export interface ReliabilityTexts {
  title: string;
  intro: string;
  columns: {
    dimension: string;
    items: string;
    respondents: string;
    alpha: string;
    interval: string;
    rwg: string;
    reading: string;
  };
  reading(r: ReliabilityReading): string;
  notes: string[];
  groupTitle(column: string): string;
  groupIntro(column: string): string;
  groupColumns: { dimension: string; icc1: string; icc2: string; reading: string };
  groupReading(r: { reliable: boolean | null; icc1: string; column: string }): string;
}

const EN: ReliabilityTexts = {
  title: "Reliability and agreement",
  intro:
    "Whether the answers can carry the scores: do a dimension's questions measure one thing (Cronbach's alpha), and do the respondents see it alike (rwg(j))?",
  columns: {
    dimension: "Dimension",
    items: "Questions",
    respondents: "Complete answers",
    alpha: "Alpha",
    interval: "95% interval",
    rwg: "rwg(j)",
    reading: "Reading",
  },
  reading(r) {
    const alpha = {
      good: `Answers to this dimension's questions hang together well (alpha = ${r.alpha})`,
      acceptable: `Answers to this dimension's questions hang together acceptably (alpha = ${r.alpha})`,
      loose: `Answers to this dimension's questions hang together only loosely, so read its score with care (alpha = ${r.alpha})`,
      poor: `Answers to this dimension's questions do not hang together: here they measure different things, so read them one by one (alpha = ${r.alpha})`,
      "no-variance": "Everyone answered alike, so consistency cannot be measured",
      "too-few": "Too few complete answers to judge whether the questions hang together",
    }[r.alphaBand];
    const agreement =
      r.agreementBand === null
        ? ""
        : {
            strong: `; respondents largely see it the same way (rwg = ${r.rwg})`,
            moderate: `; respondents partly agree (rwg = ${r.rwg})`,
            weak: `; respondents see it quite differently (rwg = ${r.rwg})`,
            none: `; respondents hardly agree at all (rwg = ${r.rwg})`,
          }[r.agreementBand];
    const caveats = [
      r.fewRespondents && r.alphaBand !== "too-few"
        ? `Based on only ${r.respondents} complete set${r.respondents === 1 ? "" : "s"} of answers: indicative.`
        : "",
      r.fewItems ? "With fewer than 3 questions, alpha says little." : "",
      ...r.weakItems.map(
        (w) =>
          `Question ${w.id} fits poorly (item-rest r = ${w.itemRest}; alpha without it ${w.alphaIfDeleted}).`,
      ),
    ].filter(Boolean);
    return `${alpha}${agreement}.${caveats.length ? ` ${caveats.join(" ")}` : ""}`;
  },
  notes: [
    "Alpha (Cronbach 1951) is computed over the respondents who rated every question of the dimension (reversed questions scored reversed); a question rated by fewer than half of them is left out. 0.80 or more reads as good, 0.70 as acceptable, 0.60 as loose. The interval is Feldt's (1965).",
    "rwg(j) (James, Demaree & Wolf 1984) compares the spread of the answers with random answering on the five-point scale: 0.71 or more is strong agreement, 0.51–0.70 moderate, 0.31–0.50 weak (LeBreton & Senter 2008).",
    "Fewer than 10 complete answers or fewer than 3 questions make the figures indicative only. A question fits poorly when it correlates below 0.30 with the sum of the others (item-rest) or alpha would rise by 0.05 or more without it.",
  ],
  groupTitle: (column) => `Agreement across ${column}`,
  groupIntro: (column) =>
    `ICC(1) is the share of the differences between respondents that lies between the ${column} groups; ICC(2) is how reliable the groups' averages are (Bliese 2000). ICC(2) of 0.70 or more lets the groups be compared.`,
  groupColumns: { dimension: "Dimension", icc1: "ICC(1)", icc2: "ICC(2)", reading: "Reading" },
  groupReading({ reliable, icc1, column }) {
    if (reliable === null) return `Not enough ${column} groups or answers to compare.`;
    return reliable
      ? `${column} groups differ reliably (ICC(1) = ${icc1}): their averages can be compared.`
      : `${column} group averages are not reliable enough to compare (ICC(1) = ${icc1}).`;
  },
};

const ZH: ReliabilityTexts = {
  title: "信度与一致性",
  intro:
    "这些作答能否支撑得分：同一维度的题目是否在测同一件事（Cronbach's α），受访者的看法是否一致（rwg(j)）？",
  columns: {
    dimension: "维度",
    items: "题数",
    respondents: "完整作答数",
    alpha: "α",
    interval: "95% 区间",
    rwg: "rwg(j)",
    reading: "解读",
  },
  reading(r) {
    const alpha = {
      good: `本维度各题的回答相互印证，内部一致性好（α = ${r.alpha}）`,
      acceptable: `本维度各题的回答基本相互印证（α = ${r.alpha}）`,
      loose: `本维度各题的回答只部分相互印证，解读该维度得分需谨慎（α = ${r.alpha}）`,
      poor: `本维度各题的回答并不相互印证，这些题目在本组织测到的是不同的事情，请逐题阅读（α = ${r.alpha}）`,
      "no-variance": "所有人作答完全相同，无法计算内部一致性",
      "too-few": "完整作答太少，无法判断各题是否相互印证",
    }[r.alphaBand];
    const agreement =
      r.agreementBand === null
        ? ""
        : {
            strong: `；受访者看法高度一致（rwg = ${r.rwg}）`,
            moderate: `；受访者看法部分一致（rwg = ${r.rwg}）`,
            weak: `；受访者看法分歧较大（rwg = ${r.rwg}）`,
            none: `；受访者几乎没有共识（rwg = ${r.rwg}）`,
          }[r.agreementBand];
    const caveats = [
      r.fewRespondents && r.alphaBand !== "too-few"
        ? `仅基于 ${r.respondents} 份完整作答，结论仅供参考。`
        : "",
      r.fewItems ? "纳入计算的题目少于 3 道，α 的参考价值有限。" : "",
      ...r.weakItems.map(
        (w) =>
          `题目 ${w.id} 与其他题目不太吻合（题项-其余相关 r = ${w.itemRest}；删去后 α 为 ${w.alphaIfDeleted}）。`,
      ),
    ].filter(Boolean);
    return `${alpha}${agreement}。${caveats.join("")}`;
  },
  notes: [
    "α（Cronbach 1951）按对本维度每道题都给出等级的受访者计算（反向题按反向计分）；少于一半受访者作答的题目不纳入。0.80 及以上为好，0.70 为可接受，0.60 为偏弱。区间采用 Feldt（1965）方法。",
    "rwg(j)（James、Demaree 与 Wolf 1984）将作答的离散程度与五级量表上的随机作答相比：0.71 及以上为高度一致，0.51–0.70 为中等，0.31–0.50 为较弱（LeBreton 与 Senter 2008）。",
    "完整作答少于 10 份或题目少于 3 道时，各项数字仅供参考。某题与其余题目之和的相关（题项-其余相关）低于 0.30，或删去后 α 提高 0.05 及以上时，视为该题与其他题目不太吻合。",
  ],
  groupTitle: (column) => `按“${column}”分组的一致性`,
  groupIntro: (column) =>
    `ICC(1) 表示受访者之间的差异有多大比例来自“${column}”各组之间；ICC(2) 表示各组平均分的可靠程度（Bliese 2000）。ICC(2) 达到 0.70 及以上时，各组之间可以比较。`,
  groupColumns: { dimension: "维度", icc1: "ICC(1)", icc2: "ICC(2)", reading: "解读" },
  groupReading({ reliable, icc1, column }) {
    if (reliable === null) return `“${column}”的分组或作答不足，无法比较。`;
    return reliable
      ? `“${column}”各组之间差异可靠（ICC(1) = ${icc1}），各组平均分可以相互比较。`
      : `“${column}”各组平均分不够可靠，不宜相互比较（ICC(1) = ${icc1}）。`;
  },
};

/** The reliability texts of a report language. */
export const RELIABILITY_TEXTS: Record<ReportLanguage, ReliabilityTexts> = { en: EN, "zh-CN": ZH };
