import { compileBundle } from "./code-cache.js";

// Build-time only: `node train.cjs <bundle> <cache> <cli args...>` runs the CLI once and saves the
// code cache it compiled (scripts/build.mjs; never shipped).
const [bundleFile, cacheFile, ...args] = process.argv.slice(2);
if (!bundleFile || !cacheFile) throw new Error("usage: train.cjs <bundle> <cache> <cli args...>");
process.argv.splice(2, process.argv.length, ...args);
compileBundle(bundleFile, cacheFile, { saveCache: true }).run();
