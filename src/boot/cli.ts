import { fileURLToPath } from "node:url";
import { compileBundle } from "./code-cache.js";

// What bin/crm-maturity.cjs loads (built to dist/cli.cjs): it runs the CLI bundle beside it.
const bundle = compileBundle(
  fileURLToPath(new URL("./crm-maturity.cjs", import.meta.url)),
  fileURLToPath(new URL("./crm-maturity.v8-cache", import.meta.url)),
);
if (process.argv.includes("--debug")) {
  process.stderr.write(`crm-maturity: debug: V8 code cache ${bundle.cache}\n`);
}
bundle.run();
