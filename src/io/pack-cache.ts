import { readFileSync } from "node:fs";
import path from "node:path";
import { fromPackageRoot } from "./package-root.js";

/** Where the build writes the bundled pack's parsed files (scripts/build.mjs). */
export const PACK_CACHE_FILE = fromPackageRoot("dist", "pack-cache.bin");
const PACK_FOLDER = fromPackageRoot("questionnaires");

/** One file for the cache: its key, its bytes and its parsed value as JSON. */
export interface PackCacheEntry {
  key: string;
  bytes: Uint8Array;
  json: string;
}

/** Per key: where the file's bytes and its value's JSON lie in the data (start, length, start, length). */
type PackIndex = Record<string, [number, number, number, number]>;

/** The cache's key for a pack file: its path inside the pack, with forward slashes. */
export function packCacheKey(abs: string): string | undefined {
  const rel = path.relative(PACK_FOLDER, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join("/");
}

/**
 * The cache file: one line of JSON indexing the entries, then each file's bytes followed by its
 * value as UTF-8 JSON. Bytes, not text: a file is matched by comparing bytes, and neither the
 * cache nor a matched file is decoded whole (decoding and JSON-parsing a cache of the texts cost
 * `validate` about as much as the rest of reading the pack).
 */
export function encodePackCache(entries: readonly PackCacheEntry[]): Buffer {
  const index: PackIndex = {};
  const parts: Buffer[] = [];
  let at = 0;
  for (const { key, bytes, json } of entries) {
    const value = Buffer.from(json, "utf8");
    index[key] = [at, bytes.length, at + bytes.length, value.length];
    parts.push(Buffer.from(bytes), value);
    at += bytes.length + value.length;
  }
  return Buffer.concat([Buffer.from(`${JSON.stringify(index)}\n`, "utf8"), ...parts]);
}

let cache: { index: PackIndex; data: Buffer } | null | undefined;
function loadCache(): { index: PackIndex; data: Buffer } | null {
  if (cache === undefined) {
    try {
      const buf = readFileSync(PACK_CACHE_FILE);
      const eol = buf.indexOf(0x0a);
      cache = {
        index: JSON.parse(buf.toString("utf8", 0, eol)) as PackIndex,
        data: buf.subarray(eol + 1),
      };
    } catch {
      cache = null;
    }
  }
  return cache;
}

/**
 * The value of a bundled pack file parsed at build time, when `bytes` are exactly the bytes it
 * was parsed from: js-yaml costs `validate` more than the rest of its start-up, JSON.parse of the
 * stored value about a hundredth of that. (Compared byte for byte, not by a hash: loading
 * node:crypto would cost more than it saves.) Files outside the pack, edited files and a missing
 * cache (running from src/ before a build) take the ordinary parse.
 */
export function cachedPackValue(abs: string, bytes: Uint8Array): { value: unknown } | undefined {
  const key = packCacheKey(abs);
  if (key === undefined) return undefined;
  const loaded = loadCache();
  if (!loaded || !Object.hasOwn(loaded.index, key)) return undefined;
  const [start, length, valueStart, valueLength] = loaded.index[key] as PackIndex[string];
  if (length !== bytes.length || !loaded.data.subarray(start, start + length).equals(bytes)) {
    return undefined;
  }
  return { value: JSON.parse(loaded.data.toString("utf8", valueStart, valueStart + valueLength)) };
}
