import { existsSync, type Stats, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../core/diagnostics/errors.js";
import type { Lang } from "../core/models/languages.js";
import { shellQuote } from "../core/text/shell.js";
import { messagesFor } from "../i18n/index.js";
import { resolveQuestionnaire } from "../io/bundled-questionnaire.js";
import { makeFolder } from "../io/make-folder.js";
import { createFileAtomic, describeWriteError, localToday } from "../io/output.js";
import { PACKAGE_ROOT } from "../io/package-root.js";
import { displayPath } from "../io/read.js";
import { answersTemplate, targetsTemplate } from "../views/answers-template.js";
import { brandFirmPlaceholderByLang } from "./brand.js";
import type { Env } from "./env.js";

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
 * brand.yaml, README.md). Files that exist are kept untouched and listed; the command still succeeds.
 */
export function runInit(dirArg: string | undefined, opts: InitOptions, e: Env): InitOutcome {
  const { cwd } = e;
  const out = (line: string) => e.stdout.write(`${line}\n`);
  const dir = path.resolve(cwd, dirArg ?? ".");
  const shown = dir === path.resolve(cwd) ? "." : displayPath(dir, cwd);
  let st: Stats | undefined;
  try {
    st = statSync(dir);
  } catch {
    st = undefined;
  }
  if (st && !st.isDirectory()) {
    throw new InputError(`expected a folder for the engagement; found a file at ${shown}`);
  }
  const questionnaire = resolveQuestionnaire(opts.questionnaire, cwd);
  const cannot = (file: string, err: unknown) =>
    new InputError(`cannot write ${displayPath(file, cwd)}: ${describeWriteError(err, file)}`);
  try {
    makeFolder(dir);
  } catch (err) {
    throw cannot(dir, err);
  }

  const qArg = opts.questionnaire
    ? path.relative(dir, path.resolve(cwd, opts.questionnaire)).split(path.sep).join("/")
    : undefined;
  const files: [string, string][] = [
    [
      "answers.yaml",
      answersTemplate(questionnaire, {
        lang: opts.lang,
        schemaRef: schemaRef(dir, "answers"),
        date: localToday(e.now()),
      }),
    ],
    [
      "targets.yaml",
      targetsTemplate(questionnaire, { lang: opts.lang, schemaRef: schemaRef(dir, "targets") }),
    ],
    [
      "brand.yaml",
      messagesFor(opts.lang).brandFile({
        schemaRef: schemaRef(dir, "brand"),
        firm: brandFirmPlaceholderByLang(),
      }),
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

  const said = messagesFor(opts.lang).status;
  const outcome: InitOutcome = { created: [], kept: [] };
  for (const [name, data] of files) {
    const file = path.join(dir, name);
    const shownFile = displayPath(file, cwd);
    let created: boolean;
    try {
      created = !existsSync(file) && createFileAtomic(file, data);
    } catch (err) {
      throw cannot(file, err);
    }
    if (created) {
      outcome.created.push(shownFile);
      out(said.created(shownFile));
    } else {
      outcome.kept.push(shownFile);
      out(said.kept(shownFile));
    }
  }
  const inDir = shown === "." ? "" : `cd ${shellQuote(shown)} && `;
  // From inside the folder, a custom questionnaire is found at the path the README gives.
  const q = qArg ? ` -q ${shellQuote(qArg)}` : "";
  // The same command as the folder's README gives: a Chinese engagement is interviewed in Chinese.
  const langArg = opts.lang === "en" ? "" : ` --lang ${opts.lang}`;
  out(
    outcome.created.length === 0
      ? said.nothingToDo(shown)
      : said.next(`${inDir}crm-maturity interview${q} -o answers.yaml${langArg}`),
  );
  return outcome;
}
