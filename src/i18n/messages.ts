import type { WriteFailure } from "../core/diagnostics/write-failure.js";
import type { AgreementBand } from "../core/math/reliability.js";
import type { ProgressStatus, QuestionField, RiskChange } from "../core/models/comparison.js";
import type { Lang } from "../core/models/languages.js";
import type {
  ConfidenceId,
  PillarId,
  ReadinessVerdictId,
  ReportKind,
  ReportLabels,
  RoadmapPhaseId,
  RoadmapStrategy,
  SeverityId,
} from "../core/models/report.js";
import type { CrmSituation } from "../core/questionnaire/schema.js";

// Every word a person reads, as one type: `src/i18n/en.ts` and `src/i18n/zh-CN.ts` each export one
// `Messages` object, so the compiler lists anything a language is missing. Labels are strings;
// sentences with variables are typed functions. `messagesFor(lang)` (src/i18n/index.ts) picks one.

/** Everything worded in one language, grouped by the area that uses it. */
/**
 * Whether perception gaps could be measured: `measured`, `no-roles` (the questionnaire has no
 * executive or no front-line role that answers) or `unanswered` (one of the two roles did not answer).
 */
export type PerceptionGapsState = "measured" | "no-roles" | "unanswered";

export interface Messages {
  common: CommonMessages;
  score: ScoreMessages;
  report: ReportMessages;
  comparison: ComparisonMessages;
  interview: InterviewMessages;
  /** The comments of the answers and targets templates `init` writes. */
  answersTemplate: AnswersTemplateMessages;
  /** The words of the surveys `survey` writes that do not come from the questionnaire. */
  survey: SurveyMessages;
  /** What `init`, `score`, `report`, `roadmap` and `compare` say on the terminal, in `--lang`. */
  status: StatusMessages;
  /** The engagement README `init` writes: what the files are and the next commands. */
  engagementReadme(p: ReadmeParts): string;
  /**
   * The brand.yaml `init` writes: the firm's branding with a comment on every key. `firm` is each
   * language's `brandFirmPlaceholder`, so every text for a language holds that language's placeholder.
   */
  brandFile(p: { schemaRef: string; firm: Record<Lang, string> }): string;
  /** The firm name `brandFile` holds until it is filled in; `validate` warns while it is there. */
  brandFirmPlaceholder: string;
}

/** Vocabulary shared by the score table, the comparison and the reports. */
export interface CommonMessages {
  /** The language's name in itself, as a language menu lists it. */
  languageName: string;
  /** The language tag Word and PowerPoint proof the text against, e.g. en-GB. */
  officeLanguage: string;
  /**
   * The language tag of the Latin-script words in a Word document in this language (Word's
   * `w:lang w:val`; Chinese characters carry zh-CN as their East Asian language). A Chinese
   * document's Latin words (CRM, quoted English notes, question ids) are English: tagged zh-CN,
   * they are broken anywhere, even inside a word, when a line wraps.
   */
  officeLatinLanguage: string;
  /** The font a PowerPoint deck sets its text in. */
  officeFont: string;
  /**
   * The font a deck uses when a brand names one: the brand's where it can show the language
   * (PowerPoint sets one face for Latin and East Asian text), else `officeFont`.
   */
  officeFontWithBrand(brandFont: string): string;
  inconclusive: string;
  overall: string;
  /** What a shortened list leaves out; `count` is a number or a placeholder such as "{count}". */
  andMore(count: number | string): string;
  /** A month on a timeline's axis, short ("Apr", "4月"), with its year when `withYear`. */
  monthTick(iso: string, withYear: boolean): string;
  listSeparator: string;
  /** What a terminal table leaves out when it shortens the levels to their numbers. */
  levelNames: string;
  /** Under a terminal table too narrow for every column: what it leaves out, and where to see it. */
  narrowed(left: string[]): string;
  punct: {
    /** Between a label and its value. */
    colon: string;
    /** Opens and closes a parenthetical, with the spacing the language uses. */
    open: string;
    close: string;
    paren(text: string): string;
    dash: string;
    /** Ends a sentence. */
    sentence(text: string): string;
    semicolon: string;
  };
  header: {
    client: string;
    date: string;
    assessor: string;
    questionnaire: string;
    respondents: string;
    /** The industry profile and size band the scores were computed with. */
    profile: string;
  };
  /** Naming the profile an assessment was scored with. */
  profiles: {
    /** "B2C retail and membership · Large (…)" followed by how it was chosen. */
    named(names: string[], chosenBy: "option" | "answers"): string;
    /** No profile: the questionnaire's own weights, targets and pace. */
    standard: string;
  };
  col: {
    dimension: string;
    score: string;
    level: string;
    target: string;
    gap: string;
    profile: string;
    coverage: string;
    confidence: string;
    severity: string;
    risk: string;
    executive: string;
    frontline: string;
    monthsNeeded: string;
    realisticDate: string;
  };
  confidence: Record<ConfidenceId, string>;
  severity: Record<SeverityId, string>;
  verdict: Record<ReadinessVerdictId, string>;
  verdictExplain: Record<ReadinessVerdictId, string>;
  /** Why a risk or readiness rule holds: one leaf of its condition, in words. */
  leaf(leaf: LeafText): string;
}

