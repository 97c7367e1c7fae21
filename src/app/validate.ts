import path from "node:path";
import { UsageError } from "../core/diagnostics/errors.js";
import { useColor, writeOutput } from "../io/output.js";
import { VERSION } from "../io/version.js";
import { FORMATTERS, type FormatName } from "../render/diagnostics/index.js";
import { countSeverities, plural } from "../render/diagnostics/shared.js";
import { type Env, layoutWidth } from "./env.js";
import { validatePaths } from "./validate-files.js";

export interface ValidateOptions {
  format: FormatName;
  failSeverity: "error" | "warning";
  maxWarnings?: number;
  output?: string;
}

/**
 * The folder paths are shown relative to. GitHub reads annotation files and relative SARIF URIs
 * (ignoring uriBaseId) against the repository root, so on Actions, when validate runs in a
 * subfolder of the checkout (`working-directory:`), the github and sarif formats use the
 * workspace; everything else uses the working directory.
 */
function pathBase(format: FormatName, cwd: string, vars: NodeJS.ProcessEnv): string {
  const workspace = vars.GITHUB_WORKSPACE;
  if ((format !== "github" && format !== "sarif") || !workspace) return cwd;
  const fromWorkspace = path.relative(path.resolve(workspace), path.resolve(cwd));
  const inside = !fromWorkspace.startsWith("..") && !path.isAbsolute(fromWorkspace);
  return inside ? path.resolve(workspace) : cwd;
}

/** `crm-maturity validate`: prints findings and returns the exit code (0 clean, 1 findings). */
export async function runValidate(paths: string[], opts: ValidateOptions, e: Env): Promise<number> {
  const { cwd } = e;
  const { issues, filesChecked } = validatePaths(paths, cwd);
  // A run that found nothing to check must not pass: a CI step or hook aimed at the wrong folder
  // would report success for ever.
  if (filesChecked === 0 && issues.length === 0) {
    const where = paths.length
      ? paths.map((p) => JSON.stringify(p)).join(", ")
      : "the current folder";
    throw new UsageError(
      `no questionnaire files in ${where}: expected YAML files of a questionnaire (a root with scale or languages, its dimension, include or profiles files) or a brand file; found none`,
    );
  }
  const color = useColor(opts.output, { isTTY: e.stdoutIsTTY, env: e.vars });
  const format = await FORMATTERS[opts.format]();
  const base = pathBase(opts.format, cwd, e.vars);
  // Issues name their files relative to cwd; anchor them before showing them from elsewhere.
  const shown =
    base === cwd ? issues : issues.map((i) => ({ ...i, file: path.resolve(cwd, i.file) }));
  const width = layoutWidth(e, opts.output);
  const text = format(shown, { cwd: base, color, filesChecked, toolVersion: VERSION, width });
  writeOutput(text, opts.output, e);
  const { errors, warnings } = countSeverities(issues);
  const failing = opts.failSeverity === "warning" ? errors + warnings : errors;
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  // On stderr whatever the format: a CI log must say why a run with only warnings failed.
  if (tooManyWarnings) {
    e.stderr.write(
      `crm-maturity: ${plural(warnings, "warning")} ${warnings === 1 ? "exceeds" : "exceed"} --max-warnings ${opts.maxWarnings}\n`,
    );
  }
  return failing > 0 || tooManyWarnings ? 1 : 0;
}
