import { compileBundle } from "./code-cache.js";
import { type SideBundle, TRAIN_SIDE_BUNDLE } from "./side-bundles.js";

// Build-time only (scripts/build.mjs; never shipped):
//   node train.cjs [--extend] [--side <name>] <bundle> <cache> <cli args...>
// runs the CLI once and saves the code cache it compiled for the bundle: afresh, or with
// `--extend` added to the cache there. With `--side <name>` it adds what the run compiled of the
// side bundle `name` to that bundle's cache (src/boot/side-bundles.ts), and saves the CLI bundle's
// only with `--extend`.
const args = process.argv.slice(2);
const extend = args[0] === "--extend";
if (extend) args.shift();
const side = args[0] === "--side" ? (args.splice(0, 2)[1] as SideBundle) : undefined;
const [bundleFile, cacheFile, ...cli] = args;
if (!bundleFile || !cacheFile) {
  throw new Error("usage: train.cjs [--extend] [--side <name>] <bundle> <cache> <cli args...>");
}
process.argv.splice(2, process.argv.length, ...cli);
if (side) (globalThis as Record<symbol, unknown>)[TRAIN_SIDE_BUNDLE] = side;
const saveCache = extend ? "extend" : side ? undefined : true;
compileBundle(bundleFile, cacheFile, saveCache ? { saveCache } : {}).run();
