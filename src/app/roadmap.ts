import type { Env } from "./env.js";
import { type ReportCommandOptions, runReport } from "./report.js";

/** `crm-maturity roadmap <inputs..>`: the roadmap-only document. */
export function runRoadmap(inputs: string[], opts: ReportCommandOptions, e: Env): Promise<number> {
  return runReport("roadmap", inputs, opts, e);
}
