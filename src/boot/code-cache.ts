import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";
import { cacheDir, writeCacheFile } from "../io/cache-dir.js";
import { tuneJitForShortRun } from "./jit.js";

/*
 * Runs the CommonJS bundle of the CLI with a V8 code cache made at build time.
 *
 * Why: Node 20 has no module compile cache (module.enableCompileCache arrived in 22.1), and
 * compiling the bundle and its hot functions costs every command ~20 ms. The build runs `validate`
 * over the bundled pack once and saves the compiled code (scripts/build.mjs). V8 checks
 * the cache against its version number, its flags and the source, and compiles afresh when they
 * differ. Its version number is not enough: Node 20.19.0 and 20.20 share V8 11.3.244.8 but not
 * its patches, and 20.19.0 accepted a cache made by 20.20 and then crashed (a segmentation
 * fault on `--version`). So each cache file starts with a stamp of the Node build that made it
 * (CACHE_STAMP), and a cache with another stamp is not given to V8: another Node build costs
 * speed, never correctness.
 *
 * The bundle holds no `import()` (the build turns them into `require`): code compiled through
 * `vm.Script` cannot import dynamically without an experimental Node feature.
 */

/**
 * What became of the code cache: used, made by another Node build (not given to V8), refused by
 * V8 (a damaged file), or not there.
 */
export type CacheOutcome = "accepted" | "stale" | "rejected" | "absent";

/** How every cache file's first line starts, whatever Node build made it. */
const STAMP_START = "crm-maturity V8 code cache: ";
/** The Node build a cache file was made by, its first line. */
const CACHE_STAMP = Buffer.from(
  `${STAMP_START}node ${process.version} v8 ${process.versions.v8} ${process.platform}-${process.arch}\n`,
  "latin1",
);

/**
 * The data of the cache file `file` whose first bytes must be `header`; "stale" when they differ
 * (another Node build made it), undefined when there is no file to read.
 */
function readCache(file: string, header: Buffer): Buffer | "stale" | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const fits = bytes.length > header.length && bytes.subarray(0, header.length).equals(header);
  return fits ? bytes.subarray(header.length) : "stale";
}

/** This Node build's own cache of a bundle: where it is kept and the header it must start with. */
interface OwnCache {
  file: string;
  header: Buffer;
  /** The `v8/` folder that holds every Node build's own caches. */
  folder: string;
}

/**
 * This Node build's own cache of a bundle, for when the build's cache is stale or absent: most
 * users of a published package run another Node than the one that built it. It is kept in
 * crm-maturity's cache folder (src/io/cache-dir.ts), one file a cache, Node build and installed
 * copy of the package (a folder named by a hash of the bundle's folder, so that two installs run
 * by one Node do not replace each other's), recorded by the first run that finds none and
 * replaced when the bundle changes: its header is the stamp and a line naming the bundle (path,
 * size, modification time), since V8 checks a cache's source by its length only. Null when
 * caching is turned off.
 */
function ownCacheOf(bundleFile: string, cacheFile: string): OwnCache | null {
  const dir = cacheDir();
  if (dir === null) return null;
  let bundle: { size: number; mtimeMs: number };
  try {
    bundle = statSync(bundleFile);
  } catch {
    return null;
  }
  const build = `${process.version}-${process.platform}-${process.arch}`;
  const install = createHash("sha256").update(path.dirname(bundleFile)).digest("hex").slice(0, 12);
  const folder = path.join(dir, "v8");
  return {
    folder,
    file: path.join(folder, build, install, path.basename(cacheFile)),
    header: Buffer.concat([
      CACHE_STAMP,
      Buffer.from(`bundle ${bundleFile} ${bundle.size} ${bundle.mtimeMs}\n`, "utf8"),
    ]),
  };
}

/** The bundle a cache file of ownCacheOf's names in its header (second line), if it names one. */
function bundleNamedIn(file: string): string | undefined {
  const head = Buffer.alloc(CACHE_STAMP.length + 8192);
  const fd = openSync(file, "r");
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = head.subarray(0, length).toString("utf8");
  if (!text.startsWith(STAMP_START)) return undefined;
  const lines = text.split("\n");
  const bundle =
    lines.length > 2 ? /^bundle (.+) \d+ [\d.]+$/.exec(lines[1] ?? "")?.[1] : undefined;
  return bundle !== undefined && path.isAbsolute(bundle) ? bundle : undefined;
}

let pruned = false;

/**
 * Removes the own caches no run will read again, once a run that records one (a new Node build,
 * installed copy or version of the package, so rarely): those whose bundle is gone (a copy that
 * was uninstalled, an old npx folder) and the files of the layout before caches were kept per
 * installed copy (`v8/<Node build>/<name>.v8-cache`). Only files named `*.v8-cache` in `v8/` are
 * touched, and a cache whose bundle exists is kept whatever Node it is for; anything that cannot
 * be read or removed is left as it is.
 */
