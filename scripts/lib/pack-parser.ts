// What the build needs to write dist/pack-cache.json: the CLI's own YAML parser and cache key.
export { packCacheKey } from "../../src/io/pack-cache.js";
export { decodeUtf8, parseYamlSource } from "../../src/io/yaml.js";
