import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../core/diagnostics/errors.js";
import type { Lang } from "../core/models/languages.js";
import { messagesFor } from "../i18n/index.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { createFileAtomic, localToday } from "../io/output.js";
import { PACKAGE_ROOT } from "../io/package-root.js";
import { displayPath } from "../io/read.js";
import { answersTemplate, targetsTemplate } from "../views/answers-template.js";

/** Options of `crm-maturity init`. */
export interface InitOptions {
  questionnaire?: string;
  lang: Lang;
}

/** What `init` did with each file. */
export interface InitOutcome {
  created: string[];
  kept: string[];
}

/**
 * The `$schema` reference for a file in `dir`: relative when the folder is inside the package
 * (the repository's examples), else the absolute path of the bundled schema, which an editor can
 * resolve wherever the folder lives.
 */
export function schemaRef(dir: string, name: string, root = PACKAGE_ROOT): string {
  const schema = path.join(root, "schema", `${name}.schema.json`);
  const rel = path.relative(root, dir);
  const inside = !rel.startsWith("..") && !path.isAbsolute(rel);
  return inside ? path.relative(dir, schema).split(path.sep).join("/") : schema;
}

/**
 * `crm-maturity init [dir]`: scaffolds an engagement folder (answers.yaml, targets.yaml,
 * README.md). Files that exist are kept untouched and listed; the command still succeeds.
 */
export function runInit(
  dirArg: string | undefined,
  opts: InitOptions,
  cwd = process.cwd(),
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): InitOutcome {
  const dir = path.resolve(cwd, dirArg ?? ".");
  const shown = dir === path.resolve(cwd) ? "." : displayPath(dir, cwd);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new InputError(`expected a folder for the engagement; found a file at ${shown}`);
  }
  const questionnaire = resolveQuestionnaire(opts.questionnaire, cwd);
  mkdirSync(dir, { recursive: true });

  const qArg = opts.questionnaire
    ? path.relative(dir, path.resolve(cwd, opts.questionnaire)).split(path.sep).join("/")
    : undefined;
  const files: [string, string][] = [
    [
      "answers.yaml",
      answersTemplate(questionnaire, {
        lang: opts.lang,
        schemaRef: schemaRef(dir, "answers"),
        date: localToday(),
      }),
    ],
    [
      "targets.yaml",
      targetsTemplate(questionnaire, { lang: opts.lang, schemaRef: schemaRef(dir, "targets") }),
    ],
    [
      "README.md",
      messagesFor(opts.lang).engagementReadme({
        name: path.basename(dir),
        q: qArg ? ` -q ${qArg}` : "",
        t: "--targets targets.yaml",
      }),
    ],
  ];

  const outcome: InitOutcome = { created: [], kept: [] };
  for (const [name, data] of files) {
    const file = path.join(dir, name);
    const shownFile = displayPath(file, cwd);
    if (!existsSync(file) && createFileAtomic(file, data)) {
      outcome.created.push(shownFile);
      out(`  created  ${shownFile}`);
    } else {
      outcome.kept.push(shownFile);
      out(`  kept     ${shownFile} (already exists; not overwritten)`);
    }
  }
  const inDir =
    shown === "." ? "" : `cd ${/^[\w./-]+$/.test(shown) ? shown : JSON.stringify(shown)} && `;
  out(
    outcome.created.length === 0
      ? `Nothing to do: ${shown} already holds every engagement file.`
      : `Next: ${inDir}crm-maturity interview -o answers.yaml   (see README.md for score, report and roadmap)`,
  );
  return outcome;
}
