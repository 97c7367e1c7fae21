// Generates src/core/questionnaire/schema-checks.ts's build-time replacement: ajv standalone code that
// checks the questionnaire root, dimension and profiles-file formats against the zod schemas' JSON
// Schemas.
import { writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { importSource } from "./import-source.mjs";

/** Writes the checks as a CommonJS module exporting `root`, `dimension` and `profiles`. */
export async function writeSchemaChecks(outfile) {
  const { renderJsonSchema, renderProfilesFileJsonSchema } = await importSource(
    "src/core/models/schemas.ts",
  );
  const ajv = new Ajv({
    code: { source: true },
    // zod's parse fills in defaults; so must a passing check.
    useDefaults: true,
    // As zod: regular expressions without the u flag; NaN and ±Infinity are not numbers. (String
    // lengths differ, code points against UTF-16 units, but the formats only ask for at least one.)
    unicodeRegExp: false,
    strictNumbers: true,
    // zod's JSON Schema output carries annotations ajv's strict mode does not know.
    strict: false,
  });
  const root = JSON.parse(renderJsonSchema("questionnaire"));
  const dimension = JSON.parse(renderJsonSchema("dimension"));
  // Dimensions declared inline in the root are checked by the dimension check, so its code is
  // generated once rather than twice.
  const { $schema, title, definitions, ...dimensionBody } = dimension;
  if (!isDeepStrictEqual(root.properties.dimensions.items, dimensionBody)) {
    throw new Error("the root's inline dimensions no longer have the dimension file's schema");
  }
  root.properties.dimensions.items = { $ref: "dimension" };
  // A profiles file (only `profiles`, included from the root) has no published schema of its own.
  const profiles = JSON.parse(renderProfilesFileJsonSchema());
  ajv.addSchema(root, "root");
  ajv.addSchema(dimension, "dimension");
  ajv.addSchema(profiles, "profiles");
  writeFileSync(
    outfile,
    standaloneCode.default(ajv, { root: "root", dimension: "dimension", profiles: "profiles" }),
  );
}
