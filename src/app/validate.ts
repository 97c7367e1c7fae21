import { useColor, writeOutput } from "../io/output.js";
import { VERSION } from "../io/version.js";
import { FORMATTERS, type FormatName } from "../render/diagnostics/index.js";
import { countSeverities, plural } from "../render/diagnostics/shared.js";
import type { Env } from "./env.js";
import { validatePaths } from "./validate-files.js";

export interface ValidateOptions {
  format: FormatName;
  failSeverity: "error" | "warning";
  maxWarnings?: number;
  output?: string;
}

/** `crm-maturity validate`: prints findings and returns the exit code (0 clean, 1 findings). */
export async function runValidate(paths: string[], opts: ValidateOptions, e: Env): Promise<number> {
  const { cwd } = e;
  const { issues, filesChecked } = validatePaths(paths, cwd);
  const color = useColor(opts.output, { isTTY: e.stdoutIsTTY, env: e.vars });
  const format = await FORMATTERS[opts.format]();
  const text = format(issues, { cwd, color, filesChecked, toolVersion: VERSION });
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
