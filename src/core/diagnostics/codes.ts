import type { IssueCode, IssueSeverity } from "./issue.js";
import { MAX_INCLUDE_DEPTH } from "./limits.js";

/** What a code means: its default severity, a one-sentence summary and how to fix it. */
export interface IssueRule {
  severity: IssueSeverity;
  summary: string;
  help: string;
}

/** The documentation of every issue code; SARIF publishes it as the tool's rules. */
export const ISSUE_RULES: Record<IssueCode, IssueRule> = {
  "file-unreadable": {
    severity: "error",
    summary: "The file cannot be read, or its content is not valid UTF-8.",
    help: "Check that the file exists and is readable, and save it as UTF-8.",
  },
  "yaml-syntax": {
    severity: "error",
    summary: "The file is not valid YAML, or a `.json` file is not valid JSON.",
    help: "Fix the syntax at the reported position; in YAML check indentation, quoting and colons, in JSON commas, quotes and brackets.",
  },
  "duplicate-key": {
    severity: "error",
    summary: "A mapping repeats a key.",
    help: "Keep one entry for the key and merge or delete the others.",
  },
  "multiple-documents": {
    severity: "error",
    summary: "The file holds more than one YAML document.",
    help: "Remove the extra `---` separators, or split the documents into separate files and include them.",
  },
  "alias-bomb": {
    severity: "error",
    summary:
      "The file expands YAML aliases too many times (a 'billion laughs' document), or an alias sits inside the node it names and would expand without end.",
    help: "Write the content out instead of nesting aliases, or use far fewer aliases; an alias must name a node outside itself.",
  },
  "not-a-mapping": {
    severity: "error",
    summary:
      "The top level is not a mapping, or not a recognised questionnaire, dimension or include file.",
    help: "Start the file with the keys of a questionnaire (id, version, languages, …), a dimension (id, pillar, questions, …) or an include list.",
  },
  "unknown-key": {
    severity: "error",
    summary: "A mapping has a key the format does not define.",
    help: "Check the key's spelling and position against the file-format reference, or remove it.",
  },
  "missing-field": {
    severity: "error",
    summary: "A required field is missing.",
    help: "Add the field named in the message.",
  },
  "invalid-type": {
    severity: "error",
    summary: "A value has the wrong type.",
    help: "Write the value as the type the message expects (text, number, list or mapping).",
  },
  "invalid-value": {
    severity: "error",
    summary: "A value has the right type but is not allowed.",
    help: "Use one of the values or the form the message lists.",
  },
  "duplicate-id": {
    severity: "error",
    summary: "The same id is declared twice across the questionnaire and its included files.",
    help: "Rename one of them; ids must be unique because answers and references use them.",
  },
  "unresolved-reference": {
    severity: "error",
    summary:
      "A reference names something that does not exist: a dimension or question in a condition, a recommendation's dimension, dependsOn or mitigates entry, an owner role, a question role or the exit criterion a phase's hold belongs to (`holdCriterion`).",
    help: "Correct the id, or declare what it refers to.",
  },
  "dependency-cycle": {
    severity: "error",
    summary: "Recommendations depend on each other in a cycle through dependsOn.",
    help: "Remove one dependsOn link so the recommendations can be ordered.",
  },
  "include-cycle": {
    severity: "error",
    summary: "Files include each other in a cycle.",
    help: "Remove one of the include entries that close the cycle.",
  },
  "include-too-deep": {
    severity: "error",
    summary: `Includes nest deeper than ${MAX_INCLUDE_DEPTH} files (a file including a file including a file …).`,
    help: "Include the dimension files from the root or from one include-only file.",
  },
  "include-outside-root": {
    severity: "error",
    summary: "An include points outside the questionnaire's folder.",
    help: "Move the file into the questionnaire's folder (or a subfolder) and include it from there.",
  },
  "include-not-found": {
    severity: "error",
    summary: "An included file does not exist.",
    help: "Correct the path; it is relative to the file that includes it.",
  },
  "invalid-scale": {
    severity: "error",
    summary: "The scale is not exactly the levels 1 to 5 in order.",
    help: "Declare five scale entries with level 1, 2, 3, 4 and 5, in that order.",
  },
  "missing-anchor": {
    severity: "error",
    summary: "A level question lacks an anchor for one of the scale's levels.",
    help: "Under the question's `levels`, describe the observable practice for every level from 1 to 5.",
  },
  "unexpected-anchor": {
    severity: "error",
    summary: "An anchor is given for a level not on the scale, or a likert question has anchors.",
    help: "Keep anchors for levels 1 to 5 only, and remove `levels` from likert questions.",
  },
  "missing-translation": {
    severity: "error",
    summary: "A text lacks one of the languages the questionnaire declares.",
    help: "Add the text in the missing language, or remove the language from `languages`.",
  },
  "unknown-placeholder": {
    severity: "error",
    summary: "A text of the methodology uses a placeholder that cannot be filled there.",
    help: "Use `{client}` (the client's name), `{title:<dimension>}`, `{score:<dimension>}` or `{level:<dimension>}` with a dimension id, and `{dimensions}` only in exit criteria.",
  },
  "non-positive-weight": {
    severity: "error",
    summary: "A weight is zero or negative.",
    help: "Use a weight greater than 0; to drop an item, remove it instead.",
  },
  "out-of-scale": {
    severity: "error",
    summary: "A target, appliesBelow or condition threshold lies outside the scale.",
    help: "Use a level between 1 and 5.",
  },
  "missing-mitigation": {
    severity: "error",
    summary: "A risk has no mitigation.",
    help: "Add a `mitigation` text saying what to do about the risk.",
  },
  "missing-kpis": {
    severity: "warning",
    summary: "A recommendation has no KPIs.",
    help: "Add `kpis` saying how progress on the recommendation is measured.",
  },
  "orphan-file": {
    severity: "warning",
    summary: "A dimension file in a scanned folder is not included by any questionnaire.",
    help: "Include the file from a questionnaire, or delete or move it if it is no longer used.",
  },
  "stray-cjk-space": {
    severity: "warning",
    summary:
      "Chinese or Japanese text has a space between two ideographs, usually left by YAML's folded style (`>`), which turns line breaks into spaces.",
    help: "Keep CJK text on one line, or use the literal style (`|`), and remove the space.",
  },
  "missing-kind": {
    severity: "warning",
    summary:
      "Some questions declare a `kind` (fact or experience) and this one does not; it is scored as an experience item.",
    help: "Add `kind: fact` for a fact of the organisation rated against evidence, or `kind: experience` for a statement every role answers from its own seat.",
  },
  "fact-for-everyone": {
    severity: "warning",
    summary:
      "A fact question has no `roles`, so it is put to every role, including people who cannot see its evidence.",
    help: "List under `roles` the roles who can see the evidence (e.g. executive, manager); ask the others an observable experience question instead.",
  },
  "profile-empties-dimension": {
    severity: "error",
    summary:
      "An industry profile excludes every question of a dimension, which would leave the dimension nothing to score.",
    help: "Keep at least one question of the dimension under the profile, or give the dimension a small weight instead of excluding all of it.",
  },
  "overlapping-size-bands": {
    severity: "error",
    summary:
      "Two size bands cover the same headcount (or a band's `max` is below its `min`), so a client's size would not choose one band.",
    help: "Make the bands' `employees` ranges follow each other without overlap, e.g. 1–249, 250–4999, 5000 and up.",
  },
  "hold-without-rollout": {
    severity: "warning",
    summary:
      "A roadmap phase sets `holdWeeks`, but no recommendation marked `rollout` can ever run in it (its own phase, one a dependency pushes it to, or the first phase a readiness rule's `firstPhase` pulls it to), so the hold never applies.",
    help: "Move `holdWeeks` to the phase whose rollouts it should follow, or mark that phase's go-live recommendation `rollout: true`.",
  },
  "hold-beyond-horizon": {
    severity: "warning",
    summary:
      "A roadmap phase's `holdWeeks`, after the phase's shortest rollout, runs past the last week a 12-month horizon leaves before the reassessment, so every rollout of the phase would wait for the next cycle.",
    help: "Shorten the hold (it counts weeks, not months), or plan with a longer horizon (`horizonMonths` in the answers or `--horizon`).",
  },
  "unknown-question": {
    severity: "error",
    summary: "An answers file answers a question id the questionnaire does not have.",
    help: "Correct the question id (see the respondent block `crm-maturity init` writes), or score with the questionnaire the answers were given to (-q).",
  },
  "unknown-role": {
    severity: "error",
    summary: "A respondent's role is not one of the questionnaire's roles.",
    help: "Use one of the role ids the questionnaire declares, e.g. executive, manager, frontline or it.",
  },
  "unknown-dimension": {
    severity: "error",
    summary: "A target names a dimension the questionnaire does not have.",
    help: "Correct the dimension id in `targets`, or remove the entry.",
  },
  "duplicate-respondent": {
    severity: "error",
    summary:
      "Two respondents share an id, in one answers file or across the files scored together.",
    help: "Give every respondent a unique id; when two files hold the same interview, score only one of them.",
  },
  "questionnaire-mismatch": {
    severity: "error",
    summary:
      "The answers were given to another questionnaire id or version than the one scored with.",
    help: "Score with the questionnaire named in `assessment.questionnaire` (-q), or update the id and version after checking that the questions did not change.",
  },
  "question-not-for-role": {
    severity: "warning",
    summary:
      "A respondent answered a question that is not put to their role; the answer still counts.",
    help: "Check the respondent's role, or remove the answer if it was recorded by mistake.",
  },
  "metadata-mismatch": {
    severity: "warning",
    summary:
      "Answer files scored together disagree on the assessment's metadata; the first file's value is used.",
    help: "Make the client, date, assessor and questionnaire the same in every file of one assessment, or list the file with the right values first.",
  },
  "target-override": {
    severity: "warning",
    summary:
      "Answer files scored together set different targets for a dimension; the later file's value is used.",
    help: "Keep targets in one place, preferably a targets file passed with --targets.",
  },
  "non-respondent-role": {
    severity: "error",
    summary:
      "A respondent has a role the questionnaire marks `respondent: false`: it owns roadmap actions but never answers.",
    help: "Give the respondent one of the roles that answer (see the questionnaire's `roles`), or leave the person out.",
  },
  "unknown-profile": {
    severity: "error",
    summary:
      "An answers file's `client.profile` names a profile the questionnaire does not declare.",
    help: "Use an industry profile or size band id of the questionnaire (comma-separated, at most one of each), `standard` for none, or remove the field to choose by industry and size.",
  },
  "template-placeholder": {
    severity: "error",
    summary:
      'An assessment field still holds the text `crm-maturity init` wrote for it (e.g. "Client name" or 客户名称), or that `map init` and `survey` write into a mapping ("TODO client name"); reports refuse to print it, score and batch warn. In a brand file, `validate` warns about the firm name init wrote ("Your firm name" or 贵公司名称).',
    help: "Fill in the field, or run `crm-maturity interview -o <file>`, which asks for the client details when they are missing; in a mapping, fill it in and run batch again; in a brand file, write the firm's own name.",
  },
  "brand-asset": {
    severity: "error",
    summary:
      "A file the brand file names is missing or unusable: a logo that is not a PNG or JPEG image that decodes, or a PDF font that cannot be read.",
    help: "Correct the path (it is relative to the brand file), or save the logo again as PNG or JPEG.",
  },
};
