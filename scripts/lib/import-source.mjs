// Lets the maintenance scripts import a TypeScript module from src/: bundles it with esbuild into
// node_modules/.cache (dependencies stay external) and imports the result.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Imports `entry` (a path relative to the repository root, e.g. "src/core/models/schemas.ts"). */
export async function importSource(entry) {
  const dir = path.join(root, "node_modules", ".cache", "crm-maturity-build");
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `${path.basename(entry, ".ts")}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}
