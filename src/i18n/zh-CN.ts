import type { WriteFailure } from "../core/diagnostics/write-failure.js";
import {
  cjkSpace,
  dateParts,
  fmtCount,
  fmtPct,
  fmtRange,
  fmtScore,
  joinList,
  nestQuotes,
} from "./format.js";
import type { Messages, RoleMismatchText } from "./messages.js";

const common: Messages["common"] = {
  languageName: "简体中文",
  officeLanguage: "zh-CN",
  officeLatinLanguage: "en-US",
  officeFont: "Microsoft YaHei",
  // A brand's Latin font has no Chinese glyphs: the deck keeps a CJK face.
  officeFontWithBrand: () => "Microsoft YaHei",
  inconclusive: "—",
  overall: "总体",
  andMore: (count) => `……另有 ${count} 项`,
  monthTick(iso, withYear) {
    const { y, m } = dateParts(iso);
    return withYear ? `${y}年${m}月` : `${m}月`;
  },
  listSeparator: "、",
  levelNames: "等级名称",
  narrowed: (left) =>
    `终端宽度所限，未显示${joinList(left, "、", "和")}。加宽终端（或设置 COLUMNS=160）即可看到，或改用 --format md 或 json。`,
  punct: {
    colon: "：",
    open: "（",
    close: "）",
    paren: (text) => `（${text}）`,
    dash: "——",
    sentence: (text) => `${text}。`,
    semicolon: "；",
  },
  header: {
    client: "客户",
    date: "评估日期",
    assessor: "评估人",
    questionnaire: "问卷",
    respondents: "受访者",
    profile: "行业与规模设定",
  },
  profiles: {
    named: (names, chosenBy) =>
      `${names.join(" · ")}（${chosenBy === "option" ? "本次运行指定" : "依据客户所属行业与规模选定"}）`,
    standard: "标准权重、目标与节奏（未采用行业或规模设定）",
  },
  col: {
    dimension: "维度",
    score: "得分",
    level: "等级",
    target: "目标",
    gap: "差距",
    profile: "得分 ▸ 目标",
    coverage: "覆盖率",
    confidence: "可信度",
    severity: "严重程度",
    risk: "风险",
    executive: "高层",
    frontline: "一线",
    monthsNeeded: "所需月数",
    realisticDate: "现实可达日期",
  },
  confidence: { high: "高", medium: "中", low: "低" },
  severity: { high: "高", medium: "中", low: "低" },
  verdict: {
    ready: "已就绪",
    conditional: "有条件就绪",
    "not-ready": "尚未就绪",
    inconclusive: "无法判定",
  },
  verdictExplain: {
    ready: "没有触发任何就绪度规则，企业可以推进",
    conditional: "须先解决以下问题方可推进",
    "not-ready": "应先建设以下能力，再实施 CRM 系统",
    inconclusive: "没有任何受访者对任何题目给出等级，就绪度无从判断",
  },
  leaf(l) {
    const v = (x: number | null) => (x === null ? "无法判定" : fmtScore(x));
    // 以顾问的口吻陈述依据：先说分数，再说它是否落在预警区间（不写“不高于 2”之类的规则用语）。
    const sign = (b: { below?: number; atLeast?: number; atMost?: number }): string => {
      const parts: string[] = [];
      if (b.below !== undefined) parts.push(`低于 ${b.below} 分`);
      if (b.atMost !== undefined) parts.push(`${b.atMost} 分及以下`);
      if (b.atLeast !== undefined) parts.push(`${b.atLeast} 分及以上`);
      return `，${l.holds ? "已落入" : "未落入"}预警区间（${parts.join("且")}）`;
    };
    switch (l.kind) {
      case "dimension":
        return `${l.name}得分为 ${v(l.value)} 分（满分 5 分）${sign(l)}`;
      case "question":
        // 题目得分（反向计分题已换算），所以说“得分”而不说“评分”。
        return `${report.quote(l.name)}一题得分为 ${v(l.value)} 分（满分 5 分）${sign(l)}`;
      case "overall":
        return `总体得分为 ${v(l.value)} 分（满分 5 分）${sign(l)}`;
      case "perceptionGap":
        return `高层对${l.name}的评分比一线高 ${v(l.value)} 分${sign(l)}`;
      case "coverage":
        return `${l.name === null ? "全部题目" : l.name}的作答覆盖率为 ${l.value === null ? "未知" : fmtPct(l.value)}${l.holds ? `，低于得出可靠结论所需的 ${fmtPct(l.below)}` : `，足以得出可靠结论（需 ${fmtPct(l.below)} 及以上）`}`;
      case "risk":
        return l.holds
          ? `同时存在风险${report.quote(l.name)}`
          : `不存在风险${report.quote(l.name)}`;
    }
  },
};

const score: Messages["score"] = {
  readiness: "就绪度",
  risks: "主要风险",
  risksCount: (a) => `共触发 ${a.total} 项，列出 ${a.shown} 项`,
  risksAll: (total) => `共触发 ${total} 项`,
  perceptionGaps: "认知落差（高层与一线）",
  perceptionGapsNone: "没有哪个维度的高层评分比一线高出一个等级以上。",
  perceptionGapsMissing: "无法衡量：需要高层和一线受访者的回答。",
  perceptionGapsNoRoles:
    "无法衡量：本问卷未设高层与一线两类角色（角色编号 executive 与 frontline），无从比较。",
  factConflicts: "需凭证据核实的事实",
  factConflictsNote: (survey) =>
    survey
      ? "受访者对这些客观事实的评级明显不一（rwg 低于 0.51），请查阅相关记录"
      : "对客观事实的评级相差两级或以上，请查阅相关记录",
  colQuestion: "题目",
  colFactSpread: (read) => ({ range: "评级", rwg: "一致度", both: "评级或一致度" })[read],
  expectationRisks: "期望值风险",
  expectationRisksNote: (a) => `按每级 ${a.pace} 个月计，${a.horizon} 个月内无法达到的目标`,
  expectationRisksNone: (horizon) => `所有目标均可在 ${horizon} 个月内达到。`,
  expectationRisksPacing:
    "以上测算假设各维度的改进工作即刻同时启动，未考虑路线图的先后安排；报告按路线图的计划推算各目标的达成时间，并以路线图收尾时的复评为准判断能否达成，因此日期可能更晚，无法按期达到的目标也可能更多。",
  risksNone: "未触发任何风险。",
  disagreements: "意见分歧",
  cappedBy: (a) => `等级受关键题 ${a.question}（${a.score}）限制`,
};

const reliability: Messages["report"]["reliability"] = {
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
      good: "各题相互印证，一致性好",
      acceptable: "各题基本相互印证",
      loose: "各题仅部分相互印证，需谨慎解读",
      poor: "各题并不相互印证，请逐题阅读",
      "no-variance": "所有人作答相同",
      "too-few": "作答或题目太少，无法判断",
    }[r.alphaBand];
    const agreement =
      r.agreementBand === null
        ? ""
        : {
            strong: "；看法高度一致",
            moderate: "；看法部分一致",
            weak: "；看法分歧较大",
            none: "；几乎没有共识",
          }[r.agreementBand];
    return `${alpha}${agreement}`;
  },
  indicative: (r) =>
    r.all
      ? "各维度的完整作答均少于 10 份，各项数字仅供参考。"
      : cjkSpace(`${report.listJoin(r.dimensions)}的完整作答少于 10 份，其数字仅供参考。`),
  fewItems: (dimensions) =>
    cjkSpace(`${report.listJoin(dimensions)}纳入计算的题目少于 3 道，α 的参考价值有限。`),
  weakItem: (w) =>
    cjkSpace(
      `在${w.dimension}中，题目“${w.text}”（${w.id}）与其他题目不太吻合（题项-其余相关 r = ${w.itemRest}；删去后 α 为 ${w.alphaIfDeleted}）。`,
    ),
  roleGroupsNote: (r) =>
    cjkSpace(
      `${r.all ? "各维度均" : report.listJoin(r.dimensions)}向不同角色提出不同的题目：表中数字取自完整作答最多的角色组，其他各组的数字见内部版。`,
    ),
  roleGroups: (r) =>
    cjkSpace(
      `${r.dimension}：数字针对向${r.roles}提出的题目，这一组的完整作答最多。${r.others.length ? `其他各组：${r.others.map((o) => `${o.roles}，α = ${o.alpha}（完整作答 ${fmtCount(o.respondents)} 份）`).join("；")}。` : ""}`,
    ),
  notes: [
    "α（Cronbach 1951）按对本维度每道题都给出等级的受访者计算（反向题按反向计分）；少于一半受访者作答的题目不纳入。若某维度向不同角色提出不同的题目，则按角色分组、以各组被问到的题目分别计算 α，表中列出完整作答最多的一组。0.80 及以上为好，0.70 为可接受，0.60 为偏弱。区间采用 Feldt（1965）方法。",
    "rwg(j)（James、Demaree 与 Wolf 1984）将作答的离散程度与五级量表上的随机作答相比：0.71 及以上为高度一致，0.51–0.70 为中等，0.31–0.50 为较弱（LeBreton 与 Senter 2008）。",
    "完整作答少于 10 份或题目少于 3 道时，各项数字仅供参考。某题与其余题目之和的相关（题项-其余相关）低于 0.30，或删去后 α 提高 0.05 及以上时，视为该题与其他题目不太吻合。",
  ],
  groupTitle: (column) => `按“${column}”分组的一致性`,
  groupIntro: (column) =>
    `ICC(1) 表示受访者之间的差异有多大比例来自“${column}”各组之间；ICC(2) 表示各组平均分的可靠程度（Bliese 2000）。ICC(2) 达到 0.70 及以上时，各组之间可以比较。`,
  groupColumns: { dimension: "维度", icc1: "ICC(1)", icc2: "ICC(2)", reading: "解读" },
  groupReading({ reliable, chance, icc1, column }) {
    if (reliable === null) return `“${column}”的分组或作答不足，无法比较。`;
    if (chance) return `“${column}”各组之间的差异不超过偶然波动，各组平均分不宜相互比较。`;
    return reliable
      ? `“${column}”各组之间差异可靠（ICC(1) = ${icc1}），各组平均分可以相互比较。`
      : `“${column}”各组平均分不够可靠，不宜相互比较（ICC(1) = ${icc1}）。`;
  },
};

