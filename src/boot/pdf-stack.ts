import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PdfLibraries } from "../io/pdf-libraries.js";
import { compileBundle } from "./code-cache.js";

/*
 * pdfkit and fontkit bundled with their dependencies (dist/pdf-stack.cjs) and run with a V8 code
 * cache recorded at build time by rendering PDF reports (dist/pdf-stack.v8-cache), as
 * src/boot/code-cache.ts does for the CLI. The build puts this loader in place of
 * src/io/pdf-libraries.ts in the CLI bundle; only commands that write a PDF load it.
 */

/** Set by the build's training run (src/boot/train.ts) to record the cache instead of using it. */
export const TRAIN_PDF_STACK = Symbol.for("crm-maturity.train-pdf-stack");

let loaded: PdfLibraries | undefined;

/** The bundled pdfkit and fontkit, compiled with their code cache on first use. */
export async function loadPdfLibraries(): Promise<PdfLibraries> {
  if (loaded) return loaded;
  // The CLI bundle and the stack sit side by side in dist/.
  const dist = path.dirname(fileURLToPath(import.meta.url));
  const training = (globalThis as Record<symbol, unknown>)[TRAIN_PDF_STACK] === true;
  const bundle = compileBundle(
    path.join(dist, "pdf-stack.cjs"),
    path.join(dist, "pdf-stack.v8-cache"),
    training ? { saveCache: "extend" } : {},
  );
  if (process.argv.includes("--debug")) {
    process.stderr.write(`crm-maturity: debug: PDF libraries' V8 code cache ${bundle.cache}\n`);
  }
  loaded = bundle.run() as PdfLibraries;
  return loaded;
}
