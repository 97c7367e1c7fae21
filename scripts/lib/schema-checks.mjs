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
    // As zod: regular expressions without the u flag; NaN and ±Infinity are not numbers.
    unicodeRegExp: false,
    // String lengths in UTF-16 units, not code points: the same verdict while the formats only
    // ask for at least one character (checked below), without counting the code points of every
    // text of the pack.
    unicode: false,
    // ajv 8 calls `unicode` deprecated but honours it (limitLength.js); its notice is dropped so that
    // the build prints nothing. Were it ever ignored, the checks would count code points again:
    // slower, and the same verdicts.
    logger: { log: console.log, warn: warnUnlessUnicodeNotice, error: console.error },
    // A failed check only says no (zod then finds and explains the problem): no message texts.
    messages: false,
    strictNumbers: true,
    // zod's JSON Schema output carries annotations ajv's strict mode does not know.
    strict: false,
  });
  const texts = [
    renderJsonSchema("questionnaire"),
    renderJsonSchema("dimension"),
    renderProfilesFileJsonSchema(),
  ];
  assertOnlyNonEmptyLengths(texts);
  const [root, dimension, profiles] = texts.map((text) => JSON.parse(text));
  // Dimensions declared inline in the root are checked by the dimension check, so its code is
  // generated once rather than twice.
  const { $schema, title, definitions, ...dimensionBody } = dimension;
  if (!isDeepStrictEqual(root.properties.dimensions.items, dimensionBody)) {
    throw new Error("the root's inline dimensions no longer have the dimension file's schema");
  }
  root.properties.dimensions.items = { $ref: "dimension" };
  ajv.addSchema(root, "root");
  ajv.addSchema(dimension, "dimension");
  ajv.addSchema(profiles, "profiles");
  writeFileSync(
    outfile,
    standaloneCode.default(ajv, { root: "root", dimension: "dimension", profiles: "profiles" }),
  );
}

/**
 * `unicode: false` counts UTF-16 units, which agrees with counting code points only on whether a
 * string is empty: refuse any other length bound.
 */
function assertOnlyNonEmptyLengths(schemaTexts) {
  const bounds = schemaTexts.join("\n").match(/"(?:minLength|maxLength)":\s*\d+/g) ?? [];
  const other = bounds.filter((b) => !/^"minLength":\s*1$/.test(b));
  if (other.length) {
    throw new Error(
      `schema checks count UTF-16 units; a length bound other than minLength 1 needs ajv's unicode option: ${other.join(", ")}`,
    );
  }
}

/** ajv's warnings, but for its notice that the `unicode` option (set on purpose above) is deprecated. */
function warnUnlessUnicodeNotice(...args) {
  if (!String(args[0]).startsWith("DEPRECATED: option unicode.")) console.warn(...args);
}