/** 引向意见分歧一表的那句话：访谈按高低差，问卷按 rwg。 */
const followUp = (survey: boolean) =>
  survey
    ? "受访者明显意见不一的题目（一致度 rwg 低于 0.51，表中列出低分与高分的占比），值得进一步访谈核实。"
    : "受访者回答相差两级或以上的题目，值得进一步访谈核实。";

const report: Messages["report"] = {
  reliability,
  labels: {
    contents: "目录",
    client: "客户",
    industry: "行业",
    size: "规模",
    date: "评估日期",
    assessor: "评估人",
    questionnaire: "问卷",
    version: "版本",
    respondents: "受访者",
    horizon: "规划期",
    strategy: "推行策略",
    id: "编号",
    dimension: "维度",
    pillar: "支柱",
    weight: "权重",
    score: "得分",
    level: "等级",
    levelName: "等级名称",
    target: "目标",
    gap: "差距",
    coverage: "覆盖率",
    confidence: "可信度",
    question: "题目",
    respondent: "受访者",
    role: "角色",
    answer: "回答",
    note: "备注",
    evidence: "证据",
    risk: "风险",
    severity: "严重程度",
    mitigation: "应对措施",
    because: "判断依据",
    recommendation: "改进建议",
    action: "行动",
    actions: "行动",
    owner: "负责人",
    owners: "负责方",
    phase: "阶段",
    weeks: "周数",
    start: "开始",
    end: "结束",
    startWeek: "起始周",
    endWeek: "结束周",
    dependsOn: "前置行动",
    reason: "原因",
    kpi: "指标",
    kpis: "考核指标",
    measure: "衡量内容",
    frequency: "频率",
    exitCriteria: "阶段完成标准",
    executive: "高层",
    frontline: "一线",
    perceptionGap: "认知落差",
    spread: "分歧幅度",
    lowest: "最低",
    highest: "最高",
    lowShare: "低分占比",
    highShare: "高分占比",
    agreementRwg: "一致度（rwg）",
    monthsNeeded: "所需月数",
    realisticDate: "现实可达日期",
    answered: "已作答",
    applicable: "适用",
    answeredWeight: "已答权重",
    applicableWeight: "适用权重",
    strongest: "表现最好的题目",
    weakest: "表现最弱的题目",
    notesAndEvidence: "备注与证据",
    cappedBy: "等级受限于",
    milestone: "里程碑",
    timeline: "时间线",
    current: "现状",
    count: "数量",
    description: "说明",
    overall: "总体",
    readiness: "就绪度",
    steps: "具体步骤",
    schedule: "时间安排",
    triggeredRisks: "识别出的风险",
    roadmapActions: "路线图行动",
    scoresByRole: "分角色得分",
    perceptionGaps: "认知落差",
    disagreements: "意见分歧",
    factConflicts: "需凭证据核实的事实",
    principles: "原则",
    actionDetails: "行动详情",
    judgement: "咨询判断",
    topGaps: "最大差距",
    topRisks: "主要风险",
    inconclusive: "无法判定",
    none: "无",
    notApplicable: "不适用",
    unknown: "不清楚",
    yes: "是",
    no: "否",
    weeksUnit: "周",
    monthsUnit: "个月",
    weekPattern: "第 {week} 周",
    weekRangePattern: "第 {from}–{to} 周",
    morePattern: common.andMore("{count}"),
    expectedAtReassessment: "复评时预计",
    radarTitle: "成熟度现状与目标对比",
    gapBarsTitle: "各维度与目标的差距",
    timelineTitle: "路线图时间线",
    chartFallback: "下表列出与图表相同的数据。",
    firstNinetyDays: "最初 90 天",
    backlog: "留待下一轮的行动",
    nextCycle: "下一轮",
    horizonEnd: "规划期末",
    reverseScored: "越认同得分越低",
    baseline: "基线",
    due: "完成时限",
    raci: "参与分工",
    accountable: "批准",
    consulted: "咨询",
    informed: "知会",
    effort: "工作量",
    effortUnit: "人周",
  },
  roadmapTitle: (title) => `${title}：路线图`,
  dateText(iso) {
    const { y, m, d } = dateParts(iso);
    return `${y}年${m}月${d}日`;
  },
  listJoin: (items) => joinList(items, "、", "和"),
  everyDimension: (except) =>
    except.length === 0 ? "各个维度" : `除${joinList(except, "、", "和")}以外的各个维度`,
  quote: (text) => `“${nestQuotes(text)}”`,
  paren: (text) => `（${text}）`,
  sep: "、",
  sentenceJoin: "",
  pillar: { strategy: "战略", people: "人员", process: "流程", technology: "技术" },
  phase: { rigidify: "僵化", optimise: "优化", solidify: "固化" },
  defaultPhaseGoal: {
    rigidify: "按设计原样引入建议的做法并一贯执行，在调整之前先做到熟练。",
    optimise: "依据第一阶段积累的证据，结合企业自身业务调整这些做法。",
    solidify: "把改进后的做法写入制度、系统配置、考核指标和培训。",
  },
  severity: { high: "高", medium: "中", low: "低" },
  verdict: {
    ready: "已就绪",
    conditional: "有条件就绪",
    "not-ready": "尚未就绪",
    inconclusive: "无法判定",
  },
  confidence: { high: "高", medium: "中", low: "低" },
  strategyName: { "small-slow": "小步慢跑", "big-fast": "大步快跑" },
  strategySentence: {
    "small-slow":
      "推行策略：小步慢跑。每项推广先在一个单位试点，再逐个单位铺开，让组织消化一项变革后再开始下一项；对大多数企业而言，这是更稳妥的选择。",
    "big-fast":
      "推行策略：大步快跑。每项推广在其依赖的工作完成后同时覆盖所有单位。这样可以缩短整体周期，但要求高层强力主导，并且全公司有足够的变革承载能力。",
  },
  kpiSource: { plan: "路线图", standard: "标准指标" },
  section: {
    cover: "封面",
    summary: "管理层摘要",
    calibration: "期望值校准",
    profile: "成熟度概况",
    dimensions: "各维度详情",
    perception: "认知落差与意见分歧",
    risks: "风险登记表",
    roadmap: "路线图",
    kpis: "变革管理考核指标",
    decisions: "决策与下一步",
    nextSteps: "下一步工作",
    appendix: "附录",
    method: "评估方法",
    scale: "成熟度等级",
    coverage: "作答覆盖率",
    respondents: "受访者",
    answers: "作答明细",
  },
  cover: {
    notice: (client) => cjkSpace(`保密文件，仅供${client}使用。`),
    header: (client, kind, title) =>
      `${client} · ${title ?? (kind === "report" ? "CRM 能力成熟度评估" : "CRM 能力提升路线图")}`,
    respondents: (total, roles) =>
      roles.length > 0
        ? `${fmtCount(total)} 位${report.paren(roles.map((r) => `${r.name} ${fmtCount(r.count)} 位`).join(report.sep))}`
        : `${fmtCount(total)} 位`,
  },
  footer: (date) => `保密 · ${date}评估`,
  pageNumber: "第 {page} 页，共 {pages} 页",
  overallSentence(a) {
    if (a.score === null || a.level === null) {
      return `${cjkSpace(`${a.client}的`)}总体等级无法判定：没有任何维度获得足够的作答来计算得分。`;
    }
    const cov =
      a.coverage === null || a.confidence === null
        ? ""
        : `本结论的可信度为${a.confidence}：适用题目权重的作答覆盖率为 ${fmtPct(a.coverage)}，单题最多 ${fmtCount(a.respondents)} 位受访者作答，${a.rolesPresent === a.rolesExpected ? `应参与作答的 ${a.rolesExpected} 类角色全部参与` : `应参与作答的 ${a.rolesExpected} 类角色中有 ${a.rolesPresent} 类参与`}。`;
    return `${cjkSpace(`${a.client}的`)}总体得分为 ${fmtScore(a.score)}（五级量表），CRM 能力处于第 ${a.level} 级${a.levelName ? `“${a.levelName}”` : ""}。${cov}`;
  },
  // 直接称呼客户为“贵公司”，不用第三人称的“企业”。
  readinessSentence: {
    ready: () =>
      "作答中没有发现妨碍推进的因素，贵公司可以启动或继续推进 CRM 项目，但仍须遵循先战略、再人员与流程、最后技术的顺序。",
    conditional: () =>
      "贵公司可以推进，但须把下列条件纳入路线图的第一阶段；缺少这些条件，项目很可能难以达到预期。",
    "not-ready": () =>
      "我们建议贵公司暂缓采购或上线 CRM 系统，先建设下列能力；此时上线，很大程度上只是把眼下的薄弱环节原样搬进软件。",
    inconclusive: () =>
      "目前还没有受访者对任何题目给出评级，本文件尚无法说明贵公司是否已经就绪。请先完成访谈，再据此得出结论。",
  },
  readinessReason: (title, rationale) => (rationale ? `${title}：${rationale}` : `${title}。`),
  topGapsSentence: (count, measured) =>
    measured === 0
      ? "目前还无法衡量差距：没有任何维度获得足够的作答来计算得分。"
      : count === 0
        ? "所有维度均已达到目标。"
        : count === 1
          ? "有一个维度未达到目标："
          : `现状得分与目标差距最大的 ${count} 个维度：`,
  findingsTitle: (count) => `${count === 1 ? "一" : count === 2 ? "两" : "三"}项主要发现`,
  gapSentence: (a) =>
    `${a.title}：得分 ${a.score === null ? "无法判定" : fmtScore(a.score)}，目标 ${a.target}（差距 ${fmtScore(a.gap)}）。`,
  topRisksSentence: (a) =>
    a.total === 0
      ? "本次作答未显示本方法所关注的任何风险。"
      : `评估共识别出 ${a.total} 项风险，其中${a.high === 0 ? "没有高风险" : `高风险 ${a.high} 项`}。最严重的几项：`,
  calibrationSentence: (a) =>
    a.total === 0
      ? "目前还无法校准期望值：没有任何维度有得分可与目标对照。"
      : a.outOfReach === 0
        ? `按每提升一级约需 ${a.monthsPerLevel} 个月的现实节奏（自路线图开始针对各维度开展工作的那一周算起），所有目标都能在${a.reassessment}复评之前达成。`
        : `按现实节奏，到${a.reassessment}本轮收尾复评时，${a.total} 个目标中仍有 ${a.outOfReach} 个无法达成：自路线图开始针对该维度开展工作的那一周算起，能力通常大约每 ${a.monthsPerLevel} 个月提升一级。建议以下列日期代替原有预期作为计划依据。`,
  calibrationItem: (a) =>
    a.start === null || a.months === null || a.date === null
      ? `${a.title}：路线图在 ${a.horizon} 个月内没有针对该维度的行动，因此预计仍在 ${a.score === null ? "无法判定的现状" : fmtScore(a.score)} 左右；目标 ${a.target} 留待下一轮实现。`
      : `${a.title}：相关工作从第 ${a.start} 周开始；按现实节奏从 ${a.score === null ? "无法判定的现状" : fmtScore(a.score)} 提升到 ${a.target}，约需评估后 ${a.months} 个月，现实可达日期为${a.date}；按路线图安排的工作，预计在${a.reassessment}复评时可达到约 ${fmtScore(a.expected)}。`,
  goalSentence(a) {
    const measure = a.metric && a.target ? `${a.metric}：${a.target}` : (a.metric ?? a.target);
    const stated = [measure, a.by ? `期望${a.by}前实现` : null].filter((x) => x !== null);
    const goal = cjkSpace(
      `${report.quote(a.text)}${stated.length > 0 ? `（${stated.join("，")}）` : ""}取决于${report.listJoin(a.dimensions)}。`,
    );
    if (a.realistic === null && a.unplanned.length > 0) {
      return `${goal}${cjkSpace(`路线图在规划期内没有针对${report.listJoin(a.unplanned)}的行动，目前还不宜承诺日期，待规划下一轮时再定。`)}`;
    }
    if (a.realistic === null) {
      return `${goal}其中部分能力尚无法衡量，目前还不宜承诺日期，待完成评估后再定。`;
    }
    if (a.feasible === false) {
      return `${goal}按现实节奏，所需能力要到${a.realistic}才能具备。建议以该日期重新确定这一目标，并在此之前设定分阶段的里程碑。`;
    }
    if (a.feasible === true) {
      return `${goal}按现实节奏，所需能力可在${a.realistic}前具备，这一目标可以保留。`;
    }
    return `${goal}按现实节奏，所需能力要到${a.realistic}才能具备，这是可以对外承诺的最早日期。`;
  },
  defaultCalibrationAdvice:
    "为每个阶段约定明确的分段目标，而不是只设一个遥远的总目标，并在每个阶段结束时复核。",
  profileIntro: (a) =>
    a.radar
      ? `雷达图对比各维度在五级量表上的现状得分与目标${a.projected ? "，并标出按路线图推进、到本轮复评时预计达到的水平" : ""}；下表列出相同数据，并给出覆盖率和可信度。`
      : "下方的条形图和表格对比各维度在五级量表上的现状得分与目标，并给出覆盖率和可信度。",
  dimensionsIntro: ({ notes }) =>
    `逐一列出各维度的得分、等级、目标与差距，以及得分最高和最低的题目${notes ? "，并附访谈中记录的备注与证据" : ""}。`,
  dimensionSummary(a) {
    if (a.score === null || a.level === null) {
      return `${a.title}无法判定：该维度没有任何题目得到作答。在依据该维度做决策之前，应先补充收集证据。`;
    }
    const conf =
      a.coverage === null || a.confidence === null
        ? ""
        : `可信度为${a.confidence}（覆盖率 ${fmtPct(a.coverage)}）。`;
    const gap =
      a.gap !== null && a.gap > 0
        ? `距第 ${a.target} 级的目标还差 ${fmtScore(a.gap)} 分`
        : `已达到第 ${a.target} 级的目标`;
    return `${a.title}目前为 ${fmtScore(a.score)} 分（第 ${a.level} 级${a.levelName ? `，${a.levelName}` : ""}），${gap}。${conf}`;
  },
  cappedSentence: (a) =>
    `该维度等级被关键题目${report.quote(a.question)}限制在第 ${a.level} 级，该题得分为 ${fmtScore(a.score)}。`,
  expectationSentence: (a) =>
    a.start === null || a.months === null || a.date === null
      ? `路线图在 ${a.horizon} 个月的规划期内没有针对该维度的行动，因此本轮无法达到目标，留待下一轮实现。`
      : `按现实节奏，自路线图第 ${a.start} 周开始针对该维度开展工作算起，该目标约需评估后 ${a.months} 个月，现实可达日期为${a.date}，晚于${a.reassessment}的复评；复评时预计可达到约 ${fmtScore(a.expected)}。`,
  perceptionSentence: (a) =>
    `${a.onExperience ? "在双方都回答过的体验题上，" : ""}高层对该维度的评分为 ${fmtScore(a.executive)}，一线为 ${fmtScore(a.frontline)}，${a.gap < 0 ? `一线反而高出 ${fmtScore(-a.gap)}` : `相差 ${fmtScore(a.gap)}`}。${a.flagged ? "这往往是“报喜不报忧”的迹象：问题在向上传递的过程中可能已被过滤。" : ""}`,
  groupScores: {
    title: (column) => `按“${column}”分组的得分`,
    intro: (column) =>
      `按“${column}”分组，列出各组受访者个人得分的平均值（括号内为人数）。与分角色得分不同，这些平均值未按角色加权平衡：一线员工较多的组，得分可能仅因此而偏低。各组之间的差异是否超出偶然波动，见附录“信度与一致性”部分。`,
    blank: "未填写",
    more: ({ shown, total, small, minimum, internal }) =>
      [
        small > 0 ? `为避免从结果中识别出个人，不足 ${minimum} 人的 ${small} 个组未予列出。` : "",
        total - small > shown
          ? `共 ${fmtCount(total - small)} 组，此处列出人数最多的 ${shown} 组。`
          : "",
        internal
          ? "各组的完整数据见 crm-maturity batch 写出的结果 JSON 中的 statistics.groups；每位受访者的得分及所属分组见 batch 以 --respondents 写出的受访者 CSV。"
          : "各组的完整数据保存在本次评估的工作底稿中。",
      ].join(""),
  },
  factConflictsIntro: (survey) =>
    survey
      ? "以下题目询问的是企业的客观事实而非看法，但受访者的评级明显不一（一致度 rwg 低于 0.51，表中列出低分与高分的占比）。客观事实上出现这样的分歧，往往说明各团队的做法并不统一，或相关情况并未广为人知。在依据本报告做决定之前，评估人应查阅相关文件或记录，并在得分旁注明核实结果；在此之前，每题按各评级的平均值计分。"
      : "以下题目询问的是企业的客观事实而非看法，但能够看到相关证据的受访者给出的评级相差两级或以上。在依据本报告做决定之前，评估人应查阅相关文件或记录并更正答案；在此之前，每题按各评级的平均值计分。",
  spreadMore: ({ shown, total, internal }) =>
    `此处列出受访者分歧最大的 ${shown} 题；另有 ${total - shown} 题的一致度同样未达中等。这么多题目都存在分歧，说明分歧源于整个组织，而非个别议题。${internal ? "各题的完整数据见 crm-maturity batch 输出的结果 JSON：每题的 rwg，以及 disagreements 与 factConflicts 下列出的每道分歧题。" : "各题的完整数据保存在本次评估的工作底稿中。"}`,
  perceptionIntro: (applicable, onExperience, gaps, survey) =>
    applicable && gaps !== "measured"
      ? `${followUp(survey)}认知落差比较的是高层与一线的看法，${gaps === "no-roles" ? "本问卷未设这两类角色，因此不作衡量。" : "须双方都有人作答；本次评估缺少其中一方，因此未能衡量。"}`
      : applicable
        ? `高层评分比一线高出一级或以上时，决策所依据的是被美化的图景；${followUp(survey)}${onExperience ? "认知落差只比较双方都回答过的体验题，不含事实题，因此其数值可能与按角色列出的得分不同。" : ""}`
        : "只有一类角色作答，无法显示角色之间的认知落差。请分别访谈高层与一线员工，以揭示落差。",
  perceptionGapSentence: (a) =>
    `${a.title}：高层 ${fmtScore(a.executive)}，一线 ${fmtScore(a.frontline)}（差距 ${fmtScore(a.gap)}）。`,
  otherRisksTitle: "其他风险",
  otherRisksIntro: (n) => `此外还识别出 ${n} 项风险，按严重程度排列，并列出各自对应的路线图行动。`,
  risksIntro: (c) => {
    const total = c.high + c.medium + c.low;
    return total === 0
      ? "本次作答未显示本方法所关注的任何风险。"
      : `评估共识别出 ${total} 项风险（高 ${c.high} 项、中 ${c.medium} 项、低 ${c.low} 项）。每项风险都附有应对措施，路线图已纳入相应行动。`;
  },

  roadmapRules: ({ usual, others }) => {
    const items = (n: number) =>
      `${n <= 10 ? ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"][n] : n}项`;
    const except = others.length
      ? `（${others.map((o) => `${o.owner}${items(o.n)}`).join("，")}）`
      : "";
    return `行动依据差距、识别出的风险和就绪度结论所附的条件选定。每个阶段内，行动先排在其前置行动之后，再按优先级（差距 × 维度权重）排序，然后按战略、人员、流程、技术的顺序排列；技术类行动要等战略决策完成，每项推广都要等相应培训完成。上一阶段完成后，下一阶段才开始；每个责任方同一时间最多承担${items(usual)}行动${except}。规划期内放不下的行动留待下一轮。推行过程中，配齐关键岗位、强化核心流程可以抵消变革阻力，而培训是最主要的抓手。`;
  },
  reasonGap: (a) =>
    `${a.dimension}目前处于第 ${a.level} 级，距目标还差 ${fmtScore(a.gap)} 分；这项工作是贵公司迈向第 ${a.appliesBelow} 级的必经一步。`,
  reasonRisk: (risk) => `应对风险${report.quote(risk)}。`,
  reasonDependency: (action) => `是${report.quote(action)}的前置行动。`,
  reasonRisks: (risks) => `应对风险${report.listJoin(risks.map(report.quote))}。`,
  reasonDependencies: (actions) => `是${report.listJoin(actions.map(report.quote))}的前置行动。`,
  reasonPushed: (a) => `因依赖${report.quote(a.action)}，安排在“${a.phase}”阶段。`,
  defaultExitCriterion: "本阶段所有行动均已完成。",
  interimCriterion: (d) => `${d.title}在使用同一问卷的中期检查中达到 ${fmtScore(d.interim)} 以上。`,
  targetCriterion: (d) => `${d.title}达到目标 ${d.target}，并经复评确认。`,
  shortOfTargetCriterion: (d) =>
    `${d.title}达到 ${fmtScore(d.projected)} 以上，并经复评确认；${d.date === null ? `目标 ${d.target} 留待下一轮实现` : `按现实节奏，目标 ${d.target} 要到${d.date}才能达成`}。`,
  holdCriterion: (a) =>
    `最后一项推广于第 ${a.from.week} 周（${a.from.date}）结束；其后须连续${a.weeks <= 10 ? ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"][a.weeks] : ` ${a.weeks} `}周稳定执行，至第 ${a.until.week} 周（${a.until.date}）结束，本阶段方可收尾。`,
  noActionsInPhase: (deferred) =>
    deferred === 0
      ? "本阶段无需行动。"
      : `本阶段的 ${deferred} 项行动均超出规划期，留作下一轮的起点。`,
  milestoneLabel: "复评",
  timelineHold: "稳定执行期：阶段收尾前须保持稳定执行",
  milestoneSentence: (a) =>
    `在第 ${a.week} 周（${a.date}）使用同一问卷、面向相同角色进行复评，并对比两次评估结果，衡量相对目标的进展。`,
  defaultCycle: "按约定周期复评，并以复评结果开始下一轮循环。",
  planCalibration(a) {
    const backlog =
      a.backlog === 0
        ? ""
        : `另有 ${a.backlog} 项行动放不进规划期，留作下一轮的起点，${a.backlogListed ? "列在各阶段之后" : "完整版报告逐项列出并说明原因"}。`;
    const reach =
      a.outOfReach.length > 0
        ? `按现实节奏和本计划安排的工作，${report.listJoin(a.outOfReach)}到复评时仍达不到目标；现实可达日期见“期望值校准”。`
        : "";
    return `整个计划历时 ${a.weeks} 周（约 ${a.months} 个月），于${a.end}结束，在 ${a.horizon} 个月的规划期之内。${backlog}${reach}`;
  },
  levelPortrait: (a) =>
    cjkSpace(
      `成熟度标尺对第 ${a.level} 级的通用描述（凡与${a.client}自身的回答和备注不符之处，以回答为准）：${a.description}`,
    ),
  phaseGloss:
    "关于阶段名称：“僵化”指原样引入已被验证的做法并严格执行，直到熟练掌握为止，它要求的是执行纪律，而不是让组织变得僵硬；“优化”指在此基础上依据积累的证据，结合业务加以调整；“固化”指把改进后的做法写入制度、系统配置、考核指标和培训。",
  stageTitle: (stage, title) => (stage === "pilot" ? `${title}（试点）` : `${title}（分批推广）`),
  reasonReadiness: (rule) => `就绪度结论要求在第一阶段完成（${rule}）。`,
  situationName: {
    none: "尚无 CRM 系统",
    selecting: "正在选型",
    implementing: "正在实施",
    live: "系统已在使用",
  },
  gateLabel: {
    none: "采购决策",
    selecting: "采购决策",
    implementing: "上线决策",
    live: "重新推广决策",
  },
  // 总是跟在标签之后（“采购决策：……”），句子不再重复标签。
  gateSentence(situation, a) {
    const when = `第 ${a.week} 周（${a.date}），第一阶段完成后，`;
    if (situation === "live") {
      return `${when}由指导委员会审视系统的实际使用情况，决定如何重新推广，然后再开展其他技术工作。`;
    }
    if (situation === "implementing") {
      return `${when}由指导委员会确认系统配置符合商定的流程，再继续推广。`;
    }
    return `${when}由指导委员会依据该阶段形成的流程和需求，决定是否采购系统、采购哪一套；在此之前不做采购。`;
  },
  firstNinetyDaysSentence: (count) =>
    count === 0
      ? "最初 90 天内没有行动启动。"
      : `${count} 项行动在最初 90 天内启动。按时完成这些行动，能让全公司尽早看到项目正在切实推进。`,
  backlogIntro: (count, horizon) =>
    count === 0
      ? `选定的行动全部可以在 ${horizon} 个月的规划期内完成。`
      : `以下 ${count} 项行动放不进 ${horizon} 个月的规划期，作为下一轮的起点，在复评时再行确认。`,
  backlogBeyond: (a) =>
    `${a.hold > 0 ? `连同本阶段 ${a.hold} 周的稳定执行期，` : ""}需持续到第 ${a.week} 周，${a.beyond ? `超出 ${a.horizon} 个月的规划期` : `占用 ${a.horizon} 个月规划期的最后一周，而这一周须留给复评`}。`,
  backlogWaits: (action) => `须等待${report.quote(action)}完成。`,
  workstreamLabel: (dimension, actions) => `${dimension}（${actions} 项行动）`,
  effortRange: (a) => `${fmtRange(a.low, a.high)} 人周`,
  raciLine: (a) =>
    [
      a.accountable === null ? "" : `批准：${a.accountable}`,
      a.consulted.length === 0 ? "" : `咨询：${a.consulted.join("、")}`,
      a.informed.length === 0 ? "" : `知会：${a.informed.join("、")}`,
    ]
      .filter((x) => x !== "")
      .join("；"),
  phaseEffort: (a) => {
    const people = (low: number, high: number) => fmtRange(low / a.weeks, high / a.weeks, 1);
    const owners = a.byOwner
      .map((o) => `${o.name} ${fmtRange(o.low, o.high)} 人周（约 ${people(o.low, o.high)} 人全职）`)
      .join("，");
    return `本阶段约需 ${fmtRange(a.low, a.high)} 人周，历时 ${a.weeks} 周，相当于 ${people(a.low, a.high)} 人全职投入：${owners}。`;
  },
  planEffort: (a) => {
    const people = fmtRange(a.low / a.weeks, a.high / a.weeks, 1);
    const top = a.top.map((o) => `${o.name}（${fmtRange(o.low, o.high)} 人周）`);
    return cjkSpace(
      `整个计划约需贵公司自身人员投入 ${fmtRange(a.low, a.high)} 人周，历时 ${a.weeks} 周，平均相当于 ${people} 人全职${top.length > 0 ? `，其中投入最多的是${report.listJoin(top)}` : ""}。这些时间需要在第一阶段启动前落实到人，否则计划设计得再好也会延误。`,
    );
  },
  findingSentence: (a) =>
    `${a.title}目前为 ${fmtScore(a.score)} 分${a.level === null ? "" : `（第 ${a.level} 级）`}，目标为第 ${a.target} 级${a.thinCoverage === null ? "" : `；该维度仅有 ${fmtPct(a.thinCoverage)} 的题目权重获得作答，请审慎看待`}。${a.answers === 0 ? "" : "支撑这一判断的作答如下："}`,
  decisionsIntro: (_client, count) =>
    `以下${count === 2 ? "两" : "三"}项决策须由贵公司领导层亲自作出，项目团队无法代为决定。`,
  decisionApprove: (a) => ({
    title: "批准第一阶段并落实责任人",
    sentence: cjkSpace(
      `批准第一阶段（${a.start}至${a.end}）的 ${a.count} 项行动，并为${report.listJoin(a.owners)}腾出承担这些工作的时间${a.effort ? `：约 ${fmtRange(a.effort.low, a.effort.high)} 人周，历时 ${a.effort.weeks} 周，相当于 ${fmtRange(a.effort.low / a.effort.weeks, a.effort.high / a.effort.weeks)} 人全职投入` : ""}。`,
    ),
  }),
  decisionGate: (a) => ({
    title: `第 ${a.week} 周依据实证作出${a.label}`,
    sentence: `把${a.label}定在${a.date}，并以第一阶段的实际成果为依据，而不是按供应商的时间表行事。`,
  }),
  decisionReassess: (a) => ({
    title: `确定第 ${a.week} 周进行复评`,
    sentence: `把复评日期定在${a.date}，使用同一问卷、面向相同角色，让进展有据可查，而不是凭感觉判断。`,
  }),
  decisionExpectations: (a) => ({
    title: "调整本轮无法实现的目标",
    sentence: cjkSpace(
      `用本报告给出的现实可达日期取代${report.listJoin(a.dimensions)}的原定目标，并在 ${a.horizon} 个月的计划启动前向管理团队说明。`,
    ),
  }),
  decisionScorecard: {
    title: "采用考核指标体系并按月复盘",
    sentence:
      "把考核指标列入月度经营会议议程，由总经理亲自主持，让项目从第一个月起就依据指标推进。",
  },

  emptyRoadmap:
    "本方法中的行动都不适用于本次结果：各个已计分维度要么已达到目标，要么已高于相关行动所针对的等级；识别出的风险也没有对应的行动。请保持行之有效的做法，补齐缺失的证据，并按计划复评。",
  defaultKpiIntro:
    "路线图各项行动所列的考核指标，以及各自所属阶段和责任人，使进展从第一周起就有据可查。",
  planKpiMeasure: (actions) =>
    `检验${report.listJoin(actions.map((a) => report.quote(a)))}是否见效`,
  planKpiFrequency: "每次阶段评审",
  scorecardTitle: "考核指标卡",
  allKpisTitle: "计划中的全部考核指标",
  outcomeKpi: (dimension) => `${dimension}：复评得分`,
  outcomeBaseline: (a) => `${fmtScore(a.score)}（${a.date}评估）`,
  outcomeTarget: (a) => `${a.date}前达到 ${fmtScore(a.score)}`,
  outcomeCadence: "中期检查与复评",
  baselineBy: (week) => `第 ${week} 周前完成测量`,
  practiceTarget: (a) => `与基线一并商定；在“${a.phase}”阶段结束前（${a.date}）达成`,
  kpiDue: (a) => `“${a.phase}”阶段结束前（${a.date}）`,
  standingTarget: (a) =>
    `与基线一并商定；在“${a.phase}”阶段结束前（${a.date}）达成，此后每次阶段评审保持`,
  standingDue: (a) => `“${a.phase}”阶段结束时（${a.date}）及此后每次阶段评审`,
  kpiDueAtReassessment: (date) => `复评前（${date}）`,
  practiceTargetAtReassessment: (date) => `与基线一并商定；在复评前（${date}）达成`,
  profileParagraph: (name, why) => `本次评估采用“${name}”设定计分。${why}`,
  methodParagraphs: (a) => [
    "每道题按五级量表作答；反向计分的态度题按“6 减去回答值”计分。“不适用”的题目不参与任何计算；“不清楚”视为适用但未作答。",
    "有多名受访者时，题目得分为各角色平均分的平均值，避免大量一线答卷淹没个别高层的意见。维度得分是已作答题目的加权平均，等级取得分的整数部分，并受得分更低的关键题目限制。总体得分是可计分维度的加权平均。",
    "覆盖率是已作答题目权重占适用题目权重的比例。可信度综合四个因素：覆盖率、作答人数、应当作答的角色是否都已参与、受访者之间是否一致。只有覆盖率达到 80%、至少三人作答、所有应参与的角色均已参与、且 80% 的已答权重上意见一致时，可信度才为高；覆盖率 50%、两人作答、半数角色参与、50% 一致时为中；否则为低。因此仅有一位受访者作答时，可信度最多为低。差距为目标减去得分（为正时）。",
    `各维度自路线图开始针对其开展工作的那一周起，按每提升一级约需 ${a.monthsPerLevel} 个月的节奏提升；若到路线图收尾时的复评（在 ${a.horizon} 个月的规划期之内）仍达不到目标，即视为目标无法按期达成，报告会给出现实可达日期。高层评分比一线高出一级或以上记为认知落差，${a.survey ? "受访者一致度未达中等（rwg 低于 0.51；LeBreton 与 Senter 2008）的题目记为意见分歧。一道题有十份或以上回答时（如本次问卷），总会有人的回答相差两级，访谈所用的这一标准便说明不了什么。" : "回答相差两级或以上记为意见分歧。"}`,
    "风险与就绪度结论由问卷中定义的规则得出；路线图依据问卷中的改进建议生成，规则见路线图一节。",
  ],
  coverageIntro:
    "各维度的作答情况。覆盖率低会降低可信度；在依据某个维度做决策之前，应先补充缺失的证据。",
  respondentsMore: ({ listed, total }) =>
    `此处列出 ${fmtCount(total)} 位受访者中的前 ${fmtCount(listed)} 位；全部受访者见 crm-maturity batch 以 --respondents 写出的受访者 CSV。`,
  respondentsMoreOnRequest: ({ listed, total }) =>
    `此处列出 ${fmtCount(total)} 位受访者中的前 ${fmtCount(listed)} 位；完整名单保存在本次评估的工作底稿中，如有需要可另行提供。`,
  respondentsSurvey: ({ total, internal }) =>
    `共有 ${fmtCount(total)} 人填写了本次问卷，各角色人数见封面。此处不逐一列出受访者：${internal ? "每位受访者的得分见 crm-maturity batch 以 --respondents 写出的受访者 CSV。" : "每位受访者的得分保存在本次评估的工作底稿中，如有需要可另行提供。"}`,
  answersIncluded: "全部作答，附访谈中记录的备注与证据。",
  answersInWorkingPapers:
    "“各维度详情”一节已按维度列出得分最高和最低的题目，以及全部备注与证据。逐题作答记录保存在本次评估的工作底稿中，如有需要可另行提供。",
  answersNotIncluded:
    "未包含逐题作答：本报告依据结果文件生成，结果文件只含得分、不含作答。请直接对答卷文件运行 crm-maturity report，即可附上全部作答及其备注与证据。",
  answersFromResultsOnRequest:
    "“各维度详情”一节已按维度列出得分最高和最低的题目。逐题作答记录未收入本报告，保存在本次评估的工作底稿中，如有需要可另行提供。",
  answersAnonymized: "本报告已匿名处理，不附逐题作答，以免任何回答被追溯到具体的受访者。",
  answerValue: { na: "不适用", unknown: "不清楚" },
};

