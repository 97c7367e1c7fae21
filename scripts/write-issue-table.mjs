// Rewrites the issue-code tables in docs/validate.md from src/core/diagnostics/codes.ts (run by
// `npm run docs:codes`); a test fails when the committed tables are stale.
import { readFileSync, writeFileSync } from "node:fs";
import { importSource } from "./lib/import-source.mjs";

const { issueCodeTables } = await importSource("src/core/diagnostics/doc-table.ts");

const file = new URL("../docs/validate.md", import.meta.url);
const doc = readFileSync(file, "utf8");
const next = doc.replace(
  /<!-- codes:start -->[\s\S]*<!-- codes:end -->/,
  `<!-- codes:start -->\n${issueCodeTables()}<!-- codes:end -->`,
);
writeFileSync(file, next);
console.log("wrote docs/validate.md issue-code tables");