/** The sections under the `score` table. */
export interface ScoreMessages {
  readiness: string;
  risks: string;
  risksCount(a: { shown: number; total: number }): string;
  risksAll(total: number): string;
  perceptionGaps: string;
  perceptionGapsNone: string;
  perceptionGapsMissing: string;
  /** The questionnaire has no `executive` or no `frontline` role that answers. */
  perceptionGapsNoRoles: string;
  factConflicts: string;
  /** Under the heading; `survey`: decided on rwg (10 answers or more), not on the range. */
  factConflictsNote(survey: boolean): string;
  colQuestion: string;
  /**
   * The facts' second column, headed for what its cells hold: `range`, the lowest and highest
   * ratings (`1–5`); `rwg`, a survey-sized question's agreement (`rwg 0.28`); `both` when the
   * list holds some of each.
   */
  colFactSpread(read: "range" | "rwg" | "both"): string;
  expectationRisks: string;
  expectationRisksNote(a: { horizon: number; pace: number }): string;
  expectationRisksNone(horizon: number): string;
  /**
   * Under the expectation risks: this pacing starts every dimension on the assessment day, while
   * the report dates targets by the roadmap's sequencing, so the two can differ.
   */
  expectationRisksPacing: string;
  risksNone: string;
  disagreements: string;
  cappedBy(a: { question: string; score: string }): string;
}

/** Roles that answered at one assessment only, named in the language (a `role-mismatch`). */
export interface RoleMismatchText {
  /** The roles' people as a group ("the front-line staff"), baseline only. */
  onlyBaseline: string[];
  onlyFollowup: string[];
  /** The roles both assessments share. */
  shared: string[];
  /** shared-roles: both sides scored on the shared roles alone; all-respondents: as answered. */
  comparedOn: "shared-roles" | "all-respondents";
  /** The titles of the dimensions those roles answered on; `all` when that is every one. */
  dimensions: string[];
  all: boolean;
  /**
   * When not empty, the dimensions concerned are every one but these few: the sentence names
   * them ("every dimension except …") rather than listing nearly all the others.
   */
  except: string[];
}

/**
 * The same on `compare`'s standard error: roles by their name ("Front-line employee"), each with
 * its respondents at the assessment where it took part.
 */
export interface RoleMismatchStatus
  extends Omit<RoleMismatchText, "onlyBaseline" | "onlyFollowup"> {
  onlyBaseline: { name: string; respondents: number }[];
  onlyFollowup: { name: string; respondents: number }[];
}

/** The progress report of `compare`. */
export interface ComparisonMessages {
  /** The document's title on its own (a deck's title slide), without the client. */
  title: string;
  heading(client: string): string;
  baseline: string;
  followup: string;
  change: string;
  progressShort: string;
  interval: string;
  targetWas(a: { now: string; was: string }): string;
  intervalValue(a: { months: number; days: number }): string;
  questionnaireValue(a: { id: string; version: string }): string;
  section: {
    dimensions: string;
    readiness: string;
    risks: string;
    perception: string;
    questionnaire: string;
    movers: string;
    warnings: string;
    method: string;
    kpis: string;
    /** The deck's slide that holds both. */
    readinessAndRisks: string;
  };
  col: { question: string; questionId: string };
  /** The outcome KPIs of the baseline's scorecard and how they moved. */
  kpis: { intro: string; column: string };
  progress: Record<Exclude<ProgressStatus, "measured">, string>;
  /** At target at baseline, below it at follow-up (the score change says by how much). */
  progressSlipped: string;
  readiness: {
    improved: string;
    worsened: string;
    unchanged: string;
    "not-comparable": string;
    /** The line when both assessments reached one verdict: "not ready, as at the baseline". */
    same(verdict: string): string;
    sideHeading(a: { side: string; verdict: string }): string;
  };
  risks: {
    resolved: string;
    new: string;
    persisting: string;
    /** "None.": kept for Markdown templates that still read `risksNone`. */
    none: string;
    /** What an empty group says: "No new risk has appeared." */
    noneOf: { resolved: string; new: string; persisting: string };
  };
  riskRule: Record<NonNullable<RiskChange["rule"]>, string>;
  perception: { none: string; flagged: string };
  questions: {
    same(a: { id: string; version: string }): string;
    versions(a: { id: string; from: string; to: string }): string;
    idsOnly: string;
    added: string;
    removed: string;
    changed: string;
    noChanges: string;
    footnote: string;
    /** Group heading: dimensions whose weight in the overall score changed. */
    weights: string;
    weightChange(a: { from: string; to: string }): string;
    /** Under the dimension table when the overall row is marked ‡ (re-weighted dimensions). */
    overallFootnote: string;
  };
  movers: { none: string; definitionChanged: string };
  field: Record<QuestionField, string>;
  warning: {
    "client-mismatch"(a: { baseline: string; followup: string }): string;
    "questionnaire-mismatch"(a: { baseline: string; followup: string }): string;
    /** Each side's profile by name (or `standardProfile`). */
    "profile-mismatch"(a: { baseline: string; followup: string }): string;
    /** One side scored standard (its questionnaire has no profiles), the other with `profile`. */
    "profile-unavailable"(a: { standard: "baseline" | "followup"; profile: string }): string;
    "same-date"(a: { baseline: string; followup: string }): string;
    "role-mismatch"(a: RoleMismatchText): string;
  };
  /** A side without a profile, in a profile warning. */
  standardProfile: string;
  /** A side's respondents when roles the other side lacks were left out of the comparison. */
  respondentsCompared(a: { all: number; compared: number }): string;
  /** The running footer of the progress documents, as the report's: the dates spelt out. */
  footer(a: { baseline: string; followup: string }): string;
  method: { progress: string; arrows: string; signal: string };
  /** Whether a dimension's change is real or within the measurement's noise. */
  signal: {
    column: string;
    gain: string;
    loss: string;
    noise(p: { band: string }): string;
  };
}

