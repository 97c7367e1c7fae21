// Lets the maintenance scripts import a TypeScript module from src/: bundles it with esbuild into
// the build's work folder (dependencies stay external) and imports the result.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The build's intermediates (never shipped): inside the working tree rather than under
 * node_modules, so that a second tree (a git worktree) whose node_modules links to the first one's
 * builds with its own files. Bundled there, the build helpers would resolve their package root to
 * the other tree (Node follows the link), and two builds at once would overwrite each other.
 */
export const BUILD_WORK = path.join(root, ".build");

/** Imports `entry` (a path relative to the repository root, e.g. "src/core/models/schemas.ts"). */
export async function importSource(entry) {
  mkdirSync(BUILD_WORK, { recursive: true });
  const outfile = path.join(BUILD_WORK, `${path.basename(entry, ".ts")}.mjs`);
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