/** The dimensions a role mismatch bears on: 各个维度 (or all but a few), or their titles. */
function concernedZh(a: Pick<RoleMismatchText, "all" | "except" | "dimensions">): string {
  return a.all || a.except.length > 0
    ? report.everyDimension(a.all ? [] : a.except)
    : report.listJoin(a.dimensions);
}

/** Roles that answered at one assessment only: who, what the comparison rests on, where. */
function roleMismatchZh(a: Parameters<Messages["comparison"]["warning"]["role-mismatch"]>[0]) {
  const list = report.listJoin;
  const who = [
    a.onlyBaseline.length > 0 ? `${list(a.onlyBaseline)}只参加了基线评估` : "",
    a.onlyFollowup.length > 0 ? `${list(a.onlyFollowup)}只参加了复评` : "",
  ]
    .filter((part) => part !== "")
    .join("，");
  const where = concernedZh(a);
  if (a.comparedOn === "shared-roles") {
    const which =
      a.onlyBaseline.length > 0 && a.onlyFollowup.length > 0
        ? "两次评估的各项数字均与各自报告中的不同"
        : `${a.onlyBaseline.length > 0 ? "基线" : "复评"}的各项数字与该次评估报告中的不同`;
    return cjkSpace(
      `${who}。为使两次评估可比，本报告只按两次都参与的角色（${list(a.shared)}）计分，因此${which}。未计入的回答涉及${where}。`,
    );
  }
  const none = a.shared.length === 0 ? "两次评估没有共同参与的角色。" : "";
  return cjkSpace(
    `${who}。${none}这些角色的回答只计入了其中一次评估，因此${where}的变化可能部分来自参与作答的人员不同，而不是企业本身的变化。`,
  );
}