/**
 * The lines the commands print about what they did (the interview's are in `InterviewMessages`):
 * `init`'s list of files and next step, the file `report` and `roadmap` wrote, why `score` scored
 * nothing, and `compare`'s warnings on standard error with what removes them. Paths, options and
 * ids in them are as the consultant types them.
 */
export interface StatusMessages {
  /** `init`: a file it created (the padding lines the names up under `kept`). */
  created(file: string): string;
  /** `init`: a file that already existed and was left as it was. */
  kept(file: string): string;
  /** `init`: the folder already held every file. */
  nothingToDo(folder: string): string;
  /** `init`: the command to run next; the README gives the others. */
  next(command: string): string;
  /** `report`, `roadmap` (at a terminal): the file written. */
  wrote(file: string): string;
  /** `score`: invalid answer files; nothing scored (`errors` counted). */
  answersInvalid(errors: number): string;
  /** `score`: an invalid targets file; nothing scored. */
  targetsInvalid(a: { file: string; errors: number }): string;
  /** What starts a warning line on standard error, its punctuation included ("warning: "). */
  warning: string;
  compare: {
    /** `-q` or `--baseline-questionnaire` does not describe the results it was given for. */
    questionnaireNotUsed(a: {
      option: string;
      file: string;
      side: "baseline" | "followup";
      /** Its id and version. */
      questionnaire: string;
      /** Those the results were scored with; absent when they are the same but its questions differ. */
      scoredWith?: string;
    }): string;
    /** Questions compared by id only: the options that compare their texts too. */
    idsOnly: string;
    /** What removes a profile mismatch: both sides' profiles by id, as `--profile` takes them. */
    profileRemedy(a: { baseline: string; followup: string }): string;
    /** A follow-up dated before its baseline (swapped arguments?): the command's error line. */
    followupFirst: string;
    /** A role mismatch on standard error, roles and dimensions by name, with their respondents. */
    roleMismatch(a: RoleMismatchStatus): string;
  };
}

