import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileBundle, describeCaches } from "./code-cache.js";

/*
 * Libraries bundled apart from the CLI bundles, each run with a V8 code cache recorded at build
 * time, as src/boot/code-cache.ts does for the CLI, and loaded only when a command needs them
 * (scripts/build.mjs builds and trains them):
 * - `pdf-stack`: pdfkit and fontkit (src/boot/pdf-stack-entry.cjs), for the commands that write a
 *   PDF; the build puts src/boot/pdf-stack.ts in place of src/io/pdf-libraries.ts. Loading and
 *   compiling them was a fifth of a PDF report's time.
 * - `docx`: the docx library (src/boot/docx-entry.cjs), for the commands that write a Word
 *   document; the build resolves the CLI bundles' imports of "docx" to it. Loading and compiling
 *   it from node_modules took ~70 ms of every Word document.
 * - `zod`: zod as src/core/zod.ts configures it, for the validate bundle (src/boot/bundles.ts),
 *   which needs it only to explain a file its precompiled checks refuse; the build puts
 *   src/boot/zod-on-demand.ts in place of src/core/zod.ts there. Reading and starting zod with the
 *   rest was a tenth of `validate`'s time on a valid pack.
 */
export type SideBundle = "pdf-stack" | "docx" | "zod";

/**
 * Set by the build's training run (src/boot/train.ts) to the side bundle whose cache it records
 * (adding to what is there) instead of using it.
 */
export const TRAIN_SIDE_BUNDLE = Symbol.for("crm-maturity.train-side-bundle");

const loaded = new Map<SideBundle, unknown>();

/** What the side bundle `name` exports, compiled with its code cache on first use. */
export function loadSideBundle(name: SideBundle): unknown {
  if (loaded.has(name)) return loaded.get(name);
  // The CLI bundles and the side bundles sit side by side in dist/.
  const dist = path.dirname(fileURLToPath(import.meta.url));
  const training = (globalThis as Record<symbol, unknown>)[TRAIN_SIDE_BUNDLE] === name;
  const bundle = compileBundle(
    path.join(dist, `${name}.cjs`),
    path.join(dist, `${name}.v8-cache`),
    training ? { saveCache: "extend" } : {},
  );
  if (process.argv.includes("--debug")) {
    process.stderr.write(`crm-maturity: debug: ${describeCaches(bundle, `dist/${name}.cjs`)}\n`);
  }
  const exports = bundle.run();
  loaded.set(name, exports);
  return exports;
}