const comparison: Messages["comparison"] = {
  title: "进展报告",
  heading: (client) => `进展报告 — ${client}`,
  baseline: "基线",
  followup: "复评",
  change: "变化",
  progressShort: "进度",
  interval: "间隔",
  targetWas: (a) => `${a.now}（原 ${a.was}）`,
  intervalValue: (a) => `${a.months} 个月（${a.days} 天）`,
  questionnaireValue: (a) => `${a.id} ${a.version}`,
  section: {
    dimensions: "各维度得分",
    readiness: "就绪度",
    risks: "风险",
    perception: "认知落差（高层减一线）",
    questionnaire: "问卷变更",
    movers: "变化最大的题目",
    kpis: "关键指标的变化",
    readinessAndRisks: "就绪度与风险",
    warnings: "本次比较的说明",
    method: "阅读说明",
  },
  col: { question: "题目", questionId: "题目编号" },
  progress: {
    "baseline-at-target": "已达目标",
    inconclusive: "无法判定",
    added: "新增维度",
    removed: "已删除",
  },
  progressSlipped: "已回落至目标以下",
  readiness: {
    improved: "改善",
    worsened: "恶化",
    unchanged: "不变",
    "not-comparable": "无法比较：其中一次评估没有可供判断的回答",
    same: (verdict) => `${verdict}，与基线相同`,
    sideHeading: (a) => `${a.side}${a.verdict}，判定依据：`,
  },
  risks: {
    resolved: "已解除",
    new: "新出现",
    persisting: "持续存在",
    none: "无",
    noneOf: {
      resolved: "自基线评估以来，尚无风险解除。",
      new: "没有出现新的风险。",
      persisting: "没有从基线延续下来的风险。",
    },
  },
  riskRule: {
    "not-in-followup-questionnaire": "复评问卷已不含该规则",
    "not-in-baseline-questionnaire": "基线问卷不含该规则",
  },
  perception: {
    none: "两次评估均未衡量（需要高层和一线受访者）。",
    flagged: "预警",
  },
  questions: {
    same: (a) => `两次评估均使用 ${a.id} ${a.version}，题目相同。`,
    versions: (a) =>
      `基线评估使用 ${a.id} ${a.from}，复评使用 ${a.to}；每道题都与另一版本中的同一道题对照比较。`,
    idsOnly:
      "缺少其中一次评估所用的问卷，只能按题目编号比较：无法核对题干、锚点、题型和权重是否有变更。",
    added: "新增",
    removed: "删除",
    changed: "修改",
    noChanges: "没有新增、删除或修改的题目。",
    footnote: "† 两个版本之间该维度有题目新增、删除或修改，其得分不可严格对比。",
    weights: "维度权重调整",
    weightChange: (a) => `权重 ${a.from} → ${a.to}`,
    overallFootnote:
      "‡ 各维度在总体得分中的权重与基线评估时不同（见问卷变更）：总体得分的变化有一部分来自权重调整，而非答题结果。",
  },
  movers: {
    none: "匹配题目的得分均无变化。",
    definitionChanged:
      "† 该题的题干、锚点、题型、权重或计分方式在两个版本之间有修改，其得分不可严格对比。",
  },
  field: {
    text: "题干",
    anchors: "等级锚点",
    type: "题型",
    weight: "权重",
    reverse: "反向计分",
    critical: "关键题标记",
    kind: "题型（事实或体验）",
    roles: "适用角色",
    dimension: "所属维度",
  },
  warning: {
    "client-mismatch": (a) =>
      `客户名称不一致：基线为“${a.baseline}”，复评为“${a.followup}”。请确认两次评估针对的是同一客户。`,
    "questionnaire-mismatch": (a) =>
      `问卷不一致：基线为 ${a.baseline}，复评为 ${a.followup}。只比较编号相同的题目。`,
    "profile-mismatch": (a) =>
      cjkSpace(
        `两次评估采用了不同的行业与规模设定：基线为${a.baseline}，复评为${a.followup}。两者的权重、目标和节奏不同，因此得分的部分变化来自设定本身，而不是企业的实际变化。`,
      ),
    "profile-unavailable": (a) => {
      const [side, other] = a.standard === "baseline" ? ["基线", "复评"] : ["复评", "基线"];
      return cjkSpace(
        `${side}所用的问卷没有定义行业与规模设定，因此${side}按标准权重和目标计分，只有${other}按“${a.profile}”设定计分。得分的部分变化来自设定本身，而不是企业的实际变化。`,
      );
    },
    "same-date": (a) => `两次评估的日期均为${a.followup}。`,
    "role-mismatch": (a) => roleMismatchZh(a),
  },
  standardProfile: "标准权重",
  respondentsCompared: (a) => `${fmtCount(a.all)}（其中 ${fmtCount(a.compared)} 位参与比较）`,
  footer: (a) => `保密 · ${a.baseline}与${a.followup}两次评估`,
  method: {
    progress:
      "目标达成进度 =（复评得分 − 基线得分）÷（目标 − 基线得分），以复评时的目标为准，限定在 0–100%：得分下降计为 0%，超过目标计为 100%。",
    arrows: "▲ 提升 · ▼ 下降 · = 不变。等级与覆盖率按“基线 → 复评”列出。",
    signal:
      "只有当变化超过测量误差时才算真实变化：误差取两次得分之差的 1.96 个标准误，依据每次评估中受访者意见的一致程度（rwg(j)）和作答人数计算，且不少于四分之一个等级；任一次评估只有一位受访者时，门槛为半个等级。低于门槛的变化可能只是误差，不宜作为进展汇报。",
  },
  kpis: {
    intro: "基线评估时设定的结果指标（加权后差距最大的维度），在复评时再次测量的结果。",
    column: "指标",
  },
  signal: {
    column: "是否真实变化",
    gain: "是，提升",
    loss: "是，下降",
    noise: ({ band }) => `否：在 ±${band} 误差内`,
  },
};

