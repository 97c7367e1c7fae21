import { readFileSync } from "node:fs";
import path from "node:path";
import { fromPackageRoot } from "./package-root.js";

/** Where the build writes the bundled pack's parsed files (scripts/build.mjs). */
export const PACK_CACHE_FILE = fromPackageRoot("dist", "pack-cache.json");
const PACK_FOLDER = fromPackageRoot("questionnaires");

/** One cached file: the text it was parsed from and its value as JSON. */
export interface PackCacheEntry {
  source: string;
  json: string;
}

/** The cache's key for a pack file: its path inside the pack, with forward slashes. */
export function packCacheKey(abs: string): string | undefined {
  const rel = path.relative(PACK_FOLDER, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join("/");
}

let cache: Record<string, PackCacheEntry> | null | undefined;
function loadCache(): Record<string, PackCacheEntry> | null {
  if (cache === undefined) {
    try {
      cache = JSON.parse(readFileSync(PACK_CACHE_FILE, "utf8")) as Record<string, PackCacheEntry>;
    } catch {
      cache = null;
    }
  }
  return cache;
}

/**
 * The value of a bundled pack file parsed at build time, when `text` is exactly the text it was
 * parsed from: js-yaml costs `validate` more than the rest of its start-up, JSON.parse of the
 * stored value about a hundredth of that. (Compared as text, not by a hash: loading node:crypto
 * would cost more than it saves.) Files outside the pack, edited files and a missing cache
 * (running from src/ before a build) take the ordinary parse.
 */
export function cachedPackValue(abs: string, text: string): { value: unknown } | undefined {
  const key = packCacheKey(abs);
  if (key === undefined) return undefined;
  const entry = loadCache()?.[key];
  return entry?.source === text ? { value: JSON.parse(entry.json) } : undefined;
}
