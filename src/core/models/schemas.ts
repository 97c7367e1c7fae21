import { answersFile, targetsFile } from "../answers/schema.js";
import { questionnaireSchemas } from "../questionnaire/schema.js";
import { z } from "../zod.js";
import { brandSchema } from "./brand.js";
import { comparisonSchema } from "./comparison.js";
import { mappingSchema } from "./mapping.js";
import { reportModelSchema } from "./report.js";
import { resultsSchema } from "./results.js";

type SchemaEntry = { title: string; schema: () => z.ZodType };

/** Every file format with a published JSON Schema, keyed by the `schema` command's argument. */
export const SCHEMAS: Record<string, SchemaEntry> = {
  questionnaire: {
    title: "crm-maturity questionnaire",
    schema: () => questionnaireSchemas().questionnaireRoot,
  },
  dimension: {
    title: "crm-maturity questionnaire dimension file",
    schema: () => questionnaireSchemas().dimension,
  },
  answers: { title: "crm-maturity answers", schema: () => answersFile },
  targets: { title: "crm-maturity targets", schema: () => targetsFile },
  results: { title: "crm-maturity results", schema: () => resultsSchema },
  mapping: { title: "crm-maturity survey export mapping", schema: () => mappingSchema },
  report: { title: "crm-maturity report model", schema: () => reportModelSchema },
  comparison: { title: "crm-maturity comparison", schema: () => comparisonSchema },
  brand: { title: "crm-maturity firm branding", schema: brandSchema },
};

/** Renders a format's JSON Schema (draft-07, input mode, so defaults are optional) as text. */
export function renderJsonSchema(name: string): string {
  const entry = SCHEMAS[name];
  if (!entry) throw new Error(`unknown schema ${name}`);
  return render(entry.schema(), entry.title);
}

/**
 * The JSON Schema of a file that holds only `profiles` (included from a questionnaire root). Not
 * published on its own (the root's schema describes `profiles`); the build compiles a check from it.
 */
export function renderProfilesFileJsonSchema(): string {
  return render(questionnaireSchemas().profilesFile, "crm-maturity questionnaire profiles file");
}

function render(schema: z.ZodType, title: string): string {
  const json = z.toJSONSchema(schema, { target: "draft-07", io: "input" }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = json;
  return `${JSON.stringify({ $schema, title, ...rest }, null, 2)}\n`;
}