/** Why an autosave failed, as the interview tells the consultant. */
const SAVE_FAILURES: Record<WriteFailure, string> = {
  "folder-missing": "所在文件夹已不存在",
  "cannot-create": "无法在该文件夹中新建文件",
  "not-a-folder": "路径中有一部分现在是文件而不是文件夹",
  "is-a-folder": "已有同名文件夹占用了这个文件名",
  permission: "没有在该处写入的权限",
  "read-only": "磁盘处于只读状态",
  "no-space": "磁盘已满",
  quota: "磁盘配额已用完",
  "too-large": "文件超出了该磁盘允许的大小",
  "name-too-long": "文件名过长",
  "link-loop": "路径中的符号链接构成了循环",
  "io-error": "磁盘报告了读写错误",
  "pipe-closed": "保存完成前文件已被关闭",
};

/** What to do before saving again. */
function saveRemedy(failure: WriteFailure | undefined): string {
  switch (failure) {
    case "no-space":
    case "quota":
    case "too-large":
      return "释放磁盘空间";
    case "permission":
      return "恢复该文件夹的写入权限";
    case "read-only":
      return "让磁盘恢复可写";
    case "folder-missing":
    case "not-a-folder":
    case "cannot-create":
      return "恢复该文件夹";
    case "is-a-folder":
      return "移走同名文件夹";
    default:
      return "排除故障";
  }
}

