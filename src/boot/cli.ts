import { fileURLToPath } from "node:url";
import { bundleFor } from "./bundles.js";
import { compileBundle } from "./code-cache.js";

// What bin/crm-maturity.cjs loads (built to dist/cli.cjs): it runs the CLI bundle beside it that
// the command line needs (src/boot/bundles.ts).
const name = bundleFor(process.argv);
const bundle = compileBundle(
  fileURLToPath(new URL(`./${name}.cjs`, import.meta.url)),
  fileURLToPath(new URL(`./${name}.v8-cache`, import.meta.url)),
);
if (process.argv.includes("--debug")) {
  process.stderr.write(`crm-maturity: debug: V8 code cache ${bundle.cache} (dist/${name}.cjs)\n`);
}
bundle.run();
