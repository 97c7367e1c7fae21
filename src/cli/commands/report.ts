import { type Command, Option } from "commander";
import { processEnv } from "../../app/env.js";
import { EDITIONS } from "../../core/models/editions.js";
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
    .addOption(
      new Option(
        "--edition <edition>",
        "board (about eight pages), full, or internal (adds who said what)",
      )
        .choices(EDITIONS)
        .default("full"),
    )
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity report answers/*.yaml --targets targets.yaml -o report.md",
        "crm-maturity report answers/*.yaml --lang zh-CN --format pdf -o report.pdf",
        "crm-maturity score answers/*.yaml --format json > results.json && crm-maturity report results.json",
        "crm-maturity report answers/*.yaml --template my-templates/ -o report.md",
        "crm-maturity report answers/*.yaml --edition board --format pdf -o board.pdf",
        "crm-maturity report answers/*.yaml --edition board --brand brand.yaml -o board.pptx",
      ])}
Exit codes: 0 written · 1 invalid input (file:line:col on standard error) · 2 usage error
`,
    )
    .action(async (inputs: string[], opts) => {
      const { runReport } = await import("../../app/report.js");
      process.exitCode = await runReport("report", inputs, opts, processEnv());
    });
}
