import type { Command } from "commander";
import { processEnv } from "../../app/env.js";
import { examples } from "../options.js";
import { addReportOptions } from "../report-options.js";

/** Registers `crm-maturity report`. */
export function register(program: Command): void {
  addReportOptions(
    program
      .command("report")
      .description(
        "write the gap report: summary, profile, dimensions, risks, roadmap, KPIs, appendix",
      ),
  )
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity report answers/*.yaml --targets targets.yaml -o report.md",
        "crm-maturity report answers/*.yaml --lang zh-CN --format pdf -o report.pdf",
        "crm-maturity score answers/*.yaml --format json > results.json && crm-maturity report results.json",
        "crm-maturity report answers/*.yaml --template my-templates/ -o report.md",
      ])}
Exit codes: 0 written · 1 invalid input (file:line:col on standard error) · 2 usage error
`,
    )
    .action(async (inputs: string[], opts) => {
      const { runReport } = await import("../../app/report.js");
      process.exitCode = await runReport("report", inputs, opts, processEnv());
    });
}
