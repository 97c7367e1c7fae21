import type { Lang } from "./labels.js";

/** Every text the interview shows that does not come from the questionnaire. */
export interface InterviewLabels {
  languagePrompt: string;
  metaHeading: string;
  clientName: string;
  clientIndustry: string;
  clientSize: string;
  assessor: string;
  date: string;
  dateInvalid: string;
  required: string;
  respondentHeading: string;
  respondentName: string;
  respondentRole: string;
  existingFile: (file: string, respondents: number) => string;
  placeholdersLeft: (file: string) => string;
  existingChoice: string;
  continueRespondent: (who: string, answered: number, total: number) => string;
  addRespondent: string;
  quitUnchanged: string;
  resumeComplete: (who: string) => string;
  resumeNothing: (file: string) => string;
  roleIgnored: (who: string, role: string, flag: string) => string;
  sessionStart: (who: string, role: string, total: number, file: string) => string;
  resuming: (answered: number, total: number) => string;
  noQuestions: (role: string) => string;
  dimension: (n: number, of: number) => string;
  question: (n: number, of: number) => string;
  critical: string;
  /** Tag of a `kind: fact` question. */
  fact: string;
  current: (answer: string) => string;
  help: string;
  evidence: string;
  askLevel: string;
  askLikert: string;
  likert: readonly [string, string, string, string, string];
  na: string;
  naShort: string;
  unknown: string;
  unknownShort: string;
  back: string;
  backDisabled: string;
  skipRest: string;
  saveQuit: string;
  keys: string;
  selectKeys: string;
  note: string;
  evidenceSeen: string;
  skipped: (count: number) => string;
  finished: (who: string, answered: number, na: number, unknown: number, open: number) => string;
  anotherRespondent: string;
  saved: (answers: number, file: string) => string;
  resumeWith: string;
  interrupted: string;
  nothingSaved: string;
  scoreHeading: string;
}

const en: InterviewLabels = {
  languagePrompt: "Language / 语言",
  metaHeading: "Assessment",
  clientName: "Client name",
  clientIndustry: "Industry (optional)",
  clientSize: "Company size (optional, e.g. 500-1000 employees)",
  assessor: "Assessor (your name)",
  date: "Assessment date (YYYY-MM-DD)",
  dateInvalid: "Expected a date as YYYY-MM-DD, e.g. 2025-03-31",
  required: "Required",
  respondentHeading: "Respondent",
  respondentName: "Respondent's name (optional; leave empty to keep it anonymous)",
  respondentRole: "Respondent's role",
  existingFile: (file, n) =>
    `${file} already holds ${n} respondent${n === 1 ? "" : "s"}; nothing in it will be overwritten.`,
  placeholdersLeft: (file) =>
    `${file} still holds the template's wording instead of the client details. Please give them now; they go on the cover of every report.`,
  existingChoice: "What would you like to do?",
  continueRespondent: (who, answered, total) =>
    `Continue with ${who} (${answered} of ${total} answered)`,
  addRespondent: "Add a new respondent to this file",
  quitUnchanged: "Quit (leave the file as it is)",
  resumeComplete: (who) => `${who} has answered every question. Add a new respondent?`,
  resumeNothing: (file) => `${file} has no respondent yet. Add one?`,
  roleIgnored: (who, role, flag) =>
    `Note: ${who} was interviewed as ${role}; ${flag} applies only to new respondents.`,
  sessionStart: (who, role, total, file) =>
    `Interviewing ${who} (${role}): ${total} questions. Every answer is saved to ${file} at once; Ctrl-C saves and stops.`,
  resuming: (answered, total) => `Resuming: ${answered} of ${total} questions already answered.`,
  noQuestions: (role) => `No question of this questionnaire is put to the role ${role}.`,
  dimension: (n, of) => `Dimension ${n} of ${of}`,
  question: (n, of) => `Question ${n} of ${of}`,
  critical: "critical: caps the dimension's level",
  fact: "fact: rate what the evidence shows, not an impression",
  current: (answer) => `answered: ${answer}`,
  help: "Help",
  evidence: "Evidence",
  askLevel: "Which level matches what actually happens?",
  askLikert: "How far does the respondent agree?",
  likert: [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
  ],
  na: "N/A · does not apply to this company",
  naShort: "N/A",
  unknown: "Unknown · the respondent does not know",
  unknownShort: "unknown",
  back: "← Back to the previous question",
  backDisabled: "(this is the first question)",
  skipRest: "Skip the rest of this dimension",
  saveQuit: "Save and quit",
  keys: "↑↓ move · 1–5 jump to a level · ⏎ choose · Ctrl-C save and stop",
  selectKeys: "↑↓ move · ⏎ choose",
  note: "Note (optional, ⏎ to skip)",
  evidenceSeen: "Evidence seen (optional, ⏎ to skip)",
  skipped: (n) => `Skipped ${n} question${n === 1 ? "" : "s"} of this dimension.`,
  finished: (who, answered, na, unknown, open) =>
    `Finished with ${who}: ${answered} answered, ${na} N/A, ${unknown} unknown, ${open} left open.`,
  anotherRespondent: "Interview another respondent for this client now?",
  saved: (n, file) => `Saved ${n} answer${n === 1 ? "" : "s"} to ${file}.`,
  resumeWith: "Resume with:",
  interrupted: "Interrupted.",
  nothingSaved: "Interrupted before any answer was given; nothing was saved.",
  scoreHeading: "Scores so far (every respondent in the file)",
};

