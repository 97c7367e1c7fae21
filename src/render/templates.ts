import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../core/diagnostics/errors.js";
import type { Issue } from "../core/diagnostics/issue.js";
import { FILE_START, makeIssue } from "../core/diagnostics/source.js";
import { compareText } from "../core/text/compare.js";
import { describeNotAFile, readRegularFile } from "../io/inputs.js";
import { fromPackageRoot } from "../io/package-root.js";
import { displayPath } from "../io/read.js";
import { precompiledTemplates } from "./precompiled-templates.js";

/** The bundled templates folder. */
export const BUNDLED_TEMPLATES = `${fromPackageRoot("templates")}${path.sep}`;

/** The documents a template set renders: every Markdown document the CLI writes. */
export type TemplateName = "report" | "roadmap" | "compare";

const MAIN_FILES: Record<TemplateName, string> = {
  report: "report.md.hbs",
  roadmap: "roadmap.md.hbs",
  compare: "compare.md.hbs",
};

// Strict mode turns a misspelt field into an error instead of a silently empty section; the
// compare template was written for it, the report templates rely on optional fields.
const STRICT: ReadonlySet<TemplateName> = new Set<TemplateName>(["compare"]);
const PARTIALS_DIR = "partials";

/** Whether the template at `rel` (inside a template folder) is compiled in strict mode. */
export function templateIsStrict(rel: string): boolean {
  return Object.entries(MAIN_FILES).some(
    ([name, file]) => file === rel && STRICT.has(name as TemplateName),
  );
}

/** Loaded templates: renders a document with the given data and helpers. */
export interface TemplateSet {
  render(
    name: TemplateName,
    data: unknown,
    helpers: Record<string, (...args: unknown[]) => unknown>,
  ): string;
}

interface Source {
  /** Relative path inside its folder, with `/` separators. */
  rel: string;
  abs: string;
  display: string;
  text: string;
}

/** Every `.hbs` file under a folder; a file (or link) that resolves outside it is an issue. */
function listTemplates(root: string, cwd: string, issues: Issue[]): Source[] {
  const realRoot = realpathSync(root);
  const out: Source[] = [];
  // Real folders already listed: a link back up the tree is a loop, listed once.
  const visited = new Set<string>([realRoot]);
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      compareText(a.name, b.name),
    );
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const display = displayPath(abs, cwd);
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        issues.push(
          makeIssue(
            "file-unreadable",
            "expected a readable template; found a broken link",
            display,
            FILE_START,
          ),
        );
        continue;
      }
      const inside = real === realRoot || real.startsWith(realRoot + path.sep);
      if (!inside) {
        issues.push(
          makeIssue(
            "include-outside-root",
            `expected template files inside the template folder ${displayPath(root, cwd)}; found a link to ${displayPath(real, cwd)}`,
            display,
            FILE_START,
          ),
        );
        continue;
      }
      if (statSync(real).isDirectory()) {
        if (visited.has(real)) {
          issues.push(
            makeIssue(
              "include-cycle",
              "expected template folders to form a tree; found a link to a folder already listed (a loop)",
              display,
              FILE_START,
            ),
          );
        } else {
          visited.add(real);
          walk(abs);
        }
        continue;
      }
      if (!entry.name.endsWith(".hbs")) continue;
      const read = readRegularFile(real, display);
      if ("problem" in read) {
        issues.push(
          makeIssue(
            "file-unreadable",
            `expected a readable template; found ${describeNotAFile(read.problem, read.code)}`,
            display,
            FILE_START,
          ),
        );
        continue;
      }
      const text = read.bytes.toString("utf8");
      out.push({ rel: path.relative(root, abs).split(path.sep).join("/"), abs, display, text });
    }
  };
  walk(root);
  return out;
}

/** 1-based line:column of a character offset. */
function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column };
}

