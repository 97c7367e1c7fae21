import type { Command } from "commander";
import { processEnv } from "../../app/env.js";
import { FORMATS } from "../../render/report/index.js";
import { examples } from "../options.js";
import { addReportOptions } from "../report-options.js";

/** Registers `crm-maturity roadmap`. */
export function register(program: Command): void {
  addReportOptions(
    program
      .command("roadmap")
      .description("write the rigidify → optimise → solidify roadmap on its own"),
    FORMATS.filter((f) => f !== "pptx"),
  )
    .addHelpText(
      "after",
      `${examples([
        "crm-maturity roadmap answers/*.yaml -o roadmap.md",
        "crm-maturity roadmap results.json --strategy big-fast --horizon 18",
        "crm-maturity roadmap answers/*.yaml --lang zh-CN --format pdf -o roadmap.pdf",
      ])}
Exit codes: 0 written · 1 invalid input (file:line:col on standard error) · 2 usage error
`,
    )
    .action(async (inputs: string[], opts) => {
      const { runRoadmap } = await import("../../app/roadmap.js");
      process.exitCode = await runRoadmap(inputs, opts, processEnv());
    });
}
