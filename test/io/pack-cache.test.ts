import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cachedPackValue, PACK_CACHE_FILE } from "../../src/io/pack-cache.js";
import { fromPackageRoot } from "../../src/io/package-root.js";
import { readYamlFile } from "../../src/io/read.js";
import { parseYamlSource } from "../../src/io/yaml.js";

const PACK = fromPackageRoot("questionnaires");
const packFiles = readdirSync(PACK, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => path.join(PACK, f));

describe("the bundled pack's parse cache", () => {
  it.runIf(existsSync(PACK_CACHE_FILE))(
    "gives every pack file exactly the value the parser gives",
    () => {
      let hits = 0;
      for (const file of packFiles) {
        const bytes = readFileSync(file);
        const cached = cachedPackValue(file, bytes);
        if (!cached) continue;
        hits++;
        const parsed = parseYamlSource(bytes.toString("utf8"), file, file);
        expect(parsed.issues).toEqual([]);
        expect(cached.value).toStrictEqual(parsed.file.value);
        // Positions still come from the file itself.
        const read = readYamlFile(file, PACK);
        expect(read.file?.value).toStrictEqual(parsed.file.value);
        expect(read.file?.locate(["id"])).toEqual(parsed.file.locate(["id"]));
      }
      expect(hits).toBe(packFiles.length);
    },
  );

  it("is not used for edited bytes or for the same bytes outside the pack", () => {
    const file = packFiles[0] as string;
    const bytes = readFileSync(file);
    const edited = Buffer.concat([bytes, Buffer.from("\n# edited\n")]);
    expect(cachedPackValue(file, edited)).toBeUndefined();
    // Same length, one byte changed.
    const flipped = Buffer.from(bytes);
    const at = flipped.length - 2;
    flipped[at] = (flipped[at] as number) ^ 1;
    expect(cachedPackValue(file, flipped)).toBeUndefined();
    const outside = path.join(mkdtempSync(path.join(tmpdir(), "crm-pack-")), "copy.yaml");
    writeFileSync(outside, bytes);
    expect(cachedPackValue(outside, bytes)).toBeUndefined();
  });
});