/** Every text the interview shows that does not come from the questionnaire. */
export interface InterviewMessages {
  languagePrompt: string;
  metaHeading: string;
  clientName: string;
  clientIndustry: string;
  clientSize: string;
  /** After industry and size: the profile they choose, as written into the file. */
  profileChosen(names: string, ids: string): string;
  /** Said when a new file's details are pre-filled from another answer file of its folder. */
  detailsFromFolder: string;
  /** The client's CRM system today: the question and each answer. */
  crmSituation: string;
  crmSituations: Record<CrmSituation, string>;
  // The executives' stated goals, asked after the client's details.
  goalsAsk: string;
  goalsIntro: string;
  goalText: string;
  goalMetric: string;
  goalTarget: string;
  goalBy: string;
  goalDimension: string;
  goalNextDimension: string;
  goalAnotherDimension: string;
  goalAnother: string;
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
  /** `id` is given when `who` is the respondent's name (not already their id). */
  sessionStart: (
    who: string,
    role: string,
    id: string | undefined,
    total: number,
    file: string,
  ) => string;
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
  /** The back line at the first question, where it cannot be chosen: says why. */
  backFirst: string;
  skipRest: string;
  saveQuit: string;
  /** The key help of a level question's list, and of a Likert statement's. */
  keys: string;
  keysLikert: string;
  selectKeys: string;
  /** Typed text matches no line of a list: nothing is chosen, Enter waits. */
  selectNoMatch: (typed: string) => string;
  /** Enter on a line that cannot be chosen (the line says why). */
  selectDisabled: string;
  /** How a yes/no question shows its answer once given; also accepted as answers besides y and n. */
  yes: string;
  no: string;
  /**
   * The hint after a yes/no question: the answers it takes and what Enter alone answers, the
   * answer Enter gives passed through `mark` (the terminal highlights it).
   */
  yesNoHint: (byDefault: boolean, mark: (answer: string) => string) => string;
  /** Shown when a yes/no question gets something else than an answer. */
  yesNoInvalid: string;
  note: string;
  evidenceSeen: string;
  skipped: (count: number) => string;
  finished: (who: string, answered: number, na: number, unknown: number, open: number) => string;
  anotherRespondent: string;
  saved: (answers: number, file: string) => string;
  resumeWith: string;
  /** A new respondent whose first save failed: how to start them again (the command follows). */
  restartRespondent: (who: string, file: string) => string;
  interrupted: string;
  nothingSaved: string;
  scoreHeading: string;
  /** A second interview on the same answers file is refused. */
  locked: (file: string, holder: string) => string;
  lockHolder: (pid: number, host: string, since: string) => string;
  lockHolderUnknown: string;
  /**
   * An autosave failed (full disk, removed folder, …); the answers are still in memory.
   * `created`: whether the file exists (false when its first save failed).
   */
  saveFailed: (file: string, reason: string, created: boolean) => string;
  /** Why the save failed; `code` is the system's own code for a failure not told apart. */
  saveFailureReason: (failure: WriteFailure | undefined, code: string) => string;
  /**
   * Asks whether to save again, with what to do first for that failure and what No does.
   * `newRespondent`: the respondent this save would add to the file, named; they have no answers
   * to list, so No leaves them out and shows how to start their interview again.
   */
  retrySave: (failure: WriteFailure | undefined, newRespondent?: string) => string;
  /** The same question before any respondent (the client details): No leaves them unsaved. */
  retryDetailsSave: (failure: WriteFailure | undefined) => string;
  /** The same question for a goal just entered: No shows it, to add to the file by hand. */
  retryGoalSave: (failure: WriteFailure | undefined) => string;
  /** The session ends with the file never written; the command to start again follows. */
  notCreated: (file: string) => string;
  /** The session ends with client details the file does not hold (it was written before). */
  detailsNotSaved: (file: string) => string;
  /**
   * The session ends with a goal the file does not hold: what it does hold (`answers` it held,
   * safe; `earlier` goals), and that resuming does not ask for goals again, so the goal, which
   * follows as the file would hold it, is to be added by hand (with the goals list if not
   * `earlier`).
   */
  goalNotSaved: (file: string, a: { answers: number; earlier: boolean }) => string;
  /** The session ends with a respondent's answers that could not be written. */
  notSaved: (file: string) => string;
  /** Heads the list of answers given but not in the file, to give again on resuming. */
  unsavedAnswers: (file: string) => string;
  /** One answer of that list: the question's id, the answer, its note and evidence. */
  unsavedAnswer: (id: string, answer: string, note?: string, evidence?: string) => string;
}

/**
 * Every text a generated survey shows that does not come from the questionnaire (the agreement
 * labels of Likert items are the interview's `likert`).
 */
export interface SurveyMessages {
  /** The role question. */
  roleQuestion: string;
  dontKnow: string;
  notApplicable: string;
  /** Instructions at the top of an online survey. */
  intro: string;
  /** Paper: how to fill the form in. */
  paperInstructions: string;
  paperRespondent: string;
  /** After a question put to some roles only, with its own separator from the text. */
  forRolesOnly(roles: string[]): string;
}

/** The comments of the answers and targets templates; arrays are comment lines. */
export interface AnswersTemplateMessages {
  answersIntro(a: { title: string; id: string; version: string }): readonly string[];
  clientName: string;
  industry: string;
  size: string;
  assessor: string;
  horizon: string;
  /** Comment beside `crmSituation` in the answers template. */
  crmSituation: string;
  /** Comment beside the commented `employees` line (questionnaires with size bands). */
  employees: string;
  /** Comment beside the commented `profile` line, before the list of profile ids. */
  profile: string;
  respondentIntro: readonly string[];
  respondentName: string;
  roles: string;
  only: string;
  targetsIntro: readonly string[];
  defaultTarget: string;
}