function pruneOwnCaches(v8Folder: string): void {
  if (pruned) return;
  pruned = true;
  const entries = (folder: string) => {
    try {
      return readdirSync(folder, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  const attempt = (remove: () => void) => {
    try {
      remove();
    } catch {
      // Left for a later run: another process may be using it.
    }
  };
  for (const build of entries(v8Folder)) {
    if (!build.isDirectory()) continue;
    const buildFolder = path.join(v8Folder, build.name);
    for (const entry of entries(buildFolder)) {
      const at = path.join(buildFolder, entry.name);
      if (entry.isFile() && entry.name.endsWith(".v8-cache")) {
        attempt(() => unlinkSync(at));
        continue;
      }
      if (!entry.isDirectory()) continue;
      for (const file of entries(at)) {
        if (!file.isFile() || !file.name.endsWith(".v8-cache")) continue;
        const cacheFile = path.join(at, file.name);
        attempt(() => {
          const bundle = bundleNamedIn(cacheFile);
          if (bundle !== undefined && !existsSync(bundle)) unlinkSync(cacheFile);
        });
      }
      attempt(() => rmdirSync(at)); // only when it is empty
    }
    attempt(() => rmdirSync(buildFolder));
  }
}

/**
 * Node's own CommonJS wrapper, so a bundle sees a normal module scope. The build writes the
 * bundles already wrapped (scripts/build.mjs), so V8 compiles the file's text as it is read:
 * wrapping it here would copy the whole text again at every start.
 */
export const BUNDLE_WRAPPER = {
  start: "(function (exports, require, module, __filename, __dirname) {",
  end: "})",
};

/**
 * A bundle's text. An ASCII file is its own Latin-1 text, which V8 keeps a byte a character;
 * Node's UTF-8 read takes several times as long on a large file (the CLI bundle is ASCII:
 * scripts/build.mjs refuses it otherwise).
 */
function readBundle(file: string): string {
  const bytes = readFileSync(file);
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

export interface CompiledBundle {
  /** What became of the cache the build recorded. */
  cache: CacheOutcome;
  /** This Node build's own cache, used or recorded when the build's did not fit (see ownCacheOf). */
  own?: { outcome: "accepted" | "rejected" | "recording"; file: string };
  /** Runs the bundle's top level once; returns what it exported (`module.exports`). */
  run(): unknown;
}

/** What `--debug` says of a bundle's caches after `label` (its files in dist/). */
export function describeCaches(compiled: CompiledBundle, label: string): string {
  const own = compiled.own
    ? `; this Node's own cache ${compiled.own.outcome} (${compiled.own.file})`
    : "";
  return `V8 code cache ${compiled.cache} (${label})${own}`;
}

/**
 * Compiles `bundleFile` with the code cache in `cacheFile`, or with this Node build's own cache
 * when that one is stale or absent (recorded on exit when there is none). With `saveCache`, the
 * cache is ignored and rewritten when the process exits: by then it holds every function the run
 * compiled, not just the top level (build time only). `saveCache: "extend"` starts from the cache
 * there and adds what this run compiled, so several training runs add up.
 */
export function compileBundle(
  bundleFile: string,
  cacheFile: string,
  opts: { saveCache?: boolean | "extend" } = {},
): CompiledBundle {
  // Before the cache is read or made: V8 checks it against the flags (src/boot/jit.ts).
  tuneJitForShortRun();
  const source = readBundle(bundleFile);
  const cached = opts.saveCache === true ? undefined : readCache(cacheFile, CACHE_STAMP);
  const own = opts.saveCache || Buffer.isBuffer(cached) ? null : ownCacheOf(bundleFile, cacheFile);
  const ownData = own ? readCache(own.file, own.header) : undefined;
  const cachedData = Buffer.isBuffer(cached)
    ? cached
    : Buffer.isBuffer(ownData)
      ? ownData
      : undefined;
  const script = new Script(source, { filename: bundleFile, cachedData });
  // A cache is read under the short-run flags, so it is recorded under them, also after `batch`
  // has set V8's own (V8 would refuse it on every later run).
  const record = () => {
    tuneJitForShortRun();
    return script.createCachedData();
  };
  if (opts.saveCache) {
    process.once("exit", () => writeFileSync(cacheFile, Buffer.concat([CACHE_STAMP, record()])));
  }
  let ownOutcome: "accepted" | "rejected" | "recording" | undefined;
  if (own) {
    ownOutcome = !Buffer.isBuffer(ownData)
      ? "recording"
      : script.cachedDataRejected
        ? "rejected"
        : "accepted";
    if (ownOutcome !== "accepted") {
      process.once("exit", () => {
        writeCacheFile(own.file, Buffer.concat([own.header, record()]));
        pruneOwnCaches(own.folder);
      });
    }
  }
  return {
    cache:
      cached === undefined
        ? "absent"
        : cached === "stale"
          ? "stale"
          : script.cachedDataRejected
            ? "rejected"
            : "accepted",
    ...(own && ownOutcome ? { own: { outcome: ownOutcome, file: own.file } } : {}),
    run() {
      const module: { exports: unknown } = { exports: {} };
      const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
      wrapper(
        module.exports,
        createRequire(bundleFile),
        module,
        bundleFile,
        path.dirname(bundleFile),
      );
      return module.exports;
    },
  };
}
