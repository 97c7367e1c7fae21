import { renameSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeFolder } from "./make-folder.js";

/*
 * crm-maturity's cache folder: what a run can keep for the next one to save time (a font's facts,
 * src/io/font-facts.ts; this Node build's own code caches, src/boot/code-cache.ts). Nothing in it
 * is ever needed: a cache that cannot be read or written leaves the run uncached, never failed.
 */

/** Environment variable naming the cache folder; set to an empty value, nothing is cached. */
export const CACHE_DIR_ENV = "CRM_MATURITY_CACHE_DIR";

/** The folder for crm-maturity's caches on this platform, or null when caching is turned off. */
export function cacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string | null {
  const chosen = env[CACHE_DIR_ENV];
  if (chosen !== undefined) return chosen === "" ? null : path.resolve(chosen);
  if (platform === "darwin") return path.join(home, "Library/Caches/crm-maturity");
  if (platform === "win32") {
    const local = env.LOCALAPPDATA ?? path.win32.join(home, "AppData\\Local");
    return path.win32.join(local, "crm-maturity", "Cache");
  }
  return path.join(env.XDG_CACHE_HOME || path.join(home, ".cache"), "crm-maturity");
}

/**
 * Writes a cache file beside its final name and renames it over it, so a reader never sees half a
 * file; any failure (a read-only home, a full disk) leaves the run uncached, never failed.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    makeFolder(path.dirname(file));
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
  }
}