/** What the engagement README needs: the folder's name and the `-q` argument, if any. */
export interface ReadmeParts {
  name: string;
  /** ` -q <file>` or empty. */
  q: string;
  /** The targets option every command takes. */
  t: string;
}

/** A leaf of a risk or readiness condition, with the names a sentence needs already resolved. */
export type LeafText = { holds: boolean } & (
  | { kind: "dimension"; name: string; value: number | null; below?: number; atLeast?: number }
  | { kind: "question"; name: string; value: number | null; atMost?: number; atLeast?: number }
  | { kind: "overall"; value: number | null; below?: number; atLeast?: number }
  | { kind: "perceptionGap"; name: string; value: number | null; atLeast: number }
  | { kind: "coverage"; name: string | null; value: number | null; below: number }
  | { kind: "risk"; name: string }
);

/** The report and roadmap documents: labels and sentence builders. */
export interface ReportMessages {
  labels: ReportLabels;
  /** The appendix's reliability and agreement tables (docs/statistics.md). */
  reliability: ReliabilityMessages;
  /** The roadmap's title when the questionnaire's method names none. */
  roadmapTitle(questionnaireTitle: string): string;
  dateText(iso: string): string;
  listJoin(items: string[]): string;
  /**
   * Dimensions named in a sentence when they are all of them ("every dimension"), or all but
   * `except` ("every dimension except Customer processes"): the method's `{dimensions}`.
   */
  everyDimension(except: string[]): string;
  quote(text: string): string;
  /** Wraps text in the language's parentheses, with the spacing the language uses. */
  paren(text: string): string;
  /** Separates the items of a short inline list. */
  sep: string;
  /** Joins the sentences of one paragraph. */
  sentenceJoin: string;
  pillar: Record<PillarId, string>;
  phase: Record<RoadmapPhaseId, string>;
  /** Phase goals when the questionnaire's method gives none. */
  defaultPhaseGoal: Record<RoadmapPhaseId, string>;
  severity: Record<SeverityId, string>;
  verdict: Record<ReadinessVerdictId, string>;
  confidence: Record<ConfidenceId, string>;
  strategyName: Record<RoadmapStrategy, string>;
  strategySentence: Record<RoadmapStrategy, string>;
  kpiSource: Record<"plan" | "standard", string>;
  section: {
    cover: string;
    summary: string;
    calibration: string;
    profile: string;
    dimensions: string;
    perception: string;
    risks: string;
    roadmap: string;
    kpis: string;
    decisions: string;
    nextSteps: string;
    appendix: string;
    method: string;
    scale: string;
    coverage: string;
    respondents: string;
    answers: string;
  };
  cover: {
    notice(client: string): string;
    /** The running header; `title` is the document's title for a pack without methodology titles. */
    header(client: string, kind: ReportKind, title?: string): string;
    /** The cover's respondents: how many, and how many of each role. */
    respondents(total: number, roles: { name: string; count: number }[]): string;
  };
  footer(date: string): string;
  pageNumber: string;
  overallSentence(a: {
    client: string;
    score: number | null;
    level: number | null;
    levelName: string | null;
    coverage: number | null;
    confidence: string | null;
    /** The confidence basis: most respondents on one question, roles present and expected. */
    respondents: number;
    rolesPresent: number;
    rolesExpected: number;
  }): string;
  /** The readiness verdict in a sentence, addressed to the client by name. */
  readinessSentence: Record<ReadinessVerdictId, (client: string) => string>;
  readinessReason(title: string, rationale: string | null): string;
  /** `measured`: dimensions with a score; none means no gap can be measured at all. */
  topGapsSentence(count: number, measured: number): string;
  /** The heading over the findings argued from the largest gaps (at most three). */
  findingsTitle(count: number): string;
  gapSentence(a: { title: string; score: number | null; target: number; gap: number }): string;
  topRisksSentence(a: { total: number; high: number }): string;
  /** `outOfReach`: the targets not yet met at the reassessment, dated `reassessment`. */
  calibrationSentence(a: {
    monthsPerLevel: number;
    outOfReach: number;
    total: number;
    reassessment: string;
  }): string;
  /**
   * A target the roadmap does not reach by the reassessment, which measures it. `start` (1-based week) is when the roadmap's first
   * action on it starts, `months` and `date` when it reaches the target; all three are null when
   * the roadmap plans no action on it within the horizon. `expected`: the score to expect at the
   * reassessment, dated `reassessment` (the scorecard's target for it).
   */
  calibrationItem(a: {
    title: string;
    score: number | null;
    target: number;
    start: number | null;
    months: number | null;
    date: string | null;
    horizon: number;
    expected: number;
    reassessment: string;
  }): string;
  defaultCalibrationAdvice: string;
  /** A goal an executive stated, set against the capability it depends on. */
  goalSentence(a: {
    text: string;
    /** How the goal is measured and the value named for it, as the executive stated them. */
    metric: string | null;
    target: string | null;
    by: string | null;
    dimensions: string[];
    realistic: string | null;
    /** Dimensions it rests on that the roadmap plans no action on within the horizon. */
    unplanned: string[];
    feasible: boolean | null;
  }): string;
  /** `radar`: the radar is drawn (three scored dimensions or more); `projected`: it has a projection. */
  profileIntro(a: { radar: boolean; projected: boolean }): string;
  /** `notes`: some dimension quotes notes or evidence (interviews do; a survey's results hold none). */
  dimensionsIntro(a: { notes: boolean }): string;
  dimensionSummary(a: {
    title: string;
    score: number | null;
    level: number | null;
    levelName: string | null;
    target: number;
    gap: number | null;
    coverage: number | null;
    confidence: string | null;
  }): string;
  cappedSentence(a: { question: string; level: number; score: number }): string;
  /** As `calibrationItem`: `start`, `months` and `date` are null when no action is planned. */
  expectationSentence(a: {
    start: number | null;
    months: number | null;
    date: string | null;
    horizon: number;
    expected: number;
    reassessment: string;
  }): string;
  /**
   * `onExperience`: the dimension has question kinds, so the figures are those of the experience
   * statements both sides answered and can differ from the scores by role.
   */
  perceptionSentence(a: {
    executive: number;
    frontline: number;
    gap: number;
    flagged: boolean;
    onExperience: boolean;
  }): string;
  /**
   * `onExperience`: the questionnaire has question kinds, so the perception gaps compare the
   * experience statements both sides answered and can differ from the scores by role.
   */
  /**
   * `survey`: the disagreements were decided on rwg (questions of 10 answers or more), so the
   * follow-up is put as agreement, not as answers two levels apart.
   */
  perceptionIntro(
    applicable: boolean,
    onExperience: boolean,
    gaps: PerceptionGapsState,
    survey: boolean,
  ): string;
  /**
   * Before the facts to settle: rated two or more levels apart, or, `survey`, on which a survey's
   * respondents are divided (rwg below 0.51) — evidence to check, not answers to correct.
   */
  factConflictsIntro(survey: boolean): string;
  /** Under a survey's disagreements or facts to settle when only the most divided are shown. */
  /** `internal`: the consultants' edition names the results JSON, the client's the working papers. */
  spreadMore(a: { shown: number; total: number; internal: boolean }): string;
  /** Batch results grouped by a column (`--group-by`): the table of each value's mean scores. */
  groupScores: {
    title(column: string): string;
    /** The means are of respondents' own scores, not role-balanced; the appendix says if groups differ. */
    intro(column: string): string;
    /** A group value that is an empty cell. */
    blank: string;
    /**
     * Under the table when groups are left out, of `total`: `small` groups of fewer than
     * `minimum` respondents (client editions, anonymized reports), and beyond the `shown` with
     * the most respondents; where every group's figures are (`internal`: the consultants' edition
     * names the results JSON and the respondents CSV, the client's the working papers).
     */
    more(a: {
      shown: number;
      total: number;
      small: number;
      minimum: number;
      internal: boolean;
    }): string;
  };
  perceptionGapSentence(a: {
    title: string;
    executive: number;
    frontline: number;
    gap: number;
  }): string;
  risksIntro(counts: Record<SeverityId, number>): string;
  /** The compact table of the risks the full edition does not argue one by one. */
  otherRisksTitle: string;
  otherRisksIntro(count: number): string;
  /**
   * How the roadmap's actions were chosen and ordered, after the method's own introduction:
   * `usual` is how many actions most owners run at once, `others` the owners that run another
   * number (role capacities in the questionnaire).
   */
  roadmapRules(capacity: { usual: number; others: { owner: string; n: number }[] }): string;
  reasonGap(a: { dimension: string; level: number; appliesBelow: number; gap: number }): string;
  reasonRisk(risk: string): string;
  reasonDependency(action: string): string;
  reasonRisks(risks: string[]): string;
  reasonDependencies(actions: string[]): string;
  reasonPushed(a: { phase: string; action: string }): string;
  /** The exit criterion when the questionnaire's method gives none. */
  defaultExitCriterion: string;
  interimCriterion(d: { title: string; interim: number }): string;
  targetCriterion(d: { title: string; target: number }): string;
  /**
   * Solidify's checkpoint when the roadmap projects the dimension still short of its target at
   * the reassessment; `date`: its realistic date, null when there is none (no planned climb).
   */
  shortOfTargetCriterion(d: {
    title: string;
    target: number;
    projected: number;
    date: string | null;
  }): string;
  /**
   * The dated hold of a phase whose method sets `holdWeeks`: its last rollout ends in week
   * `from.week`, and the practice then runs stably for `weeks` weeks, to the end of week
   * `until.week` (weeks 1-based, each with the date of its last day).
   */
  holdCriterion(a: {
    weeks: number;
    from: { week: number; date: string };
    until: { week: number; date: string };
  }): string;
  /** A phase without actions in the horizon; `deferred`: how many of its actions the backlog holds. */
  noActionsInPhase(deferred: number): string;
  milestoneLabel: string;
  /** The timeline's legend of a phase's hold (its hatched weeks). */
  timelineHold: string;
  /** `week` is 1-based, as people count weeks. */
  milestoneSentence(a: { week: number; date: string }): string;
  defaultCycle: string;
  planCalibration(a: {
    weeks: number;
    months: number;
    end: string;
    horizon: number;
    /** Actions left for the next cycle. */
    backlog: number;
    /** Whether this document lists the backlog after the phases (the board edition does not). */
    backlogListed: boolean;
    outOfReach: string[];
  }): string;
  // The roadmap's fit to the horizon and the client's situation.
  stageTitle(stage: "pilot" | "rollout", title: string): string;
  /** The scale's description of a level, framed as a general picture rather than a finding. */
  levelPortrait(a: { level: number; client: string; description: string }): string;
  /** The phase names in plain words, where the report first uses them. */
  phaseGloss: string;
  reasonReadiness(rule: string): string;
  situationName: Record<CrmSituation, string>;
  gateLabel: Record<CrmSituation, string>;
  /** `week` is 1-based. */
  gateSentence(situation: CrmSituation, a: { week: number; date: string }): string;
  firstNinetyDaysSentence(count: number): string;
  backlogIntro(count: number, horizon: number): string;
  /**
   * `week` is the 0-based end week, exclusive: the last week of work (with `hold`, the weeks its
   * phase holds the practice after a rollout), counted from 1; `beyond`: whether that is after
   * the horizon, or only takes the horizon's last week, which the reassessment needs.
   */
  backlogBeyond(a: { week: number; horizon: number; hold: number; beyond: boolean }): string;
  backlogWaits(action: string): string;
  /** A board timeline bar: a dimension's actions within one phase. */
  workstreamLabel(dimension: string, actions: number): string;
  // RACI and effort: per action, per phase and for the whole plan (person-weeks).
  /** "3–5 person-weeks". */
  effortRange(a: { low: number; high: number }): string;
  /** Accountable, consulted and informed as one line; the owner is shown beside it. */
  raciLine(a: { accountable: string | null; consulted: string[]; informed: string[] }): string;
  /** A phase's effort: person-weeks over its weeks, and what that means in people per owner. */
  phaseEffort(a: {
    low: number;
    high: number;
    weeks: number;
    /** `people`: the role's people as a group inside a sentence ("the managers"). */
    byOwner: Array<{ name: string; people: string; low: number; high: number }>;
  }): string;
  /** The plan's effort, with the roles that carry most of it. */
  planEffort(a: {
    low: number;
    high: number;
    weeks: number;
    top: Array<{ name: string; people: string; low: number; high: number }>;
  }): string;
  // Editions: the argued findings and the decisions.
  findingSentence(a: {
    title: string;
    score: number;
    target: number;
    level: number | null;
    /** The dimension's coverage when under half its question weight was answered, else null. */
    thinCoverage: number | null;
    /** How many answers follow it (it introduces them); 0: the finding alone, with no lead-in. */
    answers: number;
  }): string;
  /**
   * Who takes the decisions (`count`: two when the plan has no first phase to approve, else
   * three): the client's own leadership, named (no pack's role words).
   */
  decisionsIntro(client: string, count: number): string;
  /** `effort`: the phase's person-weeks over its weeks, when the pack gives effort. */
  decisionApprove(a: {
    count: number;
    /** The owners' people as groups inside a sentence ("the managers"). */
    owners: string[];
    start: string;
    end: string;
    effort: { low: number; high: number; weeks: number } | null;
  }): {
    title: string;
    sentence: string;
  };
  decisionGate(a: { label: string; week: number; date: string }): {
    title: string;
    sentence: string;
  };
  decisionReassess(a: { week: number; date: string }): { title: string; sentence: string };
  decisionExpectations(a: { dimensions: string[]; horizon: number }): {
    title: string;
    sentence: string;
  };
  decisionScorecard: { title: string; sentence: string };
  emptyRoadmap: string;
  defaultKpiIntro: string;
  /** What a KPI of the plan shows: that the actions naming it (their titles) are done and work. */
  planKpiMeasure(actions: string[]): string;
  planKpiFrequency: string;
  // The scorecard: about ten KPIs with owner, baseline, target and cadence.
  scorecardTitle: string;
  allKpisTitle: string;
  outcomeKpi(dimension: string): string;
  outcomeBaseline(a: { score: number; date: string }): string;
  outcomeTarget(a: { score: number; date: string }): string;
  outcomeCadence: string;
  /** `week` is 1-based. */
  baselineBy(week: number): string;
  practiceTarget(a: { phase: string; date: string }): string;
  /** The same date, short, in the list of every KPI: the end of the phase it is met by. */
  kpiDue(a: { phase: string; date: string }): string;
  /**
   * A standing measure's (the method's, tracked all along) `practiceTarget`: met by the end of the
   * first phase with work in it, then held at each phase review.
   */
  standingTarget(a: { phase: string; date: string }): string;
  /** A standing measure's `kpiDue`: the end of that first phase, then each phase review. */
  standingDue(a: { phase: string; date: string }): string;
  /** As `kpiDue` when the plan has no phase with work in it. */
  kpiDueAtReassessment(date: string): string;
  /** A standing measure's target when the plan has no action: met by the reassessment. */
  practiceTargetAtReassessment(date: string): string;
  /** `survey`: some questions had 10 answers or more, and their disagreement is read on rwg. */
  methodParagraphs(a: { monthsPerLevel: number; horizon: number; survey: boolean }): string[];
  /** The method paragraph naming the profile used and why it shapes the scores as it does. */
  profileParagraph(name: string, why: string): string;
  coverageIntro: string;
  /** Under a respondents list cut to its first `listed`. */
  /** Internal edition: the first respondents are listed; where the full list is (the CSV). */
  respondentsMore(a: { listed: number; total: number }): string;
  /** The client's editions: the same, the full list kept in the working papers. */
  respondentsMoreOnRequest(a: { listed: number; total: number }): string;
  /**
   * Results of a survey (`batch`): its respondents are ids without names, so none is listed;
   * `internal`: the consultants' edition names the respondents CSV, the client's the working papers.
   */
  respondentsSurvey(a: { total: number; internal: boolean }): string;
  answersIncluded: string;
  /** The full edition's appendix: the answer-by-answer listing stays with the consultants. */
  answersInWorkingPapers: string;
  /** Internal edition from a results file: how to include the answers. */
  answersNotIncluded: string;
  /** The client's editions from a results file: the answers stay in the working papers. */
  answersFromResultsOnRequest: string;
  answersAnonymized: string;
  answerValue: { na: string; unknown: string };
}

