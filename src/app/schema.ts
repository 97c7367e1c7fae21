import { UsageError } from "../core/diagnostics/errors.js";
import { renderJsonSchema, SCHEMAS } from "../core/models/schemas.js";
import { writeOutput } from "../io/output.js";
import type { Env } from "./env.js";

/** `crm-maturity schema [format]`: prints a format's JSON Schema. */
export function runSchema(format: string, opts: { output?: string }, e: Env): void {
  if (!(format in SCHEMAS)) {
    throw new UsageError(
      `unknown format ${JSON.stringify(format)}; expected one of ${Object.keys(SCHEMAS).join(", ")}`,
    );
  }
  writeOutput(renderJsonSchema(format), opts.output, e);
}
