// The JSON that report, roadmap and compare print matches their zod models and the committed
// JSON Schemas (schema/report.schema.json, schema/comparison.schema.json).
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { comparisonSchema } from "../../src/core/models/comparison.js";
import { LANGS as REPORT_LANGUAGES } from "../../src/core/models/languages.js";
import { reportModelSchema } from "../../src/core/models/report.js";
import { SCHEMAS } from "../../src/core/models/schemas.js";
import { exampleAnswers, REPO, runCli } from "../helpers/cli.js";
import { BASELINE, FOLLOWUP, V1, V2 } from "../helpers/lotus.js";

const ajv = new Ajv({ allErrors: true, strict: false });
const committed = (name: string) =>
  ajv.compile(JSON.parse(readFileSync(path.join(REPO, `schema/${name}.schema.json`), "utf8")));
const reportCheck = committed("report");
const comparisonCheck = committed("comparison");

function printedJson(args: string[]): unknown {
  const r = runCli(args);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe("report and roadmap JSON match the report model", () => {
  it("allows exactly the --lang choices", () => {
    expect(reportModelSchema.shape.lang.options).toEqual(REPORT_LANGUAGES);
  });

  for (const example of ["acme-manufacturing", "huaxin-retail"]) {
    const dir = path.join(REPO, "examples", example);
    const answers = exampleAnswers(example);
    for (const kind of ["report", "roadmap"]) {
      for (const lang of ["en", "zh-CN"]) {
        it(`${example} ${kind} --lang ${lang}`, () => {
          const model = printedJson([
            kind,
            ...answers,
            "--targets",
            path.join(dir, "targets.yaml"),
            "--lang",
            lang,
            "--format",
            "json",
          ]);
          expect(reportModelSchema.parse(model)).toEqual(model);
          expect(reportCheck(model), ajv.errorsText(reportCheck.errors)).toBe(true);
        });
      }
    }
  }
});

describe("compare JSON matches the comparison model", () => {
  it("the Lotus fixture", () => {
    const comparison = printedJson([
      "compare",
      BASELINE,
      FOLLOWUP,
      "--baseline-questionnaire",
      V1,
      "-q",
      V2,
      "--format",
      "json",
    ]);
    expect(comparisonSchema.parse(comparison)).toEqual(comparison);
    expect(comparisonCheck(comparison), ajv.errorsText(comparisonCheck.errors)).toBe(true);
  });
});

describe("crm-maturity schema", () => {
  it("lists every published format in its help", () => {
    const r = runCli(["schema", "--help"]);
    expect(r.status, r.stderr).toBe(0);
    for (const name of Object.keys(SCHEMAS)) expect(r.stdout).toContain(name);
    expect(Object.keys(SCHEMAS)).toEqual(expect.arrayContaining(["report", "comparison"]));
  });
});
