// What the build takes from the sources: the CLI's bundles and their wrapper, the CLI's own YAML
// parser, the pack cache's key and format (for dist/pack-cache.bin) and the templates' compile
// options (for the precompiled templates).
export { CLI_BUNDLES, DOCUMENTS_CACHE } from "../../src/boot/bundles.js";
export { BUNDLE_WRAPPER } from "../../src/boot/code-cache.js";
export { encodePackCache, packCacheKey } from "../../src/io/pack-cache.js";
export { decodeUtf8, parseYamlSource } from "../../src/io/yaml.js";
export { templateIsStrict } from "../../src/render/templates.js";