const interview: Messages["interview"] = {
  languagePrompt: "Language / 语言",
  metaHeading: "评估信息",
  clientName: "客户名称",
  clientIndustry: "所属行业（可选）",
  clientSize: "企业规模（可选，如 500-1000 人）",
  profileChosen: (names, ids) =>
    `计分设定：${names}。已写入 client.profile: ${ids}；如与企业实际不符，可在文件中修改（或在 score、report、roadmap 命令中用 --profile 指定）。`,
  detailsFromFolder:
    "以下信息已按本文件夹中其他回答文件预先填好，以便合并为同一次评估计分：直接回车保留，或加以修改。",
  crmSituation: "企业目前的 CRM 系统状况",
  crmSituations: {
    none: "尚无 CRM 系统",
    selecting: "正在选型",
    implementing: "正在实施",
    live: "已上线使用",
  },
  goalsAsk: "总经理或高管团队是否提出过 CRM 目标（有指标、有期限）？",
  goalsIntro:
    "请按原话记录每个目标及其指标，例如“年底客户满意度达到 98%”。报告会把每个目标与其所依赖的能力相对照，并给出现实可达的日期。",
  goalText: "目标（高管原话）",
  goalMetric: "衡量指标（如客户满意度调查得分；未提及则留空）",
  goalTarget: "目标值（如 98%；未提及则留空）",
  goalBy: "期望达成日期（YYYY-MM-DD；未提日期则留空）",
  goalDimension: "实现这个目标最依赖哪项能力？",
  goalNextDimension: "还依赖哪项能力？",
  goalAnotherDimension: "是否还依赖其他能力？",
  goalAnother: "是否还有其他目标？",
  assessor: "评估人（您的姓名）",
  date: "评估日期（YYYY-MM-DD）",
  dateInvalid: "日期格式应为 YYYY-MM-DD，例如 2025-03-31",
  required: "此项必填",
  respondentHeading: "受访者",
  respondentName: "受访者姓名（可选；留空即匿名）",
  respondentRole: "受访者角色",
  placeholdersLeft: (file) =>
    `${file} 中的客户信息仍是模板的提示文字，请现在补填；报告封面将使用这些信息。`,
  existingFile: (file, n) =>
    n === 0
      ? `${file} 中已有评估信息，尚无受访者；文件中的任何内容都不会被覆盖。`
      : `${file} 中已有 ${n} 位受访者的回答；文件中的任何内容都不会被覆盖。`,
  existingChoice: "请选择下一步：",
  continueRespondent: (who, answered, total) => `继续访谈 ${who}（已答 ${answered} / ${total} 题）`,
  addRespondent: "在此文件中新增一位受访者",
  quitUnchanged: "退出（文件保持不变）",
  resumeComplete: (who) => `${who} 已答完全部题目。是否新增一位受访者？`,
  resumeNothing: (file) => `${file} 中还没有受访者。是否新增一位？`,
  roleIgnored: (who, role, flag) =>
    `提示：${who} 的访谈角色为“${role}”；${flag} 只对新受访者生效。`,
  sessionStart: (who, role, id, total, file) =>
    `正在访谈 ${who}（${id ? `${role}，${id}` : role}）：共 ${total} 题。每答一题即刻保存到 ${file}；按 Ctrl-C 保存并中止。`,
  resuming: (answered, total) => `继续上次访谈：${total} 题中已答 ${answered} 题。`,
  noQuestions: (role) => `本问卷没有面向“${role}”角色的题目。`,
  dimension: (n, of) => `维度 ${n} / ${of}`,
  question: (n, of) => `第 ${n} 题 / 共 ${of} 题`,
  critical: "关键题：限制本维度的最高等级",
  fact: "事实题：按证据显示的情况评级，而非凭印象",
  current: (answer) => `已答：${answer}`,
  help: "访谈提示",
  evidence: "应查证据",
  askLevel: "哪一级最符合实际情况？",
  askLikert: "受访者在多大程度上同意？",
  likert: ["非常不同意", "不同意", "说不清", "同意", "非常同意"],
  na: "不适用 · 与本企业无关",
  naShort: "不适用",
  unknown: "不清楚 · 受访者不了解情况",
  unknownShort: "不清楚",
  back: "← 返回上一题",
  backFirst: "← 返回上一题（已是第一题）",
  skipRest: "跳过本维度剩余题目",
  saveQuit: "保存并退出",
  keys: "↑↓ 移动 · 1–5 跳到对应等级 · ⏎ 确认 · Ctrl-C 保存并中止",
  keysLikert: "↑↓ 移动 · 1–5 跳到对应选项 · ⏎ 确认 · Ctrl-C 保存并中止",
  selectKeys: "↑↓ 移动 · ⏎ 确认",
  selectNoMatch: (typed) => `没有以“${typed}”开头的选项，未作任何选择：请用 ↑↓ 移动后按 ⏎ 确认。`,
  selectDisabled: "此项在这里不能选择，请选择其他项。",
  yes: "是",
  no: "否",
  yesNoHint: (byDefault, mark) =>
    byDefault ? `（${mark("y 是")}／n 否，回车即是）` : `（y 是／${mark("n 否")}，回车即否）`,
  yesNoInvalid: "请输入 y 或“是”表示是，n 或“否”表示否",
  note: "备注（可选，直接回车跳过）",
  evidenceSeen: "所见证据（可选，直接回车跳过）",
  skipped: (n) => `已跳过本维度的 ${n} 道题。`,
  finished: (who, answered, na, unknown, open) =>
    `${who} 的访谈结束：已答 ${answered} 题，不适用 ${na} 题，不清楚 ${unknown} 题，未答 ${open} 题。`,
  anotherRespondent: "是否现在为该客户访谈另一位受访者？",
  saved: (n, file) => `已将 ${n} 条回答保存到 ${file}。`,
  resumeWith: "继续访谈请运行：",
  restartRespondent: (who, file) =>
    `${who} 未能写入 ${file}。如需重新开始这位受访者的访谈，请运行以下命令，并选择“在此文件中新增一位受访者”：`,
  interrupted: "访谈已中止。",
  nothingSaved: "尚未作答即已中止，未保存任何内容。",
  locked: (file, holder) =>
    `${file} 正在另一个访谈中使用（${holder}）；两个访谈同时写一个文件会丢失回答。请先结束那个访谈，或用 -o 指定另一个文件。若确无访谈在运行，请删除 ${file}.lock。`,
  lockHolder: (pid, host, since) => `${host} 上的进程 ${pid}，始于 ${since}`,
  lockHolderUnknown: "占用者未知",
  saveFailed: (file, reason, created) =>
    created
      ? `✘ 无法保存到 ${file}：${reason}。已录入的内容仍保留在本次会话中；文件中是上一次成功保存的内容。`
      : `✘ 无法保存到 ${file}：${reason}。已录入的内容仍保留在本次会话中；文件尚未创建。`,
  saveFailureReason: (failure, code) =>
    failure === undefined ? `系统拒绝写入（${code}）` : SAVE_FAILURES[failure],
  retrySave: (failure, newRespondent) =>
    newRespondent === undefined
      ? `是否重试保存？（请先${saveRemedy(failure)}；选“否”将结束访谈，并列出未保存的回答）`
      : cjkSpace(
          `是否重试保存？（请先${saveRemedy(failure)}；选“否”将结束访谈，${newRespondent}不会加入文件，随后会给出重新开始其访谈的命令）`,
        ),
  retryDetailsSave: (failure) =>
    `是否重试保存？（请先${saveRemedy(failure)}；选“否”将结束访谈，刚才录入的客户信息需要重新录入）`,
  retryGoalSave: (failure) =>
    `是否重试保存？（请先${saveRemedy(failure)}；选“否”将结束访谈，并列出这一目标，以便手工补入文件）`,
  notCreated: (file) =>
    `未保存任何内容：${file} 未能创建。如需重新开始，请运行以下命令，届时会重新询问客户信息：`,
  detailsNotSaved: (file) => `刚才录入的客户信息未能保存；${file} 中只有故障之前已保存的内容。`,
  goalNotSaved: (file, a) => {
    const safe = a.answers > 0 ? `，已有的 ${a.answers} 条回答完好无损` : "";
    const where = a.earlier ? `${file} 中 goals 列表的末尾` : `${file} 中 respondents 之前`;
    return cjkSpace(
      `刚才录入的目标未能保存；${file} 中仍保留着客户信息及此前保存的其他内容${safe}。继续访谈时不会再询问目标：如需保留这一目标，请按以下内容手工补入${where}：`,
    );
  },
  notSaved: (file) => `最后的回答未能保存；${file} 中只有故障之前已保存的内容。`,
  unsavedAnswers: (file) => `以下回答未写入 ${file}，请记下，继续访谈时重新录入：`,
  unsavedAnswer: (id, answer, note, evidence) =>
    [
      `${id}：${answer}`,
      ...(note ? [`备注：${note}`] : []),
      ...(evidence ? [`证据：${evidence}`] : []),
    ].join(" · "),
  scoreHeading: "当前得分（文件中全部受访者）",
};

