import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The report model's and the results' zod schemas (with the statistics' and reliability's they
// hold) are built when their module loads, which took 4–8% of a `score` or Markdown report run
// that never parses them. Only the modules that parse or publish them may import them as values;
// everything else imports their types (`import type`) or the facts kept apart
// (report-sections.ts, results-facts.ts). dependency-cruiser's parser cannot tell type imports
// apart, so this reads the sources.
const SRC = path.resolve(import.meta.dirname, "../../../src");
const SCHEMA_MODULES = /models\/(report|results|statistics|reliability)\.js"/;
const ALLOWED = new Set([
  "app/load-inputs.ts",
  "core/models/schemas.ts",
  "core/models/results.ts",
  "core/models/statistics.ts",
]);

/** Every `import … from "…"` statement of a source file that is not `import type`. */
function valueImports(text: string): string[] {
  return [...text.matchAll(/^import (?!type )[^;]*? from "[^"]+";/gms)].map((m) => m[0]);
}

describe("model schemas are loaded only where they are parsed or published", () => {
  it("finds value imports of a schema module (the check works)", () => {
    expect(valueImports('import { a, type B } from "../models/results.js";\n')).toHaveLength(1);
    expect(valueImports('import type { B } from "../models/results.js";\n')).toHaveLength(0);
  });

  it("has no other module import them as values", () => {
    const offenders = readdirSync(SRC, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts") && !ALLOWED.has(f.split(path.sep).join("/")))
      .flatMap((f) =>
        valueImports(readFileSync(path.join(SRC, f), "utf8"))
          .filter((statement) => SCHEMA_MODULES.test(statement))
          .map((statement) => `${f}: ${statement.replace(/\s+/g, " ")}`),
      );
    expect(offenders).toEqual([]);
  });
});
