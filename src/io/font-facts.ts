import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { cacheDir, writeCacheFile } from "./cache-dir.js";
import { VERSION } from "./version.js";

/** A glyph's metrics as fontkit computes them: advance width and height, left and top bearing. */
export type GlyphMetrics = readonly [number, number, number, number];

/**
 * What a font face's tables say that writing a PDF reads and fontkit decodes slowly: the `post`
 * table's header (pdfkit reads whether the font is monospaced and its italic angle, and fontkit
 * decodes the whole table, every glyph name, to answer: ~90 ms for WenQuanYi Micro Hei) and the
 * metrics of the glyphs used so far (fontkit reads the outline's header for each).
 */
export interface FontFacts {
  /** The `post` table's numeric header fields; null until a run has read them. */
  post: Readonly<Record<string, number>> | null;
  glyphs: Map<number, GlyphMetrics>;
}

/** The cached facts of one face, and how to store what a run added to them. */
export interface FontFactsStore {
  facts: FontFacts;
  /** Records the post header read from fontkit. */
  setPost(post: Readonly<Record<string, number>>): void;
  /** Records a glyph's metrics read from fontkit. */
  addGlyph(id: number, metrics: GlyphMetrics): void;
  /** Writes the cache file when the run added facts; a cache that cannot be written is skipped. */
  save(): void;
}

interface CacheFile {
  format: 1;
  key: string;
  post: Record<string, number> | null;
  glyphs: Record<string, GlyphMetrics>;
}

/**
 * Opens the facts cached for one face of a font file. The cache is keyed by the file's path,
 * size and modification time, the face and this tool's version, so a changed font (or a new
 * fontkit) starts afresh; an unreadable or damaged cache file counts as empty. Null when caching
 * is turned off or the font file cannot be examined.
 */
export function openFontFacts(
  file: string,
  face: string | null,
  env: NodeJS.ProcessEnv = process.env,
): FontFactsStore | null {
  const dir = cacheDir(env);
  if (dir === null) return null;
  let key: string;
  try {
    const stat = statSync(file);
    key = JSON.stringify([VERSION, path.resolve(file), stat.size, stat.mtimeMs, face]);
  } catch {
    return null;
  }
  const cacheFile = path.join(
    dir,
    "fonts",
    // node:crypto loads here, only for a PDF that embeds a font (~7 ms to load).
    `${process.getBuiltinModule("node:crypto").createHash("sha256").update(key).digest("hex").slice(0, 32)}.json`,
  );
  const facts = readCache(cacheFile, key);
  let changed = false;
  return {
    facts,
    setPost(post) {
      facts.post = post;
      changed = true;
    },
    addGlyph(id, metrics) {
      facts.glyphs.set(id, metrics);
      changed = true;
    },
    save() {
      if (!changed) return;
      changed = false;
      const content: CacheFile = {
        format: 1,
        key,
        post: facts.post ? { ...facts.post } : null,
        glyphs: Object.fromEntries([...facts.glyphs].sort((a, b) => a[0] - b[0])),
      };
      writeCacheFile(cacheFile, `${JSON.stringify(content)}\n`);
    },
  };
}

function readCache(file: string, key: string): FontFacts {
  const facts: FontFacts = { post: null, glyphs: new Map() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return facts;
  }
  if (!isCacheFile(parsed) || parsed.key !== key) return facts;
  facts.post = parsed.post;
  for (const [id, metrics] of Object.entries(parsed.glyphs)) {
    facts.glyphs.set(Number(id), metrics);
  }
  return facts;
}

function isCacheFile(value: unknown): value is CacheFile {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<CacheFile>;
  if (v.format !== 1 || typeof v.key !== "string") return false;
  if (v.post !== null && !isNumberRecord(v.post)) return false;
  if (typeof v.glyphs !== "object" || v.glyphs === null || Array.isArray(v.glyphs)) return false;
  return Object.entries(v.glyphs).every(
    ([id, m]) =>
      /^(0|[1-9]\d*)$/.test(id) &&
      Array.isArray(m) &&
      m.length === 4 &&
      m.every((n) => typeof n === "number" && Number.isFinite(n)),
  );
}

function isNumberRecord(value: unknown): value is Record<string, number> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((n) => typeof n === "number" && Number.isFinite(n))
  );
}