const zhCN: InterviewLabels = {
  languagePrompt: "Language / 语言",
  metaHeading: "评估信息",
  clientName: "客户名称",
  clientIndustry: "所属行业（可选）",
  clientSize: "企业规模（可选，如 500-1000 人）",
  assessor: "评估人（您的姓名）",
  date: "评估日期（YYYY-MM-DD）",
  dateInvalid: "日期格式应为 YYYY-MM-DD，例如 2025-03-31",
  required: "此项必填",
  respondentHeading: "受访者",
  respondentName: "受访者姓名（可选；留空即匿名）",
  respondentRole: "受访者角色",
  existingFile: (file, n) => `${file} 中已有 ${n} 位受访者的回答；文件中的任何内容都不会被覆盖。`,
  placeholdersLeft: (file) =>
    `${file} 中的客户信息仍是模板的提示文字，请现在补填；报告封面将使用这些信息。`,
  existingChoice: "请选择下一步：",
  continueRespondent: (who, answered, total) => `继续访谈 ${who}（已答 ${answered} / ${total} 题）`,
  addRespondent: "在此文件中新增一位受访者",
  quitUnchanged: "退出（文件保持不变）",
  resumeComplete: (who) => `${who} 已答完全部题目。是否新增一位受访者？`,
  resumeNothing: (file) => `${file} 中还没有受访者。是否新增一位？`,
  roleIgnored: (who, role, flag) =>
    `提示：${who} 的访谈角色为“${role}”；${flag} 只对新受访者生效。`,
  sessionStart: (who, role, total, file) =>
    `正在访谈 ${who}（${role}）：共 ${total} 题。每答一题即刻保存到 ${file}；按 Ctrl-C 保存并中止。`,
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
  backDisabled: "（已是第一题）",
  skipRest: "跳过本维度剩余题目",
  saveQuit: "保存并退出",
  keys: "↑↓ 移动 · 1–5 跳到对应等级 · ⏎ 确认 · Ctrl-C 保存并中止",
  selectKeys: "↑↓ 移动 · ⏎ 确认",
  note: "备注（可选，直接回车跳过）",
  evidenceSeen: "所见证据（可选，直接回车跳过）",
  skipped: (n) => `已跳过本维度的 ${n} 道题。`,
  finished: (who, answered, na, unknown, open) =>
    `${who} 的访谈结束：已答 ${answered} 题，不适用 ${na} 题，不清楚 ${unknown} 题，未答 ${open} 题。`,
  anotherRespondent: "是否现在为该客户访谈另一位受访者？",
  saved: (n, file) => `已将 ${n} 条回答保存到 ${file}。`,
  resumeWith: "继续访谈请运行：",
  interrupted: "访谈已中止。",
  nothingSaved: "尚未作答即已中止，未保存任何内容。",
  scoreHeading: "当前得分（文件中全部受访者）",
};

const LABELS: Record<Lang, InterviewLabels> = { en, "zh-CN": zhCN };

/** The interview's labels in `lang`. */
export function interviewLabels(lang: Lang): InterviewLabels {
  return LABELS[lang];
}