const answersTemplate: Messages["answersTemplate"] = {
  answersIntro: (a) => [
    `${a.title}（${a.id} ${a.version}）答卷。`,
    "请先填写下方的评估信息，再为每位受访者添加一个 respondent 块，",
    "或使用 `crm-maturity interview -o answers.yaml --lang zh-CN` 现场访谈录入。也可以每次访谈一个文件",
    "（answers/ceo.yaml、answers/sales-1.yaml……），`score` 会自动合并。",
    "答案可以是 1-5、na（不适用）、unknown（不清楚），或 { value: 3, note: …, evidence: … }。",
  ],
  clientName: "客户名称",
  industry: "所属行业",
  size: "员工人数，例如 200-500",
  assessor: "评估人姓名",
  horizon: "规划周期（月），用于判断期望值风险",
  crmSituation: "none | selecting | implementing | live：目前的 CRM 系统状况，决定路线图的路径",
  employees: "员工人数；决定规模档位，规模档位决定推进节奏（未填写时取 size 中的数字）",
  profile: "行业与规模设定，当所属行业和规模无法选出合适的设定时填写",
  respondentIntro: [
    "为每位受访者复制以下块，放到 `respondents:` 下（替换 `[]`）并取消注释。",
    "标注“仅限”的题目不向其他角色提问，可省略。",
  ],
  respondentName: "可选；不填则匿名",
  roles: "可选角色",
  only: "仅限",
  targetsIntro: [
    "与客户商定的各维度目标成熟度等级（1-5），将覆盖问卷默认值：",
    "crm-maturity score answers.yaml --targets targets.yaml --lang zh-CN",
  ],
  defaultTarget: "默认",
};

