// Builds dist/ as an ES module bundle split at every lazy import, so a command loads only what it
// needs in a few files: Node 20 has no module compile cache, and zod alone is a hundred modules.
// Packages that read their own data files at run time (pdfkit, exceljs, …) stay external.
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const BUNDLED = new Set(["zod", "js-yaml", "commander", "tinyglobby", "chalk"]);
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ["src/cli.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: process.env.CRM_NO_MINIFY !== "1",
  sourcemap: "linked",
  external: [...external, ...external.map((d) => `${d}/*`)],
  // Bundled CommonJS code (commander) calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __crmRequire } from 'node:module'; const require = __crmRequire(import.meta.url);",
  },
  logLevel: "warning",
});
