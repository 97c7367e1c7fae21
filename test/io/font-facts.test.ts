import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_DIR_ENV, cacheDir } from "../../src/io/cache-dir.js";
import { openFontFacts } from "../../src/io/font-facts.js";

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), "crm-font-facts-"));

/** A stand-in font file: the cache only examines its path, size and modification time. */
function fontFile(): string {
  const file = path.join(tmp(), "face.ttf");
  writeFileSync(file, "not really a font");
  return file;
}

const POST = { version: 2, italicAngle: 0, isFixedPitch: 0 };

function fill(file: string, env: NodeJS.ProcessEnv, face: string | null = "Face-Regular"): void {
  const store = openFontFacts(file, face, env);
  if (!store) throw new Error("expected a cache");
  store.setPost(POST);
  store.addGlyph(7, [500, 1000, 20, 880]);
  store.addGlyph(3, [250, 1000, 0, 0]);
  store.save();
}

describe("cacheDir", () => {
  it("follows CRM_MATURITY_CACHE_DIR, and an empty value turns caching off", () => {
    expect(cacheDir({ [CACHE_DIR_ENV]: "/somewhere/cache" }, "linux", "/home/u")).toBe(
      path.resolve("/somewhere/cache"),
    );
    expect(cacheDir({ [CACHE_DIR_ENV]: "" }, "linux", "/home/u")).toBeNull();
  });

  it("uses each platform's cache folder", () => {
    expect(cacheDir({}, "linux", "/home/u")).toBe("/home/u/.cache/crm-maturity");
    expect(cacheDir({ XDG_CACHE_HOME: "/xdg" }, "linux", "/home/u")).toBe("/xdg/crm-maturity");
    expect(cacheDir({}, "darwin", "/Users/u")).toBe("/Users/u/Library/Caches/crm-maturity");
    expect(
      cacheDir({ LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }, "win32", "C:\\Users\\u"),
    ).toBe("C:\\Users\\u\\AppData\\Local\\crm-maturity\\Cache");
  });
});

describe("openFontFacts", () => {
  it("gives back what an earlier run stored for the same face of the same file", () => {
    const env = { [CACHE_DIR_ENV]: tmp() };
    const file = fontFile();
    expect(openFontFacts(file, "Face-Regular", env)?.facts).toEqual({
      post: null,
      glyphs: new Map(),
    });
    fill(file, env);
    const facts = openFontFacts(file, "Face-Regular", env)?.facts;
    expect(facts?.post).toEqual(POST);
    expect(facts?.glyphs).toEqual(
      new Map([
        [3, [250, 1000, 0, 0]],
        [7, [500, 1000, 20, 880]],
      ]),
    );
    // Another face of the same collection has facts of its own.
    expect(openFontFacts(file, "Face-Bold", env)?.facts.glyphs.size).toBe(0);
  });

  it("starts afresh when the font file changes (size or modification time)", () => {
    const env = { [CACHE_DIR_ENV]: tmp() };
    const file = fontFile();
    fill(file, env);
    appendFileSync(file, "!");
    expect(openFontFacts(file, "Face-Regular", env)?.facts.glyphs.size).toBe(0);
    fill(file, env);
    utimesSync(file, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
    expect(openFontFacts(file, "Face-Regular", env)?.facts.post).toBeNull();
  });

  it("writes nothing when the run added nothing", () => {
    const dir = tmp();
    openFontFacts(fontFile(), null, { [CACHE_DIR_ENV]: dir })?.save();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("treats a damaged cache file as empty and replaces it", () => {
    const dir = tmp();
    const env = { [CACHE_DIR_ENV]: dir };
    const file = fontFile();
    fill(file, env);
    const [name] = readdirSync(path.join(dir, "fonts"));
    const cached = path.join(dir, "fonts", name ?? "");
    for (const damage of [
      "{ not json",
      JSON.stringify({ ...JSON.parse(readFileSync(cached, "utf8")), glyphs: { 7: [1, 2, 3] } }),
      JSON.stringify({ ...JSON.parse(readFileSync(cached, "utf8")), post: { italicAngle: "0" } }),
    ]) {
      writeFileSync(cached, damage);
      expect(openFontFacts(file, "Face-Regular", env)?.facts).toEqual({
        post: null,
        glyphs: new Map(),
      });
    }
    fill(file, env);
    expect(openFontFacts(file, "Face-Regular", env)?.facts.glyphs.size).toBe(2);
  });

  it("never fails a run: no cache for a missing font, none written where it cannot be", () => {
    expect(openFontFacts(path.join(tmp(), "gone.ttf"), null, { [CACHE_DIR_ENV]: tmp() })).toBe(
      null,
    );
    expect(openFontFacts(fontFile(), null, { [CACHE_DIR_ENV]: "" })).toBeNull();
    // A file where the cache folder should be.
    const blocked = path.join(tmp(), "cache");
    writeFileSync(blocked, "");
    expect(() => fill(fontFile(), { [CACHE_DIR_ENV]: blocked })).not.toThrow();
    // A folder mkdir cannot make though its parent exists (Node 20's recursive mkdir never
    // returned here, and every Chinese PDF hung).
    expect(() => fill(fontFile(), { [CACHE_DIR_ENV]: "/proc/crm-new" })).not.toThrow();
  });
});