/** How well a dimension's questions hang together (Cronbach's alpha bands, docs/statistics.md). */
export type AlphaBand = "good" | "acceptable" | "loose" | "poor" | "no-variance" | "too-few";
/** How far respondents agree (rwg(j) bands of LeBreton & Senter 2008). */
export type { AgreementBand };

/** What a dimension's one-line reading is built from (the table shows the figures). */
export interface ReliabilityReading {
  alphaBand: AlphaBand;
  agreementBand: AgreementBand | null;
}

/**
 * The words of the appendix's reliability and agreement tables in one language. English avoids
 * "α": the PDF's standard Helvetica has no Greek, and one letter would embed a whole font.
 * The table keeps one line per dimension; what limits the figures is folded into short notes.
 */
export interface ReliabilityMessages {
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
  /** A dimension's reading in a few words, without the figures its row shows. */
  reading(r: ReliabilityReading): string;
  /** The dimensions whose figures rest on fewer than 10 complete answers (`all`: every one). */
  indicative(r: { dimensions: string[]; all: boolean }): string;
  /** The dimensions where fewer than 3 questions enter alpha. */
  fewItems(dimensions: string[]): string;
  /** A question that fits poorly with the others of its dimension. */
  weakItem(w: {
    dimension: string;
    id: string;
    text: string;
    itemRest: string;
    alphaIfDeleted: string;
  }): string;
  /** Full edition: which dimensions' figures are one role group's; the others are internal. */
  roleGroupsNote(r: { dimensions: string[]; all: boolean }): string;
  /**
   * Internal edition: for a dimension that puts different questions to different roles, whose
   * answers the figures are, and alpha within the other role groups.
   */
  roleGroups(r: {
    dimension: string;
    roles: string;
    others: { roles: string; alpha: string; respondents: number }[];
  }): string;
  notes: string[];
  groupTitle(column: string): string;
  groupIntro(column: string): string;
  groupColumns: { dimension: string; icc1: string; icc2: string; reading: string };
  /** `chance`: the group means differ less than chance would make them (ICC below 0, not shown). */
  groupReading(r: {
    reliable: boolean | null;
    chance: boolean;
    icc1: string;
    column: string;
  }): string;
}
