import { compileBundle } from "./code-cache.js";
import { TRAIN_PDF_STACK } from "./pdf-stack.js";

// Build-time only (scripts/build.mjs; never shipped):
//   node train.cjs <bundle> <cache> <cli args...>  runs the CLI once and saves the code cache it
//     compiled;
//   node train.cjs --pdf-stack <bundle> <cache> <cli args...>  runs the CLI with its cache and adds
//     what the run compiled of pdfkit and fontkit to their cache (src/boot/pdf-stack.ts).
const pdfStack = process.argv[2] === "--pdf-stack";
const [bundleFile, cacheFile, ...args] = process.argv.slice(pdfStack ? 3 : 2);
if (!bundleFile || !cacheFile) {
  throw new Error("usage: train.cjs [--pdf-stack] <bundle> <cache> <cli args...>");
}
process.argv.splice(2, process.argv.length, ...args);
if (pdfStack) (globalThis as Record<symbol, unknown>)[TRAIN_PDF_STACK] = true;
compileBundle(bundleFile, cacheFile, pdfStack ? {} : { saveCache: true }).run();
