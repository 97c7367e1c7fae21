import { randomBytes } from "node:crypto";
import {
  Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import {
  type AnswersFile,
  type AnswerValue,
  type AssessmentMeta,
  answersFile,
  type Respondent,
  respondent as respondentSchema,
  type StatedGoal,
} from "../core/answers/schema.js";

/** How an answers file is written, from its extension. */
export type AnswersFormat = "yaml" | "json";

/** JSON for `.json` files, YAML for everything else. */
export const answersFormatOf = (file: string): AnswersFormat =>
  /\.json$/i.test(file) ? "json" : "yaml";

/**
 * A new answers document: metadata and no respondent yet. `schemaRef` points editors at the
 * answers JSON Schema: a `yaml-language-server` modeline in YAML, a `$schema` key in JSON.
 */
export function newAnswersDocument(
  meta: AssessmentMeta,
  opts: { schemaRef: string; format: AnswersFormat },
): Document {
  const client: Record<string, string> = { name: meta.client.name };
  if (meta.client.industry) client.industry = meta.client.industry;
  if (meta.client.size) client.size = meta.client.size;
  if (meta.client.profile) client.profile = meta.client.profile;
  if (meta.client.crmSituation) client.crmSituation = meta.client.crmSituation;
  const doc = new Document({
    ...(opts.format === "json" ? { $schema: opts.schemaRef } : {}),
    assessment: {
      client,
      date: meta.date,
      assessor: meta.assessor,
      questionnaire: { id: meta.questionnaire.id, version: meta.questionnaire.version },
    },
    respondents: [],
  });
  // On the root mapping rather than the document, so no blank line follows the modeline.
  if (opts.format === "yaml" && isMap(doc.contents)) {
    doc.contents.commentBefore = ` yaml-language-server: $schema=${opts.schemaRef}`;
  }
  return doc;
}

/**
 * Parses an existing answers file for editing; comments and formatting the consultant added by
 * hand survive every later write. The file must already have passed `loadAnswerFiles`.
 */
export function parseAnswersDocument(text: string): Document {
  return parseDocument(text);
}

/** Appends a goal the executives stated, before the respondents (where a reader looks for it). */
export function addGoal(doc: Document, goal: StatedGoal): void {
  let list = doc.get("goals", true);
  if (!isSeq(list)) {
    doc.set("goals", doc.createNode([]));
    list = doc.get("goals", true);
    // `set` appends the key; move it before `respondents`.
    if (isMap(doc.contents)) {
      const items = doc.contents.items;
      const at = items.findIndex((p) => isScalar(p.key) && p.key.value === "respondents");
      const goals = items.pop();
      if (goals) items.splice(at < 0 ? items.length : at, 0, goals);
    }
  }
  if (!isSeq(list)) throw new Error("goals is not a list");
  list.flow = false;
  list.items.push(doc.createNode(goalEntry(goal)));
}

/** A goal as the file holds it: the optional fields only when given. */
function goalEntry(goal: StatedGoal): Record<string, unknown> {
  const entry: Record<string, unknown> = { text: goal.text };
  if (goal.metric) entry.metric = goal.metric;
  if (goal.target) entry.target = goal.target;
  if (goal.by) entry.by = goal.by;
  entry.dimensions = goal.dimensions;
  return entry;
}

/**
 * A goal as `addGoal` writes it into a file of that format, to add by hand when its save failed:
 * one item of the `goals` list, or with the list's key when the file has no goal yet.
 */
export function goalLines(goal: StatedGoal, format: AnswersFormat, withList: boolean): string[] {
  const entry = goalEntry(goal);
  if (format === "json") {
    return [withList ? `"goals": [${JSON.stringify(entry)}],` : JSON.stringify(entry)];
  }
  const lines = new Document({ goals: [entry] }).toString().trimEnd().split("\n");
  return withList ? lines : lines.slice(1);
}

/** Appends a respondent with no answer yet; returns their index. */
export function addRespondent(
  doc: Document,
  respondent: { id: string; name?: string | undefined; role: string },
): number {
  let list = doc.get("respondents", true);
  if (!isSeq(list)) {
    doc.set("respondents", doc.createNode([]));
    list = doc.get("respondents", true);
  }
  if (!isSeq(list)) throw new Error("respondents is not a list");
  // An empty `respondents: []` written as a flow sequence would keep every respondent on one line.
  list.flow = false;
  const entry: Record<string, unknown> = { id: respondent.id };
  if (respondent.name) entry.name = respondent.name;
  entry.role = respondent.role;
  entry.answers = {};
  list.items.push(doc.createNode(entry));
  return list.items.length - 1;
}

function answerNode(doc: Document, answer: AnswerValue) {
  if (typeof answer !== "object") return doc.createNode(answer);
  const entry: Record<string, unknown> = { value: answer.value };
  if (answer.note) entry.note = answer.note;
  if (answer.evidence) entry.evidence = answer.evidence;
  return doc.createNode(entry);
}

const keyOf = (key: unknown): string =>
  isScalar(key) ? String(key.value) : typeof key === "string" ? key : String(key);

/**
 * Writes a respondent's answers into the document: changed answers are replaced in place, new
 * ones added, and the mapping is kept in questionnaire order (ids the questionnaire does not know
 * stay after them, in their original order).
 */
export function setRespondentAnswers(
  doc: Document,
  index: number,
  answers: Readonly<Record<string, AnswerValue>>,
  order: ReadonlyMap<string, number>,
): void {
  const at = ["respondents", index, "answers"];
  let map = doc.getIn(at, true);
  if (!isMap(map)) {
    doc.setIn(at, doc.createNode({}));
    map = doc.getIn(at, true);
  }
  if (!isMap(map)) throw new Error(`respondents[${index}].answers is not a mapping`);
  const answersMap = map as YAMLMap;
  for (const [id, answer] of Object.entries(answers)) {
    const existing = answersMap.get(id, true);
    if (existing !== undefined && sameAnswer(existing, answer)) continue;
    answersMap.set(id, answerNode(doc, answer));
  }
  answersMap.flow = false;
  const rank = (key: unknown) => order.get(keyOf(key)) ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable, so unknown ids keep their relative order.
  answersMap.items.sort((a, b) => rank(a.key) - rank(b.key));
}

// Unchanged answers keep their node, so comments written next to them by hand survive.
function sameAnswer(node: unknown, answer: AnswerValue): boolean {
  const found = isNode(node) ? node.toJSON() : node;
  return JSON.stringify(found) === JSON.stringify(answer);
}

/** The document as text. Long notes are not folded in YAML, so each stays on one line. */
export function renderAnswersDocument(doc: Document, format: AnswersFormat): string {
  if (format === "json") return `${JSON.stringify(doc.toJS(), null, 2)}\n`;
  return doc.toString({ lineWidth: 0 });
}

/** The document's content checked against the answers schema (a guard before every write). */
export function answersOf(doc: Document): AnswersFile {
  return answersFile.parse(doc.toJS());
}

/** One respondent's content checked against the answers schema (the guard of a respondent's save). */
export function respondentOf(doc: Document, index: number): Respondent {
  const node = respondentList(doc).items[index];
  return respondentSchema.parse(isNode(node) ? node.toJS(doc) : node);
}

/** The respondents list of a document that has one. */
function respondentList(doc: Document): YAMLSeq {
  const list = doc.get("respondents", true);
  if (!isSeq(list)) throw new Error("respondents is not a list");
  return list;
}

/**
 * The document's text kept as the part before one respondent and the part after it, so that
 * saving that respondent's answers renders only them: the cost of a save does not grow with the
 * other respondents in the file. The split is made (one whole render) when a respondent is first
 * saved, and kept only if joining the parts gives exactly the whole render; otherwise, and after
 * any other change to the document ({@link AnswersText.reset}), the whole document is rendered.
 */
export class AnswersText {
  private split:
    | { index: number; exact: true; before: string; after: string }
    | { index: number; exact: false }
    | undefined;
  private holder: Document | undefined;

  constructor(
    private readonly doc: Document,
    private readonly format: AnswersFormat,
  ) {}

  /** Whether the last {@link withRespondent} rendered only the respondent (for tests and the bench). */
  get inPlace(): boolean {
    return this.split?.exact === true;
  }

  /** Forgets the split: the document changed outside one respondent's answers. */
  reset(): void {
    this.split = undefined;
  }

  /** The whole document as text, rendered whole. */
  whole(): string {
    return renderAnswersDocument(this.doc, this.format);
  }

  /** The whole document as text after a change to respondent `index` alone. */
  withRespondent(index: number): string {
    if (this.split?.index !== index) this.split = this.makeSplit(index);
    if (!this.split.exact) return this.whole();
    return this.split.before + this.respondentText(index) + this.split.after;
  }

  private respondentText(index: number): string {
    const node = respondentList(this.doc).items[index];
    if (this.format === "json") {
      const value = isNode(node) ? node.toJS(this.doc) : node;
      return JSON.stringify(value, null, 2).replaceAll("\n", "\n    ");
    }
    // The respondent as the one item of a `respondents:` list at the top level: the same
    // indentation it has in the file.
    this.holder ??= new Document({ respondents: [] });
    const seq = this.holder.get("respondents", true) as YAMLSeq;
    seq.flow = respondentList(this.doc).flow ?? false;
    seq.items = [node];
    const text = this.holder.toString({ lineWidth: 0 });
    return text.slice(text.indexOf("\n") + 1, -1);
  }

  private makeSplit(index: number): NonNullable<AnswersText["split"]> {
    const list = respondentList(this.doc);
    const node = list.items[index];
    if (node === undefined) return { index, exact: false };
    const whole = this.whole();
    const token = `crm-respondent-${randomBytes(12).toString("hex")}`;
    list.items[index] = this.doc.createNode(token);
    let marked: string;
    try {
      marked = this.whole();
    } finally {
      list.items[index] = node;
    }
    const at = marked.indexOf(token);
    if (at === -1 || marked.indexOf(token, at + 1) !== -1) return { index, exact: false };
    const before =
      this.format === "json"
        ? marked.slice(0, at - 1)
        : marked.slice(0, marked.lastIndexOf("\n", at) + 1);
    const after = marked.slice(at + token.length + (this.format === "json" ? 1 : 0));
    const exact = before + this.respondentText(index) + after === whole;
    return exact ? { index, exact, before, after } : { index, exact };
  }
}
