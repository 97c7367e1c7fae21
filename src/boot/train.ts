import { compileBundle } from "./code-cache.js";
import { type SideBundle, TRAIN_SIDE_BUNDLE } from "./side-bundles.js";

// Build-time only (scripts/build.mjs; never shipped):
//   node train.cjs <bundle> <cache> <cli args...>  runs the CLI once and saves the code cache it
//     compiled;
//   node train.cjs --side <name> <bundle> <cache> <cli args...>  runs the CLI with its cache and
//     adds what the run compiled of the side bundle `name` to that bundle's cache
//     (src/boot/side-bundles.ts).
const side = process.argv[2] === "--side" ? (process.argv[3] as SideBundle) : undefined;
const [bundleFile, cacheFile, ...args] = process.argv.slice(side ? 4 : 2);
if (!bundleFile || !cacheFile) {
  throw new Error("usage: train.cjs [--side <name>] <bundle> <cache> <cli args...>");
}
process.argv.splice(2, process.argv.length, ...args);
if (side) (globalThis as Record<symbol, unknown>)[TRAIN_SIDE_BUNDLE] = side;
compileBundle(bundleFile, cacheFile, side ? {} : { saveCache: true }).run();
