// Builds dist/ as an ES module bundle split at every lazy import, so a command loads only what it
// needs in a few files: Node 20 has no module compile cache, and zod alone is a hundred modules.
// Packages that read their own data files at run time (pdfkit, exceljs, …) stay external.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

// zod re-exports all of its ~50 message locales; only English is used (messages are rewritten by
// src/source/zod-issues.ts), and parsing the rest costs every command start-up time.
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.resolve(args.resolveDir, args.path), namespace: "zod-locales" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), "en.js"))};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const BUNDLED = new Set(["zod", "js-yaml", "commander", "tinyglobby", "chalk", "string-width"]);
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
  plugins: [zodEnglishOnly],
  logLevel: "warning",
});
