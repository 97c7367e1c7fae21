import { MAPPING_PLACEHOLDERS, type TemplatePlaceholders } from "../core/answers/placeholders.js";
import { LANGS, type Lang } from "../core/models/languages.js";
import { profilesOf, STANDARD_PROFILE } from "../core/questionnaire/profiles.js";
import { type Questionnaire, respondentRoles } from "../core/questionnaire/types.js";
import { oneLine } from "../core/text/one-line.js";
import { localize } from "../i18n/format.js";
import { messagesFor } from "../i18n/index.js";

/** What the engagement templates need besides the questionnaire. */
export interface TemplateOptions {
  lang: Lang;
  /** `$schema` reference for the YAML language server (relative path or absolute path). */
  schemaRef: string;
  /** The assessment date to prefill, YYYY-MM-DD. */
  date: string;
}

/**
 * What the answers template writes into each assessment field, in every language, and what a
 * suggested mapping writes (`MAPPING_PLACEHOLDERS`): a file still carrying one of these was
 * never filled in (`interview` asks for the field, `score` and `batch` warn, reports refuse it).
 */
export const TEMPLATE_PLACEHOLDERS: TemplatePlaceholders = {
  name: [
    ...LANGS.map((lang) => messagesFor(lang).answersTemplate.clientName),
    MAPPING_PLACEHOLDERS.name,
  ],
  industry: LANGS.map((lang) => messagesFor(lang).answersTemplate.industry),
  size: LANGS.map((lang) => messagesFor(lang).answersTemplate.size),
  assessor: [
    ...LANGS.map((lang) => messagesFor(lang).answersTemplate.assessor),
    MAPPING_PLACEHOLDERS.assessor,
  ],
};

const comment = (lines: readonly string[], indent = "") =>
  lines.map((l) => `${indent}# ${l}`.trimEnd());

/** A YAML scalar that is safe to write unquoted only when it looks like plain text. */
function scalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ,.()/-]*$/u.test(text) && !/^\d+-\d+$/.test(text)
    ? text
    : JSON.stringify(text);
}

/** Commented `employees` and `profile` lines, for a questionnaire that declares profiles. */
function profileLines(q: Questionnaire, employees: string, profile: string): string[] {
  const { industries, sizes } = profilesOf(q);
  if (industries.length === 0 && sizes.length === 0) return [];
  const ids = [...industries.map((p) => p.id), ...sizes.map((p) => p.id), STANDARD_PROFILE];
  return [
    ...(sizes.length > 0 ? [`    # employees: 600  # ${employees}`] : []),
    `    # profile: ${industries[0]?.id ?? sizes[0]?.id}  # ${profile}: ${ids.join(" | ")}`,
  ];
}

/** The answers template `init` writes: metadata to fill in and a commented respondent block. */
export function answersTemplate(q: Questionnaire, opts: TemplateOptions): string {
  const tx = messagesFor(opts.lang).answersTemplate;
  const vars = { title: localize(q.title, opts.lang), id: q.id, version: q.version };
  // Roles marked `respondent: false` own roadmap actions but never answer: not offered here.
  const roleIds = respondentRoles(q).map((r) => r.id);
  const idWidth = Math.max(...q.dimensions.flatMap((d) => d.questions.map((x) => x.id.length)), 8);
  const lines = [
    `# yaml-language-server: $schema=${opts.schemaRef}`,
    ...comment(tx.answersIntro(vars)),
    "",
    "assessment:",
    "  client:",
    `    name: ${scalar(tx.clientName)}`,
    `    industry: ${scalar(tx.industry)}`,
    `    size: ${scalar(tx.size)}`,
    ...profileLines(q, tx.employees, tx.profile),
    `    crmSituation: none  # ${tx.crmSituation}`,
    `  date: ${opts.date}`,
    `  assessor: ${scalar(tx.assessor)}`,
    "  questionnaire:",
    `    id: ${q.id}`,
    `    version: ${scalar(q.version)}`,
    `  horizonMonths: 12  # ${tx.horizon}`,
    "",
    "respondents: []",
    "",
    ...comment(tx.respondentIntro),
    "#",
    "#  - id: r1",
    `#    name: Jane Doe  # ${tx.respondentName}`,
    `#    role: ${roleIds[0] ?? "executive"}  # ${tx.roles}: ${roleIds.join(" | ")}`,
    "#    answers:",
  ];
  for (const d of q.dimensions) {
    lines.push(`#      # ${d.id}: ${localize(d.title, opts.lang)}`);
    for (const question of d.questions) {
      const only = question.roles ? ` [${tx.only}: ${question.roles.join(", ")}]` : "";
      const text = oneLine(localize(question.text, opts.lang), 72);
      lines.push(`#      ${`${question.id}:`.padEnd(idWidth + 1)}   # ${text}${only}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The targets template `init` writes: every dimension at its default target. */
export function targetsTemplate(q: Questionnaire, opts: Omit<TemplateOptions, "date">): string {
  const tx = messagesFor(opts.lang).answersTemplate;
  const width = Math.max(...q.dimensions.map((d) => d.id.length));
  const lines = [
    `# yaml-language-server: $schema=${opts.schemaRef}`,
    ...comment(tx.targetsIntro),
    "",
    "targets:",
    ...q.dimensions.map(
      (d) =>
        `  ${`${d.id}:`.padEnd(width + 1)} ${d.target}  # ${localize(d.title, opts.lang)} (${tx.defaultTarget} ${d.target})`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
