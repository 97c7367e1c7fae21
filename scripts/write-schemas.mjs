// Regenerates schema/*.schema.json from the zod schemas (run by `npm run schemas`).
import { writeFileSync } from "node:fs";
import { importSource } from "./lib/import-source.mjs";

const { renderJsonSchema, SCHEMAS } = await importSource("src/core/models/schemas.ts");

for (const name of Object.keys(SCHEMAS)) {
  const file = new URL(`../schema/${name}.schema.json`, import.meta.url);
  writeFileSync(file, renderJsonSchema(name));
  console.log(`wrote schema/${name}.schema.json`);
}
