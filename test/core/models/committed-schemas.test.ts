import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderJsonSchema, SCHEMAS } from "../../../src/core/models/schemas.js";

describe("committed JSON Schemas", () => {
  for (const name of Object.keys(SCHEMAS)) {
    it(`schema/${name}.schema.json is up to date (run \`npm run schemas\` if not)`, () => {
      const committed = readFileSync(
        new URL(`../../../schema/${name}.schema.json`, import.meta.url),
        "utf8",
      );
      expect(committed).toBe(renderJsonSchema(name));
    });
  }

  it("publishes draft-07 schemas with descriptions for editor hover help", () => {
    const schema = JSON.parse(renderJsonSchema("questionnaire"));
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.properties.pace.description).toMatch(/months/);
    expect(schema.required).toEqual(
      expect.arrayContaining(["id", "version", "languages", "scale"]),
    );
    expect(schema.required).not.toContain("pace");
  });
});