const PARTIAL_CALL = /\{\{~?#?>\s*("([^"]*)"|'([^']*)'|\[([^\]]*)\]|([^\s}()~]+))/g;

/**
 * Checks every static partial reference: partials are looked up by name among the template
 * files, never by path, so a name that tries to leave the folder (`..`, an absolute path) is
 * refused, and an unknown name is reported where it is used.
 */
function checkPartialCalls(source: Source, known: ReadonlySet<string>, issues: Issue[]): void {
  for (const m of source.text.matchAll(PARTIAL_CALL)) {
    const name = m[2] ?? m[3] ?? m[4] ?? m[5] ?? "";
    if (name === "" || name === "@partial-block") continue;
    const start = positionAt(source.text, m.index ?? 0);
    const range = { start, end: { line: start.line, column: start.column + m[0].length } };
    const escapes =
      name.split(/[\\/]/).includes("..") || path.isAbsolute(name) || /^[A-Za-z]:/.test(name);
    if (escapes) {
      issues.push(
        makeIssue(
          "include-outside-root",
          `expected a partial name inside the template folder (e.g. "summary"); found "${name}", which points outside it`,
          source.display,
          range,
        ),
      );
    } else if (!known.has(name)) {
      issues.push(
        makeIssue(
          "include-not-found",
          `expected one of the partials ${[...known].sort().join(", ")}; found "${name}"`,
          source.display,
          range,
        ),
      );
    }
  }
}

type HandlebarsModule = typeof import("handlebars");

type Program = ReturnType<HandlebarsModule["parse"]>;

/** Parses a template up front so a syntax error is reported with its file and line. */
function parseTemplate(hb: HandlebarsModule, source: Source, issues: Issue[]): Program | undefined {
  try {
    return hb.parse(source.text);
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    const detail =
      message
        .split("\n")
        .filter((l) => l.trim() !== "")
        .pop() ?? message;
    issues.push(
      makeIssue(
        "invalid-value",
        `expected a valid Handlebars template; found a syntax error: ${detail.trim()}`,
        source.display,
        { start: { line, column: 1 }, end: { line, column: 1 } },
      ),
    );
    return undefined;
  }
}

/**
 * Loads the bundled templates and, with `dir`, the user's folder on top: a file at the same
 * relative path (`report.md.hbs`, `roadmap.md.hbs`, `compare.md.hbs`, `partials/<name>.hbs`)
 * replaces the bundled
 * one, and new partials may be added. Handlebars is imported here, lazily. Throws InputError
 * with located issues for a missing folder, links leaving it, bad partial names or syntax errors.
 */
export async function loadTemplates(opts: {
  dir?: string | undefined;
  cwd: string;
}): Promise<TemplateSet> {
  const issues: Issue[] = [];
  const sources = new Map<string, Source>();
  for (const s of listTemplates(BUNDLED_TEMPLATES, opts.cwd, issues)) sources.set(s.rel, s);
  if (opts.dir !== undefined) {
    const root = path.resolve(opts.cwd, opts.dir);
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      throw new InputError(`the template folder ${opts.dir} cannot be used`, [
        makeIssue(
          "file-unreadable",
          "expected a folder of Handlebars templates (report.md.hbs, roadmap.md.hbs, compare.md.hbs, partials/*.hbs); found no such folder",
          displayPath(root, opts.cwd),
          FILE_START,
        ),
      ]);
    }
    for (const s of listTemplates(root, opts.cwd, issues)) sources.set(s.rel, s);
  }

  // A bundled template whose text is unchanged comes precompiled (src/render/precompiled-templates.ts).
  const precompiled = (rel: string) => {
    const pre = precompiledTemplates[rel];
    return pre && pre.text === sources.get(rel)?.text && pre.strict === templateIsStrict(rel)
      ? pre
      : undefined;
  };
  // Precompiled templates need only Handlebars's runtime, which loads in a third of the time of
  // the whole library; its compiler is loaded only for a template of the user's or a changed one.
  const compiling = [...sources.keys()].some((rel) => !precompiled(rel));
  const hb: HandlebarsModule = compiling
    ? (await import("handlebars")).default
    : (await import("handlebars/runtime")).default;
  const env = hb.create();
  const partialNames = new Set<string>();
  for (const rel of sources.keys()) {
    if (rel.startsWith(`${PARTIALS_DIR}/`))
      partialNames.add(rel.slice(PARTIALS_DIR.length + 1, -".hbs".length));
  }
  const parsed = new Map<string, Program>();
  for (const [rel, source] of sources) {
    if (precompiled(rel)) {
      checkPartialCalls(source, partialNames, issues);
      continue;
    }
    const ast = parseTemplate(env, source, issues);
    if (!ast) continue;
    parsed.set(rel, ast);
    checkPartialCalls(source, partialNames, issues);
  }
  if (issues.length > 0) throw new InputError("the report templates are invalid", issues);

  // Strings in the data are already escaped for Markdown; HTML-escaping them again would turn
  // apostrophes into entities in the plain-text reading. Compiling the parsed tree parses once.
  const compile = (rel: string) => {
    const pre = precompiled(rel);
    if (pre) return env.template(pre.spec as Parameters<typeof env.template>[0]);
    const ast = parsed.get(rel);
    return ast ? env.compile(ast, { noEscape: true, strict: templateIsStrict(rel) }) : undefined;
  };
  for (const rel of sources.keys()) {
    if (!rel.startsWith(`${PARTIALS_DIR}/`)) continue;
    const template = compile(rel);
    if (template) env.registerPartial(rel.slice(PARTIALS_DIR.length + 1, -".hbs".length), template);
  }

  return {
    render(name, data, helpers) {
      const source = sources.get(MAIN_FILES[name]);
      if (!source) {
        throw new InputError("the report templates are incomplete", [
          makeIssue(
            "include-not-found",
            `expected the template ${MAIN_FILES[name]}; found none`,
            MAIN_FILES[name],
            FILE_START,
          ),
        ]);
      }
      for (const [helper, fn] of Object.entries(helpers)) env.registerHelper(helper, fn);
      const template = compile(MAIN_FILES[name]);
      try {
        return template ? template(data) : "";
      } catch (err) {
        // Handlebars says where (1-based line, 0-based column) for errors it raises itself.
        const e = err as { message?: string; lineNumber?: unknown; column?: unknown };
        const line = typeof e.lineNumber === "number" ? e.lineNumber : undefined;
        const pos =
          line === undefined
            ? FILE_START.start
            : { line, column: (typeof e.column === "number" ? e.column : 0) + 1 };
        throw new InputError("a report template failed", [
          makeIssue(
            "invalid-value",
            `expected the template to render; found: ${String(e.message ?? err).replace(/ - \d+:\d+$/, "")}`,
            source.display,
            { start: pos, end: pos },
          ),
        ]);
      }
    },
  };
}