const engagementReadme: Messages["engagementReadme"] = ({
  name,
  q,
  t,
}) => `# CRM 能力成熟度评估：${name}

本文件夹由 \`crm-maturity init\` 创建。

- \`answers.yaml\`：评估信息与受访者答卷（也可每次访谈一个文件，如 \`answers/ceo.yaml\`）。
- \`targets.yaml\`：与客户商定的各维度目标等级。
- \`brand.yaml\`：贵公司用于 PDF、Word 和 PowerPoint 的品牌设置（\`--brand brand.yaml\`）。

## 后续步骤

\`\`\`sh
# 1. 与受访者逐题访谈（每位受访者运行一次；可用 --resume 继续）
crm-maturity interview${q} -o answers.yaml --lang zh-CN

# 2. 评分：成熟度概况、差距、就绪度结论、风险与认知落差
crm-maturity score answers.yaml${q} ${t} --lang zh-CN

# 3. 差距报告（Markdown；-o report.pdf、report.docx 或 report.pptx 则为 PDF、Word 或 PowerPoint）
crm-maturity report answers.yaml${q} ${t} --lang zh-CN -o report.md

# 4. 分阶段路线图（僵化 → 优化 → 固化）
crm-maturity roadmap answers.yaml${q} ${t} --lang zh-CN -o roadmap.md
\`\`\`

保存评分结果（\`score --format json -o results.json\`），半年后复评时可用 \`crm-maturity compare\` 对比进展。
`;

const survey: Messages["survey"] = {
  roleQuestion: "您在公司中的角色是？",
  dontKnow: "不知道",
  notApplicable: "不适用于本公司",
  intro: "请为每个问题选择最符合公司目前实际情况的答案，而不是计划中的情况。",
  paperInstructions: "每题只勾选一个方框：选择最符合目前实际情况的答案。与您角色无关的题目请留空。",
  paperRespondent: "答卷编号",
  forRolesOnly: (roles) => cjkSpace(`（仅限${roles.join("、")}作答）`),
};

const BRAND_FIRM_PLACEHOLDER = "贵公司名称";

const brandFile: Messages["brandFile"] = ({
  schemaRef,
  firm,
}) => `# yaml-language-server: $schema=${schemaRef}
# 贵公司用于 PDF、Word 和 PowerPoint 交付物的品牌设置：
#   crm-maturity report answers.yaml --brand brand.yaml -o report.pdf --lang zh-CN
# 路径相对于本文件。文本可以是所有语言通用的一段文字，也可以按语言（en、zh-CN）分别填写。
# 检查本文件：crm-maturity validate brand.yaml
firm: ${firm["zh-CN"]}
# logo: logo.png              # PNG 或 JPEG：用于封面或标题页以及页眉
colors:
  primary: "#1f3a5f"          # 标题、封面色带、幻灯片顶栏和图表中的现状数据系列
  accent: "#c07a2c"           # 封面色带下方的线条和封面标语
# fonts:
#   heading: Georgia          # Word 和 PowerPoint（中文文字仍使用中文字体）
#   body: Calibri
#   pdf: fonts/YourFont.ttf   # PDF 需要字体文件；未指定时使用内置字体
footer:
  en: ${firm.en} · CRM capability practice
  zh-CN: ${firm["zh-CN"]} · 客户关系管理能力咨询
confidentiality:
  en: Confidential. Prepared for the client's management; not for circulation.
  zh-CN: 机密文件，仅供客户管理层使用，请勿外传。
coverLine:
  en: Independent assessment of CRM capability
  zh-CN: 客户关系管理能力独立评估
`;

/** What the commands say on the terminal about what they did (paths and ids as typed: no cjkSpace). */
const status: Messages["status"] = {
  created: (file) => `  已创建  ${file}`,
  kept: (file) => `  已保留  ${file}（文件已存在，未覆盖）`,
  nothingToDo: (folder) => `无需操作：${folder} 中已有全部评估文件。`,
  next: (command) => `下一步：${command}   （计分、报告和路线图的命令见 README.md）`,
  wrote: (file) => `已写入 ${file}`,
  answersInvalid: (errors) => `答卷文件有误（${errors} 处错误），未进行计分`,
  targetsInvalid: ({ file, errors }) => `目标文件 ${file} 有误（${errors} 处错误），未进行计分`,
  warning: "警告：",
  compare: {
    questionnaireNotUsed: (a) => {
      const side = a.side === "baseline" ? "基线" : "复评";
      const why =
        a.scoredWith === undefined
          ? `与${side}结果同为 ${a.questionnaire}，但维度或题目有所不同`
          : `是 ${a.questionnaire}，而${side}结果是按 ${a.scoredWith} 计分的`;
      return `${a.option} ${a.file} ${why}；不采用其中的题目文字`;
    },
    idsOnly:
      "题目仅按 id 比较；如需同时比较题目文字、锚点、题型和权重，请同时提供两次评估的问卷（--baseline-questionnaire 和 -q）",
    profileRemedy: (a) =>
      `如需同口径比较，请用同一个 --profile 为两次评估计分；基线按 --profile ${a.baseline} 计分，复评按 --profile ${a.followup} 计分`,
    followupFirst: "复评的评估日期早于基线",
    roleMismatch: (a) => {
      const only = [
        ...a.onlyBaseline.map((r) => `${r.name}（仅基线，${r.respondents} 位受访者）`),
        ...a.onlyFollowup.map((r) => `${r.name}（仅复评，${r.respondents} 位受访者）`),
      ].join("、");
      const where = a.dimensions.length > 0 ? concernedZh(a) : "";
      if (a.comparedOn === "shared-roles") {
        const which =
          a.onlyBaseline.length > 0 && a.onlyFollowup.length > 0
            ? "两次评估的各项数字均与各自报告中的不同"
            : `${a.onlyBaseline.length > 0 ? "基线" : "复评"}的各项数字与该次评估报告中的不同`;
        const left = where === "" ? "" : `；未计入的回答涉及${where}`;
        return cjkSpace(
          `只在一次评估中作答的角色：${only}；两次评估均只按共同参与的角色（${report.listJoin(a.shared)}）计分，因此${which}${left}`,
        );
      }
      const how =
        a.shared.length === 0
          ? "两次评估没有共同参与的角色，无法按共同角色比较"
          : "如需按共同角色比较，请用两次评估的答卷文件而不是结果文件计分";
      const bears = where === "" ? "" : `，涉及${where}`;
      return cjkSpace(
        `只在一次评估中作答的角色：${only}；这些角色的回答只计入了其中一次评估${bears}（${how}）`,
      );
    },
  },
};

/** Every message in Chinese (simplified, zh-CN). */
export const zhCN: Messages = {
  common,
  score,
  report,
  comparison,
  interview,
  answersTemplate,
  survey,
  status,
  engagementReadme,
  brandFile,
  brandFirmPlaceholder: BRAND_FIRM_PLACEHOLDER,
};
