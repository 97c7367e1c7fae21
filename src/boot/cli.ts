import { fileURLToPath } from "node:url";
import { bundleFor } from "./bundles.js";
import { compileBundle, describeCaches } from "./code-cache.js";

// What bin/crm-maturity.cjs loads (built to dist/cli.cjs): it runs the CLI bundle beside it that
// the command line needs, with the code cache made for it (src/boot/bundles.ts).
const { bundle, cache } = bundleFor(process.argv);
const compiled = compileBundle(
  fileURLToPath(new URL(`./${bundle}.cjs`, import.meta.url)),
  fileURLToPath(new URL(`./${cache}.v8-cache`, import.meta.url)),
);
if (process.argv.includes("--debug")) {
  process.stderr.write(
    `crm-maturity: debug: ${describeCaches(compiled, `dist/${cache}.v8-cache for dist/${bundle}.cjs`)}\n`,
  );
}
compiled.run();
